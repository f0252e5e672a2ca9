/** Reading project lists: the lists in scope, one list with its members, a project's memberships, the adjustments. */
import {
  batchSchemes,
  can,
  type BatchScheme,
  type listMembersQuery,
  type ProjectList,
  type ProjectListDetail,
  type ProjectListHeader,
} from '@ducha/contract';
import type { z } from 'zod';
import { sql } from 'kysely';
import { type Db, type Executor } from '../../db/connection.ts';
import { actorOf, type Actor, type Ctx } from '../../platform/access/context.ts';
import { scopeKind } from '../../platform/access/scope.ts';
import { notFound, outOfScope } from '../../platform/errors.ts';
import { countUpTo, iso } from '../../platform/records.ts';
import { regionCodeInScope, regionNameOf, regionPathOf } from '../../platform/regions.ts';
import { readableProject } from './projects.ts';
import { userNameOf } from '../../platform/auth/accounts.ts';
import { canSeeList, seesWholeList } from './list-policy.ts';
import { allMembers, memberBase, memberPage } from './list-members.ts';
import { canManageProject } from './policy.ts';
import { projectScopeSql } from './repo.ts';

export const listBase = (db: Executor) => db.selectFrom('project_lists as l');
const listColumns = [
  'l.id',
  'l.year',
  'l.level',
  'l.name',
  'l.region_code',
  regionNameOf('l.region_code').as('region_name'),
  regionPathOf('l.region_code').as('region_path'),
  'l.batch_scheme',
  'l.status',
  'l.published_at',
  'l.version',
  sql<number>`(select count(*)::int from project_list_members m where m.list_id = l.id and m.removed_at is null)`.as(
    'member_count',
  ),
  sql<number>`(select count(*)::int from list_adjustments a where a.list_id = l.id and a.status = 'pending')`.as(
    'pending',
  ),
] as const;
type ListRow = Awaited<ReturnType<ReturnType<typeof findList>>>;

export const present = (r: NonNullable<ListRow>): ProjectList => ({
  id: r.id,
  year: r.year,
  level: r.level as ProjectList['level'],
  name: r.name,
  regionCode: r.region_code,
  regionName: r.region_name,
  batchScheme: r.batch_scheme as BatchScheme,
  batches: [...batchSchemes[r.batch_scheme as BatchScheme]],
  status: r.status as ProjectList['status'],
  publishedAt: iso(r.published_at),
  memberCount: r.member_count,
  pendingAdjustments: r.pending,
  version: r.version,
});

export const findList = (db: Executor) => (id: number) =>
  listBase(db).select(listColumns).where('l.id', '=', id).executeTakeFirst();

export async function readableList(db: Executor, actor: Actor, id: number) {
  const row = await findList(db)(id);
  if (!row) throw notFound();
  if (!canSeeList(actor, row.region_path)) throw outOfScope();
  return row;
}

export async function listLists(db: Db, ctx: Ctx, q: { year?: number; level?: string }) {
  const actor = actorOf(ctx);
  let query = listBase(db);
  if (scopeKind(actor) !== 'global') {
    const ancestors = actor.regionPath.split('.');
    query = query.where((eb) =>
      eb.or([regionCodeInScope(actor, 'l.region_code'), eb('l.region_code', 'in', ancestors)]),
    );
  }
  if (q.year) query = query.where('l.year', '=', q.year);
  if (q.level) query = query.where('l.level', '=', q.level);
  const rows = await query
    .select(listColumns)
    .orderBy('l.year', 'desc')
    .orderBy(regionPathOf('l.region_code'))
    .orderBy('l.id')
    .execute();
  return { items: rows.map(present), total: rows.length };
}

/**
 * One list as the caller may see it, with every member they read (`members: 'all'`, the default and
 * the export's) or none (`'none'`: the list's page reads them a page at a time, `memberPage`).
 */
