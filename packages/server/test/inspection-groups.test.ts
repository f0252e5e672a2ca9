/**
 * Inspection groups (督查组) and their weekly site records against a real database: forming a group
 * (members and projects checked, in its region), who sees it (its region, its own people), weekly
 * records (one per project and week, the week's Monday, not ahead of time), the problems a record
 * raises landing in the ledger in the record's transaction (and nothing left behind when refused), the
 * month summary, versions, photos and the audit trail; and the organisation's leading groups.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../src/platform/calendar.ts';
import { todayInChina } from '../src/platform/time.ts';
import { mondayOf } from '../src/modules/inspections/group-rules.ts';
import { cityProject, demoUnits, person, signInAs, type DemoRole } from './factories.ts';
import { createTestApp, type Client, type TestApp } from './helpers.ts';

let t: TestApp;
let c: Record<DemoRole, Client>;
let units: Awaited<ReturnType<typeof demoUnits>>;
let inspectorPerson: number;
let projCity: number;
let projOther: number;
let projLindian: number;
const today = todayInChina();
const thisWeek = mondayOf(today);

const audits = (entity: string, id: number) =>
  t.database.db
    .selectFrom('audit_events')
    .select(['action'])
    .where('entity', '=', entity)
    .where('entity_id', '=', String(id))
    .orderBy('seq')
    .execute();

beforeAll(async () => {
  t = await createTestApp();
  c = await signInAs(t);
  units = await demoUnits(t);
  inspectorPerson = (
    await t.database.db
      .selectFrom('users')
      .select('person_id')
      .where('username', '=', 'inspector')
      .executeTakeFirstOrThrow()
  ).person_id!;
  projCity = (await cityProject(c.admin, { responsibleUnitId: units.zjj })).id;
  projOther = (await cityProject(c.admin, { responsibleUnitId: units.jtj })).id;
  projLindian = (await cityProject(c.admin, { regionCode: '230623', responsibleUnitId: units.ldZjj })).id;
});
afterAll(() => t?.close());

async function cityGroup(extra: Record<string, unknown> = {}) {
  const res = await c.office.post('/api/inspection-groups', {
    regionCode: '230600',
    year: 2026,
    name: `城建项目督查组${Math.random().toString(36).slice(2, 6)}`,
    sector: '城乡建设',
    leaderPersonId: null,
    memberPersonIds: [inspectorPerson],
    projectIds: [projCity, projLindian],
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('forming a group', () => {
  it('keeps its members and projects, and audits the creation', async () => {
    const g = await cityGroup();
    expect(g.members.map((m: { personId: number }) => m.personId)).toEqual([inspectorPerson]);
    expect(g.members[0].name).toBe('段晓川');
    expect(g.projects.map((p: { id: number }) => p.id).sort()).toEqual([projCity, projLindian].sort());
    expect([g.memberCount, g.projectCount, g.canManage, g.canRecord]).toEqual([1, 2, true, true]);
    expect(await audits('inspection_group', g.id)).toEqual([{ action: 'create' }]);
  });

  it('refuses projects outside its region and unknown people, at their fields', async () => {
    const county = await c.office_lindian.post('/api/inspection-groups', {
      regionCode: '230623',
      year: 2026,
      name: '林甸县工业项目督查组',
      sector: '工业',
      projectIds: [projCity],
    });
    expect(county.statusCode).toBe(400);
    expect(county.json().error.details[0].path).toBe('body.projectIds');
    const nobody = await c.office.post('/api/inspection-groups', {
      regionCode: '230600',
      year: 2026,
      name: '无人组',
      sector: '工业',
      memberPersonIds: [999999],
    });
    expect([nobody.statusCode, nobody.json().error.details[0].path]).toEqual([400, 'body.memberPersonIds']);
  });

  it('is formed by the office over its region only', async () => {
    const body = { regionCode: '230600', year: 2026, name: '越权组', sector: '工业' };
    expect((await c.office_lindian.post('/api/inspection-groups', body)).statusCode).toBe(403);
    expect((await c.unit.post('/api/inspection-groups', body)).statusCode).toBe(403);
  });

  it('is edited with its version: a stale one is refused, members replaced', async () => {
    const g = await cityGroup();
    const other = await person(c.admin, { unitId: units.zjj, name: '韩玉明' });
    const ok = await c.office.patch(`/api/inspection-groups/${g.id}`, {
      version: g.version,
      memberPersonIds: [other.id, inspectorPerson],
      leaderPersonId: other.id,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().leaderName).toBe('韩玉明');
    expect(ok.json().memberCount).toBe(2);
    const stale = await c.office.patch(`/api/inspection-groups/${g.id}`, {
      version: g.version,
      name: '旧版本',
    });
    expect(stale.statusCode).toBe(409);
  });
});

describe('who sees a group', () => {
  it('its region subtree and its own people; the inspector lists only its groups', async () => {
    const g = await cityGroup();
    const lindian = (
      await c.office_lindian.post('/api/inspection-groups', {
        regionCode: '230623',
        year: 2026,
        name: '林甸县社会事业项目督查组',
        sector: '社会事业',
        projectIds: [projLindian],
      })
    ).json();
    expect((await c.leader.get(`/api/inspection-groups/${g.id}`)).statusCode).toBe(200);
    expect((await c.inspector.get(`/api/inspection-groups/${g.id}`)).statusCode).toBe(200);
    expect((await c.inspector.get(`/api/inspection-groups/${lindian.id}`)).statusCode).toBe(403);
    expect((await c.office_lindian.get(`/api/inspection-groups/${g.id}`)).statusCode).toBe(403);
    expect((await c.expert.get(`/api/inspection-groups/${g.id}`)).statusCode).toBe(403);
    const mine = (await c.inspector.get('/api/inspection-groups?pageSize=100')).json();
    expect(mine.items.every((x: { id: number }) => x.id !== lindian.id)).toBe(true);
    expect(mine.items.some((x: { id: number }) => x.id === g.id)).toBe(true);
    const county = (await c.office_lindian.get('/api/inspection-groups?pageSize=100')).json();
    expect(county.items.map((x: { id: number }) => x.id)).toEqual([lindian.id]);
  });
});

describe('weekly site records', () => {
  const record = (groupId: number, who: Client, body: Record<string, unknown>) =>
    who.post(`/api/inspection-groups/${groupId}/records`, {
      projectId: projCity,
      weekOf: today,
      progress: '主体结构完成至三层',
      problems: '施工用电增容未批复',
      nextWeek: '完成四层浇筑',
      ...body,
    });

  it('a member records the week (taken to its Monday) and raises problems into the ledger', async () => {
    const g = await cityGroup();
    const res = await record(g.id, c.inspector, {
      raise: [
        {
          category: '要素保障(水电路气讯)',
          title: '施工用电增容未批复',
          description: '需供电公司在月底前批复增容方案',
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r.weekOf).toBe(thisWeek);
    expect(r.items).toHaveLength(1);
    const item = await t.database.db
      .selectFrom('items')
      .select(['kind', 'source', 'project_id', 'raised_by', 'status', 'region_code'])
      .where('id', '=', r.items[0].id)
      .executeTakeFirstOrThrow();
    expect(item).toMatchObject({
      kind: 'problem',
      source: 'inspection',
      project_id: projCity,
      status: 'new',
      region_code: '230600',
    });
    expect(await audits('group_site_record', r.id)).toEqual([{ action: 'create' }]);
    // the inspector reads the item it raised
    expect((await c.inspector.get(`/api/items/${r.items[0].id}`)).statusCode).toBe(200);
  });

  it('one record per project and week; the next week is refused; a refused record raises nothing', async () => {
    const g = await cityGroup();
    expect((await record(g.id, c.office, { weekOf: addDays(thisWeek, -7) })).statusCode).toBe(201);
    const before = await t.database.db
      .selectFrom('items')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const twice = await record(g.id, c.office, {
      weekOf: addDays(thisWeek, -5),
      raise: [{ category: '要素保障(水电路气讯)', title: '重复记录的问题', description: '不应留下' }],
    });
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'DUPLICATE']);
    const ahead = await record(g.id, c.office, { weekOf: addDays(thisWeek, 7) });
    expect([ahead.statusCode, ahead.json().error.details[0].path]).toEqual([400, 'body.weekOf']);
    const after = await t.database.db
      .selectFrom('items')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('only for the group’s projects, and only by its people or the office', async () => {
    const g = await cityGroup();
    const notOurs = await record(g.id, c.office, { projectId: projOther });
    expect([notOurs.statusCode, notOurs.json().error.details[0].path]).toEqual([400, 'body.projectId']);
    expect((await record(g.id, c.leader, {})).statusCode).toBe(403);
    expect((await record(g.id, c.unit, {})).statusCode).toBe(403);
  });

  it('is corrected with its version, and lists newest first', async () => {
    const g = await cityGroup();
    const a = (await record(g.id, c.inspector, { weekOf: addDays(thisWeek, -14) })).json();
    const b = (await record(g.id, c.inspector, { weekOf: addDays(thisWeek, -7) })).json();
    const fixed = await c.inspector.patch(`/api/inspection-records/${a.id}`, {
      version: a.version,
      progress: '主体结构完成至四层',
    });
    expect([fixed.statusCode, fixed.json().progress, fixed.json().version]).toEqual([
      200,
      '主体结构完成至四层',
      2,
    ]);
    expect(
      (await c.inspector.patch(`/api/inspection-records/${a.id}`, { version: 1, progress: 'x' })).statusCode,
    ).toBe(409);
    const list = (await c.leader.get(`/api/inspection-groups/${g.id}/records`)).json();
    expect(list.items.map((r: { id: number }) => r.id)).toEqual([b.id, a.id]);
    expect(await audits('group_site_record', a.id)).toEqual([{ action: 'create' }, { action: 'update' }]);
  });

  it('keeps photos', async () => {
    const g = await cityGroup();
    const r = (await record(g.id, c.inspector, {})).json();
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const up = await c.inspector.request({
      method: 'POST',
      url: `/api/inspection-records/${r.id}/photos`,
      payload: png,
      headers: { 'content-type': 'image/png', 'x-file-name': encodeURIComponent('现场.png') },
    });
    expect(up.statusCode, up.body).toBe(201);
    const detail = (await c.leader.get(`/api/inspection-records/${r.id}`)).json();
    expect(detail.photos.map((p: { name: string }) => p.name)).toEqual(['现场.png']);
    expect((await c.leader.get(`/api/inspection-record-photos/${up.json().id}`)).statusCode).toBe(200);
    expect((await c.leader.delete(`/api/inspection-record-photos/${up.json().id}`)).statusCode).toBe(403);
  });
});

describe('the month summary (月通报)', () => {
  it('counts weeks recorded and missing per project, and problems raised and open', async () => {
    const g = await cityGroup();
    const lastMonth = addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
    const firstMonday = (() => {
      let d = mondayOf(`${lastMonth}-01`);
      if (d < `${lastMonth}-01`) d = addDays(d, 7);
      return d;
    })();
    await c.inspector.post(`/api/inspection-groups/${g.id}/records`, {
      projectId: projCity,
      weekOf: firstMonday,
      progress: '完成桩基',
      raise: [{ category: '要素保障(水电路气讯)', title: '临时用地未批', description: '临时用地手续未办结' }],
    });
    const s = (await c.leader.get(`/api/inspection-groups/${g.id}/summary?month=${lastMonth}`)).json();
    const weeks = s.weeks.length;
    expect(weeks).toBeGreaterThanOrEqual(4);
    const city = s.projects.find((p: { projectId: number }) => p.projectId === projCity);
    expect(city).toMatchObject({
      weeksRecorded: [firstMonday],
      latestProgress: '完成桩基',
      problemsRaised: 1,
      openItems: 1,
    });
    expect(city.missingWeeks).toHaveLength(weeks - 1);
    const lindian = s.projects.find((p: { projectId: number }) => p.projectId === projLindian);
    expect(lindian.missingWeeks).toEqual(s.weeks);
    expect(s.totals).toEqual({ records: 1, expected: weeks * 2, problemsRaised: 1, openItems: 1 });
  });
});

describe('leading groups (领导小组)', () => {
  it('the office keeps its region’s; member units read theirs; a stale edit is refused', async () => {
    const pos = await t.database.db.selectFrom('positions').select('id').orderBy('id').limit(2).execute();
    const res = await c.office.post('/api/leading-groups', {
      regionCode: '230600',
      name: '大庆市重点项目建设领导小组',
      headPositionId: pos[0]!.id,
      deputyPositionIds: [pos[1]!.id],
      memberUnitIds: [units.zjj, units.jtj],
      officeUnitId: units.zdb,
      duties: '统筹推进全市重点项目建设',
    });
    expect(res.statusCode, res.body).toBe(201);
    const lg = res.json();
    expect(lg.memberUnits.map((u: { id: number }) => u.id).sort()).toEqual([units.zjj, units.jtj].sort());
    expect(lg.deputies).toHaveLength(1);
    expect(lg.officeUnit.id).toBe(units.zdb);
    expect((await c.unit.get(`/api/leading-groups/${lg.id}`)).statusCode).toBe(200); // 住建局 is a member
    expect((await c.reporter.get(`/api/leading-groups/${lg.id}`)).statusCode).toBe(403);
    expect((await c.office_lindian.get(`/api/leading-groups/${lg.id}`)).statusCode).toBe(200); // the city's, above it
    expect(
      (await c.office_lindian.patch(`/api/leading-groups/${lg.id}`, { version: 1, name: 'x' })).statusCode,
    ).toBe(403);
    const ok = await c.office.patch(`/api/leading-groups/${lg.id}`, {
      version: 1,
      memberUnitIds: [units.zjj],
    });
    expect([ok.statusCode, ok.json().memberUnits.length]).toEqual([200, 1]);
    expect((await c.office.patch(`/api/leading-groups/${lg.id}`, { version: 1, name: 'x' })).statusCode).toBe(
      409,
    );
    expect(await audits('leading_group', lg.id)).toEqual([{ action: 'create' }, { action: 'update' }]);
    const bad = await c.office.post('/api/leading-groups', {
      regionCode: '230600',
      name: '坏的',
      memberUnitIds: [999999],
    });
    expect([bad.statusCode, bad.json().error.details[0].path]).toEqual([400, 'body.memberUnitIds']);
  });
});
