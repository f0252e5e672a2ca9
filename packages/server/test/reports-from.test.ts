/**
 * 起报月份: a project owes its monthly reports from its reports-from month on. A project registered
 * this month owes nothing for the months before: not in the filer's inbox, not in the 催报 list
 * (and a 催报 naming it is refused), not among the workbench's missing reports, not in the units'
 * scores, and the month close gives it no light for them. The office sets the month on the form
 * and in the 责任分解表; a new project defaults to the month it is registered.
 */
import type { InboxItem, Project, Workbench } from '@ducha/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildResponsibilitySheet } from '../src/modules/projects/excel/build.ts';
import { demoRows } from '../src/modules/projects/demo-projects.ts';
import { reportScoreFacts } from '../src/modules/reports/score-facts.ts';
import { todayInChina } from '../src/platform/time.ts';
import { cityProject, demoUnits, monthlyReport, signInAs } from './factories.ts';
import { createTestApp, expectError, type Client, type TestApp } from './helpers.ts';

let t: TestApp;
let office: Client;
let lindian: Client;
let reporter: Client;
let zjj: number;
let ctgs: number; // the `reporter` user's unit

const today = todayInChina();
const shift = (ym: string, n: number) => {
  const d = new Date(Date.UTC(Number(ym.slice(0, 4)), Number(ym.slice(5, 7)) - 1 + n, 1));
  return d.toISOString().slice(0, 7);
};
const thisMonth = today.slice(0, 7);
/** Two months back: its deadline has surely passed. */
const pastMonth = shift(thisMonth, -2);

const ok = <T>(res: { statusCode: number; body: string; json: () => unknown }, status = 200) => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};
const db = () => t.database.db;

let registeredNow: Project; // registered today, no 起报月份 given: owes from this month
let owing: Project; // owes from three months back
let seq = 0;
const project = (o: Record<string, unknown>) =>
  cityProject(office, {
    code: `RF-${++seq}`,
    responsibleUnitId: zjj,
    ownerUnitId: ctgs,
    ...o,
  });

beforeAll(async () => {
  t = await createTestApp();
  ({ office, office_lindian: lindian, reporter } = await signInAs(t, 'office', 'office_lindian', 'reporter'));
  ({ zjj, ctgs } = await demoUnits(t));
  // the factory registers projects as owing since 2024; this one says nothing, as the form's default
  const created = ok<Project>(
    await office.post('/api/projects', {
      code: 'RF-NEW',
      name: '起报测试新登记项目',
      regionCode: '230600',
      sector: '城乡建设',
      investmentNature: 'government',
      totalInvestment: '5000',
      ownerUnitId: ctgs,
    }),
    201,
  );
  registeredNow = created;
  owing = await project({ reportsFrom: shift(thisMonth, -3) });
});
afterAll(() => t.close());

describe('the reports-from month on the project', () => {
  it('is the month of registration unless given, and the office may change it (audited, versioned)', async () => {
    expect(registeredNow.reportsFrom).toBe(thisMonth);
    expect(owing.reportsFrom).toBe(shift(thisMonth, -3));
    const p = await project({});
    const moved = ok<Project>(
      await office.patch(`/api/projects/${p.id}`, { version: p.version, reportsFrom: '2025-07' }),
    );
    expect(moved).toMatchObject({ reportsFrom: '2025-07', version: p.version + 1 });
    const audit = await db()
      .selectFrom('audit_events')
      .select(['action', 'diff'])
      .where('entity', '=', 'project')
      .where('entity_id', '=', String(p.id))
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('update');
    expect(JSON.stringify(audit.diff)).toContain('reportsFrom');
    // a month that does not exist is refused at its field, and nothing changes
    expectError(
      await office.patch(`/api/projects/${p.id}`, { version: moved.version, reportsFrom: '2025-13' }),
      400,
      'VALIDATION',
      'body.reportsFrom',
    );
    expect(ok<Project>(await office.get(`/api/projects/${p.id}`)).reportsFrom).toBe('2025-07');
  });
});

