/**
 * Who may see and keep assessment's schemes, ledger, rankings and score cards (DOMAIN §1, §9).
 * - The office over a region (`officeOver`: the admin anywhere) keeps its schemes and manual rows
 *   and recomputes its months.
 * - Offices and leaders read everything of their region subtree; leaders also decide manual rows
 *   and exemptions there (a second pair of eyes that is not the office's author).
 * - Unit staff read their own unit's rows and score card, the active schemes and the rankings of
 *   the regions on their line (the 红黑榜 is published to the units it ranks: 晾晒), and ask
 *   exemptions for their own unit's deductions.
 * - Reporters, inspectors and experts hold no `score.*` permission.
 */
import type { Actor } from '../../platform/access/context.ts';
import { inRegionSubtree, isAncestorRegion, officeOver, scopeKind } from '../../platform/access/scope.ts';

const regional = (a: Actor) => a.role === 'office' || a.role === 'leader';
const global = (a: Actor) => scopeKind(a) === 'global';
/** The unit's region or a region above it (a city scheme ranks the units of its counties). */
const onUnitLine = (a: Actor, path: string) =>
  a.role === 'unit' && a.regionPath !== '' && (a.regionPath === path || isAncestorRegion(a, path));

/** Read a scheme of region `path`: offices and leaders of its subtree; unit staff its active revision. */
export function canReadScheme(a: Actor, path: string, status: 'draft' | 'active' | 'retired'): boolean {
  if (global(a)) return true;
  if (regional(a)) return inRegionSubtree(a, path);
  return status === 'active' && onUnitLine(a, path);
}

/** Keep schemes, write manual rows and recompute the months of region `path`. */
export const canManageScores = (a: Actor, path: string): boolean => officeOver(a, path);

/** Read a ledger row kept for region `path` about `unitId`. */
export function canReadRow(a: Actor, path: string, unitId: number): boolean {
  if (global(a)) return true;
  if (regional(a)) return inRegionSubtree(a, path);
  return a.role === 'unit' && a.unitId === unitId;
}

/** Decide a manual row or an exemption of region `path` (the author or asker is refused by the rules). */
export function canDecide(a: Actor, path: string): boolean {
  return officeOver(a, path) || (a.role === 'leader' && inRegionSubtree(a, path));
}

/** Ask an exemption for a row of `unitId` in region `path`: the office over it or the unit's staff. */
export function canAskExemption(a: Actor, path: string, unitId: number): boolean {
  return officeOver(a, path) || (a.role === 'unit' && a.unitId === unitId);
}

/** Read the rankings of a scheme of region `path`. */
export function canReadRanking(a: Actor, path: string): boolean {
  if (global(a)) return true;
  if (regional(a)) return inRegionSubtree(a, path);
  return onUnitLine(a, path);
}

/** Read a unit's score card under a scheme of region `path`. */
export function canReadCard(a: Actor, path: string, unitId: number): boolean {
  if (global(a)) return true;
  if (regional(a)) return inRegionSubtree(a, path);
  return a.role === 'unit' && a.unitId === unitId;
}

/** The ledger list: which rows the actor reads, as a filter the query applies. */
export function rowScope(
  a: Actor,
): { kind: 'all' } | { kind: 'region'; path: string } | { kind: 'unit'; unitId: number } | { kind: 'none' } {
  if (global(a)) return { kind: 'all' };
  if (regional(a)) return { kind: 'region', path: a.regionPath };
  if (a.role === 'unit' && a.unitId !== null) return { kind: 'unit', unitId: a.unitId };
  return { kind: 'none' };
}
