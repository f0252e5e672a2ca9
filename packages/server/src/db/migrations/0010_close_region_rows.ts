/**
 * A month close keeps, beside its own indicators, the indicators of every region below it that has
 * projects (each region's subtree, computed from the same rows), so a county reads its own figures
 * of the city's close — never the city's — when it has no close of its own.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `alter table month_closes add column region_indicators jsonb not null default '{}';`,
  );
}
