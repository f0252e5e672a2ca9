/**
 * The rules of supervised items (DOMAIN §6), pure: the one state machine (which step leads from
 * which status to which, and who may take it), deadlines on the working-day calendar, the overdue
 * flags, and escalation proposals.
 */
import type { ItemAction, ItemKind, ItemSettings, ItemStatus, Role } from '@ducha/contract';
import {
  addDays,
  addWorkingDays,
  isWorkingDay,
  workingDaysBetween,
  type Corrections,
} from '../../platform/calendar.ts';

/** How the acting user stands to one item. */
export interface Standing {
  role: Role;
  /** admin, or an office whose region subtree holds the item */
  office: boolean;
  /** a leader whose region subtree holds the item */
  leader: boolean;
  /** staff of the responsible (lead) unit */
  responsible: boolean;
  /** the user who raised the item */
  raiser: boolean;
}

type Who = (s: Standing) => boolean;
const office: Who = (s) => s.office;
const responsible: Who = (s) => s.responsible;
// the raiser confirms or sends back what the unit did (unless the raiser is that unit itself)
const raiser: Who = (s) => s.raiser && !s.responsible;

interface Step {
  from: readonly ItemStatus[];
  /** null: the status stays */
  to: ItemStatus | null;
  who: readonly Who[];
}

const working: readonly ItemStatus[] = ['assigned', 'responded', 'returned'];

/** The state machine: one row per step. */
export const steps: Record<ItemAction, Step> = {
  assign: { from: ['new', 'assigned'], to: 'assigned', who: [office] },
  respond: { from: ['assigned', 'returned'], to: 'responded', who: [responsible] },
  resolve: { from: ['responded', 'returned'], to: 'resolved', who: [responsible] },
  return: { from: ['responded', 'resolved'], to: 'returned', who: [office, raiser] },
  close: { from: ['resolved'], to: 'closed', who: [office, raiser] },
  merge: { from: ['new', ...working, 'resolved'], to: 'merged', who: [office] },
  escalate: { from: working, to: null, who: [office, responsible] },
  list: { from: working, to: null, who: [office] },
  remind: { from: working, to: null, who: [office, (s) => s.leader] },
  edit: { from: ['new', ...working, 'resolved'], to: null, who: [office] },
};

export interface ItemState {
  status: ItemStatus;
  level: number;
  listed: boolean;
  respondedOn: string | null;
}

/** The steps this user may take now, in the order buttons are shown. */
export function allowedActions(s: Standing, item: ItemState, ladderLength: number): ItemAction[] {
  return (Object.keys(steps) as ItemAction[]).filter((a) => {
    const step = steps[a];
    if (!step.from.includes(item.status) || !step.who.some((w) => w(s))) return false;
    if (a === 'escalate') return item.level < ladderLength;
    if (a === 'list') return !item.listed;
    // a plan must exist before the item can be resolved from a return
    if (a === 'resolve' && item.status === 'returned') return item.respondedOn !== null;
    return true;
  });
}

/** Working days allowed for the response: a category setting wins over a kind setting over the default. */
export function responseDays(
  settings: Pick<ItemSettings, 'responseDays' | 'responseDaysByKind' | 'responseDaysByCategory'>,
  kind: ItemKind,
  category: string,
): number {
  return (
    settings.responseDaysByCategory[category] ?? settings.responseDaysByKind[kind] ?? settings.responseDays
  );
}

export const responseDue = (assignedOn: string, days: number, corrections?: Corrections) =>
  addWorkingDays(assignedOn, days, corrections);

/** 办理时限 in force: the listing deadline while listed, else what the unit promised, else the set deadline. */
export function dueDate(i: {
  listed: boolean;
  listedDue: string | null;
  promisedDate: string | null;
  resolutionDue: string | null;
}): string | null {
  return (i.listed ? i.listedDue : null) ?? i.promisedDate ?? i.resolutionDue;
}

/** The rung an item starts on: what an owner raises sits with the owner, a leader's instruction with the leader. */
export function initialLevel(role: Role, kind: ItemKind): number {
  if (kind === 'instruction') return 4;
  if (kind === 'decision') return 3;
  return role === 'reporter' ? 1 : 2;
}

export interface FlagInput {
  status: ItemStatus;
  responseDue: string | null;
  respondedOn: string | null;
  dueDate: string | null;
  resolvedOn: string | null;
}

/**
 * Overdue flags on `today`. A response is late when none came by its deadline (while the unit
 * still owes one) or when it came after it; the resolution likewise. Overdue days count working
 * days past the earliest deadline still unmet; once resolved, the unit owes nothing more.
 */
export function flags(i: FlagInput, today: string, dueSoonDays: number, corrections?: Corrections) {
  // a duplicate's deadlines live on in the item it was merged into
  if (i.status === 'merged')
    return { responseOverdue: false, resolutionOverdue: false, overdueDays: 0, dueSoon: false };
  const owesResponse = i.respondedOn === null && (i.status === 'assigned' || i.status === 'returned');
  const owesResolution = i.status === 'assigned' || i.status === 'responded' || i.status === 'returned';
  const responseOverdue =
    i.responseDue !== null &&
    (i.respondedOn !== null ? i.respondedOn > i.responseDue : owesResponse && today > i.responseDue);
  const resolutionOverdue =
    i.dueDate !== null &&
    (i.resolvedOn !== null && !owesResolution
      ? i.resolvedOn > i.dueDate
      : owesResolution && today > i.dueDate);
  const missed = [
    owesResponse && i.responseDue !== null && today > i.responseDue ? i.responseDue : null,
    owesResolution && i.dueDate !== null && today > i.dueDate ? i.dueDate : null,
  ].filter((d): d is string => d !== null);
  const earliest = missed.sort()[0];
  const overdueDays = earliest ? workingDaysBetween(earliest, today, corrections) : 0;
  const horizon = addWorkingDays(today, dueSoonDays, corrections);
  const pending = [owesResponse ? i.responseDue : null, owesResolution ? i.dueDate : null];
  const dueSoon = pending.some((d) => d !== null && d >= today && d <= horizon);
  return { responseOverdue, resolutionOverdue, overdueDays, dueSoon };
}

/** The next rung proposed for an item overdue long enough, unless already dismissed at this rung. */
export function proposedLevel(
  i: { level: number; overdueDays: number; dismissedLevel: number | null },
  s: Pick<ItemSettings, 'escalateAfterDays' | 'ladder'>,
): number | null {
  if (i.overdueDays < s.escalateAfterDays || i.level >= s.ladder.length) return null;
  if (i.dismissedLevel !== null && i.dismissedLevel >= i.level) return null;
  return i.level + 1;
}

/**
 * The latest date a deadline may have passed on for the item to be `days` working days overdue on
 * `today` (`flags`' overdueDays ≥ days exactly when the earliest deadline missed is on or before
 * it), or null when no date within the counting window is that far back. Working days before
 * `today` only grow going back, so a deadline is overdue long enough exactly when it is ≤ this date.
 */
export function escalationThreshold(today: string, days: number, corrections?: Corrections): string | null {
  // n: the working days in (d, today], one day further back each turn
  let n = 0;
  for (let d = today, i = 0; i < 400; i++) {
    if (isWorkingDay(d, corrections)) n += 1;
    d = addDays(d, -1);
    if (n >= days) return d;
  }
  return null;
}

/** Code prefixes by kind: 问题 WT, 议定事项 YD, 批示 PS, 整改 ZG. */
export const codePrefix: Record<ItemKind, string> = {
  problem: 'WT',
  decision: 'YD',
  instruction: 'PS',
  rectification: 'ZG',
};
