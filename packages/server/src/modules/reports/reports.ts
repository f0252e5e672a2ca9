/**
 * The monthly report workflow: draft → submitted → verified, or returned with a reason and
 * resubmitted. A verified report is frozen; a correction is an amendment, a new version with its
 * reason, and every version stays readable. Milestones reached become the baseline's actual dates
 * when the report is verified.
 */
import { reportStatusLabels, type MonthlyReport, type reportAmend, type reportDraft } from '@ducha/contract';
import { sql } from 'kysely';
import type { z } from 'zod';
import { transaction, type Db, type Executor, type Trx } from '../../db/connection.ts';
import { actorOf, type Actor, type Ctx } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { assertVersion } from '../../platform/records.ts';
import { todayInChina } from '../../platform/time.ts';
import {
  lockProjectRow,
  projectFacts,
  readableProject,
  recordMilestoneActual,
  yearMilestones,
  type ProjectRow,
} from '../projects/index.ts';
import { deadlineOf } from './calendar.ts';
import { monthPublished } from './freeze.ts';
import { canFileReport, canVerifyReport } from './policy.ts';
import { presentReport, reminderOf, reportBase } from './repo.ts';
import { isOverdue, sinceStartError } from './rules.ts';

export const parseMonth = (ym: string) => ({ y: Number(ym.slice(0, 4)), m: Number(ym.slice(5, 7)) });

async function current(db: Executor, projectId: number, y: number, m: number) {
  return reportBase(db)
    .where('mr.project_id', '=', projectId)
    .where('mr.year', '=', y)
    .where('mr.month', '=', m)
    .where('mr.current', '=', true)
    .executeTakeFirst();
}

export async function getMonth(db: Db, ctx: Ctx, projectId: number, ym: string) {
  const { y, m } = parseMonth(ym);
  const project = await readableProject(db, actorOf(ctx), projectId);
  const deadline = await deadlineOf(db, project.region_path, y, m);
  const versions = await reportBase(db)
    .where('mr.project_id', '=', projectId)
    .where('mr.year', '=', y)
    .where('mr.month', '=', m)
    .orderBy('mr.amendment', 'desc')
    .execute();
  const [py, pm] = m === 1 ? [y - 1, 12] : [y, m - 1];
  const prev = await current(db, projectId, py, pm);
  const cur = versions.find((v) => v.current);
  const presented = cur ? presentReport(cur, deadline) : null;
  return {
    current: presented,
    versions: versions.map((v) => presentReport(v, deadline)),
    previous: prev ? presentReport(prev, await deadlineOf(db, project.region_path, py, pm)) : null,
    milestones: await yearMilestones(db, projectId, y),
    deadline,
    // not submitted by the deadline: a draft, or no report at all
    overdue: presented ? presented.overdue : isOverdue(null, deadline, todayInChina()),
    monthPublished: await monthPublished(db, project.region_path, y, m),
    reminder: await reminderOf(db, projectId, y, m),
  };
}

/** Since-start before month y-m: the project's earlier months (current versions, submitted or verified). */
async function sinceStartBefore(trx: Executor, projectId: number, y: number, m: number): Promise<string> {
  const r = await trx
    .selectFrom('monthly_reports')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('investment_month'), sql<string>`0`).as('total'))
    .where('project_id', '=', projectId)
    .where('current', '=', true)
    .where('status', 'in', ['submitted', 'verified'])
    .where((eb) => eb.or([eb('year', '<', y), eb.and([eb('year', '=', y), eb('month', '<', m)])]))
    .executeTakeFirstOrThrow();
  return String(r.total);
}

/** A negative month corrects earlier ones; the since-start total may not fall below zero (400). */
async function checkSinceStart(trx: Executor, projectId: number, y: number, m: number, month: string) {
  if (!month.startsWith('-')) return;
  const e = sinceStartError(await sinceStartBefore(trx, projectId, y, m), month);
  if (e) throw invalid('body.investmentMonth', e);
}

