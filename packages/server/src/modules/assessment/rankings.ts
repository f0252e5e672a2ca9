/**
 * Rankings and score cards read from the ledger (issue 15). A unit's score for a period is the
 * scheme's base score plus the sum of its counted rows of the period's months; each ranking group
 * of the region's active scheme is ranked with the tie rule, and the 红黑榜 picked by the scheme's
 * sizes and pace conditions (the pace at the period's last recomputed month: year to date). One
 * grouped query per read, over score_rows' (region, year, month, fact key) index.
 */
import { Decimal, type SchemeConfig } from '@ducha/contract';
import { sql } from 'kysely';
import type { Db, Executor } from '../../db/connection.ts';
import { actorOf, type Actor, type Ctx } from '../../platform/access/context.ts';
import { DomainError, invalid, outOfScope } from '../../platform/errors.ts';
import { getRegion, type RegionRow } from '../../platform/regions.ts';
import { activeUnitIds, unitsOfRegion } from '../org/index.ts';
import { canReadCard, canReadRanking } from './policy.ts';
import { parsePeriod, rankGroup, withBoards, type UnitTotals } from './ranking-rules.ts';
import { activeScheme, type SchemeRecord } from './scheme-store.ts';
import { noticeNo } from './card-rules.ts';

const ym = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;

/**
 * The region a read is about: the one asked, or the actor's; for unit staff without one, the
 * nearest region on their line with an active scheme of the year.
 */
async function schemeRegion(db: Executor, a: Actor, regionCode: string | undefined, year: number) {
  const code = regionCode ?? a.regionCode;
  if (!code) throw invalid('querystring.regionCode', '请选择区划');
  let region = await getRegion(db, code);
  if (!region) throw invalid('querystring.regionCode', '区划不存在');
  let scheme = await activeScheme(db, region.code, year);
  if (!scheme && !regionCode && a.role === 'unit') {
    // the unit's line upwards: a county unit is ranked by the city's scheme
    for (const up of region.path.split('.').slice(0, -1).reverse()) {
      const r = await getRegion(db, up);
      const s = r && (await activeScheme(db, r.code, year));
      if (s) [region, scheme] = [r, s];
      if (s) break;
    }
  }
  if (!scheme)
    throw new DomainError('NOT_FOUND', 404, [
      { path: 'querystring.regionCode', message: `${region.name}${year} 年没有生效的考核方案` },
    ]);
  return { region, scheme };
}

interface Sums {
  unit_id: number;
  total: string;
  bonuses: string;
  deductions: string;
  rows: number;
  exempt: boolean;
}

/** The period's pace per unit: at its last month that was recomputed, and which months were. */
async function paces(db: Executor, regionCode: string, year: number, from: number, to: number) {
  const rows = await db
    .selectFrom('score_unit_months')
    .select(['unit_id', 'month', 'pace'])
    .where('region_code', '=', regionCode)
    .where('year', '=', year)
    .where('month', '>=', from)
    .where('month', '<=', to)
    .execute();
  const months = [...new Set(rows.map((r) => r.month))].sort((x, y) => x - y);
  const last = months.at(-1);
  const pace = new Map(rows.filter((r) => r.month === last).map((r) => [r.unit_id, r.pace]));
  return { months, pace };
}

async function unitNames(db: Executor, path: string) {
  return new Map((await unitsOfRegion(db, path)).map((u) => [u.id, u.name]));
}

function rankAll(
  config: SchemeConfig,
  names: Map<number, string>,
  sumRows: readonly Sums[],
  pace: Map<number, string | null>,
) {
  const byUnit = new Map(sumRows.map((s) => [s.unit_id, s]));
  return config.groups.map((g) => {
    const totals: UnitTotals[] = g.unitIds.map((id) => {
      const s = byUnit.get(id);
      return {
        unitId: id,
        unitName: names.get(id) ?? `单位 ${id}`,
        total: s?.total ?? '0.00',
        bonuses: s?.bonuses ?? '0.00',
        deductions: s?.deductions ?? '0.00',
        rows: s?.rows ?? 0,
        pace: pace.get(id) ?? null,
        exempt: s?.exempt ?? false,
      };
    });
    const ranked = withBoards(rankGroup(totals, config.baseScore, config.tieRule), config.board);
    return { code: g.code, name: g.name, ...ranked };
  });
}

