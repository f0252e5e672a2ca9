/**
 * Fast reads (issue 12, the lists), over HTTP against the demo city: every list gives the same pages
 * whether it sorts the whole filtered set (a set counted at most EXACT_TOTAL_LIMIT rows) or reads it
 * in index order (a larger one, month by month for the reports) — checked by lowering the limit, so
 * the demo's small sets take every way; a page past the end still counts; the light board's order
 * comes from `lights.project_code`, which the close writes and a light written without one gets; the
 * reporting calendars and the region paths are cached, and a change shows at once.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoProjects } from '../src/modules/projects/demo-projects.ts';
import { seedDemoReports } from '../src/modules/reports/demo-reports.ts';
import { EXACT_TOTAL_LIMIT, exactTotals } from '../src/platform/records.ts';
import { cityProject, region, signInAs } from './factories.ts';
import { createTestApp, expectError, type Client, type TestApp } from './helpers.ts';

let t: TestApp;
let c: Record<'admin' | 'office' | 'office_lindian' | 'leader' | 'unit' | 'reporter', Client>;
let lindianProject: number;
let cityUnit: number;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoProjects(t.database.db);
  await seedDemoReports(t.database.db);
  c = await signInAs(t, 'admin', 'office', 'office_lindian', 'leader', 'unit', 'reporter');
  const projects = await t.database.db
    .selectFrom('projects')
    .select(['id', 'region_code', 'responsible_unit_id'])
    .orderBy('id')
    .execute();
  lindianProject = projects.find((p) => p.region_code === '230623')!.id;
  cityUnit = projects.find((p) => p.region_code === '230600' && p.responsible_unit_id)!.responsible_unit_id!;
}, 180_000);
afterAll(() => t.close());
afterEach(() => {
  exactTotals.limit = EXACT_TOTAL_LIMIT;
});

/** A row's key: a field, or made of several (a list's history has no one unique field). */
type Key = string | ((row: Record<string, unknown>) => unknown);
type Page = { items: Record<string, unknown>[]; total: number; totalIsEstimate?: boolean };

const sep = (url: string) => (url.includes('?') ? '&' : '?');

/** Every page of a list (about ten pages, until an empty one), as the keys of its rows in order. */
async function pages(client: Client, url: string, key: Key, pageSize: number) {
  const keys: unknown[] = [];
  const totals: Page[] = [];
  for (let page = 1; page < 200; page++) {
    const res = await client.get(`${url}${sep(url)}pageSize=${pageSize}&page=${page}`);
    expect(res.statusCode, `${url} ${res.body}`).toBe(200);
    const body = res.json() as Page;
    totals.push(body);
    if (!body.items.length) break;
    keys.push(...body.items.map((i) => (typeof key === 'string' ? i[key] : key(i))));
  }
  return { keys, total: totals[0]!.total, estimated: totals.some((p) => p.totalIsEstimate) };
}

/** The same list read three ways: sorted whole, in index order (limit 0), and both (limit 40). */
async function sameEveryWay(client: Client, url: string, key: Key, exactPastLimit = false) {
  const { total } = (await client.get(`${url}${sep(url)}pageSize=1`)).json() as Page;
  const pageSize = Math.max(7, Math.ceil(total / 10));
  const sorted = await pages(client, url, key, pageSize);
  expect(sorted.estimated).toBe(false);
  expect(sorted.keys).toHaveLength(sorted.total);
  expect(new Set(sorted.keys).size).toBe(sorted.keys.length);
  for (const limit of [0, 40]) {
    exactTotals.limit = limit;
    const other = await pages(client, url, key, pageSize);
    exactTotals.limit = EXACT_TOTAL_LIMIT;
    expect(other.keys, `${url} with the exact limit at ${limit}`).toEqual(sorted.keys);
    if (exactPastLimit) expect([other.estimated, other.total]).toEqual([false, sorted.total]);
    else if (sorted.total > limit) expect(other.estimated).toBe(true);
  }
  return sorted;
}

const roles = ['admin', 'office', 'office_lindian', 'leader', 'unit', 'reporter'] as const;

