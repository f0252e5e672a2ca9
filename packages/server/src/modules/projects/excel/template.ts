/**
 * The downloadable 责任分解表 template: the sheet to fill, how to fill it, and the names it may use.
 * Every header carries a note (formats and an example); closed lists (sectors, natures, stages,
 * batches) and the user's region's names (regions, lists, positions, units) are drop-downs from the
 * 字典 sheet, which holds only what lies in the user's region. The example row under the header
 * is marked 示例 in its first cell (序号), and the import skips it.
 */
import { batchSchemes, importColumns, investmentNatureLabels, stageLabels } from '@ducha/contract';
import type { Db } from '../../../db/connection.ts';
import { actorOf, type Ctx } from '../../../platform/access/context.ts';
import {
  addTable,
  addValidation,
  EXAMPLE_MARK,
  ExcelJS,
  toBuffer,
  type ValidationRule,
} from '../../../platform/excel.ts';
import { activeRegions, regionPathOf } from '../../../platform/regions.ts';
import { dictionaryLabels } from '../../../platform/settings.ts';
import { activeOrg } from '../../org/index.ts';

/** Rows the drop-downs and checks cover (the header is row 1, the example row 2). */
const LAST_ROW = 5000;
const DICT = '字典';

const staticExample: Record<string, string> = {
  code: 'XM-2026-001',
  name: '城区供热管网改造工程',
  sector: '城乡建设',
  nature: '政府投资',
  total: '12800',
  scale: '改造供热管网 36 公里，新建换热站 12 座',
  address: '城区',
  stage: '新开工',
  planYear: '2026',
  planned: '6000',
  target: '完成管网改造 20 公里',
  plannedStart: '2026-04-15',
  plannedCompletion: '2027-10-31',
  milestones: '开工建设@2026-04-15；主体管网完工@2026-10-15',
};

const inside = (path: string, root: string) => !root || path === root || path.startsWith(`${root}.`);

/** What the user's region holds: the names the sheet may use and the 字典 shows. */
async function regionNames(db: Db, ctx: Ctx) {
  const actor = actorOf(ctx);
  const root = actor.regionPath;
  const [regions, sectors, lists, org] = await Promise.all([
    activeRegions(db),
    dictionaryLabels(db, 'sector'),
    db
      .selectFrom('project_lists as l')
      .select(['l.name', 'l.year', 'l.batch_scheme', 'l.status', regionPathOf('l.region_code').as('path')])
      .orderBy('l.year', 'desc')
      .orderBy('l.name')
      .execute(),
    activeOrg(db),
  ]);
  const pathOf = new Map(regions.map((r) => [r.code, r.path]));
  const units = org.units.filter((u) => inside(pathOf.get(u.region_code) ?? '', root));
  const unitNames = new Set(units.map((u) => u.name));
  const positions = org.positions.filter((p) => unitNames.has(p.unit_name));
  const nameCount = new Map<string, number>();
  for (const p of org.positions) nameCount.set(p.name, (nameCount.get(p.name) ?? 0) + 1);
  return {
    regions: regions.filter((r) => inside(r.path, root)).sort((a, b) => a.path.localeCompare(b.path)),
    sectors,
    lists: lists.filter((l) => inside(l.path, root)),
    units,
    // a position whose name another also has is written 单位/职务, as the import reads it
    positions: positions.map((p) => ({
      value: (nameCount.get(p.name) ?? 0) > 1 ? `${p.unit_name}/${p.name}` : p.name,
      unit: p.unit_name,
    })),
    regionCode: actor.regionCode,
  };
}

