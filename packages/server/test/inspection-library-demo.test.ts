/**
 * The demo's library (issue 14): the city's approved 2026 plan with the seed's six themes, their
 * quarterly counts and non-empty pools over the demo registry, its check items, 9 firms and 49
 * experts across the specialties (some employed by registry units), 10 inspectors, and the demo
 * users `expert` and `inspector` linked to their records.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemoLibrary } from '../src/modules/inspections/demo-library.ts';
import { seedDemoProjects } from '../src/modules/projects/demo-projects.ts';
import { createTestApp, login, type Client, type TestApp } from './helpers.ts';

let t: TestApp;
let office: Client;
let expert: Client;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoProjects(t.database.db);
  await seedDemoLibrary(t.database.db);
  office = await login(t.app, 'office');
  expert = await login(t.app, 'expert');
}, 180_000);
afterAll(() => t.close());

const rows = async <T>(q: string) => (await sql.raw<T>(q).execute(t.database.db)).rows;

it('the approved 2026 plan with six themes, their counts and pools, and the check items', async () => {
  const list = (await office.get('/api/inspection-plans?year=2026')).json() as {
    items: { id: number; status: string }[];
  };
  expect(list.items).toHaveLength(1);
  expect(list.items[0]!.status).toBe('approved');
  const plan = (await office.get(`/api/inspection-plans/${list.items[0]!.id}`)).json() as {
    themes: { name: string; quarterCounts: number[]; poolCount: number }[];
    checkItems: { category: string }[];
  };
  expect(plan.themes.map((x) => x.name)).toEqual([
    '市镇长工程',
    '工程变更和概算执行',
    '市领导负责重点项目',
    '新增政府投资2000万以上项目',
    '中央资金使用(管理)项',
    '政府专项债券项目',
  ]);
  expect(plan.themes.every((x) => x.quarterCounts.length === 4)).toBe(true);
  expect(plan.themes.filter((x) => x.poolCount > 0).length).toBeGreaterThanOrEqual(4);
  expect(plan.checkItems.map((c) => c.category)).toEqual([
    '工程进度',
    '工程质量',
    '招投标',
    '财务管理',
    '概算控制',
    '安全生产',
  ]);
});

it('9 firms, 49 experts across the specialties, 10 inspectors, the demo users linked', async () => {
  expect(await rows(`select count(*)::int n from inspection_firms`)).toEqual([{ n: 9 }]);
  expect(
    await rows(
      `select count(*)::int n, count(distinct specialty)::int s, count(employer_unit_id)::int u from inspection_experts`,
    ),
  ).toEqual([{ n: 49, s: 10, u: 7 }]);
  expect(await rows(`select count(*)::int n from inspectors`)).toEqual([{ n: 10 }]);
  const own = await rows<{ id: number }>(
    `select e.id from inspection_experts e join users u on u.id = e.user_id where u.username = 'expert'`,
  );
  expect(own).toHaveLength(1);
  expect((await expert.get(`/api/experts/${own[0]!.id}`)).statusCode).toBe(200);
  expect(
    await rows(
      `select count(*)::int n from inspectors i join users u on u.id = i.user_id where u.username = 'inspector'`,
    ),
  ).toEqual([{ n: 1 }]);
  const names = await rows<{ n: number }>(`select count(distinct name)::int n from inspection_experts`);
  expect(names[0]!.n).toBe(49);
});
