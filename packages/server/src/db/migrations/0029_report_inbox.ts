/**
 * The filer's every-month inbox off the index alone (issue 12). It reads a unit's current reports of
 * twelve months (a county company's 280 projects: 3,132 reports) for their status and id; from
 * the (project, year, month) index that was a heap fetch per report, 6 ms of the inbox's 10 ms in
 * PostgreSQL on the province. The same unique index now carries the status and the id, so both of
 * the inbox's reads are index-only scans.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create unique index monthly_reports_current_idx_new on monthly_reports (project_id, year, month)
      include (status, id) where current;
    drop index monthly_reports_current_idx;
    alter index monthly_reports_current_idx_new rename to monthly_reports_current_idx;
    `,
  );
}
