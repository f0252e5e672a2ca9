/**
 * Data scope (DOMAIN §1): which records an actor may touch. Region-scoped roles reach their region's
 * subtree (a materialized path prefix); unit staff their unit; reporters, inspectors and experts
 * only what is their own. Pure predicates for single records; the SQL forms for lists are the region
 * tree's (`platform/regions.ts`: `regionCodeInScope`, `regionCodeUnderCode`).
 */
import { roleScope } from '@ducha/contract';
import type { Actor } from './context.ts';

export const scopeKind = (a: Actor) => roleScope[a.role];

/** Is `path` the region at `root` or below it? */
export const inPath = (path: string, root: string) => path === root || path.startsWith(root + '.');

/** Is `path` the actor's region or below it? */
export function inRegionSubtree(a: Actor, path: string): boolean {
  return a.regionPath !== '' && inPath(path, a.regionPath);
}

/**
 * The office over a record in region `path`: the admin anywhere, or an office user whose region
 * subtree holds `path` (DOMAIN §1: the office has full work rights in its region). Leaders read
 * the same subtree but never manage it; unit staff and reporters never do. A record without a
 * region (`null`) is the admin's alone. Every "the office in its subtree" rule goes through here.
 */
export function officeOver(a: Actor, path: string | null): boolean {
  return a.role === 'admin' || (a.role === 'office' && path !== null && inRegionSubtree(a, path));
}

/** Is `path` on the way from the root down to the actor's region (its ancestors)? */
export function isAncestorRegion(a: Actor, path: string): boolean {
  return a.regionPath.startsWith(path + '.');
}

/**
 * Does the actor see what is kept for region `path` and shared down the tree (lists, calendars,
 * light rules, a region row): the actor's subtree and the regions above it, never a sibling's?
 */
export const seesRegion = (a: Actor, path: string): boolean =>
  scopeKind(a) === 'global' || inRegionSubtree(a, path) || isAncestorRegion(a, path);
