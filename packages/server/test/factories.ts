/**
 * Test factories: the records a test needs before it can check anything — demo accounts signed in,
 * demo units by name, and new regions, units, people, positions, users, projects (with their
 * responsibility chain and an approved baseline), monthly reports and supervised items. Every one
 * goes through the HTTP API as the given client, so the real rules, scope and audit apply, and
 * fails the test at once (with the response body) when the API refuses. Options are small, with
 * defaults that fit most tests; anything else is passed through to the request body.
 */
import type {
  AnnualPlan,
  itemDetail,
  MonthlyReport,
  Person,
  Position,
  Project,
  Region,
  seriesDetail,
  Unit,
  User,
} from '@ducha/contract';
import { Decimal } from '@ducha/contract';
import type { LightMyRequestResponse as Response } from 'fastify';
import { expect } from 'vitest';
import type { z } from 'zod';
import { login, type Client, type TestApp } from './helpers.ts';

/** The demo accounts (README "Demo accounts"); all share `DEMO_PASSWORD`. */
export const DEMO_ROLES = [
  'admin',
  'office',
  'office_lindian',
  'leader',
  'unit',
  'reporter',
  'inspector',
  'expert',
] as const;
export type DemoRole = (typeof DEMO_ROLES)[number];

/**
 * Signs in demo accounts, one after the other in the order given (all eight when none are named),
 * e.g. `const { office, unit } = await signInAs(t, 'office', 'unit')`.
 */
export async function signInAs(t: TestApp): Promise<Record<DemoRole, Client>>;
export async function signInAs<R extends DemoRole>(t: TestApp, ...roles: R[]): Promise<Record<R, Client>>;
export async function signInAs(t: TestApp, ...roles: DemoRole[]) {
  const clients: Partial<Record<DemoRole, Client>> = {};
  for (const role of roles.length ? roles : DEMO_ROLES) clients[role] = await login(t.app, role);
  return clients;
}

/** Demo units by the short names the tests use. */
export const DEMO_UNITS = {
  zjj: '大庆市住房和城乡建设局', // the `unit` user's unit
  jtj: '大庆市交通运输局',
  swj: '大庆市水务局',
  fgw: '大庆市发展和改革委员会',
  gov: '大庆市人民政府',
  zdb: '大庆市重点项目建设服务中心',
  ctgs: '大庆市城市建设投资开发有限公司', // the `reporter` user's unit
  jttz: '大庆市交通投资集团有限公司',
  ldZjj: '林甸县住房和城乡建设局',
} as const;

/** Ids of every unit in `DEMO_UNITS`, in one query: `const { zjj, jtj } = await demoUnits(t)`. */
export async function demoUnits(t: TestApp): Promise<Record<keyof typeof DEMO_UNITS, number>> {
  const rows = await t.database.db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('name', 'in', Object.values(DEMO_UNITS))
    .execute();
  const byName = new Map(rows.map((r) => [r.name, r.id]));
  return Object.fromEntries(
    Object.entries(DEMO_UNITS).map(([key, name]) => {
      const id = byName.get(name);
      if (id === undefined) throw new Error(`demo unit missing: ${name}`);
      return [key, id];
    }),
  ) as Record<keyof typeof DEMO_UNITS, number>;
}

let seq = 0;
const next = () => ++seq;

