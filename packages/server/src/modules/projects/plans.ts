/**
 * Annual plans and baselines. A project-year has at most one draft; approving it makes baseline
 * 1, 2, … and supersedes the one before, which stays readable. Once a baseline exists, a new draft
 * must say why the plan changes. Monthly amounts always sum exactly to the annual figure.
 */
import type { AnnualPlan, planApprove, planDraftInput } from '@ducha/contract';
import { Decimal } from '@ducha/contract';
import type { z } from 'zod';
import { sql, type SqlBool } from 'kysely';
import { transaction, type Db, type Executor, type Trx } from '../../db/connection.ts';
import { actorOf, type Ctx } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { assertVersion, iso } from '../../platform/records.ts';
import { todayInChina } from '../../platform/time.ts';
import { canEditProject, canManageProject } from './policy.ts';
import { readableProject } from './projects.ts';
import { projectFacts } from './repo.ts';
import { monthlySumError, proRata } from './rules.ts';
import { userNameOf } from '../../platform/auth/accounts.ts';

const planColumns = [
  'ap.id',
  'ap.project_id',
  'ap.year',
  'ap.baseline_no',
  'ap.status',
  'ap.planned_investment',
  'ap.monthly',
  'ap.physical_target',
  'ap.target_start',
  'ap.target_completion',
  'ap.target_production',
  'ap.change_reason',
  userNameOf('ap.created_by').as('created_by_name'),
  'ap.created_at',
  userNameOf('ap.approved_by').as('approved_by_name'),
  'ap.approved_at',
  'ap.effective_from',
  'ap.version',
] as const;

const planBase = (db: Executor) => db.selectFrom('annual_plans as ap');

async function present(db: Executor, rows: Awaited<ReturnType<typeof loadPlans>>): Promise<AnnualPlan[]> {
  const ids = rows.map((r) => r.id);
  const ms = ids.length
    ? await db.selectFrom('plan_milestones').selectAll().where('plan_id', 'in', ids).orderBy('seq').execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    projectId: r.project_id,
    year: r.year,
    baselineNo: r.baseline_no,
    status: r.status as AnnualPlan['status'],
    plannedInvestment: new Decimal(r.planned_investment).toFixed(2),
    monthly: r.monthly.map((m) => new Decimal(m).toFixed(2)),
    physicalTarget: r.physical_target,
    targetStart: r.target_start,
    targetCompletion: r.target_completion,
    targetProduction: r.target_production,
    changeReason: r.change_reason,
    createdBy: r.created_by_name,
    createdAt: r.created_at.toISOString(),
    approvedBy: r.approved_by_name,
    approvedAt: iso(r.approved_at),
    effectiveFrom: r.effective_from,
    milestones: ms
      .filter((m) => m.plan_id === r.id)
      .map((m) => ({
        id: m.id,
        seq: m.seq,
        name: m.name,
        plannedDate: m.planned_date,
        actualDate: m.actual_date,
      })),
    version: r.version,
  }));
}

const loadPlans = (db: Executor, projectId: number, year?: number) => {
  let q = planBase(db).select(planColumns).where('ap.project_id', '=', projectId);
  if (year) q = q.where('ap.year', '=', year);
  return q.orderBy('ap.year', 'desc').orderBy('ap.baseline_no', 'desc').execute();
};

/** Every plan of a project (or of one year): the draft, the baseline in force, and the history. */
export async function listPlans(db: Db, ctx: Ctx, projectId: number, year?: number): Promise<AnnualPlan[]> {
  await readableProject(db, actorOf(ctx), projectId);
  const rows = await loadPlans(db, projectId, year);
  // the draft (baseline 0) first, then baselines newest first
  rows.sort(
    (a, b) =>
      b.year - a.year ||
      (a.status === 'draft' ? -1 : b.status === 'draft' ? 1 : b.baseline_no - a.baseline_no),
  );
  return present(db, rows);
}

