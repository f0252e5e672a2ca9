/**
 * The organisation's lists at province scale (issue 12: 5,000 accounts): an office's account list
 * finds its region's accounts by index, and the people list's "has an account" (`hasAccountSql`)
 * looks each person up instead of scanning every account; a unit's accounts likewise.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create index users_region_idx on users (region_code, id);
    create index users_person_idx on users (person_id);
    create index users_unit_idx on users (unit_id);
  `,
  );
}
