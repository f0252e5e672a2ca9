/**
 * Dates and monthly sums of the 责任分解表 at their edges (issue 10): a day the calendar does not
 * have says 日期不存在, the accepted formats and Excel day numbers keep working, and a monthly
 * plan that does not sum to the annual amount is one problem over the twelve month columns.
 */
import { importColumns } from '@ducha/contract';
import { describe, expect, it } from 'vitest';
import { checkRows, dateProblem, normalizeDate, type Refs } from './import-rules.ts';

const refs: Refs = {
  regions: [{ code: '230623', name: '林甸县', path: '230000.230600.230623' }],
  sectors: new Set(['工业']),
  units: [{ id: 1, name: '林甸县发展和改革局', shortName: null }],
  positions: [{ id: 12, name: '林甸县常务副县长', unitName: '林甸县人民政府' }],
  people: [],
  lists: [],
  projectNames: new Map(),
  canManage: () => true,
  today: '2026-12-01',
};
const base = {
  code: 'LD-1',
  name: '温泉项目',
  region: '230623',
  sector: '工业',
  nature: '企业投资',
  total: '1000',
  leader: '林甸县常务副县长',
  responsibleUnit: '林甸县发展和改革局',
};
const check = (values: Record<string, string | null>) =>
  checkRows([{ row: 5, values: { ...base, ...values } }], refs);
const months = (v: string[]) => Object.fromEntries(v.map((m, i) => [`m${i + 1}`, m]));

describe('dates', () => {
  it.each([
    ['2026-02-28', null],
    ['2026-02-29', '日期不存在：2026 年 2 月只有 28 天'],
    ['2028-02-29', null],
    ['2100-02-29', '日期不存在：2100 年 2 月只有 28 天'],
    ['2000-02-29', null],
    ['2026-02-30', '日期不存在：2026 年 2 月只有 28 天'],
    ['2026-04-30', null],
    ['2026-04-31', '日期不存在：2026 年 4 月只有 30 天'],
    ['2026-12-31', null],
    ['2026-12-32', '日期不存在：2026 年 12 月只有 31 天'],
    ['2026-01-00', '日期不存在：2026 年 1 月只有 31 天'],
    ['2026-13-01', '日期不存在：没有 13 月'],
    ['2026-00-10', '日期不存在：没有 0 月'],
    ['2026-3-1', '日期格式应为 YYYY-MM-DD(也可写 2026/3/1、2026年3月1日)'],
    ['三月一日', '日期格式应为 YYYY-MM-DD(也可写 2026/3/1、2026年3月1日)'],
  ])('dateProblem(%s) → %s', (d, problem) => expect(dateProblem(d)).toBe(problem));

  it.each([
    ['2026-03-01', '2026-03-01'],
    ['2026/3/1', '2026-03-01'],
    ['2026年3月1日', '2026-03-01'],
    ['2026年02月30日', '2026-02-30'], // normalized, then found not to exist
    // an Excel day number (a date cell whose format the reader did not recognise), 2000–2100 only
    ['36525', '36525'],
    ['36526', '2000-01-01'],
    ['46082', '2026-03-01'],
    ['73415', '2100-12-31'],
    ['73416', '73416'],
    ['2026', '2026'],
  ])('normalizeDate(%s) → %s', (input, out) => expect(normalizeDate(input)).toBe(out));

  it.each(['2026-03-01', '2026/3/1', '2026年3月1日', '46082'])('%s is accepted as 2026-03-01', (d) => {
    const { items, errors } = check({ plannedStart: d });
    expect(errors).toEqual([]);
    expect(items[0]!.plannedStart).toBe('2026-03-01');
  });

  it('a date that does not exist says so, in the date columns and in milestones', () => {
    expect(check({ plannedStart: '2026-02-30' }).errors).toEqual([
      { row: 5, column: '计划开工', value: '2026-02-30', message: '日期不存在：2026 年 2 月只有 28 天' },
    ]);
    expect(check({ actualStart: '2026/4/31' }).errors[0]).toMatchObject({
      column: '实际开工',
      message: '日期不存在：2026 年 4 月只有 30 天',
    });
    expect(
      check({ planYear: '2026', planned: '100', milestones: '开工@2026-04-15；封顶@2026-09-31' }).errors,
    ).toEqual([
      {
        row: 5,
        column: '倒排工期节点',
        value: '开工@2026-04-15；封顶@2026-09-31',
        message: '节点「封顶@2026-09-31」的日期不存在：2026 年 9 月只有 30 天',
      },
    ]);
  });
});

describe('monthly sums', () => {
  const monthHeaders = importColumns.filter((c) => /^m\d+$/.test(c.key)).map((c) => c.header);

  it('a mismatch is one problem over 1月–12月, naming both sums', () => {
    const { errors } = check({
      planYear: '2026',
      planned: '120',
      ...months([...Array(11).fill('10'), '9.99']),
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      column: '12月计划(万元)',
      columns: monthHeaders,
      message: '分月计划合计 119.99 万元，与年度计划 120.00 万元不一致',
    });
    expect(errors[0]!.columns![0]).toBe('1月计划(万元)');
  });

  it.each([
    ['one cent short', [...Array(11).fill('10'), '9.99'], 1],
    ['exact', Array(12).fill('10'), 0],
    ['one cent over', [...Array(11).fill('10'), '10.01'], 1],
    ['exact with cents spread', ['9.99', '10.01', ...Array(10).fill('10')], 0],
  ])('%s → %i problem(s)', (_label, values, n) => {
    expect(check({ planYear: '2026', planned: '120', ...months(values as string[]) }).errors).toHaveLength(
      n as number,
    );
  });

  it('a problem of one cell carries no group', () => {
    const { errors } = check({ plannedStart: '2026-02-30' });
    expect(errors[0]!.columns).toBeUndefined();
  });
});

