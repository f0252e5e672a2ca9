/**
 * The bare server of bench:reads: for each read, the same page fetched by a minimal hand-written
 * SQL query through the app's own `Db` (for PGlite the same worker client, for PostgreSQL the same
 * `pg` pool) and written as JSON. No session, no validation, no scope rules, no presentation: the
 * page's rows (with the names the page shows, joined for the page's rows only) and its total. The
 * limit for that page on this database, driver and process.
 *
 * Every handler takes its parameters from the query string (the bench passes what the app's URL
 * implies: the office's region path, the month, the ids), e.g. `/ledger?path=230000.230600&status=responded`.
 */
import http from 'node:http';
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../packages/server/src/db/connection.ts';

type Params = URLSearchParams;
type Handler = (db: Db, p: Params) => Promise<unknown>;

const PAGE = 25;
const rows = async <T = Record<string, unknown>>(db: Db, q: RawBuilder<T>) => (await q.execute(db)).rows;
const total = async (db: Db, q: RawBuilder<{ n: number }>) => (await q.execute(db)).rows[0]!.n;
const and = (conds: RawBuilder<unknown>[]) => (conds.length ? sql.join(conds, sql` and `) : sql`true`);
/** `column` holds a region code at `path` or below it (the scope of an office; none for admin). */
const under = (column: string, path: string | null) =>
  path
    ? sql`${sql.ref(column)} in (select code from regions where path = ${path} or path like ${path + '.%'})`
    : sql`true`;
const int = (p: Params, k: string) => Number(p.get(k));

/** The ledger's first page, newest first, and its count; optional status and unit filters. */
const ledger: Handler = async (db, p) => {
  const conds = [under('i.region_code', p.get('path'))];
  if (p.get('status')) conds.push(sql`i.status = ${p.get('status')}`);
  if (p.get('unit'))
    conds.push(
      sql`(i.responsible_unit_id = ${int(p, 'unit')}
        or exists (select 1 from item_co_units c where c.item_id = i.id and c.unit_id = ${int(p, 'unit')}))`,
    );
  const where = and(conds);
  const [items, n] = await Promise.all([
    rows(
      db,
      sql`select i.*, p.code as project_code, p.name as project_name, u.name as responsible_unit_name
        from (select * from items i where ${where} order by i.raised_at desc, i.id desc limit ${PAGE}) i
        left join projects p on p.id = i.project_id
        left join units u on u.id = i.responsible_unit_id
        order by i.raised_at desc, i.id desc`,
    ),
    total(db, sql<{ n: number }>`select count(*)::int as n from items i where ${where}`),
  ]);
  return { items, total: n };
};

/** One item with its events, attachments and merged duplicates, in one round trip. */
const item: Handler = async (db, p) => {
  const [r] = await rows(
    db,
    sql`select to_jsonb(i) || jsonb_build_object('project_name', p.name, 'responsible_unit_name', u.name) as item,
        coalesce((select jsonb_agg(e order by e.id) from item_events e where e.item_id = i.id), '[]') as events,
        coalesce((select jsonb_agg(jsonb_build_object('id', a.id, 'name', a.name, 'size', a.size, 'type', a.type,
                   'sha256', a.sha256, 'created_at', a.created_at) order by a.id)
                  from item_attachments a where a.item_id = i.id), '[]') as attachments,
        coalesce((select jsonb_agg(jsonb_build_object('id', d.id, 'code', d.code) order by d.id)
                  from items d where d.merged_into = i.id), '[]') as duplicates
      from items i
      left join projects p on p.id = i.project_id
      left join units u on u.id = i.responsible_unit_id
      where i.id = ${int(p, 'id')}`,
  );
  return r;
};

/** The registry's first page by code (active projects in scope) and its count. */
const projects: Handler = async (db, p) => {
  const where = and([sql`p.active`, under('p.region_code', p.get('path'))]);
  const [items, n] = await Promise.all([
    rows(
      db,
      sql`select p.*, u.name as responsible_unit_name
        from (select * from projects p where ${where} order by p.code, p.id limit ${PAGE}) p
        left join units u on u.id = p.responsible_unit_id
        order by p.code, p.id`,
    ),
    total(db, sql<{ n: number }>`select count(*)::int as n from projects p where ${where}`),
  ]);
  return { items, total: n };
};

/** The light board of a month: reds first, then yellows, then greens, by project code. */
const lights: Handler = async (db, p) => {
  const where = and([
    sql`l.year = ${int(p, 'y')} and l.month = ${int(p, 'm')} and p.active`,
    under('p.region_code', p.get('path')),
  ]);
  const [items, n] = await Promise.all([
    rows(
      db,
      sql`select l.*, p.code as project_code, p.name as project_name
        from lights l join projects p on p.id = l.project_id
        where ${where}
        order by case coalesce(l.override_color, l.computed) when 'red' then 0 when 'yellow' then 1 else 2 end, p.code
        limit ${PAGE}`,
    ),
    total(
      db,
      sql<{
        n: number;
      }>`select count(*)::int as n from lights l join projects p on p.id = l.project_id where ${where}`,
    ),
  ]);
  return { items, total: n };
};

