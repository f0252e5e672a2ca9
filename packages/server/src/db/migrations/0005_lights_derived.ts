/**
 * Lights are derived data: the month close writes them, all at once, for the project ids it has
 * just read in the same transaction, and projects and regions are never deleted (only deactivated).
 * The per-row foreign-key checks on those two columns cost more than half of saving a month's
 * lights (10,000 rows: 125 of 170 ms on PGlite), so they go; the override author keeps its key.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table lights drop constraint if exists lights_project_id_fkey;
    alter table lights drop constraint if exists lights_closed_by_region_fkey;
  `,
  );
}
