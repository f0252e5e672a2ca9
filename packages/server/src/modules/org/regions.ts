/** Regions (行政区划) with GB/T 2260 codes and their tree; a subtree is a path prefix. */
import type { Region, regionCreate, regionQuery, regionUpdate } from '@ducha/contract';
import type { z } from 'zod';
import { transaction, type Db, type Executor } from '../../db/connection.ts';
import { actorOf, type Actor, type Ctx } from '../../platform/access/context.ts';
import { inPath, scopeKind } from '../../platform/access/scope.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, forbidden, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { assertVersion, editAction, patchOf, containing } from '../../platform/records.ts';
import {
  getRegion,
  forgetRegions,
  insertRegion,
  lockRegion,
  regionRows,
  updateRegionRow,
  type RegionRow,
} from '../../platform/regions.ts';
import { canReadRegion, canWriteRegion } from './policy.ts';
import { checkRegionCode, regionPath } from './rules.ts';

type Row = RegionRow;

const present = (r: Row): Region => ({
  code: r.code,
  name: r.name,
  level: r.level,
  parentCode: r.parent_code,
  active: r.active,
  version: r.version,
});

/**
 * Regions in scope: the actor's subtree plus its ancestors (so the tree has its root); with
 * `inScope` (the pickers) the actor's subtree only.
 */
export async function listRegions(db: Db, ctx: Ctx, q: z.infer<typeof regionQuery>) {
  const actor = actorOf(ctx);
  const global = scopeKind(actor) === 'global';
  let under: string | undefined;
  if (q.under) {
    const root = await getRegion(db, q.under);
    if (!root) return { items: [], total: 0 };
    under = root.path;
  }
  if (q.inScope && !global) {
    if (!actor.regionPath) return { items: [], total: 0 };
    // a root above the actor's region narrows to it; a root beside it holds nothing in scope
    if (!under || inPath(actor.regionPath, under)) under = actor.regionPath;
    else if (!inPath(under, actor.regionPath)) return { items: [], total: 0 };
  }
  const rows = await regionRows(db, {
    scope: global || q.inScope ? undefined : actor,
    under,
    includeInactive: q.includeInactive,
    text: q.q ? { like: containing(q.q), prefix: `${q.q}%` } : undefined,
  });
  return { items: rows.map(present), total: rows.length };
}

export async function readableRegion(db: Executor, actor: Actor, code: string): Promise<Row> {
  const row = await getRegion(db, code);
  if (!row) throw notFound();
  if (!canReadRegion(actor, row.path)) throw outOfScope();
  return row;
}

export async function createRegion(db: Db, ctx: Ctx, input: z.infer<typeof regionCreate>): Promise<Region> {
  const actor = actorOf(ctx);
  if (!canWriteRegion(actor)) throw forbidden();
  const created = await transaction(db, async (trx) => {
    const parent = input.parentCode ? await getRegion(trx, input.parentCode) : null;
    if (input.parentCode && !parent) throw invalid('body.parentCode', '上级区划不存在');
    const problem = checkRegionCode(input.code, input.level, parent ?? null);
    if (problem) throw invalid('body.code', problem);
    if (await getRegion(trx, input.code))
      throw new DomainError('DUPLICATE', 409, [{ path: 'body.code', message: '区划代码已存在' }]);
    const row = await insertRegion(trx, {
      code: input.code,
      name: input.name,
      level: input.level,
      parent_code: input.parentCode,
      path: regionPath(input.code, parent?.path ?? null),
    });
    await recordAudit(trx, ctx, {
      entity: 'region',
      entityId: row.code,
      action: 'create',
      after: present(row),
    });
    return present(row);
  });
  forgetRegions(db);
  return created;
}

export async function updateRegion(
  db: Db,
  ctx: Ctx,
  code: string,
  input: z.infer<typeof regionUpdate>,
): Promise<Region> {
  const actor = actorOf(ctx);
  if (!canWriteRegion(actor)) throw forbidden();
  const saved = await transaction(db, async (trx) => {
    const row = await lockRegion(trx, code);
    if (!row) throw notFound();
    assertVersion(row.version, input.version);
    const patch = patchOf(input, { name: 'name', active: 'active' });
    const updated = await updateRegionRow(trx, code, patch, row.version + 1);
    const action = editAction(row.active, input.active);
    await recordAudit(trx, ctx, {
      entity: 'region',
      entityId: code,
      action,
      before: present(row),
      after: present(updated),
    });
    return present(updated);
  });
  forgetRegions(db);
  return saved;
}

export async function auditReadRegion(db: Db, actor: Actor, code: string) {
  await readableRegion(db, actor, code);
}
