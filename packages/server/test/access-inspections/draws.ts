/**
 * Access cases of inspections: draws (see harness.ts). The office over the draw's region runs it
 * (the city office the city's and 林甸's, the 林甸 office only 林甸's), the admin anywhere; offices
 * and leaders read their subtree's; nobody else but through the public pages, which answer without
 * a session.
 */
import type { DrawCreate } from '@ducha/contract';
import { createDrawInspections, runDraw } from '../../src/modules/inspections/draw-run.ts';
import { createDraw, publishDraw } from '../../src/modules/inspections/draws.ts';
import { ctxOf, planWithExperts, VALUES } from '../inspection-draws-fixtures.ts';
import type { AccessPart, Base, U } from './harness.ts';
import { cityOffice } from './harness.ts';

interface F extends Base {
  city: DrawCreate;
  lindian: DrawCreate;
  cityDrawn: number;
  lindianDraft: number;
  cur: number;
}

const sources = (on: string) => [
  { name: '中国福利彩票双色球', description: '开奖号码', on, ordered: false },
  { name: '上证综合指数收盘点位', description: '收盘点位', on, ordered: false },
];

async function plan(base: Base, regionCode: string, year: number, projectId: number): Promise<DrawCreate> {
  const p = await planWithExperts(base.t, regionCode, year);
  return {
    planId: p.planId,
    title: `${regionCode} 双随机抽取`,
    siteOn: null,
    projects: [{ themeId: p.themeIds[0]!, count: 1, projectIds: [projectId] }],
    experts: [{ specialty: '工程造价', count: 1 }],
    sources: sources('2099-12-31'),
  };
}

/** A draw of `body` as the city office, taken to `until` (sources dated 2026-03-03, before today). */
async function made(f: Base, body: DrawCreate, until: 'draft' | 'published' | 'drawn' | 'future') {
  const db = f.t.database.db;
  const ctx = await ctxOf(f.t, 'office');
  if (until === 'draft' || until === 'future') return createDraw(db, ctx, body);
  const id = await createDraw(db, ctx, { ...body, sources: sources('2026-03-03') });
  await publishDraw(db, ctx, id, 1, '2026-03-01');
  if (until === 'drawn') await runDraw(db, ctx, id, { version: 2, values: VALUES });
  return id;
}

const fresh =
  (which: 'city' | 'lindian', until: 'draft' | 'published' | 'drawn' | 'future') => async (f: F, _u: U) => {
    f.cur = await made(f, f[which], until);
  };

const readers: readonly U[] = ['admin', 'office', 'leader'];

export const draws: AccessPart<F> = {
  name: 'draws',
  setup: async (base) => {
    const city = await plan(base, '230600', 2040, base.projCity);
    const lindian = await plan(base, '230623', 2041, base.projLindian);
    const f = { ...base, city, lindian, cityDrawn: 0, lindianDraft: 0, cur: 0 };
    f.cityDrawn = await made(f, city, 'drawn');
    await createDrawInspections(base.t.database.db, await ctxOf(base.t, 'office'), f.cityDrawn, 3);
    f.lindianDraft = await made(f, lindian, 'draft');
    f.cur = f.lindianDraft;
    return f;
  },
  cases: [
    {
      route: 'GET /api/draws',
      url: () => '/api/draws',
      ok: ['admin', 'office', 'office_lindian', 'leader'],
      note: 'offices and leaders list their subtree; others only see the public pages',
    },
    {
      route: 'POST /api/draws',
      url: () => '/api/draws',
      body: (f) => f.city,
      ok: cityOffice,
      note: 'a city plan’s draft: the city office',
    },
    {
      route: 'POST /api/draws',
      url: () => '/api/draws',
      body: (f) => f.lindian,
      ok: ['admin', 'office', 'office_lindian'],
      note: 'a 林甸 plan’s draft: the city office and 林甸’s',
    },
    {
      route: 'GET /api/draws/:id',
      url: (f) => `/api/draws/${f.cityDrawn}`,
      ok: readers,
      note: 'a city draw: not 林甸’s office',
    },
    {
      route: 'GET /api/draws/:id',
      url: (f) => `/api/draws/${f.lindianDraft}`,
      ok: ['admin', 'office', 'office_lindian', 'leader'],
      note: 'a 林甸 draw',
    },
    {
      route: 'PUT /api/draws/:id',
      url: (f) => `/api/draws/${f.cur}`,
      before: fresh('city', 'draft'),
      body: (f) => ({ ...f.city, planId: undefined, version: 1 }),
      ok: cityOffice,
      note: 'edit a city draft',
    },
    {
      route: 'POST /api/draws/:id/publish',
      url: (f) => `/api/draws/${f.cur}/publish`,
      before: fresh('city', 'future'),
      body: () => ({ version: 1 }),
      ok: cityOffice,
      note: 'publish a city draft',
    },
    {
      route: 'POST /api/draws/:id/publish',
      url: (f) => `/api/draws/${f.cur}/publish`,
      before: fresh('lindian', 'future'),
      body: () => ({ version: 1 }),
      ok: ['admin', 'office', 'office_lindian'],
      note: 'publish a 林甸 draft',
    },
    {
      route: 'POST /api/draws/:id/draw',
      url: (f) => `/api/draws/${f.cur}/draw`,
      before: fresh('city', 'published'),
      body: () => ({ version: 2, values: VALUES }),
      ok: cityOffice,
      note: 'enter the sources and draw a city draw',
    },
    {
      route: 'POST /api/draws/:id/picks/:ordinal/decline',
      url: (f) => `/api/draws/${f.cur}/picks/2/decline`,
      before: fresh('city', 'drawn'),
      body: () => ({ version: 3, reason: '回避' }),
      ok: cityOffice,
      note: 'the drawn expert (pick 2) declines',
    },
    {
      route: 'POST /api/draws/:id/inspections',
      url: (f) => `/api/draws/${f.cur}/inspections`,
      before: fresh('city', 'drawn'),
      body: () => ({ version: 3 }),
      ok: cityOffice,
      note: 'create the inspections of a city draw',
    },
    {
      route: 'GET /api/draws/:id/verify',
      url: (f) => `/api/draws/${f.cityDrawn}/verify`,
      ok: readers,
      note: 'verify a city draw',
    },
    {
      route: 'GET /api/draws/:id/document',
      url: (f) => `/api/draws/${f.cityDrawn}/document`,
      ok: readers,
      note: 'a city draw’s document',
    },
  ],
  publicRoutes: [
    'GET /api/public/plans',
    'GET /api/public/plans/:id',
    'GET /api/public/draws',
    'GET /api/public/draws/:id',
    'GET /api/public/results',
  ],
};
