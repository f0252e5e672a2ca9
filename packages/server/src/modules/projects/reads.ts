/**
 * What other modules read of projects, lists and baselines without naming their tables: a project's
 * fields beside their rows (SQL expressions), the projects an actor reads as an id subquery, and
 * the CTE bodies the month close joins in one statement (the scope, the baseline in force, the
 * overdue milestones, the list memberships).
 */
import type { projectQuery } from '@ducha/contract';
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { Executor } from '../../db/connection.ts';
import type { Actor } from '../../platform/access/context.ts';
import { scopeKind } from '../../platform/access/scope.ts';
import { containing } from '../../platform/records.ts';
import { bigramsCover } from '../../platform/text-search.ts';
import {
  regionCodeInScope,
  regionCodeUnder,
  regionCodeUnderCode,
  regionNameOf,
  regionPathOf,
  regionPaths,
} from '../../platform/regions.ts';
import { unitNameOf } from '../org/index.ts';
import { filteredProjects } from './projects.ts';
import type { ProjectFacts } from './policy.ts';
import { projectColumns, type ProjectRow } from './repo.ts';

type Filter = Partial<z.infer<typeof projectQuery>>;
const noPaging = { page: 1, pageSize: 1, sort: 'code' } as const;

/** SQL: the code of the project whose id is in `idColumn`. */
export const projectCodeOf = (idColumn: string) =>
  sql<string>`(select code from projects where id = ${sql.ref(idColumn)})`;

/** SQL: the name of the project whose id is in `idColumn`. */
export const projectNameOf = (idColumn: string) =>
  sql<string>`(select name from projects where id = ${sql.ref(idColumn)})`;

/** SQL: the owner unit (业主) of the project whose id is in `idColumn`. */
export const projectOwnerOf = (idColumn: string) =>
  sql<number | null>`(select owner_unit_id from projects where id = ${sql.ref(idColumn)})`;

/** SQL: the ids of the projects whose name contains `text` (ILIKE, found through the bigrams' index, migration 0016). */
export const projectIdsNamed = (text: string) =>
  sql`select id from projects where ${bigramsCover(sql`search_bigrams`, text)} and name ilike ${containing(text)}`;

/** SQL: the project in `idColumn` is one the unit owns (a reporter's reach). */
export const projectOwnedBy = (idColumn: string, unitId: number): RawBuilder<SqlBool> =>
  sql<SqlBool>`${sql.ref(idColumn)} in (select id from projects where owner_unit_id = ${unitId})`;

/**
 * A subquery of the ids of the projects the actor reads that match the registry's filters (the
 * same scope and filters as the project list), for `where project_id in (…)`.
 */
export const projectIdsIn = (db: Executor, actor: Actor, filter: Filter = {}) =>
  filteredProjects(db, actor, { ...noPaging, ...filter }).select('p.id');

/**
 * The same projects as `projectIdsIn`, as conditions on a copy of each project's region code and
 * active flag kept beside another module's rows (lights: migration 0028), when the scope and the
 * region filter are all that is asked: an actor who reads by region (or everything), and no
 * filter but the region. Otherwise null, and the caller filters by `projectIdsIn`.
 */
export function projectScopeOnCopy(
  actor: Actor,
  filter: Filter,
  copy: { regionCode: string; active: string },
): Expression<SqlBool>[] | null {
  const kind = scopeKind(actor);
  if (kind !== 'global' && kind !== 'region') return null;
  const { regionCode, ...rest } = filter;
  if (Object.values(rest).some((v) => v !== undefined && v !== null && v !== '')) return null;
  const on: Expression<SqlBool>[] = [sql<SqlBool>`${sql.ref(copy.active)}`];
  if (kind === 'region') on.push(regionCodeInScope(actor, copy.regionCode));
  if (regionCode) on.push(regionCodeUnderCode(copy.regionCode, regionCode));
  return on;
}

/** The same projects as `projectIdsIn`, with each one's region code (for per-region deadlines) and 起报月份. */
export const projectRegionsIn = (db: Executor, actor: Actor, filter: Filter = {}) =>
  filteredProjects(db, actor, { ...noPaging, ...filter }).select(['p.id', 'p.region_code', 'p.reports_from']);

