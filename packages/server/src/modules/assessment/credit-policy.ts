/**
 * Who may see and keep enterprise credit (issue 15; DOMAIN §1, §9):
 * - The office over the firm's region (the admin anywhere) keeps its directory entry, its manual
 *   credit records and its evaluations; an evaluation is the office's over the project evaluated.
 * - Offices and leaders read the directories of their subtree and of the regions above it (a
 *   city's directory serves its counties' projects); leaders never write credit.
 * - Unit staff read their own firm's entry, evaluations and records only.
 * - Everyone, without login, reads admitted firms in the public list (`publicEnterprises`).
 * - Reporters, inspectors and experts hold no `score.*` permission.
 */
import type { Actor } from '../../platform/access/context.ts';
import { officeOver, scopeKind, seesRegion } from '../../platform/access/scope.ts';

const regional = (a: Actor) => a.role === 'office' || a.role === 'leader';

/** Read the entry (and its evaluations and records) of a firm of `unitId` kept for region `path`. */
export function canReadEnterprise(a: Actor, path: string, unitId: number): boolean {
  if (scopeKind(a) === 'global') return true;
  if (regional(a)) return seesRegion(a, path);
  return a.role === 'unit' && a.unitId === unitId;
}

/** Admit, edit, suspend, restore, remove a firm of region `path`, and write its manual records. */
export const canKeepEnterprise = (a: Actor, path: string): boolean => officeOver(a, path);

/** Evaluate a firm (that the actor reads) on a project of region `projectPath`. */
export const canEvaluate = (a: Actor, projectPath: string): boolean => officeOver(a, projectPath);

/** The directory lists: which firms the actor reads, as a filter the query applies. */
export function enterpriseScope(
  a: Actor,
): { kind: 'all' } | { kind: 'line'; path: string } | { kind: 'unit'; unitId: number } | { kind: 'none' } {
  if (scopeKind(a) === 'global') return { kind: 'all' };
  if (regional(a) && a.regionPath !== '') return { kind: 'line', path: a.regionPath };
  if (a.role === 'unit' && a.unitId !== null) return { kind: 'unit', unitId: a.unitId };
  return { kind: 'none' };
}
