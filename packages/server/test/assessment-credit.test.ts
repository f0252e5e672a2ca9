/**
 * Enterprise credit against a real database (issue 15): admission with its validation (field paths,
 * Chinese messages), scope, edits with versions, the status machine allowed and refused, a failed
 * evaluation writing a bad record and an excellent one a good record in the same transaction,
 * duplicate evaluations refused, manual records with their cause, the public list (admitted firms
 * only, public fields only) and the .xlsx exports.
 */
import type { CreditRecord, Enterprise, Evaluation } from '@ducha/contract';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkbook } from '../src/platform/excel.ts';
import { cityProject, demoUnits, signInAs, supervisedItem, unit, type DemoRole } from './factories.ts';
import { auditHelpers, createTestApp, expectError, type Client, type TestApp } from './helpers.ts';

let t: TestApp;
let c: Record<DemoRole, Client>;
let u: Awaited<ReturnType<typeof demoUnits>>;
let firmUnit: number;
let otherUnit: number;
let countyUnit: number;
let proj: number;
let countyProj: number;
const { lastAuditOf } = auditHelpers(() => t);

beforeAll(async () => {
  t = await createTestApp();
  c = await signInAs(t);
  u = await demoUnits(t);
  firmUnit = (await unit(c.office, { name: '大庆建工项目管理有限公司', type: 'enterprise' })).id;
  otherUnit = (await unit(c.office, { name: '大庆华昌工程管理咨询有限公司', type: 'enterprise' })).id;
  countyUnit = (
    await unit(c.office, { name: '林甸县城乡建设工程管理有限公司', type: 'soe', regionCode: '230623' })
  ).id;
  proj = (await cityProject(c.office, { name: '东风新村棚户区改造配套道路工程' })).id;
  countyProj = (await cityProject(c.office, { regionCode: '230623', name: '林甸县温泉大街改造工程' })).id;
}, 120_000);
afterAll(() => t.close());

const admit = (who: Client, body: Record<string, unknown>) =>
  who.post('/api/enterprises', {
    regionCode: '230600',
    kind: 'agent',
    grade: 'A',
    specialties: ['房屋建筑', '市政公用'],
    admittedOn: '2026-01-10',
    ...body,
  });
const created = async <T>(
  p: Promise<{ statusCode: number; body: string; json: () => unknown }>,
  status = 201,
) => {
  const res = await p;
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};
const details = (res: { json: () => unknown }) =>
  (res.json() as { error: { details: { path: string; message: string }[] } }).error.details;

