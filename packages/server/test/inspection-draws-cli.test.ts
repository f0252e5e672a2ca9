/**
 * `ducha draw verify` (issue 14): a downloaded document file verifies OK, a tampered file and a
 * draw whose stored pool rows were changed FAIL with exit code 1, and a draw by id is recomputed
 * from its rows.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DrawDocument } from '@ducha/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawVerifyCommand } from '../src/modules/inspections/index.ts';
import { cityProject, signInAs } from './factories.ts';
import { createTestApp, type TestApp } from './helpers.ts';
import { draftBody, drawTo, planWithExperts } from './inspection-draws-fixtures.ts';

let t: TestApp;
let id: number;
let doc: DrawDocument;
const dir = mkdtempSync(join(tmpdir(), 'ducha-draw-'));

beforeAll(async () => {
  t = await createTestApp();
  const { office } = await signInAs(t, 'office');
  const p = [(await cityProject(office)).id, (await cityProject(office)).id];
  const f = await planWithExperts(t);
  id = await drawTo(t, draftBody(f, p, 1), 'drawn');
  const row = await t.database.db
    .selectFrom('inspection_draws')
    .select('document')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  doc = row.document as DrawDocument;
}, 120_000);
afterAll(() => t.close());

const run = async (arg: string) => {
  const lines: string[] = [];
  const code = await drawVerifyCommand(t.database.db, arg, (l) => lines.push(l));
  return { code, lines };
};

describe('draw verify', () => {
  it('a document file: picks printed, OK, exit 0', async () => {
    const file = join(dir, 'draw.json');
    writeFileSync(file, JSON.stringify(doc, null, 2));
    const { code, lines } = await run(file);
    expect(code).toBe(0);
    expect(lines.at(-1)).toBe('OK');
    expect(lines).toHaveLength(doc.result!.picks.length + 1);
    expect(lines[0]).toContain(`i=0  ${doc.result!.picks[0]!.hash}`);
  });

  it('a tampered file: FAIL, exit 1', async () => {
    const bad: DrawDocument = structuredClone(doc);
    bad.published.projects[0]!.pool.reverse();
    const file = join(dir, 'tampered.json');
    writeFileSync(file, JSON.stringify(bad));
    const { code, lines } = await run(file);
    expect(code).toBe(1);
    expect(lines.at(-1)).toBe('FAIL');
    expect(lines.some((l) => l.includes('SHA-256'))).toBe(true);
  });

  it('not a document, no such file or draw: FAIL', async () => {
    const file = join(dir, 'other.json');
    writeFileSync(file, '{"a":1}');
    expect((await run(file)).code).toBe(1);
    expect((await run(join(dir, 'missing.json'))).code).toBe(1);
    expect((await run('999999')).lines).toEqual(['FAIL: 没有编号为 999999 的抽取']);
  });

  it('a draw by id: OK, then FAIL once a pool row is changed', async () => {
    expect((await run(String(id))).code).toBe(0);
    await t.database.db
      .updateTable('inspection_draw_pool')
      .set({ label: '改过的名称' })
      .where('draw_id', '=', id)
      .where('seq', '=', 1)
      .execute();
    const { code, lines } = await run(String(id));
    expect(code).toBe(1);
    expect(lines.some((l) => l.includes('SHA-256'))).toBe(true);
  });
});
