/**
 * Changing a list's members. A draft list is edited freely by the office; once published, every
 * add, removal or batch change is a request with a reason that another office member must approve
 * (four eyes), and membership rows are closed rather than deleted, so history stays visible.
 */
import { batchSchemes, type BatchScheme } from '@ducha/contract';
import { transaction, type Db, type Trx } from '../../db/connection.ts';
import { actorOf, type Ctx } from '../../platform/access/context.ts';
import { inPath } from '../../platform/access/scope.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { canEditProject, canManageProject } from './policy.ts';
import { readableProject } from './projects.ts';
import { projectFacts } from './repo.ts';
import { adjustments, readableList } from './list-queries.ts';
import { managedList } from './lists.ts';

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
