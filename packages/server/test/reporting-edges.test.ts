/**
 * The reporting rough edges over HTTP: a report never submitted past its deadline is overdue (逾期),
 * a draft as much as a month with no report; a negative month corrects earlier ones but the
 * since-start total never falls below zero; the month close says how many of the month's reports
 * still wait for the office, and publishing records it; and a report returned after its month was
 * published keeps the published version readable, its correction counting from the next close while
 * the published month and the first submission's timeliness stay as they were.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonthlyReport, ReportMonth } from '@ducha/contract';
import { todayInChina } from '../src/platform/time.ts';
import { approveBaseline, cityProject, demoUnits, monthlyReport, signInAs } from './factories.ts';
import { png as pngFile } from './files.ts';
import { auditHelpers, createTestApp, expectError, type Client, type TestApp } from './helpers.ts';

let t: TestApp;
let office: Client;
let reporter: Client;
let zjj: number;
let ctgs: number;

const today = todayInChina();
const thisMonth = today.slice(0, 7);

beforeAll(async () => {
  t = await createTestApp();
  ({ office, reporter } = await signInAs(t, 'office', 'reporter'));
  ({ zjj, ctgs } = await demoUnits(t));
});
afterAll(() => t.close());

const db = () => t.database.db;
const { lastAuditOf, auditCount } = auditHelpers(() => t);

/** A city project the reporter's company owns, led by 市住建局, started in 2025. */
const project = async (code: string, o: Record<string, unknown> = {}) =>
  (
    await cityProject(office, {
      code,
      ownerUnitId: ctgs,
      responsibleUnitId: zjj,
      plannedStart: '2025-03-01',
      actualStart: '2025-03-10',
      stage: 'continuing',
      ...o,
    })
  ).id;
const url = (id: number, ym: string, action = '') => `/api/projects/${id}/reports/${ym}${action}`;
const month = async (c: Client, id: number, ym: string): Promise<ReportMonth> => {
  const res = await c.get(url(id, ym));
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const ok = async (res: { statusCode: number; body: string; json: () => unknown }) => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as MonthlyReport;
};
/** Moves a report's submission to a moment in the past (as if submitted then). */
const submittedAt = (reportId: number, at: string) =>
  db()
    .updateTable('monthly_reports')
    .set({ first_submitted_at: new Date(at), submitted_at: new Date(at) })
    .where('id', '=', reportId)
    .execute();

describe('overdue: never submitted past the deadline', () => {
  let id: number;
  beforeAll(async () => {
    id = await project('EDGE-OVD');
  });

  it('a month with no report, past its deadline, is overdue; this month is not', async () => {
    expect(await month(reporter, id, '2026-09')).toMatchObject({
      current: null,
      deadline: '2026-10-08',
      overdue: true,
    });
    expect((await month(reporter, id, thisMonth)).overdue).toBe(false);
  });

  it('a draft past its deadline is overdue, on the report, the month and the list', async () => {
    const d = await monthlyReport(reporter, id, '2026-09', { until: 'draft' });
    expect(d).toMatchObject({ status: 'draft', timeliness: 'missing', overdue: true });
    expect(await month(reporter, id, '2026-09')).toMatchObject({ overdue: true, current: { overdue: true } });
    const list = (await office.get(`/api/reports?projectId=${id}&month=2026-09`)).json();
    expect(list.items).toMatchObject([{ status: 'draft', overdue: true }]);
  });

  it('a draft of this month (deadline ahead) is not overdue', async () => {
    const d = await monthlyReport(reporter, id, thisMonth, { until: 'draft' });
    expect(d).toMatchObject({ status: 'draft', overdue: false });
  });

  it('submitted, even late, it is no longer overdue but late; returned it stays late, not overdue', async () => {
    const d = (await month(reporter, id, '2026-09')).current!;
    const s = await ok(await reporter.post(url(id, '2026-09', '/submit'), { version: d.version }));
    expect(s).toMatchObject({ timeliness: 'late', overdue: false });
    const r = await ok(
      await office.post(url(id, '2026-09', '/return'), { version: s.version, reason: '请补充' }),
    );
    expect(r).toMatchObject({ status: 'returned', timeliness: 'late', overdue: false });
    expect((await month(reporter, id, '2026-09')).overdue).toBe(false);
  });
});

