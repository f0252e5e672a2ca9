/**
 * Experts and inspectors in and out of .xlsx (issue 14). The export is the filtered list as the
 * actor sees it (phones masked for leaders); the import is all-or-nothing: every row is checked
 * first and any error answers 400 with `details: [{path: 'rows[<Excel row>].<field>', message}]`;
 * otherwise rows are matched by name within the region (updated) or created, in one transaction.
 * Firms are matched by name among the region's firms; specialties by the dictionary's label or code.
 */
import type { expertQuery, inspectorQuery } from '@ducha/contract';
import { inspectorRoles } from '@ducha/contract';
import type { z } from 'zod';
import { transaction, type Db } from '../../db/connection.ts';
import { actorOf, type Actor, type Ctx } from '../../platform/access/context.ts';
import { DomainError, invalid, type ErrorDetail } from '../../platform/errors.ts';
import {
  addTable,
  ExcelJS,
  openWorkbook,
  readTable,
  toBuffer,
  UnreadableWorkbook,
  type SheetRow,
} from '../../platform/excel.ts';
import { dictionaryLookup } from '../../platform/settings.ts';
import { allExperts, insertExpert, patchExpert } from './experts.ts';
import { allInspectors, insertInspector, patchInspector } from './inspectors.ts';
import { managedRegion } from './library-repo.ts';

const expertHeaders = {
  姓名: 'name',
  专业: 'specialty',
  职称: 'title',
  工作单位: 'employer',
  技术机构: 'firm',
  电话: 'phone',
  可用时段: 'availability',
  回避说明: 'conflictNote',
  状态: 'status',
} as const;
const inspectorHeaders = { 姓名: 'name', 角色: 'role', 电话: 'phone', 状态: 'status' } as const;

const windowsText = (w: { from: string; to: string }[]) => w.map((x) => `${x.from}~${x.to}`).join('；');
const statusText = (active: boolean) => (active ? '在库' : '停用');

export async function exportExperts(db: Db, ctx: Ctx, q: Partial<z.infer<typeof expertQuery>>) {
  const rows = await allExperts(db, actorOf(ctx), q);
  const wb = new ExcelJS.Workbook();
  addTable(
    wb,
    '专家库',
    Object.keys(expertHeaders).map((header) => ({ header, width: header === '工作单位' ? 30 : 14 })),
    rows.map((e) => [
      e.name,
      e.specialty,
      e.title,
      e.employer,
      e.firm ?? '',
      e.phone,
      windowsText(e.availability),
      e.conflictNote,
      statusText(e.active),
    ]),
  );
  return toBuffer(wb);
}

export async function exportInspectors(db: Db, ctx: Ctx, q: Partial<z.infer<typeof inspectorQuery>>) {
  const rows = await allInspectors(db, actorOf(ctx), q);
  const wb = new ExcelJS.Workbook();
  addTable(
    wb,
    '稽察人员名录',
    Object.keys(inspectorHeaders).map((header) => ({ header, width: 16 })),
    rows.map((i) => [i.name, i.role, i.phone, statusText(i.active)]),
  );
  return toBuffer(wb);
}

export async function sheetRows(
  file: Buffer,
  headers: Record<string, string>,
  anchor = '姓名',
): Promise<SheetRow[]> {
  let wb: ExcelJS.Workbook;
  try {
    wb = await openWorkbook(file, { ignore: ['dataValidations', 'conditionalFormatting', 'extLst'] });
  } catch (e) {
    if (e instanceof UnreadableWorkbook) throw invalid('body', `无法读取文件：${e.reason}`);
    throw e;
  }
  const ws = wb.worksheets[0];
  const table = ws && readTable(ws, headers, anchor);
  if (!table) throw invalid('body', `找不到表头：第一张工作表的前 10 行中应有「${anchor}」等列`);
  const missing = table.missing.filter((h) => h === anchor || h === '专业' || h === '角色');
  if (missing.length) throw invalid('body', `缺少必填列：${missing.join('、')}`);
  if (!table.rows.length) throw invalid('body', '文件中没有数据行');
  return table.rows;
}

