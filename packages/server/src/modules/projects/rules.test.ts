/**
 * Pure registry rules: the pro-rata monthly split of an annual plan and its exact-sum check, the
 * stage the actual dates imply (every stage × every combination of actual dates, written out by
 * hand from DOMAIN §3), and the order of actual and planned dates.
 */
import fc from 'fast-check';
import type { Stage } from '@ducha/contract';
import { describe, expect, it } from 'vitest';
import {
  dateOrderError,
  impliedDate,
  monthlySumError,
  owesReport,
  proRata,
  reportsFromDate,
  reportsFromMonth,
  stageAfterDates,
  stageError,
  stageFloor,
  stageRank,
  type ActualDates,
} from './rules.ts';

/** Amount text from a whole number of cents, computed with bigint (independent of decimal.js). */
const fromCents = (c: bigint) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`;
const toCents = (text: string) => {
  const [whole, frac = ''] = text.split('.');
  return BigInt(whole!) * 100n + BigInt(frac.padEnd(2, '0'));
};

describe('proRata', () => {
  const cases: [string, string[]][] = [
    ['0', Array<string>(12).fill('0.00')],
    ['0.00', Array<string>(12).fill('0.00')],
    // one cent: it goes to December
    ['0.01', [...Array<string>(11).fill('0.00'), '0.01']],
    // 11 cents: January gets nothing, February to December one cent each
    ['0.11', ['0.00', ...Array<string>(11).fill('0.01')]],
    ['0.12', Array<string>(12).fill('0.01')],
    ['0.13', [...Array<string>(11).fill('0.01'), '0.02']],
    ['12', Array<string>(12).fill('1.00')],
    ['12.00', Array<string>(12).fill('1.00')],
    // 100001 cents = 12 × 8333 + 5: the last five months carry a cent more
    ['1000.01', [...Array<string>(7).fill('83.33'), ...Array<string>(5).fill('83.34')]],
    // the largest amount the contract allows: beyond a double's exact range in cents
    [
      '99999999999999.99',
      [...Array<string>(9).fill('8333333333333.33'), ...Array<string>(3).fill('8333333333333.34')],
    ],
    ['1000', [...Array<string>(8).fill('83.33'), ...Array<string>(4).fill('83.34')]],
    ['5000', [...Array<string>(4).fill('416.66'), ...Array<string>(8).fill('416.67')]],
    ['1200', Array<string>(12).fill('100.00')],
    [
      '1000000000000.00',
      [...Array<string>(8).fill('83333333333.33'), ...Array<string>(4).fill('83333333333.34')],
    ],
  ];
  it.each(cases)('%s → %j', (annual, expected) => {
    const months = proRata(annual);
    expect(months).toEqual(expected);
    expect(monthlySumError(annual, months)).toBeNull();
  });

  it('for any 2-decimal amount up to 1e12: 12 non-negative months that sum exactly, differ by at most a cent, remainder last', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 14n }), (cents) => {
        const annual = fromCents(cents);
        const months = proRata(annual);
        expect(months).toHaveLength(12);
        for (const m of months) expect(m).toMatch(/^\d+\.\d{2}$/); // non-negative, two decimals
        const monthCents = months.map(toCents);
        expect(monthCents.reduce((a, b) => a + b, 0n)).toBe(cents);
        const base = cents / 12n;
        const extra = Number(cents % 12n);
        // the first 12 - extra months carry the base share, the last `extra` months one cent more
        expect(monthCents).toEqual([
          ...Array<bigint>(12 - extra).fill(base),
          ...Array<bigint>(extra).fill(base + 1n),
        ]);
        const max = monthCents.reduce((a, b) => (b > a ? b : a));
        const min = monthCents.reduce((a, b) => (b < a ? b : a));
        expect(max - min <= 1n).toBe(true);
        expect(monthlySumError(annual, months)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('accepts the amount however it is written (trailing zeros, no decimals)', () => {
    expect(proRata('1000.1')).toEqual(proRata('1000.10'));
    expect(proRata('24')).toEqual(Array<string>(12).fill('2.00'));
  });
});

describe('monthlySumError', () => {
  const twelve = (first: string, rest: string) => [first, ...Array<string>(11).fill(rest)];

  const cases: [string, string, string[], string | null][] = [
    ['exact', '1200.00', Array<string>(12).fill('100.00'), null],
    [
      'exact, uneven months',
      '1000.01',
      [...Array<string>(7).fill('83.33'), ...Array<string>(5).fill('83.34')],
      null,
    ],
    ['exact, all in one month', '5000.00', twelve('5000.00', '0.00'), null],
    ['exact, zero', '0.00', Array<string>(12).fill('0.00'), null],
    ['exact, annual without decimals', '1200', Array<string>(12).fill('100'), null],
    [
      'one cent over',
      '1200.00',
      twelve('100.01', '100.00'),
      '分月计划合计 1200.01 万元，与年度计划 1200.00 万元不一致',
    ],
    [
      'one cent under',
      '1200.00',
      twelve('99.99', '100.00'),
      '分月计划合计 1199.99 万元，与年度计划 1200.00 万元不一致',
    ],
    [
      'one cent over an uneven annual',
      '1000.01',
      twelve('83.34', '83.34'),
      '分月计划合计 1000.08 万元，与年度计划 1000.01 万元不一致',
    ],
    [
      'months of 0.1 + 0.2 style floats summed exactly',
      '0.30',
      ['0.1', '0.2', ...Array<string>(10).fill('0')],
      null,
    ],
    [
      'annual shown with two decimals in the message',
      '1200',
      Array<string>(12).fill('0'),
      '分月计划合计 0.00 万元，与年度计划 1200.00 万元不一致',
    ],
    ['11 months', '1100.00', Array<string>(11).fill('100.00'), '分月计划应有 12 个月'],
    ['13 months', '1300.00', Array<string>(13).fill('100.00'), '分月计划应有 12 个月'],
    ['no months', '0.00', [], '分月计划应有 12 个月'],
  ];
  it.each(cases)('%s', (_note, annual, monthly, expected) => {
    expect(monthlySumError(annual, monthly)).toBe(expected);
  });

  it('is null exactly when the cents add up', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { minLength: 12, maxLength: 12 }),
        fc.bigInt({ min: -3n, max: 3n }),
        (months, delta) => {
          const total = months.reduce((a, b) => a + b, 0n);
          const annual = total + delta < 0n ? 0n : total + delta;
          const error = monthlySumError(fromCents(annual), months.map(fromCents));
          if (annual === total) expect(error).toBeNull();
          else
            expect(error).toBe(
              `分月计划合计 ${fromCents(total)} 万元，与年度计划 ${fromCents(annual)} 万元不一致`,
            );
        },
      ),
    );
  });
});

// ---- stages ----

const D = '2026-03-01';
const combos = {
  none: { actualStart: null, actualCompletion: null, actualProduction: null },
  S: { actualStart: D, actualCompletion: null, actualProduction: null },
  SC: { actualStart: D, actualCompletion: D, actualProduction: null },
  SCP: { actualStart: D, actualCompletion: D, actualProduction: D },
  C: { actualStart: null, actualCompletion: D, actualProduction: null },
  P: { actualStart: null, actualCompletion: null, actualProduction: D },
  CP: { actualStart: null, actualCompletion: D, actualProduction: D },
  SP: { actualStart: D, actualCompletion: null, actualProduction: D },
} satisfies Record<string, ActualDates>;
type Combo = keyof typeof combos;

const order: Stage[] = ['reserve', 'preliminary', 'new_start', 'continuing', 'completed', 'operating'];

const dated = (label: string) => `已填实际日期的项目不能处于「${label}」阶段`;
const NEED_START = '续建及以后阶段须先填写实际开工日期';
const NEED_COMPLETION = '竣工及以后阶段须先填写实际竣工日期';
const NEED_PRODUCTION = '投产阶段须先填写实际投产日期';
const R = dated('储备');
const PRE = dated('前期');
const NEW = dated('新开工');
const CON = dated('续建');
const COM = dated('竣工');

/**
 * Per combination of actual dates: the floor, then for each stage in order
 * (储备, 前期, 新开工, 续建, 竣工, 投产) the stage after the dates and the stage error.
 */
const table: Record<Combo, { floor: Stage | null; after: Stage[]; error: (string | null)[] }> = {
  none: {
    floor: null,
    after: ['reserve', 'preliminary', 'new_start', 'continuing', 'completed', 'operating'],
    error: [null, null, null, NEED_START, NEED_START, NEED_START],
  },
  S: {
    floor: 'continuing',
    after: ['continuing', 'continuing', 'continuing', 'continuing', 'completed', 'operating'],
    error: [R, PRE, NEW, null, NEED_COMPLETION, NEED_COMPLETION],
  },
  SC: {
    floor: 'completed',
    after: ['completed', 'completed', 'completed', 'completed', 'completed', 'operating'],
    error: [R, PRE, NEW, CON, null, NEED_PRODUCTION],
  },
  SCP: {
    floor: 'operating',
    after: ['operating', 'operating', 'operating', 'operating', 'operating', 'operating'],
    error: [R, PRE, NEW, CON, COM, null],
  },
  // completion or production without a start (dateOrderError refuses these; the stage rules still hold)
  C: {
    floor: 'completed',
    after: ['completed', 'completed', 'completed', 'completed', 'completed', 'operating'],
    error: [R, PRE, NEW, CON, NEED_START, NEED_START],
  },
  P: {
    floor: 'operating',
    after: ['operating', 'operating', 'operating', 'operating', 'operating', 'operating'],
    error: [R, PRE, NEW, CON, COM, NEED_START],
  },
  CP: {
    floor: 'operating',
    after: ['operating', 'operating', 'operating', 'operating', 'operating', 'operating'],
    error: [R, PRE, NEW, CON, COM, NEED_START],
  },
  SP: {
    floor: 'operating',
    after: ['operating', 'operating', 'operating', 'operating', 'operating', 'operating'],
    error: [R, PRE, NEW, CON, COM, NEED_COMPLETION],
  },
};

describe('stageFloor', () => {
  it.each(Object.keys(combos) as Combo[])('dates %s → %s', (combo) => {
    expect(stageFloor(combos[combo])).toBe(table[combo].floor);
  });
});

const stageCases = (Object.keys(combos) as Combo[]).flatMap((combo) =>
  order.map((s, i) => [combo, s, table[combo].after[i]!, table[combo].error[i]!] as const),
);

describe('stageAfterDates', () => {
  it.each(stageCases)('dates %s, stage %s → %s', (combo, s, after) => {
    expect(stageAfterDates(s, combos[combo])).toBe(after);
  });

  it('an actual start moves 前期 and 新开工 (and 储备) to 续建', () => {
    for (const s of ['reserve', 'preliminary', 'new_start'] as const)
      expect(stageAfterDates(s, combos.S)).toBe('continuing');
  });

  it('never moves a later stage back', () => {
    expect(stageAfterDates('completed', combos.S)).toBe('completed');
    expect(stageAfterDates('operating', combos.S)).toBe('operating');
    expect(stageAfterDates('operating', combos.SC)).toBe('operating');
    expect(stageAfterDates('operating', combos.none)).toBe('operating');
  });

  it('is monotone and idempotent for every stage and date set', () => {
    const date = fc.option(fc.constant(D), { nil: null });
    fc.assert(
      fc.property(fc.constantFrom(...order), date, date, date, (s, a, b, c) => {
        const d = { actualStart: a, actualCompletion: b, actualProduction: c };
        const after = stageAfterDates(s, d);
        expect(stageRank(after)).toBeGreaterThanOrEqual(stageRank(s));
        expect(stageAfterDates(after, d)).toBe(after);
        // the stage after the dates is never "below the dates"
        expect(stageError(after, d) ?? '').not.toMatch(/^已填实际日期/);
      }),
    );
  });
});

describe('stageError', () => {
  it.each(stageCases)('dates %s, stage %s (after %s) → %s', (combo, s, _after, error) => {
    expect(stageError(s, combos[combo])).toBe(error);
  });

  it('a started project cannot be 储备, 前期 or 新开工', () => {
    for (const [s, label] of [
      ['reserve', '储备'],
      ['preliminary', '前期'],
      ['new_start', '新开工'],
    ] as const)
      expect(stageError(s, combos.S)).toBe(`已填实际日期的项目不能处于「${label}」阶段`);
    expect(stageError('continuing', combos.S)).toBeNull();
  });
});

describe('dateOrderError', () => {
  const none = { actualStart: null, actualCompletion: null, actualProduction: null };
  const cases: [string, Parameters<typeof dateOrderError>[0], ReturnType<typeof dateOrderError>][] = [
    ['no dates', none, null],
    ['start only', { ...none, actualStart: '2026-03-01' }, null],
    [
      'start, completion and production in order',
      { actualStart: '2026-03-01', actualCompletion: '2026-10-01', actualProduction: '2026-12-01' },
      null,
    ],
    [
      'all on the same day',
      { actualStart: '2026-03-01', actualCompletion: '2026-03-01', actualProduction: '2026-03-01' },
      null,
    ],
    [
      'completion a day before start',
      { ...none, actualStart: '2026-03-01', actualCompletion: '2026-02-28' },
      { field: 'actualCompletion', message: '实际竣工日期不能早于实际开工日期' },
    ],
    [
      'completion on the start day',
      { ...none, actualStart: '2026-03-01', actualCompletion: '2026-03-01' },
      null,
    ],
    [
      'production a day before completion',
      { actualStart: '2026-03-01', actualCompletion: '2026-10-01', actualProduction: '2026-09-30' },
      { field: 'actualProduction', message: '实际投产日期不能早于实际竣工日期' },
    ],
    [
      'both out of order: completion is named first',
      { actualStart: '2026-03-01', actualCompletion: '2026-02-01', actualProduction: '2026-01-01' },
      { field: 'actualCompletion', message: '实际竣工日期不能早于实际开工日期' },
    ],
    [
      'completion without start',
      { ...none, actualCompletion: '2026-10-01' },
      { field: 'actualStart', message: '请先填写实际开工日期' },
    ],
    [
      'production without start',
      { ...none, actualProduction: '2026-12-01' },
      { field: 'actualStart', message: '请先填写实际开工日期' },
    ],
    [
      'planned completion a day before planned start',
      { ...none, plannedStart: '2026-04-01', plannedCompletion: '2026-03-31' },
      { field: 'plannedCompletion', message: '计划竣工日期不能早于计划开工日期' },
    ],
    [
      'planned completion on the planned start',
      { ...none, plannedStart: '2026-04-01', plannedCompletion: '2026-04-01' },
      null,
    ],
    ['planned completion without planned start', { ...none, plannedCompletion: '2026-04-01' }, null],
    [
      'month and year boundaries compare as dates',
      { ...none, actualStart: '2025-12-31', actualCompletion: '2026-01-01' },
      null,
    ],
    [
      'actual order is checked before planned order',
      {
        actualStart: '2026-03-01',
        actualCompletion: '2026-02-01',
        actualProduction: null,
        plannedStart: '2026-04-01',
        plannedCompletion: '2026-01-01',
      },
      { field: 'actualCompletion', message: '实际竣工日期不能早于实际开工日期' },
    ],
  ];
  it.each(cases)('%s', (_note, d, expected) => {
    expect(dateOrderError(d)).toEqual(expected);
  });
});

describe('impliedDate: the day a stage began is the actual date that implies it', () => {
  const d = { actualStart: '2026-03-01', actualCompletion: '2026-09-30', actualProduction: '2026-11-15' };
  const none = { actualStart: null, actualCompletion: null, actualProduction: null };
  it.each([
    ['operating', d, '2026-11-15'],
    ['completed', d, '2026-09-30'],
    ['continuing', d, '2026-03-01'],
    ['new_start', d, '2026-03-01'],
    ['completed', { ...d, actualCompletion: null }, '2026-12-06'],
    ['reserve', none, '2026-12-06'],
  ] as [Stage, ActualDates, string][])('%s → %s', (stage, dates, expected) => {
    expect(impliedDate(stage, dates, '2026-12-06')).toBe(expected);
  });
});

describe('owesReport (起报月份)', () => {
  // the month before, the month itself, the month after; across a year's end; stored date or month
  it.each([
    ['2026-03-01', '2026-02', false],
    ['2026-03-01', '2026-03', true],
    ['2026-03-01', '2026-04', true],
    ['2026-01-01', '2025-12', false],
    ['2026-01-01', '2026-01', true],
    ['2025-12-01', '2026-01', true],
    ['2026-11', '2026-10', false],
    ['2026-11', '2026-11', true],
  ])('reports from %s, month %s: owed %s', (from, ym, owed) => {
    expect(owesReport(from, ym)).toBe(owed);
  });

  it('agrees with comparing months as numbers, and the stored form round-trips', () => {
    const month = fc
      .record({ y: fc.integer({ min: 2000, max: 2100 }), m: fc.integer({ min: 1, max: 12 }) })
      .map(({ y, m }) => ({ n: y * 12 + m, ym: `${y}-${String(m).padStart(2, '0')}` }));
    fc.assert(
      fc.property(month, month, (from, at) => {
        expect(owesReport(reportsFromDate(from.ym), at.ym)).toBe(at.n >= from.n);
        expect(reportsFromMonth(reportsFromDate(from.ym))).toBe(from.ym);
      }),
    );
  });
});