type Fields = Omit<z.infer<typeof reportDraft>, 'version'>;

async function checkFields(trx: Executor, projectId: number, y: number, f: Fields) {
  const allowed = new Set((await yearMilestones(trx, projectId, y)).map((m) => m.id));
  const today = todayInChina();
  for (const [i, r] of f.milestonesReached.entries()) {
    if (!allowed.has(r.milestoneId))
      throw invalid(`body.milestonesReached.${i}.milestoneId`, '不是本年度计划中的节点');
    if (r.actualDate > today) throw invalid(`body.milestonesReached.${i}.actualDate`, '实际日期不能晚于今天');
  }
}

/** The table's columns of a report's fields (the form's and an imported row's). */
export const columns = (f: Fields) => ({
  investment_month: f.investmentMonth,
  funds_in_place: JSON.stringify(f.fundsInPlace),
  physical_progress: f.physicalProgress,
  percent_complete:
    f.percentComplete === null || f.percentComplete === undefined ? null : String(f.percentComplete),
  land_progress: f.landProgress ?? null,
  milestones_reached: JSON.stringify(f.milestonesReached),
  problems: f.problems ?? null,
  next_month_plan: f.nextMonthPlan ?? null,
  signer: f.signer ?? null,
});

async function lockProject(trx: Trx, actor: Actor, projectId: number): Promise<ProjectRow> {
  await lockProjectRow(trx, projectId);
  return readableProject(trx, actor, projectId);
}

async function finish(
  trx: Trx,
  ctx: Ctx,
  project: ProjectRow,
  id: number,
  action: string,
  before: object,
  reason: string | null = null,
): Promise<MonthlyReport> {
  const row = (await reportBase(trx).where('mr.id', '=', id).executeTakeFirst())!;
  const report = presentReport(row, await deadlineOf(trx, project.region_path, row.year, row.month));
  await recordAudit(trx, ctx, {
    entity: 'report',
    entityId: id,
    action,
    before: { ...before },
    after: { status: report.status, investmentMonth: report.investmentMonth, amendment: report.amendment },
    reason,
  });
  return report;
}

