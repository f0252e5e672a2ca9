/**
 * A meeting series after its creation (issue 13): the daily job keeping a never-ending series laid
 * out a year ahead of today (a series created eleven months ago gets its next meetings, numbered on;
 * a second run adds none; a moved meeting is not laid out again), and editing a series over HTTP
 * (its fields follow onto the meetings still being planned; a stale version is refused; an earlier
 * end removes what is still being planned after it, a later one lays out the new meetings).
 */
import type { MeetingSummary } from '@ducha/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extendOpenSeries } from '../src/modules/meetings/index.ts';
import { openSeriesHorizon } from '../src/modules/meetings/rules.ts';
import { runJob } from '../src/platform/jobs.ts';
import { todayInChina } from '../src/platform/time.ts';
import { demoUnits, meetingSeries, signInAs } from './factories.ts';
import { createTestApp, expectError, type Client, type TestApp } from './helpers.ts';

let t: TestApp;
let office: Client;
let lindian: Client;
let leader: Client;
let u: Awaited<ReturnType<typeof demoUnits>>;

type Series = Awaited<ReturnType<typeof meetingSeries>>;
const ok = <T>(res: { statusCode: number; body: string; json: () => unknown }, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};
const seriesOf = async (id: number) => ok<Series>(await office.get(`/api/meeting-series/${id}`));
const dates = (ms: MeetingSummary[]) => ms.map((m) => m.heldOn);

beforeAll(async () => {
  t = await createTestApp();
  ({ office, office_lindian: lindian, leader } = await signInAs(t, 'office', 'office_lindian', 'leader'));
  u = await demoUnits(t);
});
afterAll(() => t.close());

describe('the daily job keeps never-ending series a year ahead', () => {
  let s: Series;
  it('a series created eleven months ago gets its next meetings, numbered on', async () => {
    s = await meetingSeries(office, {
      title: '重点项目周调度会（月）',
      startsOn: '2026-01-01',
      recurrence: { freq: 'monthly', day: 15 },
      end: { kind: 'never' },
    });
    // laid out at creation through the year from its start's month
    expect(s.meetings.length).toBe(12);
    expect(s.meetings.at(-1)!.heldOn).toBe('2026-12-15');
    // another series with an end is left alone
    const counted = await meetingSeries(office, { startsOn: '2026-01-01', end: { kind: 'count', count: 2 } });

    const r = await extendOpenSeries(t.database.db, '2026-12-02');
    expect(r.meetings).toBeGreaterThanOrEqual(11);
    const after = await seriesOf(s.series.id);
    const added = after.meetings.slice(12);
    expect(added.map((m) => [m.seq, m.heldOn, m.status])).toEqual(
      Array.from({ length: 11 }, (_, i) => [
        13 + i,
        `2027-${String(i + 1).padStart(2, '0')}-15`,
        'scheduled',
      ]),
    );
    // the series' fields, the region and the rung come with them
    const one = ok<{ meeting: { place: string; level: number; regionCode: string } }>(
      await office.get(`/api/meetings/${added[0]!.id}`),
    );
    expect(one.meeting).toMatchObject({ place: '市政府第一会议室', level: 3, regionCode: '230600' });
    expect((await seriesOf(counted.series.id)).meetings.length).toBe(2);
    // each new meeting and the series' extension are in the trail, written by the system
    const trail = ok<{ items: { action: string; actorName: string | null }[] }>(
      await office.get(`/api/audit?entity=meeting_series&id=${s.series.id}`),
    );
    expect(trail.items[0]).toMatchObject({ action: 'extend', actorName: null });
  });

  it('a second run adds none', async () => {
    const before = (await seriesOf(s.series.id)).meetings.length;
    expect(await extendOpenSeries(t.database.db, '2026-12-02')).toEqual({ series: 0, meetings: 0 });
    expect((await seriesOf(s.series.id)).meetings.length).toBe(before);
  });

  it('a moved meeting is not laid out again; the next day adds only what came within reach', async () => {
    const before = await seriesOf(s.series.id);
    const dec = before.meetings.find((m) => m.heldOn === '2027-11-15')!;
    ok(await office.patch(`/api/meetings/${dec.id}`, { version: dec.version, heldOn: '2027-11-20' }));
    // recorded as a job run, as the schedule runs it
    await runJob(t.database.db, 'pglite', 'meeting-series-extend', () =>
      extendOpenSeries(t.database.db, '2026-12-20'),
    );
    const run = await t.database.db
      .selectFrom('job_runs')
      .select(['status', 'detail'])
      .where('job', '=', 'meeting-series-extend')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(run.status).toBe('ok');
    const after = await seriesOf(s.series.id);
    expect(dates(after.meetings).slice(-3)).toEqual(['2027-10-15', '2027-11-20', '2027-12-15']);
    expect(after.meetings.filter((m) => m.heldOn === '2027-11-15')).toEqual([]);
    expect(after.meetings.at(-1)!.seq).toBe(24);
    expect(await extendOpenSeries(t.database.db, '2026-12-20')).toEqual({ series: 0, meetings: 0 });
  });

  it('a held meeting is not laid out again either', async () => {
    const db = t.database.db;
    const jan = (await seriesOf(s.series.id)).meetings.find((m) => m.heldOn === '2027-01-15')!;
    await db.updateTable('meetings').set({ status: 'closed' }).where('id', '=', jan.id).execute();
    // whatever the mark says, a date whose meeting is there is never laid out twice
    await db
      .updateTable('meeting_series')
      .set({ laid_out_through: '2026-12-31' })
      .where('id', '=', s.series.id)
      .execute();
    expect(await extendOpenSeries(db, '2026-12-20')).toEqual({ series: 0, meetings: 0 });
    const after = await seriesOf(s.series.id);
    expect(after.meetings.filter((m) => m.heldOn === '2027-01-15').length).toBe(1);
  });
});

