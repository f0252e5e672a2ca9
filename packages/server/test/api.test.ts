/**
 * API conventions over HTTP: one error shape for every failure, localized messages, request ids,
 * health and OpenAPI, the audit timeline, and the audit chain's verification against tampering
 * done directly in the database (as the database owner could).
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appVersion } from '../src/config.ts';
import { verifyAuditChain } from '../src/platform/audit/audit.ts';
import { signInAs, unit } from './factories.ts';
import { createTestApp, login, unitId, type Client, type TestApp } from './helpers.ts';

let t: TestApp;
let app: FastifyInstance;
let admin: Client;
let office: Client;
let unitUser: Client;

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  ({ admin, office, unit: unitUser } = await signInAs(t, 'admin', 'office', 'unit'));
});
afterAll(async () => {
  await t.close();
});

/** The error envelope, exactly: no other keys at either level. */
function expectErrorShape(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json();
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error).toEqual({
    code,
    message: expect.any(String),
    details: expect.any(Array),
    requestId: res.headers['x-request-id'],
  });
  for (const d of body.error.details) expect(Object.keys(d).sort()).toEqual(['message', 'path']);
  expect(body.error.message.length).toBeGreaterThan(0);
  return body.error as {
    code: string;
    message: string;
    details: { path: string; message: string }[];
    requestId: string;
  };
}

describe('error shape', () => {
  it('400 names each field with its path', async () => {
    const err = expectErrorShape(await office.post('/api/units', { type: 'department' }), 400, 'VALIDATION');
    expect(err.message).toBe('提交的数据有误，请按提示修改');
    expect(err.details.map((d) => d.path).sort()).toEqual(['body.name', 'body.regionCode']);
  });

  it('401 without a session', async () => {
    const err = expectErrorShape(
      await app.inject({ method: 'GET', url: '/api/units' }),
      401,
      'UNAUTHENTICATED',
    );
    expect(err).toMatchObject({ message: '请先登录', details: [] });
  });

  it('403 without the permission, and outside the data scope', async () => {
    expect(
      expectErrorShape(
        await unitUser.post('/api/regions', {
          code: '230623105',
          name: '某乡',
          level: 'town',
          parentCode: '230623',
        }),
        403,
        'FORBIDDEN',
      ).message,
    ).toBe('没有权限执行此操作');
    const other = await unitId(t, '大庆市人民政府');
    expect(expectErrorShape(await unitUser.get(`/api/units/${other}`), 403, 'OUT_OF_SCOPE').message).toBe(
      '该记录不在您的数据权限范围内',
    );
  });

  it('404 for a missing record', async () => {
    expect(expectErrorShape(await office.get('/api/units/999999'), 404, 'NOT_FOUND').message).toBe(
      '记录不存在',
    );
  });

  it('an unknown /api route answers 404 ROUTE_NOT_FOUND as JSON, for any method', async () => {
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      const err = expectErrorShape(
        await app.inject({ method, url: '/api/no-such-thing' }),
        404,
        'ROUTE_NOT_FOUND',
      );
      expect(err.message).toBe('接口不存在');
    }
    // a known path with an unknown method is no route either
    expectErrorShape(await office.request({ method: 'DELETE', url: '/api/units' }), 404, 'ROUTE_NOT_FOUND');
  });

  it('a malformed JSON body is 400 VALIDATION at path body, not 500', async () => {
    const res = await office.request({
      method: 'POST',
      url: '/api/units',
      payload: '{"name": "半截',
      headers: { 'content-type': 'application/json' },
    });
    const err = expectErrorShape(res, 400, 'VALIDATION');
    expect(err.details.map((d) => d.path)).toEqual(['body']);
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: '{"username":',
      headers: { 'content-type': 'application/json' },
    });
    expectErrorShape(login, 400, 'VALIDATION');
    const empty = await office.request({
      method: 'POST',
      url: '/api/units',
      payload: '',
      headers: { 'content-type': 'application/json' },
    });
    expectErrorShape(empty, 400, 'VALIDATION');
  });

  it('wrong types are 400 with body.<field> paths, and query/params errors name their part', async () => {
    const err = expectErrorShape(
      await office.post('/api/units', { name: 123, type: 'nope', regionCode: 230600, parentId: 'x' }),
      400,
      'VALIDATION',
    );
    expect(err.details.map((d) => d.path).sort()).toEqual([
      'body.name',
      'body.parentId',
      'body.regionCode',
      'body.type',
    ]);
    const query = expectErrorShape(await office.get('/api/units?page=0&pageSize=9999'), 400, 'VALIDATION');
    expect(query.details.map((d) => d.path).sort()).toEqual(['querystring.page', 'querystring.pageSize']);
    const params = expectErrorShape(await office.get('/api/units/abc'), 400, 'VALIDATION');
    expect(params.details.map((d) => d.path)).toEqual(['params.id']);
    const nested = expectErrorShape(
      await office.post('/api/positions/1/holder', {
        version: 1,
        personId: null,
        startDate: '2027/01/01',
        reason: '调整',
      }),
      400,
      'VALIDATION',
    );
    expect(nested.details).toContainEqual({ path: 'body.startDate', message: '日期格式应为 YYYY-MM-DD' });
    expect(new Set(nested.details.map((d) => d.path))).toEqual(new Set(['body.startDate']));
  });

  it('an oversized body is 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await office.request({
      method: 'POST',
      url: '/api/units',
      payload: JSON.stringify({ name: 'x'.repeat(2_000_000) }),
      headers: { 'content-type': 'application/json' },
    });
    expectErrorShape(res, 413, 'PAYLOAD_TOO_LARGE');
  });
});

