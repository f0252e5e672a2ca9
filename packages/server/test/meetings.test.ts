/**
 * Meetings over HTTP against a real database (issue 13): a monthly series laid out and one meeting
 * moved; the state rules; October's agenda in order (open items at the meeting's rung, overdue
 * first; the month's red then yellow projects; 现场交账 per unit; items by hand); outcomes that
 * become decision items in the ledger; November opening with October's decisions and their live
 * status, refusing to close before each has a disposition, carried-over entries; reopening that
 * keeps every outcome; December reviewing what November kept tracking; attendance counted per unit
 * and month; minutes as JSON, Word and HTML; the meeting on the timelines it touched.
 */
import type { MeetingDetail, MeetingSummary } from '@ducha/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cityProject, demoUnits, meetingSeries, signInAs, supervisedItem } from './factories.ts';
import { createTestApp, expectError, type Client, type TestApp } from './helpers.ts';

let t: TestApp;
let office: Client;
let unit: Client;
let reporter: Client;
let lindian: Client;
let leader: Client;
let u: Awaited<ReturnType<typeof demoUnits>>;
let pA: number; // 住建局's, red in November's lights
let pB: number; // 交通局's, yellow
let pC: number; // 水务局's, green
let i1: number; // on pA, level 3, due later
let i2: number; // on pB, level 3, overdue
let i3: number; // on pC, level 2: not at the meeting's rung
let meetings: MeetingSummary[];

const ok = <T>(res: { statusCode: number; body: string; json: () => unknown }, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};
const get = async (id: number, c = office) => ok<MeetingDetail>(await c.get(`/api/meetings/${id}`));
const act = async (id: number, action: string, extra: Record<string, unknown> = {}) => {
  const d = await get(id);
  return office.post(`/api/meetings/${id}/transitions`, { action, version: d.meeting.version, ...extra });
};
const section = (d: MeetingDetail, s: string) => d.entries.filter((e) => e.section === s);

beforeAll(async () => {
  t = await createTestApp();
  ({
    office,
    unit,
    reporter,
    office_lindian: lindian,
    leader,
  } = await signInAs(t, 'office', 'unit', 'reporter', 'office_lindian', 'leader'));
  u = await demoUnits(t);
  pA = (await cityProject(office, { responsibleUnitId: u.zjj, name: '甲 城市道路改造' })).id;
  pB = (await cityProject(office, { responsibleUnitId: u.jtj, name: '乙 客运枢纽' })).id;
  pC = (await cityProject(office, { responsibleUnitId: u.swj, name: '丙 污水厂' })).id;
  const escalated = async (projectId: number, unitId: number, title: string) => {
    const d = await supervisedItem(office, { projectId, title, assign: { responsibleUnitId: unitId } });
    const e = ok<{ item: { id: number } }>(
      await office.post(`/api/items/${d.item.id}/steps`, {
        action: 'escalate',
        version: d.item.version,
        reason: '责任单位协调不了，提请重点办协调',
      }),
    );
    return e.item.id;
  };
  i1 = await escalated(pA, u.zjj, '征地拆迁未完成');
  i2 = await escalated(pB, u.jtj, '施工许可未办');
  i3 = (
    await supervisedItem(office, { projectId: pC, title: '管线迁改', assign: { responsibleUnitId: u.swj } })
  ).item.id;
  const db = t.database.db;
  await db.updateTable('items').set({ due_date: '2026-09-30' }).where('id', '=', i2).execute();
  await db.updateTable('items').set({ due_date: '2026-12-31' }).where('id', '=', i1).execute();
  // September's lights, published: A red, B yellow, C green
  await db
    .insertInto('month_closes')
    .values({
      region_code: '230600',
      year: 2026,
      month: 9,
      status: 'published',
      computed_at: new Date(),
      published_at: new Date(),
      rules_version: 1,
      indicators: '{}',
      region_indicators: '{}',
    })
    .execute();
  const light = (project_id: number, computed: string, text: string) => ({
    project_id,
    year: 2026,
    month: 9,
    computed,
    reasons: JSON.stringify(text ? [{ code: 'X', values: {}, text }] : []),
    streak: 1,
    red_streak: computed === 'red' ? 2 : 0,
    referral: false,
    planned_to_date: '100',
    done_to_date: '50',
    closed_by_region: '230600',
  });
  await db
    .insertInto('lights')
    .values([light(pA, 'red', '投资完成率 50%'), light(pB, 'yellow', '未按时报送'), light(pC, 'green', '')])
    .execute();
});
afterAll(() => t.close());

