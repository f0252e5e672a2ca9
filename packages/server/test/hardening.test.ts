/**
 * What a probe of malformed requests found (issue 11, points 5–7), over HTTP: security headers and
 * no caching of API data; uploads that must be what they say and downloads that cannot be sniffed
 * into a page; months and ids outside reason, and URLs the router refuses, all answered 4xx in
 * the API's error shape.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cityProject, demoUnits, monthlyReport, signInAs } from './factories.ts';
import { PNG_SIGNATURE, png } from './files.ts';
import { createTestApp, expectError, type Client, type TestApp } from './helpers.ts';

let t: TestApp;
let app: FastifyInstance;
let admin: Client;
let office: Client;
let reporter: Client;
let projectId: number;
let reportId: number;

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  ({ admin, office, reporter } = await signInAs(t, 'admin', 'office', 'reporter'));
  const units = await demoUnits(t);
  projectId = (
    await cityProject(office, { ownerUnitId: units.ctgs, responsibleUnitId: units.zjj, coUnitIds: [] })
  ).id;
  reportId = (await monthlyReport(reporter, projectId, '2026-08', { until: 'draft' })).id;
});
afterAll(async () => {
  await t.close();
});

/** The documented error shape, exactly. */
function expectShape(res: LightMyRequestResponse, status: number) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const { error } = res.json();
  expect(error).toEqual(
    expect.objectContaining({
      code: expect.any(String),
      message: expect.any(String),
      details: expect.any(Array),
      requestId: expect.any(String),
    }),
  );
  return error as { code: string; details: { path: string; message: string }[] };
}

describe('security headers', () => {
  it('every answer carries CSP (no framing), nosniff and a referrer policy; API data is not cached', async () => {
    for (const url of ['/api/health', '/api/auth/me', '/api/no-such-route']) {
      const res = await app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).not.toContain('upgrade-insecure-requests'); // plain-HTTP intranets must keep working
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
    const data = await office.get('/api/units');
    expect(data.headers['cache-control']).toBe('no-store');
    expect(data.headers['content-security-policy']).toBeDefined();
  });
});

describe('uploads', () => {
  const upload = (body: Buffer, name: string | null, type = 'image/png') =>
    reporter.request({
      method: 'POST',
      url: `/api/reports/${reportId}/attachments`,
      payload: body,
      headers: { 'content-type': type, ...(name === null ? {} : { 'x-file-name': name }) },
    });

  it('a PNG signature followed by HTML is refused at body, and nothing is stored', async () => {
    const evil = Buffer.concat([PNG_SIGNATURE, Buffer.from('<html><script>alert(1)</script></html>')]);
    expectError(await upload(evil, 'evil.html'), 400, 'VALIDATION', 'body');
    const whole = Buffer.concat([png(), Buffer.from('<html><script>alert(1)</script></html>')]);
    expectError(await upload(whole, 'evil.html'), 400, 'VALIDATION', 'body');
    const month = await reporter.get(`/api/projects/${projectId}/reports/2026-08`);
    expect(month.json().current.attachments).toEqual([]);
  });

  it('a real PNG named evil.html is kept as evil.html.png and downloads as an attachment that is never sniffed', async () => {
    const body = png('real');
    const res = await upload(body, 'evil.html');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().name).toBe('evil.html.png');
    const back = await reporter.get(`/api/attachments/${res.json().id}`);
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toBe('image/png');
    expect(back.headers['x-content-type-options']).toBe('nosniff');
    expect(back.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(back.headers['cache-control']).toBe('private, no-store');
    expect(back.headers['content-disposition']).toBe(
      `attachment; filename="evil.html.png"; filename*=UTF-8''evil.html.png`,
    );
    expect(back.rawPayload.equals(body)).toBe(true);
  });

  it('a name with quotes, path and line breaks downloads under a safe Content-Disposition', async () => {
    const name = encodeURIComponent('..\\"报告\r\n(1)\'.png');
    const res = await upload(png('quoted'), name);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().name).toBe('"报告(1)\'.png');
    const back = await reporter.get(`/api/attachments/${res.json().id}`);
    expect(back.headers['content-disposition']).toBe(
      `attachment; filename="___(1)'.png"; filename*=UTF-8''%22%E6%8A%A5%E5%91%8A%281%29%27.png`,
    );
  });

  it('an X-File-Name that is not valid percent-encoding is 400 at x-file-name, not a 500', async () => {
    const res = await upload(png('bad-name'), '%E0%A4%A.png');
    expect(expectShape(res, 400).details.map((d) => d.path)).toEqual(['x-file-name']);
  });

  it('no name at all: kept as file.png', async () => {
    const res = await upload(png('nameless'), null);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().name).toBe('file.png');
  });
});

