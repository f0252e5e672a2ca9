/**
 * The demo year of the registry: 林甸县's 55 projects (seed 001) and 大庆市's "3个30" list,
 * loaded through the same 责任分解表 import users run, then moved along as an office would:
 * lists published, plans approved as baselines, procedures checked off, milestones reached (and
 * some overdue), one list adjustment waiting for approval. Deterministic: the same every start.
 */
import { Decimal } from '@ducha/contract';
import { transaction, type Db } from '../../db/connection.ts';
import type { Ctx } from '../../platform/access/context.ts';
import { actorById, toActor } from '../../platform/auth/repo.ts';
import { recordAudits } from '../../platform/audit/audit.ts';
import { todayInChina } from '../../platform/time.ts';
import { cityProjects, lindianProjects } from './demo-projects-data.ts';
import { buildResponsibilitySheet } from './excel/build.ts';
import { importProjects } from './excel/importer.ts';
import { changeMember, decideAdjustment } from './list-adjustments.ts';
import { createList, publishList } from './lists.ts';
import { approveDraft, saveDraft } from './plans.ts';
import { applyProcedureTemplate } from './procedures.ts';

const YEAR = 2026;
/** A small deterministic generator, so the demo is the same on every machine. */
const rand = (i: number, salt = 0) => ((Math.sin(i * 9301 + salt * 49297) + 1) * 233280) % 1;
const pick = <T>(xs: readonly T[], i: number, salt = 0) => xs[Math.floor(rand(i, salt) * xs.length)]!;
const day = (month: number, d: number) =>
  `${YEAR}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Heilongjiang builds from April to October: the monthly plan follows the season. */
const season = [0, 0, 2, 8, 14, 16, 16, 16, 14, 10, 4, 0];
export function seasonal(planned: string): string[] {
  const cents = new Decimal(planned).times(100);
  const months = season.map((w) => cents.times(w).div(100).floor());
  const rest = cents.minus(months.reduce((a, b) => a.plus(b), new Decimal(0)));
  months[9] = months[9]!.plus(rest); // October takes the rounding
  return months.map((m) => m.div(100).toFixed(2));
}

const cityLead: Record<string, [string, string]> = {
  工业: ['分管工业和信息化副市长', '大庆市工业和信息化局'],
  农业: ['分管农业农村副市长', '大庆市农业农村局'],
  现代服务业: ['分管商务和文旅副市长', '大庆市商务局'],
  旅游商贸物流: ['分管商务和文旅副市长', '大庆市文化广电和旅游局'],
  基础设施: ['常务副市长', '大庆市交通运输局'],
  城乡建设: ['分管城乡建设副市长', '大庆市住房和城乡建设局'],
  社会事业: ['分管社会事业副市长', '大庆市卫生健康委员会'],
};
const CITY_LIST = `${YEAR}年全市重点督查“3个30”项目`;
const LD_LIST = `${YEAR}年林甸县重点项目`;
const ldLead = [
  '林甸县发展和改革局',
  '林甸县住房和城乡建设局',
  '林甸县人民政府',
  '林甸县四季青镇人民政府',
  '林甸县花园镇人民政府',
];
const ldLeaders = ['林甸县县长', '林甸县常务副县长', '林甸县分管发改副县长'];

type Row = Record<string, string>;

/** District and county governments: co-units (协办) of the city's projects in their area. */
const localGov: Record<string, string> = {
  '230602': '大庆市萨尔图区人民政府',
  '230603': '大庆市龙凤区人民政府',
  '230604': '大庆市让胡路区人民政府',
  '230605': '大庆市红岗区人民政府',
  '230606': '大庆市大同区人民政府',
  '230621': '肇州县人民政府',
  '230622': '肇源县人民政府',
  '230624': '杜尔伯特蒙古族自治县人民政府',
};

/**
 * When a 新开工 project actually started: most in April to June (some after the planned 5-10, so a
 * month or two 未按期开工), a few in July; two never did this year (land not handed over).
 * '' when not started.
 */
function startOf(i: number, batch: string): string {
  if (batch === '在建') return `2025-${String(4 + (i % 6)).padStart(2, '0')}-15`;
  if (batch !== '新开工') return '';
  if (i === 31) return day(4, 10); // started early: the approved adjustment moves it to 在建
  const r = rand(i, 2);
  if (r < 0.72) return day(4 + (i % 2), 10 + (i % 15)); // April or May, by the planned 5-10 or so
  if (r < 0.88) return day(6, 5 + (i % 20)); // June: May not started on time
  if (r < 0.96) return day(7, 8 + (i % 15)); // July: May and June not started
  return '';
}

function row(
  i: number,
  code: string,
  name: string,
  sector: string,
  batch: string,
  list: string,
  scale: string,
  extra: Row,
): Row {
  const total = new Decimal(
    Math.round(2000 + rand(i, 1) * (batch === '重大前期' ? 400_000 : 150_000)),
  ).toFixed(2);
  const share = batch === '在建' ? 0.35 : batch === '新开工' ? 0.25 : 0.02;
  const planned = new Decimal(total).times(share).toDecimalPlaces(2).toFixed(2);
  const started = startOf(i, batch);
  const milestones =
    batch === '在建'
      ? `主体结构完工@${day(6, 30)}；设备安装调试@${day(9, 15)}；竣工验收@${day(12, 20)}`
      : batch === '新开工'
        ? `取得施工许可@${day(3, 31)}；开工建设@${day(5, 10)}；基础工程完工@${day(8, 31)}；主体施工过半@${day(10, 31)}`
        : `可研批复@${day(4, 30)}；用地预审@${day(7, 31)}；初步设计批复@${day(10, 31)}`;
  return {
    code,
    name,
    sector,
    nature:
      sector === '工业' || sector === '旅游商贸物流' ? '企业投资' : rand(i, 3) < 0.15 ? 'PPP' : '政府投资',
    total,
    scale: `${scale}，总投资 ${new Decimal(total).div(10000).toDecimalPlaces(2).toString()} 亿元`,
    stage: batch === '在建' ? '续建' : batch === '新开工' ? '新开工' : '前期',
    actualStart: started,
    // the demo year's lists are supervised from January
    reportsFrom: `${YEAR}-01`,
    listName: list,
    batch,
    planYear: String(YEAR),
    planned,
    ...(batch === '在建' ? Object.fromEntries(seasonal(planned).map((m, k) => [`m${k + 1}`, m])) : {}),
    target:
      batch === '在建'
        ? '完成主体工程并投入使用'
        : batch === '新开工'
          ? '年内开工并完成基础工程'
          : '完成前期审批手续',
    plannedStart: batch === '重大前期' ? `${YEAR + 1}-05-01` : batch === '新开工' ? day(5, 10) : '2025-04-15',
    plannedCompletion: `${YEAR + 1 + (i % 3)}-10-31`,
    milestones,
    ...extra,
  };
}

export function demoRows(): { city: Row[]; lindian: Row[] } {
  let n = 0;
  const city = (
    Object.entries(cityProjects) as [string, [string, string, string, string, string][]][]
  ).flatMap(([batch, items]) =>
    items.map(([name, sector, region, scale, owner]) => {
      n += 1;
      const [leader, responsibleUnit] = cityLead[sector]!;
      const co =
        sector === '基础设施' || sector === '城乡建设'
          ? ['大庆市自然资源局', '大庆市财政局']
          : ['大庆市发展和改革委员会'];
      if (localGov[region]) co.push(localGov[region]);
      return row(n, `DQ-${YEAR}-${String(n).padStart(3, '0')}`, name, sector, batch, CITY_LIST, scale, {
        region,
        leader,
        responsibleUnit,
        coUnits: co.filter((u) => u !== responsibleUnit).join('、'),
        owner,
      });
    }),
  );
  let k = 0;
  const lindian = Object.entries(lindianProjects).flatMap(([sector, items]) =>
    items.map(([name, scale, owner]) => {
      k += 1;
      const batch = k % 5 === 0 ? '重大前期' : k % 3 === 0 ? '新开工' : '在建';
      return row(1000 + k, `LD-${YEAR}-${String(k).padStart(3, '0')}`, name, sector, batch, LD_LIST, scale, {
        region: '230623',
        leader: pick(ldLeaders, k, 5),
        responsibleUnit: pick(ldLead, k, 6),
        owner,
      });
    }),
  );
  return { city, lindian };
}

async function ctxOf(db: Db, username: string): Promise<Ctx> {
  const u = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return { actor: toActor((await actorById(db, u.id))!, 'session'), requestId: 'seed' };
}

/** Loads the demo registry into a database that already holds the demo organisation. */
export async function seedDemoProjects(db: Db): Promise<void> {
  const office = await ctxOf(db, 'office');
  const admin = await ctxOf(db, 'admin');
  const cityList = await createList(db, office, {
    year: YEAR,
    level: 'city',
    name: CITY_LIST,
    regionCode: '230600',
    batchScheme: 'three_30',
  });
  const ldList = await createList(db, office, {
    year: YEAR,
    level: 'county',
    name: LD_LIST,
    regionCode: '230623',
    batchScheme: 'three_30',
  });
  const { city, lindian } = demoRows();
  const result = await importProjects(
    db,
    office,
    await buildResponsibilitySheet([...city, ...lindian]),
    'commit',
  );
  if (!result.committed)
    throw new Error(`demo registry did not import: ${JSON.stringify(result.errors.slice(0, 3))}`);

  const today = todayInChina();
  const projects = await db
    .selectFrom('projects')
    .select(['id', 'code', 'investment_nature', 'stage'])
    .orderBy('id')
    .execute();
  for (const [i, p] of projects.entries()) {
    // every plan was approved in January (a baseline for the whole year)
    const draft = await db
      .selectFrom('annual_plans')
      .select(['version', 'planned_investment'])
      .where('project_id', '=', p.id)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (draft)
      await approveDraft(db, office, p.id, YEAR, {
        version: draft.version,
        effectiveFrom: `${YEAR}-01-15`,
      });
    // ... and a few units have since asked to change theirs: drafts waiting for the office
    if (draft && i % 17 === 5) {
      const up = i % 2 === 0;
      await saveDraft(db, office, p.id, YEAR, {
        plannedInvestment: new Decimal(draft.planned_investment)
          .times(up ? 1.2 : 0.8)
          .toDecimalPlaces(2)
          .toFixed(2),
        physicalTarget: up ? '追加资金后提前完成主体工程' : '调减后完成年度主要节点',
        milestones: [],
        changeReason: up ? '追加中央预算内投资，申请调增年度计划' : '受征地拆迁影响，申请调减年度投资计划',
      });
    }
    if (p.stage !== 'continuing' || i % 4 === 0) {
      const template = p.investment_nature === 'enterprise' ? 2 : 1;
      await applyProcedureTemplate(db, office, p.id, template);
    }
  }
  await builders(db, office);
  await progress(db, office, today);
  await publishList(db, office, cityList.id, cityList.version);
  await publishList(db, office, ldList.id, ldList.version);
  // one adjustment approved earlier (history), one waiting for the admin's approval
  const first = projects.find((p) => p.code === `DQ-${YEAR}-031`)!;
  const second = projects.find((p) => p.code === `DQ-${YEAR}-089`)!;
  const moved = await changeMember(db, office, cityList.id, {
    kind: 'change_batch',
    projectId: first.id,
    batch: '在建',
    reason: '项目已提前开工，调整为在建',
  });
  if (moved.adjustment) await decideAdjustment(db, admin, moved.adjustment.id, true, '同意');
  await changeMember(db, office, cityList.id, {
    kind: 'remove',
    projectId: second.id,
    batch: null,
    reason: '项目业主调整投资计划，申请中期退出',
  });
}

/** Procedures checked off and milestones reached as the year went, with some left overdue. */
async function progress(db: Db, ctx: Ctx, today: string) {
  const procedures = await db
    .selectFrom('project_procedures')
    .select(['id', 'project_id', 'seq'])
    .orderBy('id')
    .execute();
  const milestones = await db
    .selectFrom('plan_milestones as m')
    .innerJoin('annual_plans as ap', 'ap.id', 'm.plan_id')
    .select(['m.id', 'm.name', 'm.planned_date', 'ap.project_id'])
    .where('ap.status', '=', 'approved')
    .execute();
  const starts = new Map(
    (await db.selectFrom('projects').select(['id', 'actual_start']).execute()).map((p) => [
      p.id,
      p.actual_start,
    ]),
  );
  await transaction(db, async (trx) => {
    for (const p of procedures) {
      const r = rand(p.id, 7);
      const planned = day(Math.min(11, 2 + p.seq), 15);
      const done = p.seq <= 3 || r < 0.55;
      const status = done ? 'done' : r < 0.8 ? 'in_progress' : 'pending';
      await trx
        .updateTable('project_procedures')
        .set({
          status,
          planned_date: planned,
          done_date: done ? (planned < today ? planned : today) : null,
          doc_no: done ? `庆审批〔${YEAR}〕${100 + p.id}号` : null,
        })
        .where('id', '=', p.id)
        .execute();
    }
    for (const m of milestones) {
      if (m.planned_date >= today) continue;
      const r = rand(m.id, 8);
      // 开工建设 is reached the day the project started (or not at all)
      const start = m.name === '开工建设' ? (starts.get(m.project_id) ?? null) : undefined;
      // most on time or a few days early; some weeks late (a month or two overdue); a very few
      // of the autumn's still open
      const offset = r < 0.04 ? 12 + Math.floor(rand(m.id, 9) * 24) : -Math.floor(rand(m.id, 9) * 9);
      if (start === undefined && r > 0.985 && m.planned_date >= `${YEAR}-09-01`) continue;
      const d = new Date(`${m.planned_date}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + offset);
      const actual = start === undefined ? d.toISOString().slice(0, 10) : start;
      if (actual === null || actual > today) continue;
      await trx.updateTable('plan_milestones').set({ actual_date: actual }).where('id', '=', m.id).execute();
    }
  });
  const ids = [...new Set([...procedures.map((p) => p.project_id), ...milestones.map((m) => m.project_id)])];
  await transaction(db, (trx) =>
    recordAudits(
      trx,
      ctx,
      ids.map((id) => ({
        entity: 'project',
        entityId: id,
        action: 'update',
        after: { progress: '演示数据：前期手续与节点进展' },
      })),
    ),
  );
}

