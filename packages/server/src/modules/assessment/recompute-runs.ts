/**
 * When the ledger engine runs (issue 15): the office's 重新计算 (`recompute`), the month close of a
 * region (`recomputeClosedMonth`, registered into lights' close hooks by `registerAssessmentHooks`)
 * and the nightly job (`recomputeRecentMonths`: the current and previous month of every active
 * scheme, so rows of items and meetings follow their facts within a day).
 */
import type { RecomputeResult } from '@ducha/contract';
import { transaction, type Db, type Trx } from '../../db/connection.ts';
import { actorOf, type Ctx } from '../../platform/access/context.ts';
import { invalid, outOfScope } from '../../platform/errors.ts';
import { getRegion, regionsUnder } from '../../platform/regions.ts';
import { todayInChina } from '../../platform/time.ts';
import { onMonthClosed } from '../lights/index.ts';
import { canManageScores } from './policy.ts';
import { recomputeMonth, recomputeMonths, recomputeWith } from './recompute.ts';
import { activeSchemesOf } from './scheme-store.ts';

/** The region the office may recompute, and a month of its that has begun (else 400 on `field`). */
async function recomputable(
  db: Db,
  ctx: Ctx,
  regionCode: string,
  year: number,
  month: number,
  field: string,
  today: string,
) {
  const region = await getRegion(db, regionCode);
  if (!region) throw invalid('body.regionCode', '区划不存在');
  if (!canManageScores(actorOf(ctx), region.path)) throw outOfScope();
  if (`${year}-${String(month).padStart(2, '0')}` > today.slice(0, 7))
    throw invalid(field, `${year}年${month}月尚未开始，不能计算考核`);
  return region;
}

/** The office recomputes a month of its region (not one that has not begun). */
export async function recompute(
  db: Db,
  ctx: Ctx,
  body: { regionCode: string; year: number; month: number },
  today = todayInChina(),
): Promise<RecomputeResult> {
  const region = await recomputable(db, ctx, body.regionCode, body.year, body.month, 'body.month', today);
  return transaction(db, (trx) => recomputeMonth(trx, ctx, region.code, body.year, body.month, today));
}

/** The office recomputes months `from`..`to` of a year in one pass (the last one begun). */
export async function recomputeMonthRange(
  db: Db,
  ctx: Ctx,
  body: { regionCode: string; year: number; from: number; to: number },
  today = todayInChina(),
): Promise<{ months: RecomputeResult[] }> {
  const region = await recomputable(db, ctx, body.regionCode, body.year, body.to, 'body.to', today);
  const months = await transaction(db, (trx) =>
    recomputeMonths(trx, ctx, region.code, body.year, body.from, body.to, today),
  );
  return { months };
}

/** The closed month's ledger of every active scheme in the closed region's subtree. */
export async function recomputeClosedMonth(
  trx: Trx,
  ctx: Ctx,
  region: { code: string; path: string },
  year: number,
  month: number,
) {
  const codes = (await regionsUnder(trx, region.path)).map((r) => r.code);
  for (const scheme of await activeSchemesOf(trx, year, codes))
    await recomputeWith(trx, ctx, scheme, year, month);
}

/** Registers the engine into the month close (idempotent). */
export function registerAssessmentHooks() {
  onMonthClosed(recomputeClosedMonth);
}

/** The nightly job: the current and previous month of every active scheme, each in its own transaction. */
export async function recomputeRecentMonths(db: Db, today = todayInChina()): Promise<string[]> {
  const ctx: Ctx = { actor: null, requestId: 'job:score-recompute' };
  const [ty, tm] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const months: [number, number][] = [tm === 1 ? [ty - 1, 12] : [ty, tm - 1], [ty, tm]];
  const done: string[] = [];
  for (const [y, m] of months) {
    for (const scheme of await activeSchemesOf(db, y)) {
      await transaction(db, (trx) => recomputeWith(trx, ctx, scheme, y, m, today));
      done.push(`${scheme.regionCode}:${y}-${String(m).padStart(2, '0')}`);
    }
  }
  return done;
}
