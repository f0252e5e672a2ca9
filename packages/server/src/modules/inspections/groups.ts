/**
 * Inspection groups (督查组, DOMAIN §2): formed by the office over a region for a year, by sector,
 * with a leader, members (a person may sit in several groups) and the projects it supervises, all
 * in the group's region subtree. Lists read only the groups the actor sees (the subtree, or the
 * groups the actor's person sits in); names are looked up for the page's rows only.
 */
import type {
  InspectionGroupDetail,
  InspectionGroupSummary,
  inspectionGroupCreate,
  inspectionGroupQuery,
  inspectionGroupUpdate,
} from '@ducha/contract';
import { sql } from 'kysely';
import type { z } from 'zod';
import { transaction, type Db, type Executor, type Trx } from '../../db/connection.ts';
import { actorOf, type Actor, type Ctx } from '../../platform/access/context.ts';
import { scopeKind } from '../../platform/access/scope.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { forbidden, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { assertVersion, containing, paged } from '../../platform/records.ts';
import {
  getRegion,
  regionCodeInScope,
  regionCodeUnderCode,
  regionNameOf,
  regionPathOf,
} from '../../platform/regions.ts';
import { inPath } from '../../platform/access/scope.ts';
import { assertActive, personBriefOf, personNameOf } from '../org/index.ts';
import { projectCodeOf, projectNameOf, projectRegionPaths } from '../projects/index.ts';
import { canManageGroup, canReadGroup, canRecordForGroup, type GroupFacts } from './group-policy.ts';

export interface GroupRow {
  id: number;
  region_code: string;
  region_path: string;
  year: number;
  name: string;
  sector: string;
  leader_person_id: number | null;
  active: boolean;
  version: number;
  person_ids: number[];
}

const personIds = sql<
  number[]
>`array(select m.person_id from inspection_group_members m where m.group_id = g.id)`;

export async function findGroup(db: Executor, id: number): Promise<GroupRow | undefined> {
  return db
    .selectFrom('inspection_groups as g')
    .select([
      'g.id',
      'g.region_code',
      regionPathOf('g.region_code').as('region_path'),
      'g.year',
      'g.name',
      'g.sector',
      'g.leader_person_id',
      'g.active',
      'g.version',
      personIds.as('person_ids'),
    ])
    .where('g.id', '=', id)
    .executeTakeFirst();
}

export const groupFacts = (g: GroupRow): GroupFacts => ({
  regionPath: g.region_path,
  personIds: g.leader_person_id === null ? g.person_ids : [g.leader_person_id, ...g.person_ids],
});

/** The group, when the actor may read it (404 / 403 otherwise). */
export async function readableGroup(db: Executor, actor: Actor, id: number): Promise<GroupRow> {
  const g = await findGroup(db, id);
  if (!g) throw notFound();
  if (!canReadGroup(actor, groupFacts(g))) throw outOfScope();
  return g;
}

/** SQL: the actor's person sits in the group `g` (its leader or a member). */
const sitsIn = (a: Actor) =>
  a.personId === null
    ? sql<boolean>`false`
    : sql<boolean>`(g.leader_person_id = ${a.personId} or exists (select 1 from inspection_group_members m
        where m.group_id = g.id and m.person_id = ${a.personId}))`;

export async function listGroups(db: Db, ctx: Ctx, q: z.infer<typeof inspectionGroupQuery>) {
  const actor = actorOf(ctx);
  let query = db.selectFrom('inspection_groups as g');
  const kind = scopeKind(actor);
  if (q.mine) query = query.where(sitsIn(actor));
  else if (kind === 'region')
    query = query.where((eb) => eb.or([regionCodeInScope(actor, 'g.region_code'), sitsIn(actor)]));
  else if (kind !== 'global') query = query.where(sitsIn(actor));
  if (q.year) query = query.where('g.year', '=', q.year);
  if (q.regionCode) query = query.where(regionCodeUnderCode('g.region_code', q.regionCode));
  if (q.q)
    query = query.where((eb) =>
      eb.or([eb('g.name', 'like', containing(q.q)), eb('g.sector', 'like', containing(q.q))]),
    );
  return paged(
    db,
    query,
    (b) => b.select(summaryColumns).orderBy('g.year', 'desc').orderBy('g.region_code').orderBy('g.id'),
    { ...q, present: presentSummary },
  );
}

const summaryColumns = [
  'g.id',
  'g.region_code',
  regionNameOf('g.region_code').as('region_name'),
  'g.year',
  'g.name',
  'g.sector',
  'g.leader_person_id',
  personNameOf('g.leader_person_id').as('leader_name'),
  sql<number>`(select count(*)::int from inspection_group_members m where m.group_id = g.id)`.as(
    'member_count',
  ),
  sql<number>`(select count(*)::int from inspection_group_projects p where p.group_id = g.id)`.as(
    'project_count',
  ),
  'g.active',
  'g.version',
] as const;

type SummaryRow = {
  id: number;
  region_code: string;
  region_name: string;
  year: number;
  name: string;
  sector: string;
  leader_person_id: number | null;
  leader_name: string | null;
  member_count: number;
  project_count: number;
  active: boolean;
  version: number;
};

const presentSummary = (r: SummaryRow): InspectionGroupSummary => ({
  id: r.id,
  regionCode: r.region_code,
  regionName: r.region_name,
  year: r.year,
  name: r.name,
  sector: r.sector,
  leaderPersonId: r.leader_person_id,
  leaderName: r.leader_name,
  memberCount: r.member_count,
  projectCount: r.project_count,
  active: r.active,
  version: r.version,
});