export const PHONE = /^[0-9+\-() ]*$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** 可用时段 as written: "2026-03-01~2026-06-30；2026-09-01~2026-12-31" (；, ; or a new line between). */
export function parseWindows(text: string): { from: string; to: string }[] | string {
  const parts = text
    .split(/[;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
  const out = [];
  for (const p of parts) {
    const [from, to] = p.split(/\s*[~～至]\s*/);
    if (!from || !to || !DAY.test(from) || !DAY.test(to)) return `时段「${p}」应写作 YYYY-MM-DD~YYYY-MM-DD`;
    if (from > to) return `时段「${p}」的结束日期早于开始日期`;
    out.push({ from, to });
  }
  return out;
}

export function parseStatus(v: string | null, at: string, errors: ErrorDetail[]): boolean | undefined {
  if (!v) return undefined;
  if (v === '在库' || v === '启用') return true;
  if (v === '停用') return false;
  errors.push({ path: at, message: '状态应为「在库」或「停用」' });
  return undefined;
}

export function refuse(errors: ErrorDetail[]): void {
  if (errors.length) throw new DomainError('VALIDATION', 400, errors);
}

export function names(rows: SheetRow[], errors: ErrorDetail[], label = '姓名', max = 40) {
  const seen = new Map<string, number>();
  for (const r of rows) {
    const name = r.values.name;
    if (!name) errors.push({ path: `rows[${r.row}].name`, message: `${label}不能为空` });
    else if (name.length > max)
      errors.push({ path: `rows[${r.row}].name`, message: `${label}不能超过 ${max} 个字` });
    else if (seen.has(name))
      errors.push({
        path: `rows[${r.row}].name`,
        message: `与第 ${seen.get(name)} 行重名（按${label}匹配，须唯一）`,
      });
    else seen.set(name, r.row);
  }
}

/**
 * Writes a sheet's rows into a library by name: a name already there is patched, a new one
 * inserted (and deactivated when its 状态 says 停用).
 */
async function upsertByName<I extends { name: string }>(
  existing: Map<string, number>,
  inputs: (I & { active: boolean | undefined })[],
  patch: (id: number, input: Partial<I> & { active?: boolean }) => Promise<unknown>,
  insert: (input: I) => Promise<number>,
) {
  let created = 0;
  let updated = 0;
  for (const { active, ...rest } of inputs) {
    const input = rest as unknown as I;
    const id = existing.get(input.name);
    if (id) {
      await patch(id, { ...input, ...(active !== undefined ? { active } : {}) });
      updated++;
    } else {
      const newId = await insert(input);
      if (active === false) await patch(newId, { active } as Partial<I> & { active: boolean });
      created++;
    }
  }
  return { created, updated };
}

/** The ids of a region's library records by name. */
const idsByName = async (rows: Promise<{ id: number; name: string }[]>) =>
  new Map((await rows).map((e) => [e.name, e.id]));

/** Experts from a sheet into the library of `regionCode`, all or nothing. */
export async function importExperts(db: Db, ctx: Ctx, regionCode: string, file: Buffer) {
  const a = actorOf(ctx);
  await managedRegion(db, a, regionCode);
  const rows = await sheetRows(file, expertHeaders);
  const specialties = await dictionaryLookup(db, 'expert_specialty');
  const firms = new Map(
    (
      await db
        .selectFrom('inspection_firms')
        .select(['id', 'name'])
        .where('region_code', '=', regionCode)
        .where('active', '=', true)
        .execute()
    ).map((f) => [f.name, f.id]),
  );
  const errors: ErrorDetail[] = [];
  names(rows, errors);
  const inputs = rows.map((r) => {
    const v = r.values;
    const at = (f: string) => `rows[${r.row}].${f}`;
    const specialty = v.specialty ? specialties.get(v.specialty) : undefined;
    if (!v.specialty) errors.push({ path: at('specialty'), message: '专业不能为空' });
    else if (!specialty)
      errors.push({ path: at('specialty'), message: `「${v.specialty}」不是已配置的专家专业` });
    const firmId = v.firm ? firms.get(v.firm) : null;
    if (v.firm && !firmId)
      errors.push({ path: at('firm'), message: `本区划没有名为「${v.firm}」的在用技术机构` });
    if (v.phone && !PHONE.test(v.phone))
      errors.push({ path: at('phone'), message: '电话只能包含数字、空格和 + - ( )' });
    const windows = parseWindows(v.availability ?? '');
    if (typeof windows === 'string') errors.push({ path: at('availability'), message: windows });
    for (const [f, max] of [
      ['title', 40],
      ['employer', 100],
      ['conflictNote', 500],
    ] as const)
      if ((v[f]?.length ?? 0) > max) errors.push({ path: at(f), message: `不能超过 ${max} 个字` });
    return {
      name: v.name ?? '',
      specialty: specialty ?? '',
      title: v.title ?? '',
      employer: v.employer ?? '',
      firmId: firmId ?? null,
      phone: v.phone ?? '',
      availability: typeof windows === 'string' ? [] : windows,
      conflictNote: v.conflictNote ?? '',
      active: parseStatus(v.status ?? null, at('status'), errors),
    };
  });
  refuse(errors);
  return transaction(db, async (trx) =>
    upsertByName(
      await idsByName(
        trx
          .selectFrom('inspection_experts')
          .select(['id', 'name'])
          .where('region_code', '=', regionCode)
          .execute(),
      ),
      inputs,
      (id, input) => patchExpert(trx, ctx, id, input),
      (input) =>
        insertExpert(trx, ctx, {
          regionCode,
          ...input,
          employerUnitId: null,
          conflictUnitIds: [],
          conflictProjectIds: [],
          userId: null,
        }),
    ),
  );
}

/** Inspectors from a sheet into the library of `regionCode`, all or nothing. */
export async function importInspectors(db: Db, ctx: Ctx, regionCode: string, file: Buffer) {
  const a: Actor = actorOf(ctx);
  await managedRegion(db, a, regionCode);
  const rows = await sheetRows(file, inspectorHeaders);
  const errors: ErrorDetail[] = [];
  names(rows, errors);
  const inputs = rows.map((r) => {
    const v = r.values;
    const at = (f: string) => `rows[${r.row}].${f}`;
    const role = inspectorRoles.find((x) => x === v.role);
    if (!role) errors.push({ path: at('role'), message: `角色应为：${inspectorRoles.join('、')}` });
    if (v.phone && !PHONE.test(v.phone))
      errors.push({ path: at('phone'), message: '电话只能包含数字、空格和 + - ( )' });
    return {
      name: v.name ?? '',
      role: role ?? inspectorRoles[0],
      phone: v.phone ?? '',
      active: parseStatus(v.status ?? null, at('status'), errors),
    };
  });
  refuse(errors);
  return transaction(db, async (trx) =>
    upsertByName(
      await idsByName(
        trx.selectFrom('inspectors').select(['id', 'name']).where('region_code', '=', regionCode).execute(),
      ),
      inputs,
      (id, input) => patchInspector(trx, ctx, id, input),
      (input) => insertInspector(trx, ctx, { regionCode, ...input, unitId: null, userId: null }),
    ),
  );
}
