/**
 * Assessment schemes (issue 15): the default from the seeds over the region's units, drafts edited
 * with versions, revisions, activation retiring the active one, deletion of drafts only, group
 * members checked, and who reads which scheme.
 */
import type { Scheme } from '@ducha/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUnits, signInAs } from './factories.ts';
import { auditHelpers, createTestApp, expectError, type Client, type TestApp } from './helpers.ts';

let t: TestApp;
let c: Record<'admin' | 'office' | 'office_lindian' | 'leader' | 'unit' | 'reporter', Client>;
let u: Awaited<ReturnType<typeof demoUnits>>;
const { lastAuditOf } = auditHelpers(() => t);

beforeAll(async () => {
  t = await createTestApp();
  c = await signInAs(t, 'admin', 'office', 'office_lindian', 'leader', 'unit', 'reporter');
  u = await demoUnits(t);
}, 120_000);
afterAll(() => t.close());

let year = 2030;
async function draft(by = c.office, regionCode = '230600', body: object = {}) {
  const res = await by.post('/api/assessment-schemes', {
    regionCode,
    year: year++,
    name: '年度考核方案',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Scheme;
}

describe('the default scheme', () => {
  it('is the seeds’ rules over the city’s units: county governments and zones, city departments and state firms', async () => {
    const s = await draft();
    expect(s.status).toBe('draft');
    expect(s.revision).toBe(1);
    expect(s.config.baseScore).toBe('100.00');
    expect(s.config.rules.map((r) => [r.code, r.points, r.cap])).toEqual([
      ['report_late', '-1.00', '5.00'],
      ['report_missing', '-2.00', '10.00'],
      ['red_light', '-2.00', '10.00'],
      ['referral', '-5.00', null],
      ['item_overdue', '-0.20', '10.00'],
      ['item_early_close', '0.50', '5.00'],
      ['investment_pace', '10.00', '5.00'],
      ['meeting_absence', '-1.00', null],
    ]);
    const [county, dept] = s.config.groups;
    const names = async (ids: number[]) =>
      (await t.database.db.selectFrom('units').select('name').where('id', 'in', ids).execute()).map(
        (r) => r.name,
      );
    const countyNames = await names(county!.unitIds);
    expect(countyNames).toContain('林甸县人民政府');
    expect(countyNames).toContain('大庆高新技术产业开发区管理委员会');
    expect(countyNames).not.toContain('大庆市人民政府'); // the assessor is not ranked
    expect(dept!.unitIds).toContain(u.zjj);
    expect(dept!.unitIds).toContain(u.ctgs);
    expect(dept!.unitIds).not.toContain(u.ldZjj); // a county's department is the county's
    expect(s.config.board).toEqual({
      redSize: 5,
      blackSize: 4,
      redMinPace: '1.0000',
      blackBelowPace: '1.0000',
    });
    expect(s.config.cards).toEqual({ yellowBelowPace: '0.6000', redAfterYellows: 2, redOnReferral: true });
    expect((await lastAuditOf('assessment_scheme', s.id)).action).toBe('create');
  });

  it('of a county ranks its towns’ governments and its own departments', async () => {
    const s = await draft(c.office_lindian, '230623');
    const dept = s.config.groups.find((g) => g.code === 'dept')!;
    expect(dept.unitIds).toContain(u.ldZjj);
    expect(dept.unitIds).not.toContain(u.zjj);
  });
});

describe('editing, revising, activating', () => {
  it('a draft is edited with its version; a stale one is refused', async () => {
    const s = await draft();
    const config = { ...s.config, baseScore: '90', tieRule: 'shared' };
    const ok = await c.office.patch(`/api/assessment-schemes/${s.id}`, { version: s.version, config });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().config.baseScore).toBe('90.00');
    expectError(
      await c.office.patch(`/api/assessment-schemes/${s.id}`, { version: s.version, name: 'x' }),
      409,
      'VERSION_CONFLICT',
    );
    expect((await lastAuditOf('assessment_scheme', s.id)).action).toBe('update');
  });

  it('refuses a unit outside the region, a unit in two groups, a repeated rule, bad points', async () => {
    const s = await draft(c.office_lindian, '230623');
    const g0 = s.config.groups[0]!;
    const outside = { ...s.config, groups: [{ ...g0, unitIds: [...g0.unitIds, u.zjj] }] };
    expectError(
      await c.office_lindian.patch(`/api/assessment-schemes/${s.id}`, {
        version: s.version,
        config: outside,
      }),
      400,
      'VALIDATION',
      `body.config.groups.0.unitIds.${g0.unitIds.length}`,
    );
    const twice = { ...s.config, groups: [g0, { code: 'x', name: '重复', unitIds: [g0.unitIds[0]!] }] };
    expectError(
      await c.office_lindian.patch(`/api/assessment-schemes/${s.id}`, { version: s.version, config: twice }),
      400,
      'VALIDATION',
      'body.config.groups.1.unitIds.0',
    );
    const rules = { ...s.config, rules: [s.config.rules[0], s.config.rules[0], ...s.config.rules.slice(2)] };
    expectError(
      await c.office_lindian.patch(`/api/assessment-schemes/${s.id}`, { version: s.version, config: rules }),
      400,
      'VALIDATION',
      'body.config.rules.1.code',
    );
    const points = { ...s.config, rules: [{ ...s.config.rules[0], points: '1.234' }] };
    expectError(
      await c.office_lindian.patch(`/api/assessment-schemes/${s.id}`, { version: s.version, config: points }),
      400,
      'VALIDATION',
      'body.config.rules.0.points',
    );
  });

  it('activating retires the active revision; an active one is revised, not edited; drafts alone are deleted', async () => {
    const first = await draft();
    const a1 = await c.office.post(`/api/assessment-schemes/${first.id}/activate`, {
      version: first.version,
    });
    expect(a1.statusCode, a1.body).toBe(200);
    expect(a1.json().status).toBe('active');
    const active = a1.json() as Scheme;
    expectError(
      await c.office.patch(`/api/assessment-schemes/${active.id}`, { version: active.version, name: 'x' }),
      409,
      'INVALID_STATE',
      'status',
    );
    expectError(
      await c.office.delete(`/api/assessment-schemes/${active.id}?version=${active.version}`),
      409,
      'INVALID_STATE',
    );
    const rev = await c.office.post(`/api/assessment-schemes/${active.id}/revise`, {
      version: active.version,
    });
    expect(rev.statusCode, rev.body).toBe(201);
    const second = rev.json() as Scheme;
    expect([second.revision, second.status, second.year]).toEqual([2, 'draft', first.year]);
    expectError(
      await c.office.post(`/api/assessment-schemes/${active.id}/revise`, { version: active.version }),
      409,
      'INVALID_STATE',
    );
    const a2 = await c.office.post(`/api/assessment-schemes/${second.id}/activate`, {
      version: second.version,
    });
    expect(a2.statusCode, a2.body).toBe(200);
    expect((await c.office.get(`/api/assessment-schemes/${first.id}`)).json().status).toBe('retired');
    expect((await lastAuditOf('assessment_scheme', first.id)).action).toBe('retire');
    const third = (
      await c.office.post(`/api/assessment-schemes/${second.id}/revise`, { version: a2.json().version })
    ).json();
    expect(
      (await c.office.delete(`/api/assessment-schemes/${third.id}?version=${third.version}`)).statusCode,
    ).toBe(200);
    expect((await c.office.get(`/api/assessment-schemes/${third.id}`)).statusCode).toBe(404);
    expect((await lastAuditOf('assessment_scheme', third.id)).action).toBe('delete');
  });
});

describe('who reads and keeps schemes', () => {
  it('offices keep their subtree; leaders read; unit staff read the active schemes of their line only', async () => {
    const cityDraft = await draft();
    const county = await draft(c.office_lindian, '230623');
    expectError(
      await c.office_lindian.patch(`/api/assessment-schemes/${cityDraft.id}`, { version: 1, name: 'x' }),
      403,
      'OUT_OF_SCOPE',
    );
    // leaders hold score.write to decide manual rows and exemptions, never to keep schemes
    expectError(
      await c.leader.patch(`/api/assessment-schemes/${cityDraft.id}`, { version: 1, name: 'x' }),
      403,
      'OUT_OF_SCOPE',
    );
    expect((await c.office.get(`/api/assessment-schemes/${county.id}`)).statusCode).toBe(200);
    expect((await c.office_lindian.get(`/api/assessment-schemes/${cityDraft.id}`)).statusCode).toBe(403);
    expect((await c.leader.get(`/api/assessment-schemes/${cityDraft.id}`)).statusCode).toBe(200);
    expect((await c.unit.get(`/api/assessment-schemes/${cityDraft.id}`)).statusCode).toBe(403);
    const active = (
      await c.office.post(`/api/assessment-schemes/${cityDraft.id}/activate`, { version: 1 })
    ).json();
    expect((await c.unit.get(`/api/assessment-schemes/${active.id}`)).statusCode).toBe(200);
    const list = (await c.unit.get('/api/assessment-schemes')).json() as {
      items: { id: number; status: string }[];
    };
    expect(list.items.map((i) => i.id)).toContain(active.id);
    expect(list.items.every((i) => i.status === 'active')).toBe(true);
    const lindianList = (await c.office_lindian.get('/api/assessment-schemes')).json() as {
      items: { regionCode: string }[];
    };
    expect(lindianList.items.every((i) => i.regionCode === '230623')).toBe(true);
    expectError(await c.reporter.get('/api/assessment-schemes'), 403, 'FORBIDDEN');
  });
});

describe('the list', () => {
  it('searches the schemes’ names, wildcards taken literally', async () => {
    const a = await draft(c.office, '230600', { name: '大庆市重点项目建设考核方案' });
    const b = await draft(c.office, '230600', { name: '百分之百_考核' });
    const names = async (q: string) =>
      (
        (await c.office.get(`/api/assessment-schemes?pageSize=100&q=${encodeURIComponent(q)}`)).json() as {
          items: { id: number }[];
        }
      ).items.map((i) => i.id);
    expect(await names('重点项目建设')).toContain(a.id);
    expect(await names('重点项目建设')).not.toContain(b.id);
    expect(await names('_考核')).toEqual([b.id]);
    expect(await names('%')).toEqual([]);
  });
});
