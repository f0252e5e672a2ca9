/**
 * Imports a month's 月度信息报表. Dry run and commit share every step: read the sheet, check every row
 * with the form's rules, compare with the month's reports in Ducha, and only on commit with no
 * problems write it all in one transaction (the projects locked, the state read again inside it).
 * Each row becomes a report filed by the office on the unit's behalf: submitted, or verified when the
 * office says it checked the figures; `source = 'import'` with who imported it and when; its first
 * submission is the sheet's 报送日期 when given (a back-filled month keeps its timeliness), else now.
 */
import {
  fundColumnHeader,
  fundColumnPattern,
  reportImportColumns,
  type ImportError,
  type ReportImportResult,
} from '@ducha/contract';
import { transaction, type Db, type Executor, type Trx } from '../../../db/connection.ts';
import { actorOf, type Actor, type Ctx } from '../../../platform/access/context.ts';
import { recordAudits, type AuditInput } from '../../../platform/audit/audit.ts';
import {
  cellText,
  openWorkbook,
  readTable,
  UnreadableWorkbook,
  type ExcelJS,
} from '../../../platform/excel.ts';
import { dictionaryLookup } from '../../../platform/settings.ts';
import { todayInChina } from '../../../platform/time.ts';
import { lockProjectRow, projectFacts, readableProjects, yearMilestonesOf } from '../../projects/index.ts';
import { deadlineResolver } from '../calendar.ts';
import { canVerifyReport } from '../policy.ts';
import { chinaDate } from '../repo.ts';
import { applyMilestones, columns, copyAttachments, parseMonth } from '../reports.ts';
import { timeliness } from '../rules.ts';
import {
  checkReportRows,
  decide,
  fundKey,
  sinceStartProblem,
  type HeldReport,
  type ReportFields,
  type ReportItem,
  type SheetProject,
} from './import-rules.ts';

export const SHEET_NAME = '月度信息报表';
const ANCHOR = '项目编号';

/** The projects the actor may file and verify reports for (active and inactive), with their region path. */
export async function sheetProjects(db: Executor, actor: Actor) {
  return (await readableProjects(db, actor, { includeInactive: true })).filter((p) =>
    canVerifyReport(actor, projectFacts(p)),
  );
}

/** Since-start before month y-m of each project (current submitted and verified versions). */
export async function sinceStartBefore(db: Executor, ids: readonly number[], y: number, m: number) {
  if (!ids.length) return new Map<number, string>();
  const rows = await db
    .selectFrom('monthly_reports')
    .select(['project_id', (eb) => eb.fn.sum<string>('investment_month').as('total')])
    .where('project_id', 'in', ids)
    .where('current', '=', true)
    .where('status', 'in', ['submitted', 'verified'])
    .where((eb) => eb.or([eb('year', '<', y), eb.and([eb('year', '=', y), eb('month', '<', m)])]))
    .groupBy('project_id')
    .execute();
  return new Map(rows.map((r) => [r.project_id, String(r.total)]));
}

/** The current reports of month y-m of some projects, by project. */
export async function monthReports(db: Executor, ids: readonly number[], y: number, m: number) {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('monthly_reports')
    .selectAll()
    .where('project_id', 'in', ids)
    .where('year', '=', y)
    .where('month', '=', m)
    .where('current', '=', true)
    .execute();
  return new Map(rows.map((r) => [r.project_id, r]));
}
type MonthRow = Awaited<ReturnType<typeof monthReports>> extends Map<number, infer R> ? R : never;

/** A stored report's fields in the form's shape (for comparing with a row, and for the sheet). */
export function fieldsOf(r: {
  investment_month: string;
  funds_in_place: Record<string, string>;
  physical_progress: string;
  percent_complete: string | null;
  land_progress: string | null;
  milestones_reached: { milestoneId: number; actualDate: string }[];
  problems: string | null;
  next_month_plan: string | null;
  signer: string | null;
}): ReportFields {
  return {
    investmentMonth: r.investment_month,
    fundsInPlace: r.funds_in_place,
    physicalProgress: r.physical_progress,
    percentComplete: r.percent_complete === null ? null : Number(r.percent_complete),
    landProgress: r.land_progress,
    milestonesReached: r.milestones_reached,
    problems: r.problems,
    nextMonthPlan: r.next_month_plan,
    signer: r.signer,
  };
}

