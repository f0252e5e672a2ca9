/**
 * A group's weekly site records (seed 001: 督查组每周督查一次 … 本周的进展情况, 存在的主要问题,
 * 下周的工作安排) and its month summary (月通报). A record is one project's week; the problems it
 * raises go into the ledger as `problem` items through the items engine, in the record's
 * transaction, and the record keeps their ids. Photos are the record's attachments.
 */
import type {
  GroupMonthSummary,
  SiteRecord,
  siteRecordCreate,
  siteRecordQuery,
  siteRecordUpdate,
} from '@ducha/contract';
import { sql } from 'kysely';
import type { z } from 'zod';
import { transaction, type Db, type Executor } from '../../db/connection.ts';
import { actorOf, type Actor, type Ctx } from '../../platform/access/context.ts';
import { attachmentsOf } from '../../platform/attachments.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { assertVersion, paged } from '../../platform/records.ts';
import { userNameOf } from '../../platform/auth/accounts.ts';
import { todayInChina } from '../../platform/time.ts';
import { itemBriefOf, itemOpenOf, raiseItem } from '../items/index.ts';
import { projectCodeOf, projectNameOf } from '../projects/index.ts';
import { groupFacts, readableGroup } from './groups.ts';
import { canRecordForGroup } from './group-policy.ts';
import { missingWeeks, mondayOf, weekRefusal, weeksOfMonth } from './group-rules.ts';

const itemsOf = (on: string) =>
  sql<SiteRecord['items']>`coalesce((select json_agg(${itemBriefOf('x.id', on)} order by x.n)
    from unnest(r.item_ids) with ordinality as x(id, n)), '[]'::json)`;

const columns = (on: string) =>
  [
    'r.id',
    'r.group_id',
    'r.project_id',
    projectCodeOf('r.project_id').as('project_code'),
    projectNameOf('r.project_id').as('project_name'),
    sql<string>`r.week_of::text`.as('week_of'),
    'r.progress',
    'r.problems',
    'r.next_week',
    itemsOf(on).as('items'),
    userNameOf('r.created_by').as('created_by_name'),
    'r.created_at',
    'r.version',
  ] as const;

type Row = {
  id: number;
  group_id: number;
  project_id: number;
  project_code: string;
  project_name: string;
  week_of: string;
  progress: string;
  problems: string;
  next_week: string;
  items: { id: number; code: string; title: string; status: string }[] | null;
  created_by_name: string | null;
  created_at: Date;
  version: number;
};

const present = (r: Row): SiteRecord => ({
  id: r.id,
  groupId: r.group_id,
  projectId: r.project_id,
  projectCode: r.project_code,
  projectName: r.project_name,
  weekOf: r.week_of,
  progress: r.progress,
  problems: r.problems,
  nextWeek: r.next_week,
  items: (r.items ?? []).map((i) => ({ id: i.id, code: i.code, title: i.title, status: i.status as never })),
  createdByName: r.created_by_name,
  createdAt: r.created_at.toISOString(),
  version: r.version,
});

export async function listRecords(db: Db, ctx: Ctx, groupId: number, q: z.infer<typeof siteRecordQuery>) {
  await readableGroup(db, actorOf(ctx), groupId);
  let query = db.selectFrom('group_site_records as r').where('r.group_id', '=', groupId);
  if (q.projectId) query = query.where('r.project_id', '=', q.projectId);
  if (q.from) query = query.where('r.week_of', '>=', mondayOf(q.from));
  if (q.to) query = query.where('r.week_of', '<=', q.to);
  const on = todayInChina();
  return paged(db, query, (b) => b.select(columns(on)).orderBy('r.week_of', 'desc').orderBy('r.id', 'desc'), {
    ...q,
    present,
  });
}

async function recordRow(db: Executor, id: number) {
  const r = await db
    .selectFrom('group_site_records as r')
    .select(columns(todayInChina()))
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!r) throw notFound();
  return r;
}

/** A record the actor may read (through its group), presented. */
export async function readableRecord(db: Executor, actor: Actor, id: number): Promise<SiteRecord> {
  const r = await recordRow(db, id);
  await readableGroup(db, actor, r.group_id);
  return present(r);
}

export async function createRecord(
  db: Db,
  ctx: Ctx,
  groupId: number,
  input: z.infer<typeof siteRecordCreate>,
) {
  const actor = actorOf(ctx);
  const today = todayInChina();
  return transaction(db, async (trx) => {
    const g = await readableGroup(trx, actor, groupId);
    if (!canRecordForGroup(actor, groupFacts(g))) throw forbidden();
    if (!g.active)
      throw new DomainError('INVALID_STATE', 409, [
        { path: 'group', message: '督查组已撤销，不能再填写记录' },
      ]);
    const assigned = await trx
      .selectFrom('inspection_group_projects')
      .select('project_id')
      .where('group_id', '=', groupId)
      .where('project_id', '=', input.projectId)
      .executeTakeFirst();
    if (!assigned) throw invalid('body.projectId', '该项目不由本督查组负责');
    const weekOf = mondayOf(input.weekOf);
    const refusal = weekRefusal(weekOf, today);
    if (refusal) throw invalid('body.weekOf', refusal);
    const taken = await trx
      .selectFrom('group_site_records')
      .select('id')
      .where('group_id', '=', groupId)
      .where('project_id', '=', input.projectId)
      .where('week_of', '=', weekOf)
      .executeTakeFirst();
    if (taken)
      throw new DomainError(
        'DUPLICATE',
        409,
        [{ path: 'body.weekOf', message: `该项目 ${weekOf} 这一周已有督查记录，请修改原记录` }],
        {
          id: taken.id,
        },
      );
    // the group's people raise on the projects the group is given, whatever their own scope
    const itemIds: number[] = [];
    for (const p of input.raise) {
      const item = await raiseItem(
        trx,
        ctx,
        { kind: 'problem', source: 'inspection', projectId: input.projectId, ...p },
        { projectGranted: true },
      );
      itemIds.push(item.id);
    }
    const row = await trx
      .insertInto('group_site_records')
      .values({
        group_id: groupId,
        project_id: input.projectId,
        week_of: weekOf,
        progress: input.progress,
        problems: input.problems,
        next_week: input.nextWeek,
        item_ids: itemIds,
        created_by: actor.id,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      entity: 'group_site_record',
      entityId: row.id,
      action: 'create',
      after: row,
    });
    return row.id;
  });
}

