/**
 * The Gantt rows in one request: every project in scope the filters match, with its year's
 * milestones of the baseline in force (else the draft), in the project list's order.
 */
import type { GanttRow } from '@ducha/contract';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemoProjects } from '../src/modules/projects/demo-projects.ts';
import { approveBaseline, cityProject, demoUnits, signInAs } from './factories.ts';
import { createTestApp, type Client, type TestApp } from './helpers.ts';

let t: TestApp;
let c: Record<'office' | 'office_lindian' | 'unit', Client>;

const gantt = async (client: Client, query: string) => {
  const res = await client.get(`/api/projects/gantt?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as GanttRow[];
};

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoProjects(t.database.db);
  c = await signInAs(t, 'office', 'office_lindian', 'unit');
});
afterAll(() => t.close());

it('holds every project in scope, not the first fifty, in code order', async () => {
  const rows = await gantt(c.office, 'planYear=2026');
  const listed = (await c.office.get('/api/projects?pageSize=500&sort=code')).json();
  expect(rows.map((r) => r.code)).toEqual(listed.items.map((p: { code: string }) => p.code));
  expect(rows.length).toBe(145);
  expect(rows.filter((r) => r.planStatus === 'approved').length).toBeGreaterThan(100);
  // a county office sees its county's
  const county = await gantt(c.office_lindian, 'planYear=2026');
  expect(county.length).toBe(55);
});

it('takes the baseline in force over a draft, and the list filters', async () => {
  const units = await demoUnits(t);
  const p = await cityProject(c.office, { code: 'GANTT-1', responsibleUnitId: units.zjj });
  const none = (await gantt(c.office, 'planYear=2026&q=GANTT-1'))[0]!;
  expect(none).toMatchObject({ code: 'GANTT-1', planStatus: null, milestones: [] });
  await approveBaseline(c.office, p.id, { milestones: [{ name: '开工', plannedDate: '2026-04-01' }] });
  // a new draft with other milestones does not replace the baseline in force
  const draft = await c.office.put(`/api/projects/${p.id}/plans/2026/draft`, {
    plannedInvestment: '2400',
    milestones: [{ name: '改为五月开工', plannedDate: '2026-05-01' }],
    changeReason: '调整',
  });
  expect(draft.statusCode, draft.body).toBe(200);
  const row = (await gantt(c.office, 'planYear=2026&q=GANTT-1'))[0]!;
  expect(row.planStatus).toBe('approved');
  expect(row.milestones.map((m) => [m.name, m.plannedDate, m.actualDate])).toEqual([
    ['开工', '2026-04-01', null],
  ]);
  expect(await gantt(c.office, 'planYear=2027&q=GANTT-1')).toEqual([
    { projectId: p.id, code: 'GANTT-1', name: 'GANTT-1 测试项目', planStatus: null, milestones: [] },
  ]);
  // the unit sees the projects it is responsible for
  const mine = await gantt(c.unit, 'planYear=2026&q=GANTT-1');
  expect(mine.map((r) => r.code)).toEqual(['GANTT-1']);
});

it('needs the plan year (400 at querystring.planYear)', async () => {
  const res = await c.office.get('/api/projects/gantt');
  expect(res.statusCode).toBe(400);
  expect(res.json().error.details[0].path).toContain('planYear');
});
