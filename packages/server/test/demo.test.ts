/**
 * The demo registry loads through the real import and services, and gives every later module what
 * it needs: both lists published with their batches, baselines and drafts, procedures in every
 * state, milestones reached and overdue, and an adjustment waiting for approval.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoRegions } from '../src/modules/org/demo-data.ts';
import { seedDemoProjects } from '../src/modules/projects/demo-projects.ts';
import { seedDemoReports } from '../src/modules/reports/demo-reports.ts';
import { verifyAuditChain } from '../src/platform/audit/audit.ts';
import { createTestApp, login, type TestApp } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoProjects(t.database.db);
  await seedDemoReports(t.database.db);
}, 120_000);
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

/**
 * The year's lights near what seed 002 reports for Ziyang (177 projects: 33 ever red, 84 ever
 * yellow, 31 yellow back to green, 14 out of red), scaled to the demo's 145, and a latest closed
 * month mostly green with a few reds; red streaks rarely past three months.
 */
it('lights the year like Ziyang: about a fifth ever red, half ever yellow, most recovering; October mostly green', async () => {
  const lights = await rows<{ project_id: number; month: number; color: string; red_streak: number }>(
    `select project_id, month, coalesce(override_color, computed) color, red_streak from lights where year = 2026 order by project_id, month`,
  );
  const months = [...new Set(lights.map((l) => l.month))];
  expect(months).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  const byProject = new Map<number, string[]>();
  for (const l of lights) byProject.set(l.project_id, [...(byProject.get(l.project_id) ?? []), l.color]);
  const n = byProject.size;
  expect(n).toBe(145);
  const share = (test: (colors: string[]) => boolean) => [...byProject.values()].filter(test).length / n;
  const turns = (colors: string[], from: string, to: string) =>
    colors.some((c, i) => c === from && colors[i + 1] === to);
  const stats = {
    everRed: share((c) => c.includes('red')),
    everYellow: share((c) => c.includes('yellow')),
    yellowToGreen: share((c) => turns(c, 'yellow', 'green')),
    outOfRed: share((c) => turns(c, 'red', 'green')),
    latestGreen: share((c) => c.at(-1) === 'green'),
    latestRed: share((c) => c.at(-1) === 'red'),
    longRed: lights.filter((l) => l.red_streak > 3).length,
  };
  // Ziyang 33/177 = 19% ever red, 84/177 = 47% ever yellow, 31/177 = 18% back to green, 14/177 = 8% out of red
  expect(stats.everRed).toBeGreaterThanOrEqual(0.14);
  expect(stats.everRed).toBeLessThanOrEqual(0.25);
  expect(stats.everYellow).toBeGreaterThanOrEqual(0.4);
  expect(stats.everYellow).toBeLessThanOrEqual(0.55);
  expect(stats.yellowToGreen).toBeGreaterThanOrEqual(0.15);
  expect(stats.outOfRed).toBeGreaterThanOrEqual(0.06);
  expect(stats.latestGreen).toBeGreaterThanOrEqual(0.7);
  expect(stats.latestGreen).toBeLessThanOrEqual(0.82);
  expect(stats.latestRed).toBeGreaterThan(0);
  expect(stats.latestRed).toBeLessThanOrEqual(0.1);
  // red streaks rarely beyond three months: a project-month in a fourth red month is rare
  expect(stats.longRed).toBeLessThanOrEqual(6);
});

it('names every project after no region of the demo but its own (or the city it lies in)', async () => {
  const projects = await rows<{ code: string; name: string; region_code: string }>(
    `select code, name, region_code from projects order by code`,
  );
  const short = (name: string) => name.replace(/(蒙古族自治县|县|区|市|镇)$/, '');
  const regions = demoRegions.filter((r) => r.level !== 'province');
  const lineOf = (code: string) => {
    // the project's region, its ancestors and its descendants
    const up = new Set<string>();
    for (let c: string | null = code; c; c = demoRegions.find((r) => r.code === c)?.parentCode ?? null)
      up.add(c);
    return (r: { code: string; parentCode: string | null }) =>
      up.has(r.code) || (r.parentCode !== null && (r.parentCode === code || up.has(r.code)));
  };
  const wrong = projects.flatMap((p) => {
    const mine = lineOf(p.region_code);
    return regions
      .filter((r) => !mine(r) && p.name.includes(short(r.name)))
      .map((r) => `${p.code} ${p.name} (${p.region_code}) names ${r.name}`);
  });
  expect(wrong).toEqual([]);
  expect(projects.some((p) => p.name.includes('肇州县') && p.region_code === '230621')).toBe(true);
});

it('fills every project’s owner and 建设规模及内容, and the contractor and supervisor of every one under way', async () => {
  const projects = await rows<{
    code: string;
    scale: string | null;
    owner: string | null;
    owner_region: string | null;
    region_code: string;
    started: boolean;
    contractor: string | null;
    supervisor: string | null;
  }>(
    `select p.code, p.scale, o.name owner, o.region_code owner_region, p.region_code, p.actual_start is not null started,
            c.name contractor, s.name supervisor
       from projects p left join units o on o.id = p.owner_unit_id
       left join units c on c.id = p.contractor_unit_id left join units s on s.id = p.supervisor_unit_id`,
  );
  expect(projects.filter((p) => !p.owner || !p.scale || p.scale.length < 30).map((p) => p.code)).toEqual([]);
  // an owner works in the project's county (or for the whole city)
  expect(
    projects
      .filter((p) => p.owner_region !== '230600' && !p.region_code.startsWith(p.owner_region!.slice(0, 6)))
      .map((p) => `${p.code} ${p.owner}`),
  ).toEqual([]);
  const started = projects.filter((p) => p.started);
  expect(started.length).toBeGreaterThan(80);
  expect(started.filter((p) => !p.contractor || !p.supervisor).map((p) => p.code)).toEqual([]);
  // the reporter's company (大庆城投) owns a share of the city's works
  const reporterOwns = projects.filter((p) => p.owner === '大庆市城市建设投资开发有限公司').length;
  expect(reporterOwns).toBeGreaterThanOrEqual(10);
});
