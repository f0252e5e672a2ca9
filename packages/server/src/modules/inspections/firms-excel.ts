/**
 * The contracted firms in and out of .xlsx (issue 14), like the experts: the export is the list as
 * the caller sees it; the import is all or nothing (`rows[<Excel row>].<field>` errors), matching
 * firms by name within the region (updated) or creating them.
 */
import type { firmQuery } from '@ducha/contract';
import type { z } from 'zod';
import { transaction, type Db } from '../../db/connection.ts';
import { actorOf, type Ctx } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { ErrorDetail } from '../../platform/errors.ts';
import { addTable, ExcelJS, normalizeDate, dateProblem, toBuffer } from '../../platform/excel.ts';
import { listFirms } from './firms.ts';
import { PHONE, names, parseStatus, refuse, sheetRows } from './library-excel.ts';
import { managedRegion } from './library-repo.ts';

const headers = {
  名称: 'name',
  联系人: 'contact',
  电话: 'phone',
  合同起始: 'contractFrom',
  合同截止: 'contractTo',
  状态: 'status',
} as const;

export async function exportFirms(db: Db, ctx: Ctx, q: Partial<z.infer<typeof firmQuery>>) {
  const { items } = await listFirms(db, ctx, { page: 1, pageSize: 500, ...q });
  const wb = new ExcelJS.Workbook();
  addTable(
    wb,
    '技术机构',
    Object.keys(headers).map((header) => ({ header, width: header === '名称' ? 34 : 14 })),
    items.map((f) => [
      f.name,
      f.contact,
      f.phone,
      f.contractFrom ?? '',
      f.contractTo ?? '',
      f.active ? '在库' : '停用',
    ]),
  );
  return toBuffer(wb);
}

export async function importFirms(db: Db, ctx: Ctx, regionCode: string, file: Buffer) {
  await managedRegion(db, actorOf(ctx), regionCode);
  const rows = await sheetRows(file, headers, '名称');
  const errors: ErrorDetail[] = [];
  names(rows, errors, '名称', 100);
  const inputs = rows.map((r) => {
    const v = r.values;
    const at = (f: string) => `rows[${r.row}].${f}`;
    if (v.phone && !PHONE.test(v.phone))
      errors.push({ path: at('phone'), message: '电话只能包含数字、空格和 + - ( )' });
    const day = (f: 'contractFrom' | 'contractTo') => {
      const raw = v[f];
      if (!raw) return null;
      const d = normalizeDate(raw);
      const problem = dateProblem(d);
      if (problem) errors.push({ path: at(f), message: problem });
      return d;
    };
    const contractFrom = day('contractFrom');
    const contractTo = day('contractTo');
    if (contractFrom && contractTo && contractFrom > contractTo)
      errors.push({ path: at('contractTo'), message: '合同截止早于合同起始' });
    return {
      name: v.name ?? '',
      contact: (v.contact ?? '').slice(0, 40),
      phone: v.phone ?? '',
      contract_from: contractFrom,
      contract_to: contractTo,
      active: parseStatus(v.status ?? null, at('status'), errors),
    };
  });
  refuse(errors);
  return transaction(db, async (trx) => {
    const existing = new Map(
      (
        await trx
          .selectFrom('inspection_firms')
          .selectAll()
          .where('region_code', '=', regionCode)
          .forUpdate()
          .execute()
      ).map((f) => [f.name, f]),
    );
    let created = 0;
    let updated = 0;
    for (const { active, ...input } of inputs) {
      const before = existing.get(input.name);
      if (before) {
        const after = await trx
          .updateTable('inspection_firms')
          .set({ ...input, ...(active !== undefined ? { active } : {}), version: before.version + 1 })
          .where('id', '=', before.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, ctx, {
          entity: 'inspection_firm',
          entityId: before.id,
          action: 'update',
          before,
          after,
        });
        updated++;
      } else {
        const after = await trx
          .insertInto('inspection_firms')
          .values({ region_code: regionCode, ...input, active: active ?? true })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, ctx, {
          entity: 'inspection_firm',
          entityId: after.id,
          action: 'create',
          after,
        });
        created++;
      }
    }
    return { created, updated };
  });
}
