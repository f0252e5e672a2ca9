/**
 * Scopes read off indexes alone (issue 12, measured on the generated province):
 * - an office's projects by region (active or not), with the code the registry and the reports
 *   lists sort by: counting a city's 12,000 projects read 6,000 heap pages (25 ms); off this index,
 *   2.4 ms (an index-only scan, the visibility map kept by (auto)vacuum);
 * - the verification queue (a month's submitted reports of a scope): the submitted reports' index
 *   carries the report's id, so the month's 30,000 submitted reports of a province and a city's
 *   projects are hash-joined off two indexes alone (24 ms, against 165–420 ms through the heap); and
 *   statistics on month and status together, without which the planner took a month's submitted
 *   reports for 1,100 (they are 30,000: the month being verified holds most of them);
 * - the registry's 批次 filter (新开工, 在建…): the current memberships of a batch by index;
 * - a light board's count (a month's lights of a city's projects, up to 10,001): the month's lights by
 *   project, hash-joined with the city's projects off two indexes (31 ms), where the planner probed
 *   the lights' key once per project (10,000 probes, 66–170 ms);
 * - the organisation's lists (5,000 accounts): an office's account list finds its region's
 *   accounts by index, the people list's "has an account" (`hasAccountSql`) looks each person up
 *   instead of scanning every account, a unit's accounts likewise.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create index projects_scope_idx on projects (region_code, active, code, id);
    drop index monthly_reports_submitted_idx;
    create index monthly_reports_submitted_idx on monthly_reports (project_id, year, month) include (id)
      where current and status = 'submitted';
    create index lights_month_project_idx on lights (year, month, project_id);
    create statistics monthly_reports_month_stats (mcv) on year, month, status, current from monthly_reports;
    create index project_list_members_batch_idx on project_list_members (batch, project_id) where removed_at is null;
    create index users_region_idx on users (region_code, id);
    create index users_person_idx on users (person_id);
    create index users_unit_idx on users (unit_id);
  `,
  );
}
