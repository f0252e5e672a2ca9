/**
 * Pure checks of an imported 月度信息报表: each row's text becomes the report the form would send
 * (validated by the form's own schema, `reportDraft`), or errors naming the row, the column and the
 * fix; then each report is compared with what Ducha holds for the month (`decide`). Reference data
 * (the projects in scope, their year's milestones, the funding sources) comes in as lookups, so this
 * runs in memory and is tested without a database.
 */
import {
  Decimal,
  fundColumnHeader,
  reportAmend,
  reportDraft,
  reportImportColumns,
  type ImportError,
  type ReportImportAction,
} from '@ducha/contract';
import type { z } from 'zod';
import {
  dateProblem,
  FORMULA_WITHOUT_RESULT,
  normalizeDate,
  type SheetRow,
} from '../../../platform/excel.ts';
import { sinceStartError } from '../rules.ts';

/** The report fields of a row, exactly as the form sends them. */
export type ReportFields = Omit<z.output<typeof reportDraft>, 'version'>;

/** A project the importer may file for, with what the row is checked against. */
export interface SheetProject {
  id: number;
  code: string;
  name: string;
  active: boolean;
  /** the year's plan milestones (the form offers the same) */
  milestones: { id: number; name: string }[];
}

export interface RowRefs {
  /** 'YYYY-MM', the month imported */
  month: string;
  /** today in China */
  today: string;
  /** the projects in the importer's scope, by lower-case code */
  projects: Map<string, SheetProject>;
  /** funding sources: the column key `fund:<label>` → code (labels and codes both) */
  funds: Map<string, string>;
}

export interface ReportItem {
  row: number;
  project: SheetProject;
  fields: ReportFields;
  /** the unit's original submission date, when the sheet gives one */
  submittedOn: string | null;
  amendReason: string | null;
}

const header: Record<string, string> = Object.fromEntries(reportImportColumns.map((c) => [c.key, c.header]));
const fillKeys: string[] = reportImportColumns.filter((c) => c.fill).map((c) => c.key);
export const fundKey = (label: string) => `fund:${label}`;
const columnOf = (key: string) =>
  header[key] ?? (key.startsWith('fund:') ? fundColumnHeader(key.slice(5)) : key);

/** Text as stored: trimmed, line ends as \n (LibreOffice and WPS may write \r\n), empty as null. */
export const cleanText = (s: string | null | undefined) => {
  const t = s?.replace(/\r\n?/g, '\n').trim();
  return t ? t : null;
};

/** The first day of month 'YYYY-MM'. */
const firstDay = (ym: string) => `${ym}-01`;

