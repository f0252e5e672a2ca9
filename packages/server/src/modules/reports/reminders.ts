/**
 * 催报: the office reminds the units of every project whose report of a month is missing or late
 * (its deadline passed and nothing submitted: no report, a draft, or a returned report not yet
 * resubmitted). One action: each project-month reminded is counted (how many times, last on), shows on
 * the project's timeline (audit `report_remind`), and each unit concerned — the lead unit's staff and
 * the owner's reporters — gets one notice listing its projects. A project-month is reminded at most
 * once a day; a second action the same day skips it and says so.
 */
import {
  overdueStateLabels,
  type OverdueReport,
  type ReportRemindResult,
  type reportRemind,
} from '@ducha/contract';
import type { z } from 'zod';
import { transaction, type Db, type Executor, type Trx } from '../../db/connection.ts';
import { actorOf, type Actor, type Ctx } from '../../platform/access/context.ts';
import { recordAudits } from '../../platform/audit/audit.ts';
import { batchErrorOf, batchSummary, refuseIfNoAccess, type BatchOptions } from '../../platform/batch.ts';
import { DomainError, forbidden } from '../../platform/errors.ts';
import { notifyUnits } from '../../platform/notify.ts';
import { todayInChina } from '../../platform/time.ts';
import {
  filingFacts,
  owesReport,
  projectFacts,
  projectNames,
  readableBriefs,
  readableProject,
  reportsFromMonth,
  type ProjectBrief,
} from '../projects/index.ts';
import { deadlineResolver } from './calendar.ts';
import { canVerifyReport, mayRemindReports, seesOverdueReports } from './policy.ts';
import { remindersOf } from './repo.ts';
import { parseMonth } from './reports.ts';
import { overdueState, remindedToday, type OverdueState } from './rules.ts';

/** What the 催报 list and action need of a project (a brief, or a project's whole row). */
type Reminded = Pick<
  ProjectBrief,
  'id' | 'code' | 'name' | 'region_path' | 'responsible_unit_id' | 'owner_unit_id' | 'active' | 'reports_from'
>;

/** Where a project stands for the month: its deadline, its current report, its reminders. */
interface Standing {
  project: Reminded;
  month: string;
  deadline: string;
  status: string | null;
  reportId: number | null;
  state: OverdueState | null;
  reminder: { count: number; lastRemindedOn: string } | undefined;
}

async function standings(db: Executor, projects: Reminded[], ym: string, today: string) {
  const { y, m } = parseMonth(ym);
  const ids = projects.map((p) => p.id);
  const reports = [];
  // a statement binds at most 65,535 parameters: a province's projects go in chunks
  for (let i = 0; i < ids.length; i += CHUNK)
    reports.push(
      ...(await db
        .selectFrom('monthly_reports')
        .select(['id', 'project_id', 'status'])
        .where('current', '=', true)
        .where('year', '=', y)
        .where('month', '=', m)
        .where('project_id', 'in', ids.slice(i, i + CHUNK))
        .execute()),
    );
  const byProject = new Map(reports.map((r) => [r.project_id, r]));
  const reminders = new Map<number, { count: number; lastRemindedOn: string }>();
  for (let i = 0; i < ids.length; i += CHUNK)
    for (const [k, v] of await remindersOf(db, ids.slice(i, i + CHUNK), y, m)) reminders.set(k, v);
  const deadlineOf = deadlineResolver(db);
  const out: Standing[] = [];
  for (const p of projects) {
    const r = byProject.get(p.id);
    const deadline = await deadlineOf(p.region_path, y, m);
    out.push({
      project: p,
      month: ym,
      deadline,
      status: r?.status ?? null,
      reportId: r?.id ?? null,
      // before its 起报月份 a project owes nothing, so nothing is overdue
      state: owesReport(p.reports_from, ym) ? overdueState(r?.status ?? null, deadline, today) : null,
      reminder: reminders.get(p.id),
    });
  }
  return out;
}

const unitRef = (id: number | null, name: string | null) => (id === null ? null : { id, name: name ?? '' });

const CHUNK = 5000;

/**
 * The projects in scope whose report of the month is missing or late, by code (the office's 催报
 * list): decided on the projects' facts, then the names read for the overdue ones only.
 */
export async function overdueReports(db: Db, ctx: Ctx, ym: string): Promise<OverdueReport[]> {
  const actor = actorOf(ctx);
  if (!seesOverdueReports(actor)) throw forbidden();
  const all = await standings(db, await readableBriefs(db, actor), ym, todayInChina());
  const overdue = all.filter((s) => s.state !== null);
  const names = new Map(
    (
      await projectNames(
        db,
        overdue.map((s) => s.project.id),
      )
    ).map((n) => [n.id, n]),
  );
  return overdue
    .map((s) => ({ ...s, names: names.get(s.project.id)! }))
    .map((s) => ({
      projectId: s.project.id,
      projectCode: s.project.code,
      projectName: s.project.name,
      regionName: s.names.region_name,
      responsibleUnit: unitRef(s.project.responsible_unit_id, s.names.responsible_unit_name),
      ownerUnit: unitRef(s.project.owner_unit_id, s.names.owner_name),
      month: ym,
      deadline: s.deadline,
      state: s.state!,
      reportId: s.reportId,
      reminderCount: s.reminder?.count ?? 0,
      lastRemindedOn: s.reminder?.lastRemindedOn ?? null,
    }));
}

const refusal = (path: string, message: string) => new DomainError('INVALID_STATE', 409, [{ path, message }]);

