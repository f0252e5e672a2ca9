/**
 * The demo city's 2026 meetings (seeds 000–004: 一周一交流、一月一例会, coordination meetings): the
 * weekly exchange every Monday, the monthly 例会 on the third Tuesday, and four 专题协调会. Meetings
 * held before the demo's day are closed with their minutes numbers and a realistic attendance; their
 * decisions are the demo ledger's decision items (the third 协调会 decided the gas main, the July
 * 例会 the winter construction plans, the fourth 协调会 the compensation standard). October's 例会
 * tracked open items and left a topic unreached; November's was run through the real use cases —
 * agenda generated from October's (对照检查, open items, lights, 现场交账, the carried topic),
 * dispositions, a new decision item raised through the items engine — and closed. December's waits,
 * scheduled, for its agenda. Deterministic; loaded in bulk where it can be, to keep start-up fast.
 */
import type { ItemStatus } from '@ducha/contract';
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { Ctx } from '../../platform/access/context.ts';
import { actorById, toActor } from '../../platform/auth/repo.ts';
import { addDays } from '../../platform/calendar.ts';
import { todayInChina } from '../../platform/time.ts';
import { rand } from '../reports/demo-reports.ts';
import { addOutcome, createMeeting, createSeries, setDisposition, transitionMeeting } from './meetings.ts';
import { dispositionEffect } from './rules.ts';

const DEMO_TODAY = '2026-12-02';

const attendees = [
  '大庆市重点项目建设服务中心',
  '大庆市发展和改革委员会',
  '大庆市住房和城乡建设局',
  '大庆市交通运输局',
  '大庆市水务局',
  '大庆市自然资源局',
  '大庆市财政局',
  '大庆市工业和信息化局',
];
const people = ['局长', '副局长', '主任', '副主任', '科长'];
const reasons = ['参加省里会议', '出差', '带队现场督导', '病假'];

