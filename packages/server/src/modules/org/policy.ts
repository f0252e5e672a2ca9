/**
 * Who may read and change which organisation records. Pure functions of the actor and the
 * record's scope facts, tested table-driven; list queries apply the same rules in SQL (repo.ts).
 * Route-level permissions (org.read, org.write, user.*) are checked before these run.
 */
import { officeManagedRoles, type Role } from '@ducha/contract';
import type { Actor } from '../../platform/access/context.ts';
import { inRegionSubtree, officeOver, scopeKind, seesRegion } from '../../platform/access/scope.ts';

export interface UnitFacts {
  id: number;
  regionPath: string;
}
export interface PersonFacts {
  id: number;
  unitId: number | null;
  regionPath: string | null;
}
export interface PositionFacts {
  unitId: number;
  regionPath: string;
}
export interface UserFacts {
  id: number;
  role: Role;
  regionPath: string;
}

const isAdmin = (a: Actor) => a.role === 'admin';

export function canReadRegion(a: Actor, path: string): boolean {
  return seesRegion(a, path);
}
export const canWriteRegion = (a: Actor) => isAdmin(a);

export function canReadUnit(a: Actor, u: UnitFacts): boolean {
  switch (scopeKind(a)) {
    case 'global':
      return true;
    case 'region':
      return inRegionSubtree(a, u.regionPath);
    default:
      return a.unitId === u.id;
  }
}
/** Units are created and reorganised by the office; unit staff may keep their own unit's details. */
export const canCreateUnit = (a: Actor, regionPath: string) => officeOver(a, regionPath);
export const canWriteUnit = (a: Actor, u: UnitFacts) =>
  officeOver(a, u.regionPath) || (a.role === 'unit' && a.unitId === u.id);

export function canReadPerson(a: Actor, p: PersonFacts): boolean {
  switch (scopeKind(a)) {
    case 'global':
      return true;
    case 'region':
      return p.regionPath !== null && inRegionSubtree(a, p.regionPath);
    case 'unit':
      return p.unitId !== null && a.unitId === p.unitId;
    case 'own':
      return a.personId === p.id;
  }
}
/** Unit staff keep their own unit's people (the working teams they name). */
export const canWritePerson = (a: Actor, p: Omit<PersonFacts, 'id'>) =>
  officeOver(a, p.regionPath) || (a.role === 'unit' && p.unitId !== null && a.unitId === p.unitId);

export function canReadPosition(a: Actor, p: PositionFacts): boolean {
  switch (scopeKind(a)) {
    case 'global':
      return true;
    case 'region':
      return inRegionSubtree(a, p.regionPath);
    case 'unit':
      return a.unitId === p.unitId;
    case 'own':
      return false;
  }
}
/** Positions carry responsibility, so only the office (or admin) defines them and changes holders. */
export const canWritePosition = (a: Actor, p: PositionFacts) => officeOver(a, p.regionPath);

export const canReadUser = (a: Actor, u: UserFacts) => officeOver(a, u.regionPath) || a.id === u.id;
/** Offices manage the accounts of unit staff, reporters, inspectors and experts in their subtree. */
export const canWriteUser = (a: Actor, u: Omit<UserFacts, 'id'>) =>
  isAdmin(a) || (officeOver(a, u.regionPath) && officeManagedRoles.includes(u.role));
