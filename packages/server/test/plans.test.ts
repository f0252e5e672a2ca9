/**
 * Annual plans and baselines over HTTP against the real database (DOMAIN §3): a draft split pro rata
 * to the cent, months that must add up, approval by the office into baseline 1, 2, …, superseded
 * baselines that stay readable with their own numbers, drafts saved with their version, and
 * milestone facts recorded only on the baseline in force.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yearMilestones, yearMilestonesOf } from '../src/modules/projects/index.ts';
import { todayInChina } from '../src/platform/time.ts';
import { cityProject, demoUnits, signInAs } from './factories.ts';
import { createTestApp, type Client, type TestApp, auditHelpers, expectError } from './helpers.ts';

let t: TestApp;
let office: Client;
let unitUser: Client;
let reporter: Client;
let lindian: Client;
let projectId: number;
let zjj: number;
let jtj: number;

const today = todayInChina();

beforeAll(async () => {
  t = await createTestApp();
  ({
    office,
    unit: unitUser,
    reporter,
    office_lindian: lindian,
  } = await signInAs(t, 'office', 'unit', 'reporter', 'office_lindian'));
  ({ zjj, jtj } = await demoUnits(t));
  projectId = await project('PLAN-1', zjj);
});
afterAll(async () => {
  await t.close();
});

const db = () => t.database.db;
const { lastAuditOf, auditCount } = auditHelpers(() => t);

const draftUrl = (id: number, year: number) => `/api/projects/${id}/plans/${year}/draft`;
const approveUrl = (id: number, year: number) => `/api/projects/${id}/plans/${year}/approve`;
const plans = async (id: number, year?: number) => {
  const res = await office.get(`/api/projects/${id}/plans${year ? `?year=${year}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

/** A city project led by `lead` (and co-operated on by `co`), created by the office. */
const project = async (code: string, lead: number, co: number[] = []) =>
  (
    await cityProject(office, {
      code,
      name: `${code} 年度计划测试项目`,
      totalInvestment: '50000',
      responsibleUnitId: lead,
      coUnitIds: co,
    })
  ).id;

const sumCents = (months: string[]) => months.reduce((acc, m) => acc + BigInt(m.replace('.', '')), 0n);

