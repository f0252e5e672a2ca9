/**
 * Who reads a region's month close (its indicators by list, unit, leader and region). A close sums
 * every project of its region, so it is read by those whose scope holds the whole region: the admin,
 * and offices and leaders whose subtree contains it. A county reads its own figures (its rows of the
 * city's close, asked as its own region) and never the city's; unit staff, reporters, inspectors
 * and experts read no close (their scope is their own projects, not a region).
 */
import type { Actor } from '../../platform/access/context.ts';
import { inRegionSubtree, scopeKind } from '../../platform/access/scope.ts';

export function canReadClose(a: Actor, regionPath: string): boolean {
  const kind = scopeKind(a);
  return kind === 'global' || (kind === 'region' && inRegionSubtree(a, regionPath));
}
