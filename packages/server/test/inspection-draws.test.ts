/**
 * The double-random draw (issue 14, Must 3): draft → publish (pool frozen, numbered, hashed) →
 * sources entered on or after their dates → draw → decline with a substitute continuing the same
 * sequence → inspections created once; the refusals in Chinese; the exclusions; a pool changed
 * after publication refused and shown by the verification. Behaviour and the audit rows asserted.
 */
import { drawSubstitute, verifyDocument, type DrawDetail, type DrawDocument } from '@ducha/contract';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runDraw, declinePick, createDrawInspections } from '../src/modules/inspections/draw-run.ts';
import { cityProject, demoUnits, signInAs } from './factories.ts';
import { createTestApp, expectError, lastAudit, type Client, type TestApp } from './helpers.ts';
import {
  ctxOf,
  draftBody,
  drawTo,
  planWithExperts,
  VALUES,
  type PlanFixture,
} from './inspection-draws-fixtures.ts';

let t: TestApp;
let office: Client;
let f: PlanFixture;
let projects: number[];
let owner: number;

beforeAll(async () => {
  t = await createTestApp();
  ({ office } = await signInAs(t, 'office'));
  const u = await demoUnits(t);
  owner = u.ctgs;
  projects = [];
  for (let k = 0; k < 3; k++)
    projects.push((await cityProject(office, { ownerUnitId: owner, responsibleUnitId: u.zjj })).id);
  f = await planWithExperts(t);
}, 120_000);
afterAll(() => t.close());

const detailOf = async (id: number) => (await office.get(`/api/draws/${id}`)).json() as DrawDetail;

