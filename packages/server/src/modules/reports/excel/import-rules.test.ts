/**
 * The 月度信息报表 import's pure rules: what a row says (the form's rules, milestones, percentages,
 * submission dates at and around their bounds), which rows are empty, and what a valid row does
 * to the month's report in Ducha (`decide`), including idempotence.
 */
import { describe, expect, it } from 'vitest';
import {
  changedFields,
  checkReportRows,
  decide,
  parseMilestones,
  parsePercent,
  sinceStartProblem,
  type HeldReport,
  type ReportFields,
  type ReportItem,
  type RowRefs,
} from './import-rules.ts';

const refs: RowRefs = {
  month: '2026-10',
  today: '2026-12-02',
  projects: new Map([
    [
      'p-1',
      { id: 1, code: 'P-1', name: '一号项目', active: true, milestones: [{ id: 11, name: '主体封顶' }] },
    ],
    ['p-2', { id: 2, code: 'P-2', name: '二号项目', active: false, milestones: [] }],
  ]),
  funds: new Map([
    ['fund:银行贷款', '银行贷款'],
    ['fund:中央资金', '中央资金'],
  ]),
};
const row = (values: Record<string, string | null>, n = 3) => ({
  row: n,
  values: { code: 'P-1', investmentMonth: '100', physicalProgress: '施工', ...values },
});
const problems = (values: Record<string, string | null>) =>
  checkReportRows([row(values)], refs).errors.map((e) => `${e.column}: ${e.message}`);

