/**
 * The workbench (工作台): each role's counts agree with the lists they link to, in the role's
 * scope; the every-month inbox holds every month still owed, overdue first, and keeps the open
 * month's filings with their status; the months the monthly pages open on.
 */
import type { InboxItem, Workbench } from '@ducha/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoItems } from '../src/modules/items/demo-items.ts';
import { seedDemoProjects } from '../src/modules/projects/demo-projects.ts';
import { seedDemoReports } from '../src/modules/reports/demo-reports.ts';
import { todayInChina } from '../src/platform/time.ts';
import { cityProject, demoUnits, monthlyReport, signInAs } from './factories.ts';
import { createTestApp, type Client, type TestApp } from './helpers.ts';

let t: TestApp;
let c: Awaited<ReturnType<typeof signInAs>>;
let units: Awaited<ReturnType<typeof demoUnits>>;

const json = async <T>(client: Client, url: string): Promise<T> => {
  const res = await client.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};
const bench = (client: Client) => json<Workbench>(client, '/api/workbench');
const total = async (client: Client, url: string) => (await json<{ total: number }>(client, url)).total;
const ym = (d: Date) => d.toISOString().slice(0, 7);
const today = todayInChina();
const monthsBack = (n: number) => {
  const d = new Date(`${today.slice(0, 7)}-15T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - n);
  return ym(d);
};

beforeAll(async () => {
  t = await createTestApp();
  // the whole demo city: reports waiting and missing, closes, the problem ledger
  await seedDemoProjects(t.database.db);
  await seedDemoReports(t.database.db);
  await seedDemoItems(t.database.db);
  c = await signInAs(t);
  units = await demoUnits(t);
});
afterAll(() => t.close());

describe('the office', () => {
  it('counts what waits, each count equal to the list it links to', async () => {
    const w = await bench(c.office);
    expect(w.filer).toBeNull();
    expect(w.instructions).toBeNull();
    const o = w.office!;
    // the demo has work waiting: reports to verify, missing ones and overdue items
    expect(o.reportsToVerify).toBeGreaterThan(0);
    expect(o.reportsMissing + o.reportsLate).toBeGreaterThan(0);
    expect(o.itemsOverdue).toBeGreaterThan(0);
    expect(o.listAdjustments).toBe(1);
    expect(o.reportsToVerify).toBe(await total(c.office, '/api/reports?status=submitted&pageSize=1'));
    expect(o.itemsOverdue).toBe(await total(c.office, '/api/items?overdue=true&open=true&pageSize=1'));
    expect(o.escalationProposals).toBe((await json<unknown[]>(c.office, '/api/items/escalations')).length);
    // the month last due: its deadline has passed, the next month's has not
    expect(o.lastDueMonth < today.slice(0, 7)).toBe(true);
    const filed =
      (await total(c.office, `/api/reports?month=${o.lastDueMonth}&status=submitted&pageSize=1`)) +
      (await total(c.office, `/api/reports?month=${o.lastDueMonth}&status=verified&pageSize=1`));
    expect(o.reportsMissing).toBe((await total(c.office, '/api/projects?pageSize=1')) - filed);
    const reports = await json<{ items: { timeliness: string }[] }>(
      c.office,
      `/api/reports?month=${o.lastDueMonth}&pageSize=500`,
    );
    expect(o.reportsLate).toBe(reports.items.filter((r) => r.timeliness === 'late').length);
  });

  it('opens the queue on the oldest month with reports waiting', async () => {
    const w = await bench(c.office);
    const waiting = await json<{ items: { year: number; month: number }[] }>(
      c.office,
      '/api/reports?status=submitted&pageSize=500',
    );
    const months = waiting.items.map((r) => `${r.year}-${String(r.month).padStart(2, '0')}`).sort();
    expect(w.months.queue).toBe(months[0] ?? w.office!.lastDueMonth);
  });

  it('a county office counts its own county only', async () => {
    const city = (await bench(c.office)).office!;
    const county = (await bench(c.office_lindian)).office!;
    expect(county.reportsToVerify).toBe(
      await total(c.office_lindian, '/api/reports?status=submitted&pageSize=1'),
    );
    expect(county.reportsToVerify).toBeLessThanOrEqual(city.reportsToVerify);
    expect(county.reportsMissing + county.reportsLate).toBeLessThanOrEqual(
      city.reportsMissing + city.reportsLate,
    );
  });

  it('a new draft plan is one more to approve', async () => {
    const before = (await bench(c.office)).office!.planDrafts;
    const p = await cityProject(c.office, { responsibleUnitId: units.zjj });
    const res = await c.office.put(`/api/projects/${p.id}/plans/2026/draft`, { plannedInvestment: '1200' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await bench(c.office)).office!.planDrafts).toBe(before + 1);
  });

  it('opens the light board on the newest close of its region or above', async () => {
    const w = await bench(c.office);
    const latest = await json<{ year: number; month: number }>(c.office, '/api/month-closes/230600/latest');
    expect(w.months.latestClose).toBe(`${latest.year}-${String(latest.month).padStart(2, '0')}`);
    // the county has no close of its own in the demo: it opens on the city's
    expect((await bench(c.office_lindian)).months.latestClose).toBe(w.months.latestClose);
  });
});

describe('the month last due, for every role', () => {
  it('is the office’s month last due; a role without a queue opens it there too', async () => {
    const office = await bench(c.office);
    expect(office.months.lastDue).toBe(office.office!.lastDueMonth);
    const reporter = await bench(c.reporter);
    expect(reporter.months).toMatchObject({ lastDue: office.months.lastDue, queue: office.months.lastDue });
  });
});

describe('filers: every month still owed', () => {
  it('the reporter’s counts are its inbox’s, overdue first, the open month’s filings kept', async () => {
    const inbox = await json<InboxItem[]>(c.reporter, '/api/reports/inbox');
    const w = (await bench(c.reporter)).filer!;
    const open = inbox.filter((i) => i.state !== 'submitted' && i.state !== 'verified');
    expect(w.reportsReturned).toBe(open.filter((i) => i.state === 'returned').length);
    expect(w.reportsOverdue).toBe(open.filter((i) => i.deadline < today && i.state !== 'returned').length);
    expect(w.reportsDue).toBe(open.filter((i) => i.deadline >= today && i.state !== 'returned').length);
    // overdue first: no overdue task after one that is not
    const overdue = inbox.map((i) => i.deadline < today && i.state !== 'submitted' && i.state !== 'verified');
    expect(overdue.indexOf(false) === -1 || !overdue.slice(overdue.indexOf(false)).includes(true)).toBe(true);
    // only the open month's filings are kept in view
    const filings = inbox.filter((i) => i.state === 'submitted' || i.state === 'verified');
    expect(new Set(filings.map((i) => i.month)).size).toBeLessThanOrEqual(1);
    if (filings.length) expect(filings[0]!.month).toBe(monthsBack(1));
  });

  it('a new project of the reporter’s company owes twelve months; filing the open month keeps it in view', async () => {
    const p = await cityProject(c.office, { ownerUnitId: units.ctgs, responsibleUnitId: units.zjj });
    const mine = async () =>
      (await json<InboxItem[]>(c.reporter, '/api/reports/inbox')).filter((i) => i.projectId === p.id);
    const owed = await mine();
    expect(owed.map((i) => i.month).sort()).toEqual(Array.from({ length: 12 }, (_, k) => monthsBack(12 - k)));
    expect(owed.slice(0, -1).every((i) => i.state === 'late')).toBe(true);
    const openMonth = monthsBack(1);
    const filed = await monthlyReport(c.reporter, p.id, openMonth, { until: 'submitted' });
    const after = await mine();
    expect(after).toHaveLength(12);
    expect(after.find((i) => i.month === openMonth)).toMatchObject({
      state: 'submitted',
      reportId: filed.id,
    });
    // and it is the last: filings come after what is still owed
    expect(after.at(-1)!.month).toBe(openMonth);
    expect((await bench(c.reporter)).filer!.reportsOverdue).toBeGreaterThanOrEqual(11);
  });

  it('the unit sees the items its unit must answer', async () => {
    const w = (await bench(c.unit)).filer!;
    const me = await json<{ unitId: number }>(c.unit, '/api/auth/me');
    const assigned = await total(c.unit, `/api/items?unitId=${me.unitId}&status=assigned&pageSize=1`);
    const returned = await total(c.unit, `/api/items?unitId=${me.unitId}&status=returned&pageSize=1`);
    // co-unit items are listed by unitId too; the workbench counts only those it is responsible for
    expect(w.itemsToAnswer).toBeLessThanOrEqual(assigned + returned);
    expect(await total(c.unit, '/api/items?mine=toAnswer&pageSize=1')).toBe(w.itemsToAnswer);
    expect(w.itemsToAnswer).toBeGreaterThan(0);
  });
});

describe('leaders and others', () => {
  it('a leader sees its instructions by state', async () => {
    const w = await bench(c.leader);
    expect(w.office).toBeNull();
    expect(w.filer).toBeNull();
    const me = await json<{ displayName: string }>(c.leader, '/api/auth/me');
    const all = await json<{
      items: { raisedBy: string | null; status: string }[];
    }>(c.leader, '/api/items?kind=instruction&pageSize=500');
    const mine = all.items.filter((i) => i.raisedBy === me.displayName);
    expect(mine.length).toBeGreaterThan(0);
    expect(w.instructions!.closed).toBe(mine.filter((i) => i.status === 'closed').length);
    // the list the card links to holds exactly the counted ones
    expect(await total(c.leader, '/api/items?kind=instruction&mine=raised&status=closed&pageSize=1')).toBe(
      w.instructions!.closed,
    );
    expect(w.instructions!.open).toBe(
      mine.filter((i) => i.status !== 'closed' && i.status !== 'merged').length,
    );
  });

  it('an expert has nothing waiting, and no error', async () => {
    const w = await bench(c.expert);
    expect(w).toMatchObject({ office: null, filer: null, instructions: null });
  });
});
