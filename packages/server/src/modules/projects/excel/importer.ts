/**
 * Imports a 责任分解表. Dry run and commit share every step: parse, check every row against the
 * reference data, compare with what the database holds (idempotent by project code), and only on
 * commit with no errors write it all in one transaction. Plans arrive as drafts: the office
 * approves baselines. Set-based: a handful of queries whatever the row count.
 */
import { importColumns, type ImportResult, type Stage } from '@ducha/contract';
import { transaction, type Db, type Executor } from '../../../db/connection.ts';
import { actorOf, type Ctx } from '../../../platform/access/context.ts';
import { activeRegions, regionPathOf } from '../../../platform/regions.ts';
import { dictionaryLabels, dictionaryLookup } from '../../../platform/settings.ts';
import { todayInChina } from '../../../platform/time.ts';
import { activeOrg } from '../../org/index.ts';
import { canManageProject } from '../policy.ts';
import { diff, type Action } from './diff.ts';
import { checkRows, type Refs } from './import-rules.ts';
import { openWorkbook, readTable, UnreadableWorkbook, type ExcelJS } from '../../../platform/excel.ts';
import { loadState } from './state.ts';
import { write } from './write.ts';

const headers = Object.fromEntries(importColumns.map((c) => [c.header, c.key]));

async function loadRefs(db: Executor, ctx: Ctx): Promise<Refs> {
  const actor = actorOf(ctx);
  const [regions, sectors, sectorCodes, org, lists, projects] = await Promise.all([
    activeRegions(db),
    dictionaryLabels(db, 'sector'),
    dictionaryLookup(db, 'sector'),
    activeOrg(db),
    db
      .selectFrom('project_lists as l')
      .select([
        'l.id',
        'l.name',
        'l.year',
        'l.status',
        'l.batch_scheme',
        regionPathOf('l.region_code').as('path'),
      ])
      .execute(),
    db
      .selectFrom('projects')
      .select([
        'name',
        'code',
        'stage',
        'actual_start',
        'actual_completion',
        'actual_production',
        'reports_from',
      ])
      .execute(),
  ]);
  const { units, positions, people } = org;
  return {
    regions,
    sectors: new Set(sectors),
    sectorCodes,
    units: units.map((u) => ({ id: u.id, name: u.name, shortName: u.short_name })),
    positions: positions.map((p) => ({ id: p.id, name: p.name, unitName: p.unit_name })),
    people: people.map((p) => ({ id: p.id, name: p.name, unitName: p.unit_name })),
    lists: lists.map((l) => ({
      id: l.id,
      name: l.name,
      year: l.year,
      status: l.status,
      batchScheme: l.batch_scheme,
      regionPath: l.path,
    })),
    projectNames: new Map(projects.map((p) => [p.name, p.code])),
    recorded: new Map(
      projects.map((p) => [
        p.code.toLowerCase(),
        {
          stage: p.stage as Stage,
          actualStart: p.actual_start,
          actualCompletion: p.actual_completion,
          actualProduction: p.actual_production,
          reportsFrom: p.reports_from,
        },
      ]),
    ),
    canManage: (path) => canManageProject(actor, path),
    today: todayInChina(),
  };
}

export async function importProjects(
  db: Db,
  ctx: Ctx,
  file: Buffer,
  mode: 'dry-run' | 'commit',
): Promise<ImportResult> {
  const fail = (message: string): ImportResult => ({
    mode,
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    errors: [{ row: 0, column: '', value: null, message }],
    preview: [],
    committed: false,
    ignored: [],
  });
  let wb: ExcelJS.Workbook;
  try {
    // the import reads cell values only: drop-downs, conditional formats and extensions are skipped
    wb = await openWorkbook(file, { ignore: ['dataValidations', 'conditionalFormatting', 'extLst'] });
  } catch (e) {
    if (e instanceof UnreadableWorkbook) return fail(`无法读取文件：${e.reason}`);
    throw e;
  }
  const ws = wb.getWorksheet('责任分解表') ?? wb.worksheets[0];
  const table = ws && readTable(ws, headers, '项目编号');
  if (!table) return fail('找不到表头：第一张工作表的前 10 行中应有「项目编号」等列，请使用下载的模板');
  const required = importColumns.filter((c) => c.required).map((c) => c.header);
  const missing = table.missing.filter((h) => required.includes(h));
  if (missing.length) return fail(`缺少必填列：${missing.join('、')}`);

  const refs = await loadRefs(db, ctx);
  const { items, errors } = checkRows(table.rows, refs);
  const state = await loadState(db, actorOf(ctx), items);
  const diffs = items.map((i) => diff(i, state.get(i.code.toLowerCase()), errors));
  errors.sort((a, b) => a.row - b.row);
  const count = (a: Action) => diffs.filter((d) => d.action === a).length;
  const result: ImportResult = {
    mode,
    rows: table.rows.length,
    created: count('create'),
    updated: count('update'),
    unchanged: count('unchanged'),
    errors,
    preview: diffs.map((d) => ({ row: d.item.row, code: d.item.code, name: d.item.name, action: d.action })),
    committed: false,
    ignored: table.ignored,
  };
  if (mode === 'dry-run' || errors.length) return result;
  await transaction(db, (trx) =>
    write(
      trx,
      ctx,
      diffs.filter((d) => d.action !== 'unchanged'),
    ),
  );
  return { ...result, committed: true };
}
