/**
 * The embedded database in a worker thread (what `npm start` runs; the other tests use PGlite in
 * their own thread): the same shapes and errors as in-thread PGlite, transactions serialised on
 * its single connection, the API working on it, a clean close, and consistent data after kill -9.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { migrateToLatest, openPglite, transaction, type OpenDb } from '../src/db/connection.ts';
import { seedDemo } from '../src/modules/org/seed.ts';
import { cityProject, monthlyReport } from './factories.ts';
import { expectError, login, type TestApp } from './helpers.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'ducha-worker-test-'));

describe('queries', () => {
  let worker: OpenDb;
  let thread: OpenDb;
  beforeAll(async () => {
    [worker, thread] = await Promise.all([openPglite(undefined, { worker: true }), openPglite(undefined)]);
  });
  afterAll(async () => {
    await Promise.all([worker.close(), thread.close()]);
  });

  it('returns the same shapes as PGlite in this thread: int8 number, date string, numeric string', async () => {
    const q = sql<
      Record<string, unknown>
    >`select 9007199254740991::int8 as i8, 7::int4 as i4, 12.30::numeric as n,
      array[1.50, 2]::numeric[] as na, date '2026-12-01' as d, timestamptz '2026-12-01T08:00:00Z' as ts,
      '{"a":[1,"二"]}'::jsonb as j, '\\x00ff'::bytea as b, true as bo, null::text as nu, '督查' as t,
      ${'2026-11-30'}::date as dp, ${new Date('2026-01-02T03:04:05Z')}::timestamptz as tp,
      ${new Uint8Array([1, 2, 3])}::bytea as bp, ${'-0.01'}::numeric as np`;
    const [w, t] = await Promise.all([q.execute(worker.db), q.execute(thread.db)]);
    expect(w.rows).toEqual(t.rows);
    expect(w.rows[0]).toEqual({
      i8: 9007199254740991,
      i4: 7,
      n: '12.30',
      na: ['1.50', '2'],
      d: '2026-12-01',
      ts: new Date('2026-12-01T08:00:00Z'),
      j: { a: [1, '二'] },
      b: new Uint8Array([0, 255]),
      bo: true,
      nu: null,
      t: '督查',
      dp: '2026-11-30',
      tp: new Date('2026-01-02T03:04:05Z'),
      bp: new Uint8Array([1, 2, 3]),
      np: '-0.01',
    });
    const ins = await sql`create temp table t (id int8 primary key)`.execute(worker.db);
    expect(ins.rows).toEqual([]);
    const n = await sql`insert into t select generate_series(1, 3)`.execute(worker.db);
    expect(n.numAffectedRows).toBe(3n);
  });

  it("throws PostgreSQL's error fields (code, constraint, detail) as in this thread", async () => {
    await sql`create table uniq (code text constraint uniq_code_key unique)`.execute(worker.db);
    await sql`insert into uniq values ('a')`.execute(worker.db);
    const e = await sql`insert into uniq values ('a')`.execute(worker.db).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({ code: '23505', constraint: 'uniq_code_key', table: 'uniq' });
    expect((e as Error).message).toMatch(/duplicate key/);
    expect((e as { detail: string }).detail).toMatch(/\(code\)=\(a\)/);
    await expect(sql`selec 1`.execute(worker.db)).rejects.toMatchObject({ code: '42601' });
    // the connection is usable after an error
    expect((await sql<{ x: number }>`select 1 as x`.execute(worker.db)).rows).toEqual([{ x: 1 }]);
  });

  it('keeps prepared queries right across schema changes, rollbacks, bad values and many texts', async () => {
    const db = worker.db;
    await sql`create table shape (a int)`.execute(db);
    await sql`insert into shape values (1)`.execute(db);
    const all = () => sql<Record<string, unknown>>`select * from shape where a >= ${0}`.execute(db);
    for (let i = 0; i < 7; i++) expect((await all()).rows).toEqual([{ a: 1 }]); // past the generic plan
    await sql`alter table shape add column b text default 'b'`.execute(db);
    expect((await all()).rows).toEqual([{ a: 1, b: 'b' }]);
    // a change made and used inside a transaction, then rolled back
    await expect(
      transaction(db, async (trx) => {
        await sql`alter table shape add column c int default 3`.execute(trx);
        expect((await sql`select * from shape where a >= ${0}`.execute(trx)).rows).toEqual([
          { a: 1, b: 'b', c: 3 },
        ]);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect((await all()).rows).toEqual([{ a: 1, b: 'b' }]);
    // a value the parameter's type refuses, then the same text with a good one
    const typed = (v: string) => sql<{ n: number }>`select ${v}::int + 1 as n`.execute(db);
    await expect(typed('x')).rejects.toMatchObject({ code: '22P02' });
    expect((await typed('41')).rows).toEqual([{ n: 42 }]);
    // more distinct texts than are kept prepared
    for (let i = 0; i < 1050; i++) {
      const r = await sql<{ n: number }>`select ${sql.raw(String(i))} + ${1}::int as n`.execute(db);
      expect(r.rows[0]!.n).toBe(i + 1);
    }
    expect((await all()).rows).toEqual([{ a: 1, b: 'b' }]);
  });

  it('keeps its prepared queries over EXPLAIN and SHOW, closes them after DDL', async () => {
    const db = worker.db;
    const probe = sql<{ n: number }>`select ${1}::int + 1 as n, 'explain-probe' as tag`;
    const preparedProbes = async () =>
      (
        await sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements
          where statement like ${'%explain-probe%'} and statement not like ${'%pg_prepared_statements%'}`.execute(
          db,
        )
      ).rows[0]!.n;
    await probe.execute(db);
    expect(await preparedProbes()).toBe(1);
    await sql`explain select 1`.execute(db);
    await sql`show work_mem`.execute(db);
    expect(await preparedProbes()).toBe(1);
    await sql`create table explain_probe (a int)`.execute(db);
    expect(await preparedProbes()).toBe(0);
  });

  it('serialises 50 concurrent read-modify-write transactions and rolls a failed one back', async () => {
    await sql`create table counter (n int not null)`.execute(worker.db);
    await sql`insert into counter values (0)`.execute(worker.db);
    await Promise.all(
      Array.from({ length: 50 }, () =>
        transaction(worker.db, async (trx) => {
          const { n } = (await sql<{ n: number }>`select n from counter`.execute(trx)).rows[0]!;
          await new Promise((r) => setTimeout(r, 1));
          await sql`update counter set n = ${n + 1}`.execute(trx);
        }),
      ),
    );
    const failed = transaction(worker.db, async (trx) => {
      await sql`update counter set n = -1`.execute(trx);
      throw new Error('undo');
    });
    await expect(failed).rejects.toThrow('undo');
    await expect(transaction(worker.db, () => sql`select 1`.execute(worker.db))).rejects.toThrow(
      /Nested use of the database/,
    );
    expect((await sql<{ n: number }>`select n from counter`.execute(worker.db)).rows).toEqual([{ n: 50 }]);
  });
});

describe('the API on it', () => {
  let t: TestApp;
  beforeAll(async () => {
    const database = await openPglite(undefined, { worker: true });
    await migrateToLatest(database.db);
    await seedDemo(database.db);
    const app = await buildApp({
      config: { ...loadConfig({}), webDist: undefined },
      database,
      logger: false,
    });
    await app.ready();
    t = { app, database, close: async () => (await app.close(), await database.close()) };
  });
  afterAll(() => t.close());

  it('files, submits and verifies a report, and answers a duplicate with 409', async () => {
    const office = await login(t.app, 'office');
    const project = await cityProject(office);
    const report = await monthlyReport(office, project.id, '2026-11');
    expect(report).toMatchObject({ status: 'verified', investmentMonth: '100.00', year: 2026, month: 11 });
    const unit = { name: '并发测试单位', type: 'enterprise', regionCode: '230623' };
    expect((await office.post('/api/units', unit)).statusCode).toBe(201);
    expectError(await office.post('/api/units', unit), 409, 'DUPLICATE', 'body.name');
  });
});

describe('a data directory', () => {
  it('closes cleanly (lock released), persists, and reopens in either thread', async () => {
    const dir = tmp();
    const first = await openPglite(dir, { worker: true });
    await sql`create table kept (v text)`.execute(first.db);
    await sql`insert into kept values ('一')`.execute(first.db);
    expect(fs.existsSync(path.join(dir, 'ducha.lock'))).toBe(true);
    await first.close();
    expect(fs.existsSync(path.join(dir, 'ducha.lock'))).toBe(false);
    const second = await openPglite(dir);
    expect((await sql`select v from kept`.execute(second.db)).rows).toEqual([{ v: '一' }]);
    await second.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a database that cannot open rejects and releases the lock', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'pgdata'), 'not a directory');
    await expect(openPglite(dir, { worker: true })).rejects.toThrow();
    expect(fs.existsSync(path.join(dir, 'ducha.lock'))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('kill -9 while committing leaves every transaction whole or absent', async () => {
    const dir = tmp();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'packages/server/test/fixtures/pglite-writer.ts', dir],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let committed = 0;
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        committed = Number(/committed (\d+)\n$/.exec(d.toString())?.[1] ?? committed);
        if (committed >= 30) resolve();
      });
      child.once('exit', (code) => reject(new Error(`writer exited early (${code})`)));
    });
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    const after = await openPglite(dir); // the dead writer's lock is taken over
    const { rows } = await sql<{ rows: number; total: number }>`
      select (select count(*)::int from ledger) as rows, (select n from total) as total`.execute(after.db);
    expect(rows[0]!.rows).toBe(rows[0]!.total);
    expect(rows[0]!.total).toBeGreaterThanOrEqual(committed);
    await after.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
