/**
 * Keys and indexes during the load, as a restore treats them. Checking each of millions of rows
 * against its parents one by one is most of a bulk insert's cost (bench/README.md, the month close),
 * so the generator turns the tables' triggers off while it writes (a superuser's right; without it
 * the checks stay on and the load is slower) and then checks every foreign key of the schema at once,
 * one anti-join per key: the data must satisfy them all. Likewise the secondary indexes of the large
 * tables are dropped before their rows are written and built again afterwards from their own
 * definitions (a sorted build instead of millions of insertions); their unique ones then check
 * uniqueness over all the rows. Check constraints and primary keys stay on throughout.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../packages/server/src/db/types.ts';

const tables = async (db: Kysely<Database>) =>
  (
    await sql<{ name: string }>`select c.relname as name from pg_class c
      where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and c.relname not like 'kysely%'
        and c.relname <> 'audit_events' order by 1`.execute(db)
  ).rows.map((r) => r.name);

/** Turns the key triggers off (true), or leaves them on when the role may not (false). */
export async function keyChecksOff(db: Kysely<Database>): Promise<boolean> {
  try {
    for (const t of await tables(db)) await sql`alter table ${sql.table(t)} disable trigger all`.execute(db);
    return true;
  } catch (e) {
    if ((e as { code?: string }).code !== '42501') throw e;
    return false;
  }
}

export async function keyChecksOn(db: Kysely<Database>) {
  for (const t of await tables(db)) await sql`alter table ${sql.table(t)} enable trigger all`.execute(db);
}

/** Every foreign key of the schema holds: throws naming the first one a row breaks. */
export async function checkKeys(db: Kysely<Database>): Promise<number> {
  const keys = await sql<{ name: string; child: string; col: string; parent: string; pcol: string }>`
    select c.conname as name, cr.relname as child, ca.attname as col, pr.relname as parent, pa.attname as pcol
    from pg_constraint c
    join pg_class cr on cr.oid = c.conrelid join pg_class pr on pr.oid = c.confrelid
    join pg_attribute ca on ca.attrelid = c.conrelid and ca.attnum = c.conkey[1]
    join pg_attribute pa on pa.attrelid = c.confrelid and pa.attnum = c.confkey[1]
    where c.contype = 'f' and c.connamespace = 'public'::regnamespace and cardinality(c.conkey) = 1
    order by 1`.execute(db);
  for (const k of keys.rows) {
    const bad = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(k.child)} x
      where x.${sql.ref(k.col)} is not null
        and not exists (select 1 from ${sql.table(k.parent)} y where y.${sql.ref(k.pcol)} = x.${sql.ref(k.col)})`.execute(
      db,
    );
    const n = Number(bad.rows[0]!.n);
    if (n)
      throw new Error(
        `foreign key ${k.name}: ${n} rows of ${k.child}.${k.col} have no ${k.parent}.${k.pcol}`,
      );
  }
  return keys.rows.length;
}

export interface DeferredIndex {
  table: string;
  name: string;
  /** a unique constraint (dropped and added back as a constraint), else a plain index */
  constraint: boolean;
  definition: string;
}

/**
 * Drops the secondary indexes of `tables` (not primary keys, not constraints other keys reference),
 * and keeps autovacuum off them until they are built again (the final ANALYZE does its work).
 */
export async function dropIndexes(db: Kysely<Database>, tables: string[]): Promise<DeferredIndex[]> {
  for (const t of tables) await sql`alter table ${sql.table(t)} set (autovacuum_enabled = false)`.execute(db);
  const found = await sql<{
    table: string;
    name: string;
    constraint: string | null;
    definition: string;
    condef: string | null;
  }>`
    select t.relname as "table", i.relname as name, c.conname as "constraint", pg_get_indexdef(i.oid) as definition,
      pg_get_constraintdef(c.oid) as condef
    from pg_index x
    join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
    left join pg_constraint c on c.conindid = i.oid and c.contype in ('u', 'p')
    where t.relnamespace = 'public'::regnamespace and t.relname in (${sql.join(tables)}) and not x.indisprimary
      and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = i.oid)
    order by 1, 2`.execute(db);
  const out: DeferredIndex[] = [];
  for (const r of found.rows) {
    if (r.constraint) {
      await sql`alter table ${sql.table(r.table)} drop constraint ${sql.ref(r.constraint)}`.execute(db);
      out.push({ table: r.table, name: r.constraint, constraint: true, definition: r.condef! });
    } else {
      await sql`drop index ${sql.ref(r.name)}`.execute(db);
      out.push({ table: r.table, name: r.name, constraint: false, definition: r.definition });
    }
  }
  return out;
}

/** Builds the dropped indexes again, exactly as they were defined, and gives the tables back to autovacuum. */
export async function buildIndexes(db: Kysely<Database>, tables: string[], indexes: DeferredIndex[]) {
  for (const t of tables) await sql`alter table ${sql.table(t)} reset (autovacuum_enabled)`.execute(db);
  for (const i of indexes) {
    if (i.constraint)
      await sql`alter table ${sql.table(i.table)} add constraint ${sql.ref(i.name)} ${sql.raw(i.definition)}`.execute(
        db,
      );
    else await sql.raw(i.definition).execute(db);
  }
}