export async function groupDetail(db: Executor, actor: Actor, id: number): Promise<InspectionGroupDetail> {
  const g = await readableGroup(db, actor, id);
  const row = await db
    .selectFrom('inspection_groups as g')
    .select([
      ...summaryColumns,
      sql<
        string | null
      >`(select pe->>'title' from (select ${personBriefOf('g.leader_person_id')} as pe) t)`.as(
        'leader_title',
      ),
    ])
    .where('g.id', '=', id)
    .executeTakeFirstOrThrow();
  const members = await db
    .selectFrom('inspection_group_members as m')
    .select(['m.person_id', personBriefOf('m.person_id').as('brief')])
    .where('m.group_id', '=', id)
    .orderBy('m.person_id')
    .execute();
  const projects = await db
    .selectFrom('inspection_group_projects as gp')
    .select([
      'gp.project_id',
      projectCodeOf('gp.project_id').as('code'),
      projectNameOf('gp.project_id').as('name'),
      sql<string | null>`(select max(r.week_of)::text from group_site_records r
        where r.group_id = gp.group_id and r.project_id = gp.project_id)`.as('last_week_of'),
    ])
    .where('gp.group_id', '=', id)
    .orderBy(projectCodeOf('gp.project_id'))
    .execute();
  return {
    ...presentSummary(row),
    leaderTitle: row.leader_title,
    members: members.map((m) => ({
      personId: m.person_id,
      name: m.brief?.name ?? '',
      title: m.brief?.title ?? null,
      unitName: m.brief?.unitName ?? null,
    })),
    projects: projects.map((p) => ({
      id: p.project_id,
      code: p.code,
      name: p.name,
      lastWeekOf: p.last_week_of,
    })),
    canManage: canManageGroup(actor, g.region_path),
    canRecord: canRecordForGroup(actor, groupFacts(g)),
  };
}

/** Members and projects must exist, be active, and the projects lie in the group's region subtree. */
async function checkParts(trx: Trx, path: string, people: readonly number[], projects: readonly number[]) {
  await assertActive(trx, 'people', people, 'body.memberPersonIds', '成员不存在或已停用');
  const paths = await projectRegionPaths(trx, projects);
  const outside = projects.filter((p) => !paths.has(p) || !inPath(paths.get(p)!, path));
  if (outside.length)
    throw invalid('body.projectIds', `项目不存在或不在本督查组的区划内：${outside.join(', ')}`);
}

async function writeParts(trx: Trx, id: number, people?: readonly number[], projects?: readonly number[]) {
  if (people) {
    await trx.deleteFrom('inspection_group_members').where('group_id', '=', id).execute();
    const distinct = [...new Set(people)];
    if (distinct.length)
      await trx
        .insertInto('inspection_group_members')
        .values(distinct.map((p) => ({ group_id: id, person_id: p })))
        .execute();
  }
  if (projects) {
    await trx.deleteFrom('inspection_group_projects').where('group_id', '=', id).execute();
    const distinct = [...new Set(projects)];
    if (distinct.length)
      await trx
        .insertInto('inspection_group_projects')
        .values(distinct.map((p) => ({ group_id: id, project_id: p })))
        .execute();
  }
}

export async function createGroup(
  db: Db,
  ctx: Ctx,
  input: z.infer<typeof inspectionGroupCreate>,
): Promise<number> {
  const actor = actorOf(ctx);
  return transaction(db, async (trx) => {
    const region = await getRegion(trx, input.regionCode);
    if (!region) throw invalid('body.regionCode', '区划不存在');
    if (!canManageGroup(actor, region.path)) throw forbidden();
    if (input.leaderPersonId !== null)
      await assertActive(trx, 'people', [input.leaderPersonId], 'body.leaderPersonId', '组长不存在或已停用');
    await checkParts(trx, region.path, input.memberPersonIds, input.projectIds);
    const row = await trx
      .insertInto('inspection_groups')
      .values({
        region_code: input.regionCode,
        year: input.year,
        name: input.name,
        sector: input.sector,
        leader_person_id: input.leaderPersonId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeParts(trx, row.id, input.memberPersonIds, input.projectIds);
    await recordAudit(trx, ctx, {
      entity: 'inspection_group',
      entityId: row.id,
      action: 'create',
      after: { ...row, memberPersonIds: input.memberPersonIds, projectIds: input.projectIds },
    });
    return row.id;
  });
}

export async function updateGroup(
  db: Db,
  ctx: Ctx,
  id: number,
  input: z.infer<typeof inspectionGroupUpdate>,
) {
  const actor = actorOf(ctx);
  return transaction(db, async (trx) => {
    const g = await readableGroup(trx, actor, id);
    if (!canManageGroup(actor, g.region_path)) throw forbidden();
    assertVersion(g.version, input.version);
    if (input.leaderPersonId != null)
      await assertActive(trx, 'people', [input.leaderPersonId], 'body.leaderPersonId', '组长不存在或已停用');
    await checkParts(trx, g.region_path, input.memberPersonIds ?? [], input.projectIds ?? []);
    const after = await trx
      .updateTable('inspection_groups')
      .set({
        ...(input.name !== undefined && { name: input.name }),
        ...(input.sector !== undefined && { sector: input.sector }),
        ...(input.leaderPersonId !== undefined && { leader_person_id: input.leaderPersonId }),
        ...(input.active !== undefined && { active: input.active }),
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeParts(trx, id, input.memberPersonIds, input.projectIds);
    await recordAudit(trx, ctx, {
      entity: 'inspection_group',
      entityId: id,
      action: 'update',
      before: { ...g },
      after: { ...after, memberPersonIds: input.memberPersonIds, projectIds: input.projectIds },
    });
  });
}
