/**
 * Who may see and act on which inspection (DOMAIN §1, §7). The office over the inspection's region
 * runs it (the admin anywhere); offices and leaders read their region subtree; the inspected unit's
 * staff (role unit) read it and take the unit's steps; an expert or inspector sees only the
 * inspections it is a member of, the expert signing the on-site record and both recording findings
 * on site. Reporters see none (they hold no inspection permission). The list's SQL mirrors this.
 */
import type { InspectionAction, InspectionStatus } from '@ducha/contract';
import type { Actor } from '../../platform/access/context.ts';
import { inRegionSubtree, officeOver, scopeKind } from '../../platform/access/scope.ts';
import { findingsOpen, steps } from './rules.ts';

export interface InspectionFacts {
  regionPath: string;
  inspectedUnitId: number | null;
  /** user ids of the expert members' and the inspector members' accounts */
  expertUserIds: readonly number[];
  inspectorUserIds: readonly number[];
}

const isMember = (a: Actor, f: InspectionFacts) =>
  (a.role === 'expert' && f.expertUserIds.includes(a.id)) ||
  (a.role === 'inspector' && f.inspectorUserIds.includes(a.id));

/** The inspected unit's staff; the admin stands in for them (support). */
const isUnit = (a: Actor, f: InspectionFacts) =>
  a.role === 'admin' || (a.role === 'unit' && a.unitId !== null && a.unitId === f.inspectedUnitId);

export function canReadInspection(a: Actor, f: InspectionFacts): boolean {
  switch (scopeKind(a)) {
    case 'global':
      return true;
    case 'region':
      return inRegionSubtree(a, f.regionPath);
    case 'unit':
      return isUnit(a, f);
    case 'own':
      return isMember(a, f);
  }
}

/** Create, run and number it: the office over its region. */
export const canManageInspection = (a: Actor, regionPath: string) => officeOver(a, regionPath);

/**
 * May the actor take a step of `by`'s kind on this inspection (state aside)? The expert's sign-off
 * is also the office's to record, on paper, for an expert member without an account.
 */
export function mayTake(a: Actor, f: InspectionFacts, by: 'office' | 'unit' | 'expert'): boolean {
  switch (by) {
    case 'office':
      return canManageInspection(a, f.regionPath);
    case 'unit':
      return isUnit(a, f);
    case 'expert':
      return (a.role === 'expert' && f.expertUserIds.includes(a.id)) || canManageInspection(a, f.regionPath);
  }
}

/** Record findings (and evidence) on site: the office, and the expert and inspector members. */
export const canRecordFindings = (a: Actor, f: InspectionFacts) =>
  canManageInspection(a, f.regionPath) || isMember(a, f);

/** The steps open to the actor now, in the procedure's order (the page's buttons). */
export function allowedActions(a: Actor, f: InspectionFacts, status: InspectionStatus): InspectionAction[] {
  const out = (Object.keys(steps) as InspectionAction[]).filter(
    (k) => steps[k].from.includes(status) && mayTake(a, f, steps[k].by),
  );
  return out;
}

/** Whether the actor may add findings now. */
export const mayAddFinding = (a: Actor, f: InspectionFacts, status: InspectionStatus) =>
  findingsOpen(status) && canRecordFindings(a, f);
