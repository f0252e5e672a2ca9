/**
 * The access walk of inspections' routes (issue 14), by part: each part (library, draws,
 * procedure, groups, public) exports an `AccessPart` with its own fixtures, built on the shared base
 * (the demo organisation, every demo role signed in, a city and a 林甸 project, the expert's and the
 * inspector's user ids), and its cases written out by hand from DOMAIN §1 and §7. access.test.ts
 * counts these routes as covered; access-inspections.test.ts walks them.
 */
import type { Client, TestApp } from '../helpers.ts';
import type { DemoRole } from '../factories.ts';

export type U = DemoRole;

export interface Base {
  t: TestApp;
  clients: Map<U, Client>;
  /** user ids by demo role */
  userIds: Map<U, number>;
  unitCity: number; // 大庆市住房和城乡建设局 (the `unit` user's unit), region 230600
  unitLindian: number; // 林甸县住房和城乡建设局, region 230623
  reporterUnit: number; // 大庆市城市建设投资开发有限公司 (the `reporter` user's unit)
  projCity: number; // region 230600, led by unitCity, owned by the reporter's unit
  projLindian: number; // region 230623, led by unitLindian
  seq: { n: number };
}

export interface Case<F> {
  route: string; // 'METHOD /api/pattern' as registered
  url: (f: F, u: U) => string;
  body?: (f: F, u: U) => Promise<unknown> | unknown;
  /** runs before each role's attempt (e.g. a fresh record to act on) */
  before?: (f: F, u: U) => Promise<void>;
  ok: readonly U[];
  note: string;
  headers?: Record<string, string>;
}

export interface AccessPart<F> {
  name: string;
  setup: (base: Base) => Promise<F>;
  cases: Case<F>[];
  /** routes this part registers that answer without a session (its public reads) */
  publicRoutes?: string[];
}

/** Every role, and the usual groups, for writing `ok` lists. */
export const all: readonly U[] = [
  'admin',
  'office',
  'office_lindian',
  'leader',
  'unit',
  'reporter',
  'inspector',
  'expert',
];
export const cityOffice: readonly U[] = ['admin', 'office'];