describe('a series and its meetings', () => {
  it('lays out the monthly 例会 on the 15th, scheduled; moving one keeps the rest', async () => {
    const s = await meetingSeries(office, { attendeeUnitIds: [u.zjj, u.jtj], title: '市重点项目月度例会' });
    expect(s.meetings.map((m) => [m.seq, m.heldOn, m.status])).toEqual([
      [1, '2026-10-15', 'scheduled'],
      [2, '2026-11-15', 'scheduled'],
      [3, '2026-12-15', 'scheduled'],
    ]);
    expect(s.canManage).toBe(true);
    const nov = s.meetings[1]!;
    const moved = ok<MeetingDetail>(
      await office.patch(`/api/meetings/${nov.id}`, {
        version: nov.version,
        heldOn: '2026-11-13',
        place: '市政府三楼',
      }),
    );
    expect([moved.meeting.heldOn, moved.meeting.moved, moved.meeting.place]).toEqual([
      '2026-11-13',
      true,
      '市政府三楼',
    ]);
    const again = ok<{ meetings: MeetingSummary[] }>(await office.get(`/api/meeting-series/${s.series.id}`));
    meetings = again.meetings;
    expect(meetings.map((m) => [m.heldOn, m.moved])).toEqual([
      ['2026-10-15', false],
      ['2026-11-13', true],
      ['2026-12-15', false],
    ]);
    // a stale version is refused
    expectError(
      await office.patch(`/api/meetings/${nov.id}`, { version: nov.version, place: 'x' }),
      409,
      'VERSION_CONFLICT',
    );
    // the calendar: November's meetings
    const cal = ok<{ items: MeetingSummary[]; total: number }>(
      await office.get('/api/meetings?month=2026-11'),
    );
    expect(cal.items.map((m) => m.id)).toEqual([nov.id]);
  });

  it('only the office over the region plans a series', async () => {
    expectError(
      await lindian.post('/api/meeting-series', {
        type: 'weekly',
        title: '周交流会',
        regionCode: '230600',
        startsOn: '2026-10-01',
        recurrence: { freq: 'weekly', weekday: 1 },
        end: { kind: 'never' },
      }),
      403,
      'OUT_OF_SCOPE',
    );
    expectError(await leader.post('/api/meeting-series', {}), 403, 'FORBIDDEN');
  });
});