describe('language', () => {
  const en = { 'accept-language': 'en-US,en;q=0.9,zh;q=0.5' };

  it('Chinese by default and for zh; English when English is preferred first', async () => {
    const zh = await app.inject({ method: 'GET', url: '/api/units' });
    expect(zh.json().error.message).toBe('请先登录');
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/units',
          headers: { 'accept-language': 'zh-CN,en;q=0.8' },
        })
      ).json().error.message,
    ).toBe('请先登录');
    expect((await app.inject({ method: 'GET', url: '/api/units', headers: en })).json().error.message).toBe(
      'Please sign in',
    );
    expect(
      (await app.inject({ method: 'GET', url: '/api/nope', headers: { 'accept-language': 'en' } })).json()
        .error.message,
    ).toBe('No such API route');
  });

  it('English callers get zod’s default detail messages in English; our own field wording stays as written', async () => {
    const zhRes = await office.post('/api/units', { type: 'nope' });
    const zhDetails = Object.fromEntries(
      zhRes.json().error.details.map((d: { path: string; message: string }) => [d.path, d.message]),
    );
    expect(zhDetails['body.name']).toMatch(/^无效输入/);
    expect(zhDetails['body.type']).toMatch(/^无效选项/);

    const res = await office.request({
      method: 'POST',
      url: '/api/units',
      payload: { type: 'nope' },
      headers: en,
    });
    const err = expectErrorShape(res, 400, 'VALIDATION');
    expect(err.message).toBe('The request has invalid fields');
    const details = Object.fromEntries(err.details.map((d) => [d.path, d.message]));
    expect(details['body.name']).toBe('Invalid input: expected string, received undefined');
    expect(details['body.type']).toMatch(/^Invalid option: expected one of "government"/);

    const own = await office.request({
      method: 'POST',
      url: '/api/units',
      payload: { name: '单位', type: 'other', regionCode: '12' },
      headers: en,
    });
    expect(own.json().error.details).toEqual([
      { path: 'body.regionCode', message: '区划代码应为 6、9 或 12 位数字' },
    ]);
  });

  it('domain errors are localized too', async () => {
    const res = await office.request({ method: 'GET', url: '/api/units/999999', headers: en });
    expect(res.json().error.message).toBe('Not found');
  });
});

describe('request ids', () => {
  it('every response carries x-request-id, fresh per request', async () => {
    const a = await app.inject({ method: 'GET', url: '/api/health' });
    const b = await app.inject({ method: 'GET', url: '/api/health' });
    expect(a.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.headers['x-request-id']).not.toBe(a.headers['x-request-id']);
    expect((await office.get('/api/units')).headers['x-request-id']).toBeTruthy();
    expect((await app.inject({ method: 'GET', url: '/api/nope' })).headers['x-request-id']).toBeTruthy();
  });

  it('echoes a valid incoming x-request-id, in the header, the error body and the audit row', async () => {
    const id = 'client-req.0001_A';
    const res = await app.inject({ method: 'GET', url: '/api/units', headers: { 'x-request-id': id } });
    expect(res.headers['x-request-id']).toBe(id);
    expect(res.json().error.requestId).toBe(id);

    const write = await office.request({
      method: 'POST',
      url: '/api/units',
      payload: { name: '请求号测试单位', type: 'other', regionCode: '230600' },
      headers: { 'x-request-id': 'trace-unit-create-01' },
    });
    expect(write.statusCode).toBe(201);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('request_id')
      .where('entity', '=', 'unit')
      .where('entity_id', '=', String(write.json().id))
      .executeTakeFirstOrThrow();
    expect(audit.request_id).toBe('trace-unit-create-01');
  });

  it('replaces an incoming id that is too short, too long or has other characters', async () => {
    for (const bad of ['short', 'x'.repeat(65), 'has space 123', 'semi;colon-123', '中文请求号一二三四']) {
      const res = await app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': bad } });
      expect(res.headers['x-request-id'], bad).not.toBe(bad);
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
    const edge = 'x'.repeat(64);
    expect(
      (await app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': edge } })).headers[
        'x-request-id'
      ],
    ).toBe(edge);
    expect(
      (await app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': '12345678' } }))
        .headers['x-request-id'],
    ).toBe('12345678');
  });
});

describe('health and OpenAPI', () => {
  it('GET /api/health reports status, database kind and version without a session', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: t.database.kind, version: appVersion });
    expect(['pglite', 'postgres']).toContain(res.json().db);
  });

  it('/api/openapi.json is an OpenAPI 3 document listing the routes', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.title).toContain('Ducha');
    expect(Object.keys(doc.paths['/api/units'])).toEqual(expect.arrayContaining(['get', 'post']));
    expect(doc.paths['/api/units/{id}']).toBeDefined();
    expect(doc.paths['/api/audit']).toBeDefined();
    expect(doc.paths['/api/openapi.json']).toBeUndefined();
    expect(doc.components.securitySchemes.bearer).toEqual({ type: 'http', scheme: 'bearer' });
  });

  it('the sign-in documents its refusals: 401 wrong credentials, 423 locked with lockedUntil, 429', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const answers = doc.paths['/api/auth/login'].post.responses;
    expect(Object.keys(answers)).toEqual(expect.arrayContaining(['200', '400', '401', '423', '429']));
    expect(answers['423'].description).toContain('ACCOUNT_LOCKED');
    const locked = answers['423'].content['application/json'].schema;
    expect(locked.properties.error.properties.lockedUntil).toMatchObject({ type: 'string' });
  });
});

