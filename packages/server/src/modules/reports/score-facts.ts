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

/** The late and missing reports of month y-m of the active projects under `path`, as of `today`. */
export async function reportScoreFacts(
  db: Executor,
  path: string,
  y: number,
  m: number,
  today: string,
): Promise<ReportFact[]> {
  // one pass over the projects (as one JSON document: cheap to decode), then each region's
  // deadline once (a county may set its own calendar)
  const r = await sql<{ facts: [number, string, number | null, string, number | null, string | null][] }>`
    with scope as (${closeScopeSql(path)})
    select coalesce(json_agg(json_build_array(s.id, ${projectNameOf('s.id')}, s.responsible_unit_id,
        s.region_code, cur.id, (rep.first at time zone 'Asia/Shanghai')::date) order by s.id), '[]') as facts
    from scope s
    left join monthly_reports cur on cur.project_id = s.id and cur.year = ${y} and cur.month = ${m} and cur.current
    left join (select project_id, min(first_submitted_at) as first from monthly_reports
      where year = ${y} and month = ${m} group by project_id) rep on rep.project_id = s.id`.execute(db);
  const rows = r.rows[0]!.facts;
  const paths = await regionPaths(db, new Set(rows.map((x) => x[3])));
  const deadlineOf = deadlineResolver(db);
  const deadlines = new Map<string, string>();
  for (const code of new Set(rows.map((x) => x[3])))
    deadlines.set(code, await deadlineOf(paths.get(code)!, y, m));
  const out: ReportFact[] = [];
  for (const [id, name, unitId, region, reportId, first] of rows) {
    const deadline = deadlines.get(region)!;
    const t = timeliness(first, deadline);
    const state =
      t === 'late' ? 'late' : t === 'missing' && isOverdue(first, deadline, today) ? 'missing' : null;
    if (state)
      out.push({ projectId: id, projectName: name, unitId, reportId, state, deadline, submitted: first });
  }
  return out;
}
