/**
 * Progress and light rules (DOMAIN §5), pure: 序时计划 from the baseline, ratios, timeliness, and
 * the light of a project-month with its reasons, at and around every threshold, with the yellow →
 * red → referral streaks over consecutive months and every rule switched by configuration.
 */
import fc from 'fast-check';
import { Decimal, defaultLightRules, type LightRules } from '@ducha/contract';
import { describe, expect, it } from 'vitest';
import {
  cents,
  centsRatio,
  computeLight,
  fraction,
  fromCents,
  monthEnded,
  noBaselineYellow,
  plannedToDate,
  ratio,
  type LightResult,
  type MonthFacts,
} from './rules.ts';

const d = (x: string | number) => new Decimal(x);
const c = (x: string | number) => cents(String(x));

/** An October on track: started, plan met, no milestones overdue, report on time. */
function facts(over: Partial<MonthFacts> = {}): MonthFacts {
  return {
    month: 10,
    monthEnd: '2026-10-31',
    hasBaseline: true,
    annualPlan: c('12000.00'),
    plannedToDate: c('10000'),
    doneToDate: c('10000'),
    plannedStart: '2026-03-01',
    actualStart: '2026-03-10',
    overdueMilestones: [],
    timeliness: 'on_time',
    previous: null,
    ...over,
  };
}
const rules = (over: Partial<LightRules> = {}): LightRules => ({ ...defaultLightRules, ...over });
const codes = (r: LightResult) => r.reasons.map((x) => x.code);
const causes = ['START_OVERDUE', 'LAG', 'MILESTONE_OVERDUE', 'REPORT_MISSING'];

/** Runs consecutive months, each taking the previous month's streaks, as the month close does. */
function months(list: Partial<MonthFacts>[], r: LightRules = rules()): LightResult[] {
  const out: LightResult[] = [];
  for (const [i, over] of list.entries()) {
    const prev = out[i - 1];
    out.push(
      computeLight(
        facts({ ...over, previous: prev ? { streak: prev.streak, redStreak: prev.redStreak } : null }),
        r,
      ),
    );
  }
  return out;
}
const lagging = { doneToDate: c('5000') };
const onTrack = {};

describe('plannedToDate', () => {
  const seasonal = ['0.00', '0.00', '200.00', '800.00', '1400.00', '1600.00', '1600.00', '1600.00']
    .concat(['1400.00', '1000.00', '400.00', '0.00'])
    .map(String);
  const monthlyCases: [number, string][] = [
    [1, '0'],
    [2, '0'],
    [3, '200'],
    [4, '1000'],
    [6, '4000'],
    [10, '9600'],
    [11, '10000'],
    [12, '10000'],
  ];
  it.each(monthlyCases)('with a monthly plan: the sum of months 1..%i = %s', (m, expected) => {
    expect(plannedToDate(m, '10000.00', seasonal).toString()).toBe(d(expected).toString());
  });

  it('monthly amounts win over the annual figure, and sum exactly in cents', () => {
    const monthly = Array<string>(12).fill('0.10');
    expect(plannedToDate(3, '999', monthly).toFixed(2)).toBe('0.30');
    expect(plannedToDate(12, null, monthly).toFixed(2)).toBe('1.20');
  });

  const annualCases: [string, number, string][] = [
    ['1200', 1, '100.00'],
    ['1200', 6, '600.00'],
    ['1200', 12, '1200.00'],
    ['1000', 1, '83.33'], // 83.333… rounded to the cent
    ['1000', 2, '166.67'], // 166.666… rounded half up
    ['1000.01', 7, '583.34'],
    ['0.00', 5, '0.00'],
  ];
  it.each(annualCases)('without a monthly plan: annual %s × %i/12 = %s', (annual, m, expected) => {
    expect(plannedToDate(m, annual, null).toFixed(2)).toBe(expected);
  });

  it('a monthly plan that is not 12 months long is ignored in favour of annual × m/12', () => {
    expect(plannedToDate(6, '1200', Array<string>(11).fill('100')).toFixed(2)).toBe('600.00');
    expect(plannedToDate(6, '1200', []).toFixed(2)).toBe('600.00');
  });

  it('no plan at all: 0', () => {
    for (const m of [1, 6, 12]) expect(plannedToDate(m, null, null).isZero()).toBe(true);
  });
});

