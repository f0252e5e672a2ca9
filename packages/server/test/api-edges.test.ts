/**
 * API edges a script author meets (issue 10, point 7), over HTTP against a real database: a month
 * close of a month that has not ended is refused (the UI's route, the use case the CLI and the
 * nightly job share); POST routes that take no body accept `Content-Type: application/json` with
 * an empty body; request bodies are strict (an unknown field answers 400 at its own path, nested
 * ones and PATCH/PUT included) while query strings stay lenient.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDueMonths, runClose } from '../src/modules/lights/index.ts';
import { DomainError } from '../src/platform/errors.ts';
import { todayInChina } from '../src/platform/time.ts';
import { approveBaseline, cityProject, demoUnits, monthlyReport, signInAs } from './factories.ts';
import { createTestApp, expectError, login, type Client, type TestApp } from './helpers.ts';

let t: TestApp;
let admin: Client;
let office: Client;
let unitUser: Client;
let projectId: number;

const today = todayInChina();
const thisMonth = today.slice(0, 7);
const lastMonth = (() => {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
})();
const nextYear = `${Number(today.slice(0, 4)) + 1}-05`;

beforeAll(async () => {
  t = await createTestApp();
  ({ admin, office, unit: unitUser } = await signInAs(t, 'admin', 'office', 'unit'));
  const { zjj } = await demoUnits(t);
  projectId = (await cityProject(office, { responsibleUnitId: zjj, baseline: {} })).id;
}, 60_000);
afterAll(async () => {
  await t.close();
});

const db = () => t.database.db;
const errorOf = (res: LightMyRequestResponse) =>
  res.json().error as { code: string; message: string; details: { path: string; message: string }[] };

describe('a month close of a month that has not ended', () => {
  it.each([
    ['a future month', nextYear],
    ['the current month', thisMonth],
  ])('%s: run and publish answer 400 at month, in Chinese; nothing is written', async (_, ym) => {
    const [y, m] = [Number(ym.slice(0, 4)), Number(ym.slice(5, 7))];
    for (const step of ['run', 'publish']) {
      const res = await office.post(`/api/month-closes/230600/${ym}/${step}`);
      expectError(res, 400, 'VALIDATION', 'month');
      expect(errorOf(res).details[0]!.message).toContain('尚未结束');
    }
    const lights = await db()
      .selectFrom('lights')
      .select('project_id')
      .where('year', '=', y)
      .where('month', '=', m)
      .execute();
    const closes = await db()
      .selectFrom('month_closes')
      .select('region_code')
      .where('year', '=', y)
      .where('month', '=', m)
      .execute();
    expect([lights, closes]).toEqual([[], []]);
  });

  it('the month that has just ended closes and publishes', async () => {
    expect((await office.post(`/api/month-closes/230600/${lastMonth}/run`)).statusCode).toBe(200);
    expect((await office.post(`/api/month-closes/230600/${lastMonth}/publish`)).statusCode).toBe(200);
  });

  it('the CLI and the nightly job share the use case: it refuses a month not ended on the given day', async () => {
    const ctx = { actor: null, requestId: 'test' };
    const region = { code: '230600', path: '230600' };
    const refused = await runClose(db(), ctx, region, 2027, 5, '2027-05-31').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).details[0]!.path).toBe('month');
    // the day after the month's end (China's date) it runs
    expect((await runClose(db(), ctx, region, 2027, 5, '2027-06-01')).month).toBe(5);
    // the job closes the month before its day, never the running one
    const done = await closeDueMonths(db(), '2027-08-20');
    expect(done.every((d) => d.endsWith(':2027-07'))).toBe(true);
    expect(done.length).toBeGreaterThan(0);
  });

  it('the error names the month for English callers too', async () => {
    const res = await office.request({
      method: 'POST',
      url: `/api/month-closes/230600/${nextYear}/run`,
      headers: { 'accept-language': 'en' },
    });
    expectError(res, 400, 'VALIDATION', 'month');
  });
});

describe('POST routes that take no body', () => {
  type Method = 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  const emptyJson = (c: Client, method: Method, url: string, payload = '') =>
    c.request({ method, url, payload, headers: { 'content-type': 'application/json' } });

  it('the close accepts Content-Type: application/json with an empty body', async () => {
    const res = await emptyJson(office, 'POST', `/api/month-closes/230600/${lastMonth}/run`);
    // published above: refused for that reason, in the documented shape — not for the empty body
    expectError(res, 409, 'INVALID_STATE', 'month');
    const fresh = await emptyJson(office, 'POST', '/api/month-closes/230600/2026-03/run');
    expect(fresh.statusCode, fresh.body).toBe(200);
    const blank = await emptyJson(office, 'POST', '/api/month-closes/230600/2026-03/publish', '  \n');
    expect(blank.statusCode, blank.body).toBe(200);
  });

  it('every route without a body schema: an empty JSON body is no body (never a 400 at body)', async () => {
    const doc = (await admin.get('/api/openapi.json')).json() as {
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    };
    const values: Record<string, string> = {
      regionCode: '230600',
      month: '2026-04',
      projectId: String(projectId),
      id: '999999',
      date: '2026-12-31',
      code: '230600',
    };
    const walked: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (!['post', 'put', 'patch', 'delete'].includes(method) || op.requestBody) continue;
        if (path === '/api/auth/logout') continue; // walked below, on its own session
        if (/\/import|\/attachments$/.test(path)) continue; // take a file as a raw body, not JSON
        const url = path.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '1');
        const c = await login(t.app, 'admin');
        const res = await emptyJson(c, method.toUpperCase() as Method, url);
        walked.push(`${method.toUpperCase()} ${path} ${res.statusCode}`);
        if (res.statusCode >= 400) {
          const err = errorOf(res);
          expect(Object.keys(res.json()), `${method} ${path}`).toEqual(['error']);
          expect(err.code, `${method} ${path}`).toEqual(expect.any(String));
          expect(
            err.details.map((d) => d.path),
            `${method} ${path}: ${res.body}`,
          ).not.toContain('body');
        }
      }
    }
    expect(walked.length).toBeGreaterThanOrEqual(10);
    expect(walked.some((w) => w.includes('/run'))).toBe(true);
    expect(walked.some((w) => w.includes('/publish'))).toBe(true);
    expect(walked.some((w) => w.startsWith('POST /api/notifications/read-all 200'))).toBe(true);
    const me = await login(t.app, 'office');
    expect((await emptyJson(me, 'POST', '/api/auth/logout')).statusCode).toBe(200);
  });

  it('a route that takes a body answers an empty one with 400 VALIDATION at body', async () => {
    const res = await emptyJson(office, 'POST', '/api/units');
    expectError(res, 400, 'VALIDATION', 'body');
  });

  it('malformed JSON is still refused in the documented shape', async () => {
    const res = await emptyJson(office, 'POST', '/api/units', '{"name": ');
    expectError(res, 400, 'VALIDATION', 'body');
    const poisoned = await emptyJson(office, 'POST', '/api/units', '{"__proto__": {"x": 1}}');
    expectError(poisoned, 400, 'VALIDATION', 'body');
  });
});

describe('unknown fields in request bodies', () => {
  it('a report draft with actualStart: 400 at body.actualStart with a Chinese message; nothing saved', async () => {
    const url = `/api/projects/${projectId}/reports/2026-05/draft`;
    const res = await unitUser.put(url, {
      investmentMonth: '100',
      physicalProgress: '主体施工',
      actualStart: '2026-05-03',
    });
    expectError(res, 400, 'VALIDATION', 'body.actualStart');
    const detail = errorOf(res).details.find((d) => d.path === 'body.actualStart')!;
    expect(detail.message).toBe('未知字段“actualStart”：接口不接受该字段');
    expect(
      await db()
        .selectFrom('monthly_reports')
        .select('id')
        .where('project_id', '=', projectId)
        .where('month', '=', 5)
        .execute(),
    ).toEqual([]);
    // the same body without it saves
    expect(
      (await unitUser.put(url, { investmentMonth: '100', physicalProgress: '主体施工' })).statusCode,
    ).toBe(200);
  });

  it('English callers read the field in English', async () => {
    const res = await unitUser.request({
      method: 'PUT',
      url: `/api/projects/${projectId}/reports/2026-05/draft`,
      payload: { investmentMonth: '100', physicalProgress: '主体施工', actualStart: '2026-05-03' },
      headers: { 'accept-language': 'en' },
    });
    expect(errorOf(res).details).toEqual([
      { path: 'body.actualStart', message: 'Unknown field "actualStart": not accepted here' },
    ]);
  });

  it('each unknown field is named, nested ones at their own path', async () => {
    const res = await office.put(`/api/projects/${projectId}/plans/2027/draft`, {
      plannedInvestment: '1200',
      milestones: [{ name: '主体封顶', plannedDate: '2027-06-30', note: '备注' }],
      extra: 1,
      other: 2,
    });
    expectError(res, 400, 'VALIDATION');
    expect(
      errorOf(res)
        .details.map((d) => d.path)
        .sort(),
    ).toEqual(['body.extra', 'body.milestones.0.note', 'body.other']);
  });

  it('PATCH bodies too: a partial update with a field it does not know is refused, without it applied', async () => {
    const p = (await office.get(`/api/projects/${projectId}`)).json();
    const refused = await office.patch(`/api/projects/${projectId}`, {
      version: p.version,
      name: '改名',
      stage: 'completed',
    });
    expectError(refused, 400, 'VALIDATION', 'body.stage');
    const ok = await office.patch(`/api/projects/${projectId}`, { version: p.version, name: '改名' });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('a step of the item engine (one schema per action) names the unknown field', async () => {
    const raised = await office.post('/api/items', {
      category: '资金',
      title: '配套资金未到位',
      description: '市级配套资金尚未拨付',
    });
    const { item } = raised.json();
    const { zjj } = await demoUnits(t);
    const res = await office.post(`/api/items/${item.id}/steps`, {
      action: 'assign',
      version: item.version,
      responsibleUnitId: zjj,
      priority: 'high',
    });
    expectError(res, 400, 'VALIDATION', 'body.priority');
  });

  it('a route that takes no body accepts {} and refuses fields, each at its path', async () => {
    expect((await office.post('/api/notifications/read-all', {})).statusCode).toBe(200);
    const res = await office.post(`/api/month-closes/230600/${nextYear}/run`, { force: true });
    expect(errorOf(res).details).toEqual([
      { path: 'body.force', message: '未知字段“force”：接口不接受该字段' },
    ]);
    const list = await office.request({
      method: 'POST',
      url: '/api/notifications/read-all',
      payload: '[1]',
      headers: { 'content-type': 'application/json' },
    });
    expectError(list, 400, 'VALIDATION', 'body');
  });

  it('query strings stay lenient: an unknown parameter is ignored', async () => {
    const res = await office.get('/api/projects?pageSize=5&_=1733000000&utm_source=x');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.length).toBeLessThanOrEqual(5);
  });

  it('responses are unaffected: a report still answers every field it has', async () => {
    const r = await monthlyReport(unitUser, projectId, '2026-06', { until: 'draft' });
    expect(r).toMatchObject({ projectId, month: 6, status: 'draft', investmentMonth: '100.00' });
  });

  it('a second baseline through the factory (known fields only) still approves', async () => {
    const plan = await approveBaseline(office, projectId, { year: 2027, plannedInvestment: '2400' });
    expect(plan.baselineNo).toBe(1);
  });
});
