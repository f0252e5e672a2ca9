/**
 * The trail of everything generated, hash-chained exactly as `platform/audit` chains it: the events
 * are staged set-based (one statement per kind of record: creations of the organisation and the
 * registry, baselines approved, lists published, the last two months' submissions, verifications and
 * returns, every step of every item) as their raw values, sorted by when they happened, then
 * streamed in pages through the chain — each diff made by `diffOf`, each hash by `eventHash` over
 * the previous hash and the event's canonical JSON — appended in bulk, and the head moved to the
 * last one: `npm run ducha -- audit verify` passes.
 */
import { sql } from 'kysely';
import { insertJson } from '../../packages/server/src/db/bulk.ts';
import { diffOf, eventHash } from '../../packages/server/src/platform/audit/chain.ts';
import { chinaTime, type Gen } from './context.ts';
import { GO_LIVE } from './org.ts';

type V = (string | null)[];
const num = (v: string | null | undefined) => (v === null || v === undefined ? null : Number(v));

/** Each staged event's before and after, from its kind and raw values (as the use cases write them). */
const templates: Record<string, (v: V) => [Record<string, unknown>, Record<string, unknown>]> = {
  region: (v) => [{}, { name: v[0], level: v[1], parentCode: v[2] }],
  unit: (v) => [{}, { name: v[0], type: v[1], regionCode: v[2], parentId: num(v[3]) }],
  person: (v) => [{}, { name: v[0], unitId: num(v[1]), title: v[2] }],
  position: (v) => [{}, { name: v[0], unitId: num(v[1]) }],
  holder: (v) => [{}, { holderId: num(v[0]), holderName: v[1], startDate: v[2] }],
  user: (v) => [{}, { username: v[0], displayName: v[1], role: v[2], regionCode: v[3], unitId: num(v[4]) }],
  project: (v) => [
    {},
    { code: v[0], name: v[1], regionCode: v[2], sector: v[3], stage: v[4], totalInvestment: v[5] },
  ],
  list: (v) => [{}, { name: v[0], year: num(v[1]), level: v[2], regionCode: v[3], batchScheme: 'three_30' }],
  publish: () => [{ status: 'draft' }, { status: 'published' }],
  baseline: (v) => [
    { status: 'draft', supersedes: null },
    { status: 'approved', baselineNo: num(v[0]), effectiveFrom: v[1], projectId: num(v[2]), year: num(v[3]) },
  ],
  draft: (v) => [{}, { projectId: num(v[0]), year: num(v[1]), plannedInvestment: v[2] }],
  member_out: (v) => [{ projectId: num(v[0]), batch: v[1] }, {}],
  submit: (v) => [{ status: 'draft' }, { status: 'submitted', investmentMonth: v[0], amendment: 0 }],
  verify: (v) => [{ status: 'submitted' }, { status: 'verified', investmentMonth: v[0], amendment: 0 }],
  return: (v) => [{ status: 'submitted' }, { status: 'returned', investmentMonth: v[0], amendment: 0 }],
  item_create: (v) => [{}, { code: v[0], kind: v[1], title: v[2], status: 'new' }],
  item_step: (v) => [{ status: v[0] }, { status: v[1] }],
  item_note: (v) => [{}, { note: v[0] }],
};

