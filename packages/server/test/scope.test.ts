/**
 * What each role reads of records that reach beyond its scope (issue 11): a list's members, its
 * adjustments, export and trail; a month close and a county's rows of the city's close; the
 * regions a picker offers; who may change the settings every region shares. The access walk checks
 * the status of each route for every role; this file checks what the answers hold. Expectations
 * are written out by hand from DOMAIN §1 (offices and leaders their subtree, a unit its projects, a
 * reporter its unit's, inspectors and experts no projects).
 */
import type { MonthClose, ProjectListDetail } from '@ducha/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { ExcelJS } from '../src/platform/excel.ts';
import { cityProject, demoUnits, signInAs, type DemoRole } from './factories.ts';
import { createTestApp, expectError, type Client, type TestApp } from './helpers.ts';

let t: TestApp;
let c: Record<DemoRole, Client>;
const p = { cityUnit: 0, cityOther: 0, lindian: 0, lindianTown: 0 };
let listId = 0;
let draftId = 0;

const detail = async (who: DemoRole, id = listId) => {
  const res = await c[who].get(`/api/project-lists/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ProjectListDetail;
};
const codes = (l: ProjectListDetail) =>
  l.members
    .filter((m) => !m.removedAt)
    .map((m) => m.code)
    .sort();

beforeAll(async () => {
  t = await createTestApp();
  c = await signInAs(t);
  const u = await demoUnits(t);
  // the unit user's unit leads cityUnit, owned by the reporter's unit; the others are nobody's here
  p.cityUnit = (
    await cityProject(c.admin, { code: 'S-CITY-1', ownerUnitId: u.ctgs, responsibleUnitId: u.zjj })
  ).id;
  p.cityOther = (
    await cityProject(c.admin, { code: 'S-CITY-2', ownerUnitId: u.jttz, responsibleUnitId: u.jtj })
  ).id;
  p.lindian = (
    await cityProject(c.admin, { code: 'S-LD-1', regionCode: '230623', responsibleUnitId: u.ldZjj })
  ).id;
  p.lindianTown = (
    await cityProject(c.admin, { code: 'S-LD-2', regionCode: '230623100', responsibleUnitId: u.ldZjj })
  ).id;
  const list = await c.office.post('/api/project-lists', {
    year: 2026,
    level: 'city',
    name: '范围测试名单',
    regionCode: '230600',
  });
  listId = list.json().id;
  for (const id of Object.values(p))
    expect(
      (await c.office.post(`/api/project-lists/${listId}/members`, { projectId: id, batch: '在建' }))
        .statusCode,
    ).toBe(200);
  draftId = (
    await c.office.post('/api/project-lists', {
      year: 2026,
      level: 'city',
      name: '草稿名单',
      regionCode: '230600',
    })
  ).json().id;
  const version = (await detail('office')).version;
  expect((await c.office.post(`/api/project-lists/${listId}/publish`, { version })).statusCode).toBe(200);
  // a pending request on a city project, by the city office
  const req = await c.office.post(`/api/project-lists/${listId}/members/${p.cityOther}/remove`, {
    reason: '调出测试',
  });
  expect(req.statusCode, req.body).toBe(200);
  const close = await c.admin.post('/api/month-closes/230600/2026-10/run');
  expect(close.statusCode, close.body).toBe(200);
  return () => t.close();
});

describe('a list shows each reader only its members in scope, counting the rest', () => {
  it('the city office and the admin read every member, manage the list and read its trail', async () => {
    for (const who of ['admin', 'office', 'leader'] as const) {
      const l = await detail(who);
      expect(codes(l), who).toEqual(['S-CITY-1', 'S-CITY-2', 'S-LD-1', 'S-LD-2']);
      expect(l.hiddenMembers, who).toBe(0);
      expect(l.memberCount, who).toBe(4);
      expect(l.actions.timeline, who).toBe(true);
    }
    expect((await detail('office')).actions).toEqual({ manage: true, add: true, timeline: true });
    // a leader reads the whole list and changes nothing
    expect((await detail('leader')).actions).toEqual({ manage: false, add: false, timeline: true });
    expect((await detail('leader')).members.every((m) => !m.editable)).toBe(true);
  });

  it("林甸县's office sees its county's projects (its towns' too) on the city's list, and counts the rest", async () => {
    const l = await detail('office_lindian');
    expect(codes(l)).toEqual(['S-LD-1', 'S-LD-2']);
    expect(l.memberCount).toBe(4);
    expect(l.hiddenMembers).toBe(2);
    // it may propose changes for its own projects (a request: the list is published), nothing more
    expect(l.actions).toEqual({ manage: false, add: true, timeline: false });
    expect(l.members.every((m) => m.editable)).toBe(true);
    expect(JSON.stringify(l)).not.toContain('S-CITY');
  });

  it('a unit sees the projects it leads or co-operates on; a reporter its unit’s', async () => {
    const unit = await detail('unit');
    expect(codes(unit)).toEqual(['S-CITY-1']);
    expect(unit.hiddenMembers).toBe(3);
    expect(unit.actions).toEqual({ manage: false, add: true, timeline: false });
    expect(unit.members[0]!.editable).toBe(true);
    const reporter = await detail('reporter');
    expect(codes(reporter)).toEqual(['S-CITY-1']);
    expect(reporter.hiddenMembers).toBe(3);
    // a reporter does not change lists
    expect(reporter.actions).toEqual({ manage: false, add: false, timeline: false });
    expect(reporter.members[0]!.editable).toBe(false);
  });

  it('inspectors and experts read no list', async () => {
    for (const who of ['inspector', 'expert'] as const)
      expectError(await c[who].get(`/api/project-lists/${listId}`), 403, 'FORBIDDEN');
  });

  it('a county office reads a city draft list with nothing to manage', async () => {
    const l = await detail('office_lindian', draftId);
    expect(l.actions).toEqual({ manage: false, add: false, timeline: false });
  });

  it('the adjustments list only the projects one reads', async () => {
    const names = async (who: DemoRole) =>
      ((await c[who].get(`/api/project-lists/${listId}/adjustments`)).json() as { projectId: number }[]).map(
        (a) => a.projectId,
      );
    expect(await names('office')).toEqual([p.cityOther]);
    expect(await names('leader')).toEqual([p.cityOther]);
    expect(await names('office_lindian')).toEqual([]);
    expect(await names('unit')).toEqual([]);
    expect(await names('reporter')).toEqual([]);
  });

  it('the export holds what the page shows', async () => {
    const rows = async (who: DemoRole) => {
      const res = await c[who].get(`/api/project-lists/${listId}/export.xlsx`);
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const out: string[] = [];
      wb.getWorksheet('名单')!.eachRow((row, n) => {
        if (n > 1) out.push(String(row.getCell(3).value));
      });
      return out.sort();
    };
    expect(await rows('office')).toEqual(['S-CITY-1', 'S-CITY-2', 'S-LD-1', 'S-LD-2']);
    expect(await rows('office_lindian')).toEqual(['S-LD-1', 'S-LD-2']);
    expect(await rows('unit')).toEqual(['S-CITY-1']);
    expect(await rows('reporter')).toEqual(['S-CITY-1']);
  });

  it("the list's trail (it names every member) is for who reads the whole list", async () => {
    const url = `/api/audit?entity=project_list&id=${listId}`;
    for (const who of ['admin', 'office', 'leader'] as const) {
      const res = await c[who].get(url);
      expect(res.statusCode, who).toBe(200);
      expect(res.json().total).toBeGreaterThan(0);
    }
    for (const who of ['office_lindian', 'unit', 'reporter', 'inspector'] as const)
      expectError(await c[who].get(url), 403, 'OUT_OF_SCOPE');
  });
});

describe("a close is read by who holds its region; a county reads its rows of the city's", () => {
  const get = (who: DemoRole, url: string) => c[who].get(`/api/month-closes/${url}`);

  it("the city's close: the admin, the city office and the city's leader", async () => {
    for (const who of ['admin', 'office', 'leader'] as const) {
      const res = await get(who, '230600/2026-10');
      expect(res.statusCode, who).toBe(200);
      expect(res.json()).toMatchObject({ regionCode: '230600', closedByRegion: '230600' });
    }
    for (const who of ['office_lindian', 'unit', 'reporter'] as const)
      expectError(await get(who, '230600/2026-10'), 403, 'OUT_OF_SCOPE');
    for (const who of ['inspector', 'expert'] as const)
      expectError(await get(who, '230600/2026-10'), 403, 'FORBIDDEN');
  });

  it("林甸县 without a close of its own: 404, and with inherit its own rows of the city's close", async () => {
    expectError(await get('office_lindian', '230623/2026-10'), 404, 'NOT_FOUND');
    const res = await get('office_lindian', '230623/2026-10?inherit=true');
    expect(res.statusCode, res.body).toBe(200);
    const close = res.json() as MonthClose;
    expect(close).toMatchObject({
      regionCode: '230623',
      closedByRegion: '230600',
      closedByRegionName: '大庆市',
      year: 2026,
      month: 10,
    });
    // the county's two projects (the town's included), not the city's four
    expect(close.indicators.total![0]!.projects).toBe(2);
    expect(close.indicators.region!.map((r) => r.key).sort()).toEqual(['林甸县', '林甸镇']);
    expect(JSON.stringify(close.indicators)).not.toContain('大庆市交通运输局');
    const city = (await get('office', '230600/2026-10')).json() as MonthClose;
    expect(city.indicators.total![0]!.projects).toBe(4);
    // the city office reads the county's rows the same way
    expect((await get('office', '230623/2026-10?inherit=true')).json().indicators).toEqual(close.indicators);
    // latest opens on the city's newest close
    expect((await get('office_lindian', '230623/latest?inherit=true')).json()).toMatchObject({
      closedByRegion: '230600',
      month: 10,
    });
  });

  it('a region with no project in the close reads empty rows; a sibling county is not 林甸’s', async () => {
    const res = await get('office', '230621/2026-10?inherit=true');
    expect(res.statusCode).toBe(200);
    expect(res.json().indicators.total[0].projects).toBe(0);
    expectError(await get('office_lindian', '230621/2026-10?inherit=true'), 403, 'OUT_OF_SCOPE');
    for (const who of ['unit', 'reporter'] as const)
      expectError(await get(who, '230623/2026-10?inherit=true'), 403, 'OUT_OF_SCOPE');
  });

  it("a county's own close comes before the city's", async () => {
    expect((await c.office_lindian.post('/api/month-closes/230623/2026-10/run')).statusCode).toBe(200);
    const own = (await get('office_lindian', '230623/2026-10?inherit=true')).json() as MonthClose;
    expect(own).toMatchObject({
      regionCode: '230623',
      closedByRegion: '230623',
      closedByRegionName: '林甸县',
    });
    expect(own.indicators.total![0]!.projects).toBe(2);
    expect((await get('office_lindian', '230623/2026-10')).statusCode).toBe(200);
  });
});

describe('the months closed for a region: GET /api/month-closes/:regionCode', () => {
  const months = async (who: DemoRole, url: string) => {
    const res = await c[who].get(`/api/month-closes/${url}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { closedByRegion: string; year: number; month: number; status: string }[];
  };

  it("lists the city's months; a county's own close first, the city's with inherit, each month once", async () => {
    const city = await months('office', '230600');
    expect(city[0]).toMatchObject({ closedByRegion: '230600', year: 2026, month: 10, status: 'computed' });
    // 林甸县 closed October itself (above): its own listing has it, inherited or not, as its own
    expect(await months('office_lindian', '230623')).toEqual([
      { closedByRegion: '230623', year: 2026, month: 10, status: 'computed' },
    ]);
    const inherited = await months('office_lindian', '230623?inherit=true');
    expect(inherited.filter((m) => m.year === 2026 && m.month === 10)).toEqual([
      { closedByRegion: '230623', year: 2026, month: 10, status: 'computed' },
    ]);
    // a county that never closed: nothing of its own, the city's months with inherit
    expect(await months('office', '230621')).toEqual([]);
    expect((await months('office', '230621?inherit=true'))[0]).toMatchObject({ closedByRegion: '230600' });
  });

  it('under the read rule of the close itself', async () => {
    expectError(await c.office_lindian.get('/api/month-closes/230600'), 403, 'OUT_OF_SCOPE');
    expectError(await c.unit.get('/api/month-closes/230623?inherit=true'), 403, 'OUT_OF_SCOPE');
    expectError(await c.inspector.get('/api/month-closes/230600'), 403, 'FORBIDDEN');
    expectError(await c.office.get('/api/month-closes/999999'), 404, 'NOT_FOUND');
  });
});

