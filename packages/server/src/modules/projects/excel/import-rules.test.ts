/** Row checks of the 责任分解表, in memory: every rule at its edge, with made-up reference data. */
import { describe, expect, it } from 'vitest';
import { checkRows, normalizeDate, reportsFromCell, type Refs } from './import-rules.ts';
import { cellText } from '../../../platform/excel.ts';

const refs: Refs = {
  regions: [
    { code: '230600', name: '大庆市', path: '230000.230600' },
    { code: '230623', name: '林甸县', path: '230000.230600.230623' },
    { code: '230621', name: '肇州县', path: '230000.230600.230621' },
  ],
  sectors: new Set(['工业', '农业']),
  units: [
    { id: 1, name: '林甸县发展和改革局', shortName: '县发改局' },
    { id: 2, name: '林甸县住房和城乡建设局', shortName: null },
    { id: 3, name: '肇州县住房和城乡建设局', shortName: null },
  ],
  positions: [
    { id: 10, name: '县长', unitName: '林甸县人民政府' },
    { id: 11, name: '县长', unitName: '肇州县人民政府' },
    { id: 12, name: '林甸县常务副县长', unitName: '林甸县人民政府' },
  ],
  people: [
    { id: 20, name: '张伟', unitName: '林甸县发展和改革局' },
    { id: 21, name: '张伟', unitName: '林甸县住房和城乡建设局' },
    { id: 22, name: '李娜', unitName: '林甸县发展和改革局' },
  ],
  lists: [
    {
      id: 30,
      name: '县重点',
      year: 2026,
      status: 'draft',
      batchScheme: 'three_30',
      regionPath: '230000.230600.230623',
    },
    {
      id: 31,
      name: '市重点',
      year: 2026,
      status: 'published',
      batchScheme: 'four_batches',
      regionPath: '230000.230600',
    },
  ],
  projectNames: new Map([['已有项目', 'OLD-1']]),
  canManage: (path) => path.startsWith('230000.230600.230623'),
  today: '2026-11-21',
};

const base = {
  code: 'LD-1',
  name: '温泉项目',
  region: '230623',
  sector: '工业',
  nature: '企业投资',
  total: '1000',
  leader: '林甸县常务副县长',
  responsibleUnit: '县发改局',
};
const check = (...rows: Record<string, string | null>[]) =>
  checkRows(
    rows.map((values, i) => ({ row: i + 2, values })),
    refs,
  );
const errorsOf = (row: Record<string, string | null>) =>
  check(row).errors.map((e) => `${e.column}: ${e.message}`);

