/**
 * Enterprise credit (issue 15): one inspection or item may be the cause of records of several
 * firms (the contractor and the supervisor of one site), so a cause is unique per firm, not
 * overall; an evaluation still writes at most one record. The directory's export and the unit
 * scope read firms by unit.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    drop index credit_records_cause_idx;
    create unique index credit_records_cause_idx on credit_records (enterprise_id, cause_kind, cause_id) where cause_kind <> 'manual';
    create index enterprise_evaluations_project_idx on enterprise_evaluations (project_id);
    `,
  );
}
