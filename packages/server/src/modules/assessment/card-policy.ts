/**
 * Who may read and act on 红黄牌 (DOMAIN §1, §9, issue 15). A card is kept for the region of the
 * scheme that issued it, about one unit.
 * - The office over the region (the admin anywhere) issues cards by hand, acknowledges on the
 *   unit's behalf (a paper receipt brought in) and lifts them.
 * - Offices and leaders read the cards of their region subtree; leaders only read.
 * - Unit staff read their own unit's cards and acknowledge them (签收, with their measures).
 * - Reporters, inspectors and experts hold no `score.*` permission and see none.
 */
import type { Actor } from '../../platform/access/context.ts';
import { inRegionSubtree, officeOver, scopeKind } from '../../platform/access/scope.ts';

export interface CardFacts {
  /** the region path of the card's region */
  regionPath: string;
  unitId: number;
}

const ownUnit = (a: Actor, unitId: number) => a.role === 'unit' && a.unitId !== null && a.unitId === unitId;

export function canReadWarningCard(a: Actor, c: CardFacts): boolean {
  switch (scopeKind(a)) {
    case 'global':
      return true;
    case 'region':
      return (a.role === 'office' || a.role === 'leader') && inRegionSubtree(a, c.regionPath);
    case 'unit':
      return ownUnit(a, c.unitId);
    case 'own':
      return false;
  }
}

/** Issue a card by hand in region `path`: the office over it. */
export const canIssueCard = (a: Actor, path: string): boolean => officeOver(a, path);

/** Acknowledge: the unit's own staff, or the office over the region. */
export const canAcknowledgeCard = (a: Actor, c: CardFacts): boolean =>
  ownUnit(a, c.unitId) || officeOver(a, c.regionPath);

/** Lift: the office over the region (the admin anywhere); never the unit, never a leader. */
export const canLiftCard = (a: Actor, c: CardFacts): boolean => officeOver(a, c.regionPath);

/** The list: which cards the actor reads, as a filter the query applies. */
export function cardScope(
  a: Actor,
): { kind: 'all' } | { kind: 'region'; path: string } | { kind: 'unit'; unitId: number } | { kind: 'none' } {
  const k = scopeKind(a);
  if (k === 'global') return { kind: 'all' };
  if (k === 'region' && (a.role === 'office' || a.role === 'leader') && a.regionPath !== '')
    return { kind: 'region', path: a.regionPath };
  if (a.role === 'unit' && a.unitId !== null) return { kind: 'unit', unitId: a.unitId };
  return { kind: 'none' };
}
