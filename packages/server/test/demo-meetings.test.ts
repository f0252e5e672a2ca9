/**
 * The demo's 2026 meetings: the weekly exchange, the monthly 例会 and the 专题协调会, closed up to
 * the demo's day with minutes numbers and attendance; the ledger's decision items are their
 * decisions; November's 例会 reviewed October's (with a carried topic) and closed; December's agenda
 * starts with November's decisions and what was carried; the trail stays intact.
 */
import type { MeetingDetail, MeetingSummary } from '@ducha/contract';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemoItems } from '../src/modules/items/demo-items.ts';
import { seedDemoMeetings } from '../src/modules/meetings/demo-meetings.ts';
import { seedDemoProjects } from '../src/modules/projects/demo-projects.ts';
import { seedDemoReports } from '../src/modules/reports/demo-reports.ts';
import { verifyAuditChain } from '../src/platform/audit/audit.ts';
import { createTestApp, login, type Client, type TestApp } from './helpers.ts';

let t: TestApp;
let office: Client;
let seconds = 0;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoProjects(t.database.db);
  await seedDemoReports(t.database.db);
  await seedDemoItems(t.database.db, '2026-11-21');
  const s = performance.now();
  await seedDemoMeetings(t.database.db, '2026-12-02');
  seconds = (performance.now() - s) / 1000;
  office = await login(t.app, 'office');
}, 180_000);
afterAll(() => t.close());

const rows = async <T>(q: string) => (await sql.raw<T>(q).execute(t.database.db)).rows;

it('lays out the three series, closed up to the demo’s day, numbered, with attendance', async () => {
  const series = await rows<{ type: string; n: number; closed: number; last: number }>(
    `select s.type, count(*)::int n, count(*) filter (where m.status = 'closed')::int closed,
       max(m.minutes_seq)::int last from meeting_series s join meetings m on m.series_id = s.id group by 1 order by 1`,
  );
  expect(series).toEqual([
    { type: 'coordination', n: 4, closed: 4, last: 4 },
    { type: 'monthly', n: 12, closed: 11, last: 11 },
    { type: 'weekly', n: 52, closed: 48, last: 48 },
  ]);
  const absent = await rows<{ status: string; n: number }>(
    `select status, count(*)::int n from meeting_attendance group by 1 order by 1`,
  );
  expect(absent.map((r) => r.status)).toEqual(['absent', 'absent_excused', 'delegated', 'present']);
  // a few seconds on an idle machine; generous for a loaded one
  expect(seconds).toBeLessThan(60);
});

it('the ledger’s decision items are the meetings’ decisions', async () => {
  const linked = await rows<{ title: string; meeting: string }>(
    `select i.title, m.title || ' ' || m.held_on as meeting from items i
       join meeting_outcomes o on o.item_id = i.id and o.kind = 'decision' join meetings m on m.id = o.meeting_id
       where i.kind = 'decision' order by m.held_on`,
  );
  expect(linked.length).toBeGreaterThanOrEqual(4);
  expect(linked[0]!.meeting).toContain('专题协调会');
  expect(linked.some((l) => l.meeting.includes('月度例会 2026-07-21'))).toBe(true);
});

it('November reviewed October and closed; December opens with November’s decisions and the carried topic', async () => {
  const list = (await office.get('/api/meetings?month=2026-11&type=monthly')).json() as {
    items: MeetingSummary[];
  };
  const nov = list.items[0]!;
  expect([nov.status, nov.minutesNo]).toEqual(['closed', '〔2026〕11号']);
  const d = (await office.get(`/api/meetings/${nov.id}`)).json() as MeetingDetail;
  const review = d.entries.filter((e) => e.section === 'review');
  expect(review.length).toBe(3);
  expect(review.every((e) => e.disposition !== null)).toBe(true);
  expect(d.entries.some((e) => e.carriedFrom && e.title === '2027年重点项目谋划储备')).toBe(true);
  expect(d.entries.filter((e) => e.section === 'unit_report').length).toBeGreaterThan(3);
  const decisions = d.entries.flatMap((e) => e.outcomes).filter((o) => o.kind === 'decision');
  expect(decisions).toHaveLength(1);

  const dec = (
    (await office.get('/api/meetings?month=2026-12&type=monthly')).json() as { items: MeetingSummary[] }
  ).items[0]!;
  expect(dec.status).toBe('scheduled');
  const g = await office.post(`/api/meetings/${dec.id}/agenda`, { version: dec.version });
  expect(g.statusCode, g.body).toBe(200);
  const agenda = g.json() as MeetingDetail;
  expect(agenda.entries[0]!.section).toBe('review');
  expect(agenda.meeting.previous?.id).toBe(nov.id);
  const reviewed = agenda.entries.filter((e) => e.section === 'review').map((e) => e.item?.id);
  expect(reviewed).toContain(decisions[0]!.item!.id);
  expect(agenda.entries.some((e) => e.carriedFrom?.meetingId === nov.id)).toBe(true);
});

it('keeps the audit chain intact', async () => {
  expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
});
