/**
 * Exports what a list page shows to .xlsx: the filtered projects, or one project list's members.
 * The project export is a 责任分解表 in the import's layout (序号, then the template's columns in
 * its order, with the plan of the year: annual amount, the 12 months, target and milestones), with
 * real date cells and number cells, so that importing it back changes nothing. Names are written
 * the way the import resolves them: a position, person or region whose plain name is shared is
 * written 单位/名称 (or as its code).
 */
import {
  importColumns,
  investmentNatureLabels,
  stageLabels,
  type Project,
  type projectQuery,
} from '@ducha/contract';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../../db/connection.ts';
import { actorOf, type Ctx } from '../../../platform/access/context.ts';
import { activeRegions } from '../../../platform/regions.ts';
import { todayInChina } from '../../../platform/time.ts';
import { activeOrg } from '../../org/index.ts';
import { filteredProjects } from '../projects.ts';
import { getList } from '../list-queries.ts';
import { presentProject, projectColumns, type ProjectRow } from '../repo.ts';
import { addTable, ExcelJS, toBuffer } from '../../../platform/excel.ts';

const wide = new Set([
  'name',
  'scale',
  'milestones',
  'coUnits',
  'team',
  'leader',
  'responsibleUnit',
  'owner',
]);
const dateKeys = new Set([
  'plannedStart',
  'plannedCompletion',
  'plannedProduction',
  'actualStart',
  'actualCompletion',
  'actualProduction',
]);
const moneyKeys = new Set(['total', 'planned', ...Array.from({ length: 12 }, (_, i) => `m${i + 1}`)]);

const columns = [
  { header: '序号', width: 6 },
  ...importColumns.map((c) => ({
    header: c.required ? `${c.header}*` : c.header,
    width: wide.has(c.key) ? 28 : dateKeys.has(c.key) ? 12 : undefined,
    money: moneyKeys.has(c.key),
  })),
  // for reading only: the import does not know these columns and leaves them alone
  { header: '责任领导(现任，仅供查看)', width: 16 },
  { header: '计划状态(仅供查看)', width: 14 },
];

/** A money string as a number cell when a double holds it exactly, else as text (the import reads both). */
const moneyCell = (v: string | null | undefined) =>
  v === null || v === undefined ? null : Number(v).toFixed(2) === v ? Number(v) : v;
const dateCell = (v: string | null | undefined) => (v ? new Date(`${v}T00:00:00Z`) : null);

interface PlanOut {
  planned: string;
  monthly: string[];
  target: string | null;
  milestones: string;
  status: string;
}

/** The plan of the year per project, as the import compares it: the draft if there is one, else the baseline. */
async function plansOf(db: Db, ids: number[], year: number): Promise<Map<number, PlanOut>> {
  if (!ids.length) return new Map();
  const plans = await db
    .selectFrom('annual_plans')
    .select(['id', 'project_id', 'status', 'baseline_no', 'planned_investment', 'monthly', 'physical_target'])
    .where(sql<boolean>`project_id = any(${ids})`)
    .where('year', '=', year)
    .where('status', 'in', ['draft', 'approved'])
    .execute();
  const chosen = new Map<number, (typeof plans)[number]>();
  for (const p of plans) {
    const had = chosen.get(p.project_id);
    if (!had || (p.status === 'draft' && had.status !== 'draft')) chosen.set(p.project_id, p);
  }
  const planIds = [...chosen.values()].map((p) => p.id);
  const milestones = planIds.length
    ? await db
        .selectFrom('plan_milestones')
        .select(['plan_id', 'name', 'planned_date'])
        .where(sql<boolean>`plan_id = any(${planIds})`)
        .orderBy('plan_id')
        .orderBy('seq')
        .execute()
    : [];
  const byPlan = new Map<number, string[]>();
  for (const m of milestones)
    byPlan.set(m.plan_id, [...(byPlan.get(m.plan_id) ?? []), `${m.name}@${m.planned_date}`]);
  return new Map(
    [...chosen.values()].map((p) => [
      p.project_id,
      {
        planned: p.planned_investment,
        monthly: p.monthly,
        target: p.physical_target,
        milestones: (byPlan.get(p.id) ?? []).join('；'),
        status: p.status === 'draft' ? '草稿(待批准)' : `基线 第 ${p.baseline_no} 版`,
      },
    ]),
  );
}

/** The list membership to write per project: the filtered list's, else the newest list's. */
async function membershipsOf(db: Db, ids: number[], listId: number | undefined) {
  if (!ids.length) return new Map<number, { list: string; batch: string }>();
  let q = db
    .selectFrom('project_list_members as m')
    .innerJoin('project_lists as l', 'l.id', 'm.list_id')
    .select(['m.project_id', 'l.name', 'm.batch'])
    .where(sql<boolean>`m.project_id = any(${ids})`)
    .where('m.removed_at', 'is', null);
  if (listId) q = q.where('m.list_id', '=', listId);
  const rows = await q.orderBy('l.year', 'desc').orderBy('l.id').execute();
  const out = new Map<number, { list: string; batch: string }>();
  for (const r of rows) if (!out.has(r.project_id)) out.set(r.project_id, { list: r.name, batch: r.batch });
  return out;
}

