/**
 * Use cases that cross module walls in the caller's transaction (docs/architecture.md): the item
 * engine raises and steps items inside another module's transaction and rolls back with it; a
 * verified report marks its milestones reached through the plans module, which writes its own
 * audit event and refuses a superseded baseline's milestone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transaction } from '../src/db/connection.ts';
import type { Ctx } from '../src/platform/access/context.ts';
import { actorById, toActor } from '../src/platform/auth/repo.ts';
import { raiseItem, takeStep } from '../src/modules/items/index.ts';
import { recordMilestoneActual } from '../src/modules/projects/index.ts';
import { cityProject, demoUnits, monthlyReport, signInAs } from './factories.ts';
import { auditHelpers, createTestApp, expectError, type Client, type TestApp } from './helpers.ts';

let t: TestApp;
let office: Client;
let reporter: Client;
let units: Awaited<ReturnType<typeof demoUnits>>;
const { auditCount } = auditHelpers(() => t);

/** The office's context, as a route would build it. */
async function officeCtx(): Promise<Ctx> {
  const { id } = (await office.get('/api/auth/me')).json();
  const row = await actorById(t.database.db, id);
  return { actor: toActor(row!, 'session'), requestId: 'test' };
}

const itemCount = async (title: string) =>
  (await t.database.db.selectFrom('items').select('id').where('title', '=', title).execute()).length;

beforeAll(async () => {
  t = await createTestApp();
  ({ office, reporter } = await signInAs(t, 'office', 'reporter'));
  units = await demoUnits(t);
});
afterAll(() => t.close());

