/** The 责任分解表 import: a dry run that lists every problem by row and column, then an all-or-nothing commit. */
import { z } from 'zod';

export const importMode = z.enum(['dry-run', 'commit']);

export const importError = z.object({
  /** the spreadsheet row (1-based, as Excel shows it) */
  row: z.number().int(),
  /** the column header, e.g. 牵头单位 */
  column: z.string(),
  value: z.string().nullable(),
  message: z.string(),
  /**
   * When the problem concerns a group of cells (the twelve months of a plan that do not sum to the
   * annual amount): every column of the group, in order; `column` is then the last of them.
   */
  columns: z.array(z.string()).optional(),
});
export type ImportError = z.infer<typeof importError>;

export const importResult = z.object({
  mode: importMode,
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(importError),
  preview: z.array(
    z.object({
      row: z.number().int(),
      code: z.string(),
      name: z.string(),
      action: z.enum(['create', 'update', 'unchanged']),
    }),
  ),
  /** false when a commit was refused because of errors: nothing was written */
  committed: z.boolean(),
  /** rows marked as examples (first cell 示例), which the import skips */
  ignored: z.array(z.number().int()),
});
export type ImportResult = z.infer<typeof importResult>;

/** Accepted date formats, said in every date column's note. */
const dates = '日期，可写 2026-03-01、2026/3/1、2026年3月1日，或 Excel 日期单元格';
const money = (what: string) => `${what}，单位万元，不小于 0，最多两位小数，如 12800 或 3,600.50`;

/**
 * The template's columns, in order; * marks required ones. Every column has a note (what it takes,
 * in which format, with an example): the template puts it on the header cell and in 填写说明, and
 * the web explains the sheet with it.
 */
export const importColumns = [
  {
    key: 'code',
    header: '项目编号',
    required: true,
    note: '唯一，2-40 位字母、数字、连字符或下划线，如 LD-2026-001；重复导入按编号更新',
  },
  {
    key: 'name',
    header: '项目名称',
    required: true,
    note: '项目全称，不能与其他项目重名，如 林甸县城区供热管网改造工程',
  },
  {
    key: 'region',
    header: '所属区划',
    required: true,
    note: '区划代码或名称(下拉选择)，如 230623 或 林甸县',
  },
  { key: 'sector', header: '行业类别', required: true, note: '下拉选择，见「字典」页，如 工业' },
  { key: 'nature', header: '投资性质', required: true, note: '下拉选择：政府投资 / 企业投资 / PPP' },
  { key: 'total', header: '总投资(万元)', required: true, note: money('项目总投资') },
  {
    key: 'scale',
    header: '建设规模及内容',
    required: false,
    note: '文字，如 改造供热管网 36 公里，新建换热站 12 座',
  },
  { key: 'address', header: '建设地点', required: false, note: '文字，如 林甸镇、花园镇' },
  { key: 'owner', header: '业主单位', required: false, note: '单位全称或简称(下拉选择)，须为已登记单位' },
  {
    key: 'stage',
    header: '项目阶段',
    required: false,
    note: '下拉选择：储备/前期/新开工/续建/竣工/投产，留空默认前期',
  },
  {
    key: 'listName',
    header: '名单',
    required: false,
    note: '已建的名单名称(下拉选择)，如 2026年林甸县重点项目',
  },
  {
    key: 'batch',
    header: '批次',
    required: false,
    note: '填写名单时必填(下拉选择)：在建/新开工/重大前期，或 竣工投产一批/开工建设一批/申报立项一批/包装储备一批',
  },
  {
    key: 'leader',
    header: '责任领导(职务)',
    required: true,
    note: '职务名称(下拉选择)，如 林甸县常务副县长；同名时写成 单位/职务',
  },
  {
    key: 'responsibleUnit',
    header: '牵头单位',
    required: true,
    note: '单位全称或简称(下拉选择)，须为已登记单位，如 林甸县发展和改革局',
  },
  {
    key: 'coUnits',
    header: '协办单位',
    required: false,
    note: '单位全称或简称，多个用顿号分隔，不含牵头单位，如 县财政局、县自然资源局',
  },
  {
    key: 'team',
    header: '工作班子',
    required: false,
    note: '人员姓名，多个用顿号分隔，须为已登记人员；同名时写成 单位/姓名',
  },
  {
    key: 'responsible',
    header: '责任人',
    required: false,
    note: '一位已登记人员的姓名；同名时写成 单位/姓名',
  },
  { key: 'officer', header: '承办人', required: false, note: '一位已登记人员的姓名；同名时写成 单位/姓名' },
  { key: 'planYear', header: '计划年度', required: false, note: '四位年份，如 2026；填写年度计划时必填' },
  {
    key: 'planned',
    header: '年度计划投资(万元)',
    required: false,
    note: money('当年计划投资') + '；填写计划年度时必填',
  },
  ...Array.from({ length: 12 }, (_, i) => ({
    key: `m${i + 1}`,
    header: `${i + 1}月计划(万元)`,
    required: false,
    note: `${i + 1} 月计划投资，单位万元；12 个月须全部填写且合计等于年度计划投资，或全部留空按月平均分配`,
  })),
  { key: 'target', header: '年度形象进度目标', required: false, note: '文字，如 完成主体工程并投入使用' },
  { key: 'plannedStart', header: '计划开工', required: false, note: dates },
  { key: 'plannedCompletion', header: '计划竣工', required: false, note: `${dates}；不早于计划开工` },
  { key: 'plannedProduction', header: '计划投产', required: false, note: dates },
  {
    key: 'actualStart',
    header: '实际开工',
    required: false,
    note: `${dates}；已开工项目填写，阶段随之为续建，不晚于今天`,
  },
  {
    key: 'actualCompletion',
    header: '实际竣工',
    required: false,
    note: `${dates}；已竣工项目填写，阶段随之为竣工，不早于实际开工，不晚于今天`,
  },
  {
    key: 'actualProduction',
    header: '实际投产',
    required: false,
    note: `${dates}；已投产项目填写，阶段随之为投产，不早于实际竣工，不晚于今天`,
  },
  {
    key: 'reportsFrom',
    header: '起报月份',
    required: false,
    note: '项目从哪个月起报送月度信息报表，如 2026-03(也可写 2026年3月)；新项目留空为导入当月，已有项目留空不变',
  },
  {
    key: 'milestones',
    header: '倒排工期节点',
    required: false,
    note: '节点名称@日期，多个用分号分隔，如 主体封顶@2026-08-31；竣工验收@2026年12月20日',
  },
] as const;