/** The header row's columns: the fixed ones by header, funding sources by 到位资金-名称(万元). */
function headersOf(ws: ExcelJS.Worksheet): Record<string, string> {
  const headers: Record<string, string> = Object.fromEntries(
    reportImportColumns.map((c) => [c.header, c.key]),
  );
  for (let r = 1; r <= Math.min(10, ws.rowCount); r++) {
    const texts = (ws.getRow(r).values as ExcelJS.CellValue[]).map((v) => cellText(v)?.replace(/\*$/, ''));
    if (!texts.includes(ANCHOR)) continue;
    for (const t of texts) {
      const label = t ? fundColumnPattern.exec(t)?.[1] : undefined;
      if (label) headers[t!] = fundKey(label);
    }
    break;
  }
  return headers;
}

/** The month a sheet says it is for (its title: 2026年10月 …), if any. */
function sheetMonth(ws: ExcelJS.Worksheet): string | null {
  for (let r = 1; r <= Math.min(3, ws.rowCount); r++) {
    const text = cellText(ws.getRow(r).getCell(1).value);
    const m = text ? /(\d{4})\s*年\s*(\d{1,2})\s*月/.exec(text) : null;
    if (m) return `${m[1]}-${m[2]!.padStart(2, '0')}`;
  }
  return null;
}

const monthLabel = (ym: string) => `${ym.slice(0, 4)}年${Number(ym.slice(5, 7))}月`;

/** A submission on a China date: noon that day (so the date is the same in any zone), never later than now. */
const submissionAt = (date: string | null, now: Date) => {
  if (!date) return now;
  const at = new Date(`${date}T12:00:00+08:00`);
  return at > now ? now : at;
};

interface Planned {
  item: ReportItem;
  action: 'create' | 'update' | 'amend' | 'verify' | 'unchanged';
  held: MonthRow | undefined;
}

interface Checked {
  result: ReportImportResult;
  planned: Planned[];
}