async function planOf(trx: Executor, projectId: number, year: number, status: 'draft' | 'approved') {
  return trx
    .selectFrom('annual_plans')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('year', '=', year)
    .where('status', '=', status)
    .executeTakeFirst();
}

async function lockProject(trx: Trx, projectId: number) {
  await trx.selectFrom('projects').select('id').where('id', '=', projectId).forUpdate().executeTakeFirst();
}

/** Creates or updates the project-year's draft. The lead unit prepares it; the office too. */
export async function saveDraft(
  db: Db,
  ctx: Ctx,
  projectId: number,
  year: number,
  input: z.infer<typeof planDraftInput>,
): Promise<AnnualPlan> {
  const actor = actorOf(ctx);
  return transaction(db, async (trx) => {
    await lockProject(trx, projectId);
    const project = await readableProject(trx, actor, projectId);
    if (!canEditProject(actor, projectFacts(project))) throw forbidden();
    const draft = await planOf(trx, projectId, year, 'draft');
    const baseline = await planOf(trx, projectId, year, 'approved');
    if (draft) {
      if (input.version === undefined)
        throw new DomainError(
          'VERSION_CONFLICT',
          409,
          [{ path: 'version', message: '已有草稿，请带上草稿版本号' }],
          { currentVersion: draft.version },
        );
      assertVersion(draft.version, input.version);
    }
    if (baseline && !input.changeReason)
      throw invalid('body.changeReason', '已有批准的基线，调整计划须说明原因');
    const monthly = input.monthly ?? proRata(input.plannedInvestment);
    const sumError = monthlySumError(input.plannedInvestment, monthly);
    if (sumError) throw invalid('body.monthly', sumError);
    const values = {
      planned_investment: input.plannedInvestment,
      monthly,
      physical_target: input.physicalTarget ?? null,
      target_start: input.targetStart ?? null,
      target_completion: input.targetCompletion ?? null,
      target_production: input.targetProduction ?? null,
      change_reason: input.changeReason ?? null,
    };
    let planId: number;
    if (draft) {
      planId = draft.id;
      await trx
        .updateTable('annual_plans')
        .set({ ...values, version: draft.version + 1 })
        .where('id', '=', planId)
        .execute();
      await trx.deleteFrom('plan_milestones').where('plan_id', '=', planId).execute();
    } else {
      const row = await trx
        .insertInto('annual_plans')
        .values({
          ...values,
          project_id: projectId,
          year,
          baseline_no: 0,
          status: 'draft',
          created_by: actor.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      planId = row.id;
    }
    if (input.milestones.length) {
      await trx
        .insertInto('plan_milestones')
        .values(
          input.milestones.map((m, i) => ({
            plan_id: planId,
            seq: i + 1,
            name: m.name,
            planned_date: m.plannedDate,
            actual_date: m.actualDate ?? null,
          })),
        )
        .execute();
    }
    const [plan] = await present(
      trx,
      await planBase(trx).select(planColumns).where('ap.id', '=', planId).execute(),
    );
    await recordAudit(trx, ctx, {
      entity: 'annual_plan',
      entityId: planId,
      action: draft ? 'update' : 'create',
      after: {
        projectId,
        year,
        plannedInvestment: input.plannedInvestment,
        monthly,
        physicalTarget: values.physical_target,
        targetStart: values.target_start,
        targetCompletion: values.target_completion,
        targetProduction: values.target_production,
        milestones: input.milestones,
      },
      reason: input.changeReason ?? null,
    });
    return plan!;
  });
}

/**
 * Without a date given, the year's FIRST baseline is in force from January 1 of its year: the plan
 * covers the whole year, and months before its approval are judged by it rather than left with no
 * plan. A later baseline (a change during the year) is in force from the day of approval, so the
 * months already closed keep the baseline they were judged by.
 */
export const defaultEffectiveFrom = (baselineNo: number, year: number, today: string) =>
  baselineNo === 1 ? `${year}-01-01` : today;

/** The office approves the draft: it becomes the next baseline and the previous one is superseded. */
export const approveDraft = (
  db: Db,
  ctx: Ctx,
  projectId: number,
  year: number,
  input: z.infer<typeof planApprove>,
): Promise<AnnualPlan> => transaction(db, (trx) => approveDraftIn(trx, ctx, projectId, year, input));

/**
 * The approval itself, in the caller's transaction (a batch approval runs one per draft): locks the
 * project, checks the office's reach and the draft's version, numbers the baseline, supersedes the
 * previous one and writes the audit event (its reason: the approval's, then the draft's change reason).
 */
export async function approveDraftIn(
  trx: Trx,
  ctx: Ctx,
  projectId: number,
  year: number,
  input: z.infer<typeof planApprove>,
): Promise<AnnualPlan> {
  const actor = actorOf(ctx);
  await lockProject(trx, projectId);
  const project = await readableProject(trx, actor, projectId);
  if (!canManageProject(actor, project.region_path)) throw forbidden();
  const draft = await planOf(trx, projectId, year, 'draft');
  if (!draft) throw notFound();
  assertVersion(draft.version, input.version);
  const last = await trx
    .selectFrom('annual_plans')
    .select((eb) => eb.fn.max('baseline_no').as('n'))
    .where('project_id', '=', projectId)
    .where('year', '=', year)
    .executeTakeFirst();
  const previous = await planOf(trx, projectId, year, 'approved');
  if (previous)
    await trx
      .updateTable('annual_plans')
      .set({ status: 'superseded' })
      .where('id', '=', previous.id)
      .execute();
  const baselineNo = Number(last?.n ?? 0) + 1;
  const effectiveFrom = input.effectiveFrom ?? defaultEffectiveFrom(baselineNo, year, todayInChina());
  await trx
    .updateTable('annual_plans')
    .set({
      status: 'approved',
      baseline_no: baselineNo,
      approved_by: actor.id,
      approved_at: new Date(),
      effective_from: effectiveFrom,
      version: draft.version + 1,
    })
    .where('id', '=', draft.id)
    .execute();
  const reason = input.reason?.trim() || null;
  await recordAudit(trx, ctx, {
    entity: 'annual_plan',
    entityId: draft.id,
    action: 'approve_baseline',
    before: { status: 'draft', supersedes: previous ? previous.baseline_no : null },
    after: { status: 'approved', baselineNo, effectiveFrom, projectId, year },
    reason:
      reason && draft.change_reason
        ? `${reason}（调整原因：${draft.change_reason}）`
        : (reason ?? draft.change_reason),
  });
  const [plan] = await present(
    trx,
    await planBase(trx).select(planColumns).where('ap.id', '=', draft.id).execute(),
  );
  return plan!;
}

/** Records when a milestone was actually reached; a fact, not a plan change, so no new baseline. */
export async function setMilestoneActual(db: Db, ctx: Ctx, milestoneId: number, actualDate: string | null) {
  return transaction(db, (trx) => recordMilestoneActual(trx, ctx, { milestoneId, actualDate }));
}

/**
 * The use case behind it, in the caller's transaction (a report's verification marks the milestones
 * it reached through here): the milestone must exist (and belong to `projectId` when given), its
 * baseline must be in force, the date not in the future, and the actor may edit the project. Writes
 * its audit event; a date already recorded changes nothing and records nothing.
 */
export async function recordMilestoneActual(
  trx: Trx,
  ctx: Ctx,
  input: {
    milestoneId: number;
    actualDate: string | null;
    projectId?: number;
    path?: string;
    reason?: string;
  },
) {
  const actor = actorOf(ctx);
  const path = input.path ?? 'id';
  const m = await trx
    .selectFrom('plan_milestones as m')
    .innerJoin('annual_plans as ap', 'ap.id', 'm.plan_id')
    .select(['m.id', 'm.name', 'm.actual_date', 'ap.project_id', 'ap.status'])
    .where('m.id', '=', input.milestoneId)
    .forUpdate()
    .executeTakeFirst();
  if (!m || (input.projectId !== undefined && m.project_id !== input.projectId)) {
    if (input.projectId !== undefined) throw invalid(path, '不是本项目计划中的节点');
    throw notFound();
  }
  const project = await readableProject(trx, actor, m.project_id);
  if (!canEditProject(actor, projectFacts(project))) throw forbidden();
  if (m.status === 'superseded')
    throw new DomainError('INVALID_STATE', 409, [{ path, message: '历史基线的节点不能修改' }]);
  const { actualDate } = input;
  if (actualDate && actualDate > todayInChina())
    throw invalid(input.path ?? 'body.actualDate', '实际日期不能晚于今天');
  if (m.actual_date === actualDate) return { id: m.id, actualDate };
  await trx.updateTable('plan_milestones').set({ actual_date: actualDate }).where('id', '=', m.id).execute();
  await recordAudit(trx, ctx, {
    entity: 'project',
    entityId: m.project_id,
    action: 'milestone_actual',
    before: { milestone: m.name, actualDate: m.actual_date },
    after: { milestone: m.name, actualDate },
    reason: input.reason ?? null,
  });
  return { id: m.id, actualDate };
}

export interface YearMilestone {
  id: number;
  name: string;
  plannedDate: string;
  actualDate: string | null;
}

/** The baseline milestones of the year (the baseline in force, else the draft) a report may mark reached. */
export async function yearMilestones(db: Executor, projectId: number, y: number) {
  return (await yearMilestonesOf(db, [projectId], y)).get(projectId) ?? [];
}

/**
 * `yearMilestones` for many projects in two index reads, not two per project (the month's sheet of a
 * city has thousands of rows): each project's plan of the year, the baseline in force before the
 * draft, then those plans' milestones in order. A project without a plan has no entry.
 */
export async function yearMilestonesOf(
  db: Executor,
  projectIds: readonly number[],
  y: number,
): Promise<Map<number, YearMilestone[]>> {
  const out = new Map<number, YearMilestone[]>();
  if (!projectIds.length) return out;
  const plans = db
    .selectFrom('annual_plans')
    .distinctOn('project_id')
    .select(['id', 'project_id'])
    .where(sql<SqlBool>`project_id = any(${sql.val([...projectIds])}::int[])`)
    .where('year', '=', y)
    .where('status', 'in', ['approved', 'draft'])
    .orderBy('project_id')
    .orderBy('status') // 'approved' before 'draft'
    .as('p');
  const rows = await db
    .selectFrom(plans)
    .innerJoin('plan_milestones as m', 'm.plan_id', 'p.id')
    .select([
      'p.project_id as projectId',
      'm.id',
      'm.name',
      'm.planned_date as plannedDate',
      'm.actual_date as actualDate',
    ])
    .orderBy('p.project_id')
    .orderBy('m.seq')
    .execute();
  for (const { projectId, ...m } of rows) {
    const list = out.get(projectId);
    if (list) list.push(m as YearMilestone);
    else out.set(projectId, [m as YearMilestone]);
  }
  return out;
}

/** The approved and superseded baselines of a project's year, oldest first (a year of progress). */
export const yearBaselines = (db: Executor, projectId: number, y: number) =>
  db
    .selectFrom('annual_plans')
    .select(['monthly', 'planned_investment', 'effective_from', 'baseline_no'])
    .where('project_id', '=', projectId)
    .where('year', '=', y)
    .where('status', 'in', ['approved', 'superseded'])
    .orderBy('baseline_no')
    .execute();

export async function auditReadPlan(db: Db, actor: ReturnType<typeof actorOf>, id: string) {
  const plan = await db
    .selectFrom('annual_plans')
    .select('project_id')
    .where('id', '=', Number(id) || -1)
    .executeTakeFirst();
  if (!plan) throw notFound();
  await readableProject(db, actor, plan.project_id);
}