export async function importTemplate(db: Db, ctx: Ctx): Promise<Buffer> {
  const names = await regionNames(db, ctx);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Ducha 督查';

  // 字典 first in memory (its ranges feed the drop-downs), added to the workbook last
  const dictRows: string[][] = [];
  const blocks = new Map<string, string>();
  const block = (category: string, values: [string, string][]) => {
    if (!values.length) return;
    const first = dictRows.length + 2;
    for (const [value, extra] of values) dictRows.push([category, value, extra]);
    blocks.set(category, `'${DICT}'!$B$${first}:$B$${dictRows.length + 1}`);
  };
  block(
    '所属区划',
    names.regions.map((r) => [r.name, `代码 ${r.code}`]),
  );
  block(
    '行业类别',
    names.sectors.map((s) => [s, '']),
  );
  block(
    '投资性质',
    Object.values(investmentNatureLabels).map((n) => [n, '']),
  );
  block(
    '项目阶段',
    Object.values(stageLabels).map((s) => [s, '']),
  );
  const batches = [...new Set(Object.values(batchSchemes).flat())];
  block(
    '批次',
    batches.map((b) => [b, '']),
  );
  block(
    '名单',
    names.lists.map((l) => [
      l.name,
      `${l.year} 年，批次：${batchSchemes[l.batch_scheme as keyof typeof batchSchemes].join('/')}${l.status === 'published' ? '(已发布，调入须审批)' : ''}`,
    ]),
  );
  block(
    '责任领导(职务)',
    names.positions.map((p) => [p.value, p.unit]),
  );
  block(
    '单位',
    names.units.map((u) => [u.name, u.short_name ? `简称：${u.short_name}` : '']),
  );

  const regionName = names.regions.find((r) => r.code === names.regionCode);
  const example: Record<string, string | null> = {
    ...staticExample,
    region: regionName?.code ?? names.regions[0]?.code ?? '230600',
    sector: names.sectors.includes(staticExample.sector!)
      ? staticExample.sector!
      : (names.sectors[0] ?? null),
    leader: names.positions[0]?.value ?? '分管城乡建设副市长',
    responsibleUnit: names.units[0]?.name ?? '住房和城乡建设局',
  };
  const columns = [
    { header: '序号', width: 6, note: `序号，可留空；填写「${EXAMPLE_MARK}」的行是示例，导入时忽略` },
    ...importColumns.map((c) => ({
      header: c.required ? `${c.header}*` : c.header,
      width: c.key === 'name' || c.key === 'scale' || c.key === 'milestones' ? 30 : undefined,
      note: c.note,
    })),
  ];
  const ws = addTable(wb, '责任分解表', columns, [
    [EXAMPLE_MARK, ...importColumns.map((c) => example[c.key] ?? null)],
  ]);
  columns.forEach((c, i) => (ws.getRow(1).getCell(i + 1).note = c.note));
  const exampleRow = ws.getRow(2);
  exampleRow.font = { italic: true, color: { argb: 'FF8C8C8C' } };

  const letter = (key: string) => ws.getColumn(importColumns.findIndex((c) => c.key === key) + 2).letter;
  const range = (key: string) => `${letter(key)}2:${letter(key)}${LAST_ROW}`;
  const pick = (key: string, category: string, strict: boolean) => {
    const formula = blocks.get(category);
    if (!formula) return;
    addValidation(ws, range(key), {
      type: 'list',
      formulae: [formula],
      strict,
      title: importColumns.find((c) => c.key === key)!.header,
      message: strict ? `请从下拉列表中选择(见「${DICT}」页)` : `不在「${DICT}」页的名单中，请核对名称`,
    });
  };
  pick('region', '所属区划', false); // codes are accepted as well
  pick('sector', '行业类别', true);
  pick('nature', '投资性质', true);
  pick('stage', '项目阶段', true);
  pick('batch', '批次', true);
  pick('listName', '名单', false);
  pick('leader', '责任领导(职务)', false); // 单位/职务 is accepted as well
  pick('responsibleUnit', '单位', false); // short names are accepted as well
  pick('owner', '单位', false);
  const money: ValidationRule = {
    type: 'decimal',
    operator: 'greaterThanOrEqual',
    formulae: [0],
    strict: true,
    title: '金额',
    message: '应为不小于 0 的数字，单位万元，最多两位小数',
  };
  for (const key of ['total', 'planned', ...Array.from({ length: 12 }, (_, i) => `m${i + 1}`)])
    addValidation(ws, range(key), money);
  addValidation(ws, range('planYear'), {
    type: 'whole',
    operator: 'between',
    formulae: [2000, 2100],
    strict: true,
    title: '计划年度',
    message: '应为四位年份，如 2026',
  });

  addTable(
    wb,
    '填写说明',
    [
      { header: '列', width: 22 },
      { header: '必填', width: 8 },
      { header: '说明', width: 90 },
    ],
    [
      ['序号', '', columns[0]!.note],
      ...importColumns.map((c) => [c.header, c.required ? '是' : '', c.note]),
      ['', '', ''],
      ['示例行', '', `第 2 行是示例(序号为「${EXAMPLE_MARK}」)，导入时忽略；可删除，也可保留。`],
      [
        '日期',
        '',
        '可写 2026-03-01、2026/3/1、2026年3月1日，或使用 Excel 日期单元格；不存在的日期(如 2026-02-30)会被指出。',
      ],
      [
        '下拉列表',
        '',
        `行业类别、投资性质、项目阶段、批次只能从下拉列表选择；区划、名单、职务、单位的下拉列表来自「${DICT}」页(仅含本辖区)，也可填写代码、简称或「单位/名称」。`,
      ],
      [
        '导入规则',
        '',
        '先预检：列出所有问题(行、列、值、原因)，不写入任何数据；没有问题才能确认导入，且整表一次性导入。',
      ],
      [
        '重复导入',
        '',
        '按项目编号识别：内容相同的行不做改动，内容变化的行更新。年度计划作为草稿导入，由重点办批准为基线。表中没有实际开工、实际竣工或实际投产列时(如旧版表格)，保留项目已登记的日期；有此列而单元格留空，即清除该日期。',
      ],
    ],
  );
  addTable(
    wb,
    DICT,
    [
      { header: '类别', width: 16 },
      { header: '可填写的值', width: 40 },
      { header: '补充', width: 40 },
    ],
    dictRows,
  );
  return toBuffer(wb);
}
