/**
 * Lights that say why (issue 10, point 7), over HTTP against a real database: the light board's
 * project filter and its streaks and referral; a month never closed (for the region asked about)
 * answers 404 saying so, with what a close of another region means; a year's first baseline is in
 * force from January 1 unless a date is given (a later one from the day of approval); and a
 * project-month with no baseline in force says so (NO_BASELINE), green in the grace period and
 * yellow after it, as the versioned rules say.
 */
import { ExcelJS } from '../src/platform/excel.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../src/platform/time.ts';
import { approveBaseline, cityProject, demoUnits, monthlyReport, signInAs } from './factories.ts';
import { createTestApp, expectError, type Client, type TestApp } from './helpers.ts';

let t: TestApp;
let admin: Client;
let office: Client;
let lindian: Client;

let streaky: number; // baseline, never reports: yellow, red, referral
let county: number; // 林甸's, baseline
let noPlan: number; // reports every month, never a baseline
let firstDefault: number; // first baseline approved without a date: from January 1
let lateStart: number; // first baseline in force from June 1 only

const today = todayInChina();

async function run(ym: string, c: Client = office, region = '230600') {
  const res = await c.post(`/api/month-closes/${region}/${ym}/run`);
  expect(res.statusCode, res.body).toBe(200);
}
async function board(query: string, c: Client = office) {
  const res = await c.get(`/api/lights?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    total: number;
    items: {
      projectId: number;
      color: string;
      streak: number;
      redStreak: number;
      referral: boolean;
      plannedToDate: string;
      reasons: { code: string; values: Record<string, unknown>; text: string }[];
    }[];
  };
}
const lightOf = async (id: number, ym: string, c: Client = office) => {
  const b = await board(`month=${ym}&projectId=${id}`, c);
  expect(b.total).toBe(1);
  return b.items[0]!;
};
const codes = (l: { reasons: { code: string }[] }) => l.reasons.map((r) => r.code);

/** Drafts a plan and approves it with the body given (no effective date unless told). */
async function approveRaw(id: number, year: number, body: Record<string, unknown> = {}) {
  const draft = await office.put(`/api/projects/${id}/plans/${year}/draft`, {
    plannedInvestment: '1200',
    ...(body.changeReason ? { changeReason: body.changeReason } : {}),
  });
  expect(draft.statusCode, draft.body).toBe(200);
  const { changeReason: _, ...approve } = body;
  const res = await office.post(`/api/projects/${id}/plans/${year}/approve`, {
    version: draft.json().version,
    ...approve,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { baselineNo: number; effectiveFrom: string };
}

beforeAll(async () => {
  t = await createTestApp();
  ({ admin, office, office_lindian: lindian } = await signInAs(t, 'admin', 'office', 'office_lindian'));
  const { zjj, ldZjj } = await demoUnits(t);
  streaky = (await cityProject(office, { responsibleUnitId: zjj, baseline: {} })).id;
  county = (await cityProject(office, { regionCode: '230623', responsibleUnitId: ldZjj, baseline: {} })).id;
  noPlan = (await cityProject(office, { responsibleUnitId: zjj })).id;
  firstDefault = (await cityProject(office, { responsibleUnitId: zjj })).id;
  lateStart = (await cityProject(office, { responsibleUnitId: zjj })).id;
  await approveRaw(firstDefault, 2026);
  await approveRaw(lateStart, 2026, { effectiveFrom: '2026-06-01' });
  // the projects that must not light for a missing report file every month (late, not missing)
  for (let m = 1; m <= 6; m++) {
    const ym = `2026-0${m}`;
    for (const id of [noPlan, firstDefault, lateStart])
      await monthlyReport(office, id, ym, { until: 'submitted' });
  }
  for (let m = 1; m <= 6; m++) await run(`2026-0${m}`);
  // one county closes a month for itself only, and so does another
  await run('2026-07', admin, '230621');
  await run('2026-08', lindian, '230623');
}, 120_000);
afterAll(async () => {
  await t.close();
});

describe('the light board: one project, its streaks and referral', () => {
  it('projectId filters to the project; streak, redStreak and referral come with each light', async () => {
    const jan = await lightOf(streaky, '2026-01');
    const feb = await lightOf(streaky, '2026-02');
    const mar = await lightOf(streaky, '2026-03');
    expect([jan, feb, mar].map((l) => [l.color, l.streak, l.redStreak, l.referral])).toEqual([
      ['yellow', 1, 0, false],
      ['red', 2, 1, false],
      ['red', 3, 2, true],
    ]);
    expect(codes(mar)).toContain('RED_STREAK');
    const green = await lightOf(firstDefault, '2026-03');
    expect(green).toMatchObject({ color: 'green', streak: 0, redStreak: 0, referral: false });
  });

  it('a project out of the caller’s scope is simply not there (no 403)', async () => {
    expect((await board(`month=2026-03&projectId=${streaky}`, lindian)).total).toBe(0);
    expect((await board(`month=2026-03&projectId=${county}`, lindian)).total).toBe(1);
  });

  it('the export takes the same filter', async () => {
    const res = await office.get(`/api/lights/export.xlsx?month=2026-03&projectId=${streaky}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.actualRowCount).toBe(2); // header + one light
  });
});