describe('audit timeline', () => {
  let id: number;

  beforeAll(async () => {
    id = (await unit(office, { name: '时间线测试单位' })).id;
    const v2 = (await office.patch(`/api/units/${id}`, { version: 1, phone: '0459-1111111' })).json();
    await office.patch(`/api/units/${id}`, { version: v2.version, shortName: '时间线' });
  });

  it('GET /api/audit?entity=unit&id=N lists the events newest first, each diff with before and after', async () => {
    const res = await office.get(`/api/audit?entity=unit&id=${id}`);
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json();
    expect(total).toBe(3);
    expect(items.map((e: { action: string }) => e.action)).toEqual(['update', 'update', 'create']);
    const seqs = items.map((e: { id: number }) => e.id);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    for (const e of items) {
      expect(e).toMatchObject({ entity: 'unit', entityId: String(id), actorName: '汤子涵', reason: null });
      expect(Date.parse(e.at)).not.toBeNaN();
      expect(Object.keys(e.diff).length).toBeGreaterThan(0);
      for (const change of Object.values(e.diff))
        expect(Object.keys(change as object).sort()).toEqual(['after', 'before']);
    }
    expect(items[0].diff.shortName).toEqual({ before: null, after: '时间线' });
    expect(items[1].diff.phone).toEqual({ before: null, after: '0459-1111111' });
    expect(items[2].diff.name).toEqual({ before: null, after: '时间线测试单位' });

    const page2 = (await office.get(`/api/audit?entity=unit&id=${id}&pageSize=1&page=2`)).json();
    expect(page2).toMatchObject({ total: 3, items: [{ id: seqs[1] }] });
  });

  it('the timeline follows the entity’s read scope; the whole log is the admin’s', async () => {
    const lindian = await login(app, 'office_lindian');
    expectErrorShape(await lindian.get(`/api/audit?entity=unit&id=${id}`), 403, 'OUT_OF_SCOPE');
    expectErrorShape(await office.get('/api/audit'), 403, 'FORBIDDEN');
    expectErrorShape(await office.get('/api/audit?entity=session&id=1'), 403, 'FORBIDDEN');
    expectErrorShape(await office.get('/api/audit?entity=nonsense&id=1'), 400, 'VALIDATION');
    const all = (await admin.get('/api/audit?pageSize=1')).json();
    const count = await t.database.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(all.total).toBe(Number(count.n));
  });
});

