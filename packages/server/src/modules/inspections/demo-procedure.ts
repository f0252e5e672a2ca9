/**
 * Demo data of inspections: procedure (issue 14 Must 8). Five 2026 inspections of city projects in
 * different states, in the seed's wording (000 稽察+): two archived with formal reports and closed
 * rectification items, one rectifying with open items in the ledger (the demo expert and inspector
 * are its members), one at the draft report awaiting the unit's opinion, one noticed. The rows and
 * documents are written in bulk with their 2026 dates; the rectification items go through the item
 * engine (raised and assigned by the office, answered and resolved by the unit, closed by the
 * office), so the ledger shows them as any other. Runs once: skipped when an inspection past
 * 'planned' exists (the draws' demo creates planned ones only). Experts and an inspector of its own
 * only when the library has none.
 */
import { sql } from 'kysely';
import { transaction, type Db, type Trx } from '../../db/connection.ts';
import type { Ctx } from '../../platform/access/context.ts';
import { actorById, toActor } from '../../platform/auth/repo.ts';
import { addWorkingDays } from '../../platform/calendar.ts';
import { todayInChina } from '../../platform/time.ts';
import { raiseItem, takeStep } from '../items/index.ts';
import { formalReportBody, noticeBody, rectificationBody } from './documents.ts';
import { addDocument, findInspection } from './inspection-repo.ts';
import { nextInspectionCode, nextNumber } from './repo.ts';

type F = [kind: 'problem' | 'suggestion', category: string, content: string, basis?: string];
interface Plan {
  status: 'archived' | 'rectifying' | 'draft_report' | 'noticed';
  siteOn: string;
  noticeOn: string;
  draftOn?: string;
  reportOn?: string;
  due?: string;
  recheckOn?: string;
  archivedOn?: string;
  summary?: string;
  findings: F[];
  withDemoAccounts?: boolean;
}

const plans: Plan[] = [
  {
    status: 'archived',
    noticeOn: '2026-06-10',
    siteOn: '2026-06-16',
    draftOn: '2026-06-22',
    reportOn: '2026-07-03',
    due: '2026-08-31',
    recheckOn: '2026-09-15',
    archivedOn: '2026-09-16',
    summary: '发现问题 2 个，提出建议 1 条；整改已全部完成，复查通过。',
    findings: [
      ['problem', '工程质量', '窗户玻璃未按规范使用钢化玻璃', '《建筑安全玻璃管理规定》第六条'],
      ['problem', '概算控制', '部分设计变更先变更后备案，变更程序不规范', '《政府投资条例》第二十一条'],
      ['suggestion', '其他', '建议建立工程变更台账，逐项登记变更依据和审批情况'],
    ],
  },
  {
    status: 'archived',
    noticeOn: '2026-07-02',
    siteOn: '2026-07-08',
    draftOn: '2026-07-14',
    reportOn: '2026-07-24',
    due: '2026-09-30',
    recheckOn: '2026-10-20',
    archivedOn: '2026-10-21',
    summary: '发现问题 2 个，提出建议 1 条；整改已全部完成，复查通过。',
    findings: [
      ['problem', '工程质量', '地下通道渗水，未及时进行防水处理', '《地下工程防水技术规范》'],
      ['problem', '安全生产', '临边防护栏杆设置不规范，安全网破损未更换'],
      ['suggestion', '安全生产', '建议加强雨季施工安全巡查'],
    ],
  },
  {
    status: 'rectifying',
    noticeOn: '2026-10-09',
    siteOn: '2026-10-15',
    draftOn: '2026-10-21',
    reportOn: '2026-11-04',
    due: '2026-12-31',
    summary: '发现问题 3 个，提出建议 2 条，已下达整改通知书。',
    withDemoAccounts: true,
    findings: [
      ['problem', '概算控制', '概算超支未报批，超出批复概算约 8%', '《政府投资条例》第二十三条'],
      ['problem', '财务管理', '工程款支付台账不完整，部分支付缺少监理签认'],
      ['problem', '招投标', '部分专业分包未按规定进行招标'],
      ['suggestion', '财务管理', '建议按月核对工程款支付与形象进度'],
      ['suggestion', '工程进度', '建议倒排工期，确保年度投资计划完成'],
    ],
  },
  {
    status: 'draft_report',
    noticeOn: '2026-11-18',
    siteOn: '2026-11-24',
    draftOn: '2026-11-27',
    findings: [
      ['problem', '工程进度', '主体结构施工滞后于计划节点约一个月'],
      ['problem', '工程质量', '现浇楼板局部出现裂缝，未见处理记录'],
      ['suggestion', '工程进度', '建议增加施工作业面和劳动力投入'],
    ],
  },
  { status: 'noticed', noticeOn: '2026-12-02', siteOn: '2026-12-08', findings: [] },
];

