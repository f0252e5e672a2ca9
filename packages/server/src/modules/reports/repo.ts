/** Report queries: the row with its project, computed totals, attachments and milestone names. */
import { Decimal, type MonthlyReport } from '@ducha/contract';
import { sql } from 'kysely';
import type { Executor } from '../../db/connection.ts';
import { iso } from '../../platform/records.ts';
import { milestonesJson, projectCodeOf, projectNameOf } from '../projects/index.ts';
import { todayInChina } from '../../platform/time.ts';
import { isOverdue, timeliness } from './rules.ts';
import { userNameOf } from '../../platform/auth/accounts.ts';

export const reportBase = (db: Executor) =>
  db.selectFrom('monthly_reports as mr').select([
    'mr.id',
    'mr.project_id',
    projectCodeOf('mr.project_id').as('project_code'),
    projectNameOf('mr.project_id').as('project_name'),
    'mr.year',
    'mr.month',
    'mr.amendment',
    'mr.current',
    'mr.status',
    'mr.investment_month',
    'mr.funds_in_place',
    'mr.physical_progress',
    'mr.percent_complete',
    'mr.land_progress',
    'mr.milestones_reached',
    'mr.problems',
    'mr.next_month_plan',
    'mr.signer',
    'mr.first_submitted_at',
    'mr.submitted_at',
    'mr.return_reason',
    'mr.amendment_reason',
    userNameOf('mr.verified_by').as('verified_by'),
    'mr.verified_at',
    'mr.version',
    'mr.source',
    userNameOf('mr.imported_by').as('imported_by'),
    'mr.imported_at',
    // year-to-date and since-start: earlier reported months (current versions) plus this one
    sql<string>`mr.investment_month + coalesce((select sum(o.investment_month) from monthly_reports o
        where o.project_id = mr.project_id and o.current and o.status in ('submitted','verified')
        and o.year = mr.year and o.month < mr.month), 0)`.as('ytd'),
    sql<string>`mr.investment_month + coalesce((select sum(o.investment_month) from monthly_reports o
        where o.project_id = mr.project_id and o.current and o.status in ('submitted','verified')
        and (o.year < mr.year or (o.year = mr.year and o.month < mr.month))), 0)`.as('since_start'),
    sql<
      { id: number; name: string; size: number; type: string; sha256: string }[]
    >`coalesce((select json_agg(json_build_object(
        'id', a.id, 'name', a.name, 'size', a.size, 'type', a.type, 'sha256', a.sha256) order by a.id)
        from report_attachments a where a.report_id = mr.id), '[]'::json)`.as('attachments'),
    milestonesJson(
      sql`select (x->>'milestoneId')::int from jsonb_array_elements(mr.milestones_reached) x`,
    ).as('milestone_names'),
    sql<number>`coalesce((select rr.count from report_reminders rr where rr.project_id = mr.project_id
        and rr.year = mr.year and rr.month = mr.month), 0)`.as('reminder_count'),
  ]);

export type ReportRow = Awaited<ReturnType<ReturnType<typeof reportBase>['execute']>>[number];

/** A moment's date in China ('YYYY-MM-DD'). */
export const chinaDate = (d: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);

export function presentReport(r: ReportRow, deadline: string): MonthlyReport {
  const names = new Map(r.milestone_names.map((m) => [m.id, m.name]));
  const first = r.first_submitted_at ? chinaDate(r.first_submitted_at) : null;
  return {
    id: r.id,
    projectId: r.project_id,
    projectCode: r.project_code,
    projectName: r.project_name,
    year: r.year,
    month: r.month,
    amendment: r.amendment,
    current: r.current,
    status: r.status as MonthlyReport['status'],
    investmentMonth: new Decimal(r.investment_month).toFixed(2),
    investmentYtd: new Decimal(r.ytd).toFixed(2),
    investmentSinceStart: new Decimal(r.since_start).toFixed(2),
    fundsInPlace: Object.fromEntries(
      Object.entries(r.funds_in_place).map(([k, v]) => [k, new Decimal(v).toFixed(2)]),
    ),
    physicalProgress: r.physical_progress,
    percentComplete: r.percent_complete === null ? null : Number(r.percent_complete),
    landProgress: r.land_progress,
    milestonesReached: r.milestones_reached.map((m) => ({ ...m, name: names.get(m.milestoneId) ?? '' })),
    problems: r.problems,
    nextMonthPlan: r.next_month_plan,
    signer: r.signer,
    attachments: r.attachments,
    submittedAt: iso(r.submitted_at),
    deadline,
    timeliness: timeliness(first, deadline),
    overdue: isOverdue(first, deadline, todayInChina()),
    returnReason: r.return_reason,
    amendmentReason: r.amendment_reason,
    verifiedBy: r.verified_by,
    verifiedAt: iso(r.verified_at),
    reminderCount: r.reminder_count,
    source: r.source === 'import' ? 'import' : 'form',
    importedBy: r.imported_by,
    importedAt: iso(r.imported_at),
    version: r.version,
  };
}

/** The 催报 counts of a month for some projects, by project. */
export async function remindersOf(db: Executor, projectIds: readonly number[], y: number, m: number) {
  if (!projectIds.length) return new Map<number, { count: number; lastRemindedOn: string }>();
  const rows = await db
    .selectFrom('report_reminders')
    .select(['project_id', 'count', 'last_reminded_on'])
    .where('year', '=', y)
    .where('month', '=', m)
    .where('project_id', 'in', projectIds)
    .execute();
  return new Map(rows.map((r) => [r.project_id, { count: r.count, lastRemindedOn: r.last_reminded_on }]));
}

/** The 催报 of one project-month, for the report page. */
export async function reminderOf(db: Executor, projectId: number, y: number, m: number) {
  const row = await db
    .selectFrom('report_reminders')
    .select(['count', 'last_reminded_on', userNameOf('last_reminded_by').as('by')])
    .where('project_id', '=', projectId)
    .where('year', '=', y)
    .where('month', '=', m)
    .executeTakeFirst();
  return row ? { count: row.count, lastRemindedOn: row.last_reminded_on, lastRemindedBy: row.by } : null;
}
