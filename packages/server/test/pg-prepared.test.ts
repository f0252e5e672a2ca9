/**
 * Queries on PostgreSQL are named statements, prepared once per connection (db/pg-prepared.ts):
 * which texts get a name, that a DDL statement renews the names, and — on a real server when
 * DUCHA_TEST_DATABASE_URL names one — that a table changed under a prepared `select *` answers
 * with its new columns.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openPostgres } from '../src/db/connection.ts';
import { preparedPool } from '../src/db/pg-prepared.ts';

/** A stand-in pool that records what each query was sent as. */
function recordingPool() {
  const sent: unknown[][] = [];
  const client = {
    query: (...args: unknown[]) => {
      sent.push(args);
      return Promise.resolve({ rows: [] });
    },
    release: () => {},
  };
  const pool = { connect: () => Promise.resolve(client), end: () => Promise.resolve() };
  return { pool: preparedPool(pool as unknown as pg.Pool), sent };
}

const nameSent = (args: unknown[]) =>
  typeof args[0] === 'object' && args[0] !== null ? (args[0] as { name?: string }).name : undefined;

describe('queries prepared once per connection', () => {
  it('names each query text once, the same name on every connection, with its values', async () => {
    const { pool, sent } = recordingPool();
    const a = await pool.connect();
    const b = await pool.connect();
    await a.query('select $1::int as n', [1]);
    await b.query('select $1::int as n', [2]);
    await a.query('update t set x = $1', [3]);
    expect(nameSent(sent[0]!)).toBeDefined();
    expect(nameSent(sent[1]!)).toBe(nameSent(sent[0]!));
    expect(sent[1]![0]).toMatchObject({ text: 'select $1::int as n', values: [2] });
    expect(nameSent(sent[2]!)).not.toBe(nameSent(sent[0]!));
  });

  it('sends transaction control, DDL and SET unnamed; after DDL or SET the same text gets a new name', async () => {
    const { pool, sent } = recordingPool();
    const c = await pool.connect();
    await c.query('select 1', []);
    await c.query('begin', []);
    await c.query('select 1', []);
    await c.query('alter table t add column y int', []);
    await c.query('select 1', []);
    await c.query('set local enable_nestloop = off', []);
    await c.query('select 1', []);
    const [first, begin, again, ddl, afterDdl, set, afterSet] = sent;
    expect(begin).toEqual(['begin', []]);
    expect(ddl).toEqual(['alter table t add column y int', []]);
    expect(set).toEqual(['set local enable_nestloop = off', []]);
    expect(nameSent(again!)).toBe(nameSent(first!)); // transaction control renews nothing
    expect(nameSent(afterDdl!)).toBeDefined();
    expect(nameSent(afterDdl!)).not.toBe(nameSent(first!));
    expect(nameSent(afterSet!)).not.toBe(nameSent(afterDdl!));
  });

  it('sends EXPLAIN and SHOW unnamed and keeps the names: every paged list asks for an estimate', async () => {
    const { pool, sent } = recordingPool();
    const c = await pool.connect();
    await c.query('select $1::int as n', [1]);
    await c.query('explain (format json) select $1::int as n', [1]);
    await c.query('show work_mem', []);
    await c.query('select $1::int as n', [2]);
    const [first, explain, show, again] = sent;
    expect(explain).toEqual(['explain (format json) select $1::int as n', [1]]);
    expect(show).toEqual(['show work_mem', []]);
    expect(nameSent(again!)).toBe(nameSent(first!));
  });

  it('leaves very long texts unnamed', async () => {
    const { pool, sent } = recordingPool();
    const c = await pool.connect();
    const long = `select 1 where ${'true and '.repeat(2_500)}true`;
    await c.query(long, []);
    expect(sent[0]).toEqual([long, []]);
  });

  it('names at most 2,000 texts; the rest run unnamed', async () => {
    const { pool, sent } = recordingPool();
    const c = await pool.connect();
    for (let i = 0; i < 2_001; i++) await c.query(`select ${i}`, []);
    expect(nameSent(sent[1_999]!)).toBeDefined();
    expect(sent[2_000]).toEqual(['select 2000', []]);
  });

  it.runIf(process.env.DUCHA_TEST_DATABASE_URL)(
    'a prepared select * answers with the columns a table gained since',
    async () => {
      const { db, close } = await openPostgres(process.env.DUCHA_TEST_DATABASE_URL!, 1);
      const table = sql.table(`prepared_${randomBytes(4).toString('hex')}`);
      try {
        await sql`create table ${table} (a int)`.execute(db);
        await sql`insert into ${table} values (1)`.execute(db);
        // six runs: past the five custom plans, so PostgreSQL has settled on its plan
        for (let i = 0; i < 6; i++)
          expect((await sql`select * from ${table}`.execute(db)).rows).toEqual([{ a: 1 }]);
        await sql`alter table ${table} add column b int default 2`.execute(db);
        expect((await sql`select * from ${table}`.execute(db)).rows).toEqual([{ a: 1, b: 2 }]);
      } finally {
        await sql`drop table if exists ${table}`.execute(db);
        await close();
      }
    },
  );
});
