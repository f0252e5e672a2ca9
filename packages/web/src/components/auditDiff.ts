// Which fields of an audit diff a reader sees: no bookkeeping, no raw ids next to their names.
import type { AuditEvent } from '@ducha/contract';

type Change = AuditEvent['diff'][string];

/** Bookkeeping fields that say nothing to a reader. */
const hiddenFields = new Set(['version', 'updatedAt', 'createdAt', 'passwordHash']);

/** `xId` is left out when `xName` in the same diff says the same in words. */
export function visibleDiff(diff: AuditEvent['diff']): [string, Change][] {
  return Object.entries(diff).filter(
    ([f]) => !hiddenFields.has(f) && !(f.endsWith('Id') && `${f.slice(0, -2)}Name` in diff),
  );
}