/** Why a project-month may not be reminded now, or nothing when it may. */
function refusalOf(s: Standing, today: string): DomainError | undefined {
  if (!s.project.active) return refusal('active', '项目已停用，不再报送月报');
  if (!owesReport(s.project.reports_from, s.month))
    return refusal(
      'reportsFrom',
      `项目起报月份为 ${reportsFromMonth(s.project.reports_from)}，${s.month} 无需报送月报`,
    );
  if (s.state === null)
    return s.status === 'submitted' || s.status === 'verified'
      ? refusal('status', '本月月报已报送，无需催报')
      : refusal('deadline', `报送截止日 ${s.deadline} 未过，尚未逾期`);
  if (remindedToday(s.reminder?.lastRemindedOn, today))
    return refusal('lastRemindedOn', `今天已催报过（共 ${s.reminder!.count} 次），明天可再次催报`);
  if (s.project.responsible_unit_id === null && s.project.owner_unit_id === null)
    return refusal('responsibleUnitId', '项目未设置责任单位和业主单位，无单位可催');
  return undefined;
}

/** The projects named (each checked as a single action would: exists, in scope, the office's), or every one in scope. */
async function candidates(trx: Trx, actor: Actor, projectIds: number[] | undefined) {
  if (!projectIds) {
    const projects = await readableBriefs(trx, actor);
    return {
      projects: projects.filter((p) => canVerifyReport(actor, filingFacts(p))) as Reminded[],
      refused: [] as { id: number; error: DomainError }[],
    };
  }
  const projects: Reminded[] = [];
  const refused: { id: number; error: DomainError }[] = [];
  for (const id of projectIds) {
    try {
      const p = await readableProject(trx, actor, id);
      if (!canVerifyReport(actor, projectFacts(p))) throw forbidden();
      projects.push(p);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      refused.push({ id, error: e });
    }
  }
  return { projects, refused };
}

/**
 * 催报 for a month, in one transaction: counts each project-month reminded, records it on the
 * project's timeline, and sends each unit concerned one notice listing its projects. With
 * `projectIds`, only those (each refused or reminded); without, every overdue project in scope.
 */
export async function remindReports(
  db: Db,
  ctx: Ctx,
  input: z.infer<typeof reportRemind>,
  o: BatchOptions,
): Promise<ReportRemindResult> {
  const actor = actorOf(ctx);
  if (!mayRemindReports(actor)) throw forbidden();
  const ym = input.month;
  const { y, m } = parseMonth(ym);
  const today = todayInChina();
  const note = input.note?.trim() || null;
  return transaction(db, async (trx) => {
    const { projects, refused } = await candidates(trx, actor, input.projectIds);
    const all = await standings(trx, projects, ym, today);
    // without a list, the month's overdue projects are the batch; with one, every project named
    const batch = input.projectIds ? all : all.filter((s) => s.state !== null);
    const errors = new Map<number, DomainError>(refused.map((r) => [r.id, r.error]));
    const due: Standing[] = [];
    for (const s of batch) {
      const error = refusalOf(s, today);
      if (error) errors.set(s.project.id, error);
      else due.push(s);
    }
    // count them; a project another office reminded a moment ago (same day) is skipped, not counted twice
    const counted = new Map<number, number>();
    for (const s of due) {
      const row = await trx
        .insertInto('report_reminders')
        .values({
          project_id: s.project.id,
          year: y,
          month: m,
          count: 1,
          last_reminded_on: today,
          last_reminded_by: actor.id,
        })
        .onConflict((oc) =>
          oc
            .columns(['project_id', 'year', 'month'])
            .doUpdateSet((eb) => ({
              count: eb('report_reminders.count', '+', 1),
              last_reminded_on: today,
              last_reminded_at: new Date(),
              last_reminded_by: actor.id,
            }))
            .where('report_reminders.last_reminded_on', '<>', today),
        )
        .returning('count')
        .executeTakeFirst();
      if (row) counted.set(s.project.id, row.count);
      else errors.set(s.project.id, refusal('lastRemindedOn', '今天已催报过，明天可再次催报'));
    }
    const reminded = due.filter((s) => counted.has(s.project.id));
    await recordAudits(
      trx,
      ctx,
      reminded.map((s) => ({
        entity: 'project',
        entityId: s.project.id,
        action: 'report_remind',
        before: { month: ym, reminders: counted.get(s.project.id)! - 1 },
        after: { month: ym, reminders: counted.get(s.project.id)!, reportState: s.state },
        reason: note,
      })),
    );
    // one notice per unit, listing its projects: the lead unit's staff and the owner's reporters
    const byUnit = new Map<number, Standing[]>();
    for (const s of reminded)
      for (const u of new Set([s.project.responsible_unit_id, s.project.owner_unit_id]))
        if (u !== null) byUnit.set(u, [...(byUnit.get(u) ?? []), s]);
    let accounts = 0;
    let silentUnits = 0;
    for (const [unitId, list] of byUnit) {
      const lines = list.map(
        (s) =>
          `${s.project.code} ${s.project.name}：${overdueStateLabels[s.state!]}，截止 ${s.deadline}` +
          `（第 ${counted.get(s.project.id)} 次催报）`,
      );
      const told = await notifyUnits(trx, [unitId], {
        kind: 'report_reminded',
        title: `催报：${y}年${m}月月报 ${list.length} 个项目逾期未报送`,
        body: [...lines, ...(note ? [`重点办：${note}`] : [])].join('\n'),
        entity: 'report_month',
        entityId: ym,
      });
      accounts += told;
      if (told === 0) silentUnits += 1;
    }
    const ids = input.projectIds ?? batch.map((s) => s.project.id);
    refuseIfNoAccess(ids.map((id) => errors.get(id)));
    const outcomes = ids.map((id) => {
      const e = errors.get(id);
      return { id, ok: !e, error: e ? batchErrorOf(e, o.lang) : null };
    });
    return { ...batchSummary(outcomes), month: ym, units: byUnit.size, accounts, silentUnits };
  });
}
