/**
 * Raising an item (from a monthly report, a project page, or on its own) and reading one with
 * its timeline, evidence, duplicates and the steps the current user may take.
 */
import type { itemCreate, ItemStatus } from '@ducha/contract';
import type { z } from 'zod';
import type { Executor, Trx } from '../../db/connection.ts';
import { actorOf, type Actor, type Ctx } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { forbidden, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { todayInChina } from '../../platform/time.ts';
import { checkDictionary } from '../../platform/settings.ts';
import { getRegion } from '../../platform/regions.ts';
import { projectRegionPaths, readableProject } from '../projects/index.ts';
import { reportProject } from '../reports/index.ts';
import { loadCorrections } from '../../platform/calendar-corrections.ts';
import { canPlaceItem, canRaise, canReadItem, standing, type ItemFacts } from './policy.ts';
import {
  addItemEvent,
  findItemDetailRow,
  findItemRow,
  nextCode,
  insertItem,
  lockItemRow,
  presentItem,
  type ItemRow,
  type PresentContext,
} from './repo.ts';
import { allowedActions, codePrefix, initialLevel } from './rules.ts';
import { loadItemSettings } from './settings.ts';

export const itemFacts = (r: ItemRow): ItemFacts => ({
  regionPath: r.region_path,
  responsibleUnitId: r.responsible_unit_id,
  coUnitIds: r.co_units.map((u) => u.id),
  raisedBy: r.raised_by,
  raisedByUnitId: r.raised_by_unit_id,
  projectOwnerUnitId: r.owner_unit_id,
});

/** An item the actor may read, or 404/403. */
export async function readableItem(db: Executor, actor: Actor, id: number): Promise<ItemRow> {
  const row = await findItemRow(db, id);
  if (!row) throw notFound();
  if (!canReadItem(actor, itemFacts(row))) throw outOfScope();
  return row;
}

export async function presentContext(db: Executor, today = todayInChina()): Promise<PresentContext> {
  const [settings, corrections] = await Promise.all([loadItemSettings(db), loadCorrections(db)]);
  return { today, settings, corrections };
}

/** An item's page: the item, its timeline, evidence and duplicates (one statement), and the steps open to the actor. */
export async function itemDetail(db: Executor, actor: Actor, id: number) {
  const [row, c] = await Promise.all([findItemDetailRow(db, id), presentContext(db)]);
  if (!row) throw notFound();
  if (!canReadItem(actor, itemFacts(row))) throw outOfScope();
  return {
    item: presentItem(row, c),
    allowedActions: allowedActions(
      standing(actor, itemFacts(row)),
      {
        status: row.status as ItemStatus,
        level: row.level,
        listed: row.listed,
        respondedOn: row.responded_on,
      },
      c.settings.ladder.length,
    ),
    events: row.events.map((e) => ({
      id: e.id,
      at: e.at,
      actor: e.actor,
      action: e.action,
      fromStatus: e.from_status as ItemStatus | null,
      toStatus: e.to_status as ItemStatus | null,
      note: e.note,
    })),
    attachments: row.attachments.map((a) => ({
      id: a.id,
      name: a.name,
      size: a.size,
      type: a.type,
      sha256: a.sha256,
      createdAt: a.created_at,
    })),
    duplicates: row.duplicates,
  };
}

/** A category must be one the office configured (the `item_category` dictionary), and in use. */
export const checkCategory = (db: Executor, category: string) =>
  checkDictionary(db, 'item_category', [category], 'body.category', () => '不是已配置的问题类别');

/** An item the actor may read, locked for a change in this transaction, or 404/403. */
export async function lockedItem(trx: Trx, actor: Actor, id: number): Promise<ItemRow> {
  if (!(await lockItemRow(trx, id))) throw notFound();
  return readableItem(trx, actor, id);
}

/** Where a new item belongs: its project (directly or through the report), else a region in the raiser's reach. */
async function placeOf(db: Executor, actor: Actor, input: z.infer<typeof itemCreate>, granted: boolean) {
  let projectId = input.projectId ?? null;
  let reportId: number | null = null;
  if (input.source === 'report' || input.reportId) {
    if (!input.reportId) throw invalid('body.reportId', '从月报提出的问题须指明月报');
    const report = await reportProject(db, input.reportId);
    if (!report) throw invalid('body.reportId', '月报不存在');
    if (projectId !== null && projectId !== report.project_id)
      throw invalid('body.projectId', '与月报所属项目不一致');
    projectId = report.project_id;
    reportId = report.id;
  }
  if (projectId !== null) {
    if (granted) {
      const path = (await projectRegionPaths(db, [projectId])).get(projectId);
      if (!path) throw invalid('body.projectId', '项目不存在');
      return { projectId, reportId, regionCode: path.split('.').pop()! };
    }
    const p = await readableProject(db, actor, projectId);
    return { projectId, reportId, regionCode: p.region_code };
  }
  const code = input.regionCode ?? actor.regionCode;
  if (!code) throw invalid('body.regionCode', '请选择所属区划');
  const region = await getRegion(db, code);
  if (!region) throw invalid('body.regionCode', '区划不存在');
  if (!canPlaceItem(actor, region.path)) throw outOfScope();
  return { projectId: null, reportId: null, regionCode: region.code };
}

export interface RaiseOptions {
  /**
   * The calling module has given the actor the project (an inspection group's people raise on the
   * projects the group supervises, whatever their own data scope): its read rule is not applied.
   */
  projectGranted?: boolean;
}

/**
 * Raises an item inside the caller's transaction: a meeting raises its decisions, an inspection its
 * rectifications, atomically with their own writes. Checks where it belongs and who may raise it,
 * numbers it, records the first handling event and the audit event. The HTTP route wraps it.
 */
export async function raiseItem(
  trx: Trx,
  ctx: Ctx,
  input: z.infer<typeof itemCreate>,
  opts: RaiseOptions = {},
) {
  const actor = actorOf(ctx);
  const place = await placeOf(trx, actor, input, opts.projectGranted === true);
  if (!canRaise(actor, input.kind, place.projectId !== null)) throw forbidden();
  await checkCategory(trx, input.category);
  const today = todayInChina();
  const code = await nextCode(trx, codePrefix[input.kind], Number(today.slice(0, 4)));
  const row = await insertItem(trx, {
    code,
    kind: input.kind,
    source: place.reportId ? 'report' : input.source,
    report_id: place.reportId,
    project_id: place.projectId,
    region_code: place.regionCode,
    category: input.category,
    title: input.title,
    description: input.description,
    raised_by: actor.id,
    raised_by_unit_id: actor.unitId,
    raised_on: today,
    level: initialLevel(actor.role, input.kind),
  });
  await addItemEvent(trx, {
    item_id: row.id,
    actor_id: actor.id,
    action: 'raise',
    to_status: 'new',
    note: input.title,
  });
  await recordAudit(trx, ctx, { entity: 'item', entityId: row.id, action: 'create', after: row });
  return row;
}