/**
 * The same projects as `projectIdsIn`, with each one's code: a subquery `(id, code)` for another
 * module to join and sort by the project's code (the code index gives that order).
 */
export const projectCodesIn = (db: Executor, actor: Actor, filter: Filter = {}) =>
  filteredProjects(db, actor, { ...noPaging, ...filter }).select(['p.id', 'p.code']);

/** What a module needs to decide about a project (its region, lead and owner units) and to list it. */
export type ProjectBrief = {
  id: number;
  code: string;
  name: string;
  region_code: string;
  region_path: string;
  responsible_unit_id: number | null;
  owner_unit_id: number | null;
  active: boolean;
  /** 起报月份, the first day of the first month owed */
  reports_from: string;
};

/**
 * The projects the actor reads (active ones unless asked), by code, with their facts but no names:
 * for lists that decide per project (a filer's tasks, a month's overdue reports) before showing any.
 * Columns of the projects table only; the region paths from the cached region tree.
 */
export async function readableBriefs(
  db: Executor,
  actor: Actor,
  filter: Filter = {},
): Promise<ProjectBrief[]> {
  const rows = await filteredProjects(db, actor, { ...noPaging, ...filter })
    .select([
      'p.id',
      'p.code',
      'p.name',
      'p.region_code',
      'p.responsible_unit_id',
      'p.owner_unit_id',
      'p.active',
      'p.reports_from',
    ])
    .orderBy('p.code')
    .execute();
  const paths = await regionPaths(db, new Set(rows.map((r) => r.region_code)));
  return rows.map((r) => ({ ...r, region_path: paths.get(r.region_code)! }));
}

/**
 * A brief's facts for the filing and verifying rules (reports/policy.ts), which look at the region,
 * the lead unit and the owner: a co-unit reads a project but neither files nor verifies its
 * reports, so the co-units are not read (empty here).
 */
export const filingFacts = (p: ProjectBrief): ProjectFacts => ({
  regionPath: p.region_path,
  responsibleUnitId: p.responsible_unit_id,
  coUnitIds: [],
  ownerUnitId: p.owner_unit_id,
});

/** The names a list of projects shows beside each (region, lead unit, owner), by id, any order. */
export async function projectNames(db: Executor, ids: readonly number[]) {
  const out = [];
  for (let i = 0; i < ids.length; i += 5000)
    out.push(
      ...(await db
        .selectFrom('projects as p')
        .select([
          'p.id',
          regionNameOf('p.region_code').as('region_name'),
          unitNameOf('p.responsible_unit_id').as('responsible_unit_name'),
          unitNameOf('p.owner_unit_id').as('owner_name'),
        ])
        .where('p.id', 'in', ids.slice(i, i + 5000))
        .execute()),
    );
  return out;
}

/** The projects the actor reads (active ones unless asked), by code, every field. */
export const readableProjects = async (db: Executor, actor: Actor, filter: Filter = {}) =>
  (await filteredProjects(db, actor, { ...noPaging, ...filter })
    .select(projectColumns)
    .orderBy('p.code')
    .execute()) as ProjectRow[];

