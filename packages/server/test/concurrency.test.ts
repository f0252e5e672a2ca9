/**
 * PGlite has one connection; PostgreSQL has many. Either way, 50 concurrent mutating requests must
 * neither interleave inside each other's transactions nor lose a write: every create lands with
 * its own audit event, the hash chain stays intact, and of 50 edits made from the same version
 * exactly one wins while the other 49 are told of the conflict.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/platform/audit/audit.ts';
import { createTestApp, login, unitId, type Client, type TestApp } from './helpers.ts';

let t: TestApp;
let office: Client;
beforeAll(async () => {
  t = await createTestApp();
  office = await login(t.app, 'office');
});
afterAll(() => t.close());

it('50 concurrent creates all land, each with its own audit event, chain intact', async () => {
  const before = await verifyAuditChain(t.database.db);
  const responses = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      office.post('/api/units', { name: `并发单位${i}`, type: 'enterprise', regionCode: '230623' }),
    ),
  );
  expect(responses.map((r) => r.statusCode)).toEqual(Array(50).fill(201));
  const ids = new Set(responses.map((r) => r.json().id));
  expect(ids.size).toBe(50);
  const events = await t.database.db
    .selectFrom('audit_events')
    .select(['entity_id', 'request_id'])
    .where('entity', '=', 'unit')
    .where('action', '=', 'create')
    .where('seq', '>', before.checked)
    .execute();
  expect(new Set(events.map((e) => e.entity_id))).toEqual(new Set([...ids].map(String)));
  // each request wrote exactly one event under its own request id
  expect(new Set(events.map((e) => e.request_id)).size).toBe(50);
  const after = await verifyAuditChain(t.database.db);
  expect(after).toMatchObject({ ok: true, checked: before.checked + 50 });
});

it('50 concurrent edits from the same version: one wins, 49 conflict, nothing overwritten silently', async () => {
  const id = await unitId(t, '大庆市交通运输局');
  const { version } = (await office.get(`/api/units/${id}`)).json();
  const responses = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      office.patch(`/api/units/${id}`, { version, phone: `0459-60000${String(i).padStart(2, '0')}` }),
    ),
  );
  const codes = responses.map((r) => r.statusCode);
  expect(codes.filter((c) => c === 200)).toHaveLength(1);
  expect(codes.filter((c) => c === 409)).toHaveLength(49);
  const winner = responses.find((r) => r.statusCode === 200)!.json();
  const now = (await office.get(`/api/units/${id}`)).json();
  expect(now).toMatchObject({ phone: winner.phone, version: version + 1 });
  expect(responses.find((r) => r.statusCode === 409)!.json().error).toMatchObject({
    code: 'VERSION_CONFLICT',
    currentVersion: version + 1,
  });
  expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
});
