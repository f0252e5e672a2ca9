/**
 * Who may see and work a routine inspection group (督查组). The office over the group's region
 * forms it and edits it (the admin anywhere); offices and leaders read the groups of their region
 * subtree; the group's own people (its leader and members, by the person their account belongs to,
 * whatever their role: 督查人员, 单位人员 seconded to it, …) read it and write its weekly site
 * records, as does the office. Nobody else sees a group.
 */
import type { Actor } from '../../platform/access/context.ts';
import { inRegionSubtree, officeOver, scopeKind } from '../../platform/access/scope.ts';

export interface GroupFacts {
  regionPath: string;
  /** the leader and the members */
  personIds: readonly number[];
}

const sitsIn = (a: Actor, g: GroupFacts) => a.personId !== null && g.personIds.includes(a.personId);

export function canReadGroup(a: Actor, g: GroupFacts): boolean {
  if (sitsIn(a, g)) return true;
  const kind = scopeKind(a);
  return kind === 'global' || (kind === 'region' && inRegionSubtree(a, g.regionPath));
}

/** Form, edit and close a group: the office over its region. */
export const canManageGroup = (a: Actor, regionPath: string): boolean => officeOver(a, regionPath);

/** Write (and correct) the group's weekly site records: the office over its region, and its people. */
export const canRecordForGroup = (a: Actor, g: GroupFacts): boolean =>
  officeOver(a, g.regionPath) || sitsIn(a, g);