describe('a falling since-start total', () => {
  let id: number;
  beforeAll(async () => {
    id = await project('EDGE-NEG');
    await monthlyReport(office, id, '2026-01', { fields: { investmentMonth: '300' } });
    await monthlyReport(office, id, '2026-02', { fields: { investmentMonth: '200' }, until: 'submitted' });
  });

  it('a negative month is a correction: allowed while since-start stays at or above zero', async () => {
    const d = await monthlyReport(reporter, id, '2026-03', {
      fields: { investmentMonth: '-120.50' },
      until: 'draft',
    });
    expect(d).toMatchObject({ investmentMonth: '-120.50', investmentSinceStart: '379.50' });
    // down to exactly zero is still allowed
    const zero = await ok(
      await reporter.put(url(id, '2026-03', '/draft'), {
        version: d.version,
        investmentMonth: '-500',
        physicalProgress: '核减前期多报投资',
      }),
    );
    expect(zero.investmentSinceStart).toBe('0.00');
  });

  it('below zero is 400 at body.investmentMonth, naming both figures; nothing is written', async () => {
    const d = (await month(reporter, id, '2026-03')).current!;
    const before = await auditCount();
    const res = await reporter.put(url(id, '2026-03', '/draft'), {
      version: d.version,
      investmentMonth: '-500.01',
      physicalProgress: '核减',
    });
    expectError(res, 400, 'VALIDATION', 'body.investmentMonth');
    expect(res.json().error.details[0].message).toBe(
      '自开工累计完成投资不能为负：此前累计 500.00 万元，本月 -500.01 万元',
    );
    expect((await month(reporter, id, '2026-03')).current!.investmentMonth).toBe('-500.00');
    expect(await auditCount()).toBe(before);
  });

  it('drafts and returned months do not count as earlier months: a first month cannot be negative', async () => {
    const other = await project('EDGE-NEG2');
    expectError(
      await reporter.put(url(other, '2026-01', '/draft'), {
        investmentMonth: '-1',
        physicalProgress: '核减',
      }),
      400,
      'VALIDATION',
      'body.investmentMonth',
    );
  });

  it('an amendment is held to the same floor', async () => {
    const jan = (await month(office, id, '2026-01')).current!;
    expectError(
      await office.post(url(id, '2026-01', '/amend'), {
        reason: '核减',
        investmentMonth: '-0.01',
        physicalProgress: '核减',
      }),
      400,
      'VALIDATION',
      'body.investmentMonth',
    );
    expect((await month(office, id, '2026-01')).current!.version).toBe(jan.version);
  });
});

