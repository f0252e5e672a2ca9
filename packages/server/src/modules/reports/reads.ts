/**
 * What other modules read of monthly reports without naming their tables: a report's project and
 * month, a project's year of reported months, and the month close's CTE bodies (investment done to
 * date, the month's first submission).
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/connection.ts';
import { closeScopeSql } from '../projects/index.ts';

/** A report's id and project, or undefined. */
export const reportProject = (db: Executor, id: number) =>
  db.selectFrom('monthly_reports').select(['id', 'project_id']).where('id', '=', id).executeTakeFirst();

/** SQL: 'YYYY-MM' of the report whose id is in `idColumn` (null when none). */
export const reportMonthOf = (idColumn: string) =>
  sql<string | null>`(select year || '-' || lpad(month::text, 2, '0') from monthly_reports
    where id = ${sql.ref(idColumn)})`;

/** The current versions of a project's reports in year `y`: month, amount, status. */
export const yearReports = (db: Executor, projectId: number, y: number) =>
  db
    .selectFrom('monthly_reports')
    .select(['month', 'investment_month', 'status'])
    .where('project_id', '=', projectId)
    .where('year', '=', y)
    .where('current', '=', true)
    .execute();

/** `done`: each scoped project's reported investment of months 1..m of year y (submitted or verified). */
export const doneToDateSql = (scope: RawBuilder<unknown>, y: number, m: number) => sql`
  select mr.project_id, sum(mr.investment_month) as done
  from monthly_reports mr join ${scope} s on s.id = mr.project_id
  where mr.current and mr.year = ${y} and mr.month <= ${m} and mr.status in ('submitted', 'verified')
  group by mr.project_id`;

/** `rep`: the first submission of each project's report for month y-m, if submitted. */
export const submissionsSql = (y: number, m: number) => sql`
  select project_id, first_submitted_at from monthly_reports
  where current and year = ${y} and month = ${m} and status in ('submitted', 'verified')`;

/**
 * Now, the current reports of month y-m of the active projects under `path` that still wait: submitted
 * and not verified, returned and not resubmitted (what publishing the month asks about).
 */
export async function openReports(db: Executor, path: string, y: number, m: number) {
  const r = await sql<{ unverified: number; returned: number }>`
    with scope as (${closeScopeSql(path)})
    select count(*) filter (where mr.status = 'submitted')::int as unverified,
           count(*) filter (where mr.status = 'returned')::int as returned
    from monthly_reports mr join scope s on s.id = mr.project_id
    where mr.current and mr.year = ${y} and mr.month = ${m} and mr.status in ('submitted', 'returned')`.execute(
    db,
  );
  return { unverified: Number(r.rows[0]?.unverified ?? 0), returned: Number(r.rows[0]?.returned ?? 0) };
}

/**
 * Each project's latest reported 形象进度 (submitted or verified reports, the current versions):
 * project id → percent and 'YYYY-MM'. Walks the (project, year, month) index backwards per project.
 */
export async function latestPercentComplete(db: Executor, ids: readonly number[]) {
  if (!ids.length) return new Map<number, { percent: number; month: string }>();
  const rows = await db
    .selectFrom('monthly_reports')
    .distinctOn('project_id')
    .select(['project_id', 'year', 'month', 'percent_complete'])
    .where('project_id', 'in', ids)
    .where('current', '=', true)
    .where('status', 'in', ['submitted', 'verified'])
    .where('percent_complete', 'is not', null)
    .orderBy('project_id')
    .orderBy('year', 'desc')
    .orderBy('month', 'desc')
    .execute();
  return new Map(
    rows.map((r) => [
      r.project_id,
      { percent: Number(r.percent_complete), month: `${r.year}-${String(r.month).padStart(2, '0')}` },
    ]),
  );
}
