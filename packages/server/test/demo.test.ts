/**
 * The demo registry loads through the real import and services, and gives every later module what
 * it needs: both lists published with their batches, baselines and drafts, procedures in every
 * state, milestones reached and overdue, and an adjustment waiting for approval.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemoProjects } from '../src/modules/projects/demo-projects.ts';
import { verifyAuditChain } from '../src/platform/audit/audit.ts';
import { createTestApp, login, type TestApp } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoProjects(t.database.db);
});
afterAll(() => t.close());

const rows = async <T>(q: string) => (await sql.raw<T>(q).execute(t.database.db)).rows;

it('holds the 3个30 list and 林甸县 list, published, with every batch filled', async () => {
  const lists = await rows<{ name: string; status: string; batch: string; n: number }>(
    `select l.name, l.status, m.batch, count(*)::int n from project_lists l join project_list_members m on m.list_id = l.id and m.removed_at is null group by 1, 2, 3 order by 1, 3`,
  );
  const city = lists.filter((l) => l.name.includes('3个30'));
  expect(city.every((l) => l.status === 'published')).toBe(true);
  // 30 per batch, one moved from 新开工 to 在建 by an approved adjustment
  expect(Object.fromEntries(city.map((l) => [l.batch, l.n]))).toEqual({ 在建: 31, 新开工: 29, 重大前期: 30 });
  const lindian = lists.filter((l) => l.name.includes('林甸'));
  expect(lindian.reduce((s, l) => s + l.n, 0)).toBe(55);
  expect(await rows(`select kind, status from list_adjustments order by id`)).toEqual([
    { kind: 'change_batch', status: 'approved' },
    { kind: 'remove', status: 'pending' },
  ]);
});

it('gives projects baselines (and a few drafts), procedures in every state, reached and overdue milestones', async () => {
  expect((await rows<{ n: number }>(`select count(*)::int n from projects`))[0]!.n).toBe(145);
  const plans = Object.fromEntries(
    (
      await rows<{ status: string; n: number }>(`select status, count(*)::int n from annual_plans group by 1`)
    ).map((r) => [r.status, r.n]),
  );
  expect(plans.approved).toBeGreaterThan(120);
  expect(plans.draft).toBeGreaterThan(0);
  const statuses = (
    await rows<{ status: string }>(`select distinct status from project_procedures order by 1`)
  ).map((r) => r.status);
  expect(statuses).toEqual(['done', 'in_progress', 'pending']);
  const [m] = await rows<{ reached: number; overdue: number }>(
    `select count(*) filter (where actual_date is not null)::int reached, count(*) filter (where actual_date is null and planned_date < current_date)::int overdue
     from plan_milestones pm join annual_plans ap on ap.id = pm.plan_id where ap.status = 'approved'`,
  );
  expect(m!.reached).toBeGreaterThan(0);
  expect(m!.overdue).toBeGreaterThan(0);
  // monthly plans always sum to the annual figure
  const bad = await rows(
    `select id from annual_plans where (select sum(x) from unnest(monthly) x) <> planned_investment`,
  );
  expect(bad).toEqual([]);
});

it('is readable through the API with each project’s leader, unit, plan and milestones; the chain is intact', async () => {
  const office = await login(t.app, 'office');
  const list = (await office.get('/api/projects?q=供热管网&pageSize=5')).json();
  expect(list.total).toBeGreaterThan(0);
  const p = list.items[0];
  expect(p.responsibility).toMatchObject({
    leaderPositionName: '分管城乡建设副市长',
    leaderName: '何敬峰',
    responsibleUnitName: '大庆市住房和城乡建设局',
  });
  const plans = (await office.get(`/api/projects/${p.id}/plans?year=2026`)).json();
  expect(plans[0].milestones.length).toBeGreaterThan(0);
  const lindian = await login(t.app, 'office_lindian');
  const theirs = (await lindian.get('/api/projects?pageSize=100')).json();
  expect(theirs.total).toBe(55);
  const timeline = await office.get(`/api/audit?entity=project&id=${p.id}`);
  expect(timeline.statusCode).toBe(200);
  expect(timeline.json().items.map((e: { action: string }) => e.action)).toContain('create');
  const memberships = (await office.get(`/api/projects/${p.id}/lists`)).json();
  expect(memberships[0]).toMatchObject({
    listName: '2026年全市重点督查“3个30”项目',
    batch: '在建',
    removedAt: null,
  });
  expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
});
