/**
 * A year's demo ledger (seed 002/003 sizes): about 150 problems raised from January to mid-November
 * 2026 from reports, site visits, meetings and complaints, plus leaders' instructions and meeting
 * decisions. Older items are mostly closed out; recent ones are at every step; some answered late,
 * some overdue and reminded, a few escalated, listed or merged. Each carries its handling timeline.
 * Deterministic, like the rest of the demo.
 */
import type { ItemKind, ItemStatus } from '@ducha/contract';
import { sql } from 'kysely';
import { insertJson } from '../../db/bulk.ts';
import { transaction, type Db } from '../../db/connection.ts';
import type { Ctx } from '../../platform/access/context.ts';
import { recordAudits } from '../../platform/audit/audit.ts';
import { actorById, toActor } from '../../platform/auth/repo.ts';
import { addDays, addWorkingDays } from '../../platform/calendar.ts';
import { rand } from '../reports/demo-reports.ts';
import { notifyUnits } from '../../platform/notify.ts';
import { todayInChina } from '../../platform/time.ts';
import { dueDate } from './rules.ts';

const pick = <T>(xs: readonly T[], r: number): T => xs[Math.floor(r * xs.length) % xs.length]!;

/** Typical problems by category, as offices write them in their ledgers. */
const problems: Record<string, readonly [string, string][]> = {
  审批手续: [
    ['施工许可证办理滞后', '施工图审查意见未闭合，施工许可证无法按期办理，影响主体开工。'],
    ['环评批复未取得', '环境影响报告书已报市生态环境局，专家评审意见尚未修改完成。'],
    ['节能审查未通过', '节能报告需补充用能测算，审查意见未出具。'],
  ],
  用地报批: [
    ['农用地转用报批未完成', '项目用地涉及农用地转用，省级批复尚未下达。'],
    ['建设用地指标不足', '年度新增建设用地指标不足，需市级统筹调剂。'],
  ],
  征地拆迁: [
    ['红线内房屋征收未完成', '红线范围内仍有住户未签订征收补偿协议，影响场地移交。'],
    ['地上附着物清表滞后', '青苗及地上附着物补偿标准存在争议，清表工作推进缓慢。'],
  ],
  资金: [
    ['专项债资金未及时拨付', '专项债券资金已下达，县级财政拨付流程未完成，施工款支付困难。'],
    ['项目资本金不到位', '企业自筹资本金到位不足 30%，银行贷款无法投放。'],
  ],
  '要素保障(水电路气讯)': [
    ['施工用电未接入', '临时用电报装已受理，变压器及线路未架设。'],
    ['供水管网未接至红线', '市政供水管网距项目红线约 800 米，接入工程未立项。'],
  ],
  施工组织: [
    ['施工人员及机械不足', '现场施工人员不足 50 人，机械设备投入不足，进度滞后于计划。'],
    ['冬季施工方案未落实', '入冬后未按方案组织保温施工，主体结构施工停滞。'],
  ],
  管线迁改: [
    ['燃气管线迁改滞后', '红线内中压燃气管线迁改方案未确定，影响基坑开挖。'],
    ['通信光缆迁移未完成', '三家运营商光缆迁移需统一协调，迁移工期未落实。'],
  ],
  市政配套: [
    ['配套道路未建成', '项目出入口配套道路未纳入年度计划，影响竣工投用。'],
    ['雨污管网未接通', '项目雨污水需接入市政管网，接口工程尚未实施。'],
  ],
  其他: [
    ['周边群众阻工', '周边居民反映施工噪声扰民，多次阻工，需属地协调。'],
    ['设计变更未批复', '主体结构设计变更已上报，批复意见未出具。'],
  ],
};
const categories = Object.keys(problems);
const sources = ['report', 'report', 'report', 'project', 'site_visit', 'meeting', 'complaint'] as const;

