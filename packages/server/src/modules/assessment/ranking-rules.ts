/**
 * Rankings' pure rules (issue 15): periods (a month, a half year, the year), ranking a group by
 * score with the scheme's tie rule, and the 红黑榜 by the scheme's sizes and conditions.
 */
import { Decimal, type BoardConfig, type TieRule } from '@ducha/contract';

export interface Period {
  year: number;
  from: number;
  to: number;
  kind: 'month' | 'half' | 'year';
}

/** `2026-11` → Nov 2026; `2026-H1` → Jan–Jun; `2026-H2` → Jul–Dec; `2026` → the year. */
export function parsePeriod(p: string): Period {
  const year = Number(p.slice(0, 4));
  const rest = p.slice(5);
  if (rest === '') return { year, from: 1, to: 12, kind: 'year' };
  if (rest === 'H1') return { year, from: 1, to: 6, kind: 'half' };
  if (rest === 'H2') return { year, from: 7, to: 12, kind: 'half' };
  const m = Number(rest);
  return { year, from: m, to: m, kind: 'month' };
}

export interface UnitTotals {
  unitId: number;
  unitName: string;
  /** the sum of the period's counted rows */
  total: string;
  bonuses: string;
  /** the sum of counted deductions, ≤ 0 */
  deductions: string;
  rows: number;
  pace: string | null;
  exempt: boolean;
}

export interface Ranked extends UnitTotals {
  rank: number;
  score: string;
  board: 'red' | 'black' | null;
}

const cmp = (a: string, b: string) => new Decimal(a).comparedTo(new Decimal(b));

/**
 * Ranks by score, highest first. `shared`: equal scores share a rank (1, 1, 3). `fewer_deductions`:
 * equal scores are ordered by the smaller deductions, and share a rank only when those are equal
 * too. Units of equal rank are listed by name.
 */
export function rankGroup(units: readonly UnitTotals[], base: string, tie: TieRule): Ranked[] {
  const scored = units.map((u) => ({ ...u, score: new Decimal(base).plus(u.total).toFixed(2) }));
  const key = (a: (typeof scored)[number], b: (typeof scored)[number]) => {
    const s = cmp(b.score, a.score);
    if (s !== 0 || tie === 'shared') return s;
    return cmp(b.deductions, a.deductions); // −1.00 before −3.00
  };
  scored.sort((a, b) => key(a, b) || a.unitName.localeCompare(b.unitName, 'zh-CN') || a.unitId - b.unitId);
  const out: Ranked[] = [];
  scored.forEach((u, i) => {
    const prev = out[i - 1];
    const rank = prev && key(scored[i - 1]!, u) === 0 ? prev.rank : i + 1;
    out.push({ ...u, rank, board: null });
  });
  return out;
}

/**
 * The 红黑榜 of a ranked group. 红榜: from the top, units whose pace is at least `redMinPace`, until
 * `redSize` are listed; 黑榜: from the bottom, units whose pace is below `blackBelowPace` and that
 * hold no exemption, until `blackSize`. A unit without a pace (no plan) is on neither. A tie at
 * the last place lists every unit of that rank (equal scores are treated alike). A unit on both
 * (a tiny group) stays on the red list only.
 */
export function boards(ranked: readonly Ranked[], cfg: BoardConfig): { red: number[]; black: number[] } {
  const pick = (list: readonly Ranked[], size: number, ok: (r: Ranked) => boolean) => {
    const out: Ranked[] = [];
    if (size === 0) return [];
    for (const r of list) {
      if (!ok(r)) continue;
      if (out.length >= size && out[out.length - 1]!.rank !== r.rank) break;
      out.push(r);
    }
    return out.map((r) => r.unitId);
  };
  const red = pick(ranked, cfg.redSize, (r) => r.pace !== null && cmp(r.pace, cfg.redMinPace) >= 0);
  const black = pick(
    [...ranked].reverse(),
    cfg.blackSize,
    (r) => r.pace !== null && !r.exempt && cmp(r.pace, cfg.blackBelowPace) < 0 && !red.includes(r.unitId),
  );
  return { red, black };
}

/** The ranked group with each unit's board marked. */
export function withBoards(ranked: readonly Ranked[], cfg: BoardConfig) {
  const b = boards(ranked, cfg);
  return {
    entries: ranked.map((r) => ({
      ...r,
      board: b.red.includes(r.unitId)
        ? ('red' as const)
        : b.black.includes(r.unitId)
          ? ('black' as const)
          : null,
    })),
    ...b,
  };
}
