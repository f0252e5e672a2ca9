/**
 * The month's 月度信息报表 to download: one row per active project the office files and verifies
 * for, prefilled with the project, last month's figures (月度完成、截至上月累计、形象进度), the year's
 * pending milestones and the month's state in Ducha. The columns the unit fills are left empty, except
 * where the month is already submitted or verified: those rows carry the figures on record (and their
 * first submission date), so the downloaded sheet imports back unchanged.
 */
import {
  Decimal,
  fundColumnHeader,
  reportImportColumns,
  reportStatusLabels,
  type ReportImportColumn,
} from '@ducha/contract';
import type { Db } from '../../../db/connection.ts';
import { actorOf, type Ctx } from '../../../platform/access/context.ts';
import { addValidation, ExcelJS, toBuffer } from '../../../platform/excel.ts';
import { getRegion } from '../../../platform/regions.ts';
import { dictionaryLabels, dictionaryLookup } from '../../../platform/settings.ts';
import { yearMilestonesOf } from '../../projects/index.ts';
import { chinaDate } from '../repo.ts';
import { parseMonth } from '../reports.ts';
import { monthBefore } from '../queries.ts';
import { monthReports, sheetProjects, SHEET_NAME, sinceStartBefore } from './importer.ts';

const FILL = 'FFFFFFFF';
const READ_ONLY = 'FFF0F0F0';
const HEADER_FILL = 'FFE8F0FE';
const HEADER_READ_ONLY = 'FFD9D9D9';

/** A money cell: a number when a double holds it exactly, else its text. */
const moneyCell = (s: string | null | undefined) => {
  if (s === null || s === undefined) return null;
  const d = new Decimal(s);
  return new Decimal(Number(d.toFixed(2))).eq(d) ? Number(d.toFixed(2)) : d.toFixed(2);
};
/** A China date as a date cell (midnight UTC, which every reader shows as that day). */
const dateCell = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null);
const submitted = (s: string | undefined) => s === 'submitted' || s === 'verified';

interface SheetColumn {
  key: string;
  header: string;
  fill: boolean;
  required: boolean;
  note: string;
  width: number;
  kind?: 'money' | 'date' | 'percent';
}

const widths: Partial<Record<ReportImportColumn['key'], number>> = {
  code: 16,
  name: 30,
  unit: 24,
  state: 10,
  prevProgress: 30,
  physicalProgress: 36,
  milestonesReached: 28,
  pendingMilestones: 30,
  problems: 30,
  nextMonthPlan: 30,
  landProgress: 20,
  amendReason: 20,
};
const money = new Set(['prevMonth', 'prevSinceStart', 'investmentMonth']);

