/**
 * Who files and who checks monthly reports. The lead unit and the owner's reporter fill them (the
 * office may too); only the office verifies, returns and amends verified reports.
 */
import type { Actor } from '../../platform/access/context.ts';
import { canManageProject, type ProjectFacts } from '../projects/index.ts';

export function canFileReport(a: Actor, p: ProjectFacts): boolean {
  if (canManageProject(a, p.regionPath)) return true;
  if (a.role === 'unit') return a.unitId !== null && p.responsibleUnitId === a.unitId;
  if (a.role === 'reporter') return a.unitId !== null && p.ownerUnitId === a.unitId;
  return false;
}

export const canVerifyReport = (a: Actor, p: ProjectFacts) => canManageProject(a, p.regionPath);

/** 催报 is the office's: admins and office staff send it (each project still needs `canVerifyReport`). */
export const mayRemindReports = (a: Actor) => a.role === 'admin' || a.role === 'office';

/** Who sees the month's missing and late reports across projects: the office and leaders of their subtree. */
export const seesOverdueReports = (a: Actor) =>
  a.role === 'admin' || a.role === 'office' || a.role === 'leader';

/**
 * The 月度信息报表 in Excel is the office's: admins and office staff download a month's sheet and import
 * it (each row's project still needs `canVerifyReport`: reports filed on the units' behalf).
 */
export const mayImportReports = (a: Actor) => a.role === 'admin' || a.role === 'office';
