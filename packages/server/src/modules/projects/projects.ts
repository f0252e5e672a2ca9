/** Projects: list with filters and scope, detail, create, edit (stage follows actual dates), stage changes. */
import type {
  Project,
  projectCreate,
  projectQuery,
  projectUpdate,
  stageChange,
  Stage,
} from '@ducha/contract';
import { sql } from 'kysely';
import type { z } from 'zod';
import { transaction, type Db, type Executor, type Trx } from '../../db/connection.ts';
import { actorOf, type Actor, type Ctx } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { forbidden, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { bigramsCover } from '../../platform/text-search.ts';
import { assertVersion, containing, editAction, pagedByKeys, patchOf } from '../../platform/records.ts';
import { checkDictionary } from '../../platform/settings.ts';
import { todayInChina } from '../../platform/time.ts';
import { assertActive } from '../org/index.ts';
import { getRegion, regionCodeUnderCode } from '../../platform/regions.ts';
import { canEditProject, canManageProject, canReadProject } from './policy.ts';
import {
  findProjectRow,
  presentProject,
  projectBase,
  projectFacts,
  projectRowsByIds,
  projectScopeSql,
  unitProjectsSql,
  type ProjectRow,
} from './repo.ts';
import {
  dateOrderError,
  impliedDate,
  reportsFromDate,
  stageAfterDates,
  stageError,
  type ActualDates,
} from './rules.ts';

/** A project the actor may read, or 404/403. Other modules read projects through this. */
export async function readableProject(db: Executor, actor: Actor, id: number): Promise<ProjectRow> {
  const row = await findProjectRow(db, id);
  if (!row) throw notFound();
  if (!canReadProject(actor, projectFacts(row))) throw outOfScope();
  return row;
}

const sorts = {
  code: ['p.code', 'asc'],
  name: ['p.name', 'asc'],
  totalInvestment: ['p.total_investment', 'asc'],
  '-totalInvestment': ['p.total_investment', 'desc'],
  stage: ['p.stage', 'asc'],
} as const;

export function filteredProjects(db: Executor, actor: Actor, q: z.infer<typeof projectQuery>) {
  let query = projectBase(db);
  const scope = projectScopeSql(actor);
  if (scope) query = query.where(scope);
  if (!q.includeInactive) query = query.where('p.active', '=', true);
  if (q.regionCode) query = query.where(regionCodeUnderCode('p.region_code', q.regionCode));
  if (q.sector) query = query.where('p.sector', '=', q.sector);
  if (q.stage) query = query.where('p.stage', '=', q.stage);
  if (q.leaderPositionId) query = query.where('p.leader_position_id', '=', q.leaderPositionId);
  if (q.unitId) query = query.where(unitProjectsSql(q.unitId));
  if (q.year || q.listId || q.batch) {
    // only the conditions asked for, so the plan starts from the index that fits (a list's members, a year's lists)
    const on = [sql`m.removed_at is null`];
    if (q.year) on.push(sql`l.year = ${q.year}`);
    if (q.listId) on.push(sql`m.list_id = ${q.listId}`);
    if (q.batch) on.push(sql`m.batch = ${q.batch}`);
    query = query.where(
      sql<boolean>`p.id in (select m.project_id from project_list_members m join project_lists l on l.id = m.list_id
        where ${sql.join(on, sql` and `)})`,
    );
  }
  if (q.q) {
    const text = q.q;
    query = query
      .where(bigramsCover(sql`p.search_bigrams`, text))
      .where((eb) =>
        eb.or([eb('p.code', 'ilike', containing(text)), eb('p.name', 'ilike', containing(text))]),
      );
  }
  return query;
}

/**
 * The project list in two stages: the page's ids by the filters and the sort on the projects
 * table (each sort has its index, with the id as tie-break), then every field and name of those 25.
 */
export async function listProjects(db: Db, ctx: Ctx, q: z.infer<typeof projectQuery>) {
  const [column, direction] = sorts[q.sort];
  const page = await pagedByKeys(
    db,
    filteredProjects(db, actorOf(ctx), q),
    (b) => b.select('p.id as key').orderBy(column, direction).orderBy('p.id'),
    (ids) => projectRowsByIds(db, ids),
    (r) => r.id,
    { ...q, fence: { alias: 'p', columns: ['p.id', column] } },
  );
  return { ...page, items: page.items.map(presentProject) };
}

export async function getProject(db: Db, ctx: Ctx, id: number): Promise<Project> {
  return presentProject(await readableProject(db, actorOf(ctx), id));
}

const unitFields = [
  'ownerUnitId',
  'contractorUnitId',
  'supervisorUnitId',
  'agentUnitId',
  'designerUnitId',
] as const;

async function checkUnits(
  trx: Executor,
  input: Partial<Record<(typeof unitFields)[number], number | null | undefined>>,
) {
  for (const f of unitFields) {
    const v = input[f];
    if (!v) continue;
    await assertActive(trx, 'units', [v], `body.${f}`, '单位不存在或已停用');
  }
}

const columnsOf = {
  name: 'name',
  regionCode: 'region_code',
  address: 'address',
  longitude: 'longitude',
  latitude: 'latitude',
  sector: 'sector',
  scale: 'scale',
  investmentNature: 'investment_nature',
  fundingSources: 'funding_sources',
  totalInvestment: 'total_investment',
  ownerUnitId: 'owner_unit_id',
  contractorUnitId: 'contractor_unit_id',
  supervisorUnitId: 'supervisor_unit_id',
  agentUnitId: 'agent_unit_id',
  designerUnitId: 'designer_unit_id',
  basisDoc: 'basis_doc',
  basisDocNo: 'basis_doc_no',
  tags: 'tags',
  plannedStart: 'planned_start',
  plannedCompletion: 'planned_completion',
  plannedProduction: 'planned_production',
  actualStart: 'actual_start',
  actualCompletion: 'actual_completion',
  actualProduction: 'actual_production',
  active: 'active',
} as const;

async function recordStage(trx: Trx, projectId: number, stage: Stage, date: string, reason: string | null) {
  await trx
    .insertInto('project_stage_events')
    .values({ project_id: projectId, stage, date, reason })
    .execute();
}

function checkDates(d: ActualDates & { plannedStart?: string | null; plannedCompletion?: string | null }) {
  const e = dateOrderError(d);
  if (e) throw invalid(`body.${e.field}`, e.message);
}

export async function createProject(
  db: Db,
  ctx: Ctx,
  input: z.infer<typeof projectCreate>,
): Promise<Project> {
  const actor = actorOf(ctx);
  return transaction(db, async (trx) => {
    const region = await getRegion(trx, input.regionCode);
    if (!region) throw invalid('body.regionCode', '行政区划不存在');
    if (!canManageProject(actor, region.path)) throw outOfScope();
    await checkDictionary(trx, 'sector', [input.sector], 'body.sector');
    await checkDictionary(trx, 'funding_source', input.fundingSources, 'body.fundingSources');
    await checkDictionary(trx, 'tag', input.tags, 'body.tags');
    await checkUnits(trx, input);
    const dates = {
      actualStart: input.actualStart ?? null,
      actualCompletion: input.actualCompletion ?? null,
      actualProduction: input.actualProduction ?? null,
    };
    checkDates({ ...dates, plannedStart: input.plannedStart, plannedCompletion: input.plannedCompletion });
    const stage = stageAfterDates(input.stage, dates);
    const problem = stageError(stage, dates);
    if (problem) throw invalid('body.stage', problem);
    const { id } = await trx
      .insertInto('projects')
      .values({
        ...patchOf(input, columnsOf),
        code: input.code,
        stage,
        // a new project owes its monthly reports from the month it is registered unless the office says
        reports_from: reportsFromDate(input.reportsFrom ?? todayInChina()),
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordStage(
      trx,
      id,
      stage,
      stage === input.stage ? todayInChina() : impliedDate(stage, dates, todayInChina()),
      '登记',
    );
    const project = presentProject((await findProjectRow(trx, id))!);
    await recordAudit(trx, ctx, { entity: 'project', entityId: id, action: 'create', after: project });
    return project;
  });
}

async function lockedEditable(trx: Trx, actor: Actor, id: number, version: number): Promise<ProjectRow> {
  await trx.selectFrom('projects').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  const row = await readableProject(trx, actor, id);
  if (!canEditProject(actor, projectFacts(row))) throw forbidden();
  assertVersion(row.version, version);
  return row;
}

export async function updateProject(
  db: Db,
  ctx: Ctx,
  id: number,
  input: z.infer<typeof projectUpdate>,
): Promise<Project> {
  const actor = actorOf(ctx);
  return transaction(db, async (trx) => {
    const row = await lockedEditable(trx, actor, id, input.version);
    if (input.regionCode && input.regionCode !== row.region_code) {
      const region = await getRegion(trx, input.regionCode);
      if (!region) throw invalid('body.regionCode', '行政区划不存在');
      if (!canManageProject(actor, region.path)) throw outOfScope();
    }
    // values the project holds already stay valid when their entry has been deactivated since
    const missing = (m: string[]) => `不在字典中：${m.join('、')}`;
    if (input.sector)
      await checkDictionary(trx, 'sector', [input.sector], 'body.sector', missing, [row.sector]);
    if (input.fundingSources)
      await checkDictionary(
        trx,
        'funding_source',
        input.fundingSources,
        'body.fundingSources',
        missing,
        row.funding_sources,
      );
    if (input.tags) await checkDictionary(trx, 'tag', input.tags, 'body.tags', missing, row.tags);
    await checkUnits(trx, input);
    const pick = <T>(v: T | undefined, current: T) => (v === undefined ? current : v);
    const dates = {
      actualStart: pick(input.actualStart, row.actual_start),
      actualCompletion: pick(input.actualCompletion, row.actual_completion),
      actualProduction: pick(input.actualProduction, row.actual_production),
    };
    checkDates({
      ...dates,
      plannedStart: pick(input.plannedStart, row.planned_start),
      plannedCompletion: pick(input.plannedCompletion, row.planned_completion),
    });
    const stage = stageAfterDates(row.stage as Stage, dates);
    const problem = stageError(stage, dates);
    if (problem) throw invalid('body.actualStart', problem);
    await trx
      .updateTable('projects')
      .set({
        ...patchOf(input, columnsOf),
        ...(input.reportsFrom ? { reports_from: reportsFromDate(input.reportsFrom) } : {}),
        stage,
        version: row.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    if (stage !== row.stage)
      await recordStage(trx, id, stage, impliedDate(stage, dates, todayInChina()), '依实际日期');
    const after = presentProject((await findProjectRow(trx, id))!);
    await recordAudit(trx, ctx, {
      entity: 'project',
      entityId: id,
      action: editAction(row.active, input.active),
      before: presentProject(row),
      after,
    });
    return after;
  });
}

/** An explicit stage change (e.g. 储备 → 前期 → 新开工) with its date; dates must allow it. */
export async function changeStage(
  db: Db,
  ctx: Ctx,
  id: number,
  input: z.infer<typeof stageChange>,
): Promise<Project> {
  const actor = actorOf(ctx);
  return transaction(db, async (trx) => {
    const row = await lockedEditable(trx, actor, id, input.version);
    if (input.stage === row.stage) throw invalid('body.stage', '项目已处于该阶段');
    const problem = stageError(input.stage, {
      actualStart: row.actual_start,
      actualCompletion: row.actual_completion,
      actualProduction: row.actual_production,
    });
    if (problem) throw invalid('body.stage', problem);
    await trx
      .updateTable('projects')
      .set({ stage: input.stage, version: row.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await recordStage(trx, id, input.stage, input.date, input.reason ?? null);
    const after = presentProject((await findProjectRow(trx, id))!);
    await recordAudit(trx, ctx, {
      entity: 'project',
      entityId: id,
      action: 'change_stage',
      before: { stage: row.stage },
      after: { stage: input.stage, date: input.date },
      reason: input.reason ?? null,
    });
    return after;
  });
}

export async function stageHistory(db: Db, ctx: Ctx, id: number) {
  await readableProject(db, actorOf(ctx), id);
  return db
    .selectFrom('project_stage_events')
    .select(['stage', 'date', 'reason'])
    .where('project_id', '=', id)
    .orderBy('id')
    .execute();
}

export async function auditReadProject(db: Db, actor: Actor, id: string) {
  await readableProject(db, actor, Number(id) || -1);
}
