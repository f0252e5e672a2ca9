/**
 * The demo ledger: about 150 problems over the year (seed 002/003 sizes), most closed out, some
 * overdue, a few escalated, listed, returned and merged, each with a timeline that matches its
 * status; the demo unit has notices waiting; the trail stays intact.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemoItems } from '../src/modules/items/demo-items.ts';
import { seedDemoProjects } from '../src/modules/projects/demo-projects.ts';
import { seedDemoReports } from '../src/modules/reports/demo-reports.ts';
import { verifyAuditChain } from '../src/platform/audit/audit.ts';
import { createTestApp, login, type TestApp } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoProjects(t.database.db);
  await seedDemoReports(t.database.db);
  await seedDemoItems(t.database.db, '2026-11-21');
}, 120_000);
afterAll(() => t.close());

const rows = async <T>(q: string) => (await sql.raw<T>(q).execute(t.database.db)).rows;
const one = async (q: string) => (await rows<{ n: number }>(q))[0]!.n;

it('holds about 150 problems, most closed, with every status, overdue, escalated and listed ones', async () => {
  const problems = await one(`select count(*)::int n from items where kind = 'problem'`);
  expect(problems).toBeGreaterThanOrEqual(140);
  expect(problems).toBeLessThanOrEqual(160);
  const closed = await one(`select count(*)::int n from items where kind = 'problem' and status = 'closed'`);
  expect(closed / problems).toBeGreaterThan(0.6);
  const statuses = (await rows<{ status: string }>(`select distinct status from items order by 1`)).map(
    (r) => r.status,
  );
  expect(statuses).toEqual(['assigned', 'closed', 'merged', 'new', 'resolved', 'responded', 'returned']);
  expect(await one(`select count(distinct kind)::int n from items`)).toBe(3);
  const openOverdue = await one(
    `select count(*)::int n from items where status in ('assigned','responded','returned')
       and (due_date < '2026-11-21' or (responded_on is null and response_due < '2026-11-21'))`,
  );
  expect(openOverdue).toBeGreaterThan(0);
  expect(await one(`select count(*)::int n from items where responded_on > response_due`)).toBeGreaterThan(0);
  expect(
    await one(`select count(*)::int n from items where kind = 'problem' and level >= 3`),
  ).toBeGreaterThan(0);
  expect(
    await one(`select count(*)::int n from items where listed and status not in ('closed','merged')`),
  ).toBeGreaterThan(0);
  expect(
    await one(`select count(*)::int n from items where status = 'merged' and merged_into is not null`),
  ).toBe(2);
  expect(
    await one(
      `select count(*)::int n from items i join users u on u.id = i.raised_by where u.username = 'reporter' and i.report_id is not null`,
    ),
  ).toBeGreaterThan(0);
});

it('gives each item a timeline that starts when raised and ends in its status', async () => {
  const bad = await rows(
    `select i.code from items i
      where (select action from item_events e where e.item_id = i.id order by at, id limit 1) <> 'raise'
         or (i.status = 'closed' and (select action from item_events e where e.item_id = i.id and e.action <> 'merge_in' order by at desc, id desc limit 1) <> 'close')
         or (i.status <> 'new' and i.status <> 'merged' and i.assigned_on is null)`,
  );
  expect(bad).toEqual([]);
  // codes are unique and the counters continue after them
  expect(await one(`select max(last)::int n from item_counters where prefix = 'WT'`)).toBe(
    await one(`select count(*)::int n from items where code like 'WT-%'`),
  );
});

it('leaves the demo unit notices and scoped reading; the chain is intact', async () => {
  const unit = await login(t.app, 'unit');
  expect((await unit.get('/api/notifications/unread-count')).json().count).toBeGreaterThan(0);
  const list = (await unit.get('/api/items?pageSize=200')).json();
  const zjj = (await rows<{ id: number }>(`select id from units where name = '大庆市住房和城乡建设局'`))[0]!
    .id;
  expect(list.total).toBeGreaterThan(0);
  for (const i of list.items)
    expect(
      i.responsibleUnit?.id === zjj ||
        i.coUnits.some((u: { id: number }) => u.id === zjj) ||
        i.raisedByUnit?.id === zjj,
    ).toBe(true);
  const office = await login(t.app, 'office');
  const res = await office.get('/api/items/indicators?by=total&year=2026');
  expect(res.statusCode, res.body).toBe(200);
  const ind = res.json();
  expect(ind[0].total).toBeGreaterThan(100);
  expect(ind[0].closeRate).toBeGreaterThan(0.6);
  expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
});
