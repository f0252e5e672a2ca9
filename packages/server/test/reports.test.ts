/**
 * Monthly reports over HTTP against the real database (DOMAIN §4-§5): the owner's reporter fills
 * and submits, the office returns with a reason and verifies; verified reports are frozen and
 * corrected by amendments that keep every version; year-to-date and since-start are computed;
 * timeliness is judged on the first submission; who may file; the filer's inbox; attachments with
 * checksums and limits; milestones reached; and the month close that turns it all into a light
 * with its reasons.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../src/platform/time.ts';
import {
  approveBaseline,
  cityProject,
  demoUnits,
  monthlyReport,
  signInAs,
  type ProjectOpts,
} from './factories.ts';
import { officeFile, pdf, png as pngFile } from './files.ts';
import { createTestApp, type Client, type TestApp, auditHelpers, expectError } from './helpers.ts';

let t: TestApp;
let office: Client;
let unitUser: Client;
let reporter: Client;

let zjj: number; // 大庆市住房和城乡建设局: the `unit` user's unit
let jtj: number; // 大庆市交通运输局
let ctgs: number; // 大庆市城市建设投资开发有限公司: the `reporter` user's unit
let jttz: number; // 大庆市交通投资集团有限公司: another owner

const today = todayInChina();
const thisMonth = today.slice(0, 7);
const nextMonth = (() => {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
})();

beforeAll(async () => {
  t = await createTestApp();
  ({ office, unit: unitUser, reporter } = await signInAs(t, 'office', 'unit', 'reporter'));
  ({ zjj, jtj, ctgs, jttz } = await demoUnits(t));
});
afterAll(async () => {
  await t.close();
});

const db = () => t.database.db;
const { lastAuditOf, auditCount } = auditHelpers(() => t);

/**
 * A city project created by the office: by default led by 市住建局, owned by 城投公司 (the
 * reporter's company), a new start planned for 2026-02-01 and started on 2026-02-10.
 */
const project = async (code: string, o: ProjectOpts = {}) =>
  (
    await cityProject(office, {
      code,
      name: `${code} 月报测试项目`,
      totalInvestment: '50000',
      ownerUnitId: ctgs,
      plannedStart: '2026-02-01',
      actualStart: '2026-02-10',
      stage: 'new_start',
      responsibleUnitId: zjj,
      coUnitIds: [],
      ...o,
    })
  ).id;

