/** Exports what a list page shows to .xlsx: the filtered projects, or one project list's members. */
import { investmentNatureLabels, stageLabels, type Project, type projectQuery } from '@ducha/contract';
import type { z } from 'zod';
import type { Db } from '../../../db/connection.ts';
import { actorOf, type Ctx } from '../../../platform/access/context.ts';
import { filteredProjects } from '../projects.ts';
import { getList } from '../list-queries.ts';
import { presentProject, projectColumns, type ProjectRow } from '../repo.ts';
import { addTable, ExcelJS, toBuffer } from '../../../platform/excel.ts';

const columns = [
  { header: '序号', width: 6 },
  { header: '项目编号', width: 16 },
  { header: '项目名称', width: 34 },
  { header: '所属区划' },
  { header: '行业类别' },
  { header: '投资性质' },
  { header: '项目阶段' },
  { header: '总投资(万元)', width: 16, money: true },
  { header: '建设规模及内容', width: 40 },
  { header: '业主单位', width: 26 },
  { header: '责任领导(职务)', width: 22 },
  { header: '责任领导(现任)' },
  { header: '牵头单位', width: 26 },
  { header: '协办单位', width: 30 },
  { header: '责任人' },
  { header: '承办人' },
  { header: '计划开工', width: 12 },
  { header: '计划竣工', width: 12 },
  { header: '实际开工', width: 12 },
];

const rowOf = (p: Project, i: number) => [
  i + 1,
  p.code,
  p.name,
  p.regionName,
  p.sector,
  investmentNatureLabels[p.investmentNature],
  stageLabels[p.stage],
  Number(p.totalInvestment), // a number cell so sums work in Excel; the value has two decimals
  p.scale,
  p.owner.name,
  p.responsibility.leaderPositionName,
  p.responsibility.leaderName,
  p.responsibility.responsibleUnitName,
  p.responsibility.coUnits.map((u) => u.name).join('、'),
  p.responsibility.responsiblePersonName,
  p.responsibility.handlingOfficerName,
  p.plannedStart,
  p.plannedCompletion,
  p.actualStart,
];

export async function exportProjects(db: Db, ctx: Ctx, q: z.infer<typeof projectQuery>): Promise<Buffer> {
  const rows = (await filteredProjects(db, actorOf(ctx), q)
    .select(projectColumns)
    .orderBy('p.code')
    .limit(50_000)
    .execute()) as ProjectRow[];
  const wb = new ExcelJS.Workbook();
  addTable(
    wb,
    '项目清单',
    columns,
    rows.map((r, i) => rowOf(presentProject(r), i)),
  );
  return toBuffer(wb);
}

export async function exportList(db: Db, ctx: Ctx, listId: number): Promise<{ name: string; file: Buffer }> {
  const list = await getList(db, ctx, listId);
  const current = list.members.filter((m) => !m.removedAt);
  const wb = new ExcelJS.Workbook();
  addTable(
    wb,
    '名单',
    [
      { header: '序号', width: 6 },
      { header: '批次', width: 14 },
      { header: '项目编号', width: 16 },
      { header: '项目名称', width: 40 },
      { header: '调入时间', width: 20 },
    ],
    current.map((m, i) => [i + 1, m.batch, m.code, m.name, m.addedAt.slice(0, 10)]),
  );
  const history = list.members.filter((m) => m.removedAt);
  if (history.length) {
    addTable(
      wb,
      '调整记录',
      [
        { header: '项目编号', width: 16 },
        { header: '项目名称', width: 40 },
        { header: '批次', width: 14 },
        { header: '调入', width: 12 },
        { header: '调出', width: 12 },
        { header: '原因', width: 30 },
      ],
      history.map((m) => [
        m.code,
        m.name,
        m.batch,
        m.addedAt.slice(0, 10),
        m.removedAt!.slice(0, 10),
        m.reason,
      ]),
    );
  }
  return { name: `${list.year}-${list.name}`, file: await toBuffer(wb) };
}