export async function importReports(
  db: Db,
  ctx: Ctx,
  file: Buffer,
  o: { month: string; mode: 'dry-run' | 'commit'; verify: boolean },
): Promise<ReportImportResult> {
  const base: ReportImportResult = {
    mode: o.mode,
    month: o.month,
    rows: 0,
    created: 0,
    updated: 0,
    amended: 0,
    verified: 0,
    unchanged: 0,
    skipped: 0,
    errors: [],
    preview: [],
    committed: false,
    ignored: [],
  };
  const fail = (message: string): ReportImportResult => ({
    ...base,
    errors: [{ row: 0, column: '', value: null, message }],
  });
  const today = todayInChina();
  if (o.month > today.slice(0, 7)) return fail(`不能导入未来月份(${monthLabel(o.month)})的月报`);
  let wb: ExcelJS.Workbook;
  try {
    wb = await openWorkbook(file, { ignore: ['dataValidations', 'conditionalFormatting', 'extLst'] });
  } catch (e) {
    if (e instanceof UnreadableWorkbook) return fail(`无法读取文件：${e.reason}`);
    throw e;
  }
  const ws = wb.getWorksheet(SHEET_NAME) ?? wb.worksheets[0];
  if (!ws) return fail('找不到工作表：请使用下载的月度信息报表');
  const table = readTable(ws, headersOf(ws), ANCHOR);
  if (!table)
    return fail(`找不到表头：第一张工作表的前 10 行中应有「${ANCHOR}」等列，请使用下载的月度信息报表`);
  const required: string[] = reportImportColumns.filter((c) => c.required).map((c) => c.header);
  const missing = table.missing.filter((h) => required.includes(h));
  if (missing.length) return fail(`缺少必填列：${missing.join('、')}`);
  const said = sheetMonth(ws);
  if (said && said !== o.month)
    return fail(`文件是 ${monthLabel(said)} 的月度信息报表，与所选月份 ${monthLabel(o.month)} 不一致`);

  const check = async (ex: Executor): Promise<Checked> => {
    const actor = actorOf(ctx);
    const { y, m } = parseMonth(o.month);
    const projects = await sheetProjects(ex, actor);
    const byCode = new Map<string, SheetProject & { path: string }>();
    for (const p of projects)
      byCode.set(p.code.toLowerCase(), {
        id: p.id,
        code: p.code,
        name: p.name,
        active: p.active,
        path: p.region_path,
        milestones: [],
      });
    // only the projects the sheet names need their milestones (read together)
    const named = new Set<SheetProject & { path: string }>();
    for (const r of table.rows) {
      const p = r.values.code ? byCode.get(r.values.code.toLowerCase()) : undefined;
      if (p) named.add(p);
    }
    const milestonesOf = await yearMilestonesOf(
      ex,
      [...named].map((p) => p.id),
      y,
    );
    for (const p of named)
      p.milestones = (milestonesOf.get(p.id) ?? []).map((x) => ({ id: x.id, name: x.name }));
    const funds = new Map<string, string>();
    for (const [text, code] of await dictionaryLookup(ex, 'funding_source')) funds.set(fundKey(text), code);
    const { items, skipped, errors } = checkReportRows(table.rows, {
      month: o.month,
      today,
      projects: byCode,
      funds,
    });
    const ids = items.map((i) => i.project.id);
    const [held, before] = await Promise.all([monthReports(ex, ids, y, m), sinceStartBefore(ex, ids, y, m)]);
    const deadline = deadlineResolver(ex);
    const planned: Planned[] = [];
    const preview: ReportImportResult['preview'] = [];
    const column = (key: string) =>
      reportImportColumns.find((c) => c.key === key)?.header ??
      (key.startsWith('fund:') ? fundColumnHeader(key.slice(5)) : key);
    for (const item of items) {
      const h = held.get(item.project.id);
      const err = (key: string, message: string): ImportError => ({
        row: item.row,
        column: column(key),
        value: table.rows.find((r) => r.row === item.row)?.values[key] ?? null,
        message,
      });
      const since = sinceStartProblem(before.get(item.project.id) ?? '0', item);
      if (since) {
        errors.push(err('investmentMonth', since));
        continue;
      }
      const d = decide(item, h ? heldOf(h) : undefined, o.verify);
      if (d.error) {
        errors.push(err(d.error.key, d.error.message));
        continue;
      }
      planned.push({ item, action: d.action, held: h });
      const first = h?.first_submitted_at ? chinaDate(h.first_submitted_at) : null;
      const submittedOn = first ?? item.submittedOn ?? today;
      const status =
        d.action === 'unchanged'
          ? (h!.status as 'submitted' | 'verified')
          : o.verify || d.action === 'amend'
            ? 'verified'
            : 'submitted';
      const path = byCode.get(item.project.code.toLowerCase())!.path;
      preview.push({
        row: item.row,
        code: item.project.code,
        name: item.project.name,
        action: d.action,
        status,
        submittedOn,
        timeliness: timeliness(submittedOn, await deadline(path, y, m)),
      });
    }
    for (const s of skipped)
      preview.push({ ...s, action: 'skipped', status: null, submittedOn: null, timeliness: null });
    preview.sort((a, b) => a.row - b.row);
    errors.sort((a, b) => a.row - b.row);
    const count = (a: string) => preview.filter((p) => p.action === a).length;
    return {
      planned,
      result: {
        ...base,
        rows: table.rows.length,
        created: count('create'),
        updated: count('update'),
        amended: count('amend'),
        verified: count('verify'),
        unchanged: count('unchanged'),
        skipped: count('skipped'),
        errors,
        preview: errors.length ? preview.filter((p) => !errors.some((e) => e.row === p.row)) : preview,
        ignored: table.ignored,
      },
    };
  };

  if (o.mode === 'dry-run') return (await check(db)).result;
  return transaction(db, async (trx) => {
    // lock the sheet's projects, then read the month again inside the transaction: all or nothing
    const codes = new Set(table.rows.map((r) => r.values.code?.toLowerCase()).filter(Boolean));
    const ids = (await sheetProjects(trx, actorOf(ctx)))
      .filter((p) => codes.has(p.code.toLowerCase()))
      .map((p) => p.id)
      .sort((a, b) => a - b);
    for (const id of ids) await lockProjectRow(trx, id);
    const { result, planned } = await check(trx);
    if (result.errors.length) return result;
    await write(trx, ctx, planned, o.verify, parseMonth(o.month));
    return { ...result, committed: true };
  });
}

