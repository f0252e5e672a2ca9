/**
 * Project lists over HTTP against the real database (DOMAIN §3 动态管理): a draft list is edited
 * directly by the office; once published, every add, removal or batch change is a request with a
 * reason that another office member approves (four eyes), and membership rows are closed rather
 * than deleted, so the history stays visible.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cityProject, demoUnits, signInAs } from './factories.ts';
import { createTestApp, type Client, type TestApp, auditHelpers, expectError } from './helpers.ts';

let t: TestApp;
let admin: Client;
let office: Client;
let lindian: Client;
let unitUser: Client;
let zjj: number;
let jtj: number;

/** Projects by code: P1 led by 市住建局 (the unit user), P2 and P3 by 市交通运输局, L1 in 林甸县. */
const ids: Record<string, number> = {};
let listId: number;

beforeAll(async () => {
  t = await createTestApp();
  ({
    admin,
    office,
    office_lindian: lindian,
    unit: unitUser,
  } = await signInAs(t, 'admin', 'office', 'office_lindian', 'unit'));
  ({ zjj, jtj } = await demoUnits(t));
  for (const [code, regionCode, lead, co] of [
    ['P1', '230600', zjj, []],
    ['P2', '230600', jtj, []],
    ['P3', '230600', jtj, [zjj]],
    ['L1', '230623', jtj, []],
  ] as const) {
    const p = await cityProject(office, {
      code,
      name: `名单测试项目${code}`,
      regionCode,
      sector: '基础设施',
      totalInvestment: '100',
      responsibleUnitId: lead,
      coUnitIds: [...co],
    });
    ids[code] = p.id;
  }
});
afterAll(async () => {
  await t.close();
});

const { lastAuditOf } = auditHelpers(() => t);

