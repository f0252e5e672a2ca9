/**
 * The ledger's first fill (issue 15), measured on the embedded database: a year's 43,000 generated
 * rows. Migration 0025 kept the user columns' foreign keys on the belief that a null key costs
 * nothing; it does not on insert: PostgreSQL queues each row's check of each key and calls it (it
 * returns at once on null), ≈ 3.5 µs a row for the four keys, some 150 ms of the fill. Users are
 * never deleted (an account is deactivated), and every one of these columns is written from the
 * signed-in actor (`ctx.actor.id`: the author of a manual row, its approver, whoever asks for or
 * decides an exemption), so the keys go. So do two of the five indexes, ≈ 3.4 µs a row each:
 * `score_rows_period_rule_idx` (region, year, rule, month) and `score_rows_period_unit_idx`
 * (region, year, month, unit, id). What they served is served by the two kept: a region's year or
 * month (the ledger's filters, the rankings' sums by unit and month, the diff's scan of a kind's
 * rules) by `score_rows_fact_idx` (region, year, month, fact key), a unit's rows (its own ledger,
 * its score card) by `score_rows_unit_idx` (unit, year, month). The ledger's page sums every
 * filtered row anyway, so its sort reads nothing more.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table score_rows drop constraint score_rows_created_by_fkey;
    alter table score_rows drop constraint score_rows_decided_by_fkey;
    alter table score_rows drop constraint score_rows_exemption_requested_by_fkey;
    alter table score_rows drop constraint score_rows_exemption_decided_by_fkey;
    drop index score_rows_period_rule_idx;
    drop index score_rows_period_unit_idx;
    `,
  );
}
