/**
 * Who may read and change which project (DOMAIN §1, §3). Offices and leaders reach the projects in
 * their region subtree; unit staff the projects their unit leads (read and edit) or co-operates on
 * (read only); reporters the projects their unit owns (业主). Lists apply the same rules in SQL.
 */
import type { Actor } from '../../platform/access/context.ts';
import { inRegionSubtree, officeOver, scopeKind } from '../../platform/access/scope.ts';

export interface ProjectFacts {
  regionPath: string;
  responsibleUnitId: number | null;
  coUnitIds: readonly number[];
  ownerUnitId: number | null;
}

export function canReadProject(a: Actor, p: ProjectFacts): boolean {
  switch (scopeKind(a)) {
    case 'global':
      return true;
    case 'region':
      return inRegionSubtree(a, p.regionPath);
    case 'unit':
      return a.unitId !== null && (p.responsibleUnitId === a.unitId || p.coUnitIds.includes(a.unitId));
    case 'own':
      return a.role === 'reporter' && a.unitId !== null && p.ownerUnitId === a.unitId;
  }
}

/** Registry fields: the office in its subtree, and the lead unit's staff (never co-units). */
export function canEditProject(a: Actor, p: ProjectFacts): boolean {
  if (officeOver(a, p.regionPath)) return true;
  return a.role === 'unit' && a.unitId !== null && p.responsibleUnitId === a.unitId;
}

/** Creating projects, setting responsibility, lists and baselines: the office's work. */
export function canManageProject(a: Actor, regionPath: string): boolean {
  return officeOver(a, regionPath);
}
