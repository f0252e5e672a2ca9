/**
 * The month close (月度调度) on the demo registry (145 projects with baselines) over HTTP against
 * the real database: idempotent reruns, overrides beside the computed light, publishing that
 * freezes a month, streaks over consecutive closes (yellow → red → referral, and recovery),
 * versioned light rules, the reporting calendar per region and working-day corrections as they
 * reach deadlines and timeliness, the light board's filters and scope, and the Excel export.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Decimal } from '@ducha/contract';
import { seedDemoProjects } from '../src/modules/projects/demo-projects.ts';
import { ExcelJS, XLSX_TYPE } from '../src/platform/excel.ts';
import { monthlyReport, signInAs } from './factories.ts';
import { createTestApp, type Client, type TestApp, auditHelpers, expectError } from './helpers.ts';

let t: TestApp;
let office: Client;
let lindian: Client;
let unitUser: Client;

/** Demo projects by role in these tests (all 在建, started in 2025, seasonal plans with Jan/Feb at 0). */
let streaky: number; // never reports: yellow, red, referral
let recovers: number; // silent in January and February, reports its plan in March
let steady: number; // reports every month
let partial: number[]; // report 70% of their plan in March
let cityCount: number;
let ldCount: number;

const CITY_LIST = '2026年全市重点督查“3个30”项目';
const LD_LIST = '2026年林甸县重点项目';

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoProjects(t.database.db);
  ({
    office,
    office_lindian: lindian,
    unit: unitUser,
  } = await signInAs(t, 'office', 'office_lindian', 'unit'));
  const byCode = async (code: string) =>
    (await db().selectFrom('projects').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  streaky = await byCode('DQ-2026-002');
  recovers = await byCode('DQ-2026-001');
  steady = await byCode('DQ-2026-012');
  partial = [await byCode('DQ-2026-003'), await byCode('DQ-2026-004'), await byCode('DQ-2026-007')];
  const count = async (like: string) =>
    Number(
      (
        await db()
          .selectFrom('projects')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('code', 'like', like)
          .where('active', '=', true)
          .executeTakeFirstOrThrow()
      ).n,
    );
  cityCount = await count('DQ-%');
  ldCount = await count('LD-%');
}, 120_000);
afterAll(async () => {
  await t.close();
});

const db = () => t.database.db;
const { lastAuditOf, auditCount } = auditHelpers(() => t);

