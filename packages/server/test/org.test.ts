/**
 * The organisation module over HTTP against the real database: units, regions, people, positions
 * (with holder succession) and user accounts — the rules, the data scope of lists, optimistic
 * versions, and the audit row each use case writes.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUnits, person, signInAs } from './factories.ts';
import { createTestApp, unitId, type Client, type TestApp, auditHelpers, expectError } from './helpers.ts';

let t: TestApp;
let app: FastifyInstance;
let admin: Client;
let office: Client;
let lindian: Client;
let unitUser: Client;
let reporter: Client;
let officeId: number;

interface Item {
  id: number;
  regionCode: string;
  name: string;
  unitId: number | null;
}

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  ({
    admin,
    office,
    office_lindian: lindian,
    unit: unitUser,
    reporter,
  } = await signInAs(t, 'admin', 'office', 'office_lindian', 'unit', 'reporter'));
  officeId = (await user('office')).id;
});
afterAll(async () => {
  await t.close();
});

const db = () => t.database.db;
const { lastAuditOf, auditCount } = auditHelpers(() => t);
const user = (username: string) =>
  db().selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();

describe('units', () => {
  let gov: number;
  let created: { id: number; version: number };

  beforeAll(async () => {
    ({ gov } = await demoUnits(t));
  });

  it('create → 201 with the unit, and an audit row "create" by the office', async () => {
    const res = await office.post('/api/units', {
      name: '大庆市测试服务局',
      shortName: '市测试局',
      type: 'department',
      regionCode: '230600',
      parentId: gov,
      phone: '0459-6180999',
    });
    expect(res.statusCode).toBe(201);
    const u = res.json();
    expect(u).toMatchObject({
      name: '大庆市测试服务局',
      shortName: '市测试局',
      type: 'department',
      regionCode: '230600',
      regionName: '大庆市',
      parentId: gov,
      active: true,
      version: 1,
      headPersonId: null,
    });
    created = { id: u.id, version: u.version };
    const audit = await lastAuditOf('unit', u.id);
    expect(audit).toMatchObject({ action: 'create', actor_id: officeId, actor_name: '汤子涵' });
    expect(audit.diff).toMatchObject({
      name: { before: null, after: '大庆市测试服务局' },
      regionCode: { before: null, after: '230600' },
    });
    expect((await office.get(`/api/units/${u.id}`)).json()).toEqual(u);
  });

  it('refuses a unit in a region the office does not reach, and an unknown region', async () => {
    expectError(
      await lindian.post('/api/units', { name: '越权单位', type: 'department', regionCode: '230600' }),
      403,
      'OUT_OF_SCOPE',
    );
    expectError(
      await office.post('/api/units', { name: '无区划单位', type: 'department', regionCode: '239999' }),
      400,
      'VALIDATION',
      'body.regionCode',
    );
  });

  it('refuses a second unit with the same name in the same region (409 DUPLICATE)', async () => {
    const res = await office.post('/api/units', {
      name: '大庆市测试服务局',
      type: 'department',
      regionCode: '230600',
    });
    expectError(res, 409, 'DUPLICATE', 'body.name');
    // the same name is fine in another region
    expect(
      (
        await office.post('/api/units', {
          name: '大庆市测试服务局',
          type: 'department',
          regionCode: '230621',
        })
      ).statusCode,
    ).toBe(201);
  });

  it('edit bumps the version; a stale version → 409 VERSION_CONFLICT at path version, and nothing changes', async () => {
    const first = await office.patch(`/api/units/${created.id}`, {
      version: created.version,
      phone: '0459-6181000',
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ phone: '0459-6181000', version: 2 });
    const audit = await lastAuditOf('unit', created.id);
    expect(audit).toMatchObject({ action: 'update' });
    expect(audit.diff).toEqual({
      phone: { before: '0459-6180999', after: '0459-6181000' },
      version: { before: 1, after: 2 },
    });

    const before = await auditCount();
    const stale = await office.patch(`/api/units/${created.id}`, {
      version: 1,
      phone: '0459-0000000',
      name: '被覆盖的名称',
    });
    expectError(stale, 409, 'VERSION_CONFLICT', 'version');
    expect(stale.json().error.details).toEqual([{ path: 'version', message: '当前版本为 2' }]);
    expect(stale.json().error.currentVersion).toBe(2);
    const now = (await office.get(`/api/units/${created.id}`)).json();
    expect(now).toMatchObject({ phone: '0459-6181000', name: '大庆市测试服务局', version: 2 });
    expect(await auditCount()).toBe(before);
    created.version = 2;
  });

  it('deactivate via PATCH active:false → audit "deactivate"; lists hide it unless includeInactive=true; GET still works', async () => {
    const res = await office.patch(`/api/units/${created.id}`, { version: created.version, active: false });
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);
    created.version = res.json().version;
    const audit = await lastAuditOf('unit', created.id);
    expect(audit.action).toBe('deactivate');
    expect(audit.diff).toMatchObject({ active: { before: true, after: false } });

    const ids = async (url: string) => (await office.get(url)).json().items.map((u: Item) => u.id);
    expect(await ids('/api/units?q=测试服务局&pageSize=100')).not.toContain(created.id);
    expect(await ids('/api/units?q=测试服务局&pageSize=100&includeInactive=true')).toContain(created.id);
    const one = await office.get(`/api/units/${created.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json().active).toBe(false);

    const back = await office.patch(`/api/units/${created.id}`, { version: created.version, active: true });
    expect(back.statusCode).toBe(200);
    created.version = back.json().version;
    expect((await lastAuditOf('unit', created.id)).action).toBe('activate');
  });

  it('refuses a parent that would make a cycle, or the unit itself (400 at body.parentId), and changes nothing', async () => {
    const govBefore = (await office.get(`/api/units/${gov}`)).json();
    const cycle = await office.patch(`/api/units/${gov}`, {
      version: govBefore.version,
      parentId: created.id,
    });
    expectError(cycle, 400, 'VALIDATION', 'body.parentId');
    expect(cycle.json().error.details[0].message).toBe('上级单位不能是本单位的下级');
    // a deeper cycle: gov → 发改委 → 重点办; making gov a child of 重点办
    const zdb = await unitId(t, '大庆市重点项目建设服务中心');
    expectError(
      await office.patch(`/api/units/${gov}`, { version: govBefore.version, parentId: zdb }),
      400,
      'VALIDATION',
      'body.parentId',
    );
    const self = await office.patch(`/api/units/${created.id}`, {
      version: created.version,
      parentId: created.id,
    });
    expectError(self, 400, 'VALIDATION', 'body.parentId');
    expect(self.json().error.details[0].message).toBe('上级单位不能是本单位');
    expect((await office.get(`/api/units/${gov}`)).json()).toEqual(govBefore);
    // a parent out of scope is refused the same way
    const lindianUnit = (
      await lindian.post('/api/units', { name: '林甸县测试站', type: 'other', regionCode: '230623' })
    ).json();
    const gone = await lindian.patch(`/api/units/${lindianUnit.id}`, {
      version: lindianUnit.version,
      parentId: gov,
    });
    expectError(gone, 400, 'VALIDATION', 'body.parentId');
  });

  it('the head person must be an active member of the unit', async () => {
    const outsider = await db()
      .selectFrom('people')
      .select('id')
      .where('unit_id', '=', gov)
      .executeTakeFirstOrThrow();
    const wrong = await office.patch(`/api/units/${created.id}`, {
      version: created.version,
      headPersonId: outsider.id,
    });
    expectError(wrong, 400, 'VALIDATION', 'body.headPersonId');
    expect(wrong.json().error.details[0].message).toBe('应选择本单位在职人员');
    const liaison = await office.patch(`/api/units/${created.id}`, {
      version: created.version,
      liaisonPersonId: outsider.id,
    });
    expectError(liaison, 400, 'VALIDATION', 'body.liaisonPersonId');

    const member = (
      await office.post('/api/people', { name: '郑立新', unitId: created.id, title: '局长' })
    ).json();
    const ok = await office.patch(`/api/units/${created.id}`, {
      version: created.version,
      headPersonId: member.id,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ headPersonId: member.id, headPersonName: '郑立新' });
    created.version = ok.json().version;

    const off = await office.patch(`/api/people/${member.id}`, { version: member.version, active: false });
    expect(off.statusCode).toBe(200);
    const inactive = await office.patch(`/api/units/${created.id}`, {
      version: created.version,
      liaisonPersonId: member.id,
    });
    expectError(inactive, 400, 'VALIDATION', 'body.liaisonPersonId');
  });

  it('unit staff may keep their own unit’s contact details but not rename or reorganise it', async () => {
    const own = (await user('unit')).unit_id!;
    const u = (await unitUser.get(`/api/units/${own}`)).json();
    const phone = await unitUser.patch(`/api/units/${own}`, { version: u.version, phone: '0459-6188888' });
    expect(phone.statusCode).toBe(200);
    expect((await lastAuditOf('unit', own)).actor_name).toBe('许嘉宁');
    expectError(
      await unitUser.patch(`/api/units/${own}`, { version: phone.json().version, name: '改名' }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await unitUser.patch(`/api/units/${own}`, { version: phone.json().version, active: false }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await unitUser.post('/api/units', { name: '新单位', type: 'other', regionCode: '230600' }),
      403,
      'OUT_OF_SCOPE',
    );
  });

  describe('list scope', () => {
    it('office_lindian sees exactly the active units of 230623 and below', async () => {
      const res = await lindian.get('/api/units?pageSize=500');
      expect(res.statusCode).toBe(200);
      const { items, total } = res.json();
      expect(items.length).toBeGreaterThan(0);
      for (const u of items as Item[])
        expect(u.regionCode.startsWith('230623'), `${u.name} ${u.regionCode}`).toBe(true);
      const expected = await db()
        .selectFrom('units')
        .select('id')
        .where('region_code', 'like', '230623%')
        .where('active', '=', true)
        .execute();
      expect(total).toBe(expected.length);
      expect(new Set(items.map((u: Item) => u.id))).toEqual(new Set(expected.map((u) => u.id)));
    });

    it('the unit user sees only its own unit', async () => {
      const own = (await user('unit')).unit_id;
      const res = await unitUser.get('/api/units?pageSize=500');
      expect(res.json()).toMatchObject({ total: 1, items: [{ id: own, name: '大庆市住房和城乡建设局' }] });
      expectError(await unitUser.get(`/api/units/${await unitId(t, '大庆市人民政府')}`), 403, 'OUT_OF_SCOPE');
    });

    it('q searches names and short names', async () => {
      const res = await office.get('/api/units?q=住房&pageSize=100');
      const names = res.json().items.map((u: Item) => u.name);
      expect(names).toEqual(expect.arrayContaining(['大庆市住房和城乡建设局', '林甸县住房和城乡建设局']));
      for (const n of names) expect(n).toContain('住房');
      const short = await office.get('/api/units?q=市重点办');
      expect(short.json().items.map((u: Item) => u.name)).toEqual(['大庆市重点项目建设服务中心']);
      expect((await office.get('/api/units?q=不存在的单位名')).json()).toEqual({ items: [], total: 0 });
      // % and _ are taken literally, not as wildcards
      for (const wild of ['%25', '_', '%25%25', '\\'])
        expect((await office.get(`/api/units?q=${wild}`)).json(), wild).toEqual({ items: [], total: 0 });
      expect((await office.get('/api/units?q=市_重点办')).json().total).toBe(0);
    });

    it('filters by region subtree and type', async () => {
      const towns = (await office.get('/api/units?regionCode=230623&type=town&pageSize=100')).json();
      expect(towns.total).toBeGreaterThan(0);
      for (const u of towns.items) expect(u).toMatchObject({ type: 'town' });
      for (const u of towns.items as Item[]) expect(u.regionCode.startsWith('230623')).toBe(true);
    });

    it('pages add up to the total, without repeats, in a stable order', async () => {
      const all = (await office.get('/api/units?pageSize=500')).json();
      const total = all.total;
      expect(total).toBe(all.items.length);
      expect(total).toBeGreaterThan(12);
      const seen: number[] = [];
      const pages = Math.ceil(total / 5);
      for (let page = 1; page <= pages; page++) {
        const r = (await office.get(`/api/units?pageSize=5&page=${page}`)).json();
        expect(r.total).toBe(total);
        expect(r.items.length).toBe(page < pages ? 5 : total - 5 * (pages - 1));
        seen.push(...r.items.map((u: Item) => u.id));
      }
      expect(seen).toEqual(all.items.map((u: Item) => u.id));
      expect((await office.get(`/api/units?pageSize=5&page=${pages + 1}`)).json()).toEqual({
        items: [],
        total,
      });
    });
  });
});

describe('regions', () => {
  it('office_lindian sees its ancestors and its own subtree, nothing beside it', async () => {
    const res = await lindian.get('/api/regions');
    expect(res.statusCode).toBe(200);
    const codes = res.json().items.map((r: { code: string }) => r.code);
    expect(codes).toEqual(['230000', '230600', '230623', '230623100', '230623101', '230623102', '230623103']);
    expect(codes).not.toContain('230621');
  });

  it('the city office sees the whole city with its province', async () => {
    const codes = (await office.get('/api/regions')).json().items.map((r: { code: string }) => r.code);
    expect(codes).toEqual(
      expect.arrayContaining(['230000', '230600', '230602', '230621', '230623', '230623103']),
    );
    expect(
      (await office.get('/api/regions?under=230623')).json().items.map((r: { code: string }) => r.code),
    ).toEqual(['230623', '230623100', '230623101', '230623102', '230623103']);
  });

  it('refuses codes that do not fit their level and parent, at body.code', async () => {
    const bad: [object, string][] = [
      [{ code: '230623', name: '重复层级', level: 'town', parentCode: '230623' }, '乡镇级代码应为 9 位'],
      [
        { code: '230700', name: '末尾00', level: 'county', parentCode: '230600' },
        '县级代码应为 6 位且末两位不为 00',
      ],
      [
        { code: '230721', name: '别市县', level: 'county', parentCode: '230600' },
        '县级代码应以所属市(省)的代码开头',
      ],
      [
        { code: '230621100', name: '别县镇', level: 'town', parentCode: '230623' },
        '乡镇级代码应以所属县的代码开头',
      ],
      [{ code: '240000', name: '新省', level: 'province', parentCode: '230000' }, '省级区划不能有上级'],
    ];
    for (const [body, message] of bad) {
      const res = await admin.post('/api/regions', body);
      expectError(res, 400, 'VALIDATION', 'body.code');
      expect(res.json().error.details).toEqual([{ path: 'body.code', message }]);
    }
    const shape = await admin.post('/api/regions', {
      code: '23062',
      name: '五位',
      level: 'county',
      parentCode: '230600',
    });
    expectError(shape, 400, 'VALIDATION', 'body.code');
    expect(shape.json().error.details[0].message).toBe('区划代码应为 6、9 或 12 位数字');
    expectError(
      await admin.post('/api/regions', {
        code: '230699100',
        name: '无上级',
        level: 'town',
        parentCode: '230699',
      }),
      400,
      'VALIDATION',
      'body.parentCode',
    );
  });

  it('creates a town under its county (audited), and refuses it twice', async () => {
    const res = await admin.post('/api/regions', {
      code: '230623104',
      name: '东兴乡',
      level: 'town',
      parentCode: '230623',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      code: '230623104',
      name: '东兴乡',
      level: 'town',
      parentCode: '230623',
      active: true,
      version: 1,
    });
    expect(await lastAuditOf('region', '230623104')).toMatchObject({
      action: 'create',
      actor_name: '系统管理员',
    });
    expect((await lindian.get('/api/regions')).json().items.map((r: { code: string }) => r.code)).toContain(
      '230623104',
    );
    const again = await admin.post('/api/regions', {
      code: '230623104',
      name: '东兴乡',
      level: 'town',
      parentCode: '230623',
    });
    expectError(again, 409, 'DUPLICATE', 'body.code');
    expectError(
      await office.post('/api/regions', {
        code: '230623105',
        name: '越权乡',
        level: 'town',
        parentCode: '230623',
      }),
      403,
      'FORBIDDEN',
    );
  });
});

describe('people', () => {
  let zjj: number; // 大庆市住房和城乡建设局: the unit user's unit
  let ldUnit: number;
  let person: { id: number; version: number };

  beforeAll(async () => {
    ({ zjj, ldZjj: ldUnit } = await demoUnits(t));
  });

  it('create, read, edit with versions; each write audited', async () => {
    const res = await office.post('/api/people', {
      name: '冯晓峰',
      unitId: zjj,
      title: '科员',
      phone: '13900001111',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: '冯晓峰',
      unitId: zjj,
      unitName: '大庆市住房和城乡建设局',
      title: '科员',
      positions: [],
      hasAccount: false,
      active: true,
      version: 1,
    });
    person = res.json();
    expect(await lastAuditOf('person', person.id)).toMatchObject({ action: 'create', actor_id: officeId });

    const edit = await office.patch(`/api/people/${person.id}`, { version: 1, title: '副科长' });
    expect(edit.json()).toMatchObject({ title: '副科长', version: 2 });
    expect((await lastAuditOf('person', person.id)).diff).toMatchObject({
      title: { before: '科员', after: '副科长' },
    });
    expectError(
      await office.patch(`/api/people/${person.id}`, { version: 1, title: '科长' }),
      409,
      'VERSION_CONFLICT',
      'version',
    );
    person.version = 2;
    expect((await office.get(`/api/people/${person.id}`)).json().title).toBe('副科长');
  });

  it('a county office cannot read, create or move people outside its county', async () => {
    expectError(await lindian.get(`/api/people/${person.id}`), 403, 'OUT_OF_SCOPE');
    expectError(await lindian.post('/api/people', { name: '越权', unitId: zjj }), 403, 'OUT_OF_SCOPE');
    const own = (await lindian.post('/api/people', { name: '林甸人员', unitId: ldUnit })).json();
    expectError(
      await lindian.patch(`/api/people/${own.id}`, { version: own.version, unitId: zjj }),
      403,
      'OUT_OF_SCOPE',
    );
    expect((await lindian.get(`/api/people/${own.id}`)).json().unitId).toBe(ldUnit);
    const list = (await lindian.get('/api/people?pageSize=500')).json();
    const lindianUnits = new Set(
      (await db().selectFrom('units').select('id').where('region_code', 'like', '230623%').execute()).map(
        (u) => u.id,
      ),
    );
    expect(list.total).toBeGreaterThan(0);
    for (const p of list.items as Item[]) expect(lindianUnits.has(p.unitId!), `${p.name}`).toBe(true);
  });

  it('unit staff see and add people of their own unit only', async () => {
    const list = (await unitUser.get('/api/people?pageSize=500')).json();
    expect(list.total).toBeGreaterThan(1);
    for (const p of list.items as Item[]) expect(p.unitId).toBe(zjj);
    expect((await unitUser.post('/api/people', { name: '单位新人', unitId: zjj })).statusCode).toBe(201);
    expectError(await unitUser.post('/api/people', { name: '别单位', unitId: ldUnit }), 403, 'OUT_OF_SCOPE');
  });

  it('a reporter sees only its own person record', async () => {
    const me = await user('reporter');
    const list = (await reporter.get('/api/people?pageSize=500')).json();
    expect(list).toMatchObject({ total: 1, items: [{ id: me.person_id, hasAccount: true }] });
    expectError(await reporter.get(`/api/people/${person.id}`), 403, 'OUT_OF_SCOPE');
  });

  it('deactivation is audited and hides the person from lists unless asked', async () => {
    const res = await office.patch(`/api/people/${person.id}`, { version: person.version, active: false });
    expect(res.statusCode).toBe(200);
    expect((await lastAuditOf('person', person.id)).action).toBe('deactivate');
    const ids = async (q: string) =>
      (await office.get(`/api/people?unitId=${zjj}&pageSize=500${q}`)).json().items.map((p: Item) => p.id);
    expect(await ids('')).not.toContain(person.id);
    expect(await ids('&includeInactive=true')).toContain(person.id);
  });

  it('404 for an unknown person', async () => {
    expectError(await office.get('/api/people/999999'), 404, 'NOT_FOUND');
  });
});

describe('positions and holder succession', () => {
  let zjj: number;
  let positionId: number;
  let oldHolder: number;
  let newHolder: number;
  let since: string;

  beforeAll(async () => {
    ({ zjj } = await demoUnits(t));
    const pos = await db()
      .selectFrom('positions as p')
      .innerJoin('position_holdings as h', 'h.position_id', 'p.id')
      .select(['p.id', 'h.person_id', 'h.start_date'])
      .where('p.unit_id', '=', zjj)
      .where('h.end_date', 'is', null)
      .orderBy('p.id')
      .executeTakeFirstOrThrow();
    positionId = pos.id;
    oldHolder = pos.person_id;
    since = pos.start_date;
    newHolder = (await person(office, { name: '韩思远', unitId: zjj, title: '局长' })).id;
  });

  const version = async () => (await office.get(`/api/positions/${positionId}`)).json().version as number;

  it('shows the current holder and their position on the person', async () => {
    const pos = (await office.get(`/api/positions/${positionId}`)).json();
    expect(pos.holderId).toBe(oldHolder);
    expect(pos.holders[0]).toMatchObject({ personId: oldHolder, startDate: since, endDate: null });
    const p = (await office.get(`/api/people/${oldHolder}`)).json();
    expect(p.positions.map((x: { id: number }) => x.id)).toContain(positionId);
  });

  it('refuses a start date on or before the current start (400 at body.startDate)', async () => {
    const v = await version();
    for (const startDate of [since, '2020-01-01']) {
      const res = await office.post(`/api/positions/${positionId}/holder`, {
        version: v,
        personId: newHolder,
        startDate,
        reason: '工作调动',
      });
      expectError(res, 400, 'VALIDATION', 'body.startDate');
      expect(res.json().error.details[0].message).toBe(`接任日期应晚于任职记录中的最近日期 ${since}`);
    }
    const invalidDate = await office.post(`/api/positions/${positionId}/holder`, {
      version: v,
      personId: newHolder,
      startDate: '2027-02-30',
      reason: '工作调动',
    });
    expectError(invalidDate, 400, 'VALIDATION', 'body.startDate');
    expect((await office.get(`/api/positions/${positionId}`)).json().holderId).toBe(oldHolder);
  });

  it('refuses the current holder again, a missing reason, a stale version, and out-of-scope offices', async () => {
    const v = await version();
    const same = await office.post(`/api/positions/${positionId}/holder`, {
      version: v,
      personId: oldHolder,
      startDate: '2027-01-01',
      reason: '连任',
    });
    expectError(same, 400, 'VALIDATION', 'body.personId');
    expect(same.json().error.details[0].message).toBe('该人员已是现任');
    expectError(
      await office.post(`/api/positions/${positionId}/holder`, {
        version: v,
        personId: newHolder,
        startDate: '2027-01-01',
        reason: ' ',
      }),
      400,
      'VALIDATION',
      'body.reason',
    );
    expectError(
      await office.post(`/api/positions/${positionId}/holder`, {
        version: v + 5,
        personId: newHolder,
        startDate: '2027-01-01',
        reason: '工作调动',
      }),
      409,
      'VERSION_CONFLICT',
      'version',
    );
    expectError(
      await lindian.post(`/api/positions/${positionId}/holder`, {
        version: v,
        personId: newHolder,
        startDate: '2027-01-01',
        reason: '工作调动',
      }),
      403,
      'OUT_OF_SCOPE',
    );
    expectError(
      await unitUser.post(`/api/positions/${positionId}/holder`, {
        version: v,
        personId: newHolder,
        startDate: '2027-01-01',
        reason: '工作调动',
      }),
      403,
      'FORBIDDEN',
    );
  });

  it('a change of holder ends the old term the day before, makes the successor current everywhere, and is audited with its reason', async () => {
    const v = await version();
    const res = await office.post(`/api/positions/${positionId}/holder`, {
      version: v,
      personId: newHolder,
      startDate: '2027-03-01',
      reason: '工作调动',
    });
    expect(res.statusCode).toBe(200);
    const detail = res.json();
    expect(detail).toMatchObject({ holderId: newHolder, holderName: '韩思远', version: v + 1 });
    expect(detail.holders[0]).toEqual({
      personId: newHolder,
      personName: '韩思远',
      startDate: '2027-03-01',
      endDate: null,
      reason: '工作调动',
    });
    expect(detail.holders[1]).toMatchObject({ personId: oldHolder, startDate: since, endDate: '2027-02-28' });
    // holder history is newest first
    const starts = detail.holders.map((h: { startDate: string }) => h.startDate);
    expect(starts).toEqual([...starts].sort().reverse());

    expect((await office.get(`/api/positions/${positionId}`)).json()).toEqual(detail);
    const listed = (await office.get(`/api/positions?unitId=${zjj}&pageSize=100`))
      .json()
      .items.find((p: Item) => p.id === positionId);
    expect(listed).toMatchObject({ holderId: newHolder, holderName: '韩思远' });
    expect(
      (await office.get(`/api/people/${newHolder}`)).json().positions.map((x: { id: number }) => x.id),
    ).toContain(positionId);
    expect(
      (await office.get(`/api/people/${oldHolder}`)).json().positions.map((x: { id: number }) => x.id),
    ).not.toContain(positionId);

    const audit = await lastAuditOf('position', positionId);
    expect(audit).toMatchObject({ action: 'change_holder', reason: '工作调动', actor_id: officeId });
    expect(audit.diff).toMatchObject({
      holderId: { before: oldHolder, after: newHolder },
      holderName: { after: '韩思远' },
      startDate: { before: null, after: '2027-03-01' },
    });
  });

  it('vacating with personId null ends the term and leaves the position empty; vacating again is refused', async () => {
    const v = await version();
    const res = await office.post(`/api/positions/${positionId}/holder`, {
      version: v,
      personId: null,
      startDate: '2027-06-01',
      reason: '退休',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ holderId: null, holderName: null });
    expect(res.json().holders[0]).toMatchObject({
      personId: newHolder,
      startDate: '2027-03-01',
      endDate: '2027-05-31',
    });
    expect(res.json().holders.every((h: { endDate: string | null }) => h.endDate !== null)).toBe(true);
    expect((await office.get(`/api/people/${newHolder}`)).json().positions).toEqual([]);
    expect(await lastAuditOf('position', positionId)).toMatchObject({
      action: 'change_holder',
      reason: '退休',
    });

    const again = await office.post(`/api/positions/${positionId}/holder`, {
      version: v + 1,
      personId: null,
      startDate: '2027-07-01',
      reason: '退休',
    });
    expectError(again, 400, 'VALIDATION', 'body.personId');
    expect(again.json().error.details[0].message).toBe('该职务已空缺');
  });

  it('filling a vacant position cannot reach back into the last holder’s term', async () => {
    // vacated above: the last term ended 2027-05-31
    const v = await version();
    const overlap = await office.post(`/api/positions/${positionId}/holder`, {
      version: v,
      personId: oldHolder,
      startDate: '2027-04-01',
      reason: '重新任职',
    });
    expectError(overlap, 400, 'VALIDATION', 'body.startDate');
    expect(overlap.json().error.details[0].message).toBe('接任日期应晚于任职记录中的最近日期 2027-05-31');
    const ok = await office.post(`/api/positions/${positionId}/holder`, {
      version: v,
      personId: oldHolder,
      startDate: '2027-06-01',
      reason: '重新任职',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ holderId: oldHolder });
  });

  it('refuses an inactive person or one out of scope as holder', async () => {
    const p = (await office.post('/api/people', { name: '已停用者', unitId: zjj })).json();
    await office.patch(`/api/people/${p.id}`, { version: p.version, active: false });
    const v = await version();
    const inactive = await office.post(`/api/positions/${positionId}/holder`, {
      version: v,
      personId: p.id,
      startDate: '2027-08-01',
      reason: '任命',
    });
    expectError(inactive, 400, 'VALIDATION', 'body.personId');
    expect(inactive.json().error.details[0].message).toBe('该人员已停用');

    const ldPos = (await lindian.get('/api/positions?pageSize=1')).json().items[0];
    const outsider = await lindian.post(`/api/positions/${ldPos.id}/holder`, {
      version: ldPos.version,
      personId: newHolder,
      startDate: '2027-08-01',
      reason: '任命',
    });
    expectError(outsider, 400, 'VALIDATION', 'body.personId');
  });

  it('creating a position with a holder starts the term today; lists follow the scope', async () => {
    const res = await office.post('/api/positions', { name: '测试职务', unitId: zjj, holderId: newHolder });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: '测试职务', holderId: newHolder, version: 1 });
    expect(await lastAuditOf('position', res.json().id)).toMatchObject({ action: 'create' });
    const lindianList = (await lindian.get('/api/positions?pageSize=500')).json();
    expect(lindianList.total).toBeGreaterThan(0);
    for (const p of lindianList.items as Item[]) expect(p.regionCode.startsWith('230623')).toBe(true);
    expect((await reporter.get('/api/positions')).json()).toEqual({ items: [], total: 0 });
    expectError(
      await unitUser.post('/api/positions', { name: '自设职务', unitId: zjj }),
      403,
      'OUT_OF_SCOPE',
    );
  });
});

describe('users', () => {
  let reporterUnit: number;
  let ldUnit: number;

  beforeAll(async () => {
    ({ ctgs: reporterUnit, ldZjj: ldUnit } = await demoUnits(t));
  });

  it('create answers a temporary password once; the account must change it; the audit row holds no secret', async () => {
    const res = await office.post('/api/users', {
      username: 'Zhao.Reporter',
      displayName: '赵填报',
      role: 'reporter',
      regionCode: '230600',
      unitId: reporterUnit,
    });
    expect(res.statusCode).toBe(201);
    const { user: created, temporaryPassword } = res.json();
    expect(temporaryPassword).toMatch(/^[A-Za-z0-9]{14}$/);
    expect(created).toMatchObject({
      username: 'Zhao.Reporter',
      role: 'reporter',
      regionCode: '230600',
      unitId: reporterUnit,
      mustChangePassword: true,
      active: true,
      lockedUntil: null,
    });
    const again = await office.get(`/api/users/${created.id}`);
    expect(again.body).not.toContain(temporaryPassword);
    expect(again.json()).toEqual(created);
    const audit = await lastAuditOf('user', created.id);
    expect(audit).toMatchObject({ action: 'create', actor_id: officeId });
    expect(JSON.stringify(audit)).not.toContain(temporaryPassword);
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'zhao.reporter', password: temporaryPassword },
    });
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json().mustChangePassword).toBe(true);
  });

  it('refuses a username taken in any letter case (409 DUPLICATE at body.username)', async () => {
    const res = await office.post('/api/users', {
      username: 'ZHAO.reporter',
      displayName: '重名',
      role: 'reporter',
      regionCode: '230600',
      unitId: reporterUnit,
    });
    expectError(res, 409, 'DUPLICATE', 'body.username');
    expect(res.json().error.details).toEqual([{ path: 'body.username', message: '用户名已被使用' }]);
    expectError(
      await admin.post('/api/users', {
        username: 'Office',
        displayName: '重名',
        role: 'expert',
        regionCode: '230600',
      }),
      409,
      'DUPLICATE',
      'body.username',
    );
  });

  it('unit and reporter accounts need a unit (400 at body.unitId); other roles need a region', async () => {
    for (const role of ['unit', 'reporter']) {
      const res = await office.post('/api/users', {
        username: `no_unit_${role}`,
        displayName: '无单位',
        role,
        regionCode: '230600',
      });
      expectError(res, 400, 'VALIDATION', 'body.unitId');
      expect(res.json().error.details[0].message).toBe('责任单位和填报员账号须指定所属单位');
    }
    expectError(
      await admin.post('/api/users', {
        username: 'no_region',
        displayName: '无区划',
        role: 'expert',
        regionCode: null,
      }),
      400,
      'VALIDATION',
      'body.regionCode',
    );
    expectError(
      await office.post('/api/users', {
        username: 'bad name!',
        displayName: '坏名',
        role: 'expert',
        regionCode: '230600',
      }),
      400,
      'VALIDATION',
      'body.username',
    );
  });

  it('a county office cannot make an account that reaches a city unit or a city person', async () => {
    const cityUnit = await unitId(t, '大庆市住房和城乡建设局');
    const sneaky = await lindian.post('/api/users', {
      username: 'sneaky',
      displayName: '越权',
      role: 'unit',
      regionCode: '230623',
      unitId: cityUnit,
    });
    expectError(sneaky, 400, 'VALIDATION', 'body.unitId');
    const cityPerson = (await user('unit')).person_id;
    const viaPerson = await lindian.post('/api/users', {
      username: 'sneaky2',
      displayName: '越权',
      role: 'inspector',
      regionCode: '230623',
      personId: cityPerson,
    });
    expectError(viaPerson, 400, 'VALIDATION', 'body.personId');
    expect(
      await db().selectFrom('users').select('id').where('username', 'like', 'sneaky%').execute(),
    ).toEqual([]);
  });

  it('an office cannot create admin, office or leader accounts; a county office nothing in the city', async () => {
    for (const role of ['leader', 'office', 'admin']) {
      expectError(
        await office.post('/api/users', {
          username: `new_${role}`,
          displayName: '越权',
          role,
          regionCode: '230600',
        }),
        403,
        'OUT_OF_SCOPE',
      );
    }
    expectError(
      await lindian.post('/api/users', {
        username: 'ld_city',
        displayName: '越权',
        role: 'reporter',
        regionCode: '230600',
        unitId: reporterUnit,
      }),
      403,
      'OUT_OF_SCOPE',
    );
    const ok = await lindian.post('/api/users', {
      username: 'ld_unit',
      displayName: '林甸单位',
      role: 'unit',
      regionCode: '230623',
      unitId: ldUnit,
    });
    expect(ok.statusCode).toBe(201);
    const leader = await admin.post('/api/users', {
      username: 'new_leader',
      displayName: '新领导',
      role: 'leader',
      regionCode: '230600',
    });
    expect(leader.statusCode).toBe(201);
    expect(
      await db()
        .selectFrom('users')
        .select('id')
        .where('username', 'in', ['new_office', 'new_admin'])
        .execute(),
    ).toEqual([]);
  });

  it('a user cannot deactivate itself or change its own role (400)', async () => {
    const me = await user('admin');
    const off = await admin.patch(`/api/users/${me.id}`, { version: me.version, active: false });
    expectError(off, 400, 'VALIDATION', 'body.active');
    expect(off.json().error.details[0].message).toBe('不能停用自己或修改自己的角色');
    expectError(
      await admin.patch(`/api/users/${me.id}`, { version: me.version, role: 'office' }),
      400,
      'VALIDATION',
      'body.role',
    );
    expect((await user('admin')).active).toBe(true);
    // an office may not edit its own account at all (office accounts are the admin's)
    const self = await user('office');
    expectError(
      await office.patch(`/api/users/${self.id}`, { version: self.version, displayName: '改名' }),
      403,
      'FORBIDDEN',
    );
  });

  it('the user list follows the region scope', async () => {
    const list = (await lindian.get('/api/users?pageSize=500')).json();
    expect(list.total).toBeGreaterThan(0);
    for (const u of list.items as Item[]) expect(u.regionCode!.startsWith('230623')).toBe(true);
  });
});
