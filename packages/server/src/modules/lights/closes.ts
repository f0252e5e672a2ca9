/** A month's close: read it (or the latest), run it, publish it (which freezes the month). */
import type { MonthClose, MonthCloseSummary } from '@ducha/contract';
import { transaction, type Db } from '../../db/connection.ts';
import { actorOf, type Actor, type Ctx } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, notFound, outOfScope } from '../../platform/errors.ts';
import { iso } from '../../platform/records.ts';
import { getRegion, regionNameOf, regionPathOf, settingsRegion } from '../../platform/regions.ts';
import { openReports, parseMonth, whenMonthPublished } from '../reports/index.ts';
import { assertMonthEnded, runClose } from './close.ts';
import { indicators } from './indicators.ts';
import { canReadClose } from './policy.ts';

// the reports module asks whether a report's month is published: a close of the project's region or
// a region above it (the line of its path) has been published for that month
whenMonthPublished(
  async (db, regionPath, y, m) =>
    !!(await db
      .selectFrom('month_closes')
      .select('region_code')
      .where('year', '=', y)
      .where('month', '=', m)
      .where('status', '=', 'published')
      .where('region_code', 'in', regionPath.split('.'))
      .executeTakeFirst()),
);

/**
 * One month's close of a region, or with `latest` its newest. Read by those whose scope holds the
 * region (`canReadClose`). With `inherit`, a region without a close of its own for the month reads
 * its own rows of the nearest enclosing close (a county on the city's close: the county's figures,
 * not the city's); `latest` then opens on the newest month closed for it or a region above it.
 */
export async function getClose(
  db: Db,
  ctx: Ctx,
  code: string,
  ym: string,
  inherit = false,
): Promise<MonthClose> {
  const region = await getRegion(db, code);
  if (!region) throw notFound();
  if (!canReadClose(actorOf(ctx), region.path)) throw outOfScope();
  const line = inherit ? region.path.split('.') : [code];
  let q = db
    .selectFrom('month_closes')
    .select(['region_code', 'year', 'month', regionPathOf('region_code').as('path')])
    .where('region_code', 'in', line);
  if (ym !== 'latest') {
    const { y, m } = parseMonth(ym);
    q = q.where('year', '=', y).where('month', '=', m);
  }
  const candidates = await q.execute();
  // the newest month first; within a month the nearest region (its own close before the city's)
  const chosen = candidates.sort(
    (a, b) => b.year - a.year || b.month - a.month || b.path.length - a.path.length,
  )[0];
  if (!chosen) throw notFound();
  const row = await db
    .selectFrom('month_closes')
    .selectAll()
    .select(regionNameOf('region_code').as('region_name'))
    .where('region_code', '=', chosen.region_code)
    .where('year', '=', chosen.year)
    .where('month', '=', chosen.month)
    .executeTakeFirstOrThrow();
  const own = row.region_code === code;
  const open = await openReports(db, region.path, row.year, row.month);
  return {
    regionCode: code,
    closedByRegion: row.region_code,
    closedByRegionName: row.region_name,
    year: row.year,
    month: row.month,
    status: row.status as MonthClose['status'],
    computedAt: row.computed_at.toISOString(),
    publishedAt: iso(row.published_at),
    rulesVersion: row.rules_version,
    indicators: (own
      ? row.indicators
      : (row.region_indicators[code] ?? indicators([]))) as MonthClose['indicators'],
    unverifiedReports: open.unverified,
    returnedReports: open.returned,
  };
}

/**
 * The months closed for a region (with `inherit`, by it or a region above it), newest first, at most
 * three years: a list of what `getClose` would find, under the same read rule. A month closed by both
 * the region and one above it is listed once, as the region's own.
 */
export async function listCloses(
  db: Db,
  ctx: Ctx,
  code: string,
  inherit: boolean,
): Promise<MonthCloseSummary[]> {
  const region = await getRegion(db, code);
  if (!region) throw notFound();
  if (!canReadClose(actorOf(ctx), region.path)) throw outOfScope();
  const line = inherit ? region.path.split('.') : [code];
  const rows = await db
    .selectFrom('month_closes')
    .select(['region_code', 'year', 'month', 'status', regionPathOf('region_code').as('path')])
    .where('region_code', 'in', line)
    .orderBy('year', 'desc')
    .orderBy('month', 'desc')
    .limit(36 * line.length)
    .execute();
  const byMonth = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    const key = `${r.year}-${r.month}`;
    const seen = byMonth.get(key);
    if (!seen || r.path.length > seen.path.length) byMonth.set(key, r);
  }
  return [...byMonth.values()].slice(0, 36).map((r) => ({
    closedByRegion: r.region_code,
    year: r.year,
    month: r.month,
    status: r.status as MonthCloseSummary['status'],
  }));
}

export async function runCloseFor(db: Db, ctx: Ctx, code: string, ym: string) {
  const region = await settingsRegion(db, actorOf(ctx), code, true);
  const { y, m } = parseMonth(ym);
  return runClose(db, ctx, region, y, m);
}

/** Publishing freezes the month: lights and indicators are no longer recomputed or overridden. */
export async function publishClose(db: Db, ctx: Ctx, code: string, ym: string) {
  const region = await settingsRegion(db, actorOf(ctx), code, true);
  const { y, m } = parseMonth(ym);
  assertMonthEnded(y, m);
  await transaction(db, async (trx) => {
    const row = await trx
      .selectFrom('month_closes')
      .select('status')
      .where('region_code', '=', code)
      .where('year', '=', y)
      .where('month', '=', m)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw new DomainError('INVALID_STATE', 409, [{ path: 'month', message: '请先运行月度调度' }]);
    if (row.status === 'published')
      throw new DomainError('INVALID_STATE', 409, [{ path: 'month', message: '该月已发布' }]);
    await trx
      .updateTable('month_closes')
      .set({ status: 'published', published_at: new Date() })
      .where('region_code', '=', code)
      .where('year', '=', y)
      .where('month', '=', m)
      .execute();
    // the trail keeps how many reports were still waiting when the office published
    const open = await openReports(trx, region.path, y, m);
    await recordAudit(trx, ctx, {
      entity: 'month_close',
      entityId: `${code}:${ym}`,
      action: 'publish',
      before: { status: 'computed' },
      after: { status: 'published', unverifiedReports: open.unverified, returnedReports: open.returned },
    });
  });
  return getClose(db, ctx, code, ym);
}

/** The newest month closed for the actor's region or a region above it (a county reads the city's). */
export async function latestCloseMonth(db: Db, actor: Actor): Promise<string | null> {
  let q = db.selectFrom('month_closes').select(['year', 'month']);
  if (actor.role !== 'admin') q = q.where('region_code', 'in', actor.regionPath.split('.'));
  const row = await q.orderBy('year', 'desc').orderBy('month', 'desc').limit(1).executeTakeFirst();
  return row ? `${row.year}-${String(row.month).padStart(2, '0')}` : null;
}