export async function writeAudit(g: Gen): Promise<number> {
  const live = chinaTime(GO_LIVE(g), 9);
  await sql`create table bench_audit (at timestamptz not null, ord bigint not null, actor_id int, entity text not null,
    entity_id text not null, action text not null, k text not null, v text[] not null, reason text)`.execute(
    g.db,
  );
  const stage = (select: string) =>
    sql
      .raw(`insert into bench_audit (at, ord, actor_id, entity, entity_id, action, k, v, reason) ${select}`)
      .execute(g.db);
  const at0 = `'${live.toISOString()}'::timestamptz`;
  // the organisation, loaded at go-live
  await stage(
    `select ${at0}, 0, null, 'region', code, 'create', 'region', array[name, level, parent_code], null from regions`,
  );
  await stage(`select ${at0} + interval '1 hour', id, null, 'unit', id::text, 'create', 'unit',
    array[name, type, region_code, parent_id::text], null from units`);
  await stage(`select ${at0} + interval '2 hours', id, null, 'person', id::text, 'create', 'person',
    array[name, unit_id::text, title], null from people`);
  await stage(`select ${at0} + interval '3 hours', id, null, 'position', id::text, 'create', 'position',
    array[name, unit_id::text], null from positions`);
  await stage(`select greatest((h.start_date + interval '9 hours')::timestamp at time zone 'Asia/Shanghai', ${at0} + interval '4 hours'),
    h.id, null, 'position', h.position_id::text, 'change_holder', 'holder',
    array[h.person_id::text, pe.name, h.start_date::text], h.reason
    from position_holdings h join people pe on pe.id = h.person_id where h.end_date is null`);
  await stage(`select created_at, id, null, 'user', id::text, 'create', 'user',
    array[username, display_name, role, region_code, unit_id::text], null from users`);
  // the registry
  await stage(`select p.created_at, p.id, br.office, 'project', p.id::text, 'create', 'project',
    array[p.code, p.name, p.region_code, p.sector, p.stage, p.total_investment::text], null
    from projects p join bench_region br on br.code = p.region_code`);
  await stage(`select l.created_at, l.id, br.office, 'project_list', l.id::text, 'create', 'list',
    array[l.name, l.year::text, l.level, l.region_code], null
    from project_lists l join bench_region br on br.code = l.region_code`);
  await stage(`select l.published_at, l.id, br.office, 'project_list', l.id::text, 'publish', 'publish', '{}', null
    from project_lists l join bench_region br on br.code = l.region_code`);
  await stage(`select ap.approved_at, ap.id, ap.approved_by, 'annual_plan', ap.id::text, 'approve_baseline', 'baseline',
    array[ap.baseline_no::text, ap.effective_from::text, ap.project_id::text, ap.year::text], ap.change_reason
    from annual_plans ap where ap.approved_at is not null`);
  await stage(`select ap.created_at, ap.id, null, 'annual_plan', ap.id::text, 'create', 'draft',
    array[ap.project_id::text, ap.year::text, ap.planned_investment::text], ap.change_reason
    from annual_plans ap where ap.status = 'draft'`);
  await stage(`select m.removed_at, m.id, br.office, 'project_list', m.list_id::text, 'remove_member', 'member_out',
    array[m.project_id::text, m.batch], m.reason
    from project_list_members m join project_lists l on l.id = m.list_id join bench_region br on br.code = l.region_code
    where m.removed_at is not null`);
  // the last two months' filings: submitted, verified, returned
  const recent = g.months.at(-2)!;
  const recentReports = `from monthly_reports r where r.current and (r.year, r.month) >= (${recent.y}, ${recent.m})`;
  await stage(`select r.first_submitted_at, r.id * 4, r.created_by, 'report', r.id::text, 'submit', 'submit',
    array[r.investment_month::text], null ${recentReports} and r.first_submitted_at is not null`);
  await stage(`select r.verified_at, r.id * 4 + 1, r.verified_by, 'report', r.id::text, 'verify', 'verify',
    array[r.investment_month::text], null ${recentReports} and r.status = 'verified'`);
  await stage(`select r.updated_at, r.id * 4 + 2, br.office, 'report', r.id::text, 'return', 'return',
    array[r.investment_month::text], r.return_reason
    from monthly_reports r join projects p on p.id = r.project_id join bench_region br on br.code = p.region_code
    where r.current and (r.year, r.month) >= (${recent.y}, ${recent.m}) and r.status = 'returned'`);
  // every step of every item, as the engine records it
  await stage(`select e.at, e.id, e.actor_id, 'item', e.item_id::text,
    case e.action when 'raise' then 'create' else e.action end,
    case when e.action = 'raise' then 'item_create' when e.from_status is distinct from e.to_status then 'item_step' else 'item_note' end,
    case when e.action = 'raise' then array[i.code, i.kind, i.title]
         when e.from_status is distinct from e.to_status then array[e.from_status, e.to_status]
         else array[e.note] end,
    case when e.action in ('return', 'escalate', 'list', 'merge', 'dismiss_proposal', 'remind') then e.note end
    from item_events e join items i on i.id = e.item_id`);

  await sql`create table bench_audit_sorted as
    select row_number() over (order by a.at, a.entity, a.ord, a.action) as n, a.*, u.display_name as actor_name
    from bench_audit a left join users u on u.id = a.actor_id`.execute(g.db);
  await sql`drop table bench_audit`.execute(g.db);
  await sql`create index on bench_audit_sorted (n)`.execute(g.db);
  const total = Number(
    (await sql<{ n: number }>`select count(*)::int as n from bench_audit_sorted`.execute(g.db)).rows[0]!.n,
  );

  const head = await g.db.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
  let { seq, hash } = head;
  const start = seq;
  const page = 5000;
  for (let from = 0; from < total; from += page) {
    const rows = (
      await sql<{
        n: number;
        at: Date;
        actor_id: number | null;
        actor_name: string | null;
        entity: string;
        entity_id: string;
        action: string;
        k: string;
        v: V;
        reason: string | null;
      }>`select n, at, actor_id, actor_name, entity, entity_id, action, k, v, reason from bench_audit_sorted
        where n > ${from} and n <= ${from + page} order by n`.execute(g.db)
    ).rows;
    const out = rows.map((r) => {
      const [before, after] = templates[r.k]!(r.v);
      const fields = {
        seq: start + Number(r.n),
        at: r.at,
        actorId: r.actor_id,
        actorName: r.actor_name,
        entity: r.entity,
        entityId: r.entity_id,
        action: r.action,
        diff: diffOf(before, after),
        reason: r.reason,
        requestId: 'province',
      };
      const prev = hash;
      hash = eventHash(prev, fields);
      seq = fields.seq;
      return {
        seq: fields.seq,
        at: r.at,
        actor_id: r.actor_id,
        actor_name: r.actor_name,
        entity: r.entity,
        entity_id: r.entity_id,
        action: r.action,
        diff: fields.diff,
        reason: r.reason,
        request_id: 'province',
        prev_hash: prev,
        hash,
      };
    });
    await insertJson(g.db, 'audit_events', out);
  }
  await g.db.updateTable('audit_head').set({ seq, hash }).execute();
  await sql`drop table bench_audit_sorted`.execute(g.db);
  return total;
}