export async function getList(db: Db, ctx: Ctx, id: number): Promise<ProjectListDetail>;
export async function getList(
  db: Db,
  ctx: Ctx,
  id: number,
  opts: { members: 'all' | 'none' },
): Promise<ProjectListHeader & { members?: ProjectListDetail['members'] }>;
export async function getList(db: Db, ctx: Ctx, id: number, opts: { members?: 'all' | 'none' } = {}) {
  const actor = actorOf(ctx);
  const row = await readableList(db, actor, id);
  const manage = canManageProject(actor, row.region_path);
  const whole = seesWholeList(actor, row.region_path);
  const members = opts.members === 'none' ? undefined : await allMembers(db, actor, row);
  const visibleNow = whole
    ? row.member_count
    : members
      ? members.filter((m) => !m.removedAt).length
      : await countUpTo(db, memberBase(db, actor, row), row.member_count);
  return {
    ...present(row),
    hiddenMembers: Math.max(0, row.member_count - visibleNow),
    actions: {
      manage,
      add: manage || (row.status === 'published' && can(actor.role, 'project.write')),
      timeline: whole,
    },
    ...(members && { members }),
  };
}

/** A page of the list's members (`GET /api/project-lists/:id/members`). */
export async function listMembers(db: Db, ctx: Ctx, id: number, q: z.infer<typeof listMembersQuery>) {
  const actor = actorOf(ctx);
  const row = await readableList(db, actor, id);
  return memberPage(db, actor, row, batchSchemes[row.batch_scheme as BatchScheme], q);
}

/** A list's adjustment requests (of the projects the actor reads, when an actor is given). */
export async function adjustments(db: Executor, listId: number, id?: number, actor?: Actor) {
  let q = db
    .selectFrom('list_adjustments as a')
    .innerJoin('projects as p', 'p.id', 'a.project_id')
    .select([
      'a.id',
      'a.list_id',
      'a.project_id',
      'p.name as project_name',
      'a.kind',
      'a.batch',
      'a.reason',
      'a.status',
      'a.requested_by as requested_by_id',
      userNameOf('a.requested_by').as('requested_by'),
      'a.requested_at',
      userNameOf('a.decided_by').as('decided_by'),
      'a.decided_at',
      'a.decision_note',
    ])
    .where('a.list_id', '=', listId);
  if (id) q = q.where('a.id', '=', id);
  const scope = actor ? projectScopeSql(actor) : null;
  if (scope) q = q.where(scope);
  const rows = await q.orderBy('a.id', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    listId: r.list_id,
    projectId: r.project_id,
    projectName: r.project_name,
    kind: r.kind as 'add' | 'remove' | 'change_batch',
    batch: r.batch,
    reason: r.reason,
    status: r.status as 'pending' | 'approved' | 'rejected',
    requestedById: r.requested_by_id,
    requestedBy: r.requested_by,
    requestedAt: r.requested_at.toISOString(),
    decidedBy: r.decided_by,
    decidedAt: iso(r.decided_at),
    decisionNote: r.decision_note,
  }));
}

export async function listAdjustments(db: Db, ctx: Ctx, listId: number) {
  const actor = actorOf(ctx);
  await readableList(db, actor, listId);
  return adjustments(db, listId, undefined, actor);
}

/** The office decides a request; the requester may not approve their own (four eyes). */
export async function projectMemberships(db: Db, ctx: Ctx, projectId: number) {
  await readableProject(db, actorOf(ctx), projectId);
  const rows = await db
    .selectFrom('project_list_members as m')
    .innerJoin('project_lists as l', 'l.id', 'm.list_id')
    .select([
      'l.id',
      'l.name',
      'l.year',
      'l.level',
      'l.status',
      'm.batch',
      'm.added_at',
      'm.removed_at',
      'm.reason',
    ])
    .where('m.project_id', '=', projectId)
    .orderBy('l.year', 'desc')
    .orderBy('m.id', 'desc')
    .execute();
  return rows.map((r) => ({
    listId: r.id,
    listName: r.name,
    year: r.year,
    level: r.level as ProjectList['level'],
    listStatus: r.status as ProjectList['status'],
    batch: r.batch,
    addedAt: r.added_at.toISOString(),
    removedAt: iso(r.removed_at),
    reason: r.reason,
  }));
}

/** The list's trail names every member: it is for those who read the whole list. */
export async function auditReadList(db: Db, actor: Actor, id: string) {
  const row = await readableList(db, actor, Number(id) || -1);
  if (!seesWholeList(actor, row.region_path)) throw outOfScope();
}
