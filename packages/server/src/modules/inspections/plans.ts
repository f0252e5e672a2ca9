/**
 * The annual inspection plan (年度稽察计划, issue 14): one per region and year, drafted and edited by
 * the office over the region, approved by another office account over it or the admin (four eyes,
 * `approvalRefusal`); once approved its themes, counts and check items are frozen.
 */
import type { inspectionPlanCreate, inspectionPlanQuery, inspectionPlanUpdate } from '@ducha/contract';
import { sql } from 'kysely';
import type { z } from 'zod';
import { transaction, type Db, type Executor, type Trx } from '../../db/connection.ts';
import { actorOf, type Actor, type Ctx } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { userNameOf } from '../../platform/auth/accounts.ts';
import { DomainError, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { assertVersion, containing, paged } from '../../platform/records.ts';
import { getRegion, regionCodeUnder, regionNameOf, regionPathOf } from '../../platform/regions.ts';
import { canManagePlan, canReadPlan } from './library-policy.ts';
import { approvalRefusal, frozenReason } from './library-rules.ts';

const planColumns = [
  'id',
  'region_code',
  'year',
  'title',
  'notes',
  'status',
  'approved_by',
  'approved_at',
  'created_by',
  'version',
] as const;

export interface PlanRow {
  id: number;
  region_code: string;
  region_path: string;
  year: number;
  status: 'draft' | 'approved';
  created_by: number | null;
  version: number;
}

/** The plan with its region's path, locked in a transaction, or 404. */
export async function planRow(db: Executor | Trx, id: number, lock = false): Promise<PlanRow> {
  let q = db
    .selectFrom('inspection_plans')
    .select(['id', 'region_code', 'year', 'status', 'created_by', 'version'])
    .select(regionPathOf('region_code').as('region_path'))
    .where('id', '=', id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** 409 when the plan is approved (its parts frozen). */
export function assertEditable(p: Pick<PlanRow, 'status'>): void {
  const reason = frozenReason(p.status);
  if (reason)
    throw new DomainError(
      'INVALID_STATE',
      409,
      [{ path: 'status', message: reason }],
      { status: p.status },
      {
        zh: reason,
        en: 'The plan is approved: its themes, counts and check items are frozen',
      },
    );
}

export async function readablePlan(db: Executor, a: Actor, id: number): Promise<PlanRow> {
  const p = await planRow(db, id);
  if (!canReadPlan(a, p.region_path)) throw outOfScope();
  return p;
}

export async function managedPlan(trx: Trx, a: Actor, id: number): Promise<PlanRow> {
  const p = await planRow(trx, id, true);
  if (!canManagePlan(a, p.region_path)) throw outOfScope();
  return p;
}

export function presentPlan(a: Actor) {
  return (r: {
    id: number;
    region_code: string;
    region_name: string;
    region_path: string;
    year: number;
    title: string;
    notes: string;
    status: 'draft' | 'approved';
    created_by: number | null;
    creator: string | null;
    approver: string | null;
    approved_at: Date | null;
    version: number;
  }) => ({
    id: r.id,
    regionCode: r.region_code,
    regionName: r.region_name,
    year: r.year,
    title: r.title,
    notes: r.notes,
    status: r.status,
    createdBy: r.creator,
    approvedBy: r.approver,
    approvedAt: r.approved_at ? new Date(r.approved_at).toISOString() : null,
    canEdit: r.status === 'draft' && canManagePlan(a, r.region_path),
    canApprove:
      approvalRefusal(
        { status: r.status, createdBy: r.created_by },
        a.id,
        canManagePlan(a, r.region_path),
      ) === null,
    version: r.version,
  });
}

export const planSelect = (db: Executor) =>
  db
    .selectFrom('inspection_plans')
    .select(planColumns)
    .select([
      regionNameOf('region_code').as('region_name'),
      regionPathOf('region_code').as('region_path'),
      userNameOf('created_by').as('creator'),
      userNameOf('approved_by').as('approver'),
    ]);

/** The plans the actor reads: its region subtree (all for the admin), newest year first. */
export async function listPlans(db: Db, ctx: Ctx, q: z.infer<typeof inspectionPlanQuery>) {
  const a = actorOf(ctx);
  if (a.role !== 'admin' && a.role !== 'office' && a.role !== 'leader') throw outOfScope();
  let base = db.selectFrom('inspection_plans');
  if (a.role !== 'admin') base = base.where(regionCodeUnder('region_code', a.regionPath));
  if (q.regionCode) {
    const r = await getRegion(db, q.regionCode);
    base = base.where(regionCodeUnder('region_code', r?.path ?? '-'));
  }
  if (q.year) base = base.where('year', '=', q.year);
  if (q.q) base = base.where('title', 'ilike', containing(q.q));
  return paged(
    db,
    base,
    (b) =>
      b
        .select(planColumns)
        .select([
          regionNameOf('region_code').as('region_name'),
          regionPathOf('region_code').as('region_path'),
          userNameOf('created_by').as('creator'),
          userNameOf('approved_by').as('approver'),
        ])
        .orderBy('year', 'desc')
        .orderBy('region_code')
        .orderBy('id'),
    { page: q.page, pageSize: q.pageSize, present: presentPlan(a) },
  );
}

export async function createPlan(db: Db, ctx: Ctx, input: z.infer<typeof inspectionPlanCreate>) {
  const a = actorOf(ctx);
  const region = await getRegion(db, input.regionCode);
  if (!region) throw invalid('body.regionCode', '区划不存在');
  if (!canManagePlan(a, region.path)) throw outOfScope();
  return transaction(db, async (trx) => {
    const clash = await trx
      .selectFrom('inspection_plans')
      .select('id')
      .where('region_code', '=', input.regionCode)
      .where('year', '=', input.year)
      .executeTakeFirst();
    if (clash)
      throw new DomainError('DUPLICATE', 409, [
        { path: 'body.year', message: `${region.name}${input.year} 年已有稽察计划` },
      ]);
    const row = await trx
      .insertInto('inspection_plans')
      .values({
        region_code: input.regionCode,
        year: input.year,
        title: input.title,
        notes: input.notes,
        created_by: a.id,
      })
      .returning(planColumns)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      entity: 'inspection_plan',
      entityId: row.id,
      action: 'create',
      after: row,
    });
    return row.id;
  });
}

export async function updatePlan(db: Db, ctx: Ctx, id: number, input: z.infer<typeof inspectionPlanUpdate>) {
  await transaction(db, async (trx) => {
    const p = await managedPlan(trx, actorOf(ctx), id);
    assertVersion(p.version, input.version);
    assertEditable(p);
    const before = await trx
      .selectFrom('inspection_plans')
      .select(planColumns)
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const after = await trx
      .updateTable('inspection_plans')
      .set({
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.notes !== undefined ? { notes: input.notes } : {}),
        version: p.version + 1,
      })
      .where('id', '=', id)
      .returning(planColumns)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { entity: 'inspection_plan', entityId: id, action: 'update', before, after });
  });
}

/** Four eyes: approved by another office account over the region, or the admin; then frozen. */
export async function approvePlan(db: Db, ctx: Ctx, id: number, version: number) {
  const a = actorOf(ctx);
  await transaction(db, async (trx) => {
    const p = await planRow(trx, id, true);
    if (!canReadPlan(a, p.region_path) && !canManagePlan(a, p.region_path)) throw outOfScope();
    const refusal = approvalRefusal(
      { status: p.status, createdBy: p.created_by },
      a.id,
      canManagePlan(a, p.region_path),
    );
    if (refusal?.status === 403)
      throw new DomainError('FORBIDDEN', 403, [{ path: 'status', message: refusal.message }]);
    assertVersion(p.version, version);
    if (refusal)
      throw new DomainError('INVALID_STATE', 409, [{ path: 'status', message: refusal.message }], {
        status: p.status,
      });
    const after = await trx
      .updateTable('inspection_plans')
      .set({ status: 'approved', approved_by: a.id, approved_at: sql<Date>`now()`, version: p.version + 1 })
      .where('id', '=', id)
      .returning(planColumns)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      entity: 'inspection_plan',
      entityId: id,
      action: 'approve',
      before: { status: p.status, version: p.version },
      after,
    });
  });
}
