/**
 * The demo's draw (issue 14, Must 8): with no approved plan it does nothing; with the library's
 * plan, themes and experts (inserted here: the library demo is another part's) it leaves one drawn
 * draw whose sources are in the past, 3 projects and 5 experts, one declined with a substitute,
 * its inspections created, and it verifies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDraws } from '../src/modules/inspections/demo-draws.ts';
import { verifyStoredDraw } from '../src/modules/inspections/draw-queries.ts';
import { cityProject, signInAs } from './factories.ts';
import { createTestApp, type TestApp } from './helpers.ts';
import { planWithExperts } from './inspection-draws-fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(() => t.close());

describe('demo draws', () => {
  it('skips quietly without an approved plan', async () => {
    await seedDemoDraws(t.database.db);
    expect(await t.database.db.selectFrom('inspection_draws').select('id').execute()).toEqual([]);
  });

  it('draws 3 projects and 5 experts, one declined and substituted, inspections created', async () => {
    const { office } = await signInAs(t, 'office');
    for (let k = 0; k < 8; k++) await cityProject(office);
    await planWithExperts(t);
    await seedDemoDraws(t.database.db);
    const db = t.database.db;
    const [draw] = await db.selectFrom('inspection_draws').selectAll().execute();
    expect(draw?.status).toBe('drawn');
    const picks = await db
      .selectFrom('inspection_draw_picks')
      .selectAll()
      .where('draw_id', '=', draw!.id)
      .orderBy('ordinal')
      .execute();
    expect(picks.filter((p) => p.kind === 'project')).toHaveLength(3);
    expect(picks.filter((p) => p.kind === 'expert')).toHaveLength(6);
    const declined = picks.filter((p) => p.decline_reason);
    expect(declined).toHaveLength(1);
    expect(declined[0]!.substitute_ordinal).toBe(9);
    expect((await verifyStoredDraw(db, draw!.id)).ok).toBe(true);
    const inspections = await db
      .selectFrom('inspections')
      .select(['id', 'status'])
      .where('draw_id', '=', draw!.id)
      .execute();
    expect(inspections.map((i) => i.status)).toEqual(['planned', 'planned', 'planned']);
    const members = await db
      .selectFrom('inspection_members')
      .select('expert_id')
      .where('inspection_id', '=', inspections[0]!.id)
      .execute();
    expect(members).toHaveLength(5);
  });
});