describe('audit chain verification (ducha audit verify)', () => {
  const db = () => t.database.db;
  const row = (seq: number) =>
    db().selectFrom('audit_events').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow();
  const head = () => db().selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
  type Row = Awaited<ReturnType<typeof row>>;
  const reinsert = (r: Row) =>
    db()
      .insertInto('audit_events')
      .values({ ...r, diff: JSON.stringify(r.diff) })
      .execute();
  const setTrigger = (on: boolean) =>
    sql
      .raw(`alter table audit_events ${on ? 'enable' : 'disable'} trigger audit_events_append_only`)
      .execute(db());

  afterAll(async () => {
    await setTrigger(true);
  });

  it('a clean chain verifies, across page boundaries too', async () => {
    const h = await head();
    expect(h.seq).toBeGreaterThan(100);
    expect(await verifyAuditChain(db())).toEqual({ ok: true, checked: h.seq });
    expect(await verifyAuditChain(db(), 7)).toEqual({ ok: true, checked: h.seq });
  });

  it('the trail is append-only: UPDATE and DELETE on audit_events throw while the trigger is on', async () => {
    await expect(
      db().updateTable('audit_events').set({ reason: '篡改' }).where('seq', '=', 1).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(db().deleteFrom('audit_events').where('seq', '=', 1).execute()).rejects.toThrow(
      /append-only/,
    );
    expect((await row(1)).reason).toBeNull();
  });

  it('an altered field is found at its seq, as 改动', async () => {
    await setTrigger(false);
    const h = await head();
    const target = Math.floor(h.seq / 2);
    const original = await row(target);

    await db()
      .updateTable('audit_events')
      .set({ reason: '事后补写的理由' })
      .where('seq', '=', target)
      .execute();
    const result = await verifyAuditChain(db());
    expect(result.ok).toBe(false);
    expect(result.broken?.seq).toBe(target);
    expect(result.broken?.problem).toContain('改动');
    expect(result.checked).toBe(target - 1);
    // found with small pages as well
    expect((await verifyAuditChain(db(), 7)).broken?.seq).toBe(target);

    await db()
      .updateTable('audit_events')
      .set({ reason: original.reason })
      .where('seq', '=', target)
      .execute();
    expect((await verifyAuditChain(db())).ok).toBe(true);

    // the diff, the actor and the time are covered too
    const edits: [string, () => Promise<unknown>][] = [
      [
        'diff',
        () =>
          sql`update audit_events set diff = ${JSON.stringify({ name: { before: null, after: '伪造' } })}::jsonb where seq = ${target}`.execute(
            db(),
          ),
      ],
      [
        'actor',
        () =>
          db().updateTable('audit_events').set({ actor_name: '冒名者' }).where('seq', '=', target).execute(),
      ],
      [
        'time',
        () =>
          db()
            .updateTable('audit_events')
            .set({ at: new Date(original.at.getTime() + 1000) })
            .where('seq', '=', target)
            .execute(),
      ],
      [
        'prev hash',
        () =>
          db()
            .updateTable('audit_events')
            .set({ prev_hash: 'f'.repeat(64) })
            .where('seq', '=', target)
            .execute(),
      ],
    ];
    for (const [what, edit] of edits) {
      await edit();
      const r = await verifyAuditChain(db());
      expect(r.ok, what).toBe(false);
      expect(r.broken?.seq).toBe(target);
      await db().deleteFrom('audit_events').where('seq', '=', target).execute();
      await reinsert(original);
      expect((await verifyAuditChain(db())).ok).toBe(true);
    }
  });

  it('a deleted last event is found (the head no longer matches)', async () => {
    const h = await head();
    const last = await row(h.seq);
    await db().deleteFrom('audit_events').where('seq', '=', h.seq).execute();
    const result = await verifyAuditChain(db());
    expect(result).toMatchObject({ ok: false, checked: h.seq - 1, broken: { seq: h.seq } });
    expect(result.broken?.problem).toContain('末尾被删除');
    await reinsert(last);
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });

  it('a deleted middle event is found at its seq', async () => {
    const h = await head();
    const target = Math.floor(h.seq / 3);
    const gone = await row(target);
    await db().deleteFrom('audit_events').where('seq', '=', target).execute();
    const result = await verifyAuditChain(db());
    expect(result).toMatchObject({ ok: false, checked: target - 1, broken: { seq: target } });
    expect(result.broken?.problem).toContain('缺失');
    await reinsert(gone);
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });

  it('an emptied trail is found', async () => {
    const rows = await db().selectFrom('audit_events').selectAll().orderBy('seq').execute();
    await db().deleteFrom('audit_events').execute();
    const result = await verifyAuditChain(db());
    expect(result).toMatchObject({ ok: false, checked: 0, broken: { seq: 1 } });
    for (let i = 0; i < rows.length; i += 200) {
      await db()
        .insertInto('audit_events')
        .values(rows.slice(i, i + 200).map((r) => ({ ...r, diff: JSON.stringify(r.diff) })))
        .execute();
    }
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });

  it('with the trigger back on, the chain keeps growing and verifying', async () => {
    await setTrigger(true);
    await expect(
      db().updateTable('audit_events').set({ reason: 'x' }).where('seq', '=', 1).execute(),
    ).rejects.toThrow(/append-only/);
    const before = (await head()).seq;
    expect(
      (await office.post('/api/units', { name: '链尾测试单位', type: 'other', regionCode: '230600' }))
        .statusCode,
    ).toBe(201);
    expect(await verifyAuditChain(db())).toEqual({ ok: true, checked: before + 1 });
  });
});