describe('drafts', () => {
  it('without monthly amounts the draft is split pro rata, summing exactly; audit "create"', async () => {
    const res = await office.put(draftUrl(projectId, 2026), {
      plannedInvestment: '1000.01',
      physicalTarget: '主体结构完成 60%',
      targetStart: '2026-04-01',
      milestones: [
        { name: '开工', plannedDate: '2026-04-01' },
        { name: '主体封顶', plannedDate: '2026-08-31' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const plan = res.json();
    expect(plan).toMatchObject({
      projectId,
      year: 2026,
      baselineNo: 0,
      status: 'draft',
      plannedInvestment: '1000.01',
      monthly: [...Array<string>(7).fill('83.33'), ...Array<string>(5).fill('83.34')],
      physicalTarget: '主体结构完成 60%',
      targetStart: '2026-04-01',
      createdBy: '汤子涵',
      approvedBy: null,
      approvedAt: null,
      effectiveFrom: null,
      changeReason: null,
      version: 1,
    });
    expect(sumCents(plan.monthly)).toBe(100001n);
    expect(plan.milestones).toMatchObject([
      { seq: 1, name: '开工', plannedDate: '2026-04-01', actualDate: null },
      { seq: 2, name: '主体封顶', plannedDate: '2026-08-31', actualDate: null },
    ]);
    const audit = await lastAuditOf('annual_plan', plan.id);
    expect(audit).toMatchObject({ action: 'create', actor_name: '汤子涵' });
    expect(audit.diff).toMatchObject({
      projectId: { before: null, after: projectId },
      year: { before: null, after: 2026 },
    });
    expect((audit.diff as Record<string, { after: unknown }>).milestones!.after).toHaveLength(2);
    expect(await plans(projectId, 2026)).toEqual([plan]);
  });

  it('monthly amounts that do not add up are 400 at body.monthly, naming both totals; nothing is saved', async () => {
    const monthly = [...Array<string>(11).fill('100.00'), '100.01'];
    const res = await office.put(draftUrl(projectId, 2027), { plannedInvestment: '1200', monthly });
    expectError(res, 400, 'VALIDATION', 'body.monthly');
    expect(res.json().error.details[0].message).toBe(
      '分月计划合计 1200.01 万元，与年度计划 1200.00 万元不一致',
    );
    const under = await office.put(draftUrl(projectId, 2027), {
      plannedInvestment: '1200',
      monthly: [...Array<string>(11).fill('100.00'), '99.99'],
    });
    expect(under.json().error.details[0].message).toBe(
      '分月计划合计 1199.99 万元，与年度计划 1200.00 万元不一致',
    );
    expectError(
      await office.put(draftUrl(projectId, 2027), {
        plannedInvestment: '1100',
        monthly: Array<string>(11).fill('100.00'),
      }),
      400,
      'VALIDATION',
      'body.monthly',
    );
    expect(await plans(projectId, 2027)).toEqual([]);
  });

  it('monthly amounts that add up are kept as given (numbers and strings, exact cents)', async () => {
    const res = await office.put(draftUrl(projectId, 2027), {
      plannedInvestment: 0.3,
      monthly: [0.1, '0.2', ...Array<number>(10).fill(0)],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      plannedInvestment: '0.30',
      monthly: ['0.10', '0.20', ...Array<string>(10).fill('0.00')],
    });
  });

  it('saving the draft again needs the draft’s version: none or a stale one is 409, the right one bumps it', async () => {
    const body = { plannedInvestment: '1200', milestones: [{ name: '竣工验收', plannedDate: '2026-12-20' }] };
    const audits = await auditCount();
    const missing = await office.put(draftUrl(projectId, 2026), body);
    expectError(missing, 409, 'VERSION_CONFLICT', 'version');
    expect(missing.json().error.details[0].message).toBe('已有草稿，请带上草稿版本号');
    expect(missing.json().error.currentVersion).toBe(1);
    expectError(
      await office.put(draftUrl(projectId, 2026), { ...body, version: 2 }),
      409,
      'VERSION_CONFLICT',
    );
    expect(await auditCount()).toBe(audits);

    // the lead unit prepares the draft too
    const ok = await unitUser.put(draftUrl(projectId, 2026), { ...body, version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      baselineNo: 0,
      status: 'draft',
      plannedInvestment: '1200.00',
      monthly: Array<string>(12).fill('100.00'),
      version: 2,
      physicalTarget: null,
    });
    expect(ok.json().milestones).toMatchObject([{ seq: 1, name: '竣工验收', plannedDate: '2026-12-20' }]);
    expect((await lastAuditOf('annual_plan', ok.json().id)).action).toBe('update');
    // still one draft for the year
    expect((await plans(projectId, 2026)).length).toBe(1);
  });

  it('co-units, reporters and other counties may not prepare a plan', async () => {
    const co = await project('PLAN-CO', jtj, [zjj]);
    expectError(await unitUser.put(draftUrl(co, 2026), { plannedInvestment: '10' }), 403, 'FORBIDDEN');
    expectError(await reporter.put(draftUrl(co, 2026), { plannedInvestment: '10' }), 403, 'FORBIDDEN');
    expectError(await lindian.put(draftUrl(co, 2026), { plannedInvestment: '10' }), 403, 'OUT_OF_SCOPE');
    expect(await plans(co)).toEqual([]);
  });

  it('negative amounts are refused by the schema', async () => {
    expectError(
      await office.put(draftUrl(projectId, 2028), { plannedInvestment: '-1.00' }),
      400,
      'VALIDATION',
      'body.plannedInvestment',
    );
  });
});

describe('baselines', () => {
  let baseline1: { id: number; milestones: { id: number }[] };

  it('only the office approves: the lead unit gets 403', async () => {
    expectError(await unitUser.post(approveUrl(projectId, 2026), { version: 2 }), 403, 'FORBIDDEN');
    expect((await plans(projectId, 2026))[0]).toMatchObject({ status: 'draft', baselineNo: 0 });
  });

  it('a stale version is 409; approving makes baseline 1 with approver and effective date; audit "approve_baseline"', async () => {
    expectError(
      await office.post(approveUrl(projectId, 2026), { version: 1 }),
      409,
      'VERSION_CONFLICT',
      'version',
    );
    const res = await office.post(approveUrl(projectId, 2026), { version: 2, effectiveFrom: '2026-01-01' });
    expect(res.statusCode, res.body).toBe(200);
    const plan = res.json();
    expect(plan).toMatchObject({
      baselineNo: 1,
      status: 'approved',
      approvedBy: '汤子涵',
      effectiveFrom: '2026-01-01',
      plannedInvestment: '1200.00',
      version: 3,
    });
    expect(Date.parse(plan.approvedAt)).toBeGreaterThan(Date.now() - 60_000);
    baseline1 = plan;

    const audit = await lastAuditOf('annual_plan', plan.id);
    expect(audit).toMatchObject({ action: 'approve_baseline', actor_name: '汤子涵', reason: null });
    expect(audit.diff).toMatchObject({
      status: { before: 'draft', after: 'approved' },
      baselineNo: { before: null, after: 1 },
      effectiveFrom: { before: null, after: '2026-01-01' },
    });
    // no draft is left to approve
    expectError(await office.post(approveUrl(projectId, 2026), { version: 3 }), 404, 'NOT_FOUND');
  });

  it('once a baseline exists, a new draft must say why (400 at body.changeReason); with a reason it is a draft', async () => {
    const body = {
      plannedInvestment: '1500.00',
      milestones: [
        { name: '主体封顶', plannedDate: '2026-09-30' },
        { name: '竣工验收', plannedDate: '2027-01-20' },
      ],
    };
    for (const changeReason of [undefined, null, '', '   ']) {
      const res = await office.put(draftUrl(projectId, 2026), { ...body, changeReason });
      expectError(res, 400, 'VALIDATION', 'body.changeReason');
      expect(res.json().error.details[0].message).toBe('已有批准的基线，调整计划须说明原因');
    }
    const res = await office.put(draftUrl(projectId, 2026), { ...body, changeReason: '追加中央预算内投资' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      baselineNo: 0,
      status: 'draft',
      plannedInvestment: '1500.00',
      monthly: Array<string>(12).fill('125.00'),
      changeReason: '追加中央预算内投资',
      version: 1,
    });
    const all = await plans(projectId, 2026);
    expect(all.map((p: { status: string; baselineNo: number }) => [p.status, p.baselineNo])).toEqual([
      ['draft', 0],
      ['approved', 1],
    ]);
    // the baseline in force is untouched by the draft
    expect(all[1]).toEqual(baseline1);
  });

  it('approving again makes baseline 2; baseline 1 is superseded but still readable with its own numbers and milestones', async () => {
    const draft = (await plans(projectId, 2026))[0];
    const res = await office.post(approveUrl(projectId, 2026), { version: draft.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: draft.id,
      baselineNo: 2,
      status: 'approved',
      effectiveFrom: today,
      plannedInvestment: '1500.00',
      changeReason: '追加中央预算内投资',
    });
    const audit = await lastAuditOf('annual_plan', draft.id);
    expect(audit).toMatchObject({ action: 'approve_baseline', reason: '追加中央预算内投资' });
    expect(audit.diff).toMatchObject({
      supersedes: { before: 1, after: null },
      baselineNo: { after: 2 },
    });

    const all = await plans(projectId, 2026);
    expect(all.map((p: { status: string; baselineNo: number }) => [p.status, p.baselineNo])).toEqual([
      ['approved', 2],
      ['superseded', 1],
    ]);
    const old = all[1];
    expect(old).toEqual({ ...baseline1, status: 'superseded' });
    expect(old).toMatchObject({
      plannedInvestment: '1200.00',
      monthly: Array<string>(12).fill('100.00'),
      effectiveFrom: '2026-01-01',
      approvedBy: '汤子涵',
    });
    expect(old.milestones.map((m: { name: string }) => m.name)).toEqual(['竣工验收']);
    expect(all[0].milestones.map((m: { name: string }) => m.name)).toEqual(['主体封顶', '竣工验收']);
    // without a year: every year, newest first (the 2027 draft, then 2026's baselines)
    expect((await plans(projectId)).map((p: { year: number; status: string }) => [p.year, p.status])).toEqual(
      [
        [2027, 'draft'],
        [2026, 'approved'],
        [2026, 'superseded'],
      ],
    );
    // one approved baseline per year, whatever the history
    const rows = await db()
      .selectFrom('annual_plans')
      .select('status')
      .where('project_id', '=', projectId)
      .where('year', '=', 2026)
      .execute();
    expect(rows.filter((r) => r.status === 'approved')).toHaveLength(1);
  });

  it('a milestone’s actual date is recorded on the baseline in force; on a superseded one it is 409 INVALID_STATE', async () => {
    const current = (await plans(projectId, 2026))[0];
    const capped = current.milestones[0];
    const res = await unitUser.put(`/api/milestones/${capped.id}/actual`, { actualDate: '2026-09-28' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ id: capped.id, actualDate: '2026-09-28' });
    const audit = await lastAuditOf('project', projectId);
    expect(audit).toMatchObject({ action: 'milestone_actual', actor_name: '许嘉宁' });
    expect(audit.diff).toMatchObject({ actualDate: { before: null, after: '2026-09-28' } });
    const after = (await plans(projectId, 2026))[0];
    expect(after.milestones[0]).toMatchObject({ id: capped.id, name: '主体封顶', actualDate: '2026-09-28' });
    // a fact, not a plan change: same baseline, same version
    expect(after).toMatchObject({ baselineNo: 2, status: 'approved', version: current.version });

    const audits = await auditCount();
    const old = baseline1.milestones[0]!;
    const refused = await office.put(`/api/milestones/${old.id}/actual`, { actualDate: '2026-12-18' });
    expectError(refused, 409, 'INVALID_STATE');
    expect(refused.json().error.details[0].message).toBe('历史基线的节点不能修改');
    expect((await plans(projectId, 2026))[1].milestones[0].actualDate).toBeNull();
    expect(await auditCount()).toBe(audits);
  });

  it('co-units may not record milestone facts', async () => {
    const co = await project('PLAN-CO2', jtj, [zjj]);
    const draft = await office.put(draftUrl(co, 2026), {
      plannedInvestment: '100',
      milestones: [{ name: '开工', plannedDate: '2026-05-01' }],
    });
    const m = draft.json().milestones[0];
    expectError(
      await unitUser.put(`/api/milestones/${m.id}/actual`, { actualDate: '2026-05-02' }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await office.put('/api/milestones/999999/actual', { actualDate: '2026-05-02' }),
      404,
      'NOT_FOUND',
    );
  });
});

describe('the year’s milestones of many projects at once (the month’s sheet and its import)', () => {
  it('each project gets its baseline in force before its draft, in order; a draft alone counts; no plan, no entry', async () => {
    // PLAN-1 has baseline 2 in force; a new draft beside it must not be what reports offer
    const draft = await office.put(draftUrl(projectId, 2026), {
      plannedInvestment: '1300',
      changeReason: '年中调整（测试）',
      milestones: [{ name: '草稿里的节点', plannedDate: '2026-12-30' }],
    });
    expect(draft.statusCode, draft.body).toBe(200);
    const draftOnly = await project('PLAN-DRAFT-ONLY', zjj);
    await office.put(draftUrl(draftOnly, 2026), {
      plannedInvestment: '10',
      milestones: [
        { name: '开工', plannedDate: '2026-03-01' },
        { name: '主体完工', plannedDate: '2026-09-01' },
      ],
    });
    const none = await project('PLAN-NONE', zjj);

    const of = await yearMilestonesOf(db(), [projectId, draftOnly, none], 2026);
    expect(of.get(projectId)!.map((m) => m.name)).toEqual(['主体封顶', '竣工验收']);
    expect(of.get(projectId)![0]).toMatchObject({
      actualDate: '2026-09-28',
      plannedDate: expect.any(String),
    });
    expect(of.get(draftOnly)!.map((m) => m.name)).toEqual(['开工', '主体完工']);
    expect(of.has(none)).toBe(false);
    expect((await yearMilestonesOf(db(), [projectId, draftOnly], 2025)).size).toBe(0);
    expect(await yearMilestonesOf(db(), [], 2026)).toEqual(new Map());
    // the one-project read is the same rule
    expect(await yearMilestones(db(), draftOnly, 2026)).toEqual(of.get(draftOnly));
    expect(await yearMilestones(db(), none, 2026)).toEqual([]);
  });
});