interface Member {
  projectId: number;
  code: string;
  batch: string;
  removedAt: string | null;
  reason: string | null;
}
const detail = async (id: number) => {
  const res = await office.get(`/api/project-lists/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
/** Current members as "code:batch", sorted. */
const current = async (id: number) =>
  ((await detail(id)).members as Member[])
    .filter((m) => m.removedAt === null)
    .map((m) => `${m.code}:${m.batch}`)
    .sort();
const add = (c: Client, list: number, code: string, batch: string, reason?: string) =>
  c.post(`/api/project-lists/${list}/members`, { projectId: ids[code], batch, reason });
const decide = (c: Client, adjustmentId: number, approve: boolean, note?: string) =>
  c.post(`/api/list-adjustments/${adjustmentId}/decide`, { approve, note });

describe('a draft list', () => {
  it('is created by the office (201, audit "create")', async () => {
    const res = await office.post('/api/project-lists', {
      year: 2026,
      level: 'city',
      name: '2026年市重点项目',
      regionCode: '230600',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      year: 2026,
      level: 'city',
      name: '2026年市重点项目',
      regionCode: '230600',
      regionName: '大庆市',
      batchScheme: 'three_30',
      batches: ['在建', '新开工', '重大前期'],
      status: 'draft',
      publishedAt: null,
      memberCount: 0,
      pendingAdjustments: 0,
      version: 1,
    });
    listId = res.json().id;
    const audit = await lastAuditOf('project_list', listId);
    expect(audit).toMatchObject({ action: 'create', actor_name: '汤子涵' });
    expect(audit.diff).toMatchObject({ name: { before: null, after: '2026年市重点项目' } });
  });

  it('refuses a duplicate name for the same year and region, and offices or units outside the region', async () => {
    const body = { year: 2026, level: 'city', name: '2026年市重点项目', regionCode: '230600' };
    expectError(await office.post('/api/project-lists', body), 409, 'DUPLICATE', 'body.name');
    expect((await office.post('/api/project-lists', { ...body, year: 2025 })).statusCode).toBe(201);
    expectError(await lindian.post('/api/project-lists', { ...body, name: '越权名单' }), 403, 'OUT_OF_SCOPE');
    expectError(
      await unitUser.post('/api/project-lists', { ...body, name: '越权名单' }),
      403,
      'OUT_OF_SCOPE',
    );
  });

  it('takes members directly (applied, no adjustment; audit "member_add")', async () => {
    const res = await add(office, listId, 'P1', '在建');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ applied: true, adjustment: null });
    const audit = await lastAuditOf('project_list', listId);
    expect(audit).toMatchObject({ action: 'member_add' });
    expect(audit.diff).toMatchObject({
      projectId: { before: null, after: ids.P1 },
      batch: { before: null, after: '在建' },
    });
    expect((await add(office, listId, 'P2', '新开工')).json().applied).toBe(true);
    // a county project is within the city list's region
    expect((await add(office, listId, 'L1', '重大前期')).json().applied).toBe(true);
    expect(await current(listId)).toEqual(['L1:重大前期', 'P1:在建', 'P2:新开工']);
    expect((await detail(listId)).memberCount).toBe(3);
  });

  it('refuses a batch outside the list’s scheme (400 at body.batch)', async () => {
    const res = await add(office, listId, 'P3', '开工建设一批');
    expectError(res, 400, 'VALIDATION', 'body.batch');
    expect(res.json().error.details[0].message).toBe('批次应为：在建、新开工、重大前期');

    const four = await office.post('/api/project-lists', {
      year: 2026,
      level: 'leader',
      name: '2026年市领导联系项目',
      regionCode: '230600',
      batchScheme: 'four_batches',
    });
    expect(four.json().batches).toEqual(['竣工投产一批', '开工建设一批', '申报立项一批', '包装储备一批']);
    expectError(await add(office, four.json().id, 'P3', '在建'), 400, 'VALIDATION', 'body.batch');
    expect((await add(office, four.json().id, 'P3', '开工建设一批')).json().applied).toBe(true);
    expect(await current(listId)).not.toContain('P3:开工建设一批');
  });

  it('refuses a project outside the list’s region (400 at body.projectId), and a project already on it', async () => {
    const county = await office.post('/api/project-lists', {
      year: 2026,
      level: 'county',
      name: '2026年林甸县重点项目',
      regionCode: '230623',
    });
    expect(county.statusCode, county.body).toBe(201);
    const outside = await add(office, county.json().id, 'P1', '在建');
    expectError(outside, 400, 'VALIDATION', 'body.projectId');
    expect(outside.json().error.details[0].message).toBe('项目不在名单所属行政区划内');
    expect((await add(lindian, county.json().id, 'L1', '在建')).json().applied).toBe(true);

    const again = await add(office, listId, 'P1', '新开工');
    expectError(again, 400, 'VALIDATION', 'body.projectId');
    expect(again.json().error.details[0].message).toBe('项目已在名单中');
  });

  it('the lead unit may not edit a draft list (403)', async () => {
    expectError(await add(unitUser, listId, 'P3', '在建', '牵头单位申请'), 403, 'FORBIDDEN');
    expectError(
      await unitUser.patch(`/api/project-lists/${listId}/members/${ids.P1}`, {
        batch: '新开工',
        reason: '已开工',
      }),
      403,
      'FORBIDDEN',
    );
    expect(await current(listId)).toEqual(['L1:重大前期', 'P1:在建', 'P2:新开工']);
  });
});

describe('a published list', () => {
  let addRequest: number;

  it('publishes once (audit "publish"); publishing again is 409', async () => {
    const res = await office.post(`/api/project-lists/${listId}/publish`, { version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'published', version: 2, memberCount: 3 });
    expect(res.json().publishedAt).not.toBeNull();
    const audit = await lastAuditOf('project_list', listId);
    expect(audit).toMatchObject({ action: 'publish' });
    expect(audit.diff).toMatchObject({
      status: { before: 'draft', after: 'published' },
      members: { after: 3 },
    });
    expectError(
      await office.post(`/api/project-lists/${listId}/publish`, { version: 1 }),
      409,
      'VERSION_CONFLICT',
    );
    expectError(
      await office.post(`/api/project-lists/${listId}/publish`, { version: 2 }),
      409,
      'INVALID_STATE',
    );
  });

  it('an addition needs a reason (400 at body.reason)', async () => {
    for (const reason of [undefined, '', '  ']) {
      const res = await add(office, listId, 'P3', '重大前期', reason);
      expectError(res, 400, 'VALIDATION', 'body.reason');
      expect(res.json().error.details[0].message).toBe('名单发布后调整须说明原因');
    }
  });

  it('with a reason it becomes a pending adjustment (applied: false) and the membership is unchanged', async () => {
    const res = await add(office, listId, 'P3', '重大前期', '年中新增重大前期项目');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      applied: false,
      adjustment: {
        listId,
        projectId: ids.P3,
        projectName: '名单测试项目P3',
        kind: 'add',
        batch: '重大前期',
        reason: '年中新增重大前期项目',
        status: 'pending',
        requestedBy: '汤子涵',
        decidedBy: null,
        decidedAt: null,
      },
    });
    addRequest = res.json().adjustment.id;
    expect(await current(listId)).toEqual(['L1:重大前期', 'P1:在建', 'P2:新开工']);
    expect(await detail(listId)).toMatchObject({ memberCount: 3, pendingAdjustments: 1 });
    const audit = await lastAuditOf('project_list', listId);
    expect(audit).toMatchObject({ action: 'request_adjustment', reason: '年中新增重大前期项目' });
    expect(audit.diff).toMatchObject({ kind: { after: 'add' }, projectId: { after: ids.P3 } });
  });

  it('a second pending request for the same project is 409', async () => {
    const res = await office.post(`/api/project-lists/${listId}/members/${ids.P3}/remove`, {
      reason: '撤回',
    });
    expectError(res, 409, 'INVALID_STATE', 'projectId');
    expect(res.json().error.details[0].message).toBe('该项目已有待审批的调整');
    expectError(await add(admin, listId, 'P3', '在建', '另一申请'), 409, 'INVALID_STATE');
    expect((await detail(listId)).pendingAdjustments).toBe(1);
  });

  it('the requester cannot approve their own request (403); the lead unit cannot decide at all', async () => {
    const own = await decide(office, addRequest, true);
    expectError(own, 403, 'FORBIDDEN');
    expect(own.json().error.details[0].message).toBe('不能审批自己提出的调整');
    expectError(await decide(unitUser, addRequest, true), 403, 'FORBIDDEN');
    expect(await current(listId)).not.toContain('P3:重大前期');
  });

  it('another office user (admin) approves: the member is added; audit "approve_adjustment"', async () => {
    const res = await decide(admin, addRequest, true, '同意调入');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: addRequest,
      status: 'approved',
      decidedBy: '系统管理员',
      decisionNote: '同意调入',
    });
    expect(res.json().decidedAt).not.toBeNull();
    expect(await current(listId)).toEqual(['L1:重大前期', 'P1:在建', 'P2:新开工', 'P3:重大前期']);
    const p3 = ((await detail(listId)).members as Member[]).find((m) => m.projectId === ids.P3)!;
    expect(p3).toMatchObject({ batch: '重大前期', removedAt: null, reason: '年中新增重大前期项目' });
    expect(await detail(listId)).toMatchObject({ memberCount: 4, pendingAdjustments: 0 });
    const audit = await lastAuditOf('project_list', listId);
    expect(audit).toMatchObject({
      action: 'approve_adjustment',
      reason: '同意调入',
      actor_name: '系统管理员',
    });
    // decided once only
    expectError(await decide(admin, addRequest, false), 409, 'INVALID_STATE');
  });

  it('a batch change, once approved, closes the old row and opens a new one: the history stays visible', async () => {
    const req = await office.patch(`/api/project-lists/${listId}/members/${ids.P1}`, {
      batch: '新开工',
      reason: '调整为新开工项目',
    });
    expect(req.statusCode, req.body).toBe(200);
    expect(req.json()).toMatchObject({
      applied: false,
      adjustment: { kind: 'change_batch', batch: '新开工' },
    });
    expect(await current(listId)).toContain('P1:在建');

    const ok = await decide(admin, req.json().adjustment.id, true);
    expect(ok.statusCode, ok.body).toBe(200);
    const rows = ((await detail(listId)).members as Member[]).filter((m) => m.projectId === ids.P1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ batch: '在建', reason: '调整为新开工项目' });
    expect(rows[0]!.removedAt).not.toBeNull();
    expect(rows[1]).toMatchObject({ batch: '新开工', removedAt: null, reason: '调整为新开工项目' });
    expect(await current(listId)).toEqual(['L1:重大前期', 'P1:新开工', 'P2:新开工', 'P3:重大前期']);
    expect((await detail(listId)).memberCount).toBe(4);
  });

  it('a request that could never be applied is refused when filed, not when approved', async () => {
    const members = (await detail(listId)).members.filter((m: { removedAt: string | null }) => !m.removedAt);
    const member = members[0]!;
    const again = await office.post(`/api/project-lists/${listId}/members`, {
      projectId: member.projectId,
      batch: member.batch,
      reason: '重复调入',
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details[0]).toMatchObject({
      path: 'body.projectId',
      message: '项目已在名单中',
    });
  });

  it('a rejected request leaves the membership unchanged; audit "reject_adjustment" with the note', async () => {
    const before = (await detail(listId)).members;
    const req = await office.post(`/api/project-lists/${listId}/members/${ids.P2}/remove`, {
      reason: '项目暂缓',
    });
    expect(req.json()).toMatchObject({ applied: false, adjustment: { kind: 'remove', batch: null } });
    const res = await decide(admin, req.json().adjustment.id, false, '理由不充分');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'rejected',
      decidedBy: '系统管理员',
      decisionNote: '理由不充分',
    });
    expect((await detail(listId)).members).toEqual(before);
    const audit = await lastAuditOf('project_list', listId);
    expect(audit).toMatchObject({ action: 'reject_adjustment', reason: '理由不充分' });
    // a decided request no longer blocks a new one
    const again = await office.post(`/api/project-lists/${listId}/members/${ids.P2}/remove`, {
      reason: '项目终止',
    });
    expect(again.json()).toMatchObject({ applied: false, adjustment: { status: 'pending' } });
    const removed = await decide(admin, again.json().adjustment.id, true);
    expect(removed.statusCode, removed.body).toBe(200);
    const p2 = ((await detail(listId)).members as Member[]).filter((m) => m.projectId === ids.P2);
    expect(p2).toHaveLength(1);
    expect(p2[0]!.removedAt).not.toBeNull();
    expect(p2[0]!.reason).toBe('项目终止');
    expect(await current(listId)).toEqual(['L1:重大前期', 'P1:新开工', 'P3:重大前期']);
  });

  it('the lead unit may request a change on a published list; the office approves it', async () => {
    const req = await unitUser.patch(`/api/project-lists/${listId}/members/${ids.P1}`, {
      batch: '在建',
      reason: '主体已开工',
    });
    expect(req.statusCode, req.body).toBe(200);
    expect(req.json()).toMatchObject({
      applied: false,
      adjustment: { kind: 'change_batch', batch: '在建', requestedBy: '许嘉宁', status: 'pending' },
    });
    // the unit co-operates on P3 but does not lead it
    expectError(
      await unitUser.patch(`/api/project-lists/${listId}/members/${ids.P3}`, {
        batch: '在建',
        reason: '协办申请',
      }),
      403,
      'FORBIDDEN',
    );
    const ok = await decide(office, req.json().adjustment.id, true);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', decidedBy: '汤子涵' });
    expect(await current(listId)).toContain('P1:在建');
  });

  it('lists every adjustment, newest first', async () => {
    const res = await office.get(`/api/project-lists/${listId}/adjustments`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().map((a: { kind: string; status: string }) => `${a.kind}:${a.status}`)).toEqual([
      'change_batch:approved',
      'remove:approved',
      'remove:rejected',
      'change_batch:approved',
      'add:approved',
    ]);
  });
});
