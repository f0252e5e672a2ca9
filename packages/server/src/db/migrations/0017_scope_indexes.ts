/**
 * Scopes read off indexes alone (issue 12, measured on the generated province):
 * - an office's active projects by region, with the code the registry sorts by: counting a city's
 *   12,000 projects read 6,000 heap pages (25 ms); off this index, 2.4 ms (an index-only scan, the
 *   visibility map kept by (auto)vacuum);
 * - the registry's 批次 filter (新开工, 在建…): the current memberships of a batch by index;
 * - the organisation's lists (5,000 accounts): an office's account list finds its region's
 *   accounts by index, the people list's "has an account" (`hasAccountSql`) looks each person up
 *   instead of scanning every account, a unit's accounts likewise.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create index projects_scope_idx on projects (region_code, code, id) where active;
    create index project_list_members_batch_idx on project_list_members (batch, project_id) where removed_at is null;
    create index users_region_idx on users (region_code, id);
    create index users_person_idx on users (person_id);
    create index users_unit_idx on users (unit_id);
  `,
  );
}