const heldOf = (r: MonthRow): HeldReport => ({
  status: r.status as HeldReport['status'],
  fields: fieldsOf(r),
  firstSubmittedOn: r.first_submitted_at ? chinaDate(r.first_submitted_at) : null,
});

async function write(
  trx: Trx,
  ctx: Ctx,
  planned: Planned[],
  verify: boolean,
  { y, m }: { y: number; m: number },
) {
  const actor = actorOf(ctx);
  const now = new Date();
  const imported = { source: 'import', imported_by: actor.id, imported_at: now };
  const audits: AuditInput[] = [];
  const reason = verify ? 'Excel 导入(导入即审核)' : 'Excel 导入';
  for (const { item, action, held } of planned) {
    if (action === 'unchanged') continue;
    const at = submissionAt(item.submittedOn, now);
    const verified = { verified_by: actor.id, verified_at: now };
    let id: number;
    let auditAction = 'report_import';
    let auditReason: string | null = reason;
    if (action === 'create') {
      ({ id } = await trx
        .insertInto('monthly_reports')
        .values({
          ...columns(item.fields),
          project_id: item.project.id,
          year: y,
          month: m,
          status: verify ? 'verified' : 'submitted',
          first_submitted_at: at,
          submitted_at: at,
          created_by: actor.id,
          ...imported,
          ...(verify ? verified : {}),
        })
        .returning('id')
        .executeTakeFirstOrThrow());
    } else if (action === 'update') {
      id = held!.id;
      await trx
        .updateTable('monthly_reports')
        .set({
          ...columns(item.fields),
          status: verify ? 'verified' : 'submitted',
          first_submitted_at: held!.first_submitted_at ?? at,
          submitted_at: at,
          version: held!.version + 1,
          updated_at: now,
          ...imported,
          ...(verify ? verified : {}),
        })
        .where('id', '=', id)
        .execute();
    } else if (action === 'verify') {
      id = held!.id;
      auditAction = 'report_verify';
      auditReason = 'Excel 导入审核';
      await trx
        .updateTable('monthly_reports')
        .set({ status: 'verified', version: held!.version + 1, updated_at: now, ...verified })
        .where('id', '=', id)
        .execute();
    } else {
      // amend: a new verified version with the row's reason; the verified one stays readable
      auditAction = 'report_amend';
      auditReason = item.amendReason;
      await trx.updateTable('monthly_reports').set({ current: false }).where('id', '=', held!.id).execute();
      ({ id } = await trx
        .insertInto('monthly_reports')
        .values({
          ...columns(item.fields),
          project_id: item.project.id,
          year: y,
          month: m,
          amendment: held!.amendment + 1,
          status: 'verified',
          first_submitted_at: held!.first_submitted_at,
          submitted_at: held!.submitted_at,
          amendment_reason: item.amendReason,
          created_by: actor.id,
          ...imported,
          ...verified,
        })
        .returning('id')
        .executeTakeFirstOrThrow());
      await copyAttachments(trx, held!.id, id);
    }
    if (verify || action === 'amend' || action === 'verify') {
      const reached = action === 'verify' ? held!.milestones_reached : item.fields.milestonesReached;
      await applyMilestones(trx, ctx, item.project.id, reached);
    }
    audits.push({
      entity: 'report',
      entityId: id,
      action: auditAction,
      before: held ? { status: held.status, amendment: held.amendment } : {},
      after: {
        status: action === 'create' || action === 'update' ? (verify ? 'verified' : 'submitted') : 'verified',
        investmentMonth: item.fields.investmentMonth,
        source: action === 'verify' ? held!.source : 'import',
        submittedOn: chinaDate(action === 'create' ? at : (held!.first_submitted_at ?? at)),
      },
      reason: auditReason,
    });
  }
  await recordAudits(trx, ctx, audits);
}
