/**
 * Month closes across nested regions: a month published by the city is frozen for its counties too
 * (and the other way round), and each project's timeliness follows its own region's calendar,
 * whoever runs the close.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemoProjects } from '../src/modules/projects/demo-projects.ts';
import { signInAs } from './factories.ts';
import { createTestApp, expectError, type Client, type TestApp } from './helpers.ts';

let t: TestApp;
let office: Client;
let lindian: Client;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoProjects(t.database.db);
  ({ office, office_lindian: lindian } = await signInAs(t, 'office', 'office_lindian'));
});
afterAll(() => t.close());

it('a county cannot rerun a month the city published, nor the city one a county published', async () => {
  expect((await office.post('/api/month-closes/230600/2026-01/run')).statusCode).toBe(200);
  expect((await office.post('/api/month-closes/230600/2026-01/publish')).statusCode).toBe(200);
  expectError(await lindian.post('/api/month-closes/230623/2026-01/run'), 409, 'INVALID_STATE', 'month');
  expect((await lindian.post('/api/month-closes/230623/2026-02/run')).statusCode).toBe(200);
  expect((await lindian.post('/api/month-closes/230623/2026-02/publish')).statusCode).toBe(200);
  expectError(await office.post('/api/month-closes/230600/2026-02/run'), 409, 'INVALID_STATE', 'month');
});

it("a project's timeliness follows its own region's calendar, even in the city's close", async () => {
  const cal = (await lindian.get('/api/reporting-calendars/230623/2026')).json();
  await lindian.put('/api/reporting-calendars/230623/2026', {
    version: cal.version,
    deadlineDay: 10,
    aggregationDay: 12,
    rollToWorkingDay: true,
  });
  const db = t.database.db;
  const p = await db
    .selectFrom('projects')
    .select('id')
    .where('code', '=', 'LD-2026-001')
    .executeTakeFirstOrThrow();
  // 2026-05-09: after the city's deadline (05-08), before 林甸's (05-11)
  await db
    .insertInto('monthly_reports')
    .values({
      project_id: p.id,
      year: 2026,
      month: 4,
      status: 'verified',
      investment_month: '10.00',
      physical_progress: '施工',
      first_submitted_at: new Date('2026-05-09T10:00:00+08:00'),
    })
    .execute();
  expect((await office.post('/api/month-closes/230600/2026-04/run')).statusCode).toBe(200);
  const light = await db
    .selectFrom('lights')
    .select('timeliness')
    .where('project_id', '=', p.id)
    .where('year', '=', 2026)
    .where('month', '=', 4)
    .executeTakeFirstOrThrow();
  expect(light.timeliness).toBe('on_time');
});
