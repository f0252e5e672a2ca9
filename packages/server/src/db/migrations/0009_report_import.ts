/**
 * Monthly reports imported from a spreadsheet (月度信息报表): where a report came from (the form or an
 * import), who imported it and when. The original submission date of a back-filled month goes into
 * `first_submitted_at` as it always did, so timeliness and the month close read it unchanged.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table monthly_reports add column source text not null default 'form'
      check (source in ('form', 'import'));
    alter table monthly_reports add column imported_by integer references users(id);
    alter table monthly_reports add column imported_at timestamptz;
  `,
  );
}
