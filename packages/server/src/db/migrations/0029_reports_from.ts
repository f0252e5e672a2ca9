/**
 * 起报月份: the first month a project owes a monthly report. Before, every active project owed every
 * month, so a project registered in November counted as missing for January to October: in the
 * filer's inbox, the workbench's counts, 催报 and the units' scores. New projects owe from the month
 * they are registered unless the office says otherwise; a project already here owes from the
 * earlier of its registration month and its first report's month (what it has been treated as
 * owing is kept wherever it has filed).
 *
 * Always the first day of a month. The default serves inserts that do not say (the registration
 * month in China); the app's own writes always say.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table projects add column reports_from date;
    update projects p set reports_from = least(
        date_trunc('month', p.created_at at time zone 'Asia/Shanghai')::date,
        (select make_date(r.year, r.month, 1) from monthly_reports r where r.project_id = p.id and r.current
          order by r.year, r.month limit 1));
    alter table projects alter column reports_from set not null,
      alter column reports_from set default date_trunc('month', now() at time zone 'Asia/Shanghai')::date,
      add constraint projects_reports_from_month check (extract(day from reports_from) = 1);
    -- the scopes that count what is owed (the workbench's missing reports, the close) read it off
    -- the scope index alone, as they read the region and the active flag before
    drop index projects_scope_idx;
    create index projects_scope_idx on projects (region_code, active, code, id) include (reports_from);
    `,
  );
}
