/**
 * Bulk inserts as one JSON parameter: `insert … select … from json_populate_recordset(…)`. For
 * thousands of rows this binds one value instead of rows × columns, which is several times faster
 * on PGlite and no slower on PostgreSQL. The columns are every key any row has (a row without one
 * gets null there); columns no row names take their defaults.
 */
import { sql } from 'kysely';
import type { Database } from './types.ts';
import type { Executor } from './connection.ts';

export async function insertJson<T extends keyof Database & string, R = never>(
  db: Executor,
  table: T,
  rows: readonly Record<string, unknown>[],
  returning: string[] = [],
): Promise<R[]> {
  if (!rows.length) return [];
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cols = sql.join(columns.map((c) => sql.ref(c)));
  const ret = returning.length ? sql` returning ${sql.join(returning.map((c) => sql.ref(c)))}` : sql``;
  const result = await sql<R>`insert into ${sql.table(table)} (${cols})
    select ${cols} from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows)}::json)${ret}`.execute(
    db,
  );
  return result.rows;
}
