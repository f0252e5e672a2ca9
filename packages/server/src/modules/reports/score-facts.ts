/**
 * What the assessment ledger reads of monthly reports (issue 15): each project-month of a region
 * subtree whose report is late or missing, judged by this module's own rules: the deadline of the
 * project's region calendar (working-day roll and corrections, `deadlineResolver`) and
 * `timeliness` / `isOverdue` (the first submission counts, even if returned since; a report never
 * submitted is missing only once its deadline day has passed). Two statements per month, not one
 * per project.
 */
import { sql } from 'kysely';
import type { Executor } from '../../db/connection.ts';
import { regionPaths } from '../../platform/regions.ts';
import { closeScopeSql, owesReportSql, projectNameOf } from '../projects/index.ts';
import { deadlineResolver } from './calendar.ts';
import { isOverdue, timeliness } from './rules.ts';

export interface ReportFact {
  projectId: number;
  projectName: string;
  /** the project's current responsible unit (the lead unit), null when none */
  unitId: number | null;
  /** the current report of the month, null when nothing was filed */
  reportId: number | null;
  state: 'late' | 'missing';
  deadline: string;
  /** the China date of the first submission, null when never submitted */
  submitted: string | null;
}

/**
 * The late and missing reports of months `from`..`to` of year y of the active projects under `path`,
 * as of `today` (a recompute of one month asks one; a year's recompute all twelve in one pass).
 */
export async function reportScoreFacts(
  db: Executor,
  path: string,
  y: number,
  from: number,
  today: string,
  to = from,
): Promise<(ReportFact & { month: number })[]> {
  // each region's deadline of each month once (a county may set its own calendar), then one pass
  // over the reports that returns those not submitted by their deadline and one over the
  // project-months that have no report at all (a bit per month filed): the rules below judge them
  const codes = await sql<{ code: string }>`with scope as (${closeScopeSql(path)})
    select distinct region_code as code from scope`.execute(db);
  if (!codes.rows.length) return [];
  const paths = await regionPaths(
    db,
    codes.rows.map((r) => r.code),
  );
  const deadlineOf = deadlineResolver(db);
  const deadlines: Record<string, string> = {};
  for (const { code } of codes.rows)
    for (let m = from; m <= to; m++) deadlines[`${code}:${m}`] = await deadlineOf(paths.get(code)!, y, m);
  const r = await sql<{
    facts: [number, string, number | null, string, number, number | null, string | null][];
  }>`
    with scope as (${closeScopeSql(path)}),
    -- a report is timely when first submitted before the day after its deadline began in China:
    -- the instant is worked out once per region and month, not once per report
    ends as materialized (select code, array(select (d + 1)::timestamp at time zone 'Asia/Shanghai'
        from unnest(deadlines) with ordinality u(d, i) order by i) as ends
      from json_to_recordset(${JSON.stringify(
        codes.rows.map(({ code }) => ({
          code,
          deadlines: Array.from({ length: to - from + 1 }, (_, i) => deadlines[`${code}:${from + i}`]),
        })),
      )}::json) as x(code text, deadlines date[])),
    sd as (select s.id, s.responsible_unit_id, s.region_code, s.reports_from, e.ends from scope s join ends e on e.code = s.region_code),
    f as (
      select sd.id, sd.responsible_unit_id, sd.region_code, r.month as m, r.id as report,
        (r.first_submitted_at at time zone 'Asia/Shanghai')::date as first
      from monthly_reports r join sd on sd.id = r.project_id
      where r.current and r.year = ${y} and r.month between ${from} and ${to}
        and (r.first_submitted_at is null or r.first_submitted_at >= sd.ends[r.month - ${from}::int + 1])
        and ${owesReportSql('sd.reports_from', y, sql`r.month`)}
      union all
      select sd.id, sd.responsible_unit_id, sd.region_code, g.m, null, null
      from sd cross join generate_series(${from}::int, ${to}::int) g(m)
        left join (select project_id, bit_or(1 << month) as months from monthly_reports
          where current and year = ${y} and month between ${from} and ${to} group by project_id) h on h.project_id = sd.id
      where coalesce(h.months, 0) & (1 << g.m) = 0 and ${owesReportSql('sd.reports_from', y, sql`g.m`)})
    select coalesce(json_agg(json_build_array(f.id, ${projectNameOf('f.id')}, f.responsible_unit_id,
        f.region_code, f.m, f.report, f.first) order by f.m, f.id), '[]') as facts
    from f`.execute(db);
  const out: (ReportFact & { month: number })[] = [];
  for (const [id, name, unitId, region, month, reportId, first] of r.rows[0]!.facts) {
    const deadline = deadlines[`${region}:${month}`]!;
    const t = timeliness(first, deadline);
    const state =
      t === 'late' ? 'late' : t === 'missing' && isOverdue(first, deadline, today) ? 'missing' : null;
    if (state)
      out.push({
        month,
        projectId: id,
        projectName: name,
        unitId,
        reportId,
        state,
        deadline,
        submitted: first,
      });
  }
  return out;
}
