/**
 * Who may see and run which meeting. The office over the meeting's region plans and runs it (the
 * admin anywhere); offices and leaders read the meetings of their region subtree; unit staff read
 * the meetings their unit is called to (an attendee, or a 现场交账 section of its own). Reporters,
 * inspectors and experts read none.
 */
import type { Actor } from '../../platform/access/context.ts';
import { inRegionSubtree, officeOver, scopeKind } from '../../platform/access/scope.ts';

export interface MeetingFacts {
  regionPath: string;
  /** the units called: attendees and the units reporting in 现场交账 */
  unitIds: readonly number[];
}

export function canReadMeeting(a: Actor, m: MeetingFacts): boolean {
  switch (scopeKind(a)) {
    case 'global':
      return true;
    case 'region':
      return inRegionSubtree(a, m.regionPath);
    case 'unit':
      return a.unitId !== null && m.unitIds.includes(a.unitId);
    case 'own':
      return false;
  }
}

/** Plan, move, run and close a meeting or a series: the office over its region. */
export const canManageMeeting = (a: Actor, regionPath: string): boolean => officeOver(a, regionPath);