describe('a row of the sheet', () => {
  it('becomes the report the form would send', () => {
    const { items, errors } = checkReportRows(
      [
        row({
          investmentMonth: '1,200.5',
          'fund:银行贷款': '300',
          percentComplete: '45%',
          milestonesReached: '主体封顶@2026/10/20',
          problems: ' 资金缺口\r\n待协调 ',
          submittedOn: '2026年11月5日',
        }),
      ],
      refs,
    );
    expect(errors).toEqual([]);
    expect(items[0]).toMatchObject({
      project: { id: 1 },
      submittedOn: '2026-11-05',
      fields: {
        investmentMonth: '1200.50',
        fundsInPlace: { 银行贷款: '300.00' },
        percentComplete: 45,
        milestonesReached: [{ milestoneId: 11, actualDate: '2026-10-20' }],
        problems: '资金缺口\n待协调',
      },
    });
  });

  it.each([
    [{ investmentMonth: null }, '本月完成投资(万元): 必填项不能为空'],
    [{ physicalProgress: null }, '形象进度: 必填项不能为空'],
    [{ investmentMonth: '12,5' }, '本月完成投资(万元): 金额中的逗号只能用作千位分隔符'],
    [{ investmentMonth: '1.005' }, '本月完成投资(万元): 金额应为数字，单位万元，最多两位小数'],
    [{ 'fund:银行贷款': 'abc' }, '到位资金-银行贷款(万元): 金额应为数字，单位万元，最多两位小数'],
    [
      { 'fund:社会捐赠': '10' },
      '到位资金-社会捐赠(万元): 资金来源「社会捐赠」不在字典中(见「设置 → 字典管理」)',
    ],
    [{ percentComplete: '100.01' }, '完成比例(%): 应为 0-100 的数字，如 45 或 45%'],
    [{ percentComplete: '-1' }, '完成比例(%): 应为 0-100 的数字，如 45 或 45%'],
    [{ percentComplete: '约一半' }, '完成比例(%): 应为 0-100 的数字，如 45 或 45%'],
    [{ signer: '很'.repeat(31) }, expect.stringMatching(/^签发人: /)],
    [
      { milestonesReached: '主体封顶' },
      '本月完成节点: 应写成 节点名称@实际日期，多个用；分隔，如 主体封顶@2026-10-20',
    ],
    [
      { milestonesReached: '竣工@2026-10-01' },
      '本月完成节点: 「竣工」不是本年度计划中的节点(可选：主体封顶)',
    ],
    [{ milestonesReached: '主体封顶@2026-12-03' }, '本月完成节点: 「主体封顶」：实际日期不能晚于今天'],
    [
      { milestonesReached: '主体封顶@2026-02-30' },
      '本月完成节点: 「主体封顶」：日期不存在：2026 年 2 月只有 28 天',
    ],
    [{ submittedOn: '2026-12-03' }, '报送日期: 报送日期不能晚于今天(2026-12-02)'],
    [{ submittedOn: '2026-09-30' }, '报送日期: 报送日期不能早于该月 1 日(2026-10-01)'],
    [{ submittedOn: '2026-11-31' }, '报送日期: 日期不存在：2026 年 11 月只有 30 天'],
    [{ amendReason: '改' }, '更正原因: 请填写更正原因'],
    [{ code: 'P-9' }, '项目编号: 找不到该项目编号，或该项目不在您的管理范围内'],
    [{ code: 'P-2' }, '项目编号: 该项目已停用，不能导入月报'],
  ])('%j → %s', (values, message) => expect(problems(values)).toEqual([message]));

  it.each([
    ['2026-10-01', true],
    ['2026-12-02', true],
    ['46330', true], // a date cell left as Excel's day number (2026-11-05)
  ])('报送日期 %s is accepted: %s', (d, ok) => expect(problems({ submittedOn: d }).length === 0).toBe(ok));

  it('100 and 0 are a percentage; an empty row is skipped, a duplicate code refused', () => {
    expect(problems({ percentComplete: '100' })).toEqual([]);
    expect(problems({ percentComplete: '0' })).toEqual([]);
    const r = checkReportRows(
      [
        { row: 3, values: { code: 'P-1', name: '一号项目', investmentMonth: null, physicalProgress: null } },
        { row: 4, values: { code: null, name: '备注：以上数据截至 10 月底' } },
        row({}, 5),
        row({}, 6),
      ],
      refs,
    );
    expect(r.skipped).toEqual([{ row: 3, code: 'P-1', name: '一号项目' }]);
    expect(r.items.map((i) => i.row)).toEqual([5]);
    expect(r.errors).toEqual([
      { row: 6, column: '项目编号', value: 'P-1', message: '与第 5 行的项目编号重复' },
    ]);
  });

  it('a formula without a stored result is its cell’s one problem', () => {
    const r = checkReportRows(
      [{ row: 3, values: { code: 'P-1', investmentMonth: null }, formulas: ['investmentMonth'] }],
      refs,
    );
    expect(r.errors.map((e) => e.column)).toEqual(['本月完成投资(万元)', '形象进度']);
  });
});

describe('helpers', () => {
  it.each([
    [
      '主体封顶@2026-10-20；竣工@2026/11/1',
      [
        { name: '主体封顶', date: '2026-10-20' },
        { name: '竣工', date: '2026-11-01' },
      ],
    ],
    ['主体封顶＠2026-10-20', [{ name: '主体封顶', date: '2026-10-20' }]],
    ['主体封顶', null],
  ])('parseMilestones(%s)', (text, out) => expect(parseMilestones(text)).toEqual(out));
  it.each([
    ['45', 45],
    ['45.5%', 45.5],
    ['45％', 45],
    [null, null],
  ])('parsePercent(%s) = %s', (text, out) => expect(parsePercent(text)).toBe(out));
  it('parsePercent of text is NaN', () => expect(parsePercent('一半')).toBeNaN());
});

const fields = (o: Partial<ReportFields> = {}): ReportFields => ({
  investmentMonth: '100.00',
  fundsInPlace: {},
  physicalProgress: '施工',
  percentComplete: null,
  landProgress: null,
  milestonesReached: [],
  problems: null,
  nextMonthPlan: null,
  signer: null,
  ...o,
});
const item = (o: Partial<ReportItem> = {}): ReportItem => ({
  row: 3,
  project: { id: 1, code: 'P-1', name: '一号项目', active: true, milestones: [] },
  fields: fields(),
  submittedOn: null,
  amendReason: null,
  ...o,
});
const held = (
  status: HeldReport['status'],
  o: Partial<ReportFields> = {},
  first: string | null = '2026-11-05',
) => ({
  status,
  fields: fields(o),
  firstSubmittedOn: status === 'draft' ? null : first,
});

