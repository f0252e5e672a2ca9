/**
 * Data scope (DOMAIN §1): which records an actor may touch. Region-scoped roles reach their region's
 * subtree (a materialized path prefix); unit staff their unit; reporters, inspectors and experts
 * only what is their own. Pure predicates for single records, SQL expressions for lists.
 */
import { roleScope } from '@ducha/contract';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Actor } from './context.ts';

export const scopeKind = (a: Actor) => roleScope[a.role];

/** Is `path` the actor's region or below it? */
export function inRegionSubtree(a: Actor, path: string): boolean {
  return path === a.regionPath || path.startsWith(a.regionPath + '.');
}

/** Is `path` on the way from the root down to the actor's region (its ancestors)? */
export function isAncestorRegion(a: Actor, path: string): boolean {
  return a.regionPath.startsWith(path + '.');
}

/** SQL: the region path column is within the actor's subtree. */
export function regionSubtreeSql(a: Actor, pathColumn: string): Expression<SqlBool> {
  const col = sql.ref(pathColumn);
  return sql<SqlBool>`(${col} = ${a.regionPath} or ${col} like ${a.regionPath + '.%'})`;
}
