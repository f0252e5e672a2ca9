/**
 * Project lists and their members. A draft list is edited freely by the office; once published,
 * every add, removal or batch change is a request with a reason that another office member must
 * approve (four eyes), and membership rows are closed rather than deleted, so history stays visible.
 */
import { batchSchemes, type BatchScheme, type listCreate, type ProjectList } from '@ducha/contract';
import { sql } from 'kysely';
import type { z } from 'zod';
import { transaction, type Db, type Executor, type Trx } from '../../db/connection.ts';
import { actorOf, type Actor, type Ctx } from '../../platform/access/context.ts';
import { inPath, regionSubtreeSql, scopeKind } from '../../platform/access/scope.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, forbidden, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { assertVersion, iso } from '../../platform/records.ts';
import { getRegion, regionCodeInScope, regionNameOf, regionPathOf } from '../../platform/regions.ts';
import { canEditProject, canManageProject } from './policy.ts';
import { readableProject } from './projects.ts';
import { projectFacts } from './repo.ts';
import { userNameOf } from '../../platform/auth/accounts.ts';

const listBase = (db: Executor) => db.selectFrom('project_lists as l');
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

const present = (r: NonNullable<ListRow>): ProjectList => ({
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

const findList = (db: Executor) => (id: number) =>
  listBase(db).select(listColumns).where('l.id', '=', id).executeTakeFirst();

/** Lists are visible to whoever reads projects, for their region, its subtree and its ancestors. */
function canSeeList(a: Actor, regionPath: string) {
  return scopeKind(a) === 'global' || inPath(regionPath, a.regionPath) || inPath(a.regionPath, regionPath);
}

async function readableList(db: Executor, actor: Actor, id: number) {
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

export async function getList(db: Db, ctx: Ctx, id: number) {
  const row = await readableList(db, actorOf(ctx), id);
  const members = await db
    .selectFrom('project_list_members as m')
    .innerJoin('projects as p', 'p.id', 'm.project_id')
    .select(['m.project_id', 'p.code', 'p.name', 'm.batch', 'm.added_at', 'm.removed_at', 'm.reason'])
    .where('m.list_id', '=', id)
    .orderBy('p.code')
    .orderBy('m.id')
    .execute();
  return {
    ...present(row),
    members: members.map((m) => ({
      projectId: m.project_id,
      code: m.code,
      name: m.name,
      batch: m.batch,
      addedAt: m.added_at.toISOString(),
      removedAt: iso(m.removed_at),
      reason: m.reason,
    })),
  };
}

export async function createList(db: Db, ctx: Ctx, input: z.infer<typeof listCreate>) {
  const actor = actorOf(ctx);
  return transaction(db, async (trx) => {
    const region = await getRegion(trx, input.regionCode);
    if (!region) throw invalid('body.regionCode', '行政区划不存在');
    if (!canManageProject(actor, region.path)) throw outOfScope();
    const { id } = await trx
      .insertInto('project_lists')
      .values({
        year: input.year,
        level: input.level,
        name: input.name,
        region_code: input.regionCode,
        batch_scheme: input.batchScheme,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const list = present((await findList(trx)(id))!);
    await recordAudit(trx, ctx, { entity: 'project_list', entityId: id, action: 'create', after: list });
    return list;
  });
}

async function managedList(trx: Trx, actor: Actor, id: number) {
  await trx.selectFrom('project_lists').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  const row = await readableList(trx, actor, id);
  if (!canManageProject(actor, row.region_path)) throw forbidden();
  return row;
}

export async function publishList(db: Db, ctx: Ctx, id: number, version: number) {
  const actor = actorOf(ctx);
  return transaction(db, async (trx) => {
    const row = await managedList(trx, actor, id);
    assertVersion(row.version, version);
    if (row.status === 'published')
      throw new DomainError('INVALID_STATE', 409, [{ path: 'status', message: '名单已发布' }]);
    await trx
      .updateTable('project_lists')
      .set({
        status: 'published',
        published_at: new Date(),
        version: row.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    const list = present((await findList(trx)(id))!);
    await recordAudit(trx, ctx, {
      entity: 'project_list',
      entityId: id,
      action: 'publish',
      before: { status: 'draft' },
      after: { status: 'published', members: list.memberCount },
    });
    return list;
  });
}

type Change = {
  kind: 'add' | 'remove' | 'change_batch';
  projectId: number;
  batch: string | null;
  reason: string | null;
};

/** The project's current membership, checked against the change (a request must be applicable). */
async function currentMembership(trx: Trx, listId: number, c: Change) {
  const current = await trx
    .selectFrom('project_list_members')
    .select(['id', 'batch'])
    .where('list_id', '=', listId)
    .where('project_id', '=', c.projectId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  if (c.kind === 'add' && current) throw invalid('body.projectId', '项目已在名单中');
  if (c.kind !== 'add' && !current) throw invalid('projectId', '项目不在名单中');
  if (c.kind === 'change_batch' && current?.batch === c.batch) throw invalid('body.batch', '项目已在该批次');
  return current;
}

/** Applies a membership change; the current row is closed, never deleted. */
async function apply(trx: Trx, listId: number, c: Change) {
  const current = await currentMembership(trx, listId, c);
  if (current)
    await trx
      .updateTable('project_list_members')
      .set({ removed_at: new Date(), reason: c.reason })
      .where('id', '=', current.id)
      .execute();
  if (c.kind !== 'remove')
    await trx
      .insertInto('project_list_members')
      .values({ list_id: listId, project_id: c.projectId, batch: c.batch!, reason: c.reason })
      .execute();
}

/**
 * Adds, removes or re-batches a project. On a draft list the office applies it at once; on a
 * published list the office or the project's lead unit files a request with a reason.
 */
export async function changeMember(db: Db, ctx: Ctx, listId: number, c: Change) {
  const actor = actorOf(ctx);
  return transaction(db, async (trx) => {
    await trx
      .selectFrom('project_lists')
      .select('id')
      .where('id', '=', listId)
      .forUpdate()
      .executeTakeFirst();
    const list = await readableList(trx, actor, listId);
    const project = await readableProject(trx, actor, c.projectId);
    const office = canManageProject(actor, list.region_path);
    if (!office && !(list.status === 'published' && canEditProject(actor, projectFacts(project))))
      throw forbidden();
    if (!inPath(project.region_path, list.region_path))
      throw invalid('body.projectId', '项目不在名单所属行政区划内');
    if (
      c.batch !== null &&
      !(batchSchemes[list.batch_scheme as BatchScheme] as readonly string[]).includes(c.batch)
    ) {
      throw invalid('body.batch', `批次应为：${batchSchemes[list.batch_scheme as BatchScheme].join('、')}`);
    }
    if (list.status === 'draft') {
      await apply(trx, listId, c);
      await recordAudit(trx, ctx, {
        entity: 'project_list',
        entityId: listId,
        action: `member_${c.kind}`,
        after: { projectId: c.projectId, project: project.name, batch: c.batch },
        reason: c.reason,
      });
      return { applied: true, adjustment: null };
    }
    if (!c.reason) throw invalid('body.reason', '名单发布后调整须说明原因');
    const pending = await trx
      .selectFrom('list_adjustments')
      .select('id')
      .where('list_id', '=', listId)
      .where('project_id', '=', c.projectId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (pending)
      throw new DomainError('INVALID_STATE', 409, [{ path: 'projectId', message: '该项目已有待审批的调整' }]);
    await currentMembership(trx, listId, c);
    const { id } = await trx
      .insertInto('list_adjustments')
      .values({
        list_id: listId,
        project_id: c.projectId,
        kind: c.kind,
        batch: c.batch,
        reason: c.reason,
        requested_by: actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      entity: 'project_list',
      entityId: listId,
      action: 'request_adjustment',
      after: {
        adjustmentId: id,
        kind: c.kind,
        projectId: c.projectId,
        project: project.name,
        batch: c.batch,
      },
      reason: c.reason,
    });
    return { applied: false, adjustment: (await adjustments(trx, listId, id))[0]! };
  });
}

export async function adjustments(db: Executor, listId: number, id?: number) {
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
  await readableList(db, actorOf(ctx), listId);
  return adjustments(db, listId);
}

/** The office decides a request; the requester may not approve their own (four eyes). */
export async function decideAdjustment(db: Db, ctx: Ctx, id: number, approve: boolean, note: string | null) {
  const actor = actorOf(ctx);
  return transaction(db, async (trx) => {
    const a = await trx
      .selectFrom('list_adjustments')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!a) throw notFound();
    await managedList(trx, actor, a.list_id);
    if (a.status !== 'pending')
      throw new DomainError('INVALID_STATE', 409, [{ path: 'status', message: '该调整已处理' }]);
    if (approve && a.requested_by === actor.id)
      throw new DomainError('FORBIDDEN', 403, [{ path: 'id', message: '不能审批自己提出的调整' }]);
    if (approve)
      await apply(trx, a.list_id, {
        kind: a.kind as Change['kind'],
        projectId: a.project_id,
        batch: a.batch,
        reason: a.reason,
      });
    await trx
      .updateTable('list_adjustments')
      .set({
        status: approve ? 'approved' : 'rejected',
        decided_by: actor.id,
        decided_at: new Date(),
        decision_note: note,
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'project_list',
      entityId: a.list_id,
      action: approve ? 'approve_adjustment' : 'reject_adjustment',
      after: { adjustmentId: id, kind: a.kind, projectId: a.project_id },
      reason: note,
    });
    return (await adjustments(trx, a.list_id, id))[0]!;
  });
}

/** Every list the project is or was on, with its batch and dates. */
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

export async function auditReadList(db: Db, actor: Actor, id: string) {
  await readableList(db, actor, Number(id) || -1);
}