describe('checkRows', () => {
  it('accepts a minimal row and resolves names, short names and codes', () => {
    const { items, errors } = check(base);
    expect(errors).toEqual([]);
    expect(items[0]).toMatchObject({
      regionCode: '230623',
      leaderPositionId: 12,
      responsibleUnitId: 1,
      total: '1000.00',
      stage: null,
      plan: null,
    });
  });

  it.each([
    [{ code: '' }, '项目编号: 必填项不能为空'],
    [{ code: '项目1' }, '项目编号: 项目编号为 2-40 位字母、数字、连字符或下划线'],
    [{ name: '已有项目' }, '项目名称: 与已有项目 OLD-1 重名'],
    [{ region: '肇州县' }, '所属区划: 该区划不在您的管理范围内'],
    [{ sector: '金融' }, '行业类别: 行业类别应为：工业、农业'],
    [{ nature: '外资' }, '投资性质: 投资性质应为：政府投资、企业投资、PPP'],
    [{ total: '100.001' }, '总投资(万元): 应为不小于 0 的数字(万元，最多两位小数)'],
    [{ leader: '县长' }, '责任领导(职务): 有多个同名职务，请写成「单位/名称」'],
    [{ coUnits: '县发改局' }, '协办单位: 协办单位不能包含牵头单位'],
    [{ team: '张伟' }, '工作班子: 有多个同名人员「张伟」，请写成「单位/姓名」'],
    [{ listName: '县重点' }, '批次: 填写名单时须填写批次'],
    [{ listName: '县重点', batch: '竣工投产一批' }, '批次: 批次应为：在建、新开工、重大前期'],
    [{ batch: '在建' }, '名单: 填写批次时须填写名单'],
    [{ stage: '竣工' }, '项目阶段: 续建及以后阶段须先填写实际开工日期'],
    [{ actualStart: '2026-12-01' }, '实际开工: 实际开工日期不能晚于今天'],
    [{ plannedStart: '2026-05-01', plannedCompletion: '2026-04-30' }, '计划竣工: 计划竣工不能早于计划开工'],
    [{ planned: '100' }, '计划年度: 填写年度计划时须填写计划年度'],
    [
      { planYear: '2026', planned: '100', milestones: '开工2026-05-01' },
      '倒排工期节点: 节点「开工2026-05-01」应写成 节点名称@YYYY-MM-DD',
    ],
  ])('%o → %s', (change, message) => {
    expect(errorsOf({ ...base, ...change })).toContain(message);
  });

  it('names written 单位/名称 resolve where the plain name is ambiguous', () => {
    const { items, errors } = check({
      ...base,
      leader: '林甸县人民政府/县长',
      team: '林甸县住房和城乡建设局/张伟、李娜',
    });
    expect(errors).toEqual([]);
    expect(items[0]).toMatchObject({ leaderPositionId: 10, team: [21, 22] });
  });

  it('duplicates within the file name the first row; an actual start sets the stage to 续建', () => {
    const { items, errors } = check(
      base,
      { ...base, name: '另一个' },
      { ...base, code: 'LD-2', name: '第三个', actualStart: '2026-03-01' },
    );
    expect(errors).toEqual([
      { row: 3, column: '项目编号', value: 'LD-1', message: '与第 2 行的项目编号重复' },
    ]);
    expect(items.map((i) => i.stage)).toEqual([null, 'continuing']);
  });

  it('a plan without months is split pro rata; with all twelve they must sum exactly', () => {
    const months = (v: string[]) => Object.fromEntries(v.map((m, i) => [`m${i + 1}`, m]));
    const split = check({
      ...base,
      planYear: '2026',
      planned: '100.01',
      milestones: '开工@2026/5/1；封顶@2026年9月30日',
    }).items[0]!.plan!;
    expect(split.monthly.slice(-2)).toEqual(['8.34', '8.34']);
    expect(split.milestones).toEqual([
      { name: '开工', date: '2026-05-01' },
      { name: '封顶', date: '2026-09-30' },
    ]);
    const exact = check({ ...base, planYear: '2026', planned: '120', ...months(Array(12).fill('10')) });
    expect(exact.errors).toEqual([]);
    const off = check({
      ...base,
      planYear: '2026',
      planned: '120',
      ...months([...Array(11).fill('10'), '10.01']),
    });
    expect(off.errors[0]).toMatchObject({
      column: '12月计划(万元)',
      message: '分月计划合计 120.01 万元，与年度计划 120.00 万元不一致',
    });
  });
});

describe('cells and dates', () => {
  it.each([
    ['2026/3/1', '2026-03-01'],
    ['2026.03.01', '2026-03-01'],
    ['2026年3月1日', '2026-03-01'],
    ['2026-03-01', '2026-03-01'],
    ['三月一日', '三月一日'],
  ])('normalizeDate(%s) → %s', (input, out) => expect(normalizeDate(input)).toBe(out));

  it.each([
    [570.0699999999999, '570.07'],
    [0.1 + 0.2, '0.3'],
    [12800, '12800'],
    [new Date(Date.UTC(2026, 2, 1)), '2026-03-01'],
    ['  林甸县 ', '林甸县'],
    ['', null],
    [null, null],
    [{ richText: [{ text: '林甸' }, { text: '县' }] }, '林甸县'],
    [{ formula: 'A1*2', result: 24 }, '24'],
  ])('cellText(%o) → %s', (value, out) => expect(cellText(value as never)).toBe(out));
});

describe('起报月份 cells', () => {
  const read = (text: string | null) => {
    const problems: string[] = [];
    return { value: reportsFromCell(text, (m) => problems.push(m)), problems };
  };
  it.each([
    ['2026-03', '2026-03-01'],
    ['2026/3', '2026-03-01'],
    ['2026.12', '2026-12-01'],
    ['2026年3月', '2026-03-01'],
    ['2026-03-15', '2026-03-01'], // a date cell: its month
    ['2026年1月31日', '2026-01-01'],
    [' 2000-01 ', '2000-01-01'],
    ['2100-12', '2100-12-01'],
  ])('%s reads as %s', (text, date) => {
    expect(read(text)).toEqual({ value: date, problems: [] });
  });
  it.each(['2026-13', '2026-00', '1999-12', '2101-01', '三月', '2026-02-30'])('%s is refused', (text) => {
    const r = read(text);
    expect(r.value).toBeNull();
    expect(r.problems).toHaveLength(1);
  });
  it('an empty cell says nothing', () => {
    expect(read('')).toEqual({ value: null, problems: [] });
    expect(read(null)).toEqual({ value: null, problems: [] });
  });
});