/**
 * 实际开工, 实际竣工 and 实际投产 as the project edit judges them (rules.ts): not after today,
 * completion not before start, production not before completion, the stage consistent with them.
 * A column the sheet lacks keeps the recorded date. Today is 2026-12-01.
 */
describe('actual dates', () => {
  // all three columns present, as in the template and the export
  const actual = (start: string | null, completion: string | null, production: string | null) => ({
    actualStart: start,
    actualCompletion: completion,
    actualProduction: production,
  });
  const problems = (values: Record<string, string | null>) =>
    check(values).errors.map((e) => `${e.column}: ${e.message}`);

  it.each([
    ['completion the day of the start', actual('2026-03-01', '2026-03-01', null), [], 'completed'],
    [
      'completion the day before the start',
      actual('2026-03-01', '2026-02-28', null),
      ['实际竣工: 实际竣工日期不能早于实际开工日期'],
      null,
    ],
    ['production the day of completion', actual('2026-03-01', '2026-06-01', '2026-06-01'), [], 'operating'],
    [
      'production the day before completion',
      actual('2026-03-01', '2026-06-01', '2026-05-31'),
      ['实际投产: 实际投产日期不能早于实际竣工日期'],
      null,
    ],
    ['production today', actual('2026-03-01', '2026-06-01', '2026-12-01'), [], 'operating'],
    [
      'production tomorrow',
      actual('2026-03-01', '2026-06-01', '2026-12-02'),
      ['实际投产: 实际投产日期不能晚于今天'],
      null,
    ],
    ['completion today', actual('2026-03-01', '2026-12-01', null), [], 'completed'],
    [
      'completion tomorrow',
      actual('2026-03-01', '2026-12-02', null),
      ['实际竣工: 实际竣工日期不能晚于今天'],
      null,
    ],
    [
      'completion without a start',
      actual(null, '2026-06-01', null),
      ['实际开工: 请先填写实际开工日期'],
      null,
    ],
    [
      'an unreadable completion is its one problem',
      actual('2026-03-01', '2026-02-30', null),
      ['实际竣工: 日期不存在：2026 年 2 月只有 28 天'],
      null,
    ],
  ])('%s', (_label, dates, expected, stage) => {
    const { items, errors } = check(dates);
    expect(errors.map((e) => `${e.column}: ${e.message}`)).toEqual(expected);
    if (stage) expect(items[0]).toMatchObject({ ...dates, stage });
  });

  it('投产 needs its production date', () => {
    expect(problems({ stage: '投产', ...actual('2026-03-01', '2026-06-01', null) })).toEqual([
      '项目阶段: 投产阶段须先填写实际投产日期',
    ]);
  });

  it('a stage below the dates is raised to what they imply, as the project edit does', () => {
    expect(check({ stage: '续建', ...actual('2026-03-01', '2026-06-01', null) }).items[0]!.stage).toBe(
      'completed',
    );
  });

  describe('a sheet without the columns (older than 实际竣工 and 实际投产)', () => {
    const recorded = {
      stage: 'operating' as const,
      ...actual('2026-03-01', '2026-06-01', '2026-07-01'),
    };
    const old = (values: Record<string, string | null>) =>
      checkRows([{ row: 5, values: { ...base, stage: '投产', ...values } }], {
        ...refs,
        recorded: new Map([['ld-1', recorded]]),
      });

    it('keeps the recorded dates: the row is valid and carries them', () => {
      const { items, errors } = old({ actualStart: '2026-03-01' });
      expect(errors).toEqual([]);
      expect(items[0]).toMatchObject({
        stage: 'operating',
        ...actual('2026-03-01', '2026-06-01', '2026-07-01'),
      });
    });

    it('a new project gets none', () => {
      const { items, errors } = old({ code: 'LD-2', stage: null, actualStart: '2026-03-01' });
      expect(errors).toEqual([]);
      expect(items[0]).toMatchObject({ stage: 'continuing', actualCompletion: null, actualProduction: null });
    });

    it('a start after the recorded completion names the recorded date', () => {
      expect(old({ actualStart: '2026-06-02' }).errors).toEqual([
        {
          row: 5,
          column: '实际竣工',
          value: '2026-06-01',
          message: '实际竣工日期不能早于实际开工日期(表中无此列，按已登记日期核对)',
        },
      ]);
    });

    it('empty cells of present columns clear the dates, which the recorded stage refuses', () => {
      expect(
        old({ stage: null, ...actual('2026-03-01', null, null) }).errors.map(
          (e) => `${e.column}: ${e.message}`,
        ),
      ).toEqual(['项目阶段: 竣工及以后阶段须先填写实际竣工日期']);
    });
  });
});