describe('a month never closed', () => {
  it('404 NOT_FOUND, saying the month has not been closed; the export too', async () => {
    const res = await office.get('/api/lights?month=2026-09');
    expectError(res, 404, 'NOT_FOUND', 'query.month');
    const err = res.json().error;
    expect(err.message).toBe('2026-09 尚未进行月度调度(大庆市)，没有亮灯结果');
    expect(err.details).toEqual([{ path: 'query.month', message: err.message }]);
    expectError(await office.get('/api/lights/export.xlsx?month=2026-09'), 404, 'NOT_FOUND');
  });

  it('in English for English callers', async () => {
    const res = await office.request({
      method: 'GET',
      url: '/api/lights?month=2026-09',
      headers: { 'accept-language': 'en' },
    });
    expect(res.json().error.message).toBe('2026-09 has not been closed for 大庆市: no lights yet');
  });

  it('a close of the region above counts: the county office sees the city’s close', async () => {
    expect((await board('month=2026-03', lindian)).items.map((l) => l.projectId)).toEqual([county]);
  });

  it('a month closed only for a county below: 404 naming it; filtered by that county, the lights', async () => {
    const res = await office.get('/api/lights?month=2026-08');
    expectError(res, 404, 'NOT_FOUND', 'query.month');
    expect(res.json().error.message).toBe(
      '2026-08 尚未进行月度调度(大庆市)，没有亮灯结果；已调度：林甸县，可按区划筛选查看',
    );
    expect((await board('month=2026-08&regionCode=230623')).items.map((l) => l.projectId)).toEqual([county]);
    expect((await board('month=2026-08', lindian)).total).toBe(1);
  });

  it('a month closed only for a region beside: not closed here', async () => {
    expectError(await lindian.get('/api/lights?month=2026-07'), 404, 'NOT_FOUND', 'query.month');
    const city = await office.get('/api/lights?month=2026-07');
    expect(city.json().error.message).toContain('已调度：肇州县');
    // an admin asking for no region in particular sees whatever was closed (肇州 has no projects)
    expect(await board('month=2026-07', admin)).toEqual({ total: 0, items: [] });
  });
});

describe('a year’s first baseline without an effective date', () => {
  it('is in force from January 1: January already has its plan, and no NO_BASELINE', async () => {
    const plans = (await office.get(`/api/projects/${firstDefault}/plans?year=2026`)).json();
    expect(plans[0]).toMatchObject({ baselineNo: 1, effectiveFrom: '2026-01-01' });
    const jan = await lightOf(firstDefault, '2026-01');
    expect(jan).toMatchObject({ color: 'green', plannedToDate: '100.00' });
    expect(codes(jan)).toEqual([]);
  });

  it('for a later year too: the first 2027 baseline, approved now, starts 2027-01-01', async () => {
    expect(await approveRaw(firstDefault, 2027)).toMatchObject({
      baselineNo: 1,
      effectiveFrom: '2027-01-01',
    });
  });

  it('a later baseline without a date is in force from the day of approval', async () => {
    const second = await approveRaw(firstDefault, 2026, { changeReason: '追加投资计划' });
    expect(second).toMatchObject({ baselineNo: 2, effectiveFrom: today });
  });

  it('a date given is kept, also for a first baseline', async () => {
    const plans = (await office.get(`/api/projects/${lateStart}/plans?year=2026`)).json();
    expect(plans[0]).toMatchObject({ baselineNo: 1, effectiveFrom: '2026-06-01' });
    const factory = await cityProject(office, {});
    expect(await approveBaseline(office, factory.id, { effectiveFrom: '2026-03-15' })).toMatchObject({
      effectiveFrom: '2026-03-15',
    });
  });
});

