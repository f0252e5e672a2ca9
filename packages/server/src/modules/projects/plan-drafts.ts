/**
 * Plan drafts waiting for approval, and their batch approval: after an import the office finds the
 * year's drafts in its scope on one page and approves the ones it selected with one reason and one
 * effective date. Each goes through the same use case as a single approval (`approveDraftIn`), in
 * its own transaction, audited one by one; a draft changed since it was read (stale version), no
 * longer a draft, or out of the office's reach is listed with its error and the others are approved.
 */
import {
  Decimal,
  type BatchResult,
  type PlanDraftRow,
  type planBatchApprove,
  type planDraftQuery,
} from '@ducha/contract';
import { sql } from 'kysely';
import type { z } from 'zod';
import { transaction, type Db } from '../../db/connection.ts';
import { actorOf, type Ctx } from '../../platform/access/context.ts';
import { userNameOf } from '../../platform/auth/accounts.ts';
import { runBatch, type BatchOptions } from '../../platform/batch.ts';
import { DomainError, forbidden, notFound } from '../../platform/errors.ts';
import { regionNameOf } from '../../platform/regions.ts';
import { unitNameOf } from '../org/index.ts';
import { approveDraftIn } from './plans.ts';
import { canManageProject } from './policy.ts';
import { readableProject } from './projects.ts';
import { projectIdsIn } from './reads.ts';

/** The drafts of a year on the projects the actor reads (active ones), by project code. */
export async function listPlanDrafts(
  db: Db,
  ctx: Ctx,
  q: z.infer<typeof planDraftQuery>,
): Promise<{ items: PlanDraftRow[]; total: number }> {
  const actor = actorOf(ctx);
  const base = db
    .selectFrom('annual_plans as ap')
    .innerJoin('projects as p', 'p.id', 'ap.project_id')
    .where('ap.status', '=', 'draft')
    .where('ap.year', '=', q.year)
    .where('ap.project_id', 'in', projectIdsIn(db, actor, { q: q.q, regionCode: q.regionCode }));
  const [rows, count] = await Promise.all([
    base
      .select([
        'ap.id',
        'ap.project_id',
        'p.code',
        'p.name',
        regionNameOf('p.region_code').as('region_name'),
        unitNameOf('p.responsible_unit_id').as('responsible_unit_name'),
        'ap.year',
        'ap.planned_investment',
        sql<number>`(select count(*)::int from plan_milestones m where m.plan_id = ap.id)`.as('milestones'),
        sql<number | null>`(select b.baseline_no from annual_plans b where b.project_id = ap.project_id
          and b.year = ap.year and b.status = 'approved')`.as('baseline_no'),
        'ap.change_reason',
        userNameOf('ap.created_by').as('created_by_name'),
        'ap.created_at',
        'ap.version',
      ])
      .orderBy('p.code')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      projectId: r.project_id,
      projectCode: r.code,
      projectName: r.name,
      regionName: r.region_name,
      responsibleUnitName: r.responsible_unit_name,
      year: r.year,
      plannedInvestment: new Decimal(r.planned_investment).toFixed(2),
      milestoneCount: r.milestones,
      baselineNo: r.baseline_no,
      changeReason: r.change_reason,
      createdBy: r.created_by_name,
      createdAt: r.created_at.toISOString(),
      version: r.version,
    })),
    total: Number(count.n),
  };
}

/** Approves each draft (its id and the version read) with the batch's reason and date, one transaction per draft. */
export const approveDrafts = (
  db: Db,
  ctx: Ctx,
  input: z.infer<typeof planBatchApprove>,
  o: BatchOptions,
): Promise<BatchResult> =>
  runBatch(
    input.plans,
    ({ id, version }) =>
      transaction(db, async (trx) => {
        const plan = await trx
          .selectFrom('annual_plans')
          .select(['project_id', 'year', 'status'])
          .where('id', '=', id)
          .executeTakeFirst();
        if (!plan) throw notFound();
        // the reach first, as the single approval checks it: nobody learns about plans out of scope
        const project = await readableProject(trx, actorOf(ctx), plan.project_id);
        if (!canManageProject(actorOf(ctx), project.region_path)) throw forbidden();
        if (plan.status !== 'draft')
          throw new DomainError(
            'INVALID_STATE',
            409,
            [{ path: 'status', message: '该计划已批准，不再是待批准的草稿' }],
            { status: plan.status },
          );
        await approveDraftIn(trx, ctx, plan.project_id, plan.year, {
          version,
          effectiveFrom: input.effectiveFrom,
          reason: input.reason,
        });
      }),
    o,
  );
