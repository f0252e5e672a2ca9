/**
 * A fuzz walk over the OpenAPI document (issue 11, point 7): every operation gets a few dozen
 * requests built from its own parameters and body schema, each with something wrong in it — a
 * field of the wrong type, a month in year 9999, a path parameter of 150 characters, a broken
 * percent-encoding, an unknown field, a body that is not JSON, a file that is not what it says.
 * No answer may be a 5xx, and every 4xx must be in the documented shape
 * `{"error":{"code","message","details":[{"path","message"}],"requestId"}}`.
 *
 * Deterministic (one seed) and bounded (about 2,000 requests, under 30 s on a loaded machine), as the admin of the demo city so
 * requests reach past the access guard into the routes. What breaks the session (signing out,
 * a reset of the admin's own password, a lock) is repaired and the walk goes on.
 */
import { errorBody } from '@ducha/contract';
import fc from 'fast-check';
import { sql } from 'kysely';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG_SIGNATURE, jpeg, officeFile, pdf, png } from './files.ts';
import { cityProject, demoUnits, monthlyReport, signInAs, supervisedItem } from './factories.ts';
import { createTestApp, login, type Client, type TestApp } from './helpers.ts';

const SEED = 20261201;
const RUNS_PER_OPERATION = 22;
/** Fuzz requests come from their own address: their failed sign-ins must not throttle the repair. */
const FUZZ_ADDRESS = '192.0.2.77';

type Schema = {
  type?: string;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  pattern?: string;
  nullable?: boolean;
  minimum?: number;
};
interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  schema: Schema;
}
interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: Schema;
}

let t: TestApp;
let app: FastifyInstance;
let admin: Client;
let operations: Operation[] = [];
let adminRow: Record<string, unknown>;

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  admin = await login(app, 'admin');
  adminRow = await t.database.db
    .selectFrom('users')
    .select(['password_hash', 'role', 'active', 'region_code', 'must_change_password'])
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow();
  // records for the ids to reach: a city project with a baseline, a report, a list and an item
  const { office, reporter } = await signInAs(t, 'office', 'reporter');
  const units = await demoUnits(t);
  for (const month of ['2026-09', '2026-10']) {
    const p = await cityProject(office, {
      ownerUnitId: units.ctgs,
      responsibleUnitId: units.zjj,
      coUnitIds: [units.jtj],
      baseline: { plannedInvestment: '1200' },
    });
    await monthlyReport(reporter, p.id, month, { until: 'submitted' });
    await supervisedItem(office, { projectId: p.id, assign: { responsibleUnitId: units.zjj } });
    await reporter.request({
      method: 'POST',
      url: `/api/reports/${(await monthlyReport(reporter, p.id, '2026-08', { until: 'draft' })).id}/attachments`,
      payload: png(month),
      headers: { 'content-type': 'image/png' },
    });
  }
  for (const table of new Set(Object.values(tableOf))) {
    const rows = await sql<{
      id: number;
    }>`select id from ${sql.table(table)} order by id desc limit 6`.execute(t.database.db);
    existing.set(
      table,
      rows.rows.map((r) => String(r.id)),
    );
  }
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<
      string,
      Record<
        string,
        { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } }
      >
    >;
  };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      parameters: op.parameters ?? [],
      body: op.requestBody?.content['application/json']?.schema,
    })),
  );
});
afterAll(async () => {
  await t.close();
});

/** Values that have broken something somewhere: wrong types, edges, huge, empty, hostile. */
const nastyValue = fc.constantFrom<unknown>(
  null,
  true,
  false,
  0,
  -1,
  1.5,
  2 ** 53,
  -(2 ** 53),
  1e308,
  '',
  ' ',
  '0',
  'true',
  'NaN',
  '1e400',
  '-0',
  '9999-12',
  '0000-01',
  '9999-12-31',
  '0000-01-01',
  '2026-02-30',
  '2026-13',
  '12345678901234567890.123',
  '-100',
  '💥',
  '\u0000',
  '<script>alert(1)</script>',
  "' or 1=1 --",
  'x'.repeat(5000),
  [],
  [null],
  {},
  { a: 1 },
  [{}, {}],
);

