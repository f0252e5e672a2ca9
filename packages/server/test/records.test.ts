/**
 * The shared list helpers against a real database: totals counted up to the limit and estimated
 * past it (said so), and the settings cache dropping what a write changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { cachedRead, invalidate } from '../src/platform/cache.ts';
import { totalOf } from '../src/platform/records.ts';
import { createTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await sql`analyze regions`.execute(t.database.db);
});
afterAll(() => t.close());

describe('totalOf', () => {
  const regions = () => t.database.db.selectFrom('regions');

  it('counts exactly up to the limit, and at the limit itself', async () => {
    const all = Number(
      (
        await regions()
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(all).toBeGreaterThan(3);
    expect(await totalOf(t.database.db, regions(), all + 1)).toEqual({ total: all });
    expect(await totalOf(t.database.db, regions(), all)).toEqual({ total: all });
  });

  it('past the limit answers an estimate of at least limit + 1, and says so', async () => {
    const r = await totalOf(t.database.db, regions(), 2);
    expect(r.totalIsEstimate).toBe(true);
    expect(r.total).toBeGreaterThanOrEqual(3);
  });

  it('applies the filters it is given, parameters included', async () => {
    const one = regions().where('code', '=', '230600');
    expect(await totalOf(t.database.db, one)).toEqual({ total: 1 });
    const none = regions().where('code', '=', 'nothing');
    expect(await totalOf(t.database.db, none, 0)).toEqual({ total: 0 });
  });
});

describe('cachedRead', () => {
  it('loads once, keeps the value, and loads again after invalidate', async () => {
    let loads = 0;
    const load = async () => ++loads;
    const db = t.database.db;
    expect(await cachedRead(db, 'k', load)).toBe(1);
    expect(await cachedRead(db, 'k', load)).toBe(1);
    invalidate(db, 'k');
    expect(await cachedRead(db, 'k', load)).toBe(2);
  });

  it('drops a load that was running when the key was invalidated', async () => {
    const db = t.database.db;
    let release!: () => void;
    const slow = cachedRead(db, 'race', () => new Promise<string>((r) => (release = () => r('old'))));
    invalidate(db, 'race');
    release();
    expect(await slow).toBe('old');
    expect(await cachedRead(db, 'race', async () => 'new')).toBe('new');
  });

  it('keeps no failed load', async () => {
    const db = t.database.db;
    await expect(cachedRead(db, 'fail', async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(await cachedRead(db, 'fail', async () => 'ok')).toBe('ok');
  });

  it('is bypassed inside a transaction', async () => {
    const db = t.database.db;
    await cachedRead(db, 'trx', async () => 'outside');
    const inside = await db.transaction().execute((trx) => cachedRead(trx, 'trx', async () => 'inside'));
    expect(inside).toBe('inside');
  });
});
