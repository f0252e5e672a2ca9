/**
 * The draws' use cases up to publication: a draft (the plan, the strata of projects per theme and
 * experts per specialty, the named sources, the site date), edited while a draft, and published:
 * the pool frozen into `inspection_draw_pool`, the document and its SHA-256 stored. Every write
 * checks the version it was read at and records its audit event in its transaction.
 */
import { sha256Of, type DrawCreate, type DrawPublished, type drawUpdate } from '@ducha/contract';
import type { z } from 'zod';
import { transaction, type Db, type Executor, type Trx } from '../../db/connection.ts';
import { actorOf, type Actor, type Ctx } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { assertVersion } from '../../platform/records.ts';
import { regionNameOf, regionPathOf } from '../../platform/regions.ts';
import { todayInChina } from '../../platform/time.ts';
import { canManageDraw } from './draw-policy.ts';
import { buildPublished, checkStrata, poolRows, type DraftFacts, type DraftStrata } from './draw-pool.ts';

/** A refusal in the draw's own words (409), in both languages. */
export function refuse(zh: string, en = zh): never {
  throw new DomainError('INVALID_STATE', 409, [{ path: 'status', message: zh }], {}, { zh, en });
}

/** A draw's row with its plan's year and its region's name and path, locked when in a transaction. */
export async function drawRow(db: Executor, id: number, lock = false) {
  let q = db
    .selectFrom('inspection_draws as d')
    .innerJoin('inspection_plans as p', 'p.id', 'd.plan_id')
    .selectAll('d')
    .select(['p.year as plan_year', 'p.status as plan_status'])
    .select([
      regionNameOf('d.region_code').as('region_name'),
      regionPathOf('d.region_code').as('region_path'),
    ])
    .where('d.id', '=', id);
  if (lock) q = q.forUpdate('d');
  const row = await q.executeTakeFirst();
  if (!row) throw notFound();
  return row;
}
export type DrawRow = Awaited<ReturnType<typeof drawRow>>;

export function requireManage(actor: Actor, d: { region_path: string }) {
  if (!canManageDraw(actor, d.region_path)) throw outOfScope();
}

export const draftFacts = (d: DrawRow): DraftFacts => ({
  id: d.id,
  title: d.title,
  regionCode: d.region_code,
  regionName: d.region_name,
  regionPath: d.region_path,
  planId: d.plan_id,
  planYear: d.plan_year,
  siteOn: ((d.rules ?? {}) as { siteOn?: string | null }).siteOn ?? null,
  strata: d.counts as DraftStrata,
  sources: d.sources as DrawPublished['sources'],
});

type DraftInput = Omit<DrawCreate, 'planId'>;
const draftColumns = (input: DraftInput) => ({
  title: input.title,
  counts: JSON.stringify({ projects: input.projects, experts: input.experts } satisfies DraftStrata),
  rules: JSON.stringify({ siteOn: input.siteOn }),
  sources: JSON.stringify(input.sources),
});

async function managedPlan(db: Executor, actor: Actor, planId: number) {
  const plan = await db
    .selectFrom('inspection_plans as p')
    .select(['p.id', 'p.region_code', 'p.year', regionPathOf('p.region_code').as('path')])
    .where('p.id', '=', planId)
    .executeTakeFirst();
  if (!plan) throw invalid('body.planId', '年度稽察计划不存在');
  if (!canManageDraw(actor, plan.path)) throw outOfScope();
  return plan;
}

/** A draft draw for a plan (any status: only publishing needs it approved). */
export async function createDraw(db: Db, ctx: Ctx, input: DrawCreate): Promise<number> {
  const actor = actorOf(ctx);
  const plan = await managedPlan(db, actor, input.planId);
  await checkStrata(db, plan.id, plan.path, input);
  return transaction(db, async (trx) => {
    const row = await trx
      .insertInto('inspection_draws')
      .values({
        plan_id: plan.id,
        region_code: plan.region_code,
        created_by: actor.id,
        ...draftColumns(input),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      entity: 'inspection_draw',
      entityId: row.id,
      action: 'create',
      after: row,
    });
    return row.id;
  });
}

/** A draft's fields replaced; refused once published (the pool is frozen). */
export async function updateDraw(db: Db, ctx: Ctx, id: number, input: z.infer<typeof drawUpdate>) {
  const actor = actorOf(ctx);
  await transaction(db, async (trx) => {
    const d = await drawRow(trx, id, true);
    requireManage(actor, d);
    if (d.status !== 'draft')
      refuse(
        '抽取已公布，候选名单和规则不能再修改',
        'The draw is published: its pool and rules cannot change',
      );
    assertVersion(d.version, input.version);
    await checkStrata(trx, d.plan_id, d.region_path, input);
    const after = await trx
      .updateTable('inspection_draws')
      .set({ ...draftColumns(input), version: d.version + 1 })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      entity: 'inspection_draw',
      entityId: id,
      action: 'update',
      before: d,
      after,
    });
  });
}

/** Sources must all be dated after the publication day: nobody may know their values yet. */
export function checkSourcesAfter(sources: DrawPublished['sources'], today: string) {
  const early = sources.filter((s) => s.on <= today);
  if (early.length)
    refuse(
      `随机源「${early.map((s) => s.name).join('、')}」的日期须晚于公布日 ${today}`,
      `Every source must be dated after the publication day ${today}`,
    );
}

/** Publish: the pool frozen and numbered, the document and its SHA-256 stored. */
export async function publishDraw(db: Db, ctx: Ctx, id: number, version: number, today = todayInChina()) {
  const actor = actorOf(ctx);
  await transaction(db, async (trx: Trx) => {
    const d = await drawRow(trx, id, true);
    requireManage(actor, d);
    if (d.status !== 'draft') refuse('抽取已公布', 'The draw is already published');
    assertVersion(d.version, version);
    if (d.plan_status !== 'approved')
      refuse('年度稽察计划尚未批准，不能公布抽取', 'The annual plan is not approved yet');
    const facts = draftFacts(d);
    checkSourcesAfter(facts.sources, today);
    const published = await buildPublished(trx, facts, today);
    for (const s of [...published.projects, ...published.experts])
      if (s.pool.length < s.count)
        refuse(
          `「${s.stratum}」待抽取 ${s.count} 个，候选只有 ${s.pool.length} 个`,
          `${s.stratum}: ${s.count} to draw but only ${s.pool.length} in the pool`,
        );
    const sha256 = sha256Of(published);
    await trx.insertInto('inspection_draw_pool').values(poolRows(id, published)).execute();
    const after = await trx
      .updateTable('inspection_draws')
      .set({
        status: 'published',
        document: JSON.stringify({ published, sha256, result: null }),
        pool_sha256: sha256,
        published_by: actor.id,
        published_at: new Date(),
        version: d.version + 1,
      })
      .where('id', '=', id)
      .returning(['id', 'status', 'pool_sha256', 'version'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      entity: 'inspection_draw',
      entityId: id,
      action: 'publish',
      before: { status: d.status, version: d.version },
      after,
    });
  });
}
