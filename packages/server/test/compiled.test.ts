/**
 * Queries built and compiled once (db/compiled.ts): each call sends the text compiled at the first
 * call with its own values in their places, the query's own constants kept; a value used to build
 * the text instead of passed to it is refused.
 */
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
  type CompiledQuery,
  type DatabaseConnection,
  type SqlBool,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import { compiledOnce } from '../src/db/compiled.ts';
import type { Executor } from '../src/db/connection.ts';

/** A Kysely whose driver records what it is sent and answers with no rows. */
function recordingDb() {
  const sent: CompiledQuery[] = [];
  const connection: DatabaseConnection = {
    executeQuery: (q) => {
      sent.push(q);
      return Promise.resolve({ rows: [] });
    },
    streamQuery: () => {
      throw new Error('not used');
    },
  };
  class Recording extends DummyDriver {
    override acquireConnection = () => Promise.resolve(connection);
  }
  const db = new Kysely<never>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new Recording(),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  }) as unknown as Executor;
  return { db, sent };
}

describe('compiledOnce', () => {
  it('builds once and sends each call its own values in their places, constants kept', async () => {
    const { db, sent } = recordingDb();
    let built = 0;
    const query = compiledOnce((d, v: { id: number; from: Date; ids: readonly number[] }) => {
      built += 1;
      return d
        .selectFrom('items')
        .select('id')
        .where('id', '=', v.id)
        .where('listed', '=', true)
        .where('raised_at', '>', v.from)
        .where(sql<SqlBool>`project_id = any(${v.ids}) and id <> ${v.id}`);
    });
    const from = new Date('2026-12-01T00:00:00Z');
    await query(db, { id: 7, from, ids: [1, 2] });
    await query(db, { id: 8, from, ids: [] });
    expect(built).toBe(1);
    expect(sent).toHaveLength(2);
    expect(sent[0]!.sql).toBe(
      'select "id" from "items" where "id" = $1 and "listed" = $2 and "raised_at" > $3 and project_id = any($4) and id <> $5',
    );
    expect(sent[1]!.sql).toBe(sent[0]!.sql);
    expect(sent[0]!.parameters).toEqual([7, true, from, [1, 2], 7]);
    expect(sent[1]!.parameters).toEqual([8, true, from, [], 8]);
  });

  it('resolves to the rows the database answers', async () => {
    const { db } = recordingDb();
    const query = compiledOnce((d, v: { id: number }) =>
      d.selectFrom('items').select('id').where('id', '=', v.id),
    );
    await expect(query(db, { id: 1 })).resolves.toEqual([]);
  });

  it('refuses a value used to build the text rather than passed to it', async () => {
    const { db, sent } = recordingDb();
    const query = compiledOnce((d, v: { name: string }) =>
      d.selectFrom('items').select('id').where('title', 'like', `%${v.name}%`),
    );
    await expect(query(db, { name: '堵点' })).rejects.toThrow(/name was used to build the query/);
    const raw = compiledOnce((d, v: { column: string }) =>
      d
        .selectFrom('items')
        .select('id')
        .where(sql.ref(String(v.column)), '=', 1),
    );
    await expect(raw(db, { column: 'id' })).rejects.toThrow(/column was used to build the query/);
    expect(sent).toHaveLength(0);
  });
});
