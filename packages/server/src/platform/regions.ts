/**
 * The region tree (行政区划), owned by the platform: every data scope is a subtree of it (a
 * materialized path prefix), so the access layer and every module read it. Rows for the org
 * module's region screens, and SQL expressions for other modules' queries: a region's name or path
 * beside a row, and "this region code lies in that subtree" as a semi-join on the path index.
 */
import type { Region } from '@ducha/contract';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor, Trx } from '../db/connection.ts';
import type { Actor } from './access/context.ts';
import { officeOver, seesRegion } from './access/scope.ts';
import { cachedRead, invalidate } from './cache.ts';
import { forbidden, notFound, outOfScope } from './errors.ts';

export const regionColumns = ['code', 'name', 'level', 'parent_code', 'path', 'active', 'version'] as const;
export type RegionRow = {
  code: string;
  name: string;
  level: Region['level'];
  parent_code: string | null;
  path: string;
  active: boolean;
  version: number;
};

export const getRegion = (db: Executor, code: string): Promise<RegionRow | undefined> =>
  db.selectFrom('regions').select(regionColumns).where('code', '=', code).executeTakeFirst();

export const lockRegion = (trx: Trx, code: string): Promise<RegionRow | undefined> =>
  trx.selectFrom('regions').select(regionColumns).where('code', '=', code).forUpdate().executeTakeFirst();

/** The regions under `path` (itself included), optionally only active ones. */
export const regionsUnder = (db: Executor, path: string, opts: { activeOnly?: boolean } = {}) => {
  let q = db
    .selectFrom('regions')
    .select(regionColumns)
    .where((eb) => eb.or([eb('path', '=', path), eb('path', 'like', `${path}.%`)]));
  if (opts.activeOnly) q = q.where('active', '=', true);
  return q.orderBy('path').execute();
};

/** Every region, active or not, with its path (the admin's scope). */
export const allRegions = (db: Executor) =>
  db.selectFrom('regions').select(regionColumns).orderBy('path').execute();

const REGIONS = 'regions_by_code';
interface RegionTree {
  names: ReadonlyMap<string, string>;
  paths: ReadonlyMap<string, string>;
}
const loadTree = (db: Executor) =>
  cachedRead(db, REGIONS, async (): Promise<RegionTree> => {
    const rows = await db.selectFrom('regions').select(['code', 'name', 'path']).execute();
    return {
      names: new Map(rows.map((r) => [r.code, r.name])),
      paths: new Map(rows.map((r) => [r.code, r.path])),
    };
  });

/**
 * Every region's name and path by code, cached per process (platform/cache.ts). A region's code and
 * path never change (regions are renamed or deactivated, never moved); a rename through
 * `updateRegion` invalidates the cache once committed, and a region created since is a miss that
 * reloads. Lists map their rows' region codes with it instead of a subquery per row: on a
 * prepared statement PostgreSQL scans the whole regions table for each (its generic plan prefers a
 * scan of a small table to its index), half the cost of a ledger page's 25 display rows.
 */
async function regionTree(db: Executor, codes: Iterable<string>): Promise<RegionTree> {
  const tree = await loadTree(db);
  for (const code of codes)
    if (!tree.paths.has(code)) {
      invalidate(db, REGIONS);
      return loadTree(db);
    }
  return tree;
}

/** Every region's path by code (the cached tree, `regionTree`). */
export const regionPaths = async (db: Executor, codes: Iterable<string>) =>
  (await regionTree(db, codes)).paths;

/**
 * Sets each row's `region_name` and `region_path` from the cached tree, in place (the rows are the
 * driver's, fresh for this call: a copy of each would cost more than the lookup saved).
 */
export async function withRegionNames<T extends { region_code: string }>(
  db: Executor,
  rows: T[],
): Promise<(T & { region_name: string; region_path: string })[]> {
  const { names, paths } = await regionTree(db, new Set(rows.map((r) => r.region_code)));
  const out = rows as (T & { region_name: string; region_path: string })[];
  for (const r of out) {
    r.region_name = names.get(r.region_code)!;
    r.region_path = paths.get(r.region_code)!;
  }
  return out;
}

/** Forgets the cached tree: call it after the transaction that created or renamed a region has committed. */
export const forgetRegions = (db: Executor) => invalidate(db, REGIONS);

/** Every active region (the importer's lookup table). */
export const activeRegions = (db: Executor) =>
  db.selectFrom('regions').select(['code', 'name', 'path']).where('active', '=', true).execute();