describe('what is owed follows it', () => {
  it('the filer’s inbox lists the months from it, none before', async () => {
    const inbox = ok<InboxItem[]>(await reporter.get('/api/reports/inbox'));
    const months = (id: number) =>
      inbox
        .filter((i) => i.projectId === id)
        .map((i) => i.month)
        .sort();
    // the month open for filing is last month's: three months back owes three months
    expect(months(owing.id)).toEqual([shift(thisMonth, -3), shift(thisMonth, -2), shift(thisMonth, -1)]);
    expect(months(registeredNow.id)).toEqual([]);
    // one month's inbox alike
    const one = ok<InboxItem[]>(await reporter.get(`/api/reports/inbox?month=${pastMonth}`));
    expect(one.some((i) => i.projectId === owing.id)).toBe(true);
    expect(one.some((i) => i.projectId === registeredNow.id)).toBe(false);
  });

  it('a report filed for a month before it still shows in the inbox as filed work', async () => {
    const early = await project({ reportsFrom: thisMonth });
    await monthlyReport(office, early.id, pastMonth, { until: 'draft' });
    const inbox = ok<InboxItem[]>(await reporter.get('/api/reports/inbox'));
    expect(inbox.filter((i) => i.projectId === early.id).map((i) => [i.month, i.state])).toEqual([
      [pastMonth, 'draft'],
    ]);
    // but it is owed nothing, so it is not overdue and not reminded
    const overdue = ok<{ projectId: number }[]>(await office.get(`/api/reports/overdue?month=${pastMonth}`));
    expect(overdue.some((x) => x.projectId === early.id)).toBe(false);
  });

  it('the 催报 list leaves out a month not owed, and a 催报 naming the project is refused with the reason', async () => {
    const overdue = ok<{ projectId: number; state: string }[]>(
      await office.get(`/api/reports/overdue?month=${pastMonth}`),
    );
    expect(overdue.find((x) => x.projectId === owing.id)).toMatchObject({ state: 'missing' });
    expect(overdue.some((x) => x.projectId === registeredNow.id)).toBe(false);
    const res = ok<{
      done: number;
      results: { id: number; ok: boolean; error: { details: { path: string; message: string }[] } | null }[];
    }>(
      await office.post('/api/reports/remind', {
        month: pastMonth,
        projectIds: [registeredNow.id, owing.id],
      }),
    );
    const byId = new Map(res.results.map((r) => [r.id, r]));
    expect(byId.get(owing.id)!.ok).toBe(true);
    expect(byId.get(registeredNow.id)!.ok).toBe(false);
    expect(byId.get(registeredNow.id)!.error!.details[0]).toMatchObject({
      path: 'reportsFrom',
      message: `项目起报月份为 ${thisMonth}，${pastMonth} 无需报送月报`,
    });
  });

  it('the workbench counts a new project among the missing only from its month', async () => {
    const missing = async () => ok<Workbench>(await lindian.get('/api/workbench')).office!.reportsMissing;
    const before = await missing();
    const due = ok<Workbench>(await lindian.get('/api/workbench')).office!.lastDueMonth;
    await project({ code: 'RF-LD-NOW', regionCode: '230623', reportsFrom: shift(due, 1) });
    expect(await missing()).toBe(before);
    await project({ code: 'RF-LD-DUE', regionCode: '230623', reportsFrom: due });
    expect(await missing()).toBe(before + 1);
  });

  it('the units’ scores count missing reports from it, not before', async () => {
    const y = Number(pastMonth.slice(0, 4));
    const to = Number(pastMonth.slice(5, 7));
    const facts = await reportScoreFacts(db(), '230000.230600', y, 1, today, to);
    const monthsOf = (id: number) => facts.filter((f) => f.projectId === id).map((f) => f.month);
    const from = owing.reportsFrom < `${y}-01` ? 1 : Number(owing.reportsFrom.slice(5, 7));
    expect(monthsOf(owing.id)).toEqual(Array.from({ length: to - from + 1 }, (_, i) => from + i));
    expect(monthsOf(registeredNow.id)).toEqual([]);
  });

  it('the month close gives a light only to the projects that owe the month, and takes it back when the month moves', async () => {
    const later = await project({ reportsFrom: pastMonth });
    ok(await office.post(`/api/month-closes/230600/${pastMonth}/run`));
    const lights = async () =>
      new Set(
        (
          await db()
            .selectFrom('lights')
            .select('project_id')
            .where('year', '=', Number(pastMonth.slice(0, 4)))
            .where('month', '=', Number(pastMonth.slice(5, 7)))
            .execute()
        ).map((r) => r.project_id),
      );
    const first = await lights();
    expect(first.has(owing.id)).toBe(true);
    expect(first.has(later.id)).toBe(true); // owes from that very month
    expect(first.has(registeredNow.id)).toBe(false);
    ok(
      await office.patch(`/api/projects/${later.id}`, {
        version: later.version,
        reportsFrom: shift(pastMonth, 1),
      }),
    );
    ok(await office.post(`/api/month-closes/230600/${pastMonth}/run`));
    const second = await lights();
    expect(second.has(later.id)).toBe(false);
    expect(second.has(owing.id)).toBe(true);
  });
});

describe('the 责任分解表', () => {
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const upload = (file: Buffer) =>
    lindian.request({
      method: 'POST',
      url: '/api/projects/import?mode=commit',
      headers: { 'content-type': XLSX },
      payload: file,
    });
  const [base] = demoRows().lindian.map(({ listName: _l, batch: _b, ...r }) => r);
  const reportsFromOf = async (code: string) =>
    (
      await db()
        .selectFrom('projects')
        .select('reports_from')
        .where('code', '=', code)
        .executeTakeFirstOrThrow()
    ).reports_from;

  it('sets it from 起报月份; a new row without it owes from this month; a sheet without it keeps it', async () => {
    const rows = [
      { ...base, code: 'RF-SHEET-1', name: '起报导入测试一', reportsFrom: '2025年7月' },
      { ...base, code: 'RF-SHEET-2', name: '起报导入测试二', reportsFrom: '' },
    ];
    const res = await upload(await buildResponsibilitySheet(rows));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ committed: true });
    expect(await reportsFromOf('RF-SHEET-1')).toBe('2025-07-01');
    expect(await reportsFromOf('RF-SHEET-2')).toBe(`${thisMonth}-01`);
    // the same rows again, with the column left empty: nothing changes
    const again = await upload(await buildResponsibilitySheet(rows.map((r) => ({ ...r, reportsFrom: '' }))));
    expect(again.statusCode, again.body).toBe(200);
    expect(await reportsFromOf('RF-SHEET-1')).toBe('2025-07-01');
    // an unreadable month is the row's error, and the import writes nothing
    const bad = await upload(
      await buildResponsibilitySheet([
        { ...rows[0]!, reportsFrom: '2025-13' },
        { ...rows[1]!, reportsFrom: '2024-01' },
      ]),
    );
    expect(bad.json()).toMatchObject({ committed: false });
    expect(JSON.stringify(bad.json().errors)).toContain('起报月份');
    expect(await reportsFromOf('RF-SHEET-2')).toBe(`${thisMonth}-01`);
  });
});
