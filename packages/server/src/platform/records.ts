/** Small helpers every module's services share: version checks, patches, paged lists. */
import type { SelectQueryBuilder } from 'kysely';
import { versionConflict } from './errors.ts';

/** Concurrent edits are detected, never silently overwritten: the client sends the version it read. */
export function assertVersion(current: number, sent: number): void {
  if (current !== sent) throw versionConflict(current);
}

/**
 * Maps the defined fields of a camelCase input onto snake_case columns, keeping only those given.
 * `undefined` means "not sent"; `null` is a value (clears the field).
 */
export function patchOf<I extends object>(
  input: I,
  columns: Partial<Record<keyof I, string>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(columns) as [keyof I, string][]) {
    const v = input[key];
    if (v !== undefined) out[column] = v;
  }
  return out;
}

/** Runs a filtered query twice: one page of rows and the total count. */
export async function paged<DB, TB extends keyof DB, O, R>(
  base: SelectQueryBuilder<DB, TB, object>,
  select: (q: SelectQueryBuilder<DB, TB, object>) => SelectQueryBuilder<DB, TB, O>,
  opts: { page: number; pageSize: number; present: (row: O) => R },
): Promise<{ items: R[]; total: number }> {
  const rows = await select(base)
    .limit(opts.pageSize)
    .offset((opts.page - 1) * opts.pageSize)
    .execute();
  const count = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  return { items: rows.map((r) => opts.present(r as O)), total: Number((count as { total: number }).total) };
}

export const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The audit action of an edit: deactivating and re-activating are named, everything else is 'update'. */
export function editAction(
  wasActive: boolean,
  active: boolean | undefined,
): 'deactivate' | 'activate' | 'update' {
  if (active === false && wasActive) return 'deactivate';
  if (active === true && !wasActive) return 'activate';
  return 'update';
}

/** A LIKE pattern matching `text` anywhere, with the user's own % and _ taken literally. */
export const containing = (text = '') => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
