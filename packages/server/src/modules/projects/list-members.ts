/**
 * A list's members as the caller reads them: a page at a time (current members by project code,
 * or every stay newest first), the batch filter's counts, and the whole set for the export and the
 * list's detail when asked for it. Members outside the caller's scope are never named.
 */
import { can, type ListMemberPage } from '@ducha/contract';
import { sql } from 'kysely';
import { type Executor } from '../../db/connection.ts';
import { type Actor } from '../../platform/access/context.ts';
import { containing, iso, pagedByKeys } from '../../platform/records.ts';
import { regionPaths } from '../../platform/regions.ts';
import { seesWholeList } from './list-policy.ts';
import { canEditProject, canManageProject } from './policy.ts';
import { projectScopeSql } from './repo.ts';

/** The list as the member reads need it (a `readableList` row). */
export interface MemberList {
  id: number;
  region_path: string;
  status: string;
}
export interface MemberFilters {
  history?: boolean;
  batch?: string;
  q?: string;
}

/**
 * The memberships of the list the caller reads, filtered on the memberships' own columns; the
 * project's scope as a semi-join on the project. A member always lies in the list's
 * subtree (adding one checks it), so whoever reads the whole list needs no project at all: the
 * counts and the page's keys are then read off `project_list_members_page_idx` alone.
 */
export function memberBase(db: Executor, actor: Actor, list: MemberList, f: MemberFilters = {}) {
  let base = db.selectFrom('project_list_members as m').where('m.list_id', '=', list.id);
  if (!f.history) base = base.where('m.removed_at', 'is', null);
  if (f.batch) base = base.where('m.batch', '=', f.batch);
  const scope = seesWholeList(actor, list.region_path) ? null : projectScopeSql(actor);
  if (scope)
    base = base.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('projects as p')
          .select(sql`1`.as('one'))
          .whereRef('p.id', '=', 'm.project_id')
          .where(scope),
      ),
    );
  if (f.q) {
    // the name looked up member by member (a list's members, at most a list's length), not a join
    // that reads every project of the province to find the ones named so
    const text = containing(f.q);
    base = base.where((eb) =>
      eb.or([
        eb('m.project_code', 'ilike', text),
        eb(sql`(select name from projects where id = m.project_id)`, 'ilike', text),
      ]),
    );
  }
  return base;
}

/** The caller's current members per batch of the list's scheme (a batch without members counts 0). */
export async function batchCounts(db: Executor, actor: Actor, list: MemberList, batches: readonly string[]) {
  const rows = await memberBase(db, actor, list)
    .select(['m.batch', sql<number>`count(*)::int`.as('n')])
    .groupBy('m.batch')
    .execute();
  const counts: Record<string, number> = Object.fromEntries(batches.map((b) => [b, 0]));
  for (const r of rows) counts[r.batch] = Number(r.n);
  return counts;
}

/** Members' rows with their projects, and whether the caller may change each. */
export async function memberRows(
  db: Executor,
  actor: Actor,
  list: MemberList,
  where: (q: ReturnType<typeof memberRowsQuery>) => ReturnType<typeof memberRowsQuery>,
) {
  const members = await where(memberRowsQuery(db)).execute();
  // the members' region paths from the cached tree, not a subquery per member
  const paths = await regionPaths(db, new Set(members.map((m) => m.region_code)));
  const manage = canManageProject(actor, list.region_path);
  const published = list.status === 'published';
  const writer = can(actor.role, 'project.write');
  return members.map((m) => ({
    id: m.id,
    projectId: m.project_id,
    code: m.code,
    name: m.name,
    batch: m.batch,
    addedAt: m.added_at.toISOString(),
    removedAt: iso(m.removed_at),
    reason: m.reason,
    editable:
      !m.removed_at &&
      (manage ||
        (published &&
          writer &&
          canEditProject(actor, {
            regionPath: paths.get(m.region_code)!,
            responsibleUnitId: m.responsible_unit_id,
            coUnitIds: [],
            ownerUnitId: null,
          }))),
  }));
}

const memberRowsQuery = (db: Executor) =>
  db
    .selectFrom('project_list_members as m')
    .innerJoin('projects as p', 'p.id', 'm.project_id')
    .select([
      'm.id',
      'm.project_id',
      'p.code',
      'p.name',
      'm.batch',
      'm.added_at',
      'm.removed_at',
      'm.reason',
      'p.responsible_unit_id',
      'p.region_code',
    ]);

const withoutId = <T extends { id: number }>({ id: _, ...rest }: T) => rest;

/**
 * One page of the list's members (`GET /api/project-lists/:id/members`): the page's keys off the
 * memberships' indexes (code order for the current members, newest first for the history), then
 * the 50 rows with their projects; the batch counts beside them.
 */
export async function memberPage(
  db: Executor,
  actor: Actor,
  list: MemberList,
  batches: readonly string[],
  q: MemberFilters & { page: number; pageSize: number },
): Promise<ListMemberPage> {
  const order = q.history ? (['m.added_at', 'desc'] as const) : (['m.project_code', 'asc'] as const);
  const [page, counts] = await Promise.all([
    pagedByKeys(
      db,
      memberBase(db, actor, list, q),
      (b) => b.select('m.id as key').orderBy(order[0], order[1]).orderBy('m.id', order[1]),
      (ids) =>
        memberRows(db, actor, list, (r) =>
          r
            .where('m.id', 'in', ids)
            // their projects by key too, as an array computed once (not a merge join over every project)
            .where(
              'p.id',
              '=',
              sql<number>`any(array(select project_id from project_list_members where id in (${sql.join(ids)})))`,
            ),
        ),
      (r) => r.id,
      { ...q, fence: { alias: 'm', columns: ['m.id', order[0]] } },
    ),
    batchCounts(db, actor, list, batches),
  ]);
  // past the exact limit, the current members are counted all the same: the batch counts are exact
  const exact = page.totalIsEstimate && !q.history && !q.q;
  const total = exact
    ? q.batch
      ? (counts[q.batch] ?? 0)
      : Object.values(counts).reduce((a, b) => a + b, 0)
    : null;
  return {
    ...(total === null ? page : { total }),
    items: page.items.map(withoutId),
    batchCounts: counts,
  };
}

/** Every member the caller reads, by project code (the export; the detail's `members=all`). */
export async function allMembers(db: Executor, actor: Actor, list: MemberList) {
  const scope = projectScopeSql(actor);
  const rows = await memberRows(db, actor, list, (r) =>
    r
      .where('m.list_id', '=', list.id)
      .$if(!!scope, (q) => q.where(scope!))
      .orderBy('p.code')
      .orderBy('m.id'),
  );
  return rows.map(withoutId);
}