describe('publishing a month says what still waits', () => {
  const ym = '2026-07';
  let ids: number[];

  beforeAll(async () => {
    ids = [await project('EDGE-PUB1'), await project('EDGE-PUB2'), await project('EDGE-PUB3')];
    await monthlyReport(reporter, ids[0]!, ym, { until: 'submitted' });
    const s = await monthlyReport(reporter, ids[1]!, ym, { until: 'submitted' });
    await ok(await office.post(url(ids[1]!, ym, '/return'), { version: s.version, reason: '数据有误' }));
    await monthlyReport(reporter, ids[2]!, ym, { verifier: office });
  });

  it('the close counts the month’s reports submitted but not verified, and those returned', async () => {
    const res = await office.post(`/api/month-closes/230600/${ym}/run`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'computed', unverifiedReports: 1, returnedReports: 1 });
    expect((await office.get(`/api/month-closes/230600/${ym}`)).json()).toMatchObject({
      unverifiedReports: 1,
      returnedReports: 1,
    });
  });

  it('the counts are live: verifying one brings it to 0', async () => {
    const s = (await month(office, ids[0]!, ym)).current!;
    await ok(await office.post(url(ids[0]!, ym, '/verify'), { version: s.version }));
    expect((await office.get(`/api/month-closes/230600/${ym}`)).json()).toMatchObject({
      unverifiedReports: 0,
      returnedReports: 1,
    });
  });

  it('a county close counts only the county’s projects', async () => {
    const lindian = await project('EDGE-PUB-LD', { regionCode: '230623' });
    await monthlyReport(office, lindian, ym, { until: 'submitted' });
    const res = await office.post(`/api/month-closes/230623/${ym}/run`);
    expect(res.json()).toMatchObject({ unverifiedReports: 1, returnedReports: 0 });
    await db().deleteFrom('month_closes').where('region_code', '=', '230623').execute();
  });

  it('publishing records in the trail how many were still waiting', async () => {
    const res = await office.post(`/api/month-closes/230600/${ym}/publish`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'published', unverifiedReports: 1, returnedReports: 1 });
    expect(await lastAuditOf('month_close', `230600:${ym}`)).toMatchObject({
      action: 'publish',
      diff: {
        status: { before: 'computed', after: 'published' },
        unverifiedReports: { before: null, after: 1 },
        returnedReports: { before: null, after: 1 },
      },
    });
  });
});

