/** Reading and writing worksheets with exceljs: plain text out of any cell, and styled tables in. */
import ExcelJS from 'exceljs';

export { ExcelJS };
export { openWorkbook, UnreadableWorkbook } from './xlsx-package.ts';

/** A row whose first cell reads 示例 (示例、示例行、示例：…) is an example: templates mark theirs so. */
export const EXAMPLE_MARK = '示例';
const isExample = (text: string | null | undefined) => !!text && text.startsWith(EXAMPLE_MARK);

/** A cell as trimmed text: dates as YYYY-MM-DD, formulas by their result, rich text joined. */
export function cellText(value: ExcelJS.CellValue): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  // 15 significant digits drop binary noise (570.0699999999999 → 570.07) that Excel shows rounded
  if (typeof value === 'number') return String(Number(value.toPrecision(15)));
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') return value.trim() || null;
  if ('richText' in value)
    return (
      value.richText
        .map((r) => r.text)
        .join('')
        .trim() || null
    );
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text).trim() || null;
  if ('error' in value) return null;
  return null;
}

/**
 * A formula cell whose file stores no computed result: scripts (openpyxl) write formulas only, and
 * the result exists once Excel, WPS or LibreOffice has opened and saved the file.
 */
export function formulaWithoutResult(value: ExcelJS.CellValue): boolean {
  if (value === null || typeof value !== 'object' || value instanceof Date) return false;
  if (!('formula' in value) && !('sharedFormula' in value)) return false;
  const result = (value as { result?: unknown }).result;
  return result === undefined || result === null;
}

/** Excel's day numbers of 2000-01-01 and 2100-12-31: a date cell some producers leave as a plain number. */
const SERIAL_MIN = 36526;
const SERIAL_MAX = 73415;

/**
 * Normalizes 2026/3/1, 2026.3.1 and 2026年3月1日 to 2026-03-01; a whole number between Excel's day
 * numbers of 2000 and 2100 (a date cell whose format the reader did not recognise) to its date.
 */
export function normalizeDate(s: string): string {
  const text = s.trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (m) return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const serial = /^\d{5}$/.test(text) ? Number(text) : NaN;
  if (serial >= SERIAL_MIN && serial <= SERIAL_MAX)
    return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
  return text;
}

/** Why a normalized date is not one: its shape, or a day the calendar does not have (2026-02-30); null when fine. */
export function dateProblem(s: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return '日期格式应为 YYYY-MM-DD(也可写 2026/3/1、2026年3月1日)';
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12) return `日期不存在：没有 ${mo} 月`;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d < 1 || d > days) return `日期不存在：${y} 年 ${mo} 月只有 ${days} 天`;
  return null;
}

export const FORMULA_WITHOUT_RESULT =
  '单元格是公式，但文件中没有保存计算结果(由程序生成、未经表格软件计算的文件常见)：请在 Excel、WPS 或 LibreOffice 中打开并保存后再导入';

export interface SheetRow {
  /** the row number Excel shows */
  row: number;
  values: Record<string, string | null>;
  /** keys whose cell is a formula without a stored result (read as empty) */
  formulas?: string[];
}

/**
 * The data rows under the header row (found among the first 10 rows by `anchor`, e.g. 项目编号).
 * Headers are matched without a trailing * (required marks); empty rows are skipped, and so are
 * example rows (first cell 示例), whose numbers come back in `ignored`.
 */
export function readTable(
  ws: ExcelJS.Worksheet,
  headers: Record<string, string>,
  anchor: string,
): { rows: SheetRow[]; missing: string[]; ignored: number[] } | null {
  let headerRow = 0;
  for (let r = 1; r <= Math.min(10, ws.rowCount); r++) {
    const texts = (ws.getRow(r).values as ExcelJS.CellValue[]).map((v) => cellText(v)?.replace(/\*$/, ''));
    if (texts.includes(anchor)) {
      headerRow = r;
      break;
    }
  }
  if (!headerRow) return null;
  const columns = new Map<number, string>();
  ws.getRow(headerRow).eachCell((cell, col) => {
    const text = cellText(cell.value)?.replace(/\*$/, '').trim();
    const key = text ? headers[text] : undefined;
    if (key) columns.set(col, key);
  });
  const found = new Set(columns.values());
  const missing = Object.entries(headers)
    .filter(([, key]) => !found.has(key))
    .map(([header]) => header);
  const rows: SheetRow[] = [];
  const ignored: number[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (isExample(cellText(row.getCell(1).value))) {
      ignored.push(r);
      continue;
    }
    const values: Record<string, string | null> = {};
    let any = false;
    let formulas: string[] | undefined;
    for (const [col, key] of columns) {
      const value = row.getCell(col).value;
      const text = cellText(value);
      values[key] = text;
      if (text !== null) any = true;
      else if (formulaWithoutResult(value)) (formulas ??= []).push(key);
    }
    if (any || formulas) rows.push(formulas ? { row: r, values, formulas } : { row: r, values });
  }
  return { rows, missing, ignored };
}

/** Adds a sheet with a bold, frozen, filterable header row and the given rows. */
export function addTable(
  wb: ExcelJS.Workbook,
  name: string,
  columns: { header: string; width?: number; money?: boolean }[],
  rows: unknown[][],
) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    header: c.header,
    width: c.width ?? Math.max(10, c.header.length * 2 + 2),
    style: c.money ? { numFmt: '#,##0.00' } : {},
  }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0FE' } };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  for (const r of rows) ws.addRow(r);
  return ws;
}

/** A data-validation rule: a drop-down list or a number range; strict rules refuse other input, others warn. */
export interface ValidationRule {
  type: 'list' | 'decimal' | 'whole';
  formulae: (string | number)[];
  operator?: 'between' | 'greaterThanOrEqual';
  strict: boolean;
  title: string;
  message: string;
}

/** Adds a data validation (drop-down or check) over a range such as D2:D5000. */
export function addValidation(ws: ExcelJS.Worksheet, range: string, rule: ValidationRule) {
  // exceljs has the collection but not its type
  const validations = (
    ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  validations.add(range, {
    type: rule.type,
    formulae: rule.formulae,
    operator: rule.operator,
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: rule.strict ? 'stop' : 'warning',
    errorTitle: rule.title,
    error: rule.message,
  });
}

export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export { XLSX_TYPE } from './files.ts';