describe('the same pages sorted whole or read in index order', () => {
  const projectUrls = [
    '/api/projects',
    '/api/projects?sort=name',
    '/api/projects?sort=totalInvestment',
    '/api/projects?sort=-totalInvestment',
    '/api/projects?sort=stage',
    '/api/projects?includeInactive=true&sort=-totalInvestment',
    '/api/projects?regionCode=230623',
    `/api/projects?sector=${encodeURIComponent('工业')}&sort=name`,
    '/api/projects?year=2026',
    `/api/projects?q=${encodeURIComponent('项目')}`,
  ];
  it.each(projectUrls)('%s', async (url) => {
    for (const role of roles) await sameEveryWay(c[role], url, 'id');
  });

  it('the projects of a lead or co-operating unit', async () => {
    const { total } = await sameEveryWay(c.office, `/api/projects?unitId=${cityUnit}`, 'id');
    expect(total).toBeGreaterThan(0);
  });

  const lightUrls = [
    '/api/lights?month=2026-09',
    '/api/lights?month=2026-10',
    '/api/lights?month=2026-09&color=yellow',
    '/api/lights?month=2026-09&color=green',
    '/api/lights?month=2026-09&reason=LAG',
    '/api/lights?month=2026-09&regionCode=230623',
  ];
  it.each(lightUrls)('%s', async (url) => {
    for (const role of roles) await sameEveryWay(c[role], url, 'projectId');
  });

  it('the light board: reds, yellows, greens, each by project code', async () => {
    const { keys } = await sameEveryWay(c.office, '/api/lights?month=2026-09', 'projectId');
    const board = (await c.office.get('/api/lights?month=2026-09&pageSize=500')).json() as {
      items: { projectId: number; projectCode: string; color: string }[];
    };
    expect(board.items.map((l) => l.projectId)).toEqual(keys);
    const rank = { red: 0, yellow: 1, green: 2 } as Record<string, number>;
    const order = board.items.map((l) => [rank[l.color]!, l.projectCode] as const);
    expect(order).toEqual([...order].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1)));
  });

  const reportUrls = [
    '/api/reports',
    '/api/reports?month=2026-09',
    '/api/reports?month=2026-10&status=submitted',
    '/api/reports?status=verified',
  ];
  it.each(reportUrls)(
    '%s',
    async (url) => {
      for (const role of roles) await sameEveryWay(c[role], url, 'id');
    },
    120_000,
  );

  it('one project’s reports, newest month first', async () => {
    const { keys } = await sameEveryWay(c.office_lindian, `/api/reports?projectId=${lindianProject}`, 'id');
    expect(keys.length).toBeGreaterThan(3);
  });

  it('the audit log and a timeline count to the limit and estimate past it', async () => {
    const timeline = `/api/audit?entity=project&id=${lindianProject}`;
    const all = (await c.admin.get(`${timeline}&pageSize=100`)).json() as Page;
    expect(all.items.length).toBeGreaterThan(2);
    exactTotals.limit = 2;
    const cut = (await c.admin.get(`${timeline}&pageSize=100`)).json() as Page;
    expect(cut.totalIsEstimate).toBe(true);
    expect(cut.total).toBeGreaterThanOrEqual(3);
    expect(cut.items).toEqual(all.items);
  });
});

interface Member {
  projectId: number;
  code: string;
  name: string;
  batch: string;
  addedAt: string;
  removedAt: string | null;
  editable: boolean;
}
const stay = (m: Record<string, unknown> | Member) =>
  `${m.projectId}/${m.batch}/${m.addedAt}/${m.removedAt}/${m.editable}`;

