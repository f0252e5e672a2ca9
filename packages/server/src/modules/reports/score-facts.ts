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
import { closeScopeSql, projectNameOf } from '../projects/index.ts';
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
  // over the project-months that returns only those not submitted by their deadline: the rules
  // below judge them
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
    rep as (select project_id, month, (first_submitted_at at time zone 'Asia/Shanghai')::date as first, id as report
      from monthly_reports where current and year = ${y} and month between ${from} and ${to})
    select coalesce(json_agg(json_build_array(s.id, ${projectNameOf('s.id')}, s.responsible_unit_id,
        s.region_code, g.m, rep.report, rep.first) order by g.m, s.id), '[]') as facts
    from scope s cross join generate_series(${from}::int, ${to}::int) g(m)
    join json_each_text(${JSON.stringify(deadlines)}::json) d on d.key = s.region_code || ':' || g.m
    left join rep on rep.project_id = s.id and rep.month = g.m
    where rep.first is null or rep.first > d.value::date`.execute(db);
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