export async function seedDemoMeetings(db: Db, today = todayInChina()): Promise<void> {
  const now = today < DEMO_TODAY ? today : DEMO_TODAY;
  const office = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'office')
    .executeTakeFirstOrThrow();
  const ctx: Ctx = { actor: toActor((await actorById(db, office.id))!, 'session'), requestId: 'seed' };
  const units = await db.selectFrom('units').select(['id', 'name']).where('name', 'in', attendees).execute();
  const unitIds = attendees.map((n) => units.find((u) => u.name === n)?.id).filter((x): x is number => !!x);
  const position = async (name: string) =>
    (await db.selectFrom('positions').select('id').where('name', '=', name).executeTakeFirst())?.id ?? null;
  const execVm = await position('常务副市长');
  const decision = async (prefix: string) =>
    (await db
      .selectFrom('items')
      .select(['id', 'status', 'project_id', 'responsible_unit_id'])
      .where('kind', '=', 'decision')
      .where('title', 'like', `${prefix}%`)
      .executeTakeFirst()) ?? null;

  // the three series
  const weekly = await createSeries(db, ctx, {
    type: 'weekly',
    title: '重点项目周交流会',
    regionCode: '230600',
    chairPositionId: null,
    time: '08:30',
    place: '市重点项目建设服务中心三楼会议室',
    attendeeUnitIds: unitIds.slice(0, 5),
    startsOn: '2026-01-05',
    recurrence: { freq: 'weekly', weekday: 1 },
    end: { kind: 'never' },
  });
  const monthly = await createSeries(db, ctx, {
    type: 'monthly',
    title: '全市重点项目建设月度例会',
    regionCode: '230600',
    chairPositionId: execVm,
    time: '14:30',
    place: '市政府第一会议室',
    attendeeUnitIds: unitIds,
    startsOn: '2026-01-01',
    recurrence: { freq: 'monthly_weekday', nth: 3, weekday: 2 },
    end: { kind: 'never' },
  });
  const coordination = await createSeries(db, ctx, {
    type: 'coordination',
    title: '重点项目专题协调会',
    regionCode: '230600',
    chairPositionId: execVm,
    time: '09:30',
    place: '市政府第三会议室',
    attendeeUnitIds: unitIds.slice(0, 6),
    startsOn: '2026-03-17',
    recurrence: { freq: 'monthly', day: 17 },
    end: { kind: 'count', count: 1 },
  });
  for (const heldOn of ['2026-04-14', '2026-05-12', '2026-09-29'])
    await createMeeting(db, ctx, {
      type: 'coordination',
      title: '重点项目专题协调会',
      regionCode: '230600',
      chairPositionId: execVm,
      time: '09:30',
      place: '市政府第三会议室',
      attendeeUnitIds: unitIds.slice(0, 6),
      heldOn,
      seriesId: coordination,
    });
  await sql`update meetings set status = 'scheduled' where series_id = ${coordination}`.execute(db);
  const meetingOn = async (series: number, heldOn: string) =>
    (
      await db
        .selectFrom('meetings')
        .select('id')
        .where('series_id', '=', series)
        .where('held_on', '=', heldOn)
        .executeTakeFirstOrThrow()
    ).id;

  // decisions of the past: a topic, and the ledger's decision item as its outcome
  const officeId = office.id;
  const decided = async (
    meetingId: number,
    title: string,
    item: { id: number; project_id: number | null } | null,
    note: string,
  ) => {
    const e = await db
      .insertInto('meeting_entries')
      .values({
        meeting_id: meetingId,
        section: 'manual',
        sort: 1,
        title,
        generated: false,
        status: 'reached',
        project_id: item?.project_id ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('meeting_outcomes')
      .values({
        meeting_id: meetingId,
        entry_id: e.id,
        kind: item ? 'decision' : 'note',
        note,
        item_id: item?.id ?? null,
        step: item ? 'assign' : null,
        tracked: !!item,
        created_by: officeId,
      })
      .execute();
  };
  const d1 = await decision('协调会议定：燃气管线迁改');
  const d2 = await decision('调度会议定：冬季施工方案');
  const d3 = await decision('协调会议定：征收补偿标准');
  const c3 = await meetingOn(coordination, '2026-05-12');
  const c4 = await meetingOn(coordination, '2026-09-29');
  await decided(
    await meetingOn(coordination, '2026-03-17'),
    '城区主干道改造管线迁改问题',
    null,
    '燃气、供水、通信管线迁改由住建局牵头梳理，下次协调会专题研究。',
  );
  await decided(
    await meetingOn(coordination, '2026-04-14'),
    '开发区用地报批问题',
    null,
    '自然资源局 5 月底前完成组卷上报。',
  );
  if (d1 && now >= '2026-05-12')
    await decided(
      c3,
      '燃气管线迁改',
      d1,
      '协调会议定：燃气管线迁改 30 日内完成：燃气公司 30 日内完成迁改，住建局督导。',
    );
  if (d3 && now >= '2026-09-29') {
    await decided(
      c4,
      '征收补偿标准',
      d3,
      '协调会议定：征收补偿标准统一口径：由属地政府牵头统一补偿标准，10 日内完成签约。',
    );
    if (d1) {
      const done = (d1.status as ItemStatus) === 'closed' || (d1.status as ItemStatus) === 'resolved';
      await db
        .insertInto('meeting_entries')
        .values({
          meeting_id: c4,
          section: 'review',
          sort: 1,
          title: '协调会议定：燃气管线迁改 30 日内完成',
          detail: JSON.stringify({ fromMeetingId: c3 }),
          item_id: d1.id,
          status: 'reached',
          disposition: done ? 'done' : 'extended',
          disposition_note: done ? '迁改已完成' : '迁改涉及冬季停气窗口，顺延办理',
          disposition_date: done ? null : '2027-04-30',
          disposed_by: officeId,
        })
        .execute();
    }
    await sql`update meetings set previous_id = ${c3} where id = ${c4}`.execute(db);
  }
  const july = await meetingOn(monthly, '2026-07-21');
  if (d2 && now >= '2026-07-21')
    await decided(
      july,
      '冬季施工准备',
      d2,
      '调度会议定：冬季施工方案报备：在建项目 11 月 15 日前报备冬季施工方案。',
    );

  // October's 例会: three open items pressed (tracked), a topic not reached
  const october = await meetingOn(monthly, '2026-10-20');
  const open = await db
    .selectFrom('items')
    .select(['id', 'title', 'project_id', 'responsible_unit_id'])
    .where('kind', '=', 'problem')
    .where('status', 'in', ['assigned', 'responded', 'returned'])
    .where('level', '>=', 2)
    .orderBy('due_date')
    .limit(3)
    .execute();
  let sort = 0;
  for (const i of open) {
    const e = await db
      .insertInto('meeting_entries')
      .values({
        meeting_id: october,
        section: 'open_items',
        sort: ++sort,
        title: i.title,
        item_id: i.id,
        project_id: i.project_id,
        unit_id: i.responsible_unit_id,
        status: 'reached',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('meeting_outcomes')
      .values({
        meeting_id: october,
        entry_id: e.id,
        kind: 'item',
        note: `${i.title}：责任单位本月底前拿出解决方案，重点办跟踪督办。`,
        item_id: i.id,
        tracked: true,
        created_by: officeId,
      })
      .execute();
  }
  await decided(october, '四季度投资冲刺安排', null, '各责任单位倒排工期，确保完成全年投资目标。');
  await db
    .insertInto('meeting_entries')
    .values({
      meeting_id: october,
      section: 'manual',
      sort: 2,
      title: '2027年重点项目谋划储备',
      generated: false,
      status: 'not_reached',
    })
    .execute();

  // every meeting held before November's 例会 is closed, numbered per series, with attendance
  await sql`update meetings m set status = 'closed', agenda_generated_at = m.created_at,
      minutes_year = 2026, minutes_seq = n.seq
    from (select id, row_number() over (partition by series_id order by held_on) as seq from meetings
      where series_id in (${weekly}, ${monthly}, ${coordination}) and held_on < ${now}::date
        and not (series_id = ${monthly} and held_on >= '2026-11-17')) n
    where m.id = n.id`.execute(db);
  await sql`insert into meeting_counters (key, year, last)
    select 'series:' || series_id, 2026, max(minutes_seq) from meetings where minutes_seq is not null group by series_id`.execute(
    db,
  );
  const closed = await db
    .selectFrom('meetings')
    .select(['id', 'attendee_unit_ids'])
    .where('status', '=', 'closed')
    .orderBy('id')
    .execute();
  const rows: {
    meeting_id: number;
    unit_id: number;
    person_name: string;
    status: string;
    delegate: string | null;
    reason: string | null;
  }[] = [];
  for (const m of closed)
    for (const [k, u] of m.attendee_unit_ids.entries()) {
      const r = rand(m.id * 13 + k, 31);
      const status = r < 0.84 ? 'present' : r < 0.92 ? 'delegated' : r < 0.97 ? 'absent_excused' : 'absent';
      rows.push({
        meeting_id: m.id,
        unit_id: u,
        person_name: people[(m.id + k) % people.length]!,
        status,
        delegate: status === 'delegated' ? '办公室主任' : null,
        reason: status === 'absent_excused' ? reasons[(m.id + k) % reasons.length]! : null,
      });
    }
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('meeting_attendance')
      .values(rows.slice(i, i + 500))
      .execute();

  // November's 例会, run as the clerk runs it: the agenda from October's, dispositions, a decision, closed
  if (now <= '2026-11-17') return;
  // deadlines set at the meeting lie ahead of the day the demo is loaded
  const ahead = (date: string) => (date > today ? date : addDays(today, 30));
  const november = await meetingOn(monthly, '2026-11-17');
  const version = async () =>
    (await db.selectFrom('meetings').select('version').where('id', '=', november).executeTakeFirstOrThrow())
      .version;
  await transitionMeeting(db, ctx, november, { action: 'start', version: await version() });
  const entries = await db
    .selectFrom('meeting_entries')
    .select(['id', 'section', 'item_id', 'project_id', 'version', 'title'])
    .where('meeting_id', '=', november)
    .orderBy('section')
    .orderBy('sort')
    .execute();
  for (const e of entries.filter((x) => x.section === 'review')) {
    const item = await db
      .selectFrom('items')
      .select('status')
      .where('id', '=', e.item_id!)
      .executeTakeFirstOrThrow();
    const status = item.status as ItemStatus;
    const effect = (d: 'done' | 'extended') => !('refuse' in dispositionEffect(d, status));
    if (effect('done'))
      await setDisposition(db, ctx, e.id, { version: e.version, disposition: 'done', reason: '已落实' });
    else if (effect('extended'))
      await setDisposition(db, ctx, e.id, {
        version: e.version,
        disposition: 'extended',
        newDeadline: ahead('2027-01-15'),
        reason: '冬季停工，延至明年初办结',
      });
    else
      await setDisposition(db, ctx, e.id, {
        version: e.version,
        disposition: 'dropped',
        reason: '已不再需要会议协调',
      });
  }
  const red = entries.find((x) => x.section === 'lights');
  if (red)
    await addOutcome(db, ctx, red.id, {
      kind: 'decision',
      version: red.version,
      title: '红灯项目 12 月底前赶上序时进度',
      note: '责任单位制定赶工计划，12 月底前投资完成率达到序时进度，重点办每周调度。',
      category: '施工组织',
      responsibleUnitId: unitIds[2]!,
      coUnitIds: [],
      resolutionDue: ahead('2026-12-31'),
    });
  for (const e of entries.filter((x) => x.section === 'unit_report').slice(0, 4))
    await addOutcome(db, ctx, e.id, {
      kind: 'note',
      version: e.version,
      note: '汇报项目进展和存在问题，会议要求按月度计划推进。',
    });
  await sql`insert into meeting_attendance (meeting_id, unit_id, person_name, status, delegate, reason)
    select ${november}, u, '局长', case when u = ${unitIds[5] ?? -1} then 'absent_excused' else 'present' end, null,
      case when u = ${unitIds[5] ?? -1} then '参加省自然资源厅会议' else null end
    from unnest(${sql.val(unitIds)}::int[]) u`.execute(db);
  await transitionMeeting(db, ctx, november, { action: 'close', version: await version() });
}
