/**
 * The ledger engine (issue 15): the derived columns of `score_rows` and `score_unit_months` keep no
 * foreign keys. A year's recompute writes some 43,000 rows for 500 units, and each key costs a
 * lookup per row (half of the insert's time on the embedded database). The ledger is derived, in
 * the same transaction, from facts whose own keys hold: units, projects and regions are never
 * deleted (only deactivated), and a scheme is deleted only as a draft, which no row names (rows are
 * written under the active scheme; a scheme never returns to draft). The user columns keep their
 * keys: they are null on generated rows, where a null key costs nothing.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table score_rows drop constraint score_rows_region_code_fkey;
    alter table score_rows drop constraint score_rows_unit_id_fkey;
    alter table score_rows drop constraint score_rows_project_id_fkey;
    alter table score_rows drop constraint score_rows_scheme_id_fkey;
    alter table score_unit_months drop constraint score_unit_months_region_code_fkey;
    alter table score_unit_months drop constraint score_unit_months_unit_id_fkey;
    alter table score_unit_months drop constraint score_unit_months_scheme_id_fkey;
    `,
  );
}