describe('the directory', () => {
  let firm: Enterprise;

  it('the office admits a firm; the admission is audited', async () => {
    firm = await created<Enterprise>(admit(c.office, { unitId: firmUnit, notes: '市级代建名录' }));
    expect(firm).toMatchObject({
      unitName: '大庆建工项目管理有限公司',
      kind: 'agent',
      grade: 'A',
      specialties: ['房屋建筑', '市政公用'],
      status: 'admitted',
      admittedOn: '2026-01-10',
      statusOn: '2026-01-10',
      goodRecords: 0,
      badRecords: 0,
      latestScore: null,
      version: 1,
    });
    expect((await lastAuditOf('enterprise', firm.id)).action).toBe('admit');
    // the firm's timeline: for those who read the firm
    const trail = await c.office.get(`/api/audit?entity=enterprise&id=${firm.id}`);
    expect(trail.statusCode, trail.body).toBe(200);
    expect((trail.json() as { items: { action: string }[] }).items.map((e) => e.action)).toEqual(['admit']);
    expect((await c.leader.get(`/api/audit?entity=enterprise&id=${firm.id}`)).statusCode).toBe(200);
    expectError(await c.unit.get(`/api/audit?entity=enterprise&id=${firm.id}`), 403, 'OUT_OF_SCOPE');
  });

  it('refuses bad input with the field path and a Chinese message', async () => {
    const bad = await c.office.post('/api/enterprises', { unitId: firmUnit, regionCode: '23', kind: 'x' });
    expectError(bad, 400, 'VALIDATION');
    const paths = details(bad).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.regionCode', 'body.kind', 'body.admittedOn']));
    expect(details(bad).find((d) => d.path === 'body.regionCode')!.message).toBe(
      '区划代码应为 6、9 或 12 位数字',
    );
    const dict = await admit(c.office, { unitId: otherUnit, specialties: ['航空航天'] });
    expectError(dict, 400, 'VALIDATION', 'body.specialties');
    expect(details(dict)[0]!.message).toBe('专业不在字典中：航空航天');
    const dept = await admit(c.office, { unitId: u.zjj });
    expectError(dept, 400, 'VALIDATION', 'body.unitId');
    expect(details(dept)[0]!.message).toBe('只有企业或国有企业可以入库');
    expectError(await admit(c.office, { unitId: firmUnit }), 409, 'INVALID_STATE', 'body.unitId');
  });

  it('only the office over the region admits', async () => {
    expectError(await admit(c.leader, { unitId: otherUnit }), 403, 'OUT_OF_SCOPE');
    expectError(await admit(c.office_lindian, { unitId: otherUnit }), 403, 'OUT_OF_SCOPE');
    expectError(await admit(c.unit, { unitId: otherUnit }), 403, 'OUT_OF_SCOPE');
    expectError(await admit(c.reporter, { unitId: otherUnit }), 403, 'FORBIDDEN');
    const county = await created<Enterprise>(
      admit(c.office_lindian, {
        unitId: countyUnit,
        regionCode: '230623',
        grade: 'B',
        kind: 'contractor',
        specialties: ['房屋建筑'],
      }),
    );
    expect(county.regionCode).toBe('230623');
  });

  it('lists with filters, each reader their scope', async () => {
    const list = async (who: Client, q = '') =>
      (
        await created<{ items: Enterprise[]; total: number }>(who.get(`/api/enterprises?${q}`), 200)
      ).items.map((e) => e.unitName);
    expect(await list(c.office)).toEqual(['大庆建工项目管理有限公司', '林甸县城乡建设工程管理有限公司']);
    expect(await list(c.office, 'kind=agent')).toEqual(['大庆建工项目管理有限公司']);
    expect(await list(c.office, 'grade=B')).toEqual(['林甸县城乡建设工程管理有限公司']);
    expect(await list(c.office, 'specialty=市政公用')).toEqual(['大庆建工项目管理有限公司']);
    expect(await list(c.office, 'specialty=水利水务')).toEqual([]);
    expect(await list(c.office, 'q=建工')).toEqual(['大庆建工项目管理有限公司']);
    expect(await list(c.office, 'regionCode=230623')).toEqual(['林甸县城乡建设工程管理有限公司']);
    expect(await list(c.office, 'status=suspended')).toEqual([]);
    // the county office sees its own firm and the city's directory above it; the leader both
    expect(await list(c.office_lindian)).toHaveLength(2);
    expect(await list(c.leader)).toHaveLength(2);
    // unit staff: their own firm only (the 住建局 is no firm)
    expect(await list(c.unit)).toEqual([]);
    expectError(await c.reporter.get('/api/enterprises'), 403, 'FORBIDDEN');
    expectError(await c.office.get('/api/enterprises?kind=bank'), 400, 'VALIDATION', 'querystring.kind');
  });

  it('reads one in scope; 404 for none', async () => {
    expect((await c.leader.get(`/api/enterprises/${firm.id}`)).statusCode).toBe(200);
    expectError(await c.unit.get(`/api/enterprises/${firm.id}`), 403, 'OUT_OF_SCOPE');
    expectError(await c.office.get('/api/enterprises/999999'), 404, 'NOT_FOUND');
  });

  it('edits with the version; a stale one is 409', async () => {
    const res = await c.office.patch(`/api/enterprises/${firm.id}`, {
      version: 1,
      grade: 'B',
      specialties: ['交通道路'],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ grade: 'B', specialties: ['交通道路'], version: 2 });
    const audit = await lastAuditOf('enterprise', firm.id);
    expect(audit.action).toBe('update');
    expectError(
      await c.office.patch(`/api/enterprises/${firm.id}`, { version: 1, notes: '旧' }),
      409,
      'VERSION_CONFLICT',
    );
    expectError(
      await c.leader.patch(`/api/enterprises/${firm.id}`, { version: 2, notes: 'x' }),
      403,
      'OUT_OF_SCOPE',
    );
    firm = res.json() as Enterprise;
  });

  it('the status machine: suspend, restore, remove; a removed firm re-enters by the admin only', async () => {
    const step = (
      who: Client,
      status: string,
      on: string,
      version: number,
      reason = '考评不合格，暂停承接新项目',
    ) => who.post(`/api/enterprises/${firm.id}/status`, { version, status, on, reason });
    expectError(
      await step(c.office, 'admitted', '2026-03-01', firm.version),
      409,
      'INVALID_STATE',
      'body.status',
    );
    expectError(await step(c.leader, 'suspended', '2026-03-01', firm.version), 403, 'OUT_OF_SCOPE');
    const noReason = await c.office.post(`/api/enterprises/${firm.id}/status`, {
      version: firm.version,
      status: 'suspended',
      on: '2026-03-01',
      reason: ' ',
    });
    expectError(noReason, 400, 'VALIDATION', 'body.reason');
    expect(details(noReason)[0]!.message).toBe('不能为空');
    expectError(await step(c.office, 'suspended', '2025-12-31', firm.version), 400, 'VALIDATION', 'body.on');
    let f = await created<Enterprise>(step(c.office, 'suspended', '2026-03-01', firm.version), 200);
    expect(f).toMatchObject({
      status: 'suspended',
      statusOn: '2026-03-01',
      statusReason: '考评不合格，暂停承接新项目',
    });
    expect((await lastAuditOf('enterprise', firm.id)).action).toBe('suspend');
    expectError(await step(c.office, 'suspended', '2026-03-02', f.version - 1), 409, 'VERSION_CONFLICT');
    f = await created<Enterprise>(
      step(c.office, 'admitted', '2026-04-01', f.version, '整改到位，恢复承接'),
      200,
    );
    expect(f.status).toBe('admitted');
    expect((await lastAuditOf('enterprise', firm.id)).action).toBe('restore');
    f = await created<Enterprise>(
      step(c.office, 'removed', '2026-05-01', f.version, '连续两次考评不合格，清出名录'),
      200,
    );
    expect((await lastAuditOf('enterprise', firm.id)).action).toBe('remove');
    const back = await step(c.office, 'admitted', '2026-06-01', f.version, '重新申请');
    expectError(back, 409, 'INVALID_STATE', 'body.status');
    expect(details(back)[0]!.message).toBe('已清出的企业重新入库须由系统管理员办理');
    f = await created<Enterprise>(step(c.admin, 'admitted', '2026-06-01', f.version, '复核后重新入库'), 200);
    expect(f).toMatchObject({ status: 'admitted', admittedOn: '2026-06-01' });
    expect((await lastAuditOf('enterprise', firm.id)).action).toBe('readmit');
    firm = f;
  });
});

