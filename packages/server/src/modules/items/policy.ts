/**
 * Who may see, raise and act on which item. Offices and leaders reach the items in their region
 * subtree; a unit its own items (responsible, co-operating, or raised by it) and never another
 * unit's; a reporter what it raised, what its unit must handle, and items on projects its unit owns.
 */
import type { ItemKind } from '@ducha/contract';
import type { Actor } from '../../platform/access/context.ts';
import { inRegionSubtree, officeOver, scopeKind } from '../../platform/access/scope.ts';
import type { Standing } from './rules.ts';

export interface ItemFacts {
  regionPath: string;
  responsibleUnitId: number | null;
  coUnitIds: readonly number[];
  raisedBy: number | null;
  raisedByUnitId: number | null;
  projectOwnerUnitId: number | null;
}

export function canReadItem(a: Actor, i: ItemFacts): boolean {
  const unit = a.unitId;
  switch (scopeKind(a)) {
    case 'global':
      return true;
    case 'region':
      return inRegionSubtree(a, i.regionPath);
    case 'unit':
      return (
        unit !== null &&
        (i.responsibleUnitId === unit || i.raisedByUnitId === unit || i.coUnitIds.includes(unit))
      );
    case 'own':
      if (i.raisedBy === a.id) return true;
      return (
        a.role === 'reporter' &&
        unit !== null &&
        (i.responsibleUnitId === unit || i.projectOwnerUnitId === unit)
      );
  }
}

export function standing(a: Actor, i: ItemFacts): Standing {
  return {
    role: a.role,
    office: officeOver(a, i.regionPath),
    leader: a.role === 'leader' && inRegionSubtree(a, i.regionPath),
    responsible:
      (a.role === 'unit' || a.role === 'reporter') && a.unitId !== null && a.unitId === i.responsibleUnitId,
    raiser: i.raisedBy === a.id,
  };
}

/**
 * Which kinds a role raises: anyone who works on projects raises problems (inspectors on the
 * projects of their inspection groups: the project's read rule is the caller's, see `raiseItem`); decisions and
 * rectifications come from the office (meetings and inspections will create theirs through the
 * same engine); instructions from leaders, or the office recording a leader's 批示.
 */
export function canRaise(a: Actor, kind: ItemKind, withProject: boolean): boolean {
  switch (kind) {
    case 'problem':
      // reporters on their projects; inspectors on the projects an inspection group gives them
      return (
        ['admin', 'office', 'leader', 'unit'].includes(a.role) ||
        ((a.role === 'reporter' || a.role === 'inspector') && withProject)
      );
    case 'instruction':
      return ['admin', 'office', 'leader'].includes(a.role);
    case 'decision':
    case 'rectification':
      return a.role === 'admin' || a.role === 'office';
  }
}

/**
 * Where an item without a project may be placed (the region whose office handles it): the admin
 * anywhere; offices and leaders in their subtree; anyone else (unit staff) in their own region only.
 * A city department does not put a matter on a county's desk: it raises it on the county's project
 * (if it works on one) or asks the city office, which places it where it belongs.
 */
export function canPlaceItem(a: Actor, regionPath: string): boolean {
  switch (scopeKind(a)) {
    case 'global':
      return true;
    case 'region':
      return inRegionSubtree(a, regionPath);
    default:
      return a.regionPath !== '' && regionPath === a.regionPath;
  }
}