const run = async (ym: string, c: Client = office, region = '230600') => {
  const res = await c.post(`/api/month-closes/${region}/${ym}/run`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const lightRows = (m: number) =>
  db()
    .selectFrom('lights')
    .selectAll()
    .where('year', '=', 2026)
    .where('month', '=', m)
    .orderBy('project_id')
    .execute();
const stored = (projectId: number, m: number) =>
  db()
    .selectFrom('lights')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('year', '=', 2026)
    .where('month', '=', m)
    .executeTakeFirstOrThrow();
const board = async (query: string, c: Client = office) => {
  const res = await c.get(`/api/lights?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    total: number;
    items: {
      projectId: number;
      projectCode: string;
      color: string;
      computed: string;
      reasons: { code: string }[];
    }[];
  };
};
const codes = (reasons: { code: string }[]) => reasons.map((r) => r.code);

/** The approved 2026 monthly plan of a project. */
async function monthlyPlan(id: number): Promise<string[]> {
  const res = await office.get(`/api/projects/${id}/plans?year=2026`);
  const plan = (res.json() as { status: string; monthly: string[] }[]).find((p) => p.status === 'approved')!;
  return plan.monthly;
}
const planToDate = (monthly: string[], m: number) =>
  monthly.slice(0, m).reduce((a, x) => a.plus(x), new Decimal(0));

/** The office files and submits a month's report. */
const file = (id: number, ym: string, amount: string) =>
  monthlyReport(office, id, ym, { fields: { investmentMonth: amount }, until: 'submitted' });

describe('the first close of the year', () => {
  it('lights every active project and stores the indicators; audit "run_close"', async () => {
    await file(steady, '2026-01', '0');
    const close = await run('2026-01');
    expect(close).toMatchObject({
      regionCode: '230600',
      year: 2026,
      month: 1,
      status: 'computed',
      publishedAt: null,
      rulesVersion: 0,
    });
    expect(cityCount + ldCount).toBe(145);
    const total = close.indicators.total[0];
    expect(total).toMatchObject({ key: 'total', projects: 145, green: 1, yellow: 144, red: 0 });
    expect(total.normalRate).toBe(Math.round((1 / 145) * 10000) / 10000);
    // nobody was due to start in January: the rate is undefined, not zero
    expect(total).toMatchObject({ plannedToStart: 0, started: 0, startRate: null, doneToDate: '0.00' });
    const lists = new Map(
      close.indicators.list.map((r: { key: string; projects: number }) => [r.key, r.projects]),
    );
    expect(lists).toEqual(
      new Map([
        [CITY_LIST, cityCount],
        [LD_LIST, ldCount],
      ]),
    );
    const regions = close.indicators.region as { label: string; projects: number }[];
    expect(regions.find((r) => r.label === '林甸县')!.projects).toBe(ldCount);
    expect(regions.reduce((s, r) => s + r.projects, 0)).toBe(145);
    expect(await lightRows(1)).toHaveLength(145);

    const audit = await lastAuditOf('month_close', '230600:2026-01');
    expect(audit).toMatchObject({ action: 'run_close', actor_name: '汤子涵' });
    expect(audit.diff).toMatchObject({
      projects: { after: 145 },
      green: { after: 1 },
      yellow: { after: 144 },
      red: { after: 0 },
      rulesVersion: { after: 0 },
    });
    // the stored close answers the same
    const got = await office.get('/api/month-closes/230600/2026-01');
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual(close);
  });

  it('a January without plan and without report: yellow for the missing report only', async () => {
    expect(await stored(streaky, 1)).toMatchObject({
      computed: 'yellow',
      reasons: [{ code: 'REPORT_MISSING', values: { month: 1 }, text: '1 月月报未报送' }],
      streak: 1,
      red_streak: 0,
      referral: false,
      planned_to_date: '0.00',
      pace_ratio: null,
      timeliness: 'missing',
    });
    expect(await stored(steady, 1)).toMatchObject({
      computed: 'green',
      reasons: [],
      streak: 0,
      timeliness: 'late',
    });
  });

  it('is idempotent: a rerun gives identical indicators and identical light rows', async () => {
    const before = await lightRows(1);
    const first = (await office.get('/api/month-closes/230600/2026-01')).json();
    const again = await run('2026-01');
    expect(again.indicators).toEqual(first.indicators);
    // byte for byte as stored
    const saved = (await office.get('/api/month-closes/230600/2026-01')).json();
    expect(JSON.stringify(saved.indicators)).toBe(JSON.stringify(first.indicators));
    expect(saved.rulesVersion).toBe(first.rulesVersion);
    expect(await lightRows(1)).toEqual(before);
  });

  it('a rerun rewrites only the lights whose computed content changed', async () => {
    const versions = async () =>
      (
        await sql<{ project_id: number; v: string }>`select project_id, xmin::text as v from lights
          where year = 2026 and month = 1 order by project_id`.execute(db())
      ).rows;
    const before = await versions();
    await run('2026-01');
    expect(await versions()).toEqual(before); // unchanged: not a row written
    const right = await stored(steady, 1);
    await sql`update lights set streak = 99, reasons = '[]' where project_id = ${streaky} and year = 2026 and month = 1`.execute(
      db(),
    );
    const tampered = await versions();
    await run('2026-01');
    expect(await stored(streaky, 1)).toMatchObject({ streak: 1, computed: 'yellow' });
    expect((await stored(streaky, 1)).reasons).not.toEqual([]);
    const after = await versions();
    expect(after.filter((r, i) => r.v !== tampered[i]!.v).map((r) => r.project_id)).toEqual([streaky]);
    expect(await stored(steady, 1)).toEqual(right);
  });

  it('only the office of the region runs it', async () => {
    expectError(await unitUser.post('/api/month-closes/230600/2026-01/run'), 403, 'FORBIDDEN');
    expectError(await lindian.post('/api/month-closes/230600/2026-01/run'), 403, 'FORBIDDEN');
  });
});

describe('overrides', () => {
  const overrideUrl = (id: number, ym: string) => `/api/lights/${id}/${ym}/override`;

  it('need a justification of at least 5 characters', async () => {
    const audits = await auditCount();
    const res = await office.put(overrideUrl(streaky, '2026-01'), {
      color: 'green',
      justification: '已核实',
    });
    expectError(res, 400, 'VALIDATION', 'body.justification');
    expect(res.json().error.details[0].message).toBe('调整灯色须写明理由(至少 5 个字)');
    expect(await auditCount()).toBe(audits);
    expect((await stored(streaky, 1)).override_color).toBeNull();
  });

  it('show beside the computed light; audit "override_light" with the justification', async () => {
    const justification = '一月冬季停工，经核实不计未报';
    const res = await office.put(overrideUrl(streaky, '2026-01'), { color: 'green', justification });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      projectId: streaky,
      computed: 'yellow',
      color: 'green',
      override: { color: 'green', justification, by: '汤子涵' },
    });
    expect(Date.parse(res.json().override.at)).toBeGreaterThan(Date.now() - 60_000);
    const audit = await lastAuditOf('project', streaky);
    expect(audit).toMatchObject({ entity: 'project', action: 'override_light', reason: justification });
    expect(audit.diff).toMatchObject({
      color: { before: 'yellow', after: 'green' },
      computed: { after: 'yellow' },
    });
  });

  it('survive a rerun of the close', async () => {
    await run('2026-01');
    const light = (await board('month=2026-01&q=DQ-2026-002')).items[0]!;
    expect(light).toMatchObject({ computed: 'yellow', color: 'green' });
    expect(await stored(streaky, 1)).toMatchObject({
      computed: 'yellow',
      override_color: 'green',
      override_justification: '一月冬季停工，经核实不计未报',
    });
    // the board filters on the colour in force
    expect((await board('month=2026-01&color=green')).items.map((i) => i.projectId).sort()).toEqual(
      [steady, streaky].sort(),
    );
    expect((await board('month=2026-01&color=yellow')).total).toBe(143);
  });

  it('only the office in scope overrides; a light that was never computed is 404', async () => {
    expectError(
      await unitUser.put(overrideUrl(streaky, '2026-01'), { color: 'red', justification: '五个字以上' }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await lindian.put(overrideUrl(streaky, '2026-01'), { color: 'red', justification: '五个字以上' }),
      403,
      'OUT_OF_SCOPE',
    );
    expectError(
      await office.put(overrideUrl(streaky, '2026-07'), { color: 'red', justification: '五个字以上' }),
      404,
      'NOT_FOUND',
    );
  });

  it('can be cleared: audit "clear_override"; cleared and set again on another project', async () => {
    await office.put(overrideUrl(recovers, '2026-01'), { color: 'red', justification: '现场核查发现停工' });
    const res = await office.delete(overrideUrl(recovers, '2026-01'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ computed: 'yellow', color: 'yellow', override: null });
    expect(await lastAuditOf('project', recovers)).toMatchObject({ action: 'clear_override', reason: null });
  });
});

describe('streaks over consecutive closes', () => {
  it('second month in a row not green: red, with the streak as its reason (an override does not break it)', async () => {
    await run('2026-02');
    expect(await stored(streaky, 2)).toMatchObject({
      computed: 'red',
      streak: 2,
      red_streak: 1,
      referral: false,
      reasons: [
        { code: 'REPORT_MISSING', values: { month: 2 } },
        { code: 'YELLOW_STREAK', values: { months: 2 }, text: '连续 2 个月未消除预警，转为红灯' },
      ],
    });
    expect(await stored(recovers, 2)).toMatchObject({ computed: 'red', streak: 2 });
    // reported in January, silent in February: yellow, not red
    expect(await stored(steady, 2)).toMatchObject({ computed: 'yellow', streak: 1 });
  });

  it('second red month: referral, with its reason; a project that reports its plan goes green and resets', async () => {
    const plan = await monthlyPlan(recovers);
    const due = planToDate(plan, 3);
    expect(due.gt(0)).toBe(true);
    await file(recovers, '2026-03', due.toFixed(2));
    await file(steady, '2026-03', planToDate(await monthlyPlan(steady), 3).toFixed(2));
    await run('2026-03');

    const red = await stored(streaky, 3);
    expect(red).toMatchObject({
      computed: 'red',
      streak: 3,
      red_streak: 2,
      referral: true,
      done_to_date: '0.00',
    });
    expect(codes(red.reasons as { code: string }[])).toEqual([
      'LAG',
      'REPORT_MISSING',
      'YELLOW_STREAK',
      'RED_STREAK',
    ]);
    expect((red.reasons as { code: string }[]).at(-1)).toEqual({
      code: 'RED_STREAK',
      values: { months: 2 },
      text: '连续 2 个月红灯，移交纪检监察问责',
    });

    expect(await stored(recovers, 3)).toMatchObject({
      computed: 'green',
      reasons: [],
      streak: 0,
      red_streak: 0,
      referral: false,
      done_to_date: due.toFixed(2),
      planned_to_date: due.toFixed(2),
      pace_ratio: '1.0000',
    });
    expect(await stored(steady, 3)).toMatchObject({ computed: 'green', streak: 0 });
    const rec = (await board('month=2026-03&q=DQ-2026-001')).items[0]!;
    expect(rec).toMatchObject({ color: 'green', reasons: [] });
  });
});

describe('publishing', () => {
  it('freezes the month: a rerun and overrides are 409; lights stay as published; audit "publish"', async () => {
    const before = await lightRows(1);
    const res = await office.post('/api/month-closes/230600/2026-01/publish');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'published' });
    expect(Date.parse(res.json().publishedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(await lastAuditOf('month_close', '230600:2026-01')).toMatchObject({ action: 'publish' });

    const audits = await auditCount();
    expectError(await office.post('/api/month-closes/230600/2026-01/run'), 409, 'INVALID_STATE', 'month');
    expectError(
      await office.put(`/api/lights/${recovers}/2026-01/override`, {
        color: 'green',
        justification: '补充说明情况',
      }),
      409,
      'INVALID_STATE',
    );
    expectError(await office.delete(`/api/lights/${streaky}/2026-01/override`), 409, 'INVALID_STATE');
    expectError(await office.post('/api/month-closes/230600/2026-01/publish'), 409, 'INVALID_STATE');
    expect(await auditCount()).toBe(audits);
    expect(await lightRows(1)).toEqual(before);
  });

  it('a month never closed cannot be published', async () => {
    expectError(await office.post('/api/month-closes/230600/2026-06/publish'), 409, 'INVALID_STATE');
    expectError(await office.get('/api/month-closes/230600/2026-06'), 404, 'NOT_FOUND');
  });
});

describe('light rules versioning', () => {
  it('a new version with lagThreshold 0.5: the next close records it, and fewer projects LAG', async () => {
    // three projects report 70% of their plan to date in March
    for (const id of partial) {
      const due = planToDate(await monthlyPlan(id), 3);
      await file(id, '2026-03', due.times(0.7).toDecimalPlaces(2).toFixed(2));
    }
    await run('2026-03');
    const lagBefore = await board('month=2026-03&reason=LAG&pageSize=500');
    for (const id of partial) expect(lagBefore.items.map((i) => i.projectId)).toContain(id);

    const rules = await office.get('/api/light-rules/230600/2026');
    expect(rules.json()).toMatchObject([{ version: 0, reason: '默认规则', rules: { lagThreshold: 0.9 } }]);
    const defaults = rules.json()[0].rules;
    expectError(
      await office.post('/api/light-rules/230600/2026', {
        rules: { ...defaults, lagThreshold: 0.5 },
        reason: '',
      }),
      400,
      'VALIDATION',
      'body.reason',
    );
    expectError(
      await unitUser.post('/api/light-rules/230600/2026', { rules: defaults, reason: '调整阈值' }),
      403,
      'FORBIDDEN',
    );
    const added = await office.post('/api/light-rules/230600/2026', {
      rules: { ...defaults, lagThreshold: 0.5 },
      reason: '一季度冬季施工期，放宽滞后阈值',
    });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json()).toMatchObject({
      regionCode: '230600',
      year: 2026,
      version: 1,
      rules: { ...defaults, lagThreshold: 0.5 },
      reason: '一季度冬季施工期，放宽滞后阈值',
      createdBy: '汤子涵',
    });
    expect(await lastAuditOf('light_rules', '230600:2026')).toMatchObject({
      action: 'create',
      reason: '一季度冬季施工期，放宽滞后阈值',
    });

    const close = await run('2026-03');
    expect(close.rulesVersion).toBe(1);
    expect((await lastAuditOf('month_close', '230600:2026-03')).diff).toMatchObject({
      rulesVersion: { after: 1 },
    });
    const lagAfter = await board('month=2026-03&reason=LAG&pageSize=500');
    expect(lagAfter.total).toBe(lagBefore.total - partial.length);
    for (const id of partial) {
      expect(lagAfter.items.map((i) => i.projectId)).not.toContain(id);
      const light = await stored(id, 3);
      expect(light).toMatchObject({ computed: 'green', reasons: [], pace_ratio: '0.7000' });
    }
    const lag = (await stored(streaky, 3)).reasons as { code: string; values: Record<string, unknown> }[];
    expect(lag[0]).toMatchObject({ code: 'LAG', values: { threshold: 0.5 } });

    // versions are listed newest first; the old one is kept
    const versions = (await office.get('/api/light-rules/230600/2026')).json();
    expect(versions.map((v: { version: number }) => v.version)).toEqual([1]);
    const back = await office.post('/api/light-rules/230600/2026', {
      rules: defaults,
      reason: '恢复默认阈值',
    });
    expect(back.json()).toMatchObject({ version: 2, rules: { lagThreshold: 0.9 } });
    expect(
      (await office.get('/api/light-rules/230600/2026')).json().map((v: { version: number }) => v.version),
    ).toEqual([2, 1]);
    expect((await run('2026-03')).rulesVersion).toBe(2);
    expect((await board('month=2026-03&reason=LAG&pageSize=500')).total).toBe(lagBefore.total);
  });
});

describe('the reporting calendar', () => {
  const deadline = async (id: number, ym: string) => {
    const res = await office.get(`/api/projects/${id}/reports/${ym}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().deadline as string;
  };
  let ldProject: number;

  beforeAll(async () => {
    ldProject = (
      await db()
        .selectFrom('projects')
        .select('id')
        .where('code', '=', 'LD-2026-002')
        .executeTakeFirstOrThrow()
    ).id;
  });

  it('per region: deadline day 5 for 230600 moves its deadlines (and its counties’), rolled over Labour Day', async () => {
    expect(await deadline(steady, '2026-04')).toBe('2026-05-08');
    const cal = await office.get('/api/reporting-calendars/230600/2026');
    expect(cal.json()).toEqual({
      regionCode: '230600',
      year: 2026,
      deadlineDay: 8,
      aggregationDay: 12,
      rollToWorkingDay: true,
      version: 0,
    });
    expectError(
      await office.put('/api/reporting-calendars/230600/2026', {
        version: 0,
        deadlineDay: 15,
        aggregationDay: 12,
        rollToWorkingDay: true,
      }),
      400,
      'VALIDATION',
      'body.aggregationDay',
    );
    expectError(
      await lindian.put('/api/reporting-calendars/230600/2026', {
        version: 0,
        deadlineDay: 5,
        aggregationDay: 12,
        rollToWorkingDay: true,
      }),
      403,
      'FORBIDDEN',
    );
    const res = await office.put('/api/reporting-calendars/230600/2026', {
      version: 0,
      deadlineDay: 5,
      aggregationDay: 12,
      rollToWorkingDay: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ deadlineDay: 5, version: 1 });
    const audit = await lastAuditOf('reporting_calendar', '230600:2026');
    expect(audit).toMatchObject({ action: 'create' });
    expect(audit.diff).toMatchObject({ deadlineDay: { after: 5 } });
    // 2026-05-05 is the last day of the Labour Day holiday: due 05-06
    expect(await deadline(steady, '2026-04')).toBe('2026-05-06');
    // 2026-11-05 is a Thursday
    expect(await deadline(steady, '2026-10')).toBe('2026-11-05');
    // a county without its own calendar follows the city's
    expect(await deadline(ldProject, '2026-04')).toBe('2026-05-06');
    // a stale version is refused
    expectError(
      await office.put('/api/reporting-calendars/230600/2026', {
        version: 0,
        deadlineDay: 6,
        aggregationDay: 12,
        rollToWorkingDay: true,
      }),
      409,
      'VERSION_CONFLICT',
    );
  });

  it('the close judges timeliness against the region’s deadline', async () => {
    const r = await file(
      steady,
      '2026-04',
      planToDate(await monthlyPlan(steady), 4)
        .minus(planToDate(await monthlyPlan(steady), 3))
        .toFixed(2),
    );
    // first submitted on 2026-05-07: after the 230600 deadline of 05-06, before the default 05-08
    await db()
      .updateTable('monthly_reports')
      .set({ first_submitted_at: new Date('2026-05-07T10:00:00+08:00') })
      .where('id', '=', r.id)
      .execute();
    await run('2026-04');
    expect((await stored(steady, 4)).timeliness).toBe('late');
    const back = await office.put('/api/reporting-calendars/230600/2026', {
      version: 1,
      deadlineDay: 8,
      aggregationDay: 12,
      rollToWorkingDay: true,
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().version).toBe(2);
    await run('2026-04');
    expect((await stored(steady, 4)).timeliness).toBe('on_time');
    expect(await deadline(steady, '2026-04')).toBe('2026-05-08');
  });

  it('a county may set its own calendar; the city’s projects are not affected', async () => {
    const res = await lindian.put('/api/reporting-calendars/230623/2026', {
      version: 0,
      deadlineDay: 10,
      aggregationDay: 15,
      rollToWorkingDay: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    // 2026-05-10 is a Sunday: due Monday 05-11
    expect(await deadline(ldProject, '2026-04')).toBe('2026-05-11');
    expect(await deadline(steady, '2026-04')).toBe('2026-05-08');
  });

  it('working-day corrections move the deadline, both ways; audit "save"', async () => {
    expectError(
      await unitUser.put('/api/calendar-corrections/2026-05-08', { work: false }),
      403,
      'FORBIDDEN',
    );
    const off = await office.put('/api/calendar-corrections/2026-05-08', {
      work: false,
      note: '全市停电检修',
    });
    expect(off.statusCode, off.body).toBe(200);
    expect(await lastAuditOf('calendar_correction', '2026-05-08')).toMatchObject({ action: 'save' });
    // the next working day is the 调休 Saturday 05-09
    expect(await deadline(steady, '2026-04')).toBe('2026-05-09');
    // month 2026-10: 11-08 is a Sunday (due 11-09) unless it is made a working day
    expect(await deadline(steady, '2026-10')).toBe('2026-11-09');
    await office.put('/api/calendar-corrections/2026-11-08', { work: true, note: '补班' });
    expect(await deadline(steady, '2026-10')).toBe('2026-11-08');
    const list = await office.get('/api/calendar-corrections?year=2026');
    expect(list.json()).toEqual([
      { date: '2026-05-08', work: false, note: '全市停电检修' },
      { date: '2026-11-08', work: true, note: '补班' },
    ]);
    // removing the corrections restores the official calendar
    expect((await office.delete('/api/calendar-corrections/2026-05-08')).statusCode).toBe(200);
    expect((await office.delete('/api/calendar-corrections/2026-11-08')).statusCode).toBe(200);
    expect(await lastAuditOf('calendar_correction', '2026-11-08')).toMatchObject({ action: 'delete' });
    expect(await deadline(steady, '2026-04')).toBe('2026-05-08');
    expect(await deadline(steady, '2026-10')).toBe('2026-11-09');
  });
});

describe('the light board', () => {
  it('filters by colour and by reason, reds first', async () => {
    const close = (await office.get('/api/month-closes/230600/2026-03')).json();
    const total = close.indicators.total[0];
    const all = await board('month=2026-03&pageSize=500');
    expect(all.total).toBe(145);
    const order = { red: 0, yellow: 1, green: 2 } as Record<string, number>;
    const ranks = all.items.map((i) => order[i.color]!);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));

    for (const color of ['red', 'yellow', 'green'] as const) {
      const page = await board(`month=2026-03&color=${color}&pageSize=500`);
      expect(page.total, color).toBe(total[color]);
      expect(page.items.every((i) => i.color === color)).toBe(true);
    }
    const referred = await board('month=2026-03&reason=RED_STREAK&pageSize=500');
    expect(referred.items.map((i) => i.projectId)).toContain(streaky);
    expect(referred.items.every((i) => codes(i.reasons).includes('RED_STREAK') && i.color === 'red')).toBe(
      true,
    );
    const started = await board('month=2026-03&reason=START_OVERDUE&pageSize=500');
    expect(started.items.every((i) => codes(i.reasons).includes('START_OVERDUE'))).toBe(true);
    // paging
    const page2 = await board('month=2026-03&page=2&pageSize=50');
    expect(page2.items.map((i) => i.projectId)).toEqual(all.items.slice(50, 100).map((i) => i.projectId));
  });

  it('scope: 林甸’s office sees only 林甸’s projects; the city filters by region', async () => {
    const ld = await board('month=2026-03&pageSize=500', lindian);
    expect(ld.total).toBe(ldCount);
    expect(ld.items.every((i) => i.projectCode.startsWith('LD-'))).toBe(true);
    const filtered = await board('month=2026-03&regionCode=230623&pageSize=500');
    expect(filtered.items.map((i) => i.projectId).sort()).toEqual(ld.items.map((i) => i.projectId).sort());
    expect((await board('month=2026-03&q=DQ-2026-002', lindian)).total).toBe(0);
  });

  it('exports the board as an xlsx with one row per light', async () => {
    const res = await office.get('/api/lights/export.xlsx?month=2026-03');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('亮灯-2026-03'));
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('2026-03 亮灯');
    expect(ws.getRow(1).values).toEqual([
      undefined,
      '项目编号',
      '项目名称',
      '灯色',
      '计算灯色',
      '序时计划(万元)',
      '完成(万元)',
      '序时完成率',
      '原因',
      '调整理由',
    ]);
    expect(ws.rowCount).toBe(1 + 145);
    const rows = new Map<string, unknown[]>();
    ws.eachRow((row, n) => {
      if (n > 1) rows.set(String(row.getCell(1).value), row.values as unknown[]);
    });
    const red = rows.get('DQ-2026-002')!;
    expect(red[3]).toBe('红灯');
    expect(String(red[8])).toContain('连续 2 个月红灯，移交纪检监察问责');
    const green = rows.get('DQ-2026-001')!;
    expect(green.slice(3, 5)).toEqual(['绿灯', '绿灯']);
    expect(green[7]).toBe('100.0%');

    const ld = await lindian.get('/api/lights/export.xlsx?month=2026-03&color=red');
    const ldWb = new ExcelJS.Workbook();
    await ldWb.xlsx.load(ld.rawPayload as unknown as ArrayBuffer);
    const ldRows: string[] = [];
    ldWb.worksheets[0]!.eachRow((row, n) => {
      if (n > 1) ldRows.push(String(row.getCell(1).value));
    });
    expect(ldRows.length).toBe((await board('month=2026-03&color=red&pageSize=500', lindian)).total);
    expect(ldRows.every((c) => c.startsWith('LD-'))).toBe(true);
  });
});