describe('evaluations and credit records', () => {
  let firm: Enterprise;
  let bad: Evaluation;

  beforeAll(async () => {
    firm = await created<Enterprise>(
      admit(c.office, { unitId: otherUnit, grade: 'B', specialties: ['市政公用'], admittedOn: '2026-01-05' }),
    );
  });
  const evaluate = (who: Client, body: Record<string, unknown>) =>
    who.post('/api/enterprise-evaluations', {
      enterpriseId: firm.id,
      year: 2026,
      quarter: 1,
      kind: 'random',
      projectId: proj,
      score: '80',
      evaluatedOn: '2026-03-28',
      ...body,
    });
  const records = async (q = `enterpriseId=${firm.id}`) =>
    (await created<{ items: CreditRecord[] }>(c.office.get(`/api/credit-records?${q}`), 200)).items;

  it('a 良好 evaluation writes no credit record', async () => {
    const e = await created<Evaluation>(evaluate(c.office, { score: 89.99 }));
    expect(e).toMatchObject({
      grade: 'good',
      score: '89.99',
      creditRecordId: null,
      projectName: '东风新村棚户区改造配套道路工程',
    });
    expect((await lastAuditOf('enterprise_evaluation', e.id)).action).toBe('create');
    expect(await records()).toEqual([]);
  });

  it('a failed evaluation writes a bad record linked to it', async () => {
    bad = await created<Evaluation>(
      evaluate(c.office, { quarter: 2, score: '58.5', evaluatedOn: '2026-06-26' }),
    );
    expect(bad.grade).toBe('fail');
    expect(bad.creditRecordId).toEqual(expect.any(Number));
    const [rec] = await records();
    expect(rec).toMatchObject({
      id: bad.creditRecordId,
      kind: 'bad',
      causeKind: 'evaluation',
      causeId: bad.id,
      causeHref: `/assessment/credit/enterprises/${firm.id}?evaluation=${bad.id}`,
      recordedOn: '2026-06-26',
      reason:
        '2026年第2季度随机抽查代建考评不合格（58.50分）：东风新村棚户区改造配套道路工程，约谈，记入不良行为记录',
    });
    expect((await lastAuditOf('credit_record', rec!.id)).action).toBe('create');
    const f = await created<Enterprise>(c.office.get(`/api/enterprises/${firm.id}`), 200);
    expect([f.badRecords, f.goodRecords, f.latestScore]).toEqual([1, 0, '74.25']);
  });

  it('an excellent evaluation writes a good record', async () => {
    const e = await created<Evaluation>(
      evaluate(c.office, { quarter: 3, kind: 'focused', score: 90, evaluatedOn: '2026-09-20' }),
    );
    expect(e.grade).toBe('excellent');
    const good = (await records('kind=good')).filter((r) => r.enterpriseId === firm.id);
    expect(good).toHaveLength(1);
    expect(good[0]).toMatchObject({ causeId: e.id, kind: 'good' });
    expect(good[0]!.reason).toContain('通报表扬，记入良好信用记录');
  });

  it('the record is written in the evaluation’s transaction: when it cannot be, no evaluation stays', async () => {
    const db = t.database.db;
    const next = Number(
      (await sql<{ v: string }>`select last_value + 1 as v from enterprise_evaluations_id_seq`.execute(db))
        .rows[0]!.v,
    );
    // a record already caused by the evaluation about to be written makes its record fail
    await db
      .insertInto('credit_records')
      .values({
        enterprise_id: firm.id,
        kind: 'bad',
        cause_kind: 'evaluation',
        cause_id: next,
        reason: '占位',
        recorded_on: '2026-12-01',
      })
      .execute();
    const res = await evaluate(c.office, { quarter: 4, score: '10', evaluatedOn: '2026-12-01' });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    const left = await db
      .selectFrom('enterprise_evaluations')
      .select('id')
      .where('enterprise_id', '=', firm.id)
      .where('quarter', '=', 4)
      .execute();
    expect(left).toEqual([]);
    await db.deleteFrom('credit_records').where('cause_id', '=', next).where('reason', '=', '占位').execute();
  });

  it('refuses a second evaluation of the firm, quarter and project; bad scores and quarters', async () => {
    expectError(await evaluate(c.office, { score: '70' }), 409, 'INVALID_STATE', 'body.projectId');
    const s = await evaluate(c.office, { quarter: 4, score: '100.5' });
    expectError(s, 400, 'VALIDATION', 'body.score');
    expect(details(s)[0]!.message).toBe('得分应为 0 至 100，最多两位小数');
    expectError(await evaluate(c.office, { quarter: 4, score: '-1' }), 400, 'VALIDATION', 'body.score');
    expectError(await evaluate(c.office, { quarter: 4, score: '80.123' }), 400, 'VALIDATION', 'body.score');
    const early = await evaluate(c.office, { quarter: 4 });
    expectError(early, 400, 'VALIDATION', 'body.evaluatedOn');
    expect(details(early)[0]!.message).toBe('考评日期不能早于所评季度的首日 2026-10-01');
    const q = await evaluate(c.office, { quarter: 5 });
    expectError(q, 400, 'VALIDATION', 'body.quarter');
    expect(details(q)[0]!.message).toBe('季度应在 1 至 4 之间');
    expectError(
      await evaluate(c.office, { quarter: 4, projectId: 999999 }),
      400,
      'VALIDATION',
      'body.projectId',
    );
    expectError(
      await evaluate(c.office, { quarter: 4, enterpriseId: 999999 }),
      400,
      'VALIDATION',
      'body.enterpriseId',
    );
    expectError(
      await evaluate(c.office, { quarter: 4, inspectionId: 999999, evaluatedOn: '2026-12-01' }),
      400,
      'VALIDATION',
      'body.inspectionId',
    );
  });

  it('a focused check from an inspection of the same project; another project’s inspection is refused', async () => {
    const db = t.database.db;
    const ins = await db
      .insertInto('inspections')
      .values({ region_code: '230600', project_id: proj, code: 'JC-CREDIT-1', status: 'formal_report' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const other = await db
      .insertInto('inspections')
      .values({ region_code: '230623', project_id: countyProj, code: 'JC-CREDIT-2', status: 'formal_report' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const wrong = await evaluate(c.office, {
      quarter: 4,
      kind: 'focused',
      inspectionId: other.id,
      evaluatedOn: '2026-12-01',
    });
    expectError(wrong, 400, 'VALIDATION', 'body.inspectionId');
    expect(details(wrong)[0]!.message).toBe('该稽察不是对所评项目的稽察');
    const e = await created<Evaluation>(
      evaluate(c.office, {
        quarter: 4,
        kind: 'focused',
        inspectionId: ins.id,
        score: '61',
        evaluatedOn: '2026-12-01',
      }),
    );
    expect([e.inspectionId, e.grade, e.creditRecordId]).toEqual([ins.id, 'pass', null]);
    // the inspection may cause a record of this firm and of another one, once each
    const rec = (enterpriseId: number) =>
      c.office.post('/api/credit-records', {
        enterpriseId,
        kind: 'bad',
        causeKind: 'inspection',
        causeId: ins.id,
        reason: '稽察发现未按合同配备现场管理人员',
        recordedOn: '2026-12-01',
      });
    const r = await created<CreditRecord>(rec(firm.id));
    expect(r.causeHref).toBe(`/inspections/${ins.id}`);
    const another = (await c.office.get('/api/enterprises?q=建工')).json() as { items: Enterprise[] };
    expect((await rec(another.items[0]!.id)).statusCode).toBe(201);
    expectError(await rec(firm.id), 409, 'INVALID_STATE', 'body.causeId');
    await db.deleteFrom('enterprise_evaluations').where('id', '=', e.id).execute();
  });

  it('only the office over the project evaluates', async () => {
    expectError(await evaluate(c.office_lindian, { quarter: 4 }), 403, 'OUT_OF_SCOPE');
    expectError(await evaluate(c.leader, { quarter: 4 }), 403, 'OUT_OF_SCOPE');
    expectError(await evaluate(c.unit, { quarter: 4 }), 403, 'OUT_OF_SCOPE');
    // 林甸's office evaluates the city firm on a 林甸 project
    const e = await created<Evaluation>(
      evaluate(c.office_lindian, {
        quarter: 4,
        projectId: countyProj,
        score: '77',
        evaluatedOn: '2026-12-01',
      }),
    );
    expect(e.grade).toBe('good');
  });

  it('lists evaluations with filters', async () => {
    const list = async (q: string) =>
      (await created<{ items: Evaluation[] }>(c.office.get(`/api/enterprise-evaluations?${q}`), 200)).items;
    expect((await list(`enterpriseId=${firm.id}`)).map((e) => e.quarter)).toEqual([4, 3, 2, 1]);
    expect((await list('grade=fail')).map((e) => e.id)).toEqual([bad.id]);
    expect((await list('year=2026&quarter=3&kind=focused')).map((e) => e.grade)).toEqual(['excellent']);
    expect(await list('year=2025')).toEqual([]);
    expectError(await c.reporter.get('/api/enterprise-evaluations'), 403, 'FORBIDDEN');
    expect(
      (await created<{ items: Evaluation[] }>(c.unit.get('/api/enterprise-evaluations'), 200)).items,
    ).toEqual([]);
  });

  it('the office records a manual good or bad record with its reason and cause', async () => {
    const rec = (who: Client, body: Record<string, unknown>) =>
      who.post('/api/credit-records', {
        enterpriseId: firm.id,
        kind: 'good',
        causeKind: 'manual',
        reason: '获评省级优质工程“龙江杯”',
        recordedOn: '2026-10-10',
        ...body,
      });
    const r = await created<CreditRecord>(rec(c.office, {}));
    expect(r).toMatchObject({
      kind: 'good',
      causeKind: 'manual',
      causeId: null,
      causeHref: null,
      createdBy: expect.any(String),
    });
    expect((await lastAuditOf('credit_record', r.id)).action).toBe('create');
    const empty = await rec(c.office, { reason: '' });
    expectError(empty, 400, 'VALIDATION', 'body.reason');
    expect(details(empty)[0]!.message).toBe('不能为空');
    expectError(await rec(c.office, { causeKind: 'inspection' }), 400, 'VALIDATION', 'body.causeId');
    expectError(await rec(c.office, { causeId: 5 }), 400, 'VALIDATION', 'body.causeId');
    expectError(
      await rec(c.office, { causeKind: 'inspection', causeId: 999999 }),
      400,
      'VALIDATION',
      'body.causeId',
    );
    expectError(
      await rec(c.office, { causeKind: 'evaluation', causeId: 1 }),
      400,
      'VALIDATION',
      'body.causeKind',
    );
    expectError(await rec(c.leader, {}), 403, 'OUT_OF_SCOPE');
    expectError(await rec(c.office_lindian, {}), 403, 'OUT_OF_SCOPE');
    const { item } = await supervisedItem(c.office, { projectId: proj, title: '代建单位现场管理人员不到位' });
    const byItem = await created<CreditRecord>(
      rec(c.office, { kind: 'bad', causeKind: 'item', causeId: item.id }),
    );
    expect(byItem.causeHref).toBe(`/items/${item.id}`);
    // one record per firm and cause; another firm may be recorded for the same item
    expectError(
      await rec(c.office, { kind: 'bad', causeKind: 'item', causeId: item.id }),
      409,
      'INVALID_STATE',
      'body.causeId',
    );
    const f = await created<Enterprise>(c.office.get(`/api/enterprises/${firm.id}`), 200);
    expect(f.goodRecords).toBe(2);
  });

  it('lists records by kind and year, in scope', async () => {
    expect((await records(`enterpriseId=${firm.id}&kind=bad&year=2026`)).length).toBeGreaterThanOrEqual(1);
    expect(await records(`enterpriseId=${firm.id}&year=2025`)).toEqual([]);
    expect((await created<{ items: CreditRecord[] }>(c.unit.get('/api/credit-records'), 200)).items).toEqual(
      [],
    );
    expectError(await c.reporter.get('/api/credit-records'), 403, 'FORBIDDEN');
  });
});

describe('the public list and the exports', () => {
  it('lists admitted firms only, with public fields, without login', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/enterprises?pageSize=100' });
    expect(res.statusCode, res.body).toBe(200);
    const items = (res.json() as { items: Record<string, unknown>[] }).items;
    expect(items.map((i) => i.name)).toEqual(
      expect.arrayContaining(['大庆建工项目管理有限公司', '大庆华昌工程管理咨询有限公司']),
    );
    expect(Object.keys(items[0]!).sort()).toEqual([
      'admittedOn',
      'grade',
      'kind',
      'name',
      'regionName',
      'specialties',
    ]);
    // suspend one: it drops out
    const f = (await c.office.get('/api/enterprises?q=华昌')).json() as { items: Enterprise[] };
    const s = await c.office.post(`/api/enterprises/${f.items[0]!.id}/status`, {
      version: f.items[0]!.version,
      status: 'suspended',
      on: '2026-11-01',
      reason: '暂停承接',
    });
    expect(s.statusCode, s.body).toBe(200);
    const after = (
      await t.app.inject({ method: 'GET', url: '/api/public/enterprises?kind=agent' })
    ).json() as {
      items: { name: string }[];
    };
    expect(after.items.map((i) => i.name)).toEqual(['大庆建工项目管理有限公司']);
  });

  it('exports the directory (名录) as .xlsx, one sheet per kind', async () => {
    const res = await c.office.get('/api/enterprises.xlsx');
    expect(res.statusCode).toBe(200);
    const wb = await openWorkbook(res.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['代建单位名录', '施工单位名录']);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(2).value).toBe('企业名称');
    expect(ws.rowCount).toBe(3);
    // both 乙类 by now: by admission, the readmitted firm last
    expect([2, 3].map((r) => ws.getRow(r).getCell(2).value)).toEqual([
      '大庆华昌工程管理咨询有限公司',
      '大庆建工项目管理有限公司',
    ]);
    expect(ws.getRow(2).getCell(6).value).toBe('暂停承接');
    expectError(await c.reporter.get('/api/enterprises.xlsx'), 403, 'FORBIDDEN');
  });

  it('exports a quarter’s evaluations as .xlsx', async () => {
    const res = await c.office.get('/api/enterprise-evaluations.xlsx?year=2026&quarter=2');
    expect(res.statusCode).toBe(200);
    const wb = await openWorkbook(res.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '考评明细']);
    const sum = wb.worksheets[0]!;
    expect(sum.getRow(5).values).toEqual([undefined, '不合格', 1, '大庆华昌工程管理咨询有限公司']);
    const detail = wb.worksheets[1]!;
    expect(detail.rowCount).toBe(2);
    expect(detail.getRow(2).getCell(5).value).toBe(58.5);
    expect(detail.getRow(2).getCell(9).value).toBe('不良行为记录');
    expectError(
      await c.office.get('/api/enterprise-evaluations.xlsx?year=2026'),
      400,
      'VALIDATION',
      'querystring.quarter',
    );
  });
});
