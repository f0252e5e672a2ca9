/**
 * A plan's themes (稽察+ 专项) and check items (检查事项清单), issue 14. A theme's pool is the active
 * projects of the plan's region subtree its rule selects, evaluated in SQL by the projects module
 * (`projectPoolWhere`); `themePoolIds` is the function the draws call after the merge. Edits are
 * the office's over the plan's region, refused once the plan is approved.
 */
import type {
  checkItemCreate,
  checkItemUpdate,
  inspectionThemeCreate,
  inspectionThemeUpdate,
} from '@ducha/contract';
import type { z } from 'zod';
import { transaction, type Db, type Executor } from '../../db/connection.ts';
import { actorOf, type Actor, type Ctx } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, invalid, notFound } from '../../platform/errors.ts';
import { assertVersion } from '../../platform/records.ts';
import {
  projectPoolCount,
  projectPoolIds,
  projectPoolPage,
  type ProjectCriteria,
} from '../projects/index.ts';
import {
  assertEditable,
  managedPlan,
  planRow,
  planSelect,
  presentPlan,
  readablePlan,
  type PlanRow,
} from './plans.ts';

const themeColumns = [
  'id',
  'plan_id',
  'sort',
  'name',
  'description',
  'rule',
  'quarter_counts',
  'version',
] as const;
const itemColumns = ['id', 'plan_id', 'theme_id', 'sort', 'category', 'content', 'basis', 'version'] as const;

type ThemeRow = {
  id: number;
  plan_id: number;
  sort: number;
  name: string;
  description: string;
  rule: Record<string, unknown>;
  quarter_counts: number[];
  version: number;
};

const presentTheme = (r: ThemeRow, poolCount: number) => ({
  id: r.id,
  planId: r.plan_id,
  sort: r.sort,
  name: r.name,
  description: r.description,
  rule: r.rule,
  quarterCounts: r.quarter_counts,
  poolCount,
  version: r.version,
});

const presentItem = (r: {
  id: number;
  plan_id: number;
  theme_id: number | null;
  sort: number;
  category: string;
  content: string;
  basis: string;
  version: number;
}) => ({
  id: r.id,
  planId: r.plan_id,
  themeId: r.theme_id,
  sort: r.sort,
  category: r.category,
  content: r.content,
  basis: r.basis,
  version: r.version,
});

const criteria = (rule: Record<string, unknown>) => rule as ProjectCriteria;

/** The plan's themes in order, each with the size of its pool now. */
export async function listThemes(db: Executor, p: PlanRow) {
  const rows = await db
    .selectFrom('inspection_themes')
    .select(themeColumns)
    .where('plan_id', '=', p.id)
    .orderBy('sort')
    .orderBy('id')
    .execute();
  return Promise.all(
    rows.map(async (r) =>
      presentTheme(r, await projectPoolCount(db, p.region_path, criteria(r.rule), p.year)),
    ),
  );
}

export async function listCheckItems(db: Executor, planId: number) {
  const rows = await db
    .selectFrom('inspection_check_items')
    .select(itemColumns)
    .where('plan_id', '=', planId)
    .orderBy('sort')
    .orderBy('id')
    .execute();
  return rows.map(presentItem);
}

async function themeRow(db: Executor, id: number) {
  const t = await db
    .selectFrom('inspection_themes')
    .select(themeColumns)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!t) throw notFound();
  return t;
}

async function nextSort(db: Executor, table: 'inspection_themes' | 'inspection_check_items', planId: number) {
  const r = await db
    .selectFrom(table)
    .select((e) => e.fn.max('sort').as('s'))
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return Number(r?.s ?? 0) + 1;
}

function duplicateName(e: unknown): never {
  if ((e as { code?: string }).code === '23505')
    throw new DomainError('DUPLICATE', 409, [{ path: 'body.name', message: '本计划已有同名专题' }]);
  throw e;
}

export async function createTheme(
  db: Db,
  ctx: Ctx,
  planId: number,
  input: z.infer<typeof inspectionThemeCreate>,
) {
  return transaction(db, async (trx) => {
    const p = await managedPlan(trx, actorOf(ctx), planId);
    assertEditable(p);
    const row = await trx
      .insertInto('inspection_themes')
      .values({
        plan_id: planId,
        sort: input.sort ?? (await nextSort(trx, 'inspection_themes', planId)),
        name: input.name,
        description: input.description,
        rule: JSON.stringify(input.rule),
        quarter_counts: input.quarterCounts,
      })
      .returning(themeColumns)
      .executeTakeFirstOrThrow()
      .catch(duplicateName);
    await recordAudit(trx, ctx, {
      entity: 'inspection_theme',
      entityId: row.id,
      action: 'create',
      after: row,
    });
    return presentTheme(row, await projectPoolCount(trx, p.region_path, criteria(row.rule), p.year));
  });
}

export async function updateTheme(
  db: Db,
  ctx: Ctx,
  id: number,
  input: z.infer<typeof inspectionThemeUpdate>,
) {
  return transaction(db, async (trx) => {
    const before = await themeRow(trx, id);
    const p = await managedPlan(trx, actorOf(ctx), before.plan_id);
    assertVersion(before.version, input.version);
    assertEditable(p);
    const after = await trx
      .updateTable('inspection_themes')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.rule !== undefined ? { rule: JSON.stringify(input.rule) } : {}),
        ...(input.quarterCounts !== undefined ? { quarter_counts: input.quarterCounts } : {}),
        ...(input.sort !== undefined ? { sort: input.sort } : {}),
        version: before.version + 1,
      })
      .where('id', '=', id)
      .returning(themeColumns)
      .executeTakeFirstOrThrow()
      .catch(duplicateName);
    await recordAudit(trx, ctx, {
      entity: 'inspection_theme',
      entityId: id,
      action: 'update',
      before,
      after,
    });
    return presentTheme(after, await projectPoolCount(trx, p.region_path, criteria(after.rule), p.year));
  });
}