describe('months outside 2000–2100 are 400 at the month, never a 500', () => {
  it.each(['9999-12', '0000-01', '1999-12', '2101-01'])('%s', async (month) => {
    const report = await reporter.get(`/api/projects/${projectId}/reports/${month}`);
    expect(expectShape(report, 400).details[0]).toMatchObject({
      path: 'params.month',
      message: '月份应在 2000-01 至 2100-12 之间',
    });
    const inbox = await office.get(`/api/reports/inbox?month=${month}`);
    expect(expectShape(inbox, 400).details[0]!.path).toBe('querystring.month');
    const run = await admin.post(`/api/month-closes/230600/${month}/run`);
    expect(expectShape(run, 400).details[0]!.path).toBe('params.month');
    const publish = await admin.post(`/api/month-closes/230600/${month}/publish`);
    expect(expectShape(publish, 400).details[0]!.path).toBe('params.month');
  });

  it('the edges of the range are months like any other', async () => {
    expect((await office.get('/api/reports/inbox?month=2000-01')).statusCode).toBe(200);
    expect((await office.get('/api/reports/inbox?month=2100-12')).statusCode).toBe(200);
  });

  it('dates outside 1900–2100 are 400 at the field', async () => {
    const res = await office.patch(`/api/projects/${projectId}`, {
      version: (await office.get(`/api/projects/${projectId}`)).json().version,
      plannedStart: '0000-01-01',
    });
    expect(expectShape(res, 400).details.map((d) => d.path)).toContain('body.plannedStart');
  });
});

describe('JSON values are taken as the types they are', () => {
  it('{"unitId": true} is 400 at body.unitId, not unit 1; "5" is not 5 either', async () => {
    for (const unitId of [true, '1', 1.5]) {
      const res = await office.post('/api/positions', { unitId, name: `职务${String(unitId)}` });
      expect(expectShape(res, 400).details.map((d) => d.path)).toEqual(['body.unitId']);
    }
  });

  it('path parameters and query strings are still read from text', async () => {
    expect((await office.get(`/api/projects/${projectId}`)).statusCode).toBe(200);
    expect((await office.get('/api/projects?page=1&pageSize=5')).statusCode).toBe(200);
  });
});

describe('what the router refuses answers in the error shape', () => {
  it('a broken percent-encoding in the path is 400 at url', async () => {
    const res = await office.get('/api/projects/%E0%A4%A');
    expect(expectShape(res, 400)).toMatchObject({ code: 'VALIDATION', details: [{ path: 'url' }] });
  });

  it('a path parameter over 100 characters is 414 at url', async () => {
    const res = await office.get(`/api/projects/${'9'.repeat(150)}`);
    expect(expectShape(res, 414)).toMatchObject({ code: 'VALIDATION', details: [{ path: 'url' }] });
  });

  it('in English too', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/units/%ZZ',
      headers: { 'accept-language': 'en' },
    });
    expect(expectShape(res, 400).details[0]!.message).toBe('The URL is not valid (bad encoding)');
  });
});