describe('draft and publish', () => {
  it('publishes: the pool frozen and numbered, the document hashed, audited', async () => {
    const res = await office.post('/api/draws', draftBody(f, projects, 2));
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json() as DrawDetail;
    expect(d.status).toBe('draft');
    // sources dated before today (2026-12) cannot be published now
    expectError(await office.post(`/api/draws/${d.id}/publish`, { version: 1 }), 409, 'INVALID_STATE');
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-01T02:00:00Z') });
    const pub = await office.post(`/api/draws/${d.id}/publish`, { version: 1 });
    vi.useRealTimers();
    expect(pub.statusCode, pub.body).toBe(200);
    const p = pub.json() as DrawDetail;
    expect(p.status).toBe('published');
    expect(p.poolSha256).toMatch(/^[0-9a-f]{64}$/);
    const doc = p.document!;
    expect(doc.sha256).toBe(p.poolSha256);
    expect(doc.published.publishedOn).toBe('2026-03-01');
    expect(doc.published.projects[0]!.pool.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(doc.published.experts.map((s) => s.pool.length)).toEqual([4, 4]);
    expect(doc.published.experts[1]!.pool[0]!.seq).toBe(5);
    expect(JSON.stringify(doc)).not.toContain('13900000000');
    const rows = await t.database.db
      .selectFrom('inspection_draw_pool')
      .selectAll()
      .where('draw_id', '=', d.id)
      .execute();
    expect(rows).toHaveLength(11);
    const audit = await lastAudit(t);
    expect([audit.entity, audit.action, audit.entity_id]).toEqual([
      'inspection_draw',
      'publish',
      String(d.id),
    ]);
    // the pool is frozen
    const edit = await office.put(`/api/draws/${d.id}`, {
      ...draftBody(f, projects),
      planId: undefined,
      version: p.version,
    });
    expectError(edit, 409, 'INVALID_STATE');
  });

  it('refuses a source dated on the publication day, more to draw than the pool, an unapproved plan', async () => {
    const ctx = await ctxOf(t, 'office');
    const { publishDraw } = await import('../src/modules/inspections/draws.ts');
    const id = await drawTo(t, draftBody(f, projects, 1, '2026-03-01'), 'draft');
    await expect(publishDraw(t.database.db, ctx, id, 1, '2026-03-01')).rejects.toMatchObject({
      localized: { zh: expect.stringContaining('须晚于公布日 2026-03-01') },
    });
    const big = await drawTo(t, draftBody(f, projects, 4), 'draft');
    await expect(publishDraw(t.database.db, ctx, big, 1, '2026-03-01')).rejects.toMatchObject({
      localized: { zh: '「稽察+安全生产」待抽取 4 个，候选只有 3 个' },
    });
    await t.database.db
      .updateTable('inspection_plans')
      .set({ status: 'draft' })
      .where('id', '=', f.planId)
      .execute();
    const other = await drawTo(t, draftBody(f, projects), 'draft');
    await expect(publishDraw(t.database.db, ctx, other, 1, '2026-03-01')).rejects.toMatchObject({
      localized: { zh: expect.stringContaining('尚未批准') },
    });
    await t.database.db
      .updateTable('inspection_plans')
      .set({ status: 'approved' })
      .where('id', '=', f.planId)
      .execute();
  });

  it('refuses a project outside the plan’s region', async () => {
    const lindian = await cityProject(office, { regionCode: '230623' });
    const res = await office.post('/api/draws', draftBody(f, [projects[0]!, lindian.id]));
    // the city's plan reaches 林甸 (below it): accepted; a plan of 林甸 does not reach the city
    expect(res.statusCode).toBe(201);
    const ld = await planWithExperts(t, '230623');
    expectError(
      await office.post('/api/draws', draftBody(ld, [projects[0]!])),
      400,
      'VALIDATION',
      'body.projects.0.projectIds',
    );
  });
});

describe('enter the sources and draw', () => {
  it('refuses before a source’s date and with a source missing; draws and verifies', async () => {
    const id = await drawTo(t, draftBody(f, projects, 2), 'published');
    const ctx = await ctxOf(t, 'office');
    await expect(
      runDraw(t.database.db, ctx, id, { version: 2, values: VALUES }, '2026-03-02'),
    ).rejects.toMatchObject({
      localized: { zh: expect.stringContaining('不能提前录入') },
    });
    await expect(
      runDraw(t.database.db, ctx, id, { version: 2, values: [VALUES[0]!] }, '2026-03-03'),
    ).rejects.toMatchObject({
      localized: { zh: '须录入全部 2 个随机源的值' },
    });
    // today (2026-12) is after the sources' date: the route draws
    const res = await office.post(`/api/draws/${id}/draw`, { version: 2, values: VALUES });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as DrawDetail;
    expect(d.status).toBe('drawn');
    const r = d.document!.result!;
    expect(r.key).toBe('5.9.11.17.22.28.31./336791./');
    expect(r.picks.map((p) => [p.i, p.kind])).toEqual([
      [0, 'project'],
      [1, 'project'],
      [2, 'expert'],
      [3, 'expert'],
    ]);
    expect(verifyDocument(d.document!).ok).toBe(true);
    const v = (await office.get(`/api/draws/${id}/verify`)).json() as { ok: boolean };
    expect(v.ok).toBe(true);
    const picks = await t.database.db
      .selectFrom('inspection_draw_picks')
      .selectAll()
      .where('draw_id', '=', id)
      .execute();
    expect(picks).toHaveLength(4);
    expect((await lastAudit(t)).action).toBe('draw');
    expectError(
      await office.post(`/api/draws/${id}/draw`, { version: 3, values: VALUES }),
      409,
      'INVALID_STATE',
    );
  });

  it('refuses to draw from a pool changed after publication, and the verification fails', async () => {
    const id = await drawTo(t, draftBody(f, projects, 2), 'published');
    await t.database.db
      .updateTable('inspection_draw_pool')
      .set({ ref_id: projects[0]! + 1000 })
      .where('draw_id', '=', id)
      .where('seq', '=', 2)
      .execute();
    const v = (await office.get(`/api/draws/${id}/verify`)).json() as { ok: boolean; errors: string[] };
    expect(v.ok).toBe(false);
    expect(v.errors[0]).toContain('SHA-256');
    expectError(
      await office.post(`/api/draws/${id}/draw`, { version: 2, values: VALUES }),
      409,
      'INVALID_STATE',
    );
  });

  it('a tampered document fails verification', async () => {
    const id = await drawTo(t, draftBody(f, projects, 1), 'drawn');
    const doc = (await detailOf(id)).document!;
    const moved: DrawDocument = structuredClone(doc);
    moved.result!.picks[0]!.seq = moved.result!.picks[0]!.seq === 1 ? 2 : 1;
    expect(verifyDocument(moved).ok).toBe(false);
    const relabelled: DrawDocument = structuredClone(doc);
    relabelled.published.experts[0]!.pool[0]!.conflicts = [1, 2, 3];
    expect(verifyDocument(relabelled).errors[0]).toContain('SHA-256');
    const otherKey: DrawDocument = structuredClone(doc);
    otherKey.result!.sourceValues[1]!.values = ['3367.92'];
    expect(verifyDocument(otherKey).ok).toBe(false);
  });
});

describe('exclusions', () => {
  // the library is the region's: only the fixture's own experts stay active during these tests
  const only = async (g: PlanFixture) => {
    const mine = [...g.expertIds.工程造价, ...g.expertIds.工程质量];
    await t.database.db
      .updateTable('inspection_experts')
      .set({ active: false })
      .where('id', 'not in', mine)
      .execute();
  };
  afterEach(async () => {
    await t.database.db.updateTable('inspection_experts').set({ active: true }).execute();
  });
  it('an expert employed by a drawn project’s owner is never drawn; too few eligible is refused', async () => {
    const g = await planWithExperts(t, '230600', 2026 + 1, [
      { employer_unit_id: owner },
      { employer_unit_id: owner },
      { employer_unit_id: owner },
    ]);
    await only(g);
    const body = { ...draftBody(g, [projects[0]!], 1), experts: [{ specialty: '工程造价', count: 1 }] };
    const id = await drawTo(t, body, 'drawn');
    const doc = (await detailOf(id)).document!;
    expect(doc.published.experts[0]!.pool.map((e) => e.conflicts)).toEqual([[1], [1], [1], []]);
    const expert = doc.result!.picks.find((p) => p.kind === 'expert')!;
    expect(expert.id).toBe(g.expertIds.工程造价[3]);
    const two = await drawTo(t, { ...body, experts: [{ specialty: '工程造价', count: 2 }] }, 'published');
    const ctx = await ctxOf(t, 'office');
    await expect(
      runDraw(t.database.db, ctx, two, { version: 2, values: VALUES }, '2026-03-06'),
    ).rejects.toMatchObject({
      localized: { zh: '专业「工程造价」待抽取 2 名专家，回避后符合条件的只有 1 名' },
    });
  });

  it('an expert unavailable on the site date is left out of the pool', async () => {
    const g = await planWithExperts(t, '230600', 2030);
    await only(g);
    await t.database.db
      .updateTable('inspection_experts')
      .set({ availability: JSON.stringify([{ from: '2026-04-01', to: '2026-04-30' }]) })
      .where('id', '=', g.expertIds.工程质量[0]!)
      .execute();
    const id = await drawTo(t, draftBody(g, [projects[0]!]), 'published');
    const doc = (await detailOf(id)).document!;
    expect(doc.published.experts[1]!.pool.map((e) => e.id)).toEqual(g.expertIds.工程质量.slice(1));
  });
});

describe('decline, substitute, inspections', () => {
  it('a declined expert is replaced by the next step from its specialty; inspections created once', async () => {
    const id = await drawTo(t, draftBody(f, projects, 2), 'drawn');
    const before = (await detailOf(id)).document!;
    const declined = before.result!.picks.find((p) => p.stratum === '工程质量')!;
    expectError(
      await office.post(`/api/draws/${id}/picks/1/decline`, { version: 3, reason: '项目不能回避' }),
      409,
      'INVALID_STATE',
    );
    const res = await office.post(`/api/draws/${id}/picks/${declined.ordinal}/decline`, {
      version: 3,
      reason: '与被稽察单位有近亲属关系',
    });
    expect(res.statusCode, res.body).toBe(200);
    const doc = (res.json() as DrawDetail).document!;
    const sub = doc.result!.picks.at(-1)!;
    expect([sub.ordinal, sub.i, sub.stratum, sub.substituteFor]).toEqual([
      5,
      4,
      '工程质量',
      declined.ordinal,
    ]);
    expect(sub.id).not.toBe(declined.id);
    expect(sub).toEqual(
      drawSubstitute(before.published, before.result!.key, before.result!.picks, declined.ordinal),
    );
    const d = doc.result!.picks.find((p) => p.ordinal === declined.ordinal)!;
    expect(d.declined?.reason).toBe('与被稽察单位有近亲属关系');
    expect(d.substituteOrdinal).toBe(5);
    expect(verifyDocument(doc).ok).toBe(true);
    expect(((await office.get(`/api/draws/${id}/verify`)).json() as { ok: boolean }).ok).toBe(true);
    const row = await t.database.db
      .selectFrom('inspection_draw_picks')
      .selectAll()
      .where('draw_id', '=', id)
      .where('ordinal', '=', declined.ordinal)
      .executeTakeFirstOrThrow();
    expect([row.decline_reason, row.substitute_ordinal]).toEqual(['与被稽察单位有近亲属关系', 5]);
    const audit = await lastAudit(t);
    expect([audit.action, audit.reason]).toEqual(['decline', '与被稽察单位有近亲属关系']);

    const made = await office.post(`/api/draws/${id}/inspections`, { version: 4 });
    expect(made.statusCode, made.body).toBe(201);
    const ids = (made.json() as { inspectionIds: number[] }).inspectionIds;
    expect(ids).toHaveLength(2);
    const rows = await t.database.db
      .selectFrom('inspections')
      .selectAll()
      .where('id', 'in', ids)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.status, r.draw_id, r.theme_id, r.inspected_unit_id, r.site_on])).toEqual([
      ['planned', id, f.themeIds[0], owner, '2026-03-20'],
      ['planned', id, f.themeIds[0], owner, '2026-03-20'],
    ]);
    expect(rows[0]!.code).toMatch(/^JC-2026-\d{3}$/);
    const members = await t.database.db
      .selectFrom('inspection_members')
      .selectAll()
      .where('inspection_id', '=', ids[0]!)
      .execute();
    expect(members.map((m) => m.expert_id).sort()).toEqual(
      doc
        .result!.picks.filter((p) => p.kind === 'expert' && !p.declined)
        .map((p) => p.id)
        .sort(),
    );
    expectError(await office.post(`/api/draws/${id}/inspections`, { version: 5 }), 409, 'INVALID_STATE');
    const ctx = await ctxOf(t, 'office');
    await expect(
      declinePick(t.database.db, ctx, id, sub.ordinal, { version: 5, reason: 'x' }),
    ).rejects.toMatchObject({
      localized: { zh: expect.stringContaining('已按本次抽取生成稽察任务') },
    });
    await expect(createDrawInspections(t.database.db, ctx, id, 4)).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
    });
  });
});