/** A draft plan's theme goes with its own check items; one an inspection names stays (409). */
export async function deleteTheme(db: Db, ctx: Ctx, id: number) {
  await transaction(db, async (trx) => {
    const before = await themeRow(trx, id);
    const p = await managedPlan(trx, actorOf(ctx), before.plan_id);
    assertEditable(p);
    const used = await trx
      .selectFrom('inspections')
      .select('id')
      .where('theme_id', '=', id)
      .executeTakeFirst();
    if (used) throw new DomainError('IN_USE', 409, [{ path: 'id', message: '已有稽察引用该专题，不能删除' }]);
    const items = await trx
      .deleteFrom('inspection_check_items')
      .where('theme_id', '=', id)
      .returning(itemColumns)
      .execute();
    await trx.deleteFrom('inspection_themes').where('id', '=', id).execute();
    for (const it of items)
      await recordAudit(trx, ctx, {
        entity: 'inspection_check_item',
        entityId: it.id,
        action: 'delete',
        before: it,
      });
    await recordAudit(trx, ctx, { entity: 'inspection_theme', entityId: id, action: 'delete', before });
  });
}

/** A page of the theme's pool, by project code (whoever reads the plan reads its pools). */
export async function themePool(db: Db, a: Actor, id: number, page: { page: number; pageSize: number }) {
  const t = await themeRow(db, id);
  const p = await readablePlan(db, a, t.plan_id);
  const c = criteria(t.rule);
  const [items, total] = await Promise.all([
    projectPoolPage(db, p.region_path, c, p.year, {
      limit: page.pageSize,
      offset: (page.page - 1) * page.pageSize,
    }),
    projectPoolCount(db, p.region_path, c, p.year),
  ]);
  return { items, total };
}

/** The theme's pool now, as project ids ordered by project code (for the draws; no access check). */
export async function themePoolIds(db: Executor, themeId: number): Promise<number[]> {
  const t = await themeRow(db, themeId);
  const p = await planRow(db, t.plan_id);
  return projectPoolIds(db, p.region_path, criteria(t.rule), p.year);
}

/** A plan with its themes (each with its pool's size) and check items. */
export async function planDetail(db: Executor, a: Actor, id: number) {
  const p = await readablePlan(db, a, id);
  const row = await planSelect(db).where('id', '=', id).executeTakeFirstOrThrow();
  return {
    ...presentPlan(a)(row),
    themes: await listThemes(db, p),
    checkItems: await listCheckItems(db, id),
  };
}

// ---- check items ----

async function checkTheme(db: Executor, planId: number, themeId: number | null | undefined) {
  if (themeId === null || themeId === undefined) return;
  const t = await db
    .selectFrom('inspection_themes')
    .select('plan_id')
    .where('id', '=', themeId)
    .executeTakeFirst();
  if (!t || t.plan_id !== planId) throw invalid('body.themeId', '专题不存在或不属于本计划');
}

export async function createCheckItem(
  db: Db,
  ctx: Ctx,
  planId: number,
  input: z.infer<typeof checkItemCreate>,
) {
  return transaction(db, async (trx) => {
    const p = await managedPlan(trx, actorOf(ctx), planId);
    assertEditable(p);
    await checkTheme(trx, planId, input.themeId);
    const row = await trx
      .insertInto('inspection_check_items')
      .values({
        plan_id: planId,
        theme_id: input.themeId,
        sort: input.sort ?? (await nextSort(trx, 'inspection_check_items', planId)),
        category: input.category,
        content: input.content,
        basis: input.basis,
      })
      .returning(itemColumns)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      entity: 'inspection_check_item',
      entityId: row.id,
      action: 'create',
      after: row,
    });
    return presentItem(row);
  });
}

async function itemRow(db: Executor, id: number) {
  const r = await db
    .selectFrom('inspection_check_items')
    .select(itemColumns)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) throw notFound();
  return r;
}

export async function updateCheckItem(db: Db, ctx: Ctx, id: number, input: z.infer<typeof checkItemUpdate>) {
  return transaction(db, async (trx) => {
    const before = await itemRow(trx, id);
    const p = await managedPlan(trx, actorOf(ctx), before.plan_id);
    assertVersion(before.version, input.version);
    assertEditable(p);
    await checkTheme(trx, p.id, input.themeId);
    const after = await trx
      .updateTable('inspection_check_items')
      .set({
        ...(input.themeId !== undefined ? { theme_id: input.themeId } : {}),
        ...(input.category !== undefined ? { category: input.category } : {}),
        ...(input.content !== undefined ? { content: input.content } : {}),
        ...(input.basis !== undefined ? { basis: input.basis } : {}),
        ...(input.sort !== undefined ? { sort: input.sort } : {}),
        version: before.version + 1,
      })
      .where('id', '=', id)
      .returning(itemColumns)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      entity: 'inspection_check_item',
      entityId: id,
      action: 'update',
      before,
      after,
    });
    return presentItem(after);
  });
}

export async function deleteCheckItem(db: Db, ctx: Ctx, id: number) {
  await transaction(db, async (trx) => {
    const before = await itemRow(trx, id);
    const p = await managedPlan(trx, actorOf(ctx), before.plan_id);
    assertEditable(p);
    await trx.deleteFrom('inspection_check_items').where('id', '=', id).execute();
    await recordAudit(trx, ctx, { entity: 'inspection_check_item', entityId: id, action: 'delete', before });
  });
}