/** The region screens' list: a filter built by the caller from the expressions below. */
export function regionRows(
  db: Executor,
  f: { scope?: Actor; under?: string; includeInactive?: boolean; text?: { like: string; prefix: string } },
) {
  let q = db.selectFrom('regions').select(regionColumns);
  if (f.scope) {
    const ancestors = f.scope.regionPath.split('.');
    q = q.where((eb) => eb.or([pathUnder('path', f.scope!.regionPath), eb('code', 'in', ancestors)]));
  }
  if (f.under) q = q.where(pathUnder('path', f.under));
  if (!f.includeInactive) q = q.where('active', '=', true);
  if (f.text) {
    const { like, prefix } = f.text;
    q = q.where((eb) => eb.or([eb('name', 'like', like), eb('code', 'like', prefix)]));
  }
  return q.orderBy('path').execute();
}

export const insertRegion = (trx: Trx, r: Omit<RegionRow, 'active' | 'version'>) =>
  trx.insertInto('regions').values(r).returning(regionColumns).executeTakeFirstOrThrow();

export const updateRegionRow = (
  trx: Trx,
  code: string,
  patch: { name?: string; active?: boolean },
  version: number,
) =>
  trx
    .updateTable('regions')
    .set({ ...patch, version, updated_at: new Date() })
    .where('code', '=', code)
    .returning(regionColumns)
    .executeTakeFirstOrThrow();

const pathUnder = (column: string, path: string): RawBuilder<SqlBool> => {
  const col = sql.ref(column);
  return sql<SqlBool>`(${col} = ${path} or ${col} like ${path + '.%'})`;
};

/** SQL: the name of the region whose code is in `codeColumn`. */
export const regionNameOf = (codeColumn: string) =>
  sql<string>`(select name from regions where code = ${sql.ref(codeColumn)})`;

/** SQL: the materialized path of the region whose code is in `codeColumn`. */
export const regionPathOf = (codeColumn: string) =>
  sql<string>`(select path from regions where code = ${sql.ref(codeColumn)})`;

/** SQL: the parent code of the region whose code is in `codeColumn` (null for the root). */
export const regionParentOf = (codeColumn: string) =>
  sql<string | null>`(select parent_code from regions where code = ${sql.ref(codeColumn)})`;

/** SQL: the region code in `codeColumn` is the region at `path` or one above it (what a region inherits). */
export const regionCodeAbove = (codeColumn: string, path: string): RawBuilder<SqlBool> =>
  sql<SqlBool>`${sql.ref(codeColumn)} = any(array(select code from regions where path = ${path} or ${path} like path || '.%'))`;

/**
 * SQL: the region code in `codeColumn` is the region at `path` or below it. The subtree's codes as
 * an array computed once (an InitPlan), so a table is read through its region index, code = any
 * of them; an `in (subquery)` was planned as a hash join against every row of the table (a city
 * office's project list read all 100,000 projects of the province).
 */
export const regionCodeUnder = (codeColumn: string, path: string): RawBuilder<SqlBool> =>
  sql<SqlBool>`${sql.ref(codeColumn)} = any(array(select code from regions where path = ${path} or path like ${path + '.%'}))`;

/** SQL: the region code in `codeColumn` lies in the actor's subtree (admins are not filtered by callers). */
export const regionCodeInScope = (a: Actor, codeColumn: string) => regionCodeUnder(codeColumn, a.regionPath);

/** SQL: the region code in `codeColumn` is the region `code` or below it (a list filter). */
export const regionCodeUnderCode = (codeColumn: string, code: string): RawBuilder<SqlBool> =>
  sql<SqlBool>`${sql.ref(codeColumn)} = any(array(select d.code from regions d join regions root on root.code = ${code}
    where d.path = root.path or d.path like root.path || '.%'))`;

/** SQL: the region `code` is at `path`, below it, or above it (a frozen month reaches both ways). */
export const regionCodeOnLine = (codeColumn: string, path: string): RawBuilder<SqlBool> =>
  sql<SqlBool>`${sql.ref(codeColumn)} = any(array(select code from regions
    where path = ${path} or path like ${path + '.%'} or ${path} like path || '.%'))`;

/**
 * A region whose settings the actor may write (`write`: the office in its subtree, or admin) or
 * read (its subtree and the ancestors it inherits from), or 404/403.
 */
export async function settingsRegion(db: Executor, a: Actor, code: string, write: boolean) {
  const region = await getRegion(db, code);
  if (!region) throw notFound();
  if (write && !officeOver(a, region.path)) throw forbidden();
  if (!seesRegion(a, region.path)) throw outOfScope();
  return region;
}

/** A region's own setting, else its nearest ancestor's: a county inherits the city's. */
export function nearestSetting<T extends { region_code: string }>(rows: T[], path: string): T | undefined {
  const order = path.split('.').reverse();
  return rows
    .filter((r) => order.includes(r.region_code))
    .sort((a, b) => order.indexOf(a.region_code) - order.indexOf(b.region_code))[0];
}
