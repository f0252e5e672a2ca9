/**
 * Rankings' rules at and around every threshold: periods, ties under both tie rules, the 红黑榜's
 * sizes, pace conditions, exemptions and ties at the last place. Expectations by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boards, parsePeriod, rankGroup, withBoards, type UnitTotals } from './ranking-rules.ts';

const u = (
  unitId: number,
  total: string,
  opts: Partial<Pick<UnitTotals, 'deductions' | 'pace' | 'exempt' | 'unitName'>> = {},
): UnitTotals => ({
  unitId,
  unitName: opts.unitName ?? `单位${String(unitId).padStart(2, '0')}`,
  total,
  bonuses: '0.00',
  deductions: opts.deductions ?? total,
  rows: 1,
  pace: opts.pace === undefined ? '1.0000' : opts.pace,
  exempt: opts.exempt ?? false,
});

const board = { redSize: 2, blackSize: 2, redMinPace: '1.0000', blackBelowPace: '1.0000' };

describe('parsePeriod', () => {
  it.each([
    ['2026-11', { year: 2026, from: 11, to: 11, kind: 'month' }],
    ['2026-01', { year: 2026, from: 1, to: 1, kind: 'month' }],
    ['2026-H1', { year: 2026, from: 1, to: 6, kind: 'half' }],
    ['2026-H2', { year: 2026, from: 7, to: 12, kind: 'half' }],
    ['2026', { year: 2026, from: 1, to: 12, kind: 'year' }],
  ])('%s', (p, expected) => expect(parsePeriod(p)).toEqual(expected));
});

describe('rankGroup', () => {
  it('scores are base + total, highest first', () => {
    const r = rankGroup([u(1, '-3.00'), u(2, '1.50'), u(3, '0.00')], '100.00', 'shared');
    expect(r.map((x) => [x.unitId, x.score, x.rank])).toEqual([
      [2, '101.50', 1],
      [3, '100.00', 2],
      [1, '97.00', 3],
    ]);
  });
  it('shared: equal scores share a rank and the next rank skips (1, 1, 3), listed by name', () => {
    const r = rankGroup(
      [u(1, '-1.00', { unitName: '乙局' }), u(2, '-1.00', { unitName: '甲局' }), u(3, '-2.00')],
      '100.00',
      'shared',
    );
    expect(r.map((x) => [x.unitId, x.rank])).toEqual([
      [2, 1],
      [1, 1],
      [3, 3],
    ]);
  });
  it('fewer_deductions: an equal score ranks the smaller deductions first', () => {
    const r = rankGroup(
      [
        u(1, '-1.00', { deductions: '-3.00' }),
        u(2, '-1.00', { deductions: '-1.00' }),
        u(3, '-1.00', { deductions: '-3.00' }),
      ],
      '100.00',
      'fewer_deductions',
    );
    expect(r.map((x) => [x.unitId, x.rank])).toEqual([
      [2, 1],
      [1, 2],
      [3, 2],
    ]);
  });
  it('0.01 apart is not a tie', () => {
    const r = rankGroup([u(1, '-1.01'), u(2, '-1.00')], '100.00', 'shared');
    expect(r.map((x) => [x.unitId, x.rank])).toEqual([
      [2, 1],
      [1, 2],
    ]);
  });
  it('property: ranks never decrease down the list and equal ranks have equal scores', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -500, max: 500 }), { minLength: 1, maxLength: 30 }),
        fc.constantFrom('shared' as const, 'fewer_deductions' as const),
        (cents, tie) => {
          const r = rankGroup(
            cents.map((c, i) =>
              u(i + 1, (c / 100).toFixed(2), { deductions: (-Math.abs(c % 7) / 10).toFixed(2) }),
            ),
            '100.00',
            tie,
          );
          for (let i = 1; i < r.length; i++) {
            expect(r[i]!.rank).toBeGreaterThanOrEqual(r[i - 1]!.rank);
            if (r[i]!.rank === r[i - 1]!.rank) expect(r[i]!.score).toBe(r[i - 1]!.score);
            else expect(r[i]!.rank).toBe(i + 1);
          }
        },
      ),
    );
  });
});

describe('boards (红黑榜)', () => {
  const ranked = (list: UnitTotals[]) => rankGroup(list, '100.00', 'shared');
  it('red: the top N with pace at least the condition; black: the bottom N below it', () => {
    const r = ranked([
      u(1, '5.00', { pace: '1.2000' }),
      u(2, '4.00', { pace: '1.0000' }),
      u(3, '3.00', { pace: '1.1000' }),
      u(4, '-1.00', { pace: '0.9999' }),
      u(5, '-2.00', { pace: '0.5000' }),
      u(6, '-3.00', { pace: '0.4000' }),
    ]);
    expect(boards(r, board)).toEqual({ red: [1, 2], black: [6, 5] });
  });
  it('a top unit that missed its plan is skipped for the red list (the next one that met it enters)', () => {
    const r = ranked([
      u(1, '5.00', { pace: '0.9000' }),
      u(2, '4.00'),
      u(3, '3.00'),
      u(4, '-5.00', { pace: '0.5' }),
    ]);
    expect(boards(r, board).red).toEqual([2, 3]);
  });
  it('a bottom unit that met its plan is not on the black list', () => {
    const r = ranked([
      u(1, '0.00', { pace: '0.5000' }),
      u(2, '-1.00', { pace: '0.9000' }),
      u(3, '-9.00', { pace: '1.0000' }),
    ]);
    expect(boards(r, { ...board, redSize: 0 }).black).toEqual([2, 1]);
  });
  it('an exempted unit is kept off the black list', () => {
    const r = ranked([
      u(1, '0.00', { pace: '0.5' }),
      u(2, '-1.00', { pace: '0.5' }),
      u(3, '-9.00', { pace: '0.2', exempt: true }),
    ]);
    expect(boards(r, { ...board, redSize: 0 }).black).toEqual([2, 1]);
  });
  it('a unit without a plan (pace null) is on neither list', () => {
    const r = ranked([u(1, '9.00', { pace: null }), u(2, '-9.00', { pace: null })]);
    expect(boards(r, board)).toEqual({ red: [], black: [] });
  });
  it('a tie at the last place lists every unit of that rank', () => {
    const r = ranked([u(1, '5.00'), u(2, '4.00'), u(3, '4.00'), u(4, '1.00')]);
    expect(boards(r, board).red).toEqual([1, 2, 3]);
  });
  it('sizes of 0 list nobody', () => {
    const r = ranked([u(1, '5.00'), u(2, '-5.00', { pace: '0.1' })]);
    expect(boards(r, { ...board, redSize: 0, blackSize: 0 })).toEqual({ red: [], black: [] });
  });
  it('in a group of one, a unit is not on both lists', () => {
    const r = ranked([u(1, '5.00', { pace: '1.0000' })]);
    expect(boards(r, { ...board, blackBelowPace: '2.0000' })).toEqual({ red: [1], black: [] });
  });
  it('withBoards marks each entry', () => {
    const r = ranked([u(1, '5.00'), u(2, '0.00', { pace: '0.9' })]);
    expect(withBoards(r, { ...board, redSize: 1, blackSize: 1 }).entries.map((e) => e.board)).toEqual([
      'red',
      'black',
    ]);
  });
});