/**
 * A reporter's every-month inbox: its unit's projects × the twelve months up to the month open
 * for filing (the month before today's), with their current report; the months not yet filed,
 * and the open month's filings.
 */
const inbox: Handler = async (db, p) => {
  const open = new Date(`${p.get('today')!.slice(0, 7)}-01T00:00:00Z`);
  open.setUTCMonth(open.getUTCMonth() - 1);
  const oy = open.getUTCFullYear();
  const om = open.getUTCMonth() + 1;
  return rows(
    db,
    sql`with months as (
        select extract(year from d)::int as y, extract(month from d)::int as m
        from generate_series(make_date(${oy}::int, ${om}::int, 1) - interval '11 months',
                             make_date(${oy}::int, ${om}::int, 1), interval '1 month') d)
      select p.id as project_id, p.code, p.name, months.y, months.m, r.id as report_id, r.status
      from projects p cross join months
      left join monthly_reports r on r.project_id = p.id and r.year = months.y and r.month = months.m and r.current
      where p.owner_unit_id = ${int(p, 'unit')} and p.active
        and (r.status is null or r.status not in ('submitted', 'verified') or (months.y = ${oy}::int and months.m = ${om}::int))
      order by months.y, months.m, p.code`,
  );
};

/** The verification queue: a month's submitted reports in scope, by project code. */
const queue: Handler = async (db, p) => {
  const where = and([
    sql`mr.current and mr.year = ${int(p, 'y')} and mr.month = ${int(p, 'm')} and mr.status = 'submitted'`,
    under('p.region_code', p.get('path')),
  ]);
  const [items, n] = await Promise.all([
    rows(
      db,
      sql`select mr.*, p.code as project_code, p.name as project_name
        from monthly_reports mr join projects p on p.id = mr.project_id
        where ${where} order by p.code limit ${PAGE}`,
    ),
    total(
      db,
      sql<{
        n: number;
      }>`select count(*)::int as n from monthly_reports mr join projects p on p.id = mr.project_id where ${where}`,
    ),
  ]);
  return { items, total: n };
};

/** Open items past their deadline (the candidates for escalation), oldest deadline first: every one. */
const escalations: Handler = (db, p) =>
  rows(
    db,
    sql`select i.*, p.code as project_code, p.name as project_name, u.name as responsible_unit_name
      from items i
      left join projects p on p.id = i.project_id
      left join units u on u.id = i.responsible_unit_id
      where i.status in ('assigned', 'responded', 'returned') and i.due_date < ${p.get('today')}::date
        and ${under('i.region_code', p.get('path'))}
      order by i.due_date, i.id`,
  );

/** A page of a list's current members in scope by project code (50), their count by batch, the total. */
const members: Handler = async (db, p) => {
  const id = int(p, 'id');
  const scope = sql`m.list_id = ${id} and m.removed_at is null
    and exists (select 1 from projects p where p.id = m.project_id and ${under('p.region_code', p.get('path'))})`;
  const [items, counts] = await Promise.all([
    rows(
      db,
      sql`select m.project_id, p.code, p.name, m.batch, m.added_at, m.removed_at, m.reason
        from project_list_members m join projects p on p.id = m.project_id
        where m.id in (select m.id from project_list_members m where ${scope} order by m.project_code, m.id limit 50)
        order by p.code, m.id`,
    ),
    rows(
      db,
      sql`select m.batch, count(*)::int as n from project_list_members m where ${scope} group by m.batch`,
    ),
  ]);
  const batchCounts = Object.fromEntries(
    (counts as { batch: string; n: number }[]).map((c) => [c.batch, c.n]),
  );
  return { items, total: Object.values(batchCounts).reduce((a, b) => a + b, 0), batchCounts };
};

/** One entity's audit timeline: the newest 20 events and the count. */
const audit: Handler = async (db, p) => {
  const where = sql`entity = ${p.get('entity')} and entity_id = ${p.get('id')}`;
  const [items, n] = await Promise.all([
    rows(
      db,
      sql`select seq, at, actor_id, actor_name, entity, entity_id, action, diff, reason, request_id
        from audit_events where ${where} order by seq desc limit 20`,
    ),
    total(db, sql<{ n: number }>`select count(*)::int as n from audit_events where ${where}`),
  ]);
  return { items, total: n };
};

export const bareHandlers: Record<string, Handler> = {
  '/ledger': ledger,
  '/item': item,
  '/projects': projects,
  '/lights': lights,
  '/inbox': inbox,
  '/queue': queue,
  '/escalations': escalations,
  '/members': members,
  '/audit': audit,
};

/** The bare server: one handler per read, JSON out, 500 with the message on a database error. */
export function bareServer(db: Db): http.Server {
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://bare');
    const handler = bareHandlers[url.pathname];
    if (!handler) {
      res.writeHead(404).end();
      return;
    }
    handler(db, url.searchParams).then(
      (body) => {
        const json = JSON.stringify(body);
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(json);
      },
      (e: Error) => {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(e.message);
      },
    );
  });
}
