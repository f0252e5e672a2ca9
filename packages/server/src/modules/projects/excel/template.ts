/** The downloadable 责任分解表 template: the sheet to fill, how to fill it, and the names it may use. */
import { batchSchemes, importColumns, investmentNatureLabels, stageLabels } from '@ducha/contract';
import type { Db } from '../../../db/connection.ts';
import { addTable, ExcelJS, toBuffer } from '../../../platform/excel.ts';
import { dictionaryLabels } from '../../../platform/settings.ts';
import { activeOrg } from '../../org/index.ts';

const example: Record<string, string> = {
  code: 'DQ-2026-001',
  name: '大庆市城区供热管网改造工程',
  region: '230600',
  sector: '城乡建设',
  nature: '政府投资',
  total: '12800',
  scale: '改造供热管网 36 公里，新建换热站 12 座',
  address: '萨尔图区、让胡路区',
  stage: '新开工',
  leader: '分管城乡建设副市长',
  responsibleUnit: '大庆市住房和城乡建设局',
  planYear: '2026',
  planned: '6000',
  target: '完成管网改造 20 公里',
  plannedStart: '2026-04-15',
  plannedCompletion: '2027-10-31',
  milestones: '开工建设@2026-04-15；主体管网完工@2026-10-15',
};

export async function importTemplate(db: Db): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Ducha 督查';
  const ws = addTable(
    wb,
    '责任分解表',
    importColumns.map((c) => ({
      header: c.required ? `${c.header}*` : c.header,
      width: c.key === 'name' || c.key === 'scale' ? 30 : undefined,
    })),
    [importColumns.map((c) => example[c.key] ?? null)],
  );
  importColumns.forEach((c, i) => {
    if ('note' in c && c.note) ws.getRow(1).getCell(i + 1).note = c.note;
  });
  addTable(
    wb,
    '填写说明',
    [
      { header: '列', width: 22 },
      { header: '必填', width: 8 },
      { header: '说明', width: 70 },
    ],
    [
      ...importColumns.map((c) => [c.header, c.required ? '是' : '', 'note' in c ? c.note : '']),
      ['', '', ''],
      [
        '导入规则',
        '',
        '先预检：列出所有问题(行、列、值、原因)，不写入任何数据；没有问题才能确认导入，且整表一次性导入。',
      ],
      [
        '重复导入',
        '',
        '按项目编号识别：内容相同的行不做改动，内容变化的行更新。年度计划作为草稿导入，由重点办批准为基线。',
      ],
    ],
  );
  const [sectors, lists, org] = await Promise.all([
    dictionaryLabels(db, 'sector'),
    db
      .selectFrom('project_lists')
      .select(['name', 'year', 'batch_scheme', 'status'])
      .orderBy('year', 'desc')
      .execute(),
    activeOrg(db),
  ]);
  const positions = org.positions.map((p) => ({ name: p.name, unit: p.unit_name }));
  const units = org.units;
  addTable(
    wb,
    '字典',
    [
      { header: '类别', width: 16 },
      { header: '可填写的值', width: 40 },
      { header: '补充', width: 40 },
    ],
    [
      ...sectors.map((s) => ['行业类别', s, '']),
      ...Object.values(investmentNatureLabels).map((n) => ['投资性质', n, '']),
      ...Object.values(stageLabels).map((s) => ['项目阶段', s, '']),
      ...lists.map((l) => [
        '名单',
        l.name,
        `${l.year} 年，批次：${batchSchemes[l.batch_scheme as keyof typeof batchSchemes].join('/')}${l.status === 'published' ? '(已发布，调入须审批)' : ''}`,
      ]),
      ...positions.map((p) => ['责任领导(职务)', p.name, `${p.unit}；同名时写成 ${p.unit}/${p.name}`]),
      ...units.map((u) => ['单位', u.name, u.short_name ? `简称：${u.short_name}` : '']),
    ],
  );
  return toBuffer(wb);
}