const instructions: [string, string][] = [
  [
    '请市住建局牵头加快城区配套管网建设',
    '市长批示：城区重点项目配套管网要与主体工程同步推进，11 月底前拿出方案。',
  ],
  ['抓紧解决工业园区项目用电问题', '分管副市长批示：请供电公司会同工信局现场办公，限期解决。'],
  ['对连续红灯项目开展专项督查', '市长批示：对连续两月亮红灯的项目逐一分析原因，压实责任。'],
  ['加快专项债资金拨付进度', '常务副市长批示：财政局要优化拨付流程，确保资金及时到位。'],
];
const decisions: [string, string][] = [
  [
    '协调会议定：燃气管线迁改 30 日内完成',
    '第三次重点项目协调会议定：燃气公司 30 日内完成迁改，住建局督导。',
  ],
  ['调度会议定：冬季施工方案报备', '月度调度会议定：在建项目 11 月 15 日前报备冬季施工方案。'],
  ['协调会议定：征收补偿标准统一口径', '协调会议定：由属地政府牵头统一补偿标准，10 日内完成签约。'],
];

/** The demo year is anchored: on a later day the same ledger loads (and its open items read overdue). */
const DEMO_TODAY = '2026-11-21';
const at = (date: string, hour = 10) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);
const min = (a: string, b: string) => (a < b ? a : b);

interface Plan {
  kind: ItemKind;
  title: string;
  description: string;
  category: string;
  source: string;
  raisedOn: string;
  projectIndex: number | null;
}

function plans(): Plan[] {
  const out: Plan[] = [];
  const start = '2026-01-05';
  for (let i = 0; i < 150; i++) {
    const category = pick(categories, rand(i, 11));
    const [title, description] = pick(problems[category]!, rand(i, 12));
    // spread over the year, a little denser in the building season
    const day = Math.floor((i / 150) * 318 + rand(i, 13) * 4);
    out.push({
      kind: 'problem',
      title,
      description,
      category,
      source: pick(sources, rand(i, 14)),
      raisedOn: addDays(start, day),
      projectIndex: i,
    });
  }
  instructions.forEach(([title, description], i) =>
    out.push({
      kind: 'instruction',
      title,
      description,
      category: i === 1 ? '要素保障(水电路气讯)' : i === 3 ? '资金' : '其他',
      source: 'leader',
      raisedOn: addDays('2026-03-10', i * 60),
      projectIndex: null,
    }),
  );
  decisions.forEach(([title, description], i) =>
    out.push({
      kind: 'decision',
      title,
      description,
      category: i === 0 ? '管线迁改' : i === 2 ? '征地拆迁' : '施工组织',
      source: 'meeting',
      raisedOn: addDays('2026-05-12', i * 70),
      projectIndex: null,
    }),
  );
  return out.sort((a, b) => a.raisedOn.localeCompare(b.raisedOn));
}

type Row = Record<string, unknown> & { id: number; status: ItemStatus };