describe('region pickers offer the caller’s subtree only', () => {
  const picked = async (who: DemoRole, q = '') =>
    ((await c[who].get(`/api/regions?inScope=true${q}`)).json().items as { code: string }[]).map(
      (r) => r.code,
    );

  it('a county is offered its county and towns, not the city or the province', async () => {
    expect(await picked('office_lindian')).toEqual([
      '230623',
      '230623100',
      '230623101',
      '230623102',
      '230623103',
    ]);
    expect(await picked('office_lindian', '&under=230600')).toEqual([
      '230623',
      '230623100',
      '230623101',
      '230623102',
      '230623103',
    ]);
    expect(await picked('office_lindian', '&under=230621')).toEqual([]);
  });

  it('the city is offered the city and below, not the province; the admin everything', async () => {
    const city = await picked('office');
    expect(city[0]).toBe('230600');
    expect(city).not.toContain('230000');
    expect(city).toEqual(expect.arrayContaining(['230621', '230623', '230623103']));
    expect(await picked('admin')).toContain('230000');
  });
});

describe('settings every region shares: the admin and the home office, never a county', () => {
  it('says who may change them', async () => {
    const info = async (who: DemoRole) => (await c[who].get('/api/shared-settings')).json();
    expect(await info('office')).toEqual({ editable: true, regionCode: '230600', regionName: '大庆市' });
    expect(await info('admin')).toMatchObject({ editable: true });
    for (const who of ['office_lindian', 'leader', 'unit', 'reporter', 'inspector', 'expert'] as const)
      expect(await info(who), who).toMatchObject({ editable: false, regionCode: '230600' });
  });

  it("林甸县 may not move the city's deadlines, set the items' deadlines or add to a dictionary", async () => {
    expectError(
      await c.office_lindian.put('/api/calendar-corrections/2026-12-08', { work: false, note: '县里休息' }),
      403,
      'FORBIDDEN',
    );
    expect((await c.office.get('/api/calendar-corrections?year=2026')).json()).toEqual([]);
    // the refusal says whose the setting is
    const refused = await c.office_lindian.delete('/api/calendar-corrections/2026-12-08');
    expectError(refused, 403, 'FORBIDDEN', 'body');
    expect(refused.json().error.details[0].message).toBe(
      '该设置由全部区划共用，只有系统管理员和大庆市重点办可以修改',
    );
    const s = (await c.office_lindian.get('/api/item-settings')).json();
    expectError(
      await c.office_lindian.put('/api/item-settings', { ...s, responseDays: 9 }),
      403,
      'FORBIDDEN',
    );
    expect((await c.office.get('/api/item-settings')).json()).toEqual(s);
    expectError(
      await c.office_lindian.post('/api/dictionaries', { kind: 'tag', label: '县级标签' }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await c.office_lindian.patch(`/api/dictionaries/tag/${encodeURIComponent('专项债项目')}`, {
        version: 1,
        sort: 1,
      }),
      403,
      'FORBIDDEN',
    );
  });
});

describe('items without a project are placed within the raiser’s reach', () => {
  const body = (regionCode: string) => ({
    kind: 'problem',
    regionCode,
    category: '其他',
    title: '无项目问题',
    description: '无项目问题描述',
  });

  it('a city unit raises in the city, not in a county (it raises there on a project)', async () => {
    expect((await c.unit.post('/api/items', body('230600'))).statusCode).toBe(201);
    expectError(await c.unit.post('/api/items', body('230622')), 403, 'OUT_OF_SCOPE');
    expectError(await c.unit.post('/api/items', body('230623')), 403, 'OUT_OF_SCOPE');
    // offices and leaders place it anywhere in their subtree
    expect((await c.office.post('/api/items', body('230622'))).statusCode).toBe(201);
    expect((await c.leader.post('/api/items', body('230622'))).statusCode).toBe(201);
    expect((await c.office_lindian.post('/api/items', body('230623100'))).statusCode).toBe(201);
    expectError(await c.office_lindian.post('/api/items', body('230600')), 403, 'OUT_OF_SCOPE');
  });
});