describe('October: the agenda, the state rules and outcomes', () => {
  it('refuses outcomes before the meeting starts; starting generates the agenda in order', async () => {
    const oct = meetings[0]!;
    const before = await get(oct.id);
    expect(before.meeting.status).toBe('scheduled');
    expect(before.allowedActions).toEqual(['start']);
    const generated = ok<MeetingDetail>(
      await office.post(`/api/meetings/${oct.id}/agenda`, { version: before.meeting.version }),
    );
    const entry = section(generated, 'open_items')[0]!;
    expectError(
      await office.post(`/api/meeting-entries/${entry.id}/outcomes`, {
        kind: 'note',
        version: entry.version,
        note: '抓紧',
      }),
      409,
      'INVALID_STATE',
    );
    // two entries by hand
    let d = ok<MeetingDetail>(
      await office.post(`/api/meetings/${oct.id}/entries`, {
        version: generated.meeting.version,
        title: '冬季施工安排',
      }),
      201,
    );
    d = ok<MeetingDetail>(
      await office.post(`/api/meetings/${oct.id}/entries`, {
        version: d.meeting.version,
        title: '明年项目谋划',
      }),
      201,
    );
    expect(ok<MeetingDetail>(await act(oct.id, 'start')).meeting.status).toBe('in_progress');
    d = await get(oct.id);
    expect(d.entries.map((e) => e.section)).toEqual([
      'open_items',
      'open_items',
      'lights',
      'lights',
      'unit_report',
      'unit_report',
      'unit_report',
      'manual',
      'manual',
    ]);
    // open items at rung 3, overdue first; the rung-2 item is not there
    expect(section(d, 'open_items').map((e) => [e.item?.id, e.item?.overdue])).toEqual([
      [i2, true],
      [i1, false],
    ]);
    expect(d.entries.some((e) => e.item?.id === i3)).toBe(false);
    // September's red then yellow, with their reasons
    const texts = (r: unknown) => (r as { text: string }[]).map((x) => x.text);
    expect(section(d, 'lights').map((e) => [e.project?.id, e.detail.color, texts(e.detail.reasons)])).toEqual(
      [
        [pA, 'red', ['投资完成率 50%']],
        [pB, 'yellow', ['未按时报送']],
      ],
    );
    // 现场交账: one per unit, the one with a red project first
    const report = section(d, 'unit_report');
    expect(report.map((e) => e.unit?.id)).toEqual([u.zjj, u.jtj, u.swj]);
    expect(report[0]!.detail).toMatchObject({
      projects: 1,
      red: 1,
      yellow: 0,
      openItems: 1,
      overdueItems: 0,
    });
    expect(report[1]!.detail).toMatchObject({ projects: 1, yellow: 1, openItems: 1, overdueItems: 1 });
    expect(section(d, 'manual').map((e) => e.title)).toEqual(['冬季施工安排', '明年项目谋划']);
    // the 现场交账 units are on the attendance sheet with the attendees
    expect(d.attendance.map((a) => a.unit.id).sort()).toEqual([u.zjj, u.jtj, u.swj].sort());
    // no agenda regeneration once in progress
    expectError(
      await office.post(`/api/meetings/${oct.id}/agenda`, { version: d.meeting.version }),
      409,
      'INVALID_STATE',
    );
  });

  it('records a decision as a new decision item, a step on an existing item, and a note', async () => {
    const oct = meetings[0]!;
    let d = await get(oct.id);
    const red = section(d, 'lights')[0]!;
    d = ok<MeetingDetail>(
      await office.post(`/api/meeting-entries/${red.id}/outcomes`, {
        kind: 'decision',
        version: red.version,
        title: '11月底前完成征收补偿',
        note: '市住建局牵头，11月底前完成剩余征收补偿，确保12月开工',
        category: '征地拆迁',
        responsibleUnitId: u.zjj,
        resolutionDue: '2026-12-20',
      }),
      201,
    );
    const outcome = d.entries.find((e) => e.id === red.id)!.outcomes[0]!;
    expect(outcome.kind).toBe('decision');
    expect(outcome.item).toMatchObject({
      status: 'assigned',
      dueDate: '2026-12-20',
      responsibleUnit: '大庆市住房和城乡建设局',
    });
    // it is in the ledger as a decision from a meeting, on the project
    const ledger = ok<{
      items: { id: number; kind: string; source: string; project: { id: number } | null }[];
    }>(await office.get('/api/items?kind=decision'));
    expect(ledger.items.find((i) => i.id === outcome.item!.id)).toMatchObject({
      kind: 'decision',
      source: 'meeting',
      project: { id: pA },
    });
    // the unit sees it among its items
    expect((await unit.get(`/api/items/${outcome.item!.id}`)).statusCode).toBe(200);
    // a stale entry version is refused
    expectError(
      await office.post(`/api/meeting-entries/${red.id}/outcomes`, {
        kind: 'note',
        version: red.version,
        note: '再议',
      }),
      409,
      'VERSION_CONFLICT',
    );
    // a reminder on the open item i1
    const e1 = section(d, 'open_items').find((e) => e.item?.id === i1)!;
    d = ok<MeetingDetail>(
      await office.post(`/api/meeting-entries/${e1.id}/outcomes`, {
        kind: 'item',
        version: e1.version,
        itemId: i1,
        step: 'remind',
        note: '请市住建局本周内拿出征地方案',
      }),
      201,
    );
    const item = ok<{ item: { reminderCount: number } }>(await office.get(`/api/items/${i1}`));
    expect(item.item.reminderCount).toBe(1);
    // a note on the first hand-added entry; the second is not reached
    const m1 = section(d, 'manual')[0]!;
    ok(
      await office.post(`/api/meeting-entries/${m1.id}/outcomes`, {
        kind: 'note',
        version: m1.version,
        note: '11月15日前报送方案',
      }),
      201,
    );
    // a decision needs a unit and a deadline
    const e2 = section(d, 'open_items').find((e) => e.item?.id === i2)!;
    expectError(
      await office.post(`/api/meeting-entries/${e2.id}/outcomes`, {
        kind: 'decision',
        version: e2.version,
        title: '抓紧办理',
        note: '抓紧办理',
      }),
      400,
      'VALIDATION',
      'body.responsibleUnitId',
    );
  });

  it('closes with a minutes number and marks what was not reached; a closed meeting is read-only', async () => {
    const oct = meetings[0]!;
    const d = ok<MeetingDetail>(await act(oct.id, 'close'));
    expect([d.meeting.status, d.meeting.minutesNo]).toEqual(['closed', '〔2026〕1号']);
    expect(section(d, 'manual').map((e) => e.status)).toEqual(['reached', 'not_reached']);
    expect(section(d, 'lights').map((e) => e.status)).toEqual(['reached', 'not_reached']);
    expect(d.allowedActions).toEqual(['reopen']);
    expect([d.canRecord, d.canEditAgenda]).toEqual([false, false]);
    const m2 = section(d, 'manual')[1]!;
    expectError(
      await office.post(`/api/meeting-entries/${m2.id}/outcomes`, {
        kind: 'note',
        version: m2.version,
        note: '补记',
      }),
      409,
      'INVALID_STATE',
    );
    expectError(
      await office.put(`/api/meetings/${oct.id}/attendance`, { version: d.meeting.version, rows: [] }),
      409,
      'INVALID_STATE',
    );
    // the series view counts its decisions and how many are open
    const s = ok<{ meetings: MeetingSummary[] }>(await office.get(`/api/meeting-series/${oct.seriesId}`));
    expect(s.meetings[0]).toMatchObject({ decisions: 2, openDecisions: 2 });
  });
});

