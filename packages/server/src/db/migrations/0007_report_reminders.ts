/**
 * 催报: how many times the office reminded a project's units of a month's missing or late report,
 * and when last. One row per project-month, whether or not a report exists yet.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table report_reminders (
      project_id integer not null references projects(id),
      year integer not null,
      month integer not null check (month between 1 and 12),
      count integer not null default 0,
      last_reminded_on date not null,
      last_reminded_at timestamptz not null default now(),
      last_reminded_by integer references users(id),
      primary key (project_id, year, month)
    );
    create index report_reminders_month_idx on report_reminders (year, month);
  `,
  );
}
