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
});
export type ImportResult = z.infer<typeof importResult>;

/** The template's columns, in order; * marks required ones. Shared so the web can explain the sheet. */
export const importColumns = [
  { key: 'code', header: '项目编号', required: true, note: '唯一，重复导入按编号更新' },
  { key: 'name', header: '项目名称', required: true },
  { key: 'region', header: '所属区划', required: true, note: '区划代码或名称，如 230623 或 林甸县' },
  { key: 'sector', header: '行业类别', required: true, note: '见「字典」页' },
  { key: 'nature', header: '投资性质', required: true, note: '政府投资 / 企业投资 / PPP' },
  { key: 'total', header: '总投资(万元)', required: true },
  { key: 'scale', header: '建设规模及内容', required: false },
  { key: 'address', header: '建设地点', required: false },
  { key: 'owner', header: '业主单位', required: false },
  { key: 'stage', header: '项目阶段', required: false, note: '储备/前期/新开工/续建/竣工/投产，默认前期' },
  { key: 'listName', header: '名单', required: false, note: '已建的名单名称，如 2026年市重点项目' },
  { key: 'batch', header: '批次', required: false, note: '在建/新开工/重大前期 或 四个一批' },
  { key: 'leader', header: '责任领导(职务)', required: true, note: '职务名称，如 分管城乡建设副市长' },
  { key: 'responsibleUnit', header: '牵头单位', required: true },
  { key: 'coUnits', header: '协办单位', required: false, note: '多个用顿号分隔' },
  { key: 'team', header: '工作班子', required: false, note: '人员姓名，多个用顿号分隔，须为已登记人员' },
  { key: 'responsible', header: '责任人', required: false },
  { key: 'officer', header: '承办人', required: false },
  { key: 'planYear', header: '计划年度', required: false, note: '填写年度计划时必填' },
  { key: 'planned', header: '年度计划投资(万元)', required: false },
  ...Array.from({ length: 12 }, (_, i) => ({
    key: `m${i + 1}`,
    header: `${i + 1}月计划(万元)`,
    required: false,
    note: '留空则按月平均分配',
  })),
  { key: 'target', header: '年度形象进度目标', required: false },
  { key: 'plannedStart', header: '计划开工', required: false },
  { key: 'plannedCompletion', header: '计划竣工', required: false },
  { key: 'plannedProduction', header: '计划投产', required: false },
  { key: 'actualStart', header: '实际开工', required: false, note: '已开工项目填写，阶段随之为续建' },
  {
    key: 'milestones',
    header: '倒排工期节点',
    required: false,
    note: '节点@日期，多个用分号分隔，如 主体封顶@2026-08-31；竣工验收@2026-12-20',
  },
] as const;