describe('editing a series', () => {
  let s: Series;
  beforeAll(async () => {
    s = await meetingSeries(office, {
      title: '城建项目月度例会',
      startsOn: '2027-01-01',
      recurrence: { freq: 'monthly', day: 10 },
      end: { kind: 'count', count: 12 },
      attendeeUnitIds: [u.zjj],
    });
  });
  const patch = (body: Record<string, unknown>, c = office) =>
    c.patch(`/api/meeting-series/${s.series.id}`, body);

  it('changes its title, place, time and chair onto the meetings still being planned, not the hand-changed ones', async () => {
    const feb = s.meetings[1]!;
    ok(await office.patch(`/api/meetings/${feb.id}`, { version: feb.version, place: '项目现场' }));
    const d = ok<Series>(
      await patch({
        version: s.series.version,
        title: '城建重点项目月度例会',
        place: '市政府三楼',
        time: '14:30',
      }),
    );
    expect(d.series).toMatchObject({
      title: '城建重点项目月度例会',
      place: '市政府三楼',
      time: '14:30',
      version: 2,
    });
    expect(new Set(d.meetings.map((m) => m.title))).toEqual(new Set(['城建重点项目月度例会']));
    expect(d.meetings.map((m) => m.place)).toEqual([
      '市政府三楼',
      '项目现场',
      ...Array(10).fill('市政府三楼'),
    ]);
    expect(d.meetings.every((m) => m.time === '14:30')).toBe(true);
    s = d;
  });

  it('refuses a stale version', async () => {
    expectError(await patch({ version: 1, place: '别处' }), 409, 'VERSION_CONFLICT');
  });

  it('an earlier end removes what is still being planned after it; what has a record stays', async () => {
    const may = s.meetings.find((m) => m.heldOn === '2027-05-10')!;
    // May's attendance is taken in advance: it has a record and stays
    ok(
      await office.put(`/api/meetings/${may.id}/attendance`, {
        version: may.version,
        rows: [{ unitId: u.zjj, personName: '王局长', status: 'present' }],
      }),
    );
    const d = ok<Series>(
      await patch({ version: s.series.version, end: { kind: 'until', date: '2027-03-31' } }),
    );
    expect(d.series.end).toEqual({ kind: 'until', date: '2027-03-31' });
    expect(dates(d.meetings)).toEqual(['2027-01-10', '2027-02-10', '2027-03-10', '2027-05-10']);
    const removed = s.meetings.find((m) => m.heldOn === '2027-06-10')!;
    expectError(await office.get(`/api/meetings/${removed.id}`), 404, 'NOT_FOUND');
    // its cancellation is in the trail (the meeting itself is gone, so only the log shows it)
    const cancel = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'reason'])
      .where('entity', '=', 'meeting')
      .where('entity_id', '=', String(removed.id))
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(cancel).toEqual({ action: 'cancel', reason: '会议系列结束时间提前' });
    const series = ok<{ items: { action: string; diff: Record<string, { after: unknown }> }[] }>(
      await office.get(`/api/audit?entity=meeting_series&id=${s.series.id}`),
    );
    expect(series.items[0]!.action).toBe('update');
    expect(series.items[0]!.diff.removedMeetings!.after).toHaveLength(8);
    s = d;
  });

  it('a later end lays out the new meetings, numbered on, without the one that stayed', async () => {
    const d = ok<Series>(await patch({ version: s.series.version, end: { kind: 'count', count: 7 } }));
    // numbered after the last meeting still there (May's, the fifth)
    expect(d.meetings.map((m) => [m.seq, m.heldOn])).toEqual([
      [1, '2027-01-10'],
      [2, '2027-02-10'],
      [3, '2027-03-10'],
      [6, '2027-04-10'],
      [5, '2027-05-10'],
      [7, '2027-06-10'],
      [8, '2027-07-10'],
    ]);
    // never ending: laid out a year ahead of today
    const never = ok<Series>(await patch({ version: d.series.version, end: { kind: 'never' } }));
    const last = never.meetings.at(-1)!.heldOn;
    expect(last <= openSeriesHorizon(todayInChina())).toBe(true);
    expect(last >= '2027-08-10').toBe(true);
    s = never;
  });

  it('refuses an end before the first meeting', async () => {
    expectError(
      await patch({ version: s.series.version, end: { kind: 'until', date: '2026-12-31' } }),
      400,
      'VALIDATION',
      'body.end',
    );
  });

  it('only the office over the region edits a series', async () => {
    expectError(await patch({ version: s.series.version, place: 'x' }, lindian), 403, 'OUT_OF_SCOPE');
    expectError(await patch({ version: s.series.version, place: 'x' }, leader), 403, 'FORBIDDEN');
  });
});