describe('the item engine in a caller’s transaction', () => {
  it('raises a decision and assigns it with the caller’s own write; a rollback leaves neither', async () => {
    const project = await cityProject(office, {
      responsibleUnitId: units.zjj,
      baseline: { milestones: [{ name: '主体完工', plannedDate: '2026-06-30' }] },
    });
    const plan = (await office.get(`/api/projects/${project.id}/plans?year=2026`)).json()[0];
    const milestoneId = plan.milestones[0].id as number;
    const ctx = await officeCtx();
    const audits = await auditCount();
    const title = '协调会决定：六月底前完成主体';

    await expect(
      transaction(t.database.db, async (trx) => {
        // the caller's own write (as a meeting would record its outcome), then the engine's
        await recordMilestoneActual(trx, ctx, { milestoneId, actualDate: '2026-06-01' });
        const item = await raiseItem(trx, ctx, {
          kind: 'decision',
          source: 'meeting',
          projectId: project.id,
          category: '要素保障(水电路气讯)',
          title,
          description: '由市住建局牵头落实',
        });
        await takeStep(trx, ctx, item.id, {
          action: 'assign',
          version: 1,
          responsibleUnitId: units.zjj,
          coUnitIds: [],
        });
        // inside the transaction both are there
        expect(
          (await trx.selectFrom('items').select('status').where('id', '=', item.id).execute())[0],
        ).toEqual({
          status: 'assigned',
        });
        throw new Error('the meeting could not be saved');
      }),
    ).rejects.toThrow('the meeting could not be saved');

    expect(await itemCount(title)).toBe(0);
    const after = (await office.get(`/api/projects/${project.id}/plans?year=2026`)).json()[0];
    expect(after.milestones[0].actualDate).toBeNull();
    expect(await auditCount()).toBe(audits);
  });

  it('commits both with the caller: the item is numbered, on its timeline, and audited', async () => {
    const ctx = await officeCtx();
    const title = '调度会决定：本周内完成征迁';
    const id = await transaction(t.database.db, async (trx) => {
      const item = await raiseItem(trx, ctx, {
        kind: 'decision',
        source: 'meeting',
        regionCode: '230600',
        category: '征地拆迁',
        title,
        description: '区政府负责',
      });
      return item.id;
    });
    const detail = (await office.get(`/api/items/${id}`)).json();
    expect(detail.item.code).toMatch(/^YD-\d{4}-\d{4}$/);
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual(['raise']);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['action'])
      .where('entity', '=', 'item')
      .where('entity_id', '=', String(id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('refuses what the actor may not do inside the caller’s transaction too (403, nothing written)', async () => {
    const { id } = (await reporter.get('/api/auth/me')).json();
    const ctx: Ctx = { actor: toActor((await actorById(t.database.db, id))!, 'session'), requestId: 'test' };
    const title = '填报员不能提出的决定';
    await expect(
      transaction(t.database.db, (trx) =>
        raiseItem(trx, ctx, {
          kind: 'decision',
          source: 'meeting',
          regionCode: '230600',
          category: '其他',
          title,
          description: '—',
        }),
      ),
    ).rejects.toMatchObject({ status: 403 });
    expect(await itemCount(title)).toBe(0);
  });
});

describe('a verified report marks its milestones through the plans module', () => {
  it('writes the plans module’s own audit event "milestone_actual", with the report as its reason', async () => {
    const project = await cityProject(office, {
      ownerUnitId: units.ctgs,
      responsibleUnitId: units.zjj,
      baseline: { milestones: [{ name: '桩基完成', plannedDate: '2026-04-30' }] },
    });
    const plan = (await office.get(`/api/projects/${project.id}/plans?year=2026`)).json()[0];
    const milestoneId = plan.milestones[0].id as number;
    await monthlyReport(reporter, project.id, '2026-04', {
      fields: {
        investmentMonth: '100',
        physicalProgress: '桩基完成',
        milestonesReached: [{ milestoneId, actualDate: '2026-04-28' }],
      },
      verifier: office,
    });
    const events = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'diff', 'reason'])
      .where('entity', '=', 'project')
      .where('entity_id', '=', String(project.id))
      .where('action', '=', 'milestone_actual')
      .execute();
    expect(events).toEqual([
      {
        action: 'milestone_actual',
        diff: { actualDate: { before: null, after: '2026-04-28' } },
        reason: '月报审核',
      },
    ]);
  });

  it('a milestone of a baseline superseded since the report was filed: verification is 409, nothing changes', async () => {
    const project = await cityProject(office, {
      ownerUnitId: units.ctgs,
      responsibleUnitId: units.zjj,
      baseline: { milestones: [{ name: '开工', plannedDate: '2026-03-01' }] },
    });
    const plans = async () => (await office.get(`/api/projects/${project.id}/plans?year=2026`)).json();
    const old = (await plans())[0].milestones[0].id as number;
    const report = await monthlyReport(reporter, project.id, '2026-03', {
      fields: {
        investmentMonth: '50',
        physicalProgress: '开工',
        milestonesReached: [{ milestoneId: old, actualDate: '2026-03-02' }],
      },
      until: 'submitted',
    });
    // the office re-baselines the year (a new plan with its reason), superseding the first
    const draft = (
      await office.put(`/api/projects/${project.id}/plans/2026/draft`, {
        plannedInvestment: '2400',
        milestones: [{ name: '开工', plannedDate: '2026-03-15' }],
        changeReason: '投资调增',
      })
    ).json();
    const approved = await office.post(`/api/projects/${project.id}/plans/2026/approve`, {
      version: draft.version,
      effectiveFrom: '2026-03-01',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const res = await office.post(`/api/projects/${project.id}/reports/2026-03/verify`, {
      version: report.version,
    });
    expectError(res, 409, 'INVALID_STATE', 'body.milestonesReached.0.milestoneId');
    const status = (await office.get(`/api/projects/${project.id}/reports/2026-03`)).json().current.status;
    expect(status).toBe('submitted');
    expect(
      (await plans()).flatMap((p: { milestones: { actualDate: string | null }[] }) =>
        p.milestones.map((m) => m.actualDate),
      ),
    ).toEqual([null, null]);
  });
});