async function ctxOf(db: Db, username: string): Promise<Ctx> {
  const u = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return { actor: toActor((await actorById(db, u.id))!, 'session'), requestId: 'seed' };
}

/** The library's experts and an inspector, made here only when the library's demo made none. */
async function members(db: Db, expertUser: number, inspectorUser: number) {
  let experts = await db
    .selectFrom('inspection_experts')
    .select(['id', 'user_id'])
    .where('region_code', '=', '230600')
    .orderBy('id')
    .limit(6)
    .execute();
  if (!experts.length)
    experts = await db
      .insertInto('inspection_experts')
      .values([
        {
          region_code: '230600',
          name: '周建华',
          specialty: '工程质量',
          title: '高级工程师',
          employer: '黑龙江省建筑设计研究院',
          user_id: expertUser,
        },
        {
          region_code: '230600',
          name: '孙丽',
          specialty: '财务管理',
          title: '注册会计师',
          employer: '大庆正信会计师事务所',
        },
        {
          region_code: '230600',
          name: '刘志刚',
          specialty: '工程造价',
          title: '注册造价工程师',
          employer: '大庆宏达工程咨询有限公司',
        },
      ])
      .returning(['id', 'user_id'])
      .execute();
  let linked = experts.find((e) => e.user_id === expertUser)?.id;
  if (linked === undefined) {
    linked = (
      await db
        .selectFrom('inspection_experts')
        .select('id')
        .where('user_id', '=', expertUser)
        .executeTakeFirst()
    )?.id;
    if (linked === undefined) {
      linked = experts.find((e) => e.user_id === null)!.id;
      await db
        .updateTable('inspection_experts')
        .set({ user_id: expertUser })
        .where('id', '=', linked)
        .execute();
    }
  }
  let inspector = (
    await db.selectFrom('inspectors').select('id').where('user_id', '=', inspectorUser).executeTakeFirst()
  )?.id;
  inspector ??= (
    await db
      .insertInto('inspectors')
      .values({ region_code: '230600', name: '王立新', role: '稽察特派员', user_id: inspectorUser })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const others = experts.map((e) => e.id).filter((id) => id !== linked);
  return { linked, others, inspector };
}

export async function seedDemoProcedure(db: Db): Promise<void> {
  const done = await db
    .selectFrom('inspections')
    .select('id')
    .where('status', '<>', 'planned')
    .limit(1)
    .executeTakeFirst();
  if (done) return;
  const office = await ctxOf(db, 'office');
  const unit = await ctxOf(db, 'unit');
  const ids = {
    expert: (await ctxOf(db, 'expert')).actor!.id,
    inspector: (await ctxOf(db, 'inspector')).actor!.id,
  };
  const m = await members(db, ids.expert, ids.inspector);
  // the city's 2026 projects of the unit user's unit first (it answers the archived ones' items)
  const projects = await db
    .selectFrom('projects')
    .select(['id', 'responsible_unit_id'])
    .where('region_code', '=', '230600')
    .where('active', '=', true)
    .orderBy(sql`responsible_unit_id = ${unit.actor!.unitId ?? -1}`, 'desc')
    .orderBy('code')
    .limit(plans.length)
    .execute();
  if (projects.length < plans.length) return;
  const today = todayInChina();
  for (const [n, plan] of plans.entries())
    await transaction(db, (trx) => seedOne(trx, { office, unit, m, plan, project: projects[n]!, today }));
}

async function seedOne(
  trx: Trx,
  o: {
    office: Ctx;
    unit: Ctx;
    m: Awaited<ReturnType<typeof members>>;
    plan: Plan;
    project: { id: number; responsible_unit_id: number | null };
    today: string;
  },
) {
  const { plan, office } = o;
  const actor = office.actor!;
  const number = async (prefix: string) => `${prefix}〔2026〕${await nextNumber(trx, prefix, 2026)}号`;
  const row = await trx
    .insertInto('inspections')
    .values({
      region_code: '230600',
      project_id: o.project.id,
      inspected_unit_id: o.project.responsible_unit_id,
      code: await nextInspectionCode(trx, 2026),
      kind: 'special',
      status: plan.status,
      site_on: plan.siteOn,
      notice_on: plan.noticeOn,
      opinion_due: plan.draftOn ? addWorkingDays(plan.draftOn, 5) : null,
      rectification_due: plan.due ?? null,
      recheck_on: plan.recheckOn ?? null,
      archived_on: plan.archivedOn ?? null,
      summary: plan.summary ?? '',
      created_by: actor.id,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const experts = plan.withDemoAccounts ? [o.m.linked, ...o.m.others.slice(0, 1)] : o.m.others.slice(0, 2);
  const signed = plan.status === 'noticed' ? null : new Date(`${plan.siteOn}T17:00:00+08:00`);
  await trx
    .insertInto('inspection_members')
    .values([
      ...experts.map((e) => ({
        inspection_id: row.id,
        role: 'expert' as const,
        expert_id: e,
        signed_at: signed,
      })),
      ...(plan.withDemoAccounts
        ? [{ inspection_id: row.id, role: 'inspector' as const, inspector_id: o.m.inspector }]
        : []),
    ])
    .execute();
  if (plan.findings.length)
    await trx
      .insertInto('inspection_findings')
      .values(
        plan.findings.map(([kind, category, content, basis], k) => ({
          inspection_id: row.id,
          kind,
          sort: k + 1,
          category,
          content,
          basis: basis ?? '',
          unit_agrees: plan.status === 'draft_report' ? null : true,
          created_by: actor.id,
        })),
      )
      .execute();
  const i = (await findInspection(trx, row.id))!;
  const doc = (kind: Parameters<typeof addDocument>[3], num: string | null, body: Record<string, unknown>) =>
    addDocument(trx, actor.id, row.id, kind, num, body);
  await doc('notice', await number('稽察通知'), {
    title: '稽察通知',
    ...(await noticeBody(trx, actor, i, plan.siteOn, plan.noticeOn, '')),
  });
  if (plan.status === 'noticed') return;
  await doc('site_record', null, {
    title: '现场稽察记录',
    confirmedOn: plan.siteOn,
    confirmedBy: '被稽察单位',
  });
  const report = await formalReportBody(trx, actor, i, plan.draftOn!);
  await doc('draft_report', null, { title: '稽察报告（征求意见稿）', ...report, opinionDue: i.opinion_due });
  if (plan.status === 'draft_report') return;
  await doc('opinion', null, {
    title: '书面反馈意见',
    on: addWorkingDays(plan.draftOn!, 3),
    opinions: [],
    note: '对稽察报告所列问题无异议',
  });
  await doc('formal_report', await number('稽察报告'), {
    title: '稽察报告',
    ...report,
    issuedOn: plan.reportOn,
    summary: plan.summary,
  });
  const notice = await number('整改通知');
  const due = plan.due! > o.today ? plan.due! : addWorkingDays(o.today, 20);
  for (const f of await trx
    .selectFrom('inspection_findings')
    .selectAll()
    .where('inspection_id', '=', row.id)
    .where('kind', '=', 'problem')
    .orderBy('sort')
    .execute()) {
    const item = await raiseItem(trx, office, {
      kind: 'rectification',
      source: 'inspection',
      projectId: o.project.id,
      category: f.category,
      title: f.content.slice(0, 60),
      description: `${i.code} 稽察发现：${f.content}${f.basis ? `（依据：${f.basis}）` : ''}`,
    });
    await takeStep(trx, office, item.id, {
      action: 'assign',
      version: 1,
      responsibleUnitId: o.project.responsible_unit_id!,
      coUnitIds: [],
      responsibleLeaderPositionId: null,
      resolutionDue: due,
      note: notice,
    });
    await trx.updateTable('inspection_findings').set({ item_id: item.id }).where('id', '=', f.id).execute();
    if (plan.status === 'archived') await closeOut(trx, o.unit, office, item.id, due);
  }
  await doc('rectification_notice', notice, {
    title: '整改通知书',
    ...(await rectificationBody(trx, actor, i, plan.reportOn!, plan.due!, '')),
  });
  if (plan.status !== 'archived') return;
  await doc('results', null, {
    title: '整改结果报告',
    summary: '对稽察报告所列问题已全部整改到位。',
    submittedOn: plan.due,
  });
  await doc('recheck', null, {
    title: '复查记录',
    passed: true,
    summary: '复查通过，整改到位。',
    on: plan.recheckOn,
  });
}

/** The unit answers and resolves, the office closes: the item's own steps. */
async function closeOut(trx: Trx, unit: Ctx, office: Ctx, id: number, due: string) {
  const v = async () =>
    (await trx.selectFrom('items').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
  await takeStep(trx, unit, id, {
    action: 'respond',
    version: await v(),
    plan: '按整改通知书逐项整改',
    promisedDate: due,
  });
  await takeStep(trx, unit, id, {
    action: 'resolve',
    version: await v(),
    resolution: '已整改到位，佐证材料已报送',
  });
  await takeStep(trx, office, id, { action: 'close', version: await v(), note: '复查通过' });
}