export async function seedDemoItems(db: Db, today = todayInChina()): Promise<void> {
  const now = min(today, DEMO_TODAY);
  const users = Object.fromEntries(
    (await db.selectFrom('users').select(['id', 'username', 'unit_id']).execute()).map((u) => [
      u.username,
      u,
    ]),
  );
  const ctx: Ctx = {
    actor: toActor((await actorById(db, users.office!.id))!, 'session'),
    requestId: 'seed',
  };
  const projects = await db
    .selectFrom('projects as p')
    .innerJoin('regions as r', 'r.code', 'p.region_code')
    .select([
      'p.id',
      'p.region_code',
      'r.path',
      'p.responsible_unit_id',
      'p.owner_unit_id',
      'p.leader_position_id',
    ])
    .where('p.active', '=', true)
    .orderBy('p.id')
    .execute();
  const reports = await db
    .selectFrom('monthly_reports')
    .select(['id', 'project_id', 'month'])
    .where('year', '=', 2026)
    .where('current', '=', true)
    .execute();
  const reportOf = new Map(reports.map((r) => [`${r.project_id}:${r.month}`, r.id]));
  const unitNamed = async (name: string) =>
    (await db.selectFrom('units').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  // instructions and decisions without a project go to the departments they name
  const departments = [
    await unitNamed('大庆市住房和城乡建设局'),
    await unitNamed('大庆市工业和信息化局'),
    await unitNamed('大庆市财政局'),
  ];
  const unitNames = new Map(
    (await db.selectFrom('units').select(['id', 'name']).execute()).map((u) => [u.id, u.name]),
  );
  const unitUsers = new Map<number, number>();
  for (const u of Object.values(users))
    if (u.unit_id !== null && !unitUsers.has(u.unit_id) && ['unit', 'reporter'].includes(u.username))
      unitUsers.set(u.unit_id, u.id);
  const counters = new Map<string, number>();
  const items: Row[] = [];
  const events: Record<string, unknown>[] = [];
  const coUnits: Record<string, unknown>[] = [];
  let id = 0;

  for (const [n, plan] of plans().entries()) {
    if (plan.raisedOn > now) continue;
    id += 1;
    const r = (salt: number) => rand(n * 17 + 3, salt);
    const project = plan.projectIndex === null ? null : projects[(plan.projectIndex * 37) % projects.length]!;
    const lindian = project?.region_code === '230623';
    const office = lindian ? users.office_lindian! : users.office!;
    const prefix = { problem: 'WT', instruction: 'PS', decision: 'YD', rectification: 'ZG' }[plan.kind];
    const seq = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, seq);
    const month = Number(plan.raisedOn.slice(5, 7));
    const reportId =
      project && plan.source === 'report' ? (reportOf.get(`${project.id}:${month - 1}`) ?? null) : null;
    const byReporter = reportId !== null && project?.owner_unit_id === users.reporter!.unit_id;
    const raiser = plan.kind === 'instruction' ? users.leader! : byReporter ? users.reporter! : office;
    // pipelines and municipal works go to the city's housing and construction bureau, whoever leads the project
    const cityWorks = !lindian && (plan.category === '管线迁改' || plan.category === '市政配套');
    const unit = cityWorks
      ? departments[0]!
      : (project?.responsible_unit_id ?? project?.owner_unit_id ?? pick(departments, r(0)));
    // the unit answers through its own account where it has one (else the step has no named actor)
    const answerer = unitUsers.get(unit) ?? null;
    const age = Math.round((Date.parse(now) - Date.parse(plan.raisedOn)) / 86_400_000);
    const ev = (
      date: string,
      action: string,
      from: ItemStatus | null,
      to: ItemStatus | null,
      note: string | null,
      who: number | null = office.id,
    ) =>
      events.push({
        item_id: id,
        // the raise at the item's own time (raised_at), the later steps spread over the working day
        at: at(date, action === 'raise' ? 10 : 9 + (events.length % 8)),
        actor_id: who,
        action,
        from_status: from,
        to_status: to,
        // a step without a named account is signed by the unit
        note: who === null && note ? `【${unitNames.get(unit) ?? ''}】${note}` : note,
      });

    const row: Row = {
      id,
      code: `${prefix}-2026-${String(seq).padStart(4, '0')}`,
      kind: plan.kind,
      source: reportId === null && plan.source === 'report' ? 'project' : plan.source,
      report_id: reportId,
      project_id: project?.id ?? null,
      region_code: project?.region_code ?? '230600',
      category: plan.category,
      title: plan.title,
      description: plan.description,
      raised_by: raiser.id,
      raised_by_unit_id: raiser.unit_id,
      raised_at: at(plan.raisedOn),
      raised_on: plan.raisedOn,
      responsible_position_id: project?.leader_position_id ?? null,
      level: plan.kind === 'instruction' ? 4 : plan.kind === 'decision' ? 3 : byReporter ? 1 : 2,
      status: 'new',
      reminder_count: 0,
      listed: false,
      version: 1,
    };
    ev(plan.raisedOn, 'raise', null, 'new', plan.title, raiser.id);
    items.push(row);
    // the last few days' items still wait to be assigned
    if (age < 8) continue;

    const assignedOn = addWorkingDays(plan.raisedOn, 1);
    const responseDue = addWorkingDays(assignedOn, 4);
    Object.assign(row, {
      status: 'assigned',
      responsible_unit_id: unit,
      assigned_on: assignedOn,
      response_due: responseDue,
      level: Math.max(row.level as number, 2),
    });
    if (r(1) < 0.2 && project) {
      const co = project.owner_unit_id && project.owner_unit_id !== unit ? project.owner_unit_id : null;
      if (co) coUnits.push({ item_id: id, unit_id: co });
    }
    ev(assignedOn, 'assign', 'new', 'assigned', null);

    // how the unit handles it: most answer in time, some late, a few not yet
    const late = r(2) < 0.15;
    // of the last fortnight's items, half still wait for their answer
    const waiting = age < 20 && n % 2 === 0;
    const respondedOn = addWorkingDays(
      assignedOn,
      late ? 5 + Math.floor(r(3) * 5) : 1 + Math.floor(r(3) * 3),
    );
    if (waiting || respondedOn > now) {
      if (now > responseDue) {
        const reminders = 1 + Math.floor(r(4) * 2);
        Object.assign(row, { reminder_count: reminders, last_reminded_on: addWorkingDays(responseDue, 1) });
        for (let k = 0; k < reminders; k++)
          ev(
            min(addWorkingDays(responseDue, 1 + k * 2), now),
            'remind',
            'assigned',
            'assigned',
            `第 ${k + 1} 次催办`,
          );
      }
      continue;
    }
    const promised = addDays(respondedOn, 15 + Math.floor(r(5) * 40));
    Object.assign(row, {
      status: 'responded',
      response_plan: '已制定解决方案，明确责任人和时间节点，正在协调相关部门推进。',
      promised_date: promised,
      responded_on: respondedOn,
      due_date: promised,
    });
    ev(
      respondedOn,
      'respond',
      'assigned',
      'responded',
      `已制定解决方案（承诺 ${promised} 前办结）`,
      answerer,
    );

    // stubborn ones: escalated, some listed for supervision, reminded
    const stubborn = r(6) < 0.12 && age > 30;
    if (stubborn) {
      const escalatedOn = addWorkingDays(promised, 6);
      if (escalatedOn <= now) {
        row.level = (row.level as number) + 1;
        ev(escalatedOn, 'escalate', 'responded', 'responded', '逾期未办结，提请重点项目协调会研究');
        if (r(7) < 0.6) {
          const listedDue = addDays(escalatedOn, 30);
          Object.assign(row, {
            listed: true,
            listed_on: escalatedOn,
            listed_due: listedDue,
            listed_reason: '久拖不决，挂牌督办',
            due_date: dueDate({ listed: true, listedDue, promisedDate: promised, resolutionDue: null }),
          });
          ev(escalatedOn, 'list', 'responded', 'responded', `挂牌督办，限 ${listedDue} 前办结：久拖不决`);
        }
        Object.assign(row, { reminder_count: 2, last_reminded_on: min(addDays(escalatedOn, 10), now) });
        ev(min(addDays(escalatedOn, 10), now), 'remind', 'responded', 'responded', '请加快办理进度');
      }
    }
    // recent items take longer on average, so some run past what was promised
    const resolveAfter = Math.floor(stubborn ? 75 + r(8) * 20 : age < 75 ? 20 + r(8) * 55 : 10 + r(8) * 45);
    const resolvedOn = addDays(respondedOn, resolveAfter);
    if (resolvedOn > now) continue;
    Object.assign(row, {
      status: 'resolved',
      resolution: '问题已解决，相关手续和现场条件已落实，附佐证材料。',
      resolved_on: resolvedOn,
    });
    ev(resolvedOn, 'resolve', 'responded', 'resolved', '问题已解决，相关手续和现场条件已落实。', answerer);

    // a few first resolutions are sent back
    let closeOn = addWorkingDays(resolvedOn, 2 + Math.floor(r(9) * 4));
    if (r(10) < 0.1) {
      const reason = '佐证材料不全，请补充现场照片和批复文件';
      const returnedOn = addWorkingDays(resolvedOn, 1);
      if (returnedOn > now) continue;
      ev(returnedOn, 'return', 'resolved', 'returned', reason);
      const again = addWorkingDays(resolvedOn, 6);
      if (again > now) {
        Object.assign(row, { status: 'returned', resolved_on: null, return_reason: reason });
        continue;
      }
      ev(again, 'resolve', 'returned', 'resolved', '已补充现场照片和批复文件。', answerer);
      Object.assign(row, { resolved_on: again });
      closeOn = addWorkingDays(again, 2);
    }
    if (closeOn > now) continue;
    Object.assign(row, { status: 'closed', closed_on: closeOn, closed_by: office.id });
    ev(closeOn, 'close', 'resolved', 'closed', '经核实，同意销号');
  }

  // two problems were raised twice (by another source a few days later) and merged into the first
  const targets = items.filter((i) => i.kind === 'problem' && i.status === 'responded').slice(0, 2);
  for (const target of targets) {
    id += 1;
    const seq = counters.get('WT')! + 1;
    counters.set('WT', seq);
    const raisedOn = min(addDays(target.raised_on as string, 3), now);
    items.push({
      ...target,
      id,
      code: `WT-2026-${String(seq).padStart(4, '0')}`,
      source: 'site_visit',
      report_id: null,
      raised_at: at(raisedOn, 15),
      raised_on: raisedOn,
      raised_by: users.office!.id,
      raised_by_unit_id: users.office!.unit_id,
      status: 'merged',
      merged_into: target.id,
      responsible_unit_id: null,
      assigned_on: null,
      response_due: null,
      due_date: null,
      response_plan: null,
      promised_date: null,
      responded_on: null,
      reminder_count: 0,
      last_reminded_on: null,
      listed: false,
      listed_on: null,
      listed_due: null,
      listed_reason: null,
    });
    const office = users.office!.id;
    const note = `${target.code}：现场调研重复提出`;
    events.push(
      {
        item_id: id,
        at: at(raisedOn, 15),
        actor_id: office,
        action: 'raise',
        from_status: null,
        to_status: 'new',
        note: target.title,
      },
      {
        item_id: id,
        at: at(raisedOn, 16),
        actor_id: office,
        action: 'merge',
        from_status: 'new',
        to_status: 'merged',
        note: `并入 ${note}`,
      },
      {
        item_id: target.id,
        at: at(raisedOn, 16),
        actor_id: office,
        action: 'merge_in',
        from_status: null,
        to_status: null,
        note: `WT-2026-${String(seq).padStart(4, '0')} 并入：现场调研重复提出`,
      },
    );
  }

  await transaction(db, async (trx) => {
    // the reminders on record are the timeline's: their count and the last one's date
    const reminded = new Map<unknown, { n: number; last: string }>();
    for (const e of events) {
      if (e.action !== 'remind') continue;
      const day = todayInChina(e.at as Date);
      const r = reminded.get(e.item_id) ?? { n: 0, last: day };
      reminded.set(e.item_id, { n: r.n + 1, last: day > r.last ? day : r.last });
    }
    for (const item of items) {
      const r = reminded.get(item.id);
      Object.assign(item, { reminder_count: r?.n ?? 0, last_reminded_on: r?.last ?? null });
    }
    await insertJson(trx, 'items', items);
    await insertJson(trx, 'item_co_units', coUnits);
    await insertJson(trx, 'item_events', events);
    await insertJson(
      trx,
      'item_counters',
      [...counters].map(([prefix, last]) => ({ prefix, year: 2026, last })),
    );
    // identities were given by hand: move the sequence past them
    await sql`select setval(pg_get_serial_sequence('items', 'id'), (select max(id) from items))`.execute(trx);
    await recordAudits(
      trx,
      ctx,
      items.map((i) => ({
        entity: 'item',
        entityId: i.id,
        action: 'create',
        after: { code: i.code, demo: '演示数据' },
      })),
    );
    // the units see what is waiting for them
    for (const i of items.filter((x) => ['assigned', 'responded', 'returned'].includes(x.status))) {
      const kind = i.listed
        ? 'listed'
        : (i.reminder_count as number) > 0
          ? 'reminded'
          : i.status === 'returned'
            ? 'returned'
            : 'assigned';
      const label = { listed: '挂牌督办', reminded: '催办', returned: '退回', assigned: '交办' }[kind];
      await notifyUnits(trx, [i.responsible_unit_id as number], {
        kind,
        title: `${label}：${i.title}`,
        body:
          i.status === 'responded'
            ? `办理时限 ${i.due_date as string}`
            : `请于 ${i.response_due as string} 前答复`,
        entity: 'item',
        entityId: i.id,
      });
    }
  });
}