describe("a list's members, a page at a time", () => {
  beforeAll(async () => {
    // a third list with history: a published list of next year, one member re-batched, one removed
    const list = await c.office.post('/api/project-lists', {
      year: 2027,
      level: 'city',
      name: '2027年市重点项目（测试）',
      regionCode: '230600',
    });
    expect(list.statusCode, list.body).toBe(201);
    const id = list.json().id as number;
    const projects = (await c.office.get('/api/projects?pageSize=40&sort=name')).json().items as {
      id: number;
    }[];
    for (const [i, p] of projects.entries()) {
      const res = await c.office.post(`/api/project-lists/${id}/members`, {
        projectId: p.id,
        batch: ['在建', '新开工', '重大前期'][i % 3],
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const published = await c.office.post(`/api/project-lists/${id}/publish`, {
      version: list.json().version,
    });
    expect(published.statusCode, published.body).toBe(200);
    const change = await c.office.patch(`/api/project-lists/${id}/members/${projects[0]!.id}`, {
      batch: '重大前期',
      reason: '调整批次',
    });
    const removal = await c.office.post(`/api/project-lists/${id}/members/${projects[1]!.id}/remove`, {
      reason: '调出',
    });
    for (const r of [change, removal]) {
      expect(r.statusCode, r.body).toBe(200);
      const ok = await c.admin.post(`/api/list-adjustments/${r.json().adjustment.id}/decide`, {
        approve: true,
      });
      expect(ok.statusCode, ok.body).toBe(200);
    }
  });

  it('are the members the whole detail names, each way, for every reader of every list', async () => {
    const lists = (await c.admin.get('/api/project-lists')).json().items as {
      id: number;
      batches: string[];
    }[];
    expect(lists.length).toBeGreaterThan(2);
    let read = 0;
    for (const l of lists)
      for (const who of roles) {
        const res = await c[who].get(`/api/project-lists/${l.id}`);
        if (res.statusCode === 403) continue;
        expect(res.statusCode, res.body).toBe(200);
        const detail = res.json() as { members: Member[]; hiddenMembers: number; memberCount: number };
        const url = `/api/project-lists/${l.id}/members`;
        const current = detail.members.filter((m) => !m.removedAt);
        // current members in the detail's order (project code), the same rows; the total is
        // exact past the limit too (the batch counts)
        const page = await sameEveryWay(c[who], url, stay, true);
        expect(page.keys, `${who} list ${l.id}`).toEqual(current.map(stay));
        // the history: every stay, newest first
        const history = await sameEveryWay(c[who], `${url}?history=true`, stay);
        expect([...history.keys].sort(), `${who} list ${l.id}`).toEqual(detail.members.map(stay).sort());
        const first = (await c[who].get(`${url}?history=1&pageSize=500`)).json().items as Member[];
        expect(first.map((m) => m.addedAt)).toEqual(
          first
            .map((m) => m.addedAt)
            .sort()
            .reverse(),
        );
        // the batch filter and its counts
        const body = (await c[who].get(url)).json();
        for (const b of l.batches) {
          const of = current.filter((m) => m.batch === b);
          expect(body.batchCounts[b], `${who} list ${l.id} ${b}`).toBe(of.length);
          const one = await c[who].get(`${url}?batch=${encodeURIComponent(b)}&pageSize=500`);
          expect(one.json().items.map(stay)).toEqual(of.map(stay));
        }
        expect(Object.keys(body.batchCounts).sort()).toEqual([...l.batches].sort());
        // the header alone counts the same members out of sight
        const header = (await c[who].get(`/api/project-lists/${l.id}?members=none`)).json();
        expect(header.members).toBeUndefined();
        expect(header.hiddenMembers, `${who} list ${l.id}`).toBe(detail.hiddenMembers);
        read++;
      }
    expect(read).toBeGreaterThan(lists.length);
  }, 300_000);

  it('finds members by code or name, and nothing of what the reader may not see', async () => {
    const lists = (await c.admin.get('/api/project-lists')).json().items as {
      id: number;
      memberCount: number;
    }[];
    const big = lists.reduce((a, b) => (b.memberCount > a.memberCount ? b : a));
    const url = `/api/project-lists/${big.id}/members`;
    const every = (await c.admin.get(`${url}?pageSize=500`)).json().items as Member[];
    const sample = every[Math.floor(every.length / 2)]!;
    const word = sample.name.slice(2, 5);
    const byName = (await c.admin.get(`${url}?pageSize=500&q=${encodeURIComponent(word)}`)).json();
    expect(byName.items.map((m: Member) => m.code)).toEqual(
      every.filter((m) => m.name.includes(word) || m.code.includes(word)).map((m) => m.code),
    );
    expect(byName.total).toBe(byName.items.length);
    const byCode = (await c.admin.get(`${url}?q=${encodeURIComponent(sample.code)}`)).json();
    expect(byCode.items.map((m: Member) => m.code)).toContain(sample.code);
    // 林甸县 searches the city's list for a project of another county: nothing, however it asks
    const lindian = (await c.office_lindian.get(`${url}?pageSize=500`)).json().items as Member[];
    const outside = every.find((m) => !lindian.some((x) => x.projectId === m.projectId));
    if (outside) {
      const res = await c.office_lindian.get(`${url}?q=${encodeURIComponent(outside.code)}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().items).toEqual([]);
      expect(res.body).not.toContain(outside.name);
    }
  });

  it('refuses a bad page at its field, an unknown list, and readers without lists', async () => {
    const lists = (await c.admin.get('/api/project-lists')).json().items as { id: number }[];
    const url = `/api/project-lists/${lists[0]!.id}/members`;
    expectError(await c.office.get(`${url}?pageSize=0`), 400, 'VALIDATION', 'querystring.pageSize');
    expectError(await c.office.get(`${url}?history=maybe`), 400, 'VALIDATION', 'querystring.history');
    expectError(
      await c.office.get(`/api/project-lists/${lists[0]!.id}?members=some`),
      400,
      'VALIDATION',
      'querystring.members',
    );
    expectError(await c.office.get('/api/project-lists/999999/members'), 404, 'NOT_FOUND');
  });
});

describe('past the end, and empty', () => {
  it('a page past the last one is empty and still counts the set', async () => {
    const first = (await c.office.get('/api/projects?pageSize=10')).json() as Page;
    const far = (await c.office.get('/api/projects?pageSize=10&page=500')).json() as Page;
    expect(far).toEqual({ items: [], total: first.total });
    const reports = (await c.office.get('/api/reports?month=2026-09&pageSize=10')).json() as Page;
    const past = (await c.office.get('/api/reports?month=2026-09&pageSize=10&page=500')).json() as Page;
    expect(past).toEqual({ items: [], total: reports.total });
  });

  it('nothing matches: no rows, total 0, either way', async () => {
    for (const limit of [EXACT_TOTAL_LIMIT, 0]) {
      exactTotals.limit = limit;
      const none = (await c.office.get('/api/projects?q=no-such-project-here')).json() as Page;
      expect(none).toEqual({ items: [], total: 0 });
      const lights = (await c.office.get('/api/lights?month=2026-09&q=no-such-project')).json() as Page;
      expect(lights).toEqual({ items: [], total: 0 });
    }
  });
});

describe('the board’s code beside each light', () => {
  it('the close writes each light’s project code', async () => {
    const wrong = await t.database.db
      .selectFrom('lights as l')
      .innerJoin('projects as p', 'p.id', 'l.project_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => eb.or([eb('l.project_code', 'is', null), eb('l.project_code', '<>', eb.ref('p.code'))]))
      .executeTakeFirstOrThrow();
    expect(Number(wrong.n)).toBe(0);
  });

  it('a light written without one gets it from its project', async () => {
    const p = await cityProject(c.office, { code: 'LIGHT-CODE-1' });
    await t.database.db
      .insertInto('lights')
      .values({
        project_id: p.id,
        year: 2025,
        month: 3,
        computed: 'green',
        reasons: '[]',
        streak: 0,
        red_streak: 0,
        referral: false,
        planned_to_date: '0',
        done_to_date: '0',
        closed_by_region: '230600',
      })
      .execute();
    const row = await t.database.db
      .selectFrom('lights')
      .select('project_code')
      .where('project_id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(row.project_code).toBe('LIGHT-CODE-1');
  });
});

describe('cached settings change at once', () => {
  it('a new reporting calendar moves the deadlines the lists show', async () => {
    const url = `/api/projects/${lindianProject}/reports/2026-11`;
    const before = (await c.office_lindian.get(url)).json() as { deadline: string };
    const list = async () =>
      (
        (await c.office_lindian.get(`/api/reports?projectId=${lindianProject}&pageSize=50`)).json() as {
          items: { month: number; year: number; deadline: string }[];
        }
      ).items.find((r) => r.year === 2026 && r.month === 10)?.deadline;
    const listBefore = await list();
    const cal = (await c.office_lindian.get('/api/reporting-calendars/230623/2026')).json() as {
      version: number;
    };
    const saved = await c.office_lindian.put('/api/reporting-calendars/230623/2026', {
      version: cal.version,
      deadlineDay: 20,
      aggregationDay: 25,
      rollToWorkingDay: false,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = (await c.office_lindian.get(url)).json() as { deadline: string };
    expect(after.deadline).not.toBe(before.deadline);
    expect(after.deadline).toBe('2026-12-20');
    if (listBefore) expect(await list()).toBe('2026-11-20');
  });

  it('a region created since the paths were cached is found', async () => {
    await c.office.get('/api/reports/overdue?month=2026-10'); // the paths are cached now
    const town = await region(c.admin, { code: '230623199', name: '新设镇' });
    const p = await cityProject(c.office, { code: 'NEW-TOWN-1', regionCode: town.code });
    const overdue = (await c.office.get('/api/reports/overdue?month=2026-10')).json() as {
      projectId: number;
      regionName: string;
      deadline: string;
    }[];
    const row = overdue.find((o) => o.projectId === p.id);
    expect(row?.regionName).toBe('新设镇');
  });
});