describe('ratio', () => {
  const cases: [string, string, number | null][] = [
    ['0', '0', null],
    ['500', '0', null],
    ['500', '0.00', null],
    ['0', '1000', 0],
    ['500', '1000', 0.5],
    ['8999', '10000', 0.8999],
    ['9000', '10000', 0.9],
    ['9001', '10000', 0.9001],
    ['1', '3', 0.3333],
    ['2', '3', 0.6667], // rounded half up to 4 places
    ['1500', '1000', 1.5],
    ['-100', '1000', -0.1], // a negative correction
  ];
  it.each(cases)('%s / %s → %s', (done, planned, expected) => {
    expect(ratio(d(done), d(planned))).toBe(expected);
  });
});

describe('money in cents', () => {
  const texts: [string, bigint, string][] = [
    ['0', 0n, '0.00'],
    ['0.00', 0n, '0.00'],
    ['-0.00', 0n, '0.00'],
    ['0.01', 1n, '0.01'],
    ['-0.01', -1n, '-0.01'],
    ['0.1', 10n, '0.10'],
    ['1234.5', 123450n, '1234.50'],
    ['-100', -10000n, '-100.00'],
    ['99999999999999.99', 9999999999999999n, '99999999999999.99'], // numeric(16,2) at its limit
    ['12345678901234567890.12', 1234567890123456789012n, '12345678901234567890.12'], // sums beyond 2^53
  ];
  it.each(texts)('%s is %s cents and reads back %s', (text, expected, back) => {
    expect(cents(text)).toBe(expected);
    expect(fromCents(expected)).toBe(back);
  });

  it('refuses what is not whole cents or not a number', () => {
    for (const bad of ['0.001', '1e3', '', 'abc', '1.2.3', '--1']) expect(() => cents(bad)).toThrow();
  });

  it('ratios round half away from zero at the 4th place, exactly as decimal.js does', () => {
    const cases: [bigint, bigint][] = [
      [0n, 1n],
      [8999n, 10000n],
      [89995n, 100000n], // 0.89995 → 0.9000
      [89994n, 100000n], // 0.89994 → 0.8999
      [-89995n, 100000n], // → -0.9000
      [1n, 3n],
      [2n, 3n],
      [-1n, 1000000n], // rounds to -0, as Decimal gives
      [1n, -1000000n],
      [15n, 10n],
      [1234567890123456789n, 987654321n],
    ];
    for (const [done, planned] of cases) {
      expect(centsRatio(done, planned)).toBe(ratio(d(fromCents(done)), d(fromCents(planned))));
    }
    expect(centsRatio(5n, 0n)).toBeNull();
  });

  it('thresholds read as the exact fraction of their decimal text', () => {
    expect(fraction(0.9)).toEqual([9n, 10n]);
    expect(fraction(1)).toEqual([1n, 1n]);
    expect(fraction(0)).toEqual([0n, 1n]);
    expect(fraction(1.25)).toEqual([125n, 100n]);
    expect(fraction(1e-7)).toEqual([1n, 10000000n]);
    expect(fraction(1.5e-7)).toEqual([15n, 100000000n]);
    expect(fraction(2e21)).toEqual([2000000000000000000000n, 1n]);
  });

  it('agrees with decimal.js on any amounts', () => {
    const amount = fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n });
    fc.assert(
      fc.property(amount, amount, (done, planned) => {
        expect(cents(fromCents(done))).toBe(done);
        expect(fromCents(done)).toBe(d(fromCents(done)).toFixed(2));
        expect(centsRatio(done, planned)).toBe(ratio(d(fromCents(done)), d(fromCents(planned))));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('computeLight: one month', () => {
  it('on track: green, no reasons, streaks 0, ratios computed', () => {
    expect(computeLight(facts(), rules())).toEqual({
      color: 'green',
      reasons: [],
      streak: 0,
      redStreak: 0,
      referral: false,
      paceRatio: 1,
      annualRatio: 0.8333,
    });
  });

  // pace at and around the threshold (0.9): planned 10000, done 8999 / 9000 / 9001
  const paceCases: [string, number, string, number, boolean][] = [
    ['0.0000', 0.9, '0', 0, true],
    ['0.5000', 0.9, '5000', 0.5, true],
    ['0.8999', 0.9, '8999', 0.8999, true],
    ['0.9000', 0.9, '9000', 0.9, false],
    ['0.9001', 0.9, '9001', 0.9001, false],
    ['1.5000', 0.9, '15000', 1.5, false],
    ['0.4999 against 0.5', 0.5, '4999', 0.4999, true],
    ['0.5000 against 0.5', 0.5, '5000', 0.5, false],
    ['0.9999 against 1', 1, '9999', 0.9999, true],
    ['1.0000 against 1', 1, '10000', 1, false],
    ['0 against 0 (LAG switched off)', 0, '0', 0, false],
  ];
  it.each(paceCases)('pace %s, threshold %s → LAG %s', (_, threshold, done, pace, lag) => {
    const r = computeLight(facts({ doneToDate: c(done) }), rules({ lagThreshold: threshold }));
    expect(r.paceRatio).toBe(pace);
    expect(codes(r)).toEqual(lag ? ['LAG'] : []);
    expect(r.color).toBe(lag ? 'yellow' : 'green');
    if (lag)
      expect(r.reasons[0]!.values).toEqual({
        paceRatio: pace,
        threshold,
        plannedToDate: '10000.00',
        doneToDate: new Decimal(done).toFixed(2),
      });
  });

  it('LAG explains itself with the numbers', () => {
    const r = computeLight(facts({ plannedToDate: c('2000'), doneToDate: c('1000') }), rules());
    expect(r.reasons).toEqual([
      {
        code: 'LAG',
        values: { paceRatio: 0.5, threshold: 0.9, plannedToDate: '2000.00', doneToDate: '1000.00' },
        text: '序时完成率 50.0%，低于 90.0%(序时计划 2000.00 万元，完成 1000.00 万元)',
      },
    ]);
  });

  // start overdue at and around month end (2026-10-31)
  const startCases: [string, string | null, string | null, boolean][] = [
    ['planned the day before month end, not started', '2026-10-30', null, true],
    ['planned exactly on month end, not started', '2026-10-31', null, true],
    ['planned the day after month end, not started', '2026-11-01', null, false],
    ['planned in March, started in March', '2026-03-01', '2026-03-10', false],
    ['planned in March, started late but by month end', '2026-03-01', '2026-10-31', false],
    [
      'planned in March, started the day after month end: still overdue for October',
      '2026-03-01',
      '2026-11-01',
      true,
    ],
    ['planned in March, started long after', '2026-03-01', '2027-04-01', true],
    ['started before the planned date', '2026-10-15', '2026-09-01', false],
    ['no planned start', null, null, false],
    ['planned last year, never started', '2025-04-15', null, true],
  ];
  it.each(startCases)('%s → START_OVERDUE %s', (_, plannedStart, actualStart, overdue) => {
    const r = computeLight(facts({ plannedStart, actualStart }), rules());
    expect(codes(r)).toEqual(overdue ? ['START_OVERDUE'] : []);
    if (overdue)
      expect(r.reasons[0]).toEqual({
        code: 'START_OVERDUE',
        values: { plannedStart },
        text: `计划 ${plannedStart} 开工，至月末未开工`,
      });
  });

  it('overdue milestones: one reason listing all of them', () => {
    const r = computeLight(facts({ overdueMilestones: ['主体封顶', '竣工验收'] }), rules());
    expect(r.color).toBe('yellow');
    expect(r.reasons).toEqual([
      {
        code: 'MILESTONE_OVERDUE',
        values: { count: 2, milestones: '主体封顶、竣工验收' },
        text: '节点逾期：主体封顶、竣工验收',
      },
    ]);
    expect(codes(computeLight(facts({ overdueMilestones: ['开工'] }), rules()))).toEqual([
      'MILESTONE_OVERDUE',
    ]);
  });

  it('the month’s report: missing is a reason, late is not', () => {
    const missing = computeLight(facts({ timeliness: 'missing' }), rules());
    expect(missing.color).toBe('yellow');
    expect(missing.reasons).toEqual([
      { code: 'REPORT_MISSING', values: { month: 10 }, text: '10 月月报未报送' },
    ]);
    expect(computeLight(facts({ timeliness: 'late' }), rules()).color).toBe('green');
  });

  it('every cause at once: all four reasons, in a fixed order, still one yellow light', () => {
    const r = computeLight(
      facts({
        actualStart: null,
        plannedStart: '2026-06-01',
        doneToDate: c('100'),
        overdueMilestones: ['开工'],
        timeliness: 'missing',
      }),
      rules(),
    );
    expect(codes(r)).toEqual(['START_OVERDUE', 'LAG', 'MILESTONE_OVERDUE', 'REPORT_MISSING']);
    expect(r).toMatchObject({ color: 'yellow', streak: 1, redStreak: 0, referral: false });
  });

  it('months with no plan yet (plan to date 0): no LAG, no pace ratio, the annual ratio still computed', () => {
    const r = computeLight(
      facts({ month: 3, monthEnd: '2026-03-31', plannedToDate: c(0), doneToDate: c(0) }),
      rules(),
    );
    expect(r).toMatchObject({ color: 'green', reasons: [], paceRatio: null, annualRatio: 0 });
    const spent = computeLight(facts({ plannedToDate: c(0), doneToDate: c('30') }), rules());
    expect(spent).toMatchObject({ color: 'green', paceRatio: null, annualRatio: 0.0025 });
  });

  it('a zero plan for the whole year: no LAG and no ratios', () => {
    const r = computeLight(
      facts({ annualPlan: c('0.00'), plannedToDate: c(0), doneToDate: c('500') }),
      rules(),
    );
    expect(r).toMatchObject({ color: 'green', reasons: [], paceRatio: null, annualRatio: null });
  });

  it('no baseline: no LAG even if a plan to date is passed, and no annual ratio without an annual plan', () => {
    // (issue 10: a month without a baseline is no longer a silent green; with that colour rule off,
    // only the NO_BASELINE reason remains beside the green)
    const r = computeLight(
      facts({ hasBaseline: false, annualPlan: null, plannedToDate: c('1000'), doneToDate: c(0) }),
      rules({ noBaselineYellowFromMonth: null }),
    );
    expect(r).toMatchObject({ color: 'green', annualRatio: null });
    expect(codes(r)).toEqual(['NO_BASELINE']);
  });

  it('a negative correction (done to date lower than last month) is computed, and the pace drops', () => {
    const [sep, oct] = months([
      { month: 9, monthEnd: '2026-09-30', plannedToDate: c('10000'), doneToDate: c('9500') },
      { plannedToDate: c('10500'), doneToDate: c('8500') },
    ]);
    expect(sep).toMatchObject({ color: 'green', paceRatio: 0.95 });
    expect(oct).toMatchObject({ color: 'yellow', paceRatio: 0.8095, annualRatio: 0.7083 });
    expect(oct!.reasons[0]).toMatchObject({
      code: 'LAG',
      values: { paceRatio: 0.8095, plannedToDate: '10500.00', doneToDate: '8500.00' },
    });
    // more corrected away than done: negative to date, still computed
    const negative = computeLight(facts({ plannedToDate: c('1000'), doneToDate: c('-100') }), rules());
    expect(negative).toMatchObject({ color: 'yellow', paceRatio: -0.1 });
    expect(negative.reasons[0]!.values).toMatchObject({ doneToDate: '-100.00' });
  });
});

describe('computeLight: streaks over months', () => {
  it('yellow, then red in the second consecutive month (redAfterYellowMonths 2)', () => {
    const [m1, m2] = months([lagging, lagging]);
    expect(m1).toMatchObject({ color: 'yellow', streak: 1, redStreak: 0, referral: false });
    expect(codes(m1!)).toEqual(['LAG']);
    expect(m2).toMatchObject({ color: 'red', streak: 2, redStreak: 1, referral: false });
    expect(m2!.reasons.at(-1)).toEqual({
      code: 'YELLOW_STREAK',
      values: { months: 2 },
      text: '连续 2 个月未消除预警，转为红灯',
    });
  });

  it('the causes may change from month to month: the streak is of months not green', () => {
    const [m1, m2] = months([{ timeliness: 'missing' }, { overdueMilestones: ['开工'] }]);
    expect(m1!.color).toBe('yellow');
    expect(m2).toMatchObject({ color: 'red', streak: 2 });
    expect(codes(m2!)).toEqual(['MILESTONE_OVERDUE', 'YELLOW_STREAK']);
  });

  it('red, then a referral in the second red month (referralAfterRedMonths 2), and it stays referred', () => {
    const [, , m3, m4] = months([lagging, lagging, lagging, lagging]);
    expect(m3).toMatchObject({ color: 'red', streak: 3, redStreak: 2, referral: true });
    expect(codes(m3!)).toEqual(['LAG', 'YELLOW_STREAK', 'RED_STREAK']);
    expect(m3!.reasons.at(-1)).toEqual({
      code: 'RED_STREAK',
      values: { months: 2 },
      text: '连续 2 个月红灯，移交纪检监察问责',
    });
    expect(m3!.reasons[1]!.values).toEqual({ months: 3 });
    expect(m4).toMatchObject({ color: 'red', streak: 4, redStreak: 3, referral: true });
  });

  it('recovery: a month without causes is green and resets both streaks; the next cause starts again at yellow', () => {
    const [, , , back, again, twice] = months([lagging, lagging, lagging, onTrack, lagging, lagging]);
    expect(back).toEqual({
      color: 'green',
      reasons: [],
      streak: 0,
      redStreak: 0,
      referral: false,
      paceRatio: 1,
      annualRatio: 0.8333,
    });
    expect(again).toMatchObject({ color: 'yellow', streak: 1, redStreak: 0, referral: false });
    expect(twice).toMatchObject({ color: 'red', streak: 2, redStreak: 1, referral: false });
  });

  it('recovery from yellow resets the streak: yellow, green, yellow never reaches red', () => {
    const seq = months([lagging, onTrack, lagging, onTrack, lagging]);
    expect(seq.map((r) => r.color)).toEqual(['yellow', 'green', 'yellow', 'green', 'yellow']);
    expect(seq.map((r) => r.streak)).toEqual([1, 0, 1, 0, 1]);
  });

  it('without a previous light (first close, or the month before was never closed) the streak starts at 1', () => {
    const r = computeLight(facts({ ...lagging, previous: null }), rules());
    expect(r).toMatchObject({ color: 'yellow', streak: 1 });
  });

  it('redAfterYellowMonths 3: yellow, yellow, red', () => {
    const seq = months([lagging, lagging, lagging, lagging], rules({ redAfterYellowMonths: 3 }));
    expect(seq.map((r) => r.color)).toEqual(['yellow', 'yellow', 'red', 'red']);
    expect(seq.map((r) => r.redStreak)).toEqual([0, 0, 1, 2]);
    expect(seq.map((r) => r.referral)).toEqual([false, false, false, true]);
    expect(seq[2]!.reasons.at(-1)).toMatchObject({ code: 'YELLOW_STREAK', values: { months: 3 } });
  });

  it('redAfterYellowMonths 1: red at once; referralAfterRedMonths 1: referred in the first red month', () => {
    expect(months([lagging], rules({ redAfterYellowMonths: 1 }))[0]).toMatchObject({
      color: 'red',
      streak: 1,
      redStreak: 1,
      referral: false,
    });
    const seq = months([lagging, lagging], rules({ referralAfterRedMonths: 1 }));
    expect(seq.map((r) => r.referral)).toEqual([false, true]);
    expect(codes(seq[1]!)).toEqual(['LAG', 'YELLOW_STREAK', 'RED_STREAK']);
    expect(seq[1]!.reasons.at(-1)).toMatchObject({ values: { months: 1 } });
  });

  it('referralAfterRedMonths 3: referred in the third red month only', () => {
    const seq = months([lagging, lagging, lagging, lagging], rules({ referralAfterRedMonths: 3 }));
    expect(seq.map((r) => [r.color, r.redStreak, r.referral])).toEqual([
      ['yellow', 0, false],
      ['red', 1, false],
      ['red', 2, false],
      ['red', 3, true],
    ]);
  });

  it('continues a streak from the stored previous light', () => {
    const r = computeLight(facts({ ...lagging, previous: { streak: 5, redStreak: 4 } }), rules());
    expect(r).toMatchObject({ color: 'red', streak: 6, redStreak: 5, referral: true });
    expect(r.reasons.slice(1)).toMatchObject([
      { code: 'YELLOW_STREAK', values: { months: 6 } },
      { code: 'RED_STREAK', values: { months: 5 } },
    ]);
  });
});

describe('computeLight: rules switched off', () => {
  const everything = facts({
    plannedStart: '2026-05-01',
    actualStart: null,
    overdueMilestones: ['开工'],
    timeliness: 'missing',
  });
  const cases: [string, Partial<LightRules>, string[]][] = [
    ['all on', {}, ['START_OVERDUE', 'MILESTONE_OVERDUE', 'REPORT_MISSING']],
    ['start overdue off', { yellowOnStartOverdue: false }, ['MILESTONE_OVERDUE', 'REPORT_MISSING']],
    ['milestones off', { yellowOnMilestoneOverdue: false }, ['START_OVERDUE', 'REPORT_MISSING']],
    ['missing report off', { yellowOnReportMissing: false }, ['START_OVERDUE', 'MILESTONE_OVERDUE']],
    [
      'all three off',
      { yellowOnStartOverdue: false, yellowOnMilestoneOverdue: false, yellowOnReportMissing: false },
      [],
    ],
  ];
  it.each(cases)('%s', (_, over, expected) => {
    const r = computeLight(everything, rules(over));
    expect(codes(r)).toEqual(expected);
    expect(r.color).toBe(expected.length ? 'yellow' : 'green');
  });

  it('a switched-off cause does not feed the streak either', () => {
    const off = rules({ yellowOnReportMissing: false });
    const seq = months([{ timeliness: 'missing' }, { timeliness: 'missing' }], off);
    expect(seq.map((r) => [r.color, r.streak])).toEqual([
      ['green', 0],
      ['green', 0],
    ]);
  });
});

describe('computeLight: a project that starts mid-year', () => {
  // planned to start in July; the monthly plan starts in July too
  const monthly = ['0', '0', '0', '0', '0', '0', '1000', '2000', '2000', '2000', '1000', '0'];
  const month = (m: number, end: string, actualStart: string | null = null) =>
    computeLight(
      facts({
        month: m,
        monthEnd: end,
        annualPlan: c('8000.00'),
        plannedToDate: c(plannedToDate(m, '8000.00', monthly).toFixed(2)),
        doneToDate: actualStart ? c(plannedToDate(m, '8000.00', monthly).toFixed(2)) : c(0),
        plannedStart: '2026-07-15',
        actualStart,
      }),
      rules(),
    );

  it('June: not yet due to start, nothing planned yet → green, no START_OVERDUE', () => {
    expect(month(6, '2026-06-30')).toMatchObject({ color: 'green', reasons: [], paceRatio: null });
  });

  it('July month end without a start: START_OVERDUE (and LAG against July’s plan)', () => {
    const r = month(7, '2026-07-31');
    expect(codes(r)).toEqual(['START_OVERDUE', 'LAG']);
    expect(r.reasons[0]!.values).toEqual({ plannedStart: '2026-07-15' });
    expect(r.reasons[1]!.values).toMatchObject({ plannedToDate: '1000.00', doneToDate: '0.00' });
  });

  it('started in July on plan: green in July', () => {
    expect(month(7, '2026-07-31', '2026-07-20')).toMatchObject({ color: 'green', paceRatio: 1 });
  });
});

describe('computeLight: properties', () => {
  const date = fc.constantFrom(
    '2025-12-01',
    '2026-03-01',
    '2026-10-30',
    '2026-10-31',
    '2026-11-01',
    '2027-02-01',
  );
  const arbFacts = fc.record({
    hasBaseline: fc.boolean(),
    annualPlan: fc.option(fc.bigInt({ min: 0n, max: 10_000_000n }), { nil: null }),
    // in cents
    planned: fc.integer({ min: 0, max: 10_000_000 }),
    done: fc.integer({ min: -1_000_000, max: 15_000_000 }),
    plannedStart: fc.option(date, { nil: null }),
    actualStart: fc.option(date, { nil: null }),
    overdueMilestones: fc.array(fc.constantFrom('开工', '主体封顶', '竣工验收'), { maxLength: 3 }),
    timeliness: fc.constantFrom('on_time' as const, 'late' as const, 'missing' as const),
    previous: fc.option(
      fc.record({ streak: fc.integer({ min: 0, max: 12 }), redStreak: fc.integer({ min: 0, max: 12 }) }),
      { nil: null },
    ),
  });
  const arbRules = fc.record({
    lagThreshold: fc.double({ min: 0, max: 2, noNaN: true }),
    yellowOnStartOverdue: fc.boolean(),
    yellowOnMilestoneOverdue: fc.boolean(),
    yellowOnReportMissing: fc.boolean(),
    redAfterYellowMonths: fc.integer({ min: 1, max: 12 }),
    referralAfterRedMonths: fc.integer({ min: 1, max: 12 }),
  });
  function build(a: {
    hasBaseline: boolean;
    annualPlan: bigint | null;
    planned: number;
    done: number;
    plannedStart: string | null;
    actualStart: string | null;
    overdueMilestones: string[];
    timeliness: 'on_time' | 'late' | 'missing';
    previous: { streak: number; redStreak: number } | null;
  }): MonthFacts {
    const { planned, done, ...rest } = a;
    return facts({ ...rest, plannedToDate: BigInt(planned), doneToDate: BigInt(done) });
  }

  const dec = (x: bigint) => new Decimal(fromCents(x));

  it('green iff there is no cause; red iff the streak reached the rule, with its reason; referral implies red; streaks never negative', () => {
    fc.assert(
      fc.property(arbFacts, arbRules, (a, r) => {
        const f = build(a);
        const light = computeLight(f, r);
        const own = light.reasons.filter((x) => causes.includes(x.code));
        expect(light.color === 'green').toBe(own.length === 0);
        expect(light.streak).toBeGreaterThanOrEqual(0);
        expect(light.redStreak).toBeGreaterThanOrEqual(0);
        expect(light.streak).toBe(own.length ? (f.previous?.streak ?? 0) + 1 : 0);
        expect(light.color === 'red').toBe(own.length > 0 && light.streak >= r.redAfterYellowMonths);
        expect(light.color === 'red').toBe(codes(light).includes('YELLOW_STREAK'));
        expect(light.redStreak).toBe(light.color === 'red' ? (f.previous?.redStreak ?? 0) + 1 : 0);
        if (light.referral) expect(light.color).toBe('red');
        expect(light.referral).toBe(codes(light).includes('RED_STREAK'));
        // the cents arithmetic agrees with decimal.js on the ratios and on LAG
        const [done, planned] = [dec(f.doneToDate), dec(f.plannedToDate)];
        expect(light.paceRatio).toBe(ratio(done, planned));
        expect(light.annualRatio).toBe(f.annualPlan === null ? null : ratio(done, dec(f.annualPlan)));
        // LAG exactly when there is a baseline, something planned, and done < planned × threshold (exact decimals)
        const pace = ratio(done, planned);
        expect(codes(light).includes('LAG')).toBe(
          f.hasBaseline && pace !== null && done.lt(planned.times(r.lagThreshold)),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('over any run of months, referral implies red, and red needs the configured number of months', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 14 }), arbRules, (lag, r) => {
        const seq = months(
          lag.map((l) => (l ? lagging : onTrack)),
          { ...r, lagThreshold: 0.9 },
        );
        let run = 0;
        for (const [i, light] of seq.entries()) {
          run = lag[i] ? run + 1 : 0;
          expect(light.streak).toBe(run);
          expect(light.color).toBe(run === 0 ? 'green' : run >= r.redAfterYellowMonths ? 'red' : 'yellow');
          const reds = Math.max(0, run - r.redAfterYellowMonths + 1);
          expect(light.redStreak).toBe(reds);
          expect(light.referral).toBe(reds >= r.referralAfterRedMonths);
          if (light.referral) expect(light.color).toBe('red');
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('LAG is decided on exact decimals', () => {
  it('8999.50 of 10000 is under 0.9 although the 4-place ratio rounds to 0.9000, and reads 89.9%', () => {
    const light = computeLight(
      {
        month: 6,
        monthEnd: '2026-06-30',
        hasBaseline: true,
        annualPlan: c('20000.00'),
        plannedToDate: c('10000'),
        doneToDate: c('8999.50'),
        plannedStart: null,
        actualStart: '2026-01-10',
        overdueMilestones: [],
        timeliness: 'on_time',
        previous: null,
      },
      defaultLightRules,
    );
    expect(light.paceRatio).toBe(0.9);
    expect(light.reasons.map((r) => r.code)).toEqual(['LAG']);
    expect(light.reasons[0]!.text).toContain('序时完成率 89.9%，低于 90.0%');
  });

  it('the LAG percentage is cut, never rounded up, to one place, as decimal.js cuts it', () => {
    const lag = (planned: bigint, done: bigint) =>
      computeLight(facts({ plannedToDate: planned, doneToDate: done }), rules({ lagThreshold: 2 }))
        .reasons[0]!.text;
    const decimal = (planned: bigint, done: bigint) =>
      new Decimal(fromCents(done))
        .div(fromCents(planned))
        .times(100)
        .toDecimalPlaces(1, Decimal.ROUND_DOWN)
        .toFixed(1);
    for (const [planned, done] of [
      [1000000n, 899999n],
      [1000000n, 900000n],
      [300n, 200n],
      [1000000n, -1n],
      [1000000n, -100n],
      [1000000n, 0n],
      [7n, 13n],
    ] as const) {
      expect(lag(planned, done)).toContain(`序时完成率 ${decimal(planned, done)}%`);
    }
  });
});

describe('monthEnded: a month closes once it has ended in China', () => {
  it.each([
    [2026, 11, '2026-12-01', true],
    [2026, 11, '2026-11-30', false],
    [2026, 12, '2026-12-01', false],
    [2026, 12, '2026-12-31', false],
    [2026, 12, '2027-01-01', true],
    [2027, 5, '2026-12-01', false],
    [2025, 12, '2026-01-01', true],
    [2026, 2, '2026-02-28', false],
    [2026, 2, '2026-03-01', true],
  ])('%i-%i on %s: %s', (y, m, today, ended) => {
    expect(monthEnded(y, m, today)).toBe(ended);
  });
});

describe('computeLight: no baseline in force (NO_BASELINE)', () => {
  const none = (month: number, over: Partial<MonthFacts> = {}): Partial<MonthFacts> => ({
    month,
    monthEnd: `2026-${String(month).padStart(2, '0')}-28`,
    hasBaseline: false,
    annualPlan: null,
    plannedToDate: 0n,
    doneToDate: c('300'),
    ...over,
  });
  const reason = (month: number, from: number | null) => ({
    code: 'NO_BASELINE',
    values: { month, yellowFromMonth: from },
    text: '无基线：本月无生效的年度计划',
  });

  it('the default rule: yellow from April, green with the reason before', () => {
    expect(defaultLightRules.noBaselineYellowFromMonth).toBe(4);
  });

  it.each([
    // month, yellow from, colour
    [1, 4, 'green'],
    [3, 4, 'green'],
    [4, 4, 'yellow'],
    [12, 4, 'yellow'],
    [2, 3, 'green'],
    [3, 3, 'yellow'],
    [1, 1, 'yellow'],
    [11, 12, 'green'],
    [12, 12, 'yellow'],
    [12, null, 'green'],
    [1, null, 'green'],
  ] as const)('month %i, yellow from %s: %s, the reason said either way', (month, from, color) => {
    const r = computeLight(facts(none(month)), rules({ noBaselineYellowFromMonth: from }));
    expect(r.color).toBe(color);
    expect(r.reasons).toEqual([reason(month, from)]);
    expect(r.streak).toBe(color === 'green' ? 0 : 1);
    expect(noBaselineYellow(month, rules({ noBaselineYellowFromMonth: from }))).toBe(color === 'yellow');
  });

  it('a rules version saved before the rule existed (no field): the reason only, never a colour', () => {
    const { noBaselineYellowFromMonth: _, ...old } = defaultLightRules;
    const r = computeLight(facts(none(10)), old);
    expect(r).toMatchObject({ color: 'green', streak: 0, reasons: [reason(10, null)] });
  });

  it('with a baseline in force there is no such reason', () => {
    expect(codes(computeLight(facts(), rules()))).toEqual([]);
  });

  it('in the grace period another cause still lights yellow, the NO_BASELINE reason first', () => {
    const r = computeLight(facts(none(2, { timeliness: 'missing' })), rules());
    expect(r.color).toBe('yellow');
    expect(codes(r)).toEqual(['NO_BASELINE', 'REPORT_MISSING']);
  });

  it('no LAG without a baseline, whatever the numbers, and no annual ratio', () => {
    const r = computeLight(facts(none(6, { plannedToDate: c('1000'), doneToDate: 0n })), rules());
    expect(codes(r)).toEqual(['NO_BASELINE']);
    expect(r).toMatchObject({ color: 'yellow', annualRatio: null });
  });

  it('a cause like the others past the grace: March green, April yellow, May red, June referral', () => {
    const seq = months([none(3), none(4), none(5), none(6)]);
    expect(seq.map((l) => [l.color, l.streak, l.redStreak, l.referral])).toEqual([
      ['green', 0, 0, false],
      ['yellow', 1, 0, false],
      ['red', 2, 1, false],
      ['red', 3, 2, true],
    ]);
    expect(codes(seq[3]!)).toEqual(['NO_BASELINE', 'YELLOW_STREAK', 'RED_STREAK']);
  });

  it('a baseline approved mid-year ends it: green again once nothing else is wrong', () => {
    const [may, june] = months([none(5), { month: 6, monthEnd: '2026-06-30' }]);
    expect(may!.color).toBe('yellow');
    expect(june).toMatchObject({ color: 'green', streak: 0, reasons: [] });
  });
});