export async function saveDraft(
  db: Db,
  ctx: Ctx,
  projectId: number,
  ym: string,
  input: z.infer<typeof reportDraft>,
): Promise<MonthlyReport> {
  const actor = actorOf(ctx);
  const { y, m } = parseMonth(ym);
  if (ym > todayInChina().slice(0, 7)) throw invalid('month', '不能填报未来月份');
  return transaction(db, async (trx) => {
    const project = await lockProject(trx, actor, projectId);
    if (!canFileReport(actor, projectFacts(project))) throw forbidden();
    await checkFields(trx, projectId, y, input);
    await checkSinceStart(trx, projectId, y, m, input.investmentMonth);
    const existing = await current(trx, projectId, y, m);
    if (existing && (existing.status === 'submitted' || existing.status === 'verified')) {
      throw new DomainError(
        'INVALID_STATE',
        409,
        [
          {
            path: 'status',
            message: existing.status === 'verified' ? '月报已审核，更正请走更正流程' : '月报已报送，待审核',
          },
        ],
        { status: existing.status },
      );
    }
    if (existing) {
      if (input.version === undefined)
        throw new DomainError(
          'VERSION_CONFLICT',
          409,
          [{ path: 'version', message: '已有草稿，请带上版本号' }],
          { currentVersion: existing.version },
        );
      assertVersion(existing.version, input.version);
      await trx
        .updateTable('monthly_reports')
        .set({ ...columns(input), version: existing.version + 1, updated_at: new Date() })
        .where('id', '=', existing.id)
        .execute();
      return finish(trx, ctx, project, existing.id, 'update', { status: existing.status });
    }
    const { id } = await trx
      .insertInto('monthly_reports')
      .values({
        ...columns(input),
        project_id: projectId,
        year: y,
        month: m,
        status: 'draft',
        created_by: actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return finish(trx, ctx, project, id, 'create', {});
  });
}

type Step = 'submit' | 'return' | 'verify';
const from: Record<Step, string[]> = {
  submit: ['draft', 'returned'],
  return: ['submitted'],
  verify: ['submitted'],
};
const to: Record<Step, string> = { submit: 'submitted', return: 'returned', verify: 'verified' };

/** What a workflow step is given: the report (project and month), the step, the version read, a reason. */
export interface StepInput {
  projectId: number;
  month: string;
  step: Step;
  version: number;
  /** why a report is returned */
  reason?: string | null;
  /** the version's id when the caller named one (a batch): another current version is a conflict */
  reportId?: number;
}

/** One step of the workflow in its own transaction; a step that is not allowed answers 409 with the current status. */
export const step = (db: Db, ctx: Ctx, input: StepInput) => transaction(db, (trx) => stepIn(trx, ctx, input));

/**
 * The step itself, in the caller's transaction (a batch verification runs one per report): locks the
 * project, checks who may take it, the status and the version read, and writes the audit event.
 */
export async function stepIn(trx: Trx, ctx: Ctx, input: StepInput): Promise<MonthlyReport> {
  const { projectId, month: ym, step: s, version, reason = null } = input;
  const actor = actorOf(ctx);
  const { y, m } = parseMonth(ym);
  const project = await lockProject(trx, actor, projectId);
  const facts = projectFacts(project);
  if (s === 'submit' ? !canFileReport(actor, facts) : !canVerifyReport(actor, facts)) throw forbidden();
  const r = await current(trx, projectId, y, m);
  if (!r) throw notFound();
  if (input.reportId !== undefined && r.id !== input.reportId)
    throw new DomainError(
      'VERSION_CONFLICT',
      409,
      [{ path: 'id', message: '该月报已有更新的版本，请刷新后重试' }],
      {
        currentVersion: r.version,
      },
    );
  if (!from[s].includes(r.status)) {
    throw new DomainError(
      'INVALID_STATE',
      409,
      [
        {
          path: 'status',
          message: `当前状态为「${reportStatusLabels[r.status as keyof typeof reportStatusLabels] ?? r.status}」，不能${s === 'submit' ? '报送' : s === 'return' ? '退回' : '审核'}`,
        },
      ],
      { status: r.status },
    );
  }
  assertVersion(r.version, version);
  if (s === 'return' && (await monthPublished(trx, project.region_path, y, m))) {
    // the month was published with this report as submitted: that version stays readable, and the
    // return opens the next one for the filer to correct
    const id = await nextVersion(trx, r.id, {
      status: 'returned',
      returnReason: reason,
      amendmentReason: `发布后退回：${reason ?? ''}`,
      by: actor.id,
    });
    return finish(
      trx,
      ctx,
      project,
      id,
      'report_return',
      { status: r.status, amendment: r.amendment },
      reason,
    );
  }
  const now = new Date();
  await trx
    .updateTable('monthly_reports')
    .set({
      status: to[s],
      version: r.version + 1,
      updated_at: now,
      ...(s === 'submit' ? { submitted_at: now, first_submitted_at: r.first_submitted_at ?? now } : {}),
      ...(s === 'return' ? { return_reason: reason } : {}),
      ...(s === 'verify' ? { verified_by: actor.id, verified_at: now } : {}),
    })
    .where('id', '=', r.id)
    .execute();
  if (s === 'verify') await applyMilestones(trx, ctx, projectId, r.milestones_reached);
  return finish(trx, ctx, project, r.id, `report_${s}`, { status: r.status }, reason);
}

/** The photos and files stay with the report: a new version carries the same stored files. */
export async function copyAttachments(trx: Trx, from: number, to: number) {
  await sql`insert into report_attachments (report_id, name, type, size, sha256, path, created_by, created_at)
    select ${to}, name, type, size, sha256, path, created_by, created_at from report_attachments
    where report_id = ${from} order by id`.execute(trx);
}

/**
 * The next version of a report as a copy of the current one (same figures, first submission and
 * files) in `status`; the copied one stays readable, no longer current. Its row version continues
 * the old one's, so a client still holding the old version gets a 409.
 */
async function nextVersion(
  trx: Trx,
  id: number,
  o: { status: 'returned'; returnReason: string | null; amendmentReason: string; by: number },
): Promise<number> {
  await trx.updateTable('monthly_reports').set({ current: false }).where('id', '=', id).execute();
  const row = await sql<{ id: number }>`
    insert into monthly_reports (project_id, year, month, amendment, current, status, investment_month,
      funds_in_place, physical_progress, percent_complete, land_progress, milestones_reached, problems,
      next_month_plan, signer, first_submitted_at, submitted_at, return_reason, amendment_reason, created_by,
      version, source, imported_by, imported_at)
    select project_id, year, month, amendment + 1, true, ${o.status}, investment_month,
      funds_in_place, physical_progress, percent_complete, land_progress, milestones_reached, problems,
      next_month_plan, signer, first_submitted_at, submitted_at, ${o.returnReason}, ${o.amendmentReason}, ${o.by},
      version + 1, source, imported_by, imported_at
    from monthly_reports where id = ${id}
    returning id`.execute(trx);
  const next = row.rows[0]!.id;
  await copyAttachments(trx, id, next);
  return next;
}

/** A verified report's milestones become the baseline's actual dates, through the plans module. */
export async function applyMilestones(
  trx: Trx,
  ctx: Ctx,
  projectId: number,
  reached: { milestoneId: number; actualDate: string }[],
) {
  for (const [i, r] of reached.entries())
    await recordMilestoneActual(trx, ctx, {
      milestoneId: r.milestoneId,
      actualDate: r.actualDate,
      projectId,
      path: `body.milestonesReached.${i}.milestoneId`,
      reason: '月报审核',
    });
}

/** The office corrects a verified report: a new verified version with the reason; the old one stays. */
export async function amend(
  db: Db,
  ctx: Ctx,
  projectId: number,
  ym: string,
  input: z.infer<typeof reportAmend>,
) {
  const actor = actorOf(ctx);
  const { y, m } = parseMonth(ym);
  return transaction(db, async (trx) => {
    const project = await lockProject(trx, actor, projectId);
    if (!canVerifyReport(actor, projectFacts(project))) throw forbidden();
    await checkFields(trx, projectId, y, input);
    await checkSinceStart(trx, projectId, y, m, input.investmentMonth);
    const r = await current(trx, projectId, y, m);
    if (!r) throw notFound();
    if (r.status !== 'verified')
      throw new DomainError(
        'INVALID_STATE',
        409,
        [{ path: 'status', message: '只有已审核的月报需要更正；未审核的请直接修改或退回' }],
        { status: r.status },
      );
    const now = new Date();
    await trx.updateTable('monthly_reports').set({ current: false }).where('id', '=', r.id).execute();
    const { id } = await trx
      .insertInto('monthly_reports')
      .values({
        ...columns(input),
        project_id: projectId,
        year: y,
        month: m,
        amendment: r.amendment + 1,
        status: 'verified',
        first_submitted_at: r.first_submitted_at,
        submitted_at: r.submitted_at,
        amendment_reason: input.reason,
        verified_by: actor.id,
        verified_at: now,
        created_by: actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await copyAttachments(trx, r.id, id);
    await applyMilestones(trx, ctx, projectId, input.milestonesReached);
    return finish(
      trx,
      ctx,
      project,
      id,
      'report_amend',
      { amendment: r.amendment, investmentMonth: r.investment_month },
      input.reason,
    );
  });
}
