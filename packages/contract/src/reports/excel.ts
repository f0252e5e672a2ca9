/**
 * The 月度信息报表 in Excel: a month's sheet prefilled with the office's projects and last month's
 * figures, filled by the units, and imported back (a dry run listing every problem by row and column,
 * then an all-or-nothing commit). Rows become reports filed by the office on the unit's behalf,
 * marked as imported and by whom; a back-filled month keeps its original submission dates.
 */
import { z } from 'zod';
import { queryBool, yearMonth } from '../common.ts';
import { importError, importMode } from '../projects/excel.ts';
import { timelinessValues } from './schema.ts';

/** `GET /api/reports/import/sheet?month=`: the month's sheet of the caller's projects. */
export const reportSheetQuery = z.object({ month: yearMonth });

/** `POST /api/reports/import?month=&mode=&verify=` (body: the .xlsx). */
export const reportImportQuery = z.object({
  month: yearMonth,
  mode: importMode.default('dry-run'),
  /** the office checked the figures already (a back-filled month): the rows are verified at once */
  verify: queryBool,
});

/**
 * What a row does: a new report (`create`), a draft or returned report overwritten and submitted
 * (`update`), a verified report corrected with the row's 更正原因 (`amend`), a submitted report with the
 * same figures verified (`verify`, only when the import verifies), nothing (`unchanged`), or an
 * empty row: not reported this month (`skipped`).
 */
export const reportImportActions = ['create', 'update', 'amend', 'verify', 'unchanged', 'skipped'] as const;
export type ReportImportAction = (typeof reportImportActions)[number];

export const reportImportResult = z.object({
  mode: importMode,
  month: yearMonth,
  /** data rows read (empty rows included: they are `skipped`) */
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  amended: z.number().int(),
  verified: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
  errors: z.array(importError),
  preview: z.array(
    z.object({
      row: z.number().int(),
      code: z.string(),
      name: z.string(),
      action: z.enum(reportImportActions),
      /** the report's status after the import (null for skipped rows) */
      status: z.enum(['submitted', 'verified']).nullable(),
      /** the (first) submission date the report has after the import */
      submittedOn: z.string().nullable(),
      /** its timeliness against the month's deadline */
      timeliness: z.enum(timelinessValues).nullable(),
    }),
  ),
  /** false when a commit was refused because of errors: nothing was written */
  committed: z.boolean(),
  /** rows marked as examples (first cell 示例), which the import skips */
  ignored: z.array(z.number().int()),
});
export type ReportImportResult = z.infer<typeof reportImportResult>;

/** A funding source's column: 到位资金-中央资金(万元). */
export const fundColumnHeader = (label: string) => `到位资金-${label}(万元)`;
export const fundColumnPattern = /^到位资金-(.+)\(万元\)$/;

/**
 * The sheet's columns, in order (the funding sources' columns come after 本月完成投资, one per active
 * source). `fill`: the unit fills it and the import reads it; the others are prefilled for reading
 * (the project, last month's figures, the state in Ducha) and ignored on import.
 */
export const reportImportColumns = [
  { key: 'code', header: '项目编号', fill: false, required: true, note: '按编号对应项目，请勿修改' },
  { key: 'name', header: '项目名称', fill: false, required: false, note: '供核对，导入时不读取' },
  { key: 'unit', header: '牵头单位', fill: false, required: false, note: '供核对，导入时不读取' },
  { key: 'state', header: '系统状态', fill: false, required: false, note: '下载时该月月报在系统中的状态' },
  {
    key: 'prevMonth',
    header: '上月完成投资(万元)',
    fill: false,
    required: false,
    note: '上月月报的本月完成投资',
  },
  {
    key: 'prevSinceStart',
    header: '截至上月累计完成投资(万元)',
    fill: false,
    required: false,
    note: '自开工累计，截至上月(已报送和已审核的月报)',
  },
  { key: 'prevProgress', header: '上月形象进度', fill: false, required: false, note: '上月月报的形象进度' },
  {
    key: 'investmentMonth',
    header: '本月完成投资(万元)',
    fill: true,
    required: true,
    note: '单位万元，最多两位小数，如 1200 或 1,200.50；核减以前月份时可为负数，但累计不能为负。本年累计和自开工累计由系统计算，不必填写',
  },
  {
    key: 'physicalProgress',
    header: '形象进度',
    fill: true,
    required: true,
    note: '文字，如 主体结构完成至第 12 层',
  },
  {
    key: 'percentComplete',
    header: '完成比例(%)',
    fill: true,
    required: false,
    note: '0-100 的数字，如 45 或 45%；低于上月时请核实',
  },
  { key: 'landProgress', header: '征迁进展', fill: true, required: false, note: '文字，可空' },
  {
    key: 'milestonesReached',
    header: '本月完成节点',
    fill: true,
    required: false,
    note: '本年度计划中的节点，写成 节点名称@实际日期，多个用；分隔，如 主体封顶@2026-10-20；可选节点见「本年计划节点」列',
  },
  {
    key: 'pendingMilestones',
    header: '本年计划节点',
    fill: false,
    required: false,
    note: '基线中尚未完成的节点及计划日期，供填写「本月完成节点」',
  },
  { key: 'problems', header: '存在问题', fill: true, required: false, note: '文字，可空' },
  { key: 'nextMonthPlan', header: '下月计划', fill: true, required: false, note: '文字，可空' },
  { key: 'signer', header: '签发人', fill: true, required: false, note: '姓名，最多 30 字' },
  {
    key: 'submittedOn',
    header: '报送日期',
    fill: true,
    required: false,
    note: '单位原始报送日期(补录以前月份时填写)，不早于该月 1 日，不晚于今天；留空按导入时间计。按时/逾期据此计算',
  },
  {
    key: 'amendReason',
    header: '更正原因',
    fill: true,
    required: false,
    note: '仅当该月报已审核、表中数据与系统不同时填写：系统据此生成更正版本',
  },
] as const;
export type ReportImportColumn = (typeof reportImportColumns)[number];
