/**
 * Sign-in counts for usernames that have no account: wrong passwords lock a name that does not
 * exist exactly as they lock one that does, so the answers (401, then 423 with `lockedUntil`)
 * never tell whether an account exists. Keyed by the lower-cased name as typed.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table login_shadows (
      name text primary key,
      failed_attempts integer not null default 0,
      locked_until timestamptz,
      updated_at timestamptz not null default now()
    );
  `,
  );
}