/** How the import will find each referenced record: its plain name when unique, else 单位/名称 (regions: the code). */
async function namesOf(db: Db) {
  const [regions, org] = await Promise.all([activeRegions(db), activeOrg(db)]);
  const count = <T>(items: T[], key: (t: T) => (string | null)[]) => {
    const m = new Map<string, number>();
    for (const t of items) for (const k of key(t)) if (k) m.set(k, (m.get(k) ?? 0) + 1);
    return m;
  };
  const regionNames = count(regions, (r) => [r.name]);
  const positionNames = count(org.positions, (p) => [p.name, `${p.unit_name}/${p.name}`]);
  const personNames = count(org.people, (p) => [p.name, p.unit_name ? `${p.unit_name}/${p.name}` : null]);
  const regionOf = new Map(regions.map((r) => [r.code, regionNames.get(r.name) === 1 ? r.name : r.code]));
  const positionOf = new Map(
    org.positions.map((p) => [p.id, positionNames.get(p.name) === 1 ? p.name : `${p.unit_name}/${p.name}`]),
  );
  const personOf = new Map(
    org.people.map((p) => [
      p.id,
      personNames.get(p.name) === 1 || !p.unit_name ? p.name : `${p.unit_name}/${p.name}`,
    ]),
  );
  return {
    region: (code: string, name: string) => regionOf.get(code) ?? name,
    position: (id: number | null, name: string | null) => (id ? (positionOf.get(id) ?? name) : name),
    person: (id: number | null, name: string | null) => (id ? (personOf.get(id) ?? name) : name),
  };
}

export async function exportProjects(db: Db, ctx: Ctx, q: z.infer<typeof projectQuery>): Promise<Buffer> {
  const rows = (await filteredProjects(db, actorOf(ctx), q)
    .select(projectColumns)
    .orderBy('p.code')
    .limit(50_000)
    .execute()) as ProjectRow[];
  const projects = rows.map((r) => presentProject(r));
  const ids = projects.map((p) => p.id);
  const year = q.year ?? Number(todayInChina().slice(0, 4));
  const [plans, members, names] = await Promise.all([
    plansOf(db, ids, year),
    membershipsOf(db, ids, q.listId),
    namesOf(db),
  ]);
  const rowOf = (p: Project, i: number) => {
    const r = p.responsibility;
    const plan = plans.get(p.id);
    const member = members.get(p.id);
    const values: Record<string, unknown> = {
      code: p.code,
      name: p.name,
      region: names.region(p.regionCode, p.regionName),
      sector: p.sector,
      nature: investmentNatureLabels[p.investmentNature],
      total: moneyCell(p.totalInvestment),
      scale: p.scale,
      address: p.address,
      owner: p.owner.name,
      stage: stageLabels[p.stage],
      listName: member?.list ?? null,
      batch: member?.batch ?? null,
      leader: names.position(r.leaderPositionId, r.leaderPositionName),
      responsibleUnit: r.responsibleUnitName,
      coUnits: r.coUnits.map((u) => u.name).join('、') || null,
      team: r.team.map((m) => names.person(m.personId, m.name)).join('、') || null,
      responsible: names.person(r.responsiblePersonId, r.responsiblePersonName),
      officer: names.person(r.handlingOfficerId, r.handlingOfficerName),
      planYear: plan ? year : null,
      planned: moneyCell(plan?.planned),
      ...Object.fromEntries(Array.from({ length: 12 }, (_, k) => [`m${k + 1}`, moneyCell(plan?.monthly[k])])),
      target: plan?.target ?? null,
      plannedStart: dateCell(p.plannedStart),
      plannedCompletion: dateCell(p.plannedCompletion),
      plannedProduction: dateCell(p.plannedProduction),
      actualStart: dateCell(p.actualStart),
      actualCompletion: dateCell(p.actualCompletion),
      actualProduction: dateCell(p.actualProduction),
      reportsFrom: p.reportsFrom,
      milestones: plan?.milestones || null,
    };
    return [i + 1, ...importColumns.map((c) => values[c.key] ?? null), r.leaderName, plan?.status ?? null];
  };
  const wb = new ExcelJS.Workbook();
  const ws = addTable(wb, '项目清单', columns, projects.map(rowOf));
  importColumns.forEach((c, i) => {
    if (dateKeys.has(c.key)) ws.getColumn(i + 2).numFmt = 'yyyy-mm-dd';
  });
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