describe('a report returned after its month was published', () => {
  const may = '2026-05';
  let id: number;
  let submitted: MonthlyReport;

  beforeAll(async () => {
    id = await project('EDGE-AFTER');
    await approveBaseline(office, id, { monthly: Array(12).fill('100') });
    // January–April reported and verified: 100 each
    for (const m of ['01', '02', '03', '04'])
      await monthlyReport(reporter, id, `2026-${m}`, {
        fields: { investmentMonth: '100' },
        verifier: office,
      });
    submitted = await monthlyReport(reporter, id, may, {
      fields: { investmentMonth: '500' },
      until: 'submitted',
    });
    await submittedAt(submitted.id, '2026-06-05T10:00:00+08:00'); // on time (deadline 2026-06-08)
    const png = pngFile('x');
    const up = await reporter.request({
      method: 'POST',
      url: `/api/reports/${submitted.id}/attachments`,
      headers: { 'content-type': 'image/png', 'x-file-name': encodeURIComponent('五月现场.png') },
      payload: png,
    });
    expect(up.statusCode, up.body).toBe(409); // submitted: files are frozen until it comes back
    await db()
      .insertInto('report_attachments')
      .values({
        report_id: submitted.id,
        name: '五月现场.png',
        type: 'image/png',
        size: 9,
        sha256: 'a'.repeat(64),
        path: 'aa/aaaa',
      })
      .execute();
    for (const m of ['2026-04', may]) {
      expect((await office.post(`/api/month-closes/230600/${m}/run`)).statusCode).toBe(200);
      expect((await office.post(`/api/month-closes/230600/${m}/publish`)).statusCode).toBe(200);
    }
  });

  const mayLight = async () =>
    db()
      .selectFrom('lights')
      .select(['done_to_date', 'timeliness', 'computed'])
      .where('project_id', '=', id)
      .where('year', '=', 2026)
      .where('month', '=', 5)
      .executeTakeFirstOrThrow();

  it('the month reads as published for the filer (and for a county project under the city’s close)', async () => {
    expect(await month(reporter, id, may)).toMatchObject({ monthPublished: true, overdue: false });
    expect((await month(reporter, id, '2026-06')).monthPublished).toBe(false);
    const county = await project('EDGE-AFTER-LD', { regionCode: '230623' });
    expect((await month(office, county, may)).monthPublished).toBe(true);
  });

  it('the published light holds the report as submitted: 900 done to date, on time', async () => {
    expect(await mayLight()).toMatchObject({ done_to_date: '900.00', timeliness: 'on_time' });
  });

  it('the return opens a new version; the published one stays readable with its files; audit "report_return"', async () => {
    const r = await ok(
      await office.post(url(id, may, '/return'), {
        version: submitted.version,
        reason: '本月投资多报，请核实',
      }),
    );
    expect(r).toMatchObject({
      status: 'returned',
      amendment: 1,
      current: true,
      investmentMonth: '500.00',
      returnReason: '本月投资多报，请核实',
      amendmentReason: '发布后退回：本月投资多报，请核实',
      timeliness: 'on_time',
      version: submitted.version + 1,
    });
    expect(r.id).not.toBe(submitted.id);
    expect(r.attachments.map((a) => a.name)).toEqual(['五月现场.png']);
    const m = await month(reporter, id, may);
    expect(m.versions.map((v) => [v.amendment, v.status, v.current, v.investmentMonth])).toEqual([
      [1, 'returned', true, '500.00'],
      [0, 'submitted', false, '500.00'],
    ]);
    expect(m.versions[1]!.attachments.map((a) => a.name)).toEqual(['五月现场.png']);
    expect(await lastAuditOf('report', r.id)).toMatchObject({
      action: 'report_return',
      reason: '本月投资多报，请核实',
    });
  });

  it('a client still holding the published version gets 409 VERSION_CONFLICT', async () => {
    expectError(
      await reporter.put(url(id, may, '/draft'), {
        version: submitted.version,
        investmentMonth: '50',
        physicalProgress: '核实后修改',
      }),
      409,
      'VERSION_CONFLICT',
    );
  });

  it('the filer corrects and resubmits: timeliness keeps the first submission; the year’s totals follow', async () => {
    const cur = (await month(reporter, id, may)).current!;
    const fixed = await ok(
      await reporter.put(url(id, may, '/draft'), {
        version: cur.version,
        investmentMonth: '50',
        physicalProgress: '核实后修改',
      }),
    );
    const again = await ok(await reporter.post(url(id, may, '/submit'), { version: fixed.version }));
    expect(again).toMatchObject({
      status: 'submitted',
      amendment: 1,
      timeliness: 'on_time',
      investmentYtd: '450.00',
    });
    const progress = (await reporter.get(`/api/projects/${id}/progress?year=2026`)).json();
    expect(progress[4]).toMatchObject({ done: '50.00', doneToDate: '450.00', timeliness: 'on_time' });
  });

  it('the published month stays as published: same light, no rerun, no override', async () => {
    expect(await mayLight()).toMatchObject({ done_to_date: '900.00', timeliness: 'on_time' });
    expectError(await office.post(`/api/month-closes/230600/${may}/run`), 409, 'INVALID_STATE');
    expectError(
      await office.put(`/api/lights/${id}/${may}/override`, {
        color: 'green',
        justification: '已核实更正数据',
      }),
      409,
      'INVALID_STATE',
    );
  });

  it('the correction counts from the next close: June’s done to date uses May’s corrected 50', async () => {
    await monthlyReport(reporter, id, '2026-06', { fields: { investmentMonth: '100' }, until: 'submitted' });
    expect((await office.post('/api/month-closes/230600/2026-06/run')).statusCode).toBe(200);
    const june = await db()
      .selectFrom('lights')
      .select('done_to_date')
      .where('project_id', '=', id)
      .where('year', '=', 2026)
      .where('month', '=', 6)
      .executeTakeFirstOrThrow();
    expect(june.done_to_date).toBe('550.00');
  });

  it('a month not published returns in place, as before: one version', async () => {
    const other = await project('EDGE-AFTER2');
    const s = await monthlyReport(reporter, other, '2026-08', { until: 'submitted' });
    const r = await ok(
      await office.post(url(other, '2026-08', '/return'), { version: s.version, reason: '请补充' }),
    );
    expect(r).toMatchObject({ id: s.id, amendment: 0, amendmentReason: null });
    expect((await month(reporter, other, '2026-08')).versions).toHaveLength(1);
  });
});