describe('November: 对照检查, dispositions, carry-over, reopening', () => {
  it('opens with October’s decisions and their live status; carried entries are marked', async () => {
    const nov = meetings[1]!;
    const d = ok<MeetingDetail>(await act(nov.id, 'start'));
    expect(d.meeting.previous?.id).toBe(meetings[0]!.id);
    expect(d.entries[0]!.section).toBe('review');
    const review = section(d, 'review');
    expect(review.map((e) => e.item?.id === i1)).toEqual([false, true]);
    expect(review[0]!.title).toContain('11月底前完成征收补偿');
    expect(review.map((e) => e.item?.status)).toEqual(['assigned', 'assigned']);
    expect(d.undisposed).toBe(2);
    // i1 is reviewed, not listed again under open items
    expect(section(d, 'open_items').map((e) => e.item?.id)).toEqual([i2]);
    // what October did not reach is carried, marked with where from
    const carried = d.entries.filter((e) => e.carriedFrom);
    expect(carried.map((e) => [e.section, e.title, e.carriedFrom?.times])).toEqual(
      expect.arrayContaining([
        ['lights', '乙 客运枢纽', 1],
        ['manual', '明年项目谋划', 1],
      ]),
    );
    expect(carried.every((e) => e.carriedFrom?.meetingId === meetings[0]!.id)).toBe(true);
    // i2 was not reached in October either
    expect(section(d, 'open_items')[0]!.carriedFrom?.times).toBe(1);
  });

  it('cannot close until every decision has a disposition; each disposition acts on its item', async () => {
    const nov = meetings[1]!;
    expectError(await act(nov.id, 'close'), 409, 'MEETING_UNDISPOSED', 'entries');
    let d = await get(nov.id);
    const [decision, reminded] = section(d, 'review');
    // not resolved yet: cannot be done
    expectError(
      await office.post(`/api/meeting-entries/${decision!.id}/disposition`, {
        version: decision!.version,
        disposition: 'done',
      }),
      409,
      'INVALID_STATE',
      'body.disposition',
    );
    // extending needs a date and a reason
    expectError(
      await office.post(`/api/meeting-entries/${decision!.id}/disposition`, {
        version: decision!.version,
        disposition: 'extended',
      }),
      400,
      'VALIDATION',
      'body.newDeadline',
    );
    d = ok<MeetingDetail>(
      await office.post(`/api/meeting-entries/${decision!.id}/disposition`, {
        version: decision!.version,
        disposition: 'extended',
        newDeadline: '2027-01-20',
        reason: '冬季停工，征收补偿顺延',
      }),
    );
    const item = ok<{ item: { resolutionDue: string } }>(
      await office.get(`/api/items/${decision!.item!.id}`),
    );
    expect(item.item.resolutionDue).toBe('2027-01-20');
    // given once
    const ext = d.entries.find((e) => e.id === decision!.id)!;
    expectError(
      await office.post(`/api/meeting-entries/${ext.id}/disposition`, {
        version: ext.version,
        disposition: 'dropped',
        reason: '不再跟踪',
      }),
      409,
      'INVALID_STATE',
    );
    d = ok<MeetingDetail>(
      await office.post(`/api/meeting-entries/${reminded!.id}/disposition`, {
        version: reminded!.version,
        disposition: 'escalated',
        reason: '需分管副市长协调',
      }),
    );
    const i1Now = ok<{ item: { level: number } }>(await office.get(`/api/items/${i1}`));
    expect(i1Now.item.level).toBe(4);
    expect(d.undisposed).toBe(0);
    // the other sections need no disposition
    const other = section(d, 'open_items')[0]!;
    expectError(
      await office.post(`/api/meeting-entries/${other.id}/disposition`, {
        version: other.version,
        disposition: 'dropped',
        reason: '不再跟踪',
      }),
      400,
      'VALIDATION',
    );
    d = ok<MeetingDetail>(await act(nov.id, 'close'));
    expect([d.meeting.status, d.meeting.minutesNo]).toEqual(['closed', '〔2026〕2号']);
  });

  it('reopening needs a reason, is audited, and keeps every earlier outcome and the number', async () => {
    const nov = meetings[1]!;
    expectError(await act(nov.id, 'reopen'), 400, 'VALIDATION', 'body.reason');
    const before = await get(nov.id);
    const outcomes = before.entries.flatMap((e) => e.outcomes.map((o) => o.id));
    const d = ok<MeetingDetail>(await act(nov.id, 'reopen', { reason: '补记会议意见' }));
    expect([d.meeting.status, d.meeting.reopenCount]).toEqual(['in_progress', 1]);
    expect(d.entries.flatMap((e) => e.outcomes.map((o) => o.id))).toEqual(outcomes);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'reason'])
      .where('entity', '=', 'meeting')
      .where('entity_id', '=', String(nov.id))
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ action: 'reopen', reason: '补记会议意见' });
    // a further decision on the overdue item, then closed again with the same number
    const e2 = section(d, 'open_items')[0]!;
    ok(
      await office.post(`/api/meeting-entries/${e2.id}/outcomes`, {
        kind: 'decision',
        version: e2.version,
        title: '12月10日前办结施工许可',
        note: '市交通局会同住建局12月10日前办结施工许可',
        responsibleUnitId: u.jtj,
        coUnitIds: [u.zjj],
        resolutionDue: '2026-12-10',
      }),
      201,
    );
    const closed = ok<MeetingDetail>(await act(nov.id, 'close'));
    expect(closed.meeting.minutesNo).toBe('〔2026〕2号');
  });

  it('the minutes: numbered, with the decisions and the 对照检查 results, as Word and HTML', async () => {
    const nov = meetings[1]!;
    const x = ok<{
      title: string;
      number: string;
      decisions: { no: number; unit: string; deadline: string }[];
      review: { result: string; status: string }[];
    }>(await office.get(`/api/meetings/${nov.id}/minutes`));
    expect(x.number).toBe('〔2026〕2号');
    expect(x.title).toContain('（第2次）纪要');
    expect(x.decisions).toEqual([
      expect.objectContaining({ no: 1, unit: '大庆市交通运输局', deadline: '2026-12-10' }),
    ]);
    expect(x.review.map((r) => r.result)).toEqual([
      '延期办理至 2027-01-20：冬季停工，征收补偿顺延',
      '提级协调：需分管副市长协调',
    ]);
    const docx = await office.get(`/api/meetings/${nov.id}/minutes.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.headers['content-disposition']).toContain('attachment');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const html = await office.get(`/api/meetings/${nov.id}/minutes.html`);
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('会议议定事项');
    expect(html.body).toContain('〔2026〕2号');
  });
});

describe('December: what November kept tracking, and what is still carried', () => {
  it('reviews the extended, the escalated and the new decisions; carried twice is counted', async () => {
    const dec = meetings[2]!;
    const d = ok<MeetingDetail>(
      await office.post(`/api/meetings/${dec.id}/agenda`, { version: (await get(dec.id)).meeting.version }),
    );
    const review = section(d, 'review');
    expect(review).toHaveLength(3);
    expect(review.map((e) => e.item?.id)).toContain(i1);
    expect(review.map((e) => e.item?.level)).toContain(4);
    const manual = section(d, 'manual').find((e) => e.title === '明年项目谋划');
    expect(manual?.carriedFrom).toMatchObject({ meetingId: meetings[1]!.id, times: 2 });
  });
});

describe('attendance', () => {
  it('records the sheet per unit and person, and counts per unit and month', async () => {
    const nov = meetings[1]!;
    const d = await get(nov.id);
    expectError(
      await office.put(`/api/meetings/${nov.id}/attendance`, {
        version: d.meeting.version,
        rows: [{ unitId: u.zjj, personName: '王局长', status: 'delegated' }],
      }),
      400,
      'VALIDATION',
      'body.rows.0.delegate',
    );
    // closed: reopen to record the sheet
    const r = ok<MeetingDetail>(await act(nov.id, 'reopen', { reason: '补登签到' }));
    const saved = ok<MeetingDetail>(
      await office.put(`/api/meetings/${nov.id}/attendance`, {
        version: r.meeting.version,
        rows: [
          { unitId: u.zjj, personName: '王局长', status: 'present' },
          { unitId: u.zjj, personName: '李科长', status: 'absent', reason: null },
          { unitId: u.jtj, personName: '赵局长', status: 'delegated', delegate: '钱副局长' },
          { unitId: u.swj, personName: '孙局长', status: 'absent_excused', reason: '出差' },
        ],
      }),
    );
    expect(saved.attendance.filter((a) => a.status).map((a) => a.status)).toEqual([
      'present',
      'absent',
      'delegated',
      'absent_excused',
    ]);
    ok(await act(nov.id, 'close'));
    const oct = meetings[0]!;
    // October: 水务局 did not come, without a reason (recorded through the database: October is closed)
    await t.database.db
      .insertInto('meeting_attendance')
      .values({ meeting_id: oct.id, unit_id: u.swj, person_name: '孙局长', status: 'absent' })
      .execute();
    const counts = ok<
      {
        unit: { id: number };
        meetings: number;
        present: number;
        delegated: number;
        absentExcused: number;
        absent: number;
      }[]
    >(await office.get('/api/meeting-attendance?month=2026-11'));
    const by = new Map(counts.map((c) => [c.unit.id, c]));
    expect(by.get(u.zjj)).toMatchObject({ meetings: 1, present: 1, absent: 0 });
    expect(by.get(u.jtj)).toMatchObject({ meetings: 1, delegated: 1 });
    expect(by.get(u.swj)).toMatchObject({ meetings: 1, absentExcused: 1, absent: 0 });
    const october = ok<{ unit: { id: number }; absent: number }[]>(
      await office.get('/api/meeting-attendance?month=2026-10'),
    );
    expect(october).toEqual([
      expect.objectContaining({ unit: expect.objectContaining({ id: u.swj }), absent: 1 }),
    ]);
    // a unit sees its own counts only
    const mine = ok<{ unit: { id: number } }[]>(await unit.get('/api/meeting-attendance?month=2026-11'));
    expect(mine.map((c) => c.unit.id)).toEqual([u.zjj]);
  });
});

describe('who sees what, and the timelines', () => {
  it('a unit reads the meetings it is called to; a reporter none; another county’s office not the city’s', async () => {
    const nov = meetings[1]!;
    expect((await unit.get(`/api/meetings/${nov.id}`)).statusCode).toBe(200);
    expectError(await reporter.get(`/api/meetings/${nov.id}`), 403, 'FORBIDDEN');
    expectError(await lindian.get(`/api/meetings/${nov.id}`), 403, 'OUT_OF_SCOPE');
    const list = ok<{ items: MeetingSummary[] }>(await lindian.get('/api/meetings'));
    expect(list.items).toEqual([]);
    // the leader reads, never runs
    expect((await leader.get(`/api/meetings/${nov.id}`)).statusCode).toBe(200);
    expectError(
      await leader.post(`/api/meetings/${nov.id}/transitions`, { action: 'reopen', version: 1 }),
      403,
      'FORBIDDEN',
    );
  });

  it('the meeting is on the timeline of the project and the items it touched', async () => {
    const project = ok<{ items: { action: string; diff: Record<string, unknown> }[] }>(
      await office.get(`/api/audit?entity=project&id=${pA}`),
    );
    expect(project.items.some((e) => e.action === 'meeting')).toBe(true);
    const item = ok<{ items: { action: string }[] }>(await office.get(`/api/audit?entity=item&id=${i1}`));
    expect(item.items.filter((e) => e.action === 'meeting').length).toBe(2);
    const meeting = ok<{ items: { action: string }[] }>(
      await office.get(`/api/audit?entity=meeting&id=${meetings[1]!.id}`),
    );
    expect(meeting.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['start', 'disposition', 'close', 'reopen']),
    );
  });
});
