/**
 * Portfolio indicators of a month (DOMAIN §5), pure: 开工率 over the projects due to start,
 * 年度投资完成率 and 序时完成率 from exact decimal sums, light counts and 正常率, in total and by
 * list, batch, sector, region, lead unit and leader.
 */
import fc from 'fast-check';
import { Decimal, type IndicatorRow } from '@ducha/contract';
import { describe, expect, it } from 'vitest';
import { indicators, type ProjectMonth } from './indicators.ts';
import { cents } from './rules.ts';

const CITY = '2026年全市重点督查“3个30”项目';
const COUNTY = '2026年林甸县重点项目';

const c = (x: string | number) => cents(String(x));

function pm(over: Partial<ProjectMonth> = {}): ProjectMonth {
  return {
    sector: '工业',
    region_name: '萨尔图区',
    responsible_unit: '大庆市工业和信息化局',
    leader: '分管工业和信息化副市长',
    annualPlan: c('1000.00'),
    lists: [{ list: CITY, batch: '在建' }],
    plannedToDate: c('800'),
    doneToDate: c('800'),
    color: 'green',
    started: true,
    plannedToStart: false,
    ...over,
  };
}

/** Five projects with every dimension varied; the numbers are worked out by hand below. */
const five: ProjectMonth[] = [
  pm({
    annualPlan: c('1000.10'),
    plannedToDate: c('800.05'),
    doneToDate: c('400.03'),
    color: 'yellow',
    plannedToStart: true,
    started: true,
    lists: [
      { list: CITY, batch: '新开工' },
      { list: COUNTY, batch: '新开工' },
    ],
  }),
  pm({
    sector: '城乡建设',
    region_name: '林甸县',
    responsible_unit: '大庆市住房和城乡建设局',
    leader: '分管城乡建设副市长',
    annualPlan: c('2000.20'),
    plannedToDate: c('1000.10'),
    doneToDate: c('1200.20'),
    color: 'green',
    plannedToStart: true,
    started: false,
    lists: [
      { list: CITY, batch: '在建' },
      { list: COUNTY, batch: '新开工' },
    ],
  }),
  pm({
    sector: '城乡建设',
    region_name: '林甸县',
    responsible_unit: '大庆市住房和城乡建设局',
    annualPlan: null, // no baseline
    plannedToDate: c(0),
    doneToDate: c('0.01'),
    color: 'red',
    plannedToStart: false,
    started: false,
    lists: [{ list: COUNTY, batch: '重大前期' }],
  }),
  pm({
    responsible_unit: null,
    leader: null,
    annualPlan: c('0.10'),
    plannedToDate: c('0.20'),
    doneToDate: c('0.10'),
    color: 'green',
    plannedToStart: true,
    started: true,
    lists: [],
  }),
  pm({
    sector: '农业',
    annualPlan: c('3000.00'),
    plannedToDate: c('1500.00'),
    doneToDate: c('1500.00'),
    color: 'yellow',
    plannedToStart: false,
    started: true, // started, but not one of the projects due to start this year
  }),
];

const byKey = (rows: IndicatorRow[] | undefined) => new Map((rows ?? []).map((r) => [r.key, r]));