export async function monthSheet(db: Db, ctx: Ctx, ym: string): Promise<{ name: string; file: Buffer }> {
  const actor = actorOf(ctx);
  const { y, m } = parseMonth(ym);
  const prev = parseMonth(monthBefore(ym));
  const projects = (await sheetProjects(db, actor)).filter((p) => p.active);
  const ids = projects.map((p) => p.id);
  const [last, now, before, labels, lookup, region, milestonesOf] = await Promise.all([
    monthReports(db, ids, prev.y, prev.m),
    monthReports(db, ids, y, m),
    sinceStartBefore(db, ids, y, m),
    dictionaryLabels(db, 'funding_source'),
    dictionaryLookup(db, 'funding_source'),
    actor.regionCode ? getRegion(db, actor.regionCode) : Promise.resolve(undefined),
    yearMilestonesOf(db, ids, y),
  ]);
  const sources = labels.map((label) => ({ label, code: lookup.get(label)! }));

  const columns: SheetColumn[] = [];
  for (const c of reportImportColumns) {
    columns.push({
      ...c,
      width: widths[c.key] ?? Math.max(12, c.header.length * 2 + 2),
      kind: money.has(c.key) ? 'money' : c.key === 'submittedOn' ? 'date' : undefined,
    });
    if (c.key === 'investmentMonth')
      for (const s of sources)
        columns.push({
          key: `fund:${s.code}`,
          header: fundColumnHeader(s.label),
          fill: true,
          required: false,
          note: `本月到位的${s.label}，单位万元，可空`,
          width: Math.max(14, s.label.length * 2 + 10),
          kind: 'money',
        });
  }

  const wb = new ExcelJS.Workbook();
  wb.creator = 'Ducha 督查';
  const title = `${y}年${m}月 月度信息报表(${region?.name ?? '全部区划'})`;
  const ws = wb.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 2, xSplit: 3 }] });
  ws.columns = [{ width: 6 }, ...columns.map((c) => ({ width: c.width }))];
  ws.mergeCells(1, 1, 1, columns.length + 1);
  const titleCell = ws.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = { bold: true, size: 14 };
  ws.getRow(1).height = 24;

  const head = ws.getRow(2);
  head.getCell(1).value = '序号';
  head.getCell(1).note = '序号，可留空';
  columns.forEach((c, i) => {
    const cell = head.getCell(i + 2);
    cell.value = c.required ? `${c.header}*` : c.header;
    cell.note = `${c.fill ? '由单位填写' : '系统预填，导入时不读取'}：${c.note}`;
    cell.fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: c.fill ? HEADER_FILL : HEADER_READ_ONLY },
    };
    cell.alignment = { wrapText: true, vertical: 'middle' };
  });
  head.font = { bold: true };
  head.height = 32;
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: columns.length + 1 } };

  let n = 0;
  for (const p of projects) {
    const l = last.get(p.id);
    const cur = now.get(p.id);
    const done = submitted(cur?.status);
    const milestones = milestonesOf.get(p.id) ?? [];
    const names = new Map(milestones.map((x) => [x.id, x.name]));
    const values: Record<string, unknown> = {
      code: p.code,
      name: p.name,
      unit: p.responsible_unit_name,
      state: cur
        ? `${reportStatusLabels[cur.status as keyof typeof reportStatusLabels] ?? cur.status}${cur.source === 'import' ? '(导入)' : ''}`
        : '未填报',
      prevMonth: submitted(l?.status) ? moneyCell(l!.investment_month) : null,
      prevSinceStart: moneyCell(before.get(p.id) ?? '0'),
      prevProgress: submitted(l?.status) ? l!.physical_progress : null,
      pendingMilestones:
        milestones
          .filter((x) => !x.actualDate)
          .map((x) => `${x.name}(计划 ${x.plannedDate})`)
          .join('；') || null,
    };
    if (done) {
      Object.assign(values, {
        investmentMonth: moneyCell(cur.investment_month),
        physicalProgress: cur.physical_progress,
        percentComplete: cur.percent_complete === null ? null : Number(cur.percent_complete),
        landProgress: cur.land_progress,
        milestonesReached:
          cur.milestones_reached
            .map(
              (x: { milestoneId: number; actualDate: string }) =>
                `${names.get(x.milestoneId) ?? ''}@${x.actualDate}`,
            )
            .join('；') || null,
        problems: cur.problems,
        nextMonthPlan: cur.next_month_plan,
        signer: cur.signer,
        submittedOn: dateCell(cur.first_submitted_at ? chinaDate(cur.first_submitted_at) : null),
      });
      for (const [code, amount] of Object.entries(cur.funds_in_place as Record<string, string>))
        values[`fund:${code}`] = moneyCell(amount);
    }
    const row = ws.addRow([++n, ...columns.map((c) => values[c.key] ?? null)]);
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 2);
      if (!c.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: READ_ONLY } };
      else cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL } };
      if (c.kind === 'money') cell.numFmt = '#,##0.00';
      if (c.kind === 'date') cell.numFmt = 'yyyy-mm-dd';
      if (c.width >= 24) cell.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  const last2 = Math.max(3, n + 2);
  const letter = (key: string) => ws.getColumn(columns.findIndex((c) => c.key === key) + 2).letter;
  addValidation(ws, `${letter('percentComplete')}3:${letter('percentComplete')}${last2}`, {
    type: 'decimal',
    operator: 'between',
    formulae: [0, 100],
    strict: true,
    title: '完成比例',
    message: '请填写 0-100 的数字',
  });

  const help = wb.addWorksheet('填写说明');
  help.columns = [{ width: 28 }, { width: 8 }, { width: 14 }, { width: 90 }];
  help.addRow([title]).font = { bold: true, size: 13 };
  help.addRow([]);
  help.addRow(['列', '必填', '谁填', '说明']).font = { bold: true };
  for (const c of columns)
    help.addRow([c.header, c.required ? '是' : '', c.fill ? '单位填写' : '系统预填', c.note]);
  help.addRow([]);
  for (const line of [
    '导入规则：',
    '1. 按「项目编号」对应项目；只能导入您管理范围内的项目，其他编号的行报错。',
    '2. 单位填写的列全部留空的行视为本月未报，导入时跳过。',
    '3. 先试导入(不写入任何数据)，列出每一行每一列的问题；全部无误才能确认导入，要么全部写入，要么都不写入。',
    '4. 每一行成为一份由重点办代为报送的月报(标记为「导入」及导入人)；勾选「导入即审核」时直接审核通过。',
    '5. 同一文件重复导入不会改变任何数据。已报送待审核的月报与表中数据不同时报错(请先退回)；已审核的月报须填写「更正原因」，生成更正版本。',
    '6. 补录以前月份时在「报送日期」填写单位原始报送日期，按时/逾期据此计算；留空按导入时间计算。',
    '7. 本年累计和自开工累计由系统计算，不必填写。',
  ])
    help.addRow([line]);
  return { name: `${y}年${m}月月度信息报表`, file: await toBuffer(wb) };
}
