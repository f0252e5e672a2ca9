/**
 * The procedure's demo (issue 14 Must 8): five 2026 city inspections in their states, the archived
 * ones' rectification items closed and the rectifying one's open in the ledger, the demo expert a
 * member of one only, and a second run adding nothing.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemoInspections } from '../src/modules/inspections/demo-inspections.ts';
import { seedDemoProcedure } from '../src/modules/inspections/demo-procedure.ts';
import { seedDemoProjects } from '../src/modules/projects/demo-projects.ts';
import { createTestApp, login, type TestApp } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoProjects(t.database.db);
  await seedDemoInspections(t.database.db);
}, 180_000);
afterAll(() => t.close());

it('lays out five inspections in their states with their documents and items', async () => {
  const db = t.database.db;
  const all = await db.selectFrom('inspections').select(['id', 'status', 'draw_id']).orderBy('id').execute();
  // first the draw's three, planned (the draws' demo), then the procedure's five
  expect(all.slice(0, 3).map((r) => [r.status, r.draw_id !== null])).toEqual(
    Array(3).fill(['planned', true]),
  );
  const rows = all.slice(3);
  expect(rows.map((r) => r.status)).toEqual([
    'archived',
    'archived',
    'rectifying',
    'draft_report',
    'noticed',
  ]);
  const office = await login(t.app, 'office');
  const archived = (await office.get(`/api/inspections/${rows[0]!.id}`)).json();
  expect(archived.documents.map((d: { kind: string }) => d.kind)).toEqual([
    'notice',
    'site_record',
    'draft_report',
    'opinion',
    'formal_report',
    'rectification_notice',
    'results',
    'recheck',
  ]);
  expect(archived.documents.find((d: { kind: string }) => d.kind === 'formal_report').summary).toContain(
    '复查通过',
  );
  const problems = archived.findings.filter((f: { kind: string }) => f.kind === 'problem');
  expect(problems.map((f: { item: { status: string } }) => f.item.status)).toEqual(['closed', 'closed']);
  const open = (await office.get(`/api/inspections/${rows[2]!.id}`)).json();
  expect(
    open.findings
      .filter((f: { item: unknown }) => f.item)
      .map((f: { item: { status: string } }) => f.item.status),
  ).toEqual(['assigned', 'assigned', 'assigned']);
  const ledger = (await office.get('/api/items?kind=rectification&pageSize=50')).json();
  expect(ledger.total).toBe(7);
  const expert = await login(t.app, 'expert');
  const mine = (await expert.get('/api/inspections')).json();
  expect(mine.items.map((i: { id: number }) => i.id)).toEqual([rows[2]!.id]);
  // the procedure's part runs once (the whole demo loads only into an empty database)
  await seedDemoProcedure(db);
  expect((await db.selectFrom('inspections').select('id').execute()).length).toBe(8);
}, 60_000);