describe('no baseline in force: NO_BASELINE', () => {
  const reason = (month: number) => ({
    code: 'NO_BASELINE',
    values: { month, yellowFromMonth: 4 },
    text: '无基线：本月无生效的年度计划',
  });

  it('January to March (the grace period by default): green, with the reason', async () => {
    for (const m of [1, 2, 3]) {
      const l = await lightOf(noPlan, `2026-0${m}`);
      expect(l).toMatchObject({ color: 'green', streak: 0 });
      expect(l.reasons).toEqual([reason(m)]);
    }
  });

  it('from April: yellow, then red after two months, as any cause', async () => {
    const [apr, may, jun] = [
      await lightOf(noPlan, '2026-04'),
      await lightOf(noPlan, '2026-05'),
      await lightOf(noPlan, '2026-06'),
    ];
    expect([apr, may, jun].map((l) => [l.color, l.streak, l.redStreak])).toEqual([
      ['yellow', 1, 0],
      ['red', 2, 1],
      ['red', 3, 2],
    ]);
    expect(apr.reasons).toEqual([reason(4)]);
    expect(codes(jun)).toEqual(['NO_BASELINE', 'YELLOW_STREAK', 'RED_STREAK']);
  });

  it('a baseline in force from June 1: NO_BASELINE until May, gone in June', async () => {
    expect(codes(await lightOf(lateStart, '2026-03'))).toEqual(['NO_BASELINE']);
    expect([
      (await lightOf(lateStart, '2026-04')).color,
      (await lightOf(lateStart, '2026-05')).color,
    ]).toEqual(['yellow', 'red']);
    const jun = await lightOf(lateStart, '2026-06');
    expect(codes(jun)).not.toContain('NO_BASELINE');
  });

  it('the board filters by the reason', async () => {
    const b = await board('month=2026-03&reason=NO_BASELINE');
    expect(b.items.map((l) => l.projectId).sort()).toEqual([noPlan, lateStart].sort());
  });

  it('a rules version may turn the colour off (reason only) or move the grace; the close records it', async () => {
    const save = async (rules: Record<string, unknown>, why: string) => {
      const res = await office.post('/api/light-rules/230600/2026', {
        rules: {
          lagThreshold: 0.9,
          yellowOnStartOverdue: true,
          yellowOnMilestoneOverdue: true,
          yellowOnReportMissing: true,
          redAfterYellowMonths: 2,
          referralAfterRedMonths: 2,
          ...rules,
        },
        reason: why,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const off = await save({ noBaselineYellowFromMonth: null }, '无基线只提示');
    expect(off.rules.noBaselineYellowFromMonth).toBeNull();
    await run('2026-04');
    const apr = await lightOf(noPlan, '2026-04');
    expect(apr).toMatchObject({ color: 'green', streak: 0 });
    expect(apr.reasons[0]).toMatchObject({ code: 'NO_BASELINE', values: { yellowFromMonth: null } });

    await save({ noBaselineYellowFromMonth: 2 }, '二月起无基线亮黄灯');
    await run('2026-02');
    expect((await lightOf(noPlan, '2026-02')).color).toBe('yellow');

    // a version written the way versions were before the rule existed: the reason only
    const before = await save({}, '旧格式规则');
    expect(before.rules).not.toHaveProperty('noBaselineYellowFromMonth');
    await run('2026-04');
    expect((await lightOf(noPlan, '2026-04')).color).toBe('green');
    const close = (await office.get('/api/month-closes/230600/2026-04')).json();
    expect(close.rulesVersion).toBe(before.version);
  });

  it('an unknown rule field is refused like any unknown field', async () => {
    const res = await office.post('/api/light-rules/230600/2026', {
      rules: {
        lagThreshold: 0.9,
        yellowOnStartOverdue: true,
        yellowOnMilestoneOverdue: true,
        yellowOnReportMissing: true,
        redAfterYellowMonths: 2,
        referralAfterRedMonths: 2,
        yellowOnNoBaseline: true,
      },
      reason: '拼错的字段',
    });
    expectError(res, 400, 'VALIDATION', 'body.rules.yellowOnNoBaseline');
  });
});

describe('a project at a glance: GET /api/projects/status', () => {
  const status = async (ids: number[], c: Client = office) => {
    const res = await c.get(`/api/projects/status?projectIds=${ids.join(',')}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      projectId: number;
      light: { year: number; month: number; color: string; streak: number; redStreak: number } | null;
      percentComplete: number | null;
      percentMonth: string | null;
    }[];
  };

  it('the light of the latest month closed for the project and the latest reported % complete', async () => {
    // July submitted at 62.5%; August only a draft at 70%: the draft does not count
    await monthlyReport(office, noPlan, '2026-07', { fields: { percentComplete: 62.5 }, until: 'submitted' });
    await monthlyReport(office, noPlan, '2026-08', { fields: { percentComplete: 70 }, until: 'draft' });
    const [s, n] = await status([streaky, noPlan]);
    // the city closed January..June; the later county closes are not the city's projects' months
    expect(s).toMatchObject({ projectId: streaky, light: { year: 2026, month: 6, color: 'red' } });
    expect(s!.light!.redStreak).toBe(5);
    expect(s!.percentComplete).toBeNull();
    expect(n).toMatchObject({
      light: { year: 2026, month: 6 },
      percentComplete: 62.5,
      percentMonth: '2026-07',
    });
  });

  it('a county project lit by its own later close shows that month', async () => {
    const [c] = await status([county], lindian);
    expect(c!.light).toMatchObject({ year: 2026, month: 8 });
  });

  it('leaves out projects out of scope and ids that do not exist; refuses a malformed list', async () => {
    expect((await status([streaky, county], lindian)).map((s) => s.projectId)).toEqual([county]);
    expect(await status([999999])).toEqual([]);
    expectError(
      await office.get('/api/projects/status?projectIds=1,,2'),
      400,
      'VALIDATION',
      'querystring.projectIds',
    );
    const many = Array.from({ length: 101 }, (_, i) => i + 1).join(',');
    expectError(await office.get(`/api/projects/status?projectIds=${many}`), 400, 'VALIDATION');
  });
});

describe('the board follows its projects (each light keeps its project’s region and active flag)', () => {
  const ids = async (query: string, c: Client = office) =>
    (await board(`${query}&pageSize=100`, c)).items.map((l) => l.projectId);
  const patch = async (body: Record<string, unknown>) => {
    const { version } = (await office.get(`/api/projects/${firstDefault}`)).json() as { version: number };
    const res = await office.patch(`/api/projects/${firstDefault}`, { version, ...body });
    expect(res.statusCode, res.body).toBe(200);
  };

  it('a project moved to a county is on that county’s board for every month, and off the city’s own', async () => {
    expect(await ids('month=2026-03&regionCode=230623')).not.toContain(firstDefault);
    expect(await ids('month=2026-03', lindian)).not.toContain(firstDefault);
    await patch({ regionCode: '230623' });
    for (const ym of ['2026-01', '2026-03', '2026-06']) {
      expect(await ids(`month=${ym}&regionCode=230623`)).toContain(firstDefault);
      expect(await ids(`month=${ym}`, lindian)).toContain(firstDefault);
    }
    expect(await ids('month=2026-03&regionCode=230621')).not.toContain(firstDefault);
    expect(await ids('month=2026-03')).toContain(firstDefault); // the city still reads its counties
  });

  it('a deactivated project leaves the board (count and page alike) and comes back when reactivated', async () => {
    const before = await board('month=2026-03');
    await patch({ active: false });
    const after = await board('month=2026-03');
    expect(after.total).toBe(before.total - 1);
    expect(after.items.map((l) => l.projectId)).not.toContain(firstDefault);
    expect((await board('month=2026-03', lindian)).items.map((l) => l.projectId)).not.toContain(firstDefault);
    await patch({ active: true });
    expect((await board('month=2026-03')).total).toBe(before.total);
    expect(await ids('month=2026-03', lindian)).toContain(firstDefault);
  });
});