/** SQL fragment: a row counts (effective, not exempted). */
const countedSql = sql`(r.status = 'effective' and r.exemption_status is distinct from 'approved')`;

function sumsQuery(db: Executor, regionCode: string, year: number, from: number, to: number) {
  return sql<Sums & { month: number }>`select r.unit_id, r.month,
      coalesce(sum(r.points) filter (where ${countedSql}), 0)::numeric(12,2)::text as total,
      coalesce(sum(r.points) filter (where ${countedSql} and r.points > 0), 0)::numeric(12,2)::text as bonuses,
      coalesce(sum(r.points) filter (where ${countedSql} and r.points < 0), 0)::numeric(12,2)::text as deductions,
      (count(*) filter (where ${countedSql}))::int as rows,
      coalesce(bool_or(r.exemption_status = 'approved'), false) as exempt
    from score_rows r
    where r.region_code = ${regionCode} and r.year = ${year} and r.month between ${from} and ${to}
    group by r.unit_id, r.month`.execute(db);
}

/** Folds per-month sums into per-unit sums (exact decimals). */
function fold(rows: readonly (Sums & { month: number })[]): Sums[] {
  const out = new Map<
    number,
    { total: Decimal; bonuses: Decimal; deductions: Decimal; rows: number; exempt: boolean }
  >();
  for (const r of rows) {
    const o = out.get(r.unit_id) ?? { total: zero, bonuses: zero, deductions: zero, rows: 0, exempt: false };
    out.set(r.unit_id, {
      total: o.total.plus(r.total),
      bonuses: o.bonuses.plus(r.bonuses),
      deductions: o.deductions.plus(r.deductions),
      rows: o.rows + r.rows,
      exempt: o.exempt || r.exempt,
    });
  }
  return [...out].map(([unit_id, o]) => ({
    unit_id,
    total: o.total.toFixed(2),
    bonuses: o.bonuses.toFixed(2),
    deductions: o.deductions.toFixed(2),
    rows: o.rows,
    exempt: o.exempt,
  }));
}

const zero = new Decimal(0);
const plus = (a: string, b: string) => new Decimal(a).plus(b).toFixed(2);

export async function ranking(db: Db, ctx: Ctx, q: { regionCode?: string; period: string }) {
  const a = actorOf(ctx);
  const p = parsePeriod(q.period);
  const { region, scheme } = await schemeRegion(db, a, q.regionCode, p.year);
  if (!canReadRanking(a, region.path)) throw outOfScope();
  return rankingOf(db, region, scheme, q.period);
}

/** The ranking of a period under a scheme (also the preview's, over rows not written). */
export async function rankingOf(db: Executor, region: RegionRow, scheme: SchemeRecord, period: string) {
  const p = parsePeriod(period);
  const [rows, pc, names] = await Promise.all([
    sumsQuery(db, region.code, p.year, p.from, p.to),
    paces(db, region.code, p.year, p.from, p.to),
    unitNames(db, region.path),
  ]);
  return {
    regionCode: region.code,
    regionName: region.name,
    period,
    schemeId: scheme.id,
    schemeName: scheme.name,
    baseScore: scheme.config.baseScore,
    months: pc.months.map((m) => ym(p.year, m)),
    groups: rankAll(scheme.config, names, fold(rows.rows), pc.pace),
  };
}

/** Ranks computed from given rows and paces (the preview, which writes nothing). */
export function rankRows(
  config: SchemeConfig,
  names: Map<number, string>,
  rows: readonly { unitId: number; points: string }[],
  pace: Map<number, string | null>,
) {
  const perRow = rows.map((r) => {
    const n = new Decimal(r.points);
    return {
      unit_id: r.unitId,
      month: 0,
      total: n.toFixed(2),
      bonuses: n.isPositive() ? n.toFixed(2) : '0.00',
      deductions: n.isNegative() ? n.toFixed(2) : '0.00',
      rows: 1,
      exempt: false,
    };
  });
  return rankAll(config, names, fold(perRow), pace);
}