/** `节点名称@日期；节点名称@日期` (；; 、 or new lines between them). */
export function parseMilestones(text: string): { name: string; date: string }[] | null {
  const parts = text
    .split(/[；;、\n]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const out: { name: string; date: string }[] = [];
  for (const p of parts) {
    const at = p.lastIndexOf('@') >= 0 ? p.lastIndexOf('@') : p.lastIndexOf('＠');
    if (at <= 0) return null;
    out.push({ name: p.slice(0, at).trim(), date: normalizeDate(p.slice(at + 1)) });
  }
  return out;
}

/** A percentage cell: 45, 45.5 or 45%; null when empty, NaN when not a number. */
export function parsePercent(text: string | null): number | null {
  if (!text) return null;
  const t = text.replace(/[%％]$/, '').trim();
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
}

/**
 * The rows of the sheet: reports to write, the rows left empty (not reported this month), and every
 * problem. A row is empty when none of the columns the unit fills has a value (the prefilled project
 * and last month's figures do not count).
 */
export function checkReportRows(
  rows: SheetRow[],
  refs: RowRefs,
): { items: ReportItem[]; skipped: { row: number; code: string; name: string }[]; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const items: ReportItem[] = [];
  const skipped: { row: number; code: string; name: string }[] = [];
  const seen = new Map<string, number>();
  const monthStart = firstDay(refs.month);

  for (const { row, values: v, formulas } of rows) {
    const noResult = new Set(formulas);
    const before = errors.length;
    for (const key of noResult)
      errors.push({ row, column: columnOf(key), value: null, message: FORMULA_WITHOUT_RESULT });
    const err = (key: string, message: string, value = v[key] ?? null) => {
      if (!noResult.has(key)) errors.push({ row, column: columnOf(key), value, message });
    };
    const keys = Object.keys(v);
    const filled = keys.some((k) => (fillKeys.includes(k) || k.startsWith('fund:')) && v[k]) || noResult.size;
    const code = v.code ?? '';
    const project = code ? refs.projects.get(code.toLowerCase()) : undefined;
    if (!filled) {
      if (project) skipped.push({ row, code: project.code, name: project.name });
      continue;
    }
    if (!code) {
      err('code', '必填项不能为空');
      continue;
    }
    if (seen.has(code.toLowerCase())) {
      err('code', `与第 ${seen.get(code.toLowerCase())} 行的项目编号重复`);
      continue;
    }
    seen.set(code.toLowerCase(), row);
    if (!project) {
      err('code', '找不到该项目编号，或该项目不在您的管理范围内');
      continue;
    }
    if (!project.active) err('code', '该项目已停用，不能导入月报');

    // funding sources by column: a source the dictionary does not know is refused, not dropped
    const fundsInPlace: Record<string, string> = {};
    for (const k of keys.filter((k) => k.startsWith('fund:') && v[k])) {
      const code = refs.funds.get(k);
      if (!code) err(k, `资金来源「${k.slice(5)}」不在字典中(见「设置 → 字典管理」)`);
      else fundsInPlace[code] = v[k]!.replaceAll(',', '');
    }

    let percent = parsePercent(v.percentComplete ?? null);
    if (percent !== null && (Number.isNaN(percent) || percent < 0 || percent > 100)) {
      err('percentComplete', '应为 0-100 的数字，如 45 或 45%');
      percent = null;
    }

    const milestonesReached: { milestoneId: number; actualDate: string }[] = [];
    if (v.milestonesReached) {
      const parsed = parseMilestones(v.milestonesReached);
      if (!parsed) err('milestonesReached', '应写成 节点名称@实际日期，多个用；分隔，如 主体封顶@2026-10-20');
      for (const m of parsed ?? []) {
        const found = project.milestones.filter((x) => x.name === m.name);
        const problem = dateProblem(m.date);
        if (!found.length)
          err(
            'milestonesReached',
            project.milestones.length
              ? `「${m.name}」不是本年度计划中的节点(可选：${project.milestones.map((x) => x.name).join('、')})`
              : `「${m.name}」：该项目本年度计划没有节点`,
          );
        else if (problem) err('milestonesReached', `「${m.name}」：${problem}`);
        else if (m.date > refs.today) err('milestonesReached', `「${m.name}」：实际日期不能晚于今天`);
        else milestonesReached.push({ milestoneId: found[0]!.id, actualDate: m.date });
      }
    }

    let submittedOn: string | null = null;
    if (v.submittedOn) {
      const d = normalizeDate(v.submittedOn);
      const problem = dateProblem(d);
      if (problem) err('submittedOn', problem);
      else if (d > refs.today) err('submittedOn', `报送日期不能晚于今天(${refs.today})`);
      else if (d < monthStart) err('submittedOn', `报送日期不能早于该月 1 日(${monthStart})`);
      else submittedOn = d;
    }

    const amendReason = cleanText(v.amendReason);
    if (amendReason) {
      const r = reportAmend.shape.reason.safeParse(amendReason);
      if (!r.success) err('amendReason', r.error.issues[0]!.message);
    }

    // the form's own schema: required fields, amounts, lengths, the percentage's range
    const body = {
      investmentMonth: v.investmentMonth?.replaceAll(' ', '') ?? '',
      fundsInPlace,
      physicalProgress: cleanText(v.physicalProgress) ?? '',
      percentComplete: percent,
      landProgress: cleanText(v.landProgress),
      milestonesReached,
      problems: cleanText(v.problems),
      nextMonthPlan: cleanText(v.nextMonthPlan),
      signer: cleanText(v.signer),
    };
    const parsed = reportDraft.omit({ version: true }).safeParse(body);
    if (!parsed.success) {
      const seenPaths = new Set<string>();
      for (const issue of parsed.error.issues) {
        const [head, sub] = issue.path.map(String);
        const key = head === 'fundsInPlace' ? fundKeyOfCode(refs, sub!, keys) : head!;
        if (seenPaths.has(key)) continue;
        seenPaths.add(key);
        const empty = !v[key];
        err(key, empty && fillKeys.includes(key) ? '必填项不能为空' : issue.message);
      }
    }
    if (errors.length === before && parsed.success)
      items.push({ row, project, fields: parsed.data, submittedOn, amendReason });
  }
  return { items, skipped, errors };
}

/** The sheet column of a funding source's code (the column may have been written with its label). */
function fundKeyOfCode(refs: RowRefs, code: string, keys: string[]): string {
  return keys.find((k) => k.startsWith('fund:') && refs.funds.get(k) === code) ?? fundKey(code);
}

/** What Ducha holds for the month: the current report's comparable fields, status and first submission. */
export interface HeldReport {
  status: 'draft' | 'submitted' | 'verified' | 'returned';
  fields: ReportFields;
  /** first submission, China date; null when never submitted */
  firstSubmittedOn: string | null;
}

const money2 = (s: string) => new Decimal(s).toFixed(2);
const sortedFunds = (f: Record<string, string>) =>
  Object.entries(f)
    .map(([k, x]) => [k, money2(x)] as const)
    .sort(([a], [b]) => a.localeCompare(b));

/** The fields of a row that differ from the held report (the sheet's column keys), in column order. */
export function changedFields(a: ReportFields, b: ReportFields): string[] {
  const out: string[] = [];
  if (money2(a.investmentMonth) !== money2(b.investmentMonth)) out.push('investmentMonth');
  if (JSON.stringify(sortedFunds(a.fundsInPlace)) !== JSON.stringify(sortedFunds(b.fundsInPlace)))
    out.push('fundsInPlace');
  const text = (k: 'physicalProgress' | 'landProgress' | 'problems' | 'nextMonthPlan' | 'signer') =>
    cleanText(a[k] ?? null) !== cleanText(b[k] ?? null) && out.push(k);
  text('physicalProgress');
  const pa = a.percentComplete ?? null;
  const pb = b.percentComplete ?? null;
  if ((pa === null) !== (pb === null) || (pa !== null && pb !== null && Number(pa) !== Number(pb)))
    out.push('percentComplete');
  text('landProgress');
  const ms = (x: ReportFields) =>
    JSON.stringify(
      [...x.milestonesReached]
        .map((m) => [m.milestoneId, m.actualDate])
        .sort((p, q) => Number(p[0]) - Number(q[0])),
    );
  if (ms(a) !== ms(b)) out.push('milestonesReached');
  text('problems');
  text('nextMonthPlan');
  text('signer');
  return out;
}

export type Decision =
  | { action: Exclude<ReportImportAction, 'skipped'>; error?: undefined }
  | { action?: undefined; error: { key: string; message: string } };

/**
 * What a valid row does to the month's report in Ducha, under the form's workflow: a new report or a
 * draft / returned one is filed (submitted, or verified when the import verifies); a submitted or
 * verified report with the same figures is left alone (or verified); different figures on a submitted
 * report are refused (the office returns it first), on a verified one they are an amendment with the
 * row's 更正原因, else refused. A submission date never rewrites a submission already on record.
 */
export function decide(item: ReportItem, held: HeldReport | undefined, verify: boolean): Decision {
  if (!held) return { action: 'create' };
  if (
    item.submittedOn &&
    held.firstSubmittedOn &&
    held.firstSubmittedOn !== item.submittedOn &&
    (held.status === 'submitted' || held.status === 'verified')
  )
    return {
      error: {
        key: 'submittedOn',
        message: `该月报已于 ${held.firstSubmittedOn} 报送，报送日期不能更改`,
      },
    };
  if (held.status === 'draft' || held.status === 'returned') return { action: 'update' };
  const changed = changedFields(item.fields, held.fields);
  const what = changed.map((k) => (k === 'fundsInPlace' ? '到位资金' : columnOf(k))).join('、');
  if (held.status === 'submitted') {
    if (!changed.length) return { action: verify ? 'verify' : 'unchanged' };
    return {
      error: {
        key: changed[0] === 'fundsInPlace' ? 'investmentMonth' : changed[0]!,
        message: `该月报已报送待审核，表中的${what}与系统不同：如需修改，请先在系统中退回，或在审核时核对`,
      },
    };
  }
  // verified
  if (!changed.length) return { action: 'unchanged' };
  if (item.amendReason) return { action: 'amend' };
  return {
    error: {
      key: 'amendReason',
      message: `该月报已审核，表中的${what}与系统不同：如需更正，请在「更正原因」列写明原因`,
    },
  };
}

/** A negative month may not take the since-start total below zero (the form's rule), as a row problem. */
export const sinceStartProblem = (before: string, item: ReportItem) =>
  item.fields.investmentMonth.startsWith('-') ? sinceStartError(before, item.fields.investmentMonth) : null;