/** The response's JSON, once its status is the expected one. */
function body<T>(res: Response, status: number): T {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

// ---- organisation ----

/** Creates a region (an admin's job); its level and parent follow from the code unless given. */
export async function region(
  c: Client,
  o: { code: string; name?: string; level?: string; parentCode?: string | null },
): Promise<Region> {
  const [level, parentCode] =
    o.code.length === 9
      ? ['town', o.code.slice(0, 6)]
      : o.code.endsWith('0000')
        ? ['province', null]
        : o.code.endsWith('00')
          ? ['city', `${o.code.slice(0, 2)}0000`]
          : ['county', `${o.code.slice(0, 4)}00`];
  return body(await c.post('/api/regions', { name: `测试区划${o.code}`, level, parentCode, ...o }), 201);
}

/** Creates a unit, by default an "other" one in the city; other fields pass through. */
export async function unit(
  c: Client,
  o: { name?: string; type?: string; regionCode?: string; [field: string]: unknown } = {},
): Promise<Unit> {
  return body(
    await c.post('/api/units', { name: `测试单位${next()}`, type: 'other', regionCode: '230600', ...o }),
    201,
  );
}

/** Creates a person in `unitId`; other fields (title, phone, …) pass through. */
export async function person(
  c: Client,
  o: { unitId: number; name?: string; [field: string]: unknown },
): Promise<Person> {
  return body(await c.post('/api/people', { name: `测试人员${next()}`, ...o }), 201);
}

/** Creates a position in `unitId`, optionally held by `holderId` from today. */
export async function position(
  c: Client,
  o: { unitId: number; name?: string; holderId?: number | null },
): Promise<Position> {
  return body(await c.post('/api/positions', { name: `测试职务${next()}`, ...o }), 201);
}

/** Creates an account (by default a city reporter); returns it with its one-time password. */
export async function user(
  c: Client,
  o: {
    username?: string;
    role?: string;
    regionCode?: string;
    unitId?: number | null;
    [field: string]: unknown;
  } = {},
) {
  const n = next();
  return body<{ user: User; temporaryPassword: string }>(
    await c.post('/api/users', {
      username: `test_user_${n}`,
      displayName: `测试用户${n}`,
      role: 'reporter',
      regionCode: '230600',
      ...o,
    }),
    201,
  );
}

// ---- projects ----

/** An annual plan to approve: months (their sum is the plan) or an amount split pro rata. */
export interface BaselineOpts {
  year?: number; // default 2026
  monthly?: string[];
  plannedInvestment?: string; // default the sum of `monthly`, or 1200
  milestones?: { name: string; plannedDate: string }[];
  effectiveFrom?: string; // default January 1st of the year
}

/** Drafts and approves an annual plan (the office's job): the project's next baseline. */
export async function approveBaseline(
  c: Client,
  projectId: number,
  o: BaselineOpts = {},
): Promise<AnnualPlan> {
  const year = o.year ?? 2026;
  const plannedInvestment =
    o.plannedInvestment ??
    (o.monthly ? o.monthly.reduce((a, m) => a.plus(m), new Decimal(0)).toFixed(2) : '1200');
  const draft = body<AnnualPlan>(
    await c.put(`/api/projects/${projectId}/plans/${year}/draft`, {
      plannedInvestment,
      monthly: o.monthly,
      milestones: o.milestones ?? [],
    }),
    200,
  );
  return body<AnnualPlan>(
    await c.post(`/api/projects/${projectId}/plans/${year}/approve`, {
      version: draft.version,
      effectiveFrom: o.effectiveFrom ?? `${year}-01-01`,
    }),
    200,
  );
}

/**
 * A project to create. The chain fields set its 五个一 chain, `baseline` approves an annual plan
 * for it; everything else goes to the create body.
 */
export interface ProjectOpts {
  code?: string; // default P-<n>
  name?: string; // default `${code} 测试项目`
  regionCode?: string; // default 230600 (the city)
  sector?: string; // default 城乡建设
  investmentNature?: string; // default government
  totalInvestment?: string; // default 10000 (万元)
  ownerUnitId?: number | null;
  responsibleUnitId?: number;
  coUnitIds?: number[];
  leaderPositionId?: number;
  baseline?: BaselineOpts;
  [field: string]: unknown;
}

/**
 * Creates a project as `c` (an office or admin); when a chain field is given, sets its
 * responsibility chain, and with `baseline`, approves that annual plan (a project with a baseline).
 * Returns the project as the API last answered it.
 */
export async function cityProject(c: Client, o: ProjectOpts = {}): Promise<Project> {
  const { responsibleUnitId, coUnitIds, leaderPositionId, baseline, ...fields } = o;
  const code = fields.code ?? `P-${next()}`;
  let p = body<Project>(
    await c.post('/api/projects', {
      name: `${code} 测试项目`,
      regionCode: '230600',
      sector: '城乡建设',
      investmentNature: 'government',
      totalInvestment: '10000',
      // registered long enough ago to owe every month a test asks about (a new project owes from
      // the month it is registered: tests of that pass their own)
      reportsFrom: '2024-01',
      ...fields,
      code,
    }),
    201,
  );
  if (responsibleUnitId !== undefined || coUnitIds !== undefined || leaderPositionId !== undefined) {
    const chain = { version: p.version, responsibleUnitId, coUnitIds, leaderPositionId };
    p = body<Project>(await c.put(`/api/projects/${p.id}/responsibility`, chain), 200);
  }
  if (baseline) await approveBaseline(c, p.id, baseline);
  return p;
}

// ---- reports and items ----

/** How far a monthly report is taken: saved as a draft, submitted, or verified by an office. */
export interface ReportOpts {
  fields?: Record<string, unknown>; // the report's fields; default 100 万元, 按计划施工
  until?: 'draft' | 'submitted' | 'verified'; // default verified
  verifier?: Client; // who verifies; default `c`
}

/** Files `projectId`'s report of `month` (YYYY-MM) as `c`; returns it as the last step left it. */
export async function monthlyReport(
  c: Client,
  projectId: number,
  month: string,
  o: ReportOpts = {},
): Promise<MonthlyReport> {
  const url = `/api/projects/${projectId}/reports/${month}`;
  const fields = { investmentMonth: '100', physicalProgress: '按计划施工', ...o.fields };
  const draft = body<MonthlyReport>(await c.put(`${url}/draft`, fields), 200);
  if (o.until === 'draft') return draft;
  const submitted = body<MonthlyReport>(await c.post(`${url}/submit`, { version: draft.version }), 200);
  if (o.until === 'submitted') return submitted;
  return body<MonthlyReport>(
    await (o.verifier ?? c).post(`${url}/verify`, { version: submitted.version }),
    200,
  );
}

/** A supervised item's detail as the API answers it. */
export type ItemDetail = z.infer<typeof itemDetail>;

/**
 * Raises a supervised item as `c` (a problem about a funding gap unless told otherwise) and, with
 * `assign`, has `assign.by` (default `c`) assign it to a responsible unit.
 */
export async function supervisedItem(
  c: Client,
  o: {
    projectId?: number;
    assign?: { responsibleUnitId: number; coUnitIds?: number[]; by?: Client };
    [field: string]: unknown;
  } = {},
): Promise<ItemDetail> {
  const { assign, ...fields } = o;
  const raised = body<ItemDetail>(
    await c.post('/api/items', {
      category: '资金',
      title: '配套资金未到位',
      description: '市级配套资金 2000 万元尚未拨付',
      ...fields,
    }),
    201,
  );
  if (!assign) return raised;
  const { by = c, ...unitIds } = assign;
  return body<ItemDetail>(
    await by.post(`/api/items/${raised.item.id}/steps`, {
      action: 'assign',
      version: raised.item.version,
      ...unitIds,
    }),
    200,
  );
}

// ---- meetings ----

/**
 * A meeting series as `c` (an office): by default the city's monthly 例会 on the 15th, three
 * meetings from October 2026; other fields pass through to the body.
 */
export async function meetingSeries(
  c: Client,
  o: { [field: string]: unknown } = {},
): Promise<z.infer<typeof seriesDetail>> {
  return body(
    await c.post('/api/meeting-series', {
      type: 'monthly',
      title: `重点项目月度例会${next()}`,
      regionCode: '230600',
      startsOn: '2026-10-01',
      recurrence: { freq: 'monthly', day: 15 },
      end: { kind: 'count', count: 3 },
      place: '市政府第一会议室',
      ...o,
    }),
    201,
  );
}
