/**
 * The province's ledger: supervised items of every kind raised over the 24 months (problems from
 * reports, site visits, meetings, complaints and inspections; meeting decisions; leaders'
 * instructions; rectifications), each taken through the state machine as offices and units do
 * (demo-items.ts is the model): older ones mostly closed out, recent ones at every step, some
 * answered late, overdue and reminded, a few escalated, listed or returned, duplicates merged, one
 * long-running listed problem reminded for over a year. Built in JavaScript with its handling
 * timeline, written in bulk batches; then set-based: the reports items were raised from, the code
 * counters and the units' notifications.
 */
import type { ItemKind, ItemStatus } from '@ducha/contract';
import { sql } from 'kysely';
import {
  addWorkingDays as slowAddWorkingDays,
  isWorkingDay,
} from '../../packages/server/src/platform/calendar.ts';
import { bulk, bumpSequence, chinaTime, pick, plusDays, rnd, scaled, type Gen } from './context.ts';
import { GO_LIVE, type Org } from './org.ts';
import type { Project } from './registry.ts';
import { DECISIONS, INSTRUCTIONS, PROBLEMS, RECTIFICATIONS } from './texts.ts';

/** Working days by index, so that adding n working days is a lookup (the official calendar, no corrections). */
function workingCalendar(from: string, to: string) {
  const list: string[] = [];
  const upTo = new Map<string, number>();
  for (let d = from; d <= to; d = plusDays(d, 1)) {
    if (isWorkingDay(d)) list.push(d);
    upTo.set(d, list.length);
  }
  return (date: string, n: number): string => {
    const c = upTo.get(date);
    if (c === undefined || c + n > list.length) return slowAddWorkingDays(date, n);
    return n <= 0 ? date : list[c + n - 1]!;
  };
}

const PREFIX: Record<ItemKind, string> = {
  problem: 'WT',
  decision: 'YD',
  instruction: 'PS',
  rectification: 'ZG',
};
const SOURCES = [
  'report',
  'report',
  'report',
  'report',
  'report',
  'project',
  'project',
  'site_visit',
  'site_visit',
  'meeting',
  'complaint',
  'inspection',
];
const CATEGORIES = Object.keys(PROBLEMS);
const min = (a: string, b: string) => (a < b ? a : b);

type Row = Record<string, unknown> & { id: number; status: ItemStatus; kind: ItemKind };

export interface ItemsResult {
  /** the item with the most events (a long-running listed problem), and an item with duplicates merged in */
  busiest: number;
  mergedTarget: number | null;
}

