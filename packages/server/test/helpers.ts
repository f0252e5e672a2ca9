/**
 * Test harness: a fresh database per test file (in-memory PGlite, in this thread or with
 * DUCHA_TEST_PGLITE_WORKER=1 in a worker thread, or a new PostgreSQL database on the server named
 * by DUCHA_TEST_DATABASE_URL), migrated and seeded with the demo city, and the
 * real Fastify app on top of it. Sessions are real: sign in, keep the cookies and CSRF token.
 */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse as Response } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { migrateToLatest, openPglite, openPostgres, type OpenDb } from '../src/db/connection.ts';
import { DEMO_PASSWORD, seedDemo } from '../src/modules/org/seed.ts';

export interface TestApp {
  app: FastifyInstance;
  database: OpenDb;
  close: () => Promise<void>;
}

async function freshDatabase(): Promise<{ database: OpenDb; drop: () => Promise<void> }> {
  const serverUrl = process.env.DUCHA_TEST_DATABASE_URL;
  if (!serverUrl) {
    // DUCHA_TEST_PGLITE_WORKER=1 runs every suite on PGlite in a worker thread, as the server does
    const database = await openPglite(undefined, { worker: process.env.DUCHA_TEST_PGLITE_WORKER === '1' });
    return { database, drop: async () => database.close() };
  }
  const name = `ducha_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString());
  return {
    database,
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/**
 * `prepare` fills the migrated database before the app is built (instead of the demo when `seed` is
 * false): the EXPLAIN test loads a generated province there.
 */
export async function createTestApp(
  opts: { seed?: boolean; prepare?: (db: OpenDb['db']) => Promise<void> } = {},
): Promise<TestApp> {
  const { database, drop } = await freshDatabase();
  await migrateToLatest(database.db);
  if (opts.seed !== false) await seedDemo(database.db);
  await opts.prepare?.(database.db);
  const config = { ...loadConfig({}), webDist: undefined };
  const app = await buildApp({ config, database, logger: false });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await drop();
    },
  };
}

/** A signed-in client: sends the session cookie, and the CSRF header on writes. */
export interface Client {
  username: string;
  request: (opts: InjectOptions) => Promise<Response>;
  get: (url: string) => Promise<Response>;
  post: (url: string, body?: unknown) => Promise<Response>;
  patch: (url: string, body?: unknown) => Promise<Response>;
  put: (url: string, body?: unknown) => Promise<Response>;
  delete: (url: string) => Promise<Response>;
}

export async function login(
  app: FastifyInstance,
  username: string,
  password = DEMO_PASSWORD,
): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookies = Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
  const cookieHeader = `ducha_session=${cookies.ducha_session}; ducha_csrf=${cookies.ducha_csrf}`;
  const request = (o: InjectOptions) =>
    app.inject({
      ...o,
      headers: { cookie: cookieHeader, 'x-csrf-token': cookies.ducha_csrf!, ...(o.headers ?? {}) },
    });
  return {
    username,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, body) => request({ method: 'POST', url, payload: body as object }),
    patch: (url, body) => request({ method: 'PATCH', url, payload: body as object }),
    put: (url, body) => request({ method: 'PUT', url, payload: body as object }),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}

/** Ids of demo records by name, for readable tests. */
export async function unitId(t: TestApp, name: string): Promise<number> {
  const row = await t.database.db
    .selectFrom('units')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function lastAudit(t: TestApp) {
  return t.database.db
    .selectFrom('audit_events')
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
}

/** Asserts the API's error shape: status, code, and (optionally) a detail at `path`. */
export function expectError(res: Response, status: number, code: string, path?: string) {
  const body = res.json() as { error: { code: string; details: { path: string; message: string }[] } };
  expect(res.statusCode, JSON.stringify(body)).toBe(status);
  expect(body.error.code).toBe(code);
  if (path !== undefined) expect(body.error.details.map((d) => d.path)).toContain(path);
}

/** Audit lookups for use-case tests: the newest event of an entity, and the number of events. */
export function auditHelpers(app: () => TestApp) {
  const db = () => app().database.db;
  return {
    lastAuditOf: (entity: string, id: number | string) =>
      db()
        .selectFrom('audit_events')
        .selectAll()
        .where('entity', '=', entity)
        .where('entity_id', '=', String(id))
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow(),
    auditCount: async () =>
      Number(
        (
          await db()
            .selectFrom('audit_events')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
  };
}