/** Text for path and query parameters: the same, as the URL carries it, and broken encodings. */
const nastyText = fc.constantFrom(
  '0',
  '-1',
  '1.5',
  'abc',
  'true',
  'null',
  '9'.repeat(30),
  '9'.repeat(150),
  '9999-12',
  '0000-01',
  '2026-02-30',
  '%E0%A4%A',
  '%',
  '%zz',
  '%00',
  '%2e%2e%2f',
  encodeURIComponent('报告'),
  encodeURIComponent(' '),
  'latest',
  '230600%20',
);

/** Candidate strings for a pattern: whichever match it stand for a valid value. */
const patternPool = [
  '2026-10',
  '2026-09',
  '2026-12-08',
  '2026-06-30',
  '230600',
  '230621',
  '230623',
  '100',
  '12.34',
  '0',
  '-5',
  '1',
  'P-001',
  'abc',
  'admin',
  // well-formed, out of range: what got past the patterns before (9999-12 had no deadline day)
  '9999-12',
  '0000-01',
  '2101-01',
  '9999-12-31',
  '0000-01-01',
];

function valid(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return fc.constant(null);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alts = schema.anyOf ?? schema.oneOf;
  if (alts?.length) return fc.oneof(...alts.map((s) => valid(s, depth + 1)));
  if (schema.allOf?.length) return valid(schema.allOf[0], depth + 1);
  const base = ((): fc.Arbitrary<unknown> => {
    switch (schema.type) {
      case 'object': {
        const props = schema.properties ?? {};
        const model = Object.fromEntries(Object.entries(props).map(([k, s]) => [k, valid(s, depth + 1)]));
        return fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in props) });
      }
      case 'array':
        return fc.array(valid(schema.items, depth + 1), { maxLength: 3 });
      case 'integer':
        return fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constant(schema.minimum ?? 0), fc.constant(2026));
      case 'number':
        return fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 1, noNaN: true }));
      case 'boolean':
        return fc.boolean();
      case 'string': {
        if (schema.pattern) {
          const re = new RegExp(schema.pattern);
          const fits = patternPool.filter((s) => re.test(s));
          if (fits.length) return fc.constantFrom(...fits);
        }
        return fc.oneof(fc.constantFrom('测试', 'abc', '2026-10', '230600'), fc.string({ maxLength: 12 }));
      }
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  })();
  return schema.nullable ? fc.option(base, { nil: null }) : base;
}

/** A valid-looking value with one thing wrong somewhere in it (or nothing, now and then). */
function mutated(schema: Schema | undefined): fc.Arbitrary<unknown> {
  return fc
    .tuple(
      valid(schema),
      fc.nat(),
      nastyValue,
      fc.constantFrom('replace', 'unknown', 'drop', 'whole', 'none'),
    )
    .map(([value, pick, bad, how]) => {
      if (how === 'whole') return bad;
      if (how === 'none' || !value || typeof value !== 'object') return value;
      // walk down to one object or array inside the value and spoil one entry of it
      let node = value as Record<string, unknown>;
      for (let i = 0; i < 3; i++) {
        const inner = Object.values(node).filter((v) => v && typeof v === 'object');
        if (!inner.length || pick % (i + 2) === 0) break;
        node = inner[pick % inner.length] as Record<string, unknown>;
      }
      const keys = Object.keys(node);
      if (how === 'unknown' || !keys.length) node[`extra_${pick % 7}`] = bad;
      else if (how === 'drop') delete node[keys[pick % keys.length]!];
      else node[keys[pick % keys.length]!] = bad;
      return value;
    });
}