describe('indicators: total', () => {
  it('counts, sums and ratios over all projects, worked out by hand', () => {
    const total = indicators(five).total!;
    expect(total).toEqual([
      {
        key: 'total',
        label: '合计',
        projects: 5,
        plannedToStart: 3,
        started: 2,
        startRate: 0.6667,
        // 1000.10 + 2000.20 + 0 + 0.10 + 3000.00
        annualPlan: '6000.40',
        // 800.05 + 1000.10 + 0 + 0.20 + 1500.00
        plannedToDate: '3300.35',
        // 400.03 + 1200.20 + 0.01 + 0.10 + 1500.00
        doneToDate: '3100.34',
        // 3100.34 / 6000.40 = 0.516688…
        annualRatio: 0.5167,
        // 3100.34 / 3300.35 = 0.939397…
        paceRatio: 0.9394,
        green: 2,
        yellow: 2,
        red: 1,
        normalRate: 0.4,
      },
    ]);
  });

  it('sums are exact decimals: 0.1 + 0.2 is 0.30, and ten thousand cents make 100.00', () => {
    const tiny = [
      pm({ annualPlan: c('0.10'), plannedToDate: c('0.1'), doneToDate: c('0.1') }),
      pm({ annualPlan: c('0.20'), plannedToDate: c('0.2'), doneToDate: c('0.2') }),
    ];
    expect(indicators(tiny).total![0]).toMatchObject({
      annualPlan: '0.30',
      plannedToDate: '0.30',
      doneToDate: '0.30',
      annualRatio: 1,
      paceRatio: 1,
    });
    const cents = Array.from({ length: 10_000 }, () =>
      pm({ annualPlan: c('0.01'), plannedToDate: c('0.01'), doneToDate: c('0.01') }),
    );
    expect(indicators(cents).total![0]).toMatchObject({
      projects: 10_000,
      annualPlan: '100.00',
      doneToDate: '100.00',
      annualRatio: 1,
    });
  });

  it('start rate counts only the projects due to start by month end; none due → null', () => {
    const rows = [
      pm({ plannedToStart: true, started: true }),
      pm({ plannedToStart: true, started: false }),
      pm({ plannedToStart: true, started: false }),
      pm({ plannedToStart: false, started: true }),
      pm({ plannedToStart: false, started: false }),
    ];
    expect(indicators(rows).total![0]).toMatchObject({ plannedToStart: 3, started: 1, startRate: 0.3333 });
    const noneDue = [pm({ plannedToStart: false, started: true }), pm({ plannedToStart: false })];
    expect(indicators(noneDue).total![0]).toMatchObject({ plannedToStart: 0, started: 0, startRate: null });
    const allDone = [pm({ plannedToStart: true, started: true })];
    expect(indicators(allDone).total![0]!.startRate).toBe(1);
  });

  it('nothing planned → null ratios, not a division by zero', () => {
    const rows = [pm({ annualPlan: null, plannedToDate: c(0), doneToDate: c('5') })];
    expect(indicators(rows).total![0]).toMatchObject({
      annualPlan: '0.00',
      plannedToDate: '0.00',
      doneToDate: '5.00',
      annualRatio: null,
      paceRatio: null,
    });
  });

  it('normal rate is the share of green lights, rounded to 4 places', () => {
    const colors = ['green', 'green', 'yellow', 'red', 'red', 'red'] as const;
    expect(indicators(colors.map((color) => pm({ color }))).total![0]).toMatchObject({
      green: 2,
      yellow: 1,
      red: 3,
      normalRate: 0.3333,
    });
    expect(indicators([pm({ color: 'red' })]).total![0]!.normalRate).toBe(0);
  });

  it('empty input: a zero total row with null rates and no groups', () => {
    expect(indicators([])).toEqual({
      total: [
        {
          key: 'total',
          label: '合计',
          projects: 0,
          plannedToStart: 0,
          started: 0,
          startRate: null,
          annualPlan: '0.00',
          plannedToDate: '0.00',
          doneToDate: '0.00',
          annualRatio: null,
          paceRatio: null,
          green: 0,
          yellow: 0,
          red: 0,
          normalRate: null,
        },
      ],
      list: [],
      batch: [],
      sector: [],
      region: [],
      unit: [],
      leader: [],
    });
  });
});