export async function updateRecord(db: Db, ctx: Ctx, id: number, input: z.infer<typeof siteRecordUpdate>) {
  const actor = actorOf(ctx);
  return transaction(db, async (trx) => {
    const before = await trx
      .selectFrom('group_site_records')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!before) throw notFound();
    const g = await readableGroup(trx, actor, before.group_id);
    if (!canRecordForGroup(actor, groupFacts(g))) throw forbidden();
    assertVersion(before.version, input.version);
    const after = await trx
      .updateTable('group_site_records')
      .set({
        ...(input.progress !== undefined && { progress: input.progress }),
        ...(input.problems !== undefined && { problems: input.problems }),
        ...(input.nextWeek !== undefined && { next_week: input.nextWeek }),
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      entity: 'group_site_record',
      entityId: id,
      action: 'update',
      before,
      after,
    });
  });
}

/** 月通报: each project's weeks recorded and missing in the month, its latest progress and problems raised. */
export async function monthSummary(
  db: Db,
  ctx: Ctx,
  groupId: number,
  month: string,
): Promise<GroupMonthSummary> {
  await readableGroup(db, actorOf(ctx), groupId);
  const weeks = weeksOfMonth(month, todayInChina());
  const rows = await db
    .selectFrom('inspection_group_projects as gp')
    .select([
      'gp.project_id',
      projectCodeOf('gp.project_id').as('code'),
      projectNameOf('gp.project_id').as('name'),
      sql<string[]>`array(select r.week_of::text from group_site_records r where r.group_id = gp.group_id
        and r.project_id = gp.project_id and r.week_of = any(${weeks}::date[]) order by r.week_of)`.as(
        'recorded',
      ),
      sql<string | null>`(select r.progress from group_site_records r where r.group_id = gp.group_id
        and r.project_id = gp.project_id and r.week_of = any(${weeks}::date[]) order by r.week_of desc limit 1)`.as(
        'latest',
      ),
      sql<number[]>`array(select x.id from group_site_records r, unnest(r.item_ids) as x(id)
        where r.group_id = gp.group_id and r.project_id = gp.project_id and r.week_of = any(${weeks}::date[]))`.as(
        'item_ids',
      ),
    ])
    .where('gp.group_id', '=', groupId)
    .orderBy(projectCodeOf('gp.project_id'))
    .execute();
  const allItems = rows.flatMap((r) => r.item_ids);
  const open = new Set(
    allItems.length
      ? (
          await sql<{
            id: number;
          }>`select x.id from unnest(${allItems}::int[]) as x(id) where ${itemOpenOf('x.id')}`.execute(db)
        ).rows.map((r) => r.id)
      : [],
  );
  const projects = rows.map((r) => ({
    projectId: r.project_id,
    code: r.code,
    name: r.name,
    weeksRecorded: r.recorded,
    missingWeeks: missingWeeks(weeks, r.recorded),
    latestProgress: r.latest,
    problemsRaised: r.item_ids.length,
    openItems: r.item_ids.filter((i) => open.has(i)).length,
  }));
  const sum = (f: (p: (typeof projects)[number]) => number) => projects.reduce((n, p) => n + f(p), 0);
  return {
    groupId,
    month,
    weeks,
    projects,
    totals: {
      records: sum((p) => p.weeksRecorded.length),
      expected: weeks.length * projects.length,
      problemsRaised: sum((p) => p.problemsRaised),
      openItems: sum((p) => p.openItems),
    },
  };
}

/** Photos of a record: its group's recorders add and remove them; whoever reads the group sees them. */
export const recordAttachments = attachmentsOf({
  table: 'group_site_record_attachments',
  ownerColumn: 'record_id',
  entity: 'group_site_record',
  authorize: async (db, ctx, recordId, write) => {
    const actor = actorOf(ctx);
    const r = await db
      .selectFrom('group_site_records')
      .select('group_id')
      .where('id', '=', recordId)
      .executeTakeFirst();
    if (!r) throw notFound();
    const g = await readableGroup(db, actor, r.group_id);
    if (write && !canRecordForGroup(actor, groupFacts(g))) throw forbidden();
  },
});

/** The photos of a record (without their bytes). */
export const recordPhotos = (db: Executor, recordId: number) =>
  db
    .selectFrom('group_site_record_attachments')
    .select(['id', 'name', 'type', 'size', 'sha256', 'created_at'])
    .where('record_id', '=', recordId)
    .orderBy('id')
    .execute();
