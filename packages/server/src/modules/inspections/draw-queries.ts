/**
 * The draws' reads: the list (the office's and leaders' region subtree, the admin's all), one draw
 * with its draft fields and document, and the verification of a stored draw from its rows: the
 * published part rebuilt from `inspection_draw_pool` and the picks from `inspection_draw_picks`, then
 * recomputed (a row changed after publication shows as a failure).
 */
import {
  verifyDocument,
  type DrawDetail,
  type DrawDocument,
  type drawQuery,
  type DrawSummary,
  type DrawVerification,
} from '@ducha/contract';
import type { z } from 'zod';
import type { Db, Executor } from '../../db/connection.ts';
import { actorOf, type Actor, type Ctx } from '../../platform/access/context.ts';
import { scopeKind } from '../../platform/access/scope.ts';
import { notFound, outOfScope } from '../../platform/errors.ts';
import { totalOf } from '../../platform/records.ts';
import { regionCodeInScope } from '../../platform/regions.ts';
import { canReadDraw } from './draw-policy.ts';
import { draftFacts, drawRow, type DrawRow } from './draws.ts';
import { publishedFromRows } from './draw-pool.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const summaryOf = (d: DrawRow): DrawSummary => ({
  id: d.id,
  planId: d.plan_id,
  planYear: d.plan_year,
  regionCode: d.region_code,
  regionName: d.region_name,
  title: d.title,
  status: d.status,
  poolSha256: d.pool_sha256,
  publishedAt: iso(d.published_at),
  drawnAt: iso(d.drawn_at),
  version: d.version,
});

export async function listDraws(db: Db, ctx: Ctx, q: z.infer<typeof drawQuery>) {
  const actor = actorOf(ctx);
  if (!(scopeKind(actor) === 'global' || actor.role === 'office' || actor.role === 'leader'))
    throw outOfScope();
  let base = db.selectFrom('inspection_draws as d');
  if (scopeKind(actor) !== 'global') base = base.where(regionCodeInScope(actor, 'd.region_code'));
  if (q.planId) base = base.where('d.plan_id', '=', q.planId);
  if (q.status) base = base.where('d.status', '=', q.status);
  if (q.q) base = base.where('d.title', 'like', `%${q.q}%`);
  const total = await totalOf(db, base);
  const ids = await base
    .select('d.id')
    .orderBy('d.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const items = [];
  for (const { id } of ids) items.push(summaryOf(await drawRow(db, id)));
  return { items, ...total };
}

/** A draw the actor may read, or 404/403. */
export async function readableDraw(db: Executor, actor: Actor, id: number) {
  const d = await drawRow(db, id);
  if (!canReadDraw(actor, d.region_path)) throw outOfScope();
  return d;
}

export async function drawDetail(db: Db, actor: Actor, id: number): Promise<DrawDetail> {
  const d = await readableDraw(db, actor, id);
  const f = draftFacts(d);
  const inspections = await db
    .selectFrom('inspections')
    .select('id')
    .where('draw_id', '=', id)
    .orderBy('id')
    .execute();
  return {
    ...summaryOf(d),
    siteOn: f.siteOn,
    projects: f.strata.projects,
    experts: f.strata.experts,
    sources: f.sources,
    document: (d.document as DrawDocument | null) ?? null,
    inspectionIds: inspections.map((r) => r.id),
  };
}

/** The stored draw recomputed from its rows (not its stored document's copy of them). */
export async function verifyStoredDraw(db: Executor, id: number): Promise<DrawVerification> {
  const d = await drawRow(db, id);
  const doc = d.document as DrawDocument | null;
  if (!doc) return { ok: false, errors: ['抽取尚未公布，没有可验证的文件'], picks: [] };
  const published = await publishedFromRows(db, id, doc.published);
  const rows = await db
    .selectFrom('inspection_draw_picks')
    .selectAll()
    .where('draw_id', '=', id)
    .orderBy('ordinal')
    .execute();
  const stored = new Map((doc.result?.picks ?? []).map((p) => [p.ordinal, p]));
  const result = doc.result && {
    ...doc.result,
    picks: rows.map((r) => ({
      ...stored.get(r.ordinal)!,
      kind: r.kind,
      stratum: r.stratum,
      seq: r.pool_seq,
      id: r.ref_id,
    })),
  };
  const v = verifyDocument({ published, sha256: d.pool_sha256 ?? doc.sha256, result: result ?? null });
  return v;
}

/** A published draw's document, or 404 while a draft (what the public pages and downloads serve). */
export async function publishedDocument(db: Executor, id: number): Promise<DrawDocument> {
  const d = await db
    .selectFrom('inspection_draws')
    .select(['document', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!d || d.status === 'draft' || !d.document) throw notFound();
  return d.document as DrawDocument;
}