/** Each project's region path, by id. */
export async function projectRegionPaths(db: Executor, ids: readonly number[]) {
  if (!ids.length) return new Map<number, string>();
  const rows = await db
    .selectFrom('projects as p')
    .select(['p.id', regionPathOf('p.region_code').as('path')])
    .where('p.id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.path]));
}

/**
 * The parties of projects, by id, any order: code, name, region path and the units an inspection's
 * conflict rules look at (owner, contractor, supervisor, designer, agent-builder, lead unit).
 */
export async function projectParties(db: Executor, ids: readonly number[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('projects as p')
    .select([
      'p.id',
      'p.code',
      'p.name',
      'p.region_code',
      'p.active',
      regionPathOf('p.region_code').as('region_path'),
      'p.owner_unit_id',
      'p.contractor_unit_id',
      'p.supervisor_unit_id',
      'p.designer_unit_id',
      'p.agent_unit_id',
      'p.responsible_unit_id',
    ])
    .where('p.id', 'in', ids)
    .execute();
}

/** The responsible leader (a position) of a project: an item assigned on it inherits it. */
export const projectLeaderPosition = async (db: Executor, id: number) =>
  (await db.selectFrom('projects').select('leader_position_id').where('id', '=', id).executeTakeFirst())
    ?.leader_position_id ?? null;

/** Locks a project's row for a change that depends on it (a report's workflow step). */
export const lockProjectRow = (db: Executor, id: number) =>
  db.selectFrom('projects').select('id').where('id', '=', id).forUpdate().executeTakeFirst();

/**
 * SQL: `[{id, name}]` of the milestones whose ids the subquery `ids` yields. The ids as an array
 * computed once, so each is looked up by the primary key (an `in (subquery)` was planned as a join
 * against every milestone).
 */
export const milestonesJson = (ids: RawBuilder<unknown>) =>
  sql<
    { id: number; name: string }[]
  >`coalesce((select json_agg(json_build_object('id', pm.id, 'name', pm.name))
    from plan_milestones pm where pm.id = any(array(${ids}))), '[]'::json)`;

/* The month close's CTE bodies. Each takes the names of the CTEs it joins (`scope`, `base`). */

/** `scope`: the active projects under `path`, with what the rules and the groupings need. */
export const closeScopeSql = (path: string, owing?: { y: number; m: number }) => sql`
  select p.id, p.sector, p.region_code, p.responsible_unit_id, p.leader_position_id, p.planned_start, p.actual_start,
    p.reports_from
  from projects p
  where p.active and ${regionCodeUnder('p.region_code', path)}${owing ? sql` and ${owesReportSql('p.reports_from', owing.y, owing.m)}` : sql``}`;

/** The active projects under `path` that do not owe month y-m yet (their 起报月份 is later). */
export const notYetReportingSql = (path: string, y: number, m: number) => sql`
  select p.id from projects p
  where p.active and ${regionCodeUnder('p.region_code', path)} and not ${owesReportSql('p.reports_from', y, m)}`;

/** SQL of `owesReport` (rules.ts): the project whose reports-from date is `column` owes month y-m. */
export const owesReportSql = (
  column: string,
  y: number | RawBuilder<unknown>,
  m: number | RawBuilder<unknown>,
) => sql<boolean>`${sql.ref(column)} <= make_date(${y}::int, ${m}::int, 1)`;

/** `base`: each scoped project's baseline in force at `end` (the newest approved one effective by then). */
export const baselineInForceSql = (scope: RawBuilder<unknown>, y: number, end: string) => sql`
  select distinct on (ap.project_id) ap.project_id, ap.id as plan_id, ap.planned_investment, ap.monthly
  from annual_plans ap join ${scope} s on s.id = ap.project_id
  where ap.year = ${y} and ap.status in ('approved', 'superseded') and ap.effective_from <= ${end}
  order by ap.project_id, ap.baseline_no desc`;

/** `ms`: the names of each baseline's milestones due by `end` and not reached by then. */
export const overdueMilestonesSql = (base: RawBuilder<unknown>, end: string) => sql`
  select b.project_id, array_agg(pm.name order by pm.seq) as names
  from ${base} b join plan_milestones pm on pm.plan_id = b.plan_id
  where pm.planned_date <= ${end} and (pm.actual_date is null or pm.actual_date > ${end})
  group by b.project_id`;

/** `lst`: each scoped project's lists of year `y` with its batch, as JSON. */
export const listMembershipsSql = (scope: RawBuilder<unknown>, y: number) => sql`
  select m.project_id, json_agg(json_build_object('list', l.name, 'batch', m.batch) order by l.id) as lists
  from project_list_members m join project_lists l on l.id = m.list_id join ${scope} s on s.id = m.project_id
  where m.removed_at is null and l.year = ${y}
  group by m.project_id`;

/** What waits for an office in its scope: list adjustments to decide and annual plan drafts to approve. */
export async function projectCounts(db: Executor, actor: Actor) {
  const [adjustments, drafts] = await Promise.all([
    db
      .selectFrom('list_adjustments as a')
      .innerJoin('project_lists as l', 'l.id', 'a.list_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('a.status', '=', 'pending')
      .$if(actor.role !== 'admin', (q) => q.where(regionCodeUnder('l.region_code', actor.regionPath)))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('annual_plans')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'draft')
      .where('project_id', 'in', projectIdsIn(db, actor))
      .executeTakeFirstOrThrow(),
  ]);
  return { listAdjustments: Number(adjustments.n), planDrafts: Number(drafts.n) };
}