/** A unit's year at a glance under the active scheme of the region. */
export async function scoreCard(db: Db, ctx: Ctx, q: { unitId: number; year: number; regionCode?: string }) {
  const a = actorOf(ctx);
  if ((await activeUnitIds(db, [q.unitId])).size === 0)
    throw invalid('querystring.unitId', '单位不存在或已停用');
  const { region, scheme } = await schemeRegion(db, a, q.regionCode, q.year);
  if (!canReadCard(a, region.path, q.unitId)) throw outOfScope();
  const group = scheme.config.groups.find((g) => g.unitIds.includes(q.unitId)) ?? null;
  const [monthSums, byRule, pc, names, cards] = await Promise.all([
    sumsQuery(db, region.code, q.year, 1, 12),
    db
      .selectFrom('score_rows as r')
      .select([
        'r.month',
        'r.rule',
        sql<string>`coalesce(sum(r.points) filter (where ${countedSql}), 0)::numeric(12,2)::text`.as('sum'),
      ])
      .where('r.region_code', '=', region.code)
      .where('r.year', '=', q.year)
      .where('r.unit_id', '=', q.unitId)
      .groupBy(['r.month', 'r.rule'])
      .execute(),
    db
      .selectFrom('score_unit_months')
      .select(['month', 'unit_id', 'pace'])
      .where('region_code', '=', region.code)
      .where('year', '=', q.year)
      .execute(),
    unitNames(db, region.path),
    db
      .selectFrom('warning_cards')
      .select(['id', 'color', 'month', 'status', 'notice_seq'])
      .where('region_code', '=', region.code)
      .where('year', '=', q.year)
      .where('unit_id', '=', q.unitId)
      .orderBy('month')
      .orderBy('id')
      .execute(),
  ]);
  const computed = new Set(pc.map((r) => r.month));
  const cfg = { ...scheme.config, groups: group ? [group] : [] };
  const months = Array.from({ length: 12 }, (_, i) => {
    const m = i + 1;
    const rules = Object.fromEntries(byRule.filter((r) => r.month === m).map((r) => [r.rule, r.sum]));
    const pace = new Map(pc.filter((r) => r.month === m).map((r) => [r.unit_id, r.pace]));
    const ranked = rankAll(cfg, names, fold(monthSums.rows.filter((r) => r.month === m)), pace)[0];
    const me = ranked?.entries.find((e) => e.unitId === q.unitId);
    const total =
      fold(monthSums.rows.filter((r) => r.month === m && r.unit_id === q.unitId))[0]?.total ?? '0.00';
    return {
      month: m,
      computed: computed.has(m),
      byRule: rules,
      total,
      score: plus(scheme.config.baseScore, total),
      rank: computed.has(m) ? (me?.rank ?? null) : null,
      of: ranked?.entries.length ?? 0,
      board: computed.has(m) ? (me?.board ?? null) : null,
    };
  });
  const yearRule: Record<string, string> = {};
  for (const r of byRule) yearRule[r.rule] = plus(yearRule[r.rule] ?? '0', r.sum);
  const yearRanked = rankAll(cfg, names, fold(monthSums.rows), new Map())[0];
  const yearTotal = fold(monthSums.rows.filter((r) => r.unit_id === q.unitId))[0]?.total ?? '0.00';
  return {
    unitId: q.unitId,
    unitName: names.get(q.unitId) ?? String(q.unitId),
    year: q.year,
    regionCode: region.code,
    schemeId: scheme.id,
    groupName: group?.name ?? null,
    baseScore: scheme.config.baseScore,
    months,
    total: {
      byRule: yearRule,
      total: yearTotal,
      score: plus(scheme.config.baseScore, yearTotal),
      rank: yearRanked?.entries.find((e) => e.unitId === q.unitId)?.rank ?? null,
    },
    cards: cards.map((c) => ({
      id: c.id,
      color: c.color,
      month: c.month,
      noticeNo: noticeNo(c.color, q.year, c.notice_seq),
      status: c.status,
    })),
  };
}