describe('indicators: groups', () => {
  const ind = indicators(five);

  it('has exactly the seven dimensions', () => {
    expect(Object.keys(ind)).toEqual(['total', 'list', 'batch', 'sector', 'region', 'unit', 'leader']);
  });

  it('by list: a project on two lists counts in both; a project on none is in no list', () => {
    const lists = byKey(ind.list);
    expect([...lists.keys()].sort()).toEqual([CITY, COUNTY].sort());
    expect(lists.get(CITY)).toMatchObject({
      label: CITY,
      projects: 3, // #1, #2, #5
      annualPlan: '6000.30',
      doneToDate: '3100.23',
      green: 1,
      yellow: 2,
      red: 0,
    });
    expect(lists.get(COUNTY)).toMatchObject({
      projects: 3, // #1, #2, #3
      annualPlan: '3000.30',
      plannedToDate: '1800.15',
      doneToDate: '1600.24',
      paceRatio: 0.8889, // 1600.24 / 1800.15 = 0.888948…
      plannedToStart: 2,
      started: 1,
      startRate: 0.5,
      green: 1,
      yellow: 1,
      red: 1,
      normalRate: 0.3333,
    });
    // more project-list rows than projects: the overlap is intended
    const inLists = ind.list!.reduce((s, r) => s + r.projects, 0);
    expect(inLists).toBe(6);
  });

  it('by batch: a project counts once per batch, even when two lists give it the same batch', () => {
    const batches = byKey(ind.batch);
    expect(batches.get('新开工')).toMatchObject({ projects: 2 }); // #1 (twice 新开工) and #2
    expect(batches.get('在建')).toMatchObject({ projects: 2 }); // #2 and #5
    expect(batches.get('重大前期')).toMatchObject({ projects: 1, red: 1, annualPlan: '0.00' });
    expect(batches.size).toBe(3);
  });

  it('by sector, region, unit and leader: every project in exactly one group, the groups sum to the total', () => {
    for (const dim of ['sector', 'region', 'unit', 'leader'] as const) {
      const rows = ind[dim]!;
      expect(
        rows.reduce((s, r) => s + r.projects, 0),
        dim,
      ).toBe(5);
      const done = rows.reduce((s, r) => s.plus(r.doneToDate), new Decimal(0));
      expect(done.toFixed(2), dim).toBe('3100.34');
      const counts = rows.reduce((s, r) => s + r.green + r.yellow + r.red, 0);
      expect(counts, dim).toBe(5);
    }
    const sectors = byKey(ind.sector);
    expect(sectors.get('工业')).toMatchObject({ projects: 2, annualPlan: '1000.20', startRate: 1 });
    expect(sectors.get('城乡建设')).toMatchObject({
      projects: 2,
      plannedToDate: '1000.10',
      doneToDate: '1200.21',
      paceRatio: 1.2001, // 1200.21 / 1000.10 = 1.200089…
      startRate: 0,
    });
    expect(sectors.get('农业')).toMatchObject({ projects: 1, annualRatio: 0.5, paceRatio: 1 });
    expect(byKey(ind.region).get('林甸县')).toMatchObject({ projects: 2, green: 1, red: 1, normalRate: 0.5 });
    expect(byKey(ind.region).get('萨尔图区')).toMatchObject({ projects: 3 });
  });

  it('projects without a lead unit or leader are grouped under a named placeholder', () => {
    const units = byKey(ind.unit);
    expect(units.get('(未定牵头单位)')).toMatchObject({ projects: 1, annualPlan: '0.10' });
    expect(units.get('大庆市住房和城乡建设局')).toMatchObject({ projects: 2 });
    expect(units.get('大庆市工业和信息化局')).toMatchObject({ projects: 2 });
    const leaders = byKey(ind.leader);
    expect(leaders.get('(未定责任领导)')).toMatchObject({ projects: 1 });
    expect(leaders.get('分管工业和信息化副市长')).toMatchObject({ projects: 3 });
    expect(leaders.get('分管城乡建设副市长')).toMatchObject({ projects: 1 });
  });

  it('groups are sorted by their Chinese name (pinyin), label equal to key', () => {
    expect(ind.sector!.map((r) => r.key)).toEqual(['城乡建设', '工业', '农业']);
    for (const dim of ['list', 'batch', 'sector', 'region', 'unit', 'leader'] as const)
      for (const r of ind[dim]!) expect(r.label).toBe(r.key);
  });
});

describe('indicators: properties', () => {
  const arb = fc.array(
    fc.record({
      sector: fc.constantFrom('工业', '农业', '城乡建设'),
      region: fc.constantFrom('萨尔图区', '林甸县'),
      planned: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
      toDate: fc.integer({ min: 0, max: 1_000_000 }),
      done: fc.integer({ min: 0, max: 1_000_000 }),
      color: fc.constantFrom('green' as const, 'yellow' as const, 'red' as const),
      plannedToStart: fc.boolean(),
      started: fc.boolean(),
      lists: fc.subarray([CITY, COUNTY]),
    }),
    { maxLength: 40 },
  );
  it('each dimension that partitions the projects adds up to the total; lists and counts stay consistent', () => {
    fc.assert(
      fc.property(arb, (xs) => {
        const ps = xs.map((x) =>
          pm({
            sector: x.sector,
            region_name: x.region,
            annualPlan: x.planned === null ? null : BigInt(x.planned), // in cents
            plannedToDate: BigInt(x.toDate),
            doneToDate: BigInt(x.done),
            color: x.color,
            plannedToStart: x.plannedToStart,
            started: x.started,
            lists: x.lists.map((list) => ({ list, batch: '在建' })),
          }),
        );
        const ind = indicators(ps);
        const total = ind.total![0]!;
        expect(total.projects).toBe(ps.length);
        expect(total.green + total.yellow + total.red).toBe(ps.length);
        expect(total.started).toBeLessThanOrEqual(total.plannedToStart);
        for (const dim of ['sector', 'region'] as const) {
          const rows = ind[dim]!;
          expect(rows.reduce((s, r) => s + r.projects, 0)).toBe(total.projects);
          expect(rows.reduce((s, r) => s.plus(r.doneToDate), new Decimal(0)).toFixed(2)).toBe(
            total.doneToDate,
          );
          expect(rows.reduce((s, r) => s.plus(r.annualPlan), new Decimal(0)).toFixed(2)).toBe(
            total.annualPlan,
          );
        }
        const listed = ind.list!.reduce((s, r) => s + r.projects, 0);
        expect(listed).toBe(xs.reduce((s, x) => s + x.lists.length, 0));
      }),
      { numRuns: 200 },
    );
  });
});