/** The table whose ids a path segment names (`/api/projects/{id}`), so that ids hit records. */
const tableOf: Record<string, string> = {
  projects: 'projects',
  units: 'units',
  people: 'people',
  positions: 'positions',
  users: 'users',
  'project-lists': 'project_lists',
  members: 'projects',
  reports: 'monthly_reports',
  items: 'items',
  attachments: 'report_attachments',
  'item-attachments': 'item_attachments',
  notifications: 'notifications',
  tokens: 'api_tokens',
  'saved-views': 'saved_views',
  milestones: 'plan_milestones',
  procedures: 'project_procedures',
  'list-adjustments': 'list_adjustments',
  'procedure-templates': 'procedure_templates',
};
/** A few existing ids of each of those tables, read once the demo is loaded. */
const existing = new Map<string, string[]>();

function idFor(path: string, param: string): fc.Arbitrary<string> {
  const segment = param === 'projectId' ? 'projects' : (path.split(`/{${param}}`)[0]!.split('/').pop() ?? '');
  const ids = existing.get(tableOf[segment] ?? '') ?? [];
  return ids.length ? fc.constantFrom(...ids) : fc.integer({ min: 1, max: 40 }).map(String);
}

const validPath: Record<string, fc.Arbitrary<string>> = {
  month: fc.constantFrom('2026-10', '2026-09', 'latest', '9999-12', '0000-01', '2101-01'),
  regionCode: fc.constantFrom('230600', '230621'),
  year: fc.constantFrom('2026', '2027'),
  date: fc.constantFrom('2026-12-08', '2026-10-01', '9999-12-31', '0000-01-01'),
};

const fileTypes = [
  'image/png',
  'image/jpeg',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
  'text/html',
];
const fileNames = fc.constantFrom(
  encodeURIComponent('现场照片.png'),
  'evil.html',
  '%E0%A4%A.png',
  '%',
  '..%2F..%2Fetc%2Fpasswd',
  encodeURIComponent('a\r\nb.pdf'),
  'x'.repeat(400),
);

/** One request for an operation, something wrong in it. */
function request(op: Operation, docx: Buffer): fc.Arbitrary<InjectOptions> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const pathArb = fc.tuple(
    ...pathParams.map((p) =>
      fc.oneof(
        {
          weight: 3,
          arbitrary: validPath[p.name] ?? (/id$/i.test(p.name) ? idFor(op.path, p.name) : fc.constant('1')),
        },
        { weight: 2, arbitrary: nastyText },
      ),
    ),
  );
  const queryArb = fc.array(
    fc.oneof(
      ...queryParams.map((p) =>
        fc
          .oneof(
            valid(p.schema).map((v) => encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))),
            nastyText,
          )
          .map((v) => `${encodeURIComponent(p.name)}=${v}`),
      ),
      nastyText.map((v) => `month=${v}`),
      nastyText.map((v) => `unknown=${v}`),
    ),
    { maxLength: 4 },
  );
  const isUpload = op.method === 'POST' && /\/(attachments|import)$/.test(op.path);
  const files = fc.constantFrom(
    png(),
    Buffer.concat([PNG_SIGNATURE, Buffer.from('<html><script>x</script>')]),
    jpeg(),
    pdf(),
    docx,
    Buffer.from('PK\u0003\u0004 not really a zip'),
    Buffer.alloc(0),
    Buffer.from('\u0000\u0001\u0002'),
  );
  const bodyArb: fc.Arbitrary<Pick<InjectOptions, 'payload' | 'headers'>> = isUpload
    ? fc
        .tuple(files, fc.constantFrom(...fileTypes), fc.option(fileNames, { nil: undefined }))
        .map(([payload, type, name]) => ({
          payload,
          headers: { 'content-type': type, ...(name === undefined ? {} : { 'x-file-name': name }) },
        }))
    : fc.oneof(
        { weight: 6, arbitrary: mutated(op.body).map((b) => jsonBody(b)) },
        {
          weight: 1,
          arbitrary: fc
            .constantFrom('{', '{"a":', '[1,]', 'null', '"x"', '{"__proto__":{"x":1}}', '\ufeff{}', ' ')
            .map((payload) => ({ payload, headers: { 'content-type': 'application/json' } })),
        },
        {
          weight: 1,
          arbitrary: fc
            .constantFrom(
              'text/plain',
              'application/x-www-form-urlencoded',
              'application/json; charset=utf-16',
              'image/png',
            )
            .map((type) => ({ payload: 'a=1', headers: { 'content-type': type } })),
        },
      );
  return fc
    .tuple(pathArb, queryArb, bodyArb, fc.constantFrom('zh', 'en'))
    .map(([params, query, body, lang]) => {
      let i = 0;
      const path = op.path.replace(/\{[^}]+\}/g, () => params[i++] ?? '1');
      const url = query.length ? `${path}?${query.join('&')}` : path;
      const withBody = !['GET', 'DELETE'].includes(op.method) || op.body !== undefined;
      return {
        method: op.method as InjectOptions['method'],
        url,
        remoteAddress: FUZZ_ADDRESS,
        ...(withBody ? body : {}),
        headers: { 'accept-language': lang, ...(withBody ? body.headers : {}) },
      };
    });
}

