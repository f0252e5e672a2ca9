/**
 * The demo's inspection groups (seed 001 篇一): six 林甸 groups by sector over the county's 55 projects,
 * people sitting in several groups, November's weekly records with a few weeks missing, this week's
 * first records raising three problems into the ledger, and the county's leading group.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemoGroups } from '../src/modules/inspections/demo-groups.ts';
import { seedDemoProjects } from '../src/modules/projects/demo-projects.ts';
import { signInAs } from './factories.ts';
import { createTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoProjects(t.database.db);
  await seedDemoGroups(t.database.db, '2026-12-02');
}, 120_000);
afterAll(() => t.close());

const rows = async <T>(q: string) => (await sql.raw<T>(q).execute(t.database.db)).rows;

it('forms six groups over the 55 林甸 projects, each project in one group', async () => {
  const g = await rows<{ name: string; n: number }>(
    `select g.name, count(gp.project_id)::int n from inspection_groups g join inspection_group_projects gp on gp.group_id = g.id group by g.id, g.name order by g.id`,
  );
  expect(g.map((x) => x.name)).toEqual([
    '工业项目督查组',
    '农业项目督查组',
    '第三产业项目督查组',
    '基础设施项目督查组',
    '城乡建设项目督查组',
    '社会事业项目督查组',
  ]);
  expect(g.reduce((s, x) => s + x.n, 0)).toBe(55);
  expect(
    (await rows<{ n: number }>(`select count(distinct project_id)::int n from inspection_group_projects`))[0]!
      .n,
  ).toBe(55);
  const jiao = await rows<{ n: number }>(
    `select count(*)::int n from inspection_group_members m join people p on p.id = m.person_id where p.name = '矫彦飞'`,
  );
  expect(jiao[0]!.n).toBe(3);
});

it('records November week by week with gaps, and raises this week’s three problems', async () => {
  const weeks = await rows<{ week_of: string; n: number }>(
    `select week_of::text, count(*)::int n from group_site_records group by 1 order by 1`,
  );
  expect(weeks.map((w) => w.week_of)).toEqual([
    '2026-11-02',
    '2026-11-09',
    '2026-11-16',
    '2026-11-23',
    '2026-11-30',
  ]);
  const earlier = weeks.slice(0, 4);
  expect(earlier.every((w) => w.n > 40 && w.n <= 55)).toBe(true);
  expect(earlier.some((w) => w.n < 55)).toBe(true);
  expect(weeks[4]!.n).toBe(12);
  const items = await rows<{ title: string; source: string; status: string }>(
    `select title, source, status from items where id in (select unnest(item_ids) from group_site_records) order by id`,
  );
  expect(items).toEqual([
    { title: '施工用电增容尚未批复', source: 'inspection', status: 'new' },
    { title: '部分征迁户未签协议', source: 'inspection', status: 'new' },
    { title: '建设资金到位滞后', source: 'inspection', status: 'new' },
  ]);
  const { office_lindian } = await signInAs(t, 'office_lindian');
  const first = (await rows<{ id: number }>(`select id from inspection_groups order by id limit 1`))[0]!.id;
  const s = (await office_lindian.get(`/api/inspection-groups/${first}/summary?month=2026-11`)).json();
  expect(s.weeks).toEqual(['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30']);
  expect(s.totals.problemsRaised).toBe(1);
  expect(s.totals.records).toBeLessThan(s.totals.expected);
});

it('keeps the county’s leading group with its head, deputies and office', async () => {
  const [lg] = await rows<{ name: string; head: string; deputies: number; office: string }>(
    `select g.name, (select name from positions where id = g.head_position_id) head, cardinality(g.deputy_position_ids) deputies,
      (select name from units where id = g.office_unit_id) office from leading_groups g`,
  );
  expect(lg).toEqual({
    name: '林甸县重点项目建设领导小组',
    head: '林甸县县长',
    deputies: 2,
    office: '林甸县人民政府督查室',
  });
});