export async function generateItems(g: Gen, org: Org, projects: Project[]): Promise<ItemsResult> {
  const n = scaled(g, 50_000, 60);
  const live = GO_LIVE(g);
  const first = plusDays(live, 5);
  const yesterday = plusDays(g.today, -1);
  const addWD = workingCalendar(plusDays(live, -10), plusDays(g.today, 400));
  const span = Math.round((Date.parse(yesterday) - Date.parse(first)) / 86_400_000);
  const users = new Map(org.users.map((u) => [u.id, u]));
  const regions = org.regions.filter((r) => r.level !== 'province');
  const leadersOf = new Map<string, number[]>();
  for (const u of org.users)
    if (u.role === 'leader' && u.region) leadersOf.set(u.region, [...(leadersOf.get(u.region) ?? []), u.id]);
  const inspectors = org.users.filter((u) => u.role === 'inspector').map((u) => u.id);
  const under = projects.filter((p) => p.group !== 4);
  const items: Row[] = [];
  const events: Record<string, unknown>[] = [];
  const coUnits: Record<string, unknown>[] = [];
  const attachments: Record<string, unknown>[] = [];
  const counters = new Map<string, number>();
  const codeOf = (kind: ItemKind, raisedOn: string) => {
    const key = `${PREFIX[kind]}-${raisedOn.slice(0, 4)}`;
    const seq = (counters.get(key) ?? 0) + 1;
    counters.set(key, seq);
    return `${key}-${String(seq).padStart(4, '0')}`;
  };

  for (let id = 1; id <= n; id++) {
    const r = (salt: number) => rnd(id, 100 + salt);
    // the first four are one of each kind, so every scale has them
    const kr = id <= 4 ? [0.5, 0.88, 0.93, 0.97][id - 1]! : r(0);
    const kind: ItemKind =
      kr < 0.86 ? 'problem' : kr < 0.91 ? 'decision' : kr < 0.955 ? 'instruction' : 'rectification';
    const busiest = id === 5;
    // ids 6 to 10 end in the states the rest may miss at a small scale: returned, resolved (not yet
    // closed), new, assigned (waiting for the answer), responded
    const fate = ({ 6: 'returned', 7: 'resolved', 8: 'new', 9: 'assigned', 10: 'responded' } as const)[id];
    const withProject =
      kind === 'problem' || kind === 'rectification' || r(1) < (kind === 'decision' ? 0.5 : 0.3);
    const project = withProject ? under[Math.floor(r(2) * under.length)]! : null;
    const region = project?.region ?? pick(regions, r(3)).code;
    const picks = org.picks.get(region)!;
    const office = picks.office;
    // spread over the months, a little denser lately; the busiest was raised in the first spring
    const raisedOn = busiest
      ? plusDays(first, 90)
      : fate
        ? plusDays(g.today, -{ returned: 45, resolved: 45, new: 3, assigned: 12, responded: 40 }[fate])
        : plusDays(first, Math.floor(r(4) ** 0.85 * span));
    const age = Math.round((Date.parse(g.today) - Date.parse(raisedOn)) / 86_400_000);
    const source =
      kind === 'problem'
        ? pick(SOURCES, r(5))
        : kind === 'decision'
          ? 'meeting'
          : kind === 'instruction'
            ? 'leader'
            : 'inspection';
    const category =
      kind === 'problem' || kind === 'rectification' ? pick(CATEGORIES, r(6)) : pick(CATEGORIES, r(6) * 0.5);
    const [title, description] =
      kind === 'problem'
        ? pick(PROBLEMS[category]!, r(7))
        : kind === 'decision'
          ? pick(DECISIONS, r(7))
          : kind === 'instruction'
            ? pick(INSTRUCTIONS, r(7))
            : pick(RECTIFICATIONS, r(7));
    const reporter = project ? org.staff.get(project.owner)?.reporter[0] : undefined;
    const raiser =
      kind === 'instruction'
        ? pick(
            leadersOf.get(region) ??
              leadersOf.get(org.regions.find((x) => x.code === region)!.parent!) ?? [office],
            r(8),
          )
        : kind === 'rectification' && inspectors.length
          ? pick(inspectors, r(8))
          : source === 'report' && reporter && r(9) < 0.5
            ? reporter
            : office;
    const byReporter = users.get(raiser)!.role === 'reporter';
    const unit = project?.lead ?? pick(picks.leads, r(10));
    const answerer = org.staff.get(unit)?.unit[0] ?? org.staff.get(unit)?.reporter[0] ?? null;
    const row: Row = {
      id,
      code: codeOf(kind, raisedOn),
      kind,
      source,
      report_id: null,
      project_id: project?.id ?? null,
      region_code: region,
      category,
      title,
      description,
      raised_by: raiser,
      raised_by_unit_id: users.get(raiser)!.unit,
      raised_at: chinaTime(raisedOn, 9 + Math.floor(r(11) * 8)),
      raised_on: raisedOn,
      responsible_position_id: project?.leader ?? null,
      level: kind === 'instruction' ? 4 : kind === 'decision' ? 3 : byReporter ? 1 : 2,
      status: 'new',
      reminder_count: 0,
      listed: false,
      version: 1,
    };
    items.push(row);
    let step = 0;
    const ev = (
      date: string,
      action: string,
      from: ItemStatus | null,
      to: ItemStatus | null,
      note: string | null,
      who: number | null = office,
    ) => {
      step += 1;
      events.push({
        item_id: id,
        at: action === 'raise' ? row.raised_at : chinaTime(date, 9 + ((id + step) % 8), step % 60),
        actor_id: who,
        action,
        from_status: from,
        to_status: to,
        note,
      });
    };
    const remind = (from: string, to: string, status: ItemStatus, every: number, max: number) => {
      let k = 0;
      for (let d = from; d <= to && k < max; d = addWD(d, every)) {
        k += 1;
        ev(d, 'remind', status, status, `第 ${k} 次催办`);
        row.reminder_count = (row.reminder_count as number) + 1;
        row.last_reminded_on = d;
      }
    };
    ev(raisedOn, 'raise', null, 'new', title, raiser);
    // the last week's items wait to be assigned
    if ((age < 8 && !busiest) || fate === 'new') continue;
    const assignedOn = addWD(raisedOn, 1);
    const responseDue = addWD(assignedOn, 4);
    Object.assign(row, {
      status: 'assigned',
      responsible_unit_id: unit,
      assigned_on: assignedOn,
      response_due: responseDue,
      resolution_due: kind === 'decision' ? plusDays(assignedOn, 30) : null,
      due_date: kind === 'decision' ? plusDays(assignedOn, 30) : null,
      level: Math.max(row.level as number, 2),
    });
    if (r(12) < 0.2 && project && project.owner !== unit)
      coUnits.push({ item_id: id, unit_id: project.owner });
    ev(assignedOn, 'assign', 'new', 'assigned', null);
    const late = !fate && r(13) < 0.15;
    const waiting = fate === 'assigned' || (!fate && age < 25 && r(14) < 0.5);
    const respondedOn = addWD(assignedOn, late ? 5 + Math.floor(r(15) * 5) : 1 + Math.floor(r(15) * 3));
    if ((waiting || respondedOn > yesterday) && !busiest) {
      if (yesterday > responseDue) remind(addWD(responseDue, 1), yesterday, 'assigned', 2, 3);
      continue;
    }
    const promised = plusDays(respondedOn, 15 + Math.floor(r(16) * 40));
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
    const stubborn = busiest || (!fate && r(17) < 0.12 && age > 30);
    if (stubborn) {
      const escalatedOn = addWD(promised, 6);
      if (escalatedOn <= yesterday) {
        row.level = (row.level as number) + 1;
        ev(escalatedOn, 'escalate', 'responded', 'responded', '逾期未办结，提请重点项目协调会研究');
        if (busiest || r(18) < 0.6) {
          const listedDue = plusDays(escalatedOn, 30);
          Object.assign(row, {
            listed: true,
            listed_on: escalatedOn,
            listed_due: listedDue,
            listed_reason: '久拖不决，挂牌督办',
            due_date: listedDue,
          });
          ev(escalatedOn, 'list', 'responded', 'responded', `挂牌督办，限 ${listedDue} 前办结：久拖不决`);
        }
        if (busiest) {
          // a year of weekly reminders and a second escalation: the item the benchmark opens
          const again = addWD(escalatedOn, 60);
          if (again <= yesterday) {
            row.level = (row.level as number) + 1;
            ev(again, 'escalate', 'responded', 'responded', '挂牌后仍未办结，提请分管领导协调');
          }
          remind(addWD(escalatedOn, 5), yesterday, 'responded', 5, 400);
          continue;
        }
        remind(addWD(escalatedOn, 5), min(addWD(escalatedOn, 20), yesterday), 'responded', 5, 3);
      }
    }
    const resolveAfter = Math.floor(
      stubborn ? 75 + r(19) * 20 : age < 75 ? 20 + r(19) * 55 : 10 + r(19) * 45,
    );
    const resolvedOn =
      fate === 'responded'
        ? g.today
        : fate === 'returned' || fate === 'resolved'
          ? [plusDays(yesterday, fate === 'returned' ? -6 : -1), plusDays(respondedOn, 1)].sort().at(-1)!
          : plusDays(respondedOn, resolveAfter);
    if (resolvedOn > yesterday) {
      if (!stubborn && yesterday > promised) remind(addWD(promised, 1), yesterday, 'responded', 5, 2);
      // the office keeps a few overdue ones at their rung for now
      if (!fate && yesterday > promised && r(20) < 0.03) {
        row.proposal_dismissed_level = row.level;
        ev(yesterday, 'dismiss_proposal', null, null, '正在协调解决，暂不升级');
      }
      continue;
    }
    Object.assign(row, {
      status: 'resolved',
      resolution: '问题已解决，相关手续和现场条件已落实，附佐证材料。',
      resolved_on: resolvedOn,
    });
    ev(resolvedOn, 'resolve', 'responded', 'resolved', '问题已解决，相关手续和现场条件已落实。', answerer);
    if (r(21) < 0.25) {
      const files = 1 + Math.floor(r(22) * 2);
      for (let k = 0; k < files; k++) {
        const sha = (rnd(id, 200 + k) * 2 ** 52).toString(16).padStart(13, '0').repeat(5).slice(0, 64);
        attachments.push({
          item_id: id,
          name: k === 0 ? '整改佐证材料.jpg' : '现场照片.jpg',
          type: 'image/jpeg',
          size: 150_000 + Math.floor(rnd(id, 210 + k) * 2_000_000),
          sha256: sha,
          path: `files/${sha.slice(0, 2)}/${sha}`,
          created_by: answerer,
          created_at: chinaTime(resolvedOn, 9),
        });
        ev(resolvedOn, 'attach', null, null, k === 0 ? '整改佐证材料.jpg' : '现场照片.jpg', answerer);
      }
    }
    let closeOn = fate === 'resolved' ? plusDays(g.today, 30) : addWD(resolvedOn, 2 + Math.floor(r(23) * 4));
    if (fate === 'returned' || (!fate && r(24) < 0.1)) {
      const reason = '佐证材料不全，请补充现场照片和批复文件';
      const returnedOn = addWD(resolvedOn, 1);
      if (returnedOn > yesterday) continue;
      ev(returnedOn, 'return', 'resolved', 'returned', reason);
      const again = addWD(resolvedOn, 6);
      if (again > yesterday || fate === 'returned') {
        Object.assign(row, { status: 'returned', resolved_on: null, return_reason: reason });
        continue;
      }
      ev(again, 'resolve', 'returned', 'resolved', '已补充现场照片和批复文件。', answerer);
      Object.assign(row, { resolved_on: again });
      closeOn = addWD(again, 2);
    }
    if (closeOn > yesterday) continue;
    Object.assign(row, { status: 'closed', closed_on: closeOn, closed_by: office });
    ev(closeOn, 'close', 'resolved', 'closed', '经核实，同意销号');
  }

  // duplicates: some of the responded problems were raised again a few days later and merged into them
  const targets = items.filter(
    (i) => i.kind === 'problem' && i.status === 'responded' && rnd(i.id, 300) < 0.06,
  );
  if (!targets.length) targets.push(items.find((i) => i.status === 'responded')!);
  for (const [k, target] of targets.entries()) {
    const id = items.length + 1;
    const raisedOn = min(plusDays(target.raised_on as string, 3), yesterday);
    const office = org.picks.get(target.region_code as string)!.office;
    const code = codeOf('problem', raisedOn);
    items.push({
      ...target,
      id,
      code,
      source: 'site_visit',
      report_id: null,
      raised_at: chinaTime(raisedOn, 15),
      raised_on: raisedOn,
      raised_by: office,
      raised_by_unit_id: users.get(office)!.unit,
      status: 'merged',
      merged_into: target.id,
      level: 2,
      responsible_unit_id: null,
      assigned_on: null,
      response_due: null,
      resolution_due: null,
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
      proposal_dismissed_level: null,
    });
    const note = `${target.code as string}：现场调研重复提出`;
    events.push(
      {
        item_id: id,
        at: chinaTime(raisedOn, 15),
        actor_id: office,
        action: 'raise',
        from_status: null,
        to_status: 'new',
        note: target.title,
      },
      {
        item_id: id,
        at: chinaTime(raisedOn, 16),
        actor_id: office,
        action: 'merge',
        from_status: 'new',
        to_status: 'merged',
        note: `并入 ${note}`,
      },
      {
        item_id: target.id,
        at: chinaTime(raisedOn, 16, k % 60),
        actor_id: office,
        action: 'merge_in',
        from_status: null,
        to_status: null,
        note: `${code} 并入：现场调研重复提出`,
      },
    );
  }
  for (const i of items)
    i.updated_at = i.closed_on ? chinaTime(i.closed_on as string, 17) : chinaTime(yesterday, 18);
  events.sort(
    (a, b) =>
      (a.item_id as number) - (b.item_id as number) || (a.at as Date).getTime() - (b.at as Date).getTime(),
  );

  await bulk(g.db, 'items', items, 4000);
  await bulk(g.db, 'item_co_units', coUnits, 10000);
  await bulk(g.db, 'item_events', events, 10000);
  await bulk(g.db, 'item_attachments', attachments, 10000);
  await bumpSequence(g.db, 'items');
  await bulk(
    g.db,
    'item_counters',
    [...counters].map(([key, last]) => ({ prefix: key.slice(0, 2), year: Number(key.slice(3)), last })),
  );
  // the units' notifications: every assignment (read, once handled), reminders, listings and returns
  await sql`insert into notifications (user_id, kind, title, body, entity, entity_id, created_at, read_at)
    select u.id, x.kind, x.label || '：' || i.title,
      case when i.status = 'responded' then '办理时限 ' || i.due_date else '请于 ' || i.response_due || ' 前答复' end,
      'item', i.id::text, x.at,
      case when i.status in ('assigned', 'responded', 'returned') and x.at > ${chinaTime(plusDays(g.today, -14))}::timestamptz then null
           else x.at + interval '1 day' end
    from items i
    cross join lateral (select
        case when i.listed then 'listed' when i.reminder_count > 0 then 'reminded' when i.status = 'returned' then 'returned' else 'assigned' end as kind,
        case when i.listed then '挂牌督办' when i.reminder_count > 0 then '催办' when i.status = 'returned' then '退回' else '交办' end as label,
        ((coalesce(i.last_reminded_on, i.listed_on, i.assigned_on) + interval '10 hours')::timestamp at time zone 'Asia/Shanghai') as at) x
    join users u on u.unit_id = i.responsible_unit_id and u.role in ('unit', 'reporter')
    where i.assigned_on is not null`.execute(g.db);

  const counts = new Map<number, number>();
  for (const e of events) counts.set(e.item_id as number, (counts.get(e.item_id as number) ?? 0) + 1);
  const busiest = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  return { busiest, mergedTarget: targets[0]?.id ?? null };
}

/** Problems raised from a report get its id, once the indexes are built (the update finds reports through them). */
export async function linkReports(g: Gen) {
  // problems raised from a report: the project's report of the month before (two before early in a month)
  await sql`update items i set report_id = r.id
    from monthly_reports r
    where i.source = 'report' and r.project_id = i.project_id and r.current
      and (r.year, r.month) = (select extract(year from d)::int, extract(month from d)::int
                               from (select (date_trunc('month', i.raised_on) - case when extract(day from i.raised_on) >= 12
                                       then interval '1 month' else interval '2 months' end) as d) x)
      and r.first_submitted_at is not null`.execute(g.db);
  await sql`update items set source = 'project' where source = 'report' and report_id is null`.execute(g.db);
}