const jsonBody = (b: unknown): Pick<InjectOptions, 'payload' | 'headers'> => ({
  payload: b === undefined ? '' : JSON.stringify(b),
  headers: { 'content-type': 'application/json' },
});

/** What is wrong with an answer, if anything. */
function problem(res: LightMyRequestResponse): string | null {
  if (res.statusCode >= 500) return `status ${res.statusCode}`;
  if (res.statusCode < 400) return null;
  if (!String(res.headers['content-type']).startsWith('application/json')) return 'error not JSON';
  let body: unknown;
  try {
    body = res.json();
  } catch {
    return 'error body not JSON';
  }
  const parsed = errorBody.safeParse(body);
  if (!parsed.success) return 'error off-shape';
  if (!parsed.data.error.message || !parsed.data.error.requestId) return 'error without message or requestId';
  return null;
}

/** The admin's session, back after a request signed it out, locked or changed the account. */
async function repairSession() {
  if ((await admin.get('/api/auth/me')).statusCode === 200) return;
  await t.database.db
    .updateTable('users')
    .set({ ...(adminRow as object), failed_attempts: 0, locked_until: null })
    .where('username', '=', 'admin')
    .execute();
  admin = await login(app, 'admin');
}

describe('fuzz over the OpenAPI document', () => {
  it(`${RUNS_PER_OPERATION} spoiled requests per operation: no 5xx, every 4xx in the error shape`, async () => {
    expect(operations.length).toBeGreaterThan(100);
    const docx = await officeFile('word');
    const failures = new Map<string, string>();
    let sent = 0;
    for (const [n, op] of operations.entries()) {
      // an operation with nothing to spoil but its query string gets fewer requests
      const runs = op.parameters.some((p) => p.in === 'path') || op.body ? RUNS_PER_OPERATION : 6;
      const samples = fc.sample(request(op, docx), { seed: SEED + n, numRuns: runs });
      for (const req of samples) {
        const res = await admin.request(req);
        sent += 1;
        const p = problem(res);
        const key = `${op.method} ${op.path}: ${p}`;
        if (p && !failures.has(key))
          failures.set(
            key,
            `${req.method} ${req.url} ${JSON.stringify(req.payload ?? '').slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 300)}`,
          );
        if (res.statusCode === 401) await repairSession();
      }
      if (op.path === '/api/auth/logout' || op.path.endsWith('reset-password')) await repairSession();
    }
    expect(sent).toBeGreaterThan(1900);
    expect([...failures.entries()].map(([k, v]) => `${k}\n    ${v}`)).toEqual([]);
  }, 120_000);
});