/**
 * Contractors (施工) and supervisors (监理) of the projects under way: chosen by kind of work
 * (roads and pipes, water, plants, buildings) and, in 林甸县, the county's own firms. Projects not
 * started have not tendered yet.
 */
async function builders(db: Db, ctx: Ctx) {
  const units = new Map(
    (await db.selectFrom('units').select(['id', 'name']).execute()).map((u) => [u.name, u.id]),
  );
  const projects = await db
    .selectFrom('projects')
    .select(['id', 'name', 'sector', 'region_code', 'actual_start'])
    .where('actual_start', 'is not', null)
    .orderBy('id')
    .execute();
  const id = (name: string) => units.get(name) ?? null;
  const pool = (p: (typeof projects)[number]): [string[], string[]] => {
    if (p.region_code === '230623')
      return [
        ['林甸县宏业建筑工程有限公司', '中建龙江建设工程有限公司大庆分公司'],
        ['林甸县建业工程监理有限公司', '大庆恒正工程监理咨询有限公司'],
      ];
    const supervisors = [
      '大庆恒正工程监理咨询有限公司',
      '大庆正达建设监理有限公司',
      '黑龙江诚信工程建设监理有限公司',
    ];
    if (/水|湿地|河|防洪|灌溉|农田/.test(p.name)) return [['黑龙江远东水利水电工程有限公司'], supervisors];
    if (/路|桥|枢纽|管廊|管网|停车|铁路|交通/.test(p.name))
      return [['大庆宏远路桥工程有限公司', '大庆华建市政工程有限公司'], supervisors];
    if (p.sector === '工业' || /电|能|化工/.test(p.name))
      return [['大庆鼎盛石化安装工程有限公司', '黑龙江庆安建设工程有限公司'], supervisors];
    if (p.region_code === '230621') return [['肇州县鑫源建筑安装工程有限公司'], supervisors];
    return [
      ['中建龙江建设工程有限公司大庆分公司', '大庆筑成建设集团有限公司', '黑龙江庆安建设工程有限公司'],
      supervisors,
    ];
  };
  await transaction(db, async (trx) => {
    const events = [];
    for (const p of projects) {
      const [contractors, supervisors] = pool(p);
      const contractor = id(contractors[p.id % contractors.length]!);
      const supervisor = id(supervisors[(p.id >> 1) % supervisors.length]!);
      await trx
        .updateTable('projects')
        .set({ contractor_unit_id: contractor, supervisor_unit_id: supervisor })
        .where('id', '=', p.id)
        .execute();
      events.push({
        entity: 'project',
        entityId: p.id,
        action: 'update',
        after: { contractorUnitId: contractor, supervisorUnitId: supervisor },
      });
    }
    await recordAudits(trx, ctx, events);
  });
}