const url = (id: number, ym: string, action = '') => `/api/projects/${id}/reports/${ym}${action}`;
const fields = (investmentMonth: string, extra: Record<string, unknown> = {}) => ({
  investmentMonth,
  fundsInPlace: { 地方配套: '600', 银行贷款: '400' },
  physicalProgress: '基础施工，完成桩基 60%',
  percentComplete: 20,
  nextMonthPlan: '开始主体结构施工',
  signer: '王建国',
  ...extra,
});
async function draft(c: Client, id: number, ym: string, amount: string, extra: Record<string, unknown> = {}) {
  const res = await c.put(url(id, ym, '/draft'), fields(amount, extra));
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
async function act(c: Client, id: number, ym: string, step: string, body: Record<string, unknown>) {
  const res = await c.post(url(id, ym, `/${step}`), body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
/** The office fills, submits and (optionally) verifies a month; returns the report. */
const filed = (id: number, ym: string, amount: string, verify = true) =>
  monthlyReport(office, id, ym, { fields: fields(amount), until: verify ? 'verified' : 'submitted' });
const month = async (c: Client, id: number, ym: string) => {
  const res = await c.get(url(id, ym));
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const reportRow = (id: number) =>
  db().selectFrom('monthly_reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const runClose = async (ym: string) => {
  const res = await office.post(`/api/month-closes/230600/${ym}/run`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const lightOf = async (code: string, ym: string) => {
  const res = await office.get(`/api/lights?month=${ym}&q=${code}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().total).toBe(1);
  return res.json().items[0];
};

describe('the monthly cycle: fill, submit, return, fix, verify, close', () => {
  // planned 2000 to date by March, reported 1000: pace 0.5
  const monthly = ['0', '0', '2000', '2000', '2000', '2000', '0', '0', '0', '0', '0', '0'];
  let id: number;
  let reportId: number;
  let firstSubmitted: Date | null;

  beforeAll(async () => {
    id = await project('RPT-LAG', { baseline: { monthly } });
  });

  it('the owner’s reporter saves a draft: computed totals, the deadline, audit "create"', async () => {
    const r = await draft(reporter, id, '2026-03', '1000');
    reportId = r.id;
    expect(r).toMatchObject({
      projectId: id,
      projectCode: 'RPT-LAG',
      year: 2026,
      month: 3,
      amendment: 0,
      current: true,
      status: 'draft',
      investmentMonth: '1000.00',
      investmentYtd: '1000.00',
      investmentSinceStart: '1000.00',
      fundsInPlace: { 地方配套: '600.00', 银行贷款: '400.00' },
      physicalProgress: '基础施工，完成桩基 60%',
      percentComplete: 20,
      signer: '王建国',
      submittedAt: null,
      deadline: '2026-04-08',
      timeliness: 'missing',
      returnReason: null,
      verifiedBy: null,
      version: 1,
    });
    expect(await lastAuditOf('report', reportId)).toMatchObject({ action: 'create', actor_name: '宋凯文' });
  });

  it('saving again needs the draft’s version; the right one bumps it', async () => {
    expectError(
      await reporter.put(url(id, '2026-03', '/draft'), fields('1000')),
      409,
      'VERSION_CONFLICT',
      'version',
    );
    expectError(
      await reporter.put(url(id, '2026-03', '/draft'), { ...fields('1000'), version: 7 }),
      409,
      'VERSION_CONFLICT',
    );
    const r = await reporter.put(url(id, '2026-03', '/draft'), { ...fields('1000'), version: 1 });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ id: reportId, status: 'draft', version: 2 });
    expect((await lastAuditOf('report', reportId)).action).toBe('update');
  });

  it('the reporter submits: audit "report_submit"; a stale version is 409', async () => {
    expectError(await reporter.post(url(id, '2026-03', '/submit'), { version: 1 }), 409, 'VERSION_CONFLICT');
    const r = await act(reporter, id, '2026-03', 'submit', { version: 2 });
    expect(r).toMatchObject({ status: 'submitted', version: 3 });
    expect(Date.parse(r.submittedAt)).toBeGreaterThan(Date.now() - 60_000);
    // submitted today, long after the deadline of 2026-04-08
    expect(r.timeliness).toBe('late');
    firstSubmitted = (await reportRow(reportId)).first_submitted_at;
    expect(firstSubmitted).not.toBeNull();
    const audit = await lastAuditOf('report', reportId);
    expect(audit).toMatchObject({ action: 'report_submit', reason: null });
    expect(audit.diff).toMatchObject({ status: { before: 'draft', after: 'submitted' } });
    // submitted reports are not edited as drafts
    const again = await reporter.put(url(id, '2026-03', '/draft'), { ...fields('1200'), version: 3 });
    expectError(again, 409, 'INVALID_STATE', 'status');
  });

  it('only the office returns and verifies: the reporter and the lead unit get 403', async () => {
    const audits = await auditCount();
    expectError(await reporter.post(url(id, '2026-03', '/verify'), { version: 3 }), 403, 'FORBIDDEN');
    expectError(
      await unitUser.post(url(id, '2026-03', '/return'), { version: 3, reason: '数据有误请核实' }),
      403,
      'FORBIDDEN',
    );
    expect(await auditCount()).toBe(audits);
  });

  it('the office returns it with a reason (a reason is required): audit "report_return" with the reason', async () => {
    expectError(
      await office.post(url(id, '2026-03', '/return'), { version: 3, reason: ' ' }),
      400,
      'VALIDATION',
      'body.reason',
    );
    const r = await act(office, id, '2026-03', 'return', {
      version: 3,
      reason: '资金到位数据与凭证不符，请核实',
    });
    expect(r).toMatchObject({
      status: 'returned',
      returnReason: '资金到位数据与凭证不符，请核实',
      version: 4,
    });
    const audit = await lastAuditOf('report', reportId);
    expect(audit).toMatchObject({
      action: 'report_return',
      reason: '资金到位数据与凭证不符，请核实',
      actor_name: '汤子涵',
    });
    expect(audit.diff).toMatchObject({ status: { before: 'submitted', after: 'returned' } });
    // a returned report is neither verified nor returned again
    expectError(
      await office.post(url(id, '2026-03', '/verify'), { version: 4 }),
      409,
      'INVALID_STATE',
      'status',
    );
  });

  it('the reporter fixes and resubmits; the first submission time is kept', async () => {
    const fixed = await reporter.put(url(id, '2026-03', '/draft'), {
      ...fields('1000', { fundsInPlace: { 地方配套: '500', 银行贷款: '500' } }),
      version: 4,
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json()).toMatchObject({
      status: 'returned',
      fundsInPlace: { 地方配套: '500.00' },
      version: 5,
    });
    const r = await act(reporter, id, '2026-03', 'submit', { version: 5 });
    expect(r).toMatchObject({ status: 'submitted', version: 6 });
    const row = await reportRow(reportId);
    expect(row.first_submitted_at).toEqual(firstSubmitted);
    expect(row.submitted_at!.getTime()).toBeGreaterThanOrEqual(firstSubmitted!.getTime());
    expect((await lastAuditOf('report', reportId)).diff).toMatchObject({
      status: { before: 'returned', after: 'submitted' },
    });
  });

  it('the office verifies: audit "report_verify"; the verified report is frozen (draft PUT → 409 INVALID_STATE)', async () => {
    const r = await act(office, id, '2026-03', 'verify', { version: 6 });
    expect(r).toMatchObject({ status: 'verified', verifiedBy: '汤子涵', version: 7 });
    expect(Date.parse(r.verifiedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(await lastAuditOf('report', reportId)).toMatchObject({ action: 'report_verify', reason: null });

    const audits = await auditCount();
    const frozen = await reporter.put(url(id, '2026-03', '/draft'), { ...fields('3000'), version: 7 });
    expectError(frozen, 409, 'INVALID_STATE', 'status');
    expect(frozen.json().error.details[0].message).toBe('月报已审核，更正请走更正流程');
    expectError(
      await office.put(url(id, '2026-03', '/draft'), { ...fields('3000'), version: 7 }),
      409,
      'INVALID_STATE',
    );
    expectError(await reporter.post(url(id, '2026-03', '/submit'), { version: 7 }), 409, 'INVALID_STATE');
    expect(await auditCount()).toBe(audits);
    expect((await month(office, id, '2026-03')).current).toMatchObject({
      investmentMonth: '1000.00',
      status: 'verified',
    });
  });

  it('the month close lights it yellow for LAG, with the numbers and a sentence', async () => {
    const close = await runClose('2026-03');
    expect(close).toMatchObject({
      regionCode: '230600',
      year: 2026,
      month: 3,
      status: 'computed',
      rulesVersion: 0,
    });
    const light = await lightOf('RPT-LAG', '2026-03');
    expect(light).toMatchObject({
      projectId: id,
      computed: 'yellow',
      color: 'yellow',
      referral: false,
      plannedToDate: '2000.00',
      doneToDate: '1000.00',
      paceRatio: 0.5,
      annualRatio: 0.125,
      override: null,
    });
    expect(light.reasons).toEqual([
      {
        code: 'LAG',
        values: { paceRatio: 0.5, threshold: 0.9, plannedToDate: '2000.00', doneToDate: '1000.00' },
        text: '序时完成率 50.0%，低于 90.0%(序时计划 2000.00 万元，完成 1000.00 万元)',
      },
    ]);
    const stored = await db()
      .selectFrom('lights')
      .select(['streak', 'red_streak', 'timeliness', 'closed_by_region'])
      .where('project_id', '=', id)
      .where('year', '=', 2026)
      .where('month', '=', 3)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ streak: 1, red_streak: 0, timeliness: 'late', closed_by_region: '230600' });
    const audit = await lastAuditOf('month_close', '230600:2026-03');
    expect(audit).toMatchObject({ action: 'run_close', entity: 'month_close' });
    expect(audit.diff).toMatchObject({ rulesVersion: { after: 0 } });
  });

  it('an amendment is a new verified version with its reason; the old one stays in versions; audit "report_amend"', async () => {
    expectError(
      await office.post(url(id, '2026-03', '/amend'), { ...fields('1900'), reason: '' }),
      400,
      'VALIDATION',
      'body.reason',
    );
    expectError(
      await reporter.post(url(id, '2026-03', '/amend'), { ...fields('1900'), reason: '核实后更正完成投资' }),
      403,
      'FORBIDDEN',
    );
    const r = await act(office, id, '2026-03', 'amend', { ...fields('1900'), reason: '核实后更正完成投资' });
    expect(r).toMatchObject({
      amendment: 1,
      current: true,
      status: 'verified',
      investmentMonth: '1900.00',
      investmentYtd: '1900.00',
      amendmentReason: '核实后更正完成投资',
      verifiedBy: '汤子涵',
      // the amendment carries the original timeliness
      timeliness: 'late',
    });
    expect(r.id).not.toBe(reportId);
    const audit = await lastAuditOf('report', r.id);
    expect(audit).toMatchObject({ action: 'report_amend', reason: '核实后更正完成投资' });
    expect(audit.diff).toMatchObject({
      amendment: { before: 0, after: 1 },
      investmentMonth: { before: '1000.00', after: '1900.00' },
    });
    expect((await reportRow(r.id)).first_submitted_at).toEqual(firstSubmitted);

    const detail = await month(office, id, '2026-03');
    expect(detail.current).toMatchObject({ id: r.id, amendment: 1, investmentMonth: '1900.00' });
    expect(
      detail.versions.map((v: { amendment: number; current: boolean; investmentMonth: string }) => [
        v.amendment,
        v.current,
        v.investmentMonth,
      ]),
    ).toEqual([
      [1, true, '1900.00'],
      [0, false, '1000.00'],
    ]);
    expect(detail.versions[1]).toMatchObject({ id: reportId, status: 'verified', amendmentReason: null });
    // the current version is the one amended next time; an unverified month cannot be amended
    const none = await office.post(url(id, '2026-04', '/amend'), { ...fields('10'), reason: '更正数据' });
    expectError(none, 404, 'NOT_FOUND');
  });

  it('the amendment changes the next close: pace 0.95, green, no reasons', async () => {
    await runClose('2026-03');
    const light = await lightOf('RPT-LAG', '2026-03');
    expect(light).toMatchObject({ computed: 'green', doneToDate: '1900.00', paceRatio: 0.95, reasons: [] });
  });

  it('amending a report that is not verified is 409 INVALID_STATE', async () => {
    await draft(reporter, id, '2026-04', '100');
    const res = await office.post(url(id, '2026-04', '/amend'), { ...fields('200'), reason: '更正数据' });
    expectError(res, 409, 'INVALID_STATE', 'status');
  });
});

describe('computed totals', () => {
  let id: number;

  beforeAll(async () => {
    id = await project('RPT-YTD', { plannedStart: '2025-05-01', actualStart: '2025-05-10' });
  });

  it('year-to-date and since-start: submitted and verified months count, drafts and returned ones do not', async () => {
    await filed(id, '2025-12', '500'); // last year: counts since start only
    const jan = await filed(id, '2026-01', '300');
    expect(jan).toMatchObject({ investmentYtd: '300.00', investmentSinceStart: '800.00' });
    const feb = await filed(id, '2026-02', '200', false); // submitted, not yet verified
    expect(feb).toMatchObject({
      status: 'submitted',
      investmentYtd: '500.00',
      investmentSinceStart: '1000.00',
    });
    // March: submitted then returned → does not count
    const mar = await filed(id, '2026-03', '4000', false);
    await act(office, id, '2026-03', 'return', { version: mar.version, reason: '数据有误，请核实' });
    const apr = await draft(office, id, '2026-04', '50'); // a draft counts only for itself
    expect(apr).toMatchObject({ investmentYtd: '550.00', investmentSinceStart: '1050.00' });
    const may = await draft(office, id, '2026-05', '7');
    expect(may).toMatchObject({ investmentYtd: '507.00', investmentSinceStart: '1007.00' });

    // the second month shows the sum of both
    const detail = await month(office, id, '2026-02');
    expect(detail.current).toMatchObject({ investmentMonth: '200.00', investmentYtd: '500.00' });
    expect(detail.previous).toMatchObject({ month: 1, investmentMonth: '300.00', investmentYtd: '300.00' });
    // January's total follows what is later reported before it: nothing before January this year
    expect((await month(office, id, '2026-01')).current.investmentYtd).toBe('300.00');
  });

  it('the year’s progress sums the same months', async () => {
    const res = await office.get(`/api/projects/${id}/progress?year=2026`);
    expect(res.statusCode, res.body).toBe(200);
    const months = res.json();
    expect(months).toHaveLength(12);
    expect(
      months.slice(0, 5).map((m: { done: string | null; doneToDate: string }) => [m.done, m.doneToDate]),
    ).toEqual([
      ['300.00', '300.00'],
      ['200.00', '500.00'],
      [null, '500.00'],
      [null, '500.00'],
      [null, '500.00'],
    ]);
    // no baseline: no plan and no ratio
    expect(months[0]).toMatchObject({ planned: null, plannedToDate: null, paceRatio: null });
  });
});

describe('timeliness', () => {
  it('returned and resubmitted: judged on the first submission, which is kept', async () => {
    const id = await project('RPT-TML');
    const d = await draft(reporter, id, '2026-05', '100');
    const s = await act(reporter, id, '2026-05', 'submit', { version: d.version });
    expect(s).toMatchObject({ deadline: '2026-06-08', timeliness: 'late' });
    // the first submission was in fact made on time (as if submitted on 2026-06-05)
    const onTime = new Date('2026-06-05T10:00:00+08:00');
    await db()
      .updateTable('monthly_reports')
      .set({ first_submitted_at: onTime, submitted_at: onTime })
      .where('id', '=', s.id)
      .execute();
    expect((await month(reporter, id, '2026-05')).current.timeliness).toBe('on_time');

    const r = await act(office, id, '2026-05', 'return', { version: s.version, reason: '附件缺失，请补充' });
    const again = await act(reporter, id, '2026-05', 'submit', { version: r.version });
    // resubmitted today, after the deadline: still on time, judged on the first submission
    expect(Date.parse(again.submittedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(again.timeliness).toBe('on_time');
    expect((await reportRow(s.id)).first_submitted_at).toEqual(onTime);
  });

  it('the deadline day itself (Asia/Shanghai) is on time, the next day late', async () => {
    const id = await project('RPT-TML2');
    const d = await draft(reporter, id, '2026-05', '100');
    const s = await act(reporter, id, '2026-05', 'submit', { version: d.version });
    const set = (at: string) =>
      db()
        .updateTable('monthly_reports')
        .set({ first_submitted_at: new Date(at) })
        .where('id', '=', s.id)
        .execute();
    await set('2026-06-08T23:59:00+08:00'); // 15:59 UTC, still 06-08 in China
    expect((await month(reporter, id, '2026-05')).current.timeliness).toBe('on_time');
    await set('2026-06-09T00:01:00+08:00'); // 06-08 16:01 UTC, but 06-09 in China
    expect((await month(reporter, id, '2026-05')).current.timeliness).toBe('late');
  });
});

describe('who may file', () => {
  it('a future month is refused (400 at month); this month is allowed', async () => {
    const id = await project('RPT-FUT');
    const audits = await auditCount();
    expectError(await office.put(url(id, nextMonth, '/draft'), fields('10')), 400, 'VALIDATION', 'month');
    expect(await auditCount()).toBe(audits);
    expect(await draft(office, id, thisMonth, '10')).toMatchObject({ status: 'draft' });
  });

  it('the lead unit files and submits', async () => {
    const id = await project('RPT-LEAD', { responsibleUnitId: zjj, ownerUnitId: null });
    const d = await draft(unitUser, id, '2026-06', '300');
    expect(await lastAuditOf('report', d.id)).toMatchObject({ action: 'create', actor_name: '许嘉宁' });
    expect(await act(unitUser, id, '2026-06', 'submit', { version: d.version })).toMatchObject({
      status: 'submitted',
    });
  });

  it('a co-unit reads the project but cannot file (403 FORBIDDEN); nothing is written', async () => {
    const id = await project('RPT-CO', { responsibleUnitId: jtj, coUnitIds: [zjj], ownerUnitId: null });
    expect((await unitUser.get(url(id, '2026-06'))).statusCode).toBe(200);
    const audits = await auditCount();
    expectError(await unitUser.put(url(id, '2026-06', '/draft'), fields('10')), 403, 'FORBIDDEN');
    await draft(office, id, '2026-06', '10');
    expectError(await unitUser.post(url(id, '2026-06', '/submit'), { version: 1 }), 403, 'FORBIDDEN');
    expect(await auditCount()).toBe(audits + 1);
  });

  it('the reporter of another owner cannot see or file the project', async () => {
    const id = await project('RPT-OTHER', { ownerUnitId: jttz, responsibleUnitId: jtj });
    expectError(await reporter.put(url(id, '2026-06', '/draft'), fields('10')), 403, 'OUT_OF_SCOPE');
    expectError(await reporter.get(url(id, '2026-06')), 403, 'OUT_OF_SCOPE');
    const mine = await project('RPT-MINE', { ownerUnitId: ctgs, responsibleUnitId: jtj });
    expect(await draft(reporter, mine, '2026-06', '10')).toMatchObject({ status: 'draft' });
  });
});

describe('the inbox', () => {
  let none: number;
  let drafted: number;
  let returned: number;
  let submitted: number;
  let coProject: number;

  beforeAll(async () => {
    none = await project('INB-NONE');
    drafted = await project('INB-DRAFT');
    returned = await project('INB-RET');
    submitted = await project('INB-SUB');
    coProject = await project('INB-CO', { responsibleUnitId: jtj, coUnitIds: [zjj], ownerUnitId: jttz });
    const july = (until: 'draft' | 'submitted') => ({ fields: fields('10'), until });
    await monthlyReport(reporter, drafted, '2026-07', july('draft'));
    const s = await monthlyReport(reporter, returned, '2026-07', july('submitted'));
    await act(office, returned, '2026-07', 'return', { version: s.version, reason: '请补充现场照片' });
    await monthlyReport(reporter, submitted, '2026-07', july('submitted'));
  });

  const inbox = async (c: Client, ym: string) => {
    const res = await c.get(`/api/reports/inbox?month=${ym}`);
    expect(res.statusCode, res.body).toBe(200);
    return new Map(
      (res.json() as { projectId: number; state: string; deadline: string; reportId: number | null }[]).map(
        (i) => [i.projectId, i],
      ),
    );
  };

  it('a past month: no report → late, a draft → draft, returned → returned; submitted ones are done', async () => {
    const items = await inbox(reporter, '2026-07');
    // 2026-08-08 is a Saturday: due Monday 08-10
    expect(items.get(none)).toEqual({
      projectId: none,
      projectCode: 'INB-NONE',
      projectName: 'INB-NONE 月报测试项目',
      month: '2026-07',
      deadline: '2026-08-10',
      state: 'late',
      reportId: null,
    });
    expect(items.get(drafted)).toMatchObject({ state: 'draft' });
    expect(items.get(drafted)!.reportId).toEqual(expect.any(Number));
    expect(items.get(returned)).toMatchObject({ state: 'returned' });
    expect(items.has(submitted)).toBe(false);
    // not the reporter's project
    expect(items.has(coProject)).toBe(false);
  });

  it('this month: not yet reported → due', async () => {
    const items = await inbox(reporter, thisMonth);
    expect(items.get(none)).toMatchObject({ state: 'due', reportId: null });
  });

  it('the lead unit sees what it leads, not what it co-operates on', async () => {
    const items = await inbox(unitUser, '2026-07');
    expect(items.get(none)).toMatchObject({ state: 'late' });
    expect(items.has(coProject)).toBe(false);
  });
});

describe('attachments', () => {
  let id: number;
  let reportId: number;
  // a real PNG: the server checks the declared type, the size and that the bytes parse as the type
  const png = pngFile('RPT-ATT');
  const upload = (c: Client, rid: number, type: string, body: Buffer | string, name = '现场照片.png') =>
    c.request({
      method: 'POST',
      url: `/api/reports/${rid}/attachments`,
      headers: { 'content-type': type, 'x-file-name': encodeURIComponent(name) },
      payload: body,
    });

  beforeAll(async () => {
    id = await project('RPT-ATT');
    reportId = (await draft(reporter, id, '2026-08', '10')).id;
  });

  it('a PNG is stored with its SHA-256 and served back byte for byte; audit "add_attachment"', async () => {
    const res = await upload(reporter, reportId, 'image/png', png);
    expect(res.statusCode, res.body).toBe(201);
    const sha256 = createHash('sha256').update(png).digest('hex');
    expect(res.json()).toEqual({
      id: expect.any(Number),
      name: '现场照片.png',
      size: png.length,
      type: 'image/png',
      sha256,
    });
    const audit = await lastAuditOf('report', reportId);
    expect(audit).toMatchObject({ action: 'add_attachment' });
    expect(audit.diff).toMatchObject({ sha256: { after: sha256 }, size: { after: png.length } });
    const back = await reporter.get(`/api/attachments/${res.json().id}`);
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toBe('image/png');
    expect(back.rawPayload.equals(png)).toBe(true);
    expect((await month(reporter, id, '2026-08')).current.attachments).toEqual([res.json()]);
  });

  it('a type outside the list is 400 at content-type; nothing is stored', async () => {
    const before = await db().selectFrom('report_attachments').select('id').execute();
    expectError(
      await upload(reporter, reportId, 'text/plain', 'hello', 'a.txt'),
      400,
      'VALIDATION',
      'content-type',
    );
    expectError(
      await upload(reporter, reportId, 'application/octet-stream', Buffer.from('MZ'), 'a.exe'),
      400,
      'VALIDATION',
      'content-type',
    );
    expect(await db().selectFrom('report_attachments').select('id').execute()).toHaveLength(before.length);
  });

  it('the bytes must be what the type says: a renamed file is 400 at body', async () => {
    const exe = Buffer.from('MZ\x90\x00 not a picture');
    expectError(await upload(reporter, reportId, 'image/png', exe, 'photo.png'), 400, 'VALIDATION', 'body');
    expectError(await upload(reporter, reportId, 'image/jpeg', png, 'photo.jpg'), 400, 'VALIDATION', 'body');
    const docx = await officeFile('word');
    const ok = await upload(
      reporter,
      reportId,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      docx,
      '说明.docx',
    );
    expect(ok.statusCode, ok.body).toBe(201);
    await reporter.delete(`/api/attachments/${ok.json().id}`);
  });

  it('more than 10 MiB is 413; exactly 10 MiB is accepted', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 1);
    png.copy(big); // a PNG's signature, then filler
    expectError(await upload(reporter, reportId, 'image/png', big), 413, 'PAYLOAD_TOO_LARGE', 'body');
    const max = await upload(reporter, reportId, 'image/png', pngFile('最大', 10 * 1024 * 1024), '最大.png');
    expect(max.statusCode, max.body).toBe(201);
    expect(max.json().size).toBe(10 * 1024 * 1024);
  });

  it('attachments are removed only while the report is a draft (or returned)', async () => {
    const extra = (await upload(reporter, reportId, 'application/pdf', pdf('test'), '说明.pdf')).json();
    const del = await reporter.delete(`/api/attachments/${extra.id}`);
    expect(del.statusCode, del.body).toBe(200);
    expect(await lastAuditOf('report', reportId)).toMatchObject({ action: 'remove_attachment' });
    expect(
      (await month(reporter, id, '2026-08')).current.attachments.map((a: { name: string }) => a.name),
    ).toEqual(['现场照片.png', '最大.png']);

    const current = (await month(reporter, id, '2026-08')).current;
    await act(reporter, id, '2026-08', 'submit', { version: current.version });
    const kept = current.attachments[0].id;
    expectError(await reporter.delete(`/api/attachments/${kept}`), 409, 'INVALID_STATE', 'status');
    expectError(await upload(reporter, reportId, 'image/png', png), 409, 'INVALID_STATE', 'status');
    expect((await month(reporter, id, '2026-08')).current.attachments).toHaveLength(2);
  });

  it('an amendment keeps the photos and files; both versions show them', async () => {
    const submitted = (await month(office, id, '2026-08')).current;
    await act(office, id, '2026-08', 'verify', { version: submitted.version });
    const res = await office.post(url(id, '2026-08', '/amend'), { ...fields('12'), reason: '更正投资额' });
    expect(res.statusCode, res.body).toBe(200);
    const detail = await month(office, id, '2026-08');
    const names = (r: { attachments: { name: string }[] }) => r.attachments.map((a) => a.name);
    expect(detail.current.amendment).toBe(1);
    expect(names(detail.current)).toEqual(['现场照片.png', '最大.png']);
    expect(names(detail.versions[1])).toEqual(['现场照片.png', '最大.png']);
    const copy = detail.current.attachments[0];
    expect(copy.sha256).toBe(detail.versions[1].attachments[0].sha256);
    const back = await reporter.get(`/api/attachments/${copy.id}`);
    expect(back.statusCode).toBe(200);
  });
});

describe('milestones reached', () => {
  it('become the baseline’s actual dates when the report is verified, not before', async () => {
    const id = await project('RPT-MS');
    const plan = await approveBaseline(office, id, {
      monthly: ['0', '0', '0', '1000', '1000', '0', '0', '0', '0', '0', '0', '0'],
      milestones: [
        { name: '基础完工', plannedDate: '2026-04-30' },
        { name: '主体封顶', plannedDate: '2026-09-30' },
      ],
    });
    const [base, top] = plan.milestones;
    expectError(
      await office.put(
        url(id, '2026-05', '/draft'),
        fields('1000', { milestonesReached: [{ milestoneId: 999999, actualDate: '2026-05-12' }] }),
      ),
      400,
      'VALIDATION',
      'body.milestonesReached.0.milestoneId',
    );
    const d = await draft(office, id, '2026-05', '1000', {
      milestonesReached: [{ milestoneId: base!.id, actualDate: '2026-05-12' }],
    });
    expect(d.milestonesReached).toEqual([
      { milestoneId: base!.id, name: '基础完工', actualDate: '2026-05-12' },
    ]);
    const s = await act(office, id, '2026-05', 'submit', { version: d.version });
    const before = await month(office, id, '2026-05');
    expect(before.milestones).toEqual([
      { id: base!.id, name: '基础完工', plannedDate: '2026-04-30', actualDate: null },
      { id: top!.id, name: '主体封顶', plannedDate: '2026-09-30', actualDate: null },
    ]);
    await act(office, id, '2026-05', 'verify', { version: s.version });
    const after = await month(office, id, '2026-05');
    expect(after.milestones.map((m: { actualDate: string | null }) => m.actualDate)).toEqual([
      '2026-05-12',
      null,
    ]);
    const plans = (await office.get(`/api/projects/${id}/plans?year=2026`)).json();
    expect(plans[0].milestones[0]).toMatchObject({ name: '基础完工', actualDate: '2026-05-12' });

    // April's close sees the milestone overdue at April's end (reached only in May); May's does not
    await filed(id, '2026-04', '1000');
    await runClose('2026-04');
    const april = await lightOf('RPT-MS', '2026-04');
    expect(april.reasons).toEqual([
      { code: 'MILESTONE_OVERDUE', values: { count: 1, milestones: '基础完工' }, text: '节点逾期：基础完工' },
    ]);
    await runClose('2026-05');
    const may = await lightOf('RPT-MS', '2026-05');
    expect(may).toMatchObject({ computed: 'green', reasons: [], paceRatio: 1 });
  });

  it('an actual date in the future is refused', async () => {
    const id = await project('RPT-MS2');
    const plan = await approveBaseline(office, id, {
      monthly: Array<string>(12).fill('10'),
      milestones: [{ name: '开工', plannedDate: '2026-03-01' }],
    });
    const res = await office.put(
      url(id, '2026-03', '/draft'),
      fields('10', {
        milestonesReached: [
          { milestoneId: plan.milestones[0]!.id, actualDate: `${Number(today.slice(0, 4)) + 1}-01-01` },
        ],
      }),
    );
    expectError(res, 400, 'VALIDATION', 'body.milestonesReached.0.actualDate');
  });
});

describe('the close explains every cause', () => {
  it('start overdue, missing report and lag, each with its numbers', async () => {
    const id = await project('RPT-CAUSE', {
      plannedStart: '2026-03-15',
      actualStart: null,
      baseline: { monthly: ['0', '0', '0', '0', '0', '0', '3000', '0', '0', '0', '0', '0'] },
    });
    await runClose('2026-03');
    const march = await lightOf('RPT-CAUSE', '2026-03');
    expect(march.computed).toBe('yellow');
    expect(march.reasons).toEqual([
      {
        code: 'START_OVERDUE',
        values: { plannedStart: '2026-03-15' },
        text: '计划 2026-03-15 开工，至月末未开工',
      },
      { code: 'REPORT_MISSING', values: { month: 3 }, text: '3 月月报未报送' },
    ]);
    // nothing planned to date in March: no pace, hence no LAG
    expect(march.paceRatio).toBeNull();
    expect(march.annualRatio).toBe(0);
    // the project's year of progress carries the same reasons
    const year = (await office.get(`/api/projects/${id}/progress?year=2026`)).json();
    expect(year[2]).toMatchObject({
      color: 'yellow',
      reasons: [{ code: 'START_OVERDUE' }, { code: 'REPORT_MISSING' }],
    });
    expect(year[0].reasons).toEqual([]);
  });
});

describe('the latest close', () => {
  it('opens on the newest month closed for the region; none is 404; other words are 400', async () => {
    await runClose('2026-06');
    const res = await office.get('/api/month-closes/230600/latest');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ regionCode: '230600', year: 2026, month: 6 });
    expectError(await office.get('/api/month-closes/230623/latest'), 404, 'NOT_FOUND');
    expectError(await office.get('/api/month-closes/230600/newest'), 400, 'VALIDATION');
  });
});