describe('what a row does to the month in Ducha', () => {
  it.each([
    ['no report', undefined, false, 'create'],
    ['a draft', held('draft', { investmentMonth: '5' }), false, 'update'],
    ['a returned report', held('returned', { investmentMonth: '5' }), false, 'update'],
    ['a submitted report, same figures', held('submitted'), false, 'unchanged'],
    ['a submitted report, same figures, import verifies', held('submitted'), true, 'verify'],
    ['a verified report, same figures', held('verified'), false, 'unchanged'],
    ['a verified report, same figures, import verifies', held('verified'), true, 'unchanged'],
  ] as const)('%s → %s', (_what, h, verify, action) => expect(decide(item(), h, verify)).toEqual({ action }));

  it('different figures: refused on a submitted report, an amendment with a reason on a verified one', () => {
    const changed = item({ fields: fields({ investmentMonth: '120' }) });
    expect(decide(changed, held('submitted'), false).error?.key).toBe('investmentMonth');
    expect(decide(changed, held('verified'), false).error).toEqual({
      key: 'amendReason',
      message: '该月报已审核，表中的本月完成投资(万元)与系统不同：如需更正，请在「更正原因」列写明原因',
    });
    expect(decide({ ...changed, amendReason: '更正口径' }, held('verified'), false)).toEqual({
      action: 'amend',
    });
  });

  it('a submission on record keeps its date; the same date or none is fine', () => {
    expect(decide(item({ submittedOn: '2026-11-05' }), held('verified'), false)).toEqual({
      action: 'unchanged',
    });
    expect(decide(item({ submittedOn: '2026-11-04' }), held('submitted'), false).error).toEqual({
      key: 'submittedOn',
      message: '该月报已于 2026-11-05 报送，报送日期不能更改',
    });
    // a returned report is resubmitted: its first submission stays, the date is the resubmission's
    expect(decide(item({ submittedOn: '2026-11-20' }), held('returned'), false)).toEqual({
      action: 'update',
    });
  });

  it('compares as stored: amounts to the cent, text trimmed with \\n line ends, funds and milestones in any order', () => {
    expect(changedFields(fields({ investmentMonth: '100' }), fields({ investmentMonth: '100.00' }))).toEqual(
      [],
    );
    expect(changedFields(fields({ problems: '甲\r\n乙 ' }), fields({ problems: '甲\n乙' }))).toEqual([]);
    expect(changedFields(fields({ problems: '' }), fields({ problems: null }))).toEqual([]);
    expect(changedFields(fields({ percentComplete: 45 }), fields({ percentComplete: 45.0 }))).toEqual([]);
    expect(changedFields(fields({ percentComplete: null }), fields({ percentComplete: 0 }))).toEqual([
      'percentComplete',
    ]);
    expect(
      changedFields(
        fields({ fundsInPlace: { a: '1', b: '2.5' } }),
        fields({ fundsInPlace: { b: '2.50', a: '1.00' } }),
      ),
    ).toEqual([]);
    expect(
      changedFields(
        fields({
          milestonesReached: [
            { milestoneId: 2, actualDate: '2026-10-02' },
            { milestoneId: 1, actualDate: '2026-10-01' },
          ],
        }),
        fields({
          milestonesReached: [
            { milestoneId: 1, actualDate: '2026-10-01' },
            { milestoneId: 2, actualDate: '2026-10-02' },
          ],
        }),
      ),
    ).toEqual([]);
  });

  it.each([
    ['0', '-0.01', true],
    ['100', '-100', false],
    ['100', '-100.01', true],
    ['100', '50', false],
  ])('since-start %s with a month of %s is a problem: %s', (before, month, problem) =>
    expect(sinceStartProblem(before, item({ fields: fields({ investmentMonth: month }) })) !== null).toBe(
      problem,
    ),
  );
});
