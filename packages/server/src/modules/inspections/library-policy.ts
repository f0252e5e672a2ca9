/**
 * Who may see and keep inspections' plan and libraries (DOMAIN §1, §7). The office over a region
 * (`officeOver`: the admin anywhere) keeps its plan, themes, check items, firms, experts and
 * inspectors. Plans are read by offices and leaders of the plan's region subtree (a city office reads
 * its counties' plans, never the reverse); the libraries also by the regions below (a county office
 * draws from the city's experts, so it sees them, but does not keep them). Unit staff, reporters,
 * inspectors and experts read none of it here (the public pages publish the plan and check items);
 * an expert or inspector reads its own library record. Phone numbers are personal data: whole to
 * the office, masked to leaders.
 */
import type { Actor } from '../../platform/access/context.ts';
import { inRegionSubtree, officeOver, scopeKind, seesRegion } from '../../platform/access/scope.ts';

const regional = (a: Actor) => a.role === 'office' || a.role === 'leader';

/** Read a plan of region `path` (its themes, pools and check items with it). */
export function canReadPlan(a: Actor, path: string): boolean {
  if (scopeKind(a) === 'global') return true;
  return regional(a) && inRegionSubtree(a, path);
}

export const canManagePlan = (a: Actor, path: string): boolean => officeOver(a, path);

/** Read a library record (firm, expert, inspector) kept for region `path`. */
export function canReadLibrary(a: Actor, path: string): boolean {
  if (scopeKind(a) === 'global') return true;
  return regional(a) && seesRegion(a, path);
}

/** The library lists: only the roles that read some library. */
export const readsLibraries = (a: Actor): boolean => scopeKind(a) === 'global' || regional(a);

export const canManageLibrary = (a: Actor, path: string): boolean => officeOver(a, path);

/** An expert's or inspector's own record (its login is linked to it). */
export const ownsRecord = (a: Actor, userId: number | null): boolean =>
  (a.role === 'expert' || a.role === 'inspector') && userId !== null && userId === a.id;

/** How a phone number reaches the actor: whole (the office), masked (leaders, its own holder), or not at all. */
export function phoneView(a: Actor): 'whole' | 'masked' | 'none' {
  if (a.role === 'admin' || a.role === 'office') return 'whole';
  if (a.role === 'leader') return 'masked';
  return 'none';
}

/** Read the figures of region `path`: the office and leaders of its subtree, the admin. */
export const canReadFigures = (a: Actor, path: string): boolean => canReadPlan(a, path);
