/** Writes rows into a 责任分解表 workbook (keys as in the contract's importColumns): demo data, tests and benchmarks use it. */
import { importColumns } from '@ducha/contract';
import { addTable, ExcelJS, toBuffer } from '../../../platform/excel.ts';

export async function buildResponsibilitySheet(
  rows: Record<string, string | null | undefined>[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  addTable(
    wb,
    '责任分解表',
    importColumns.map((c) => ({ header: c.required ? `${c.header}*` : c.header })),
    rows.map((r) => importColumns.map((c) => r[c.key] ?? null)),
  );
  return toBuffer(wb);
}
