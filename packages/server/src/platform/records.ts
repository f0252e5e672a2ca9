/** Small helpers every module's services share: version checks, patches, paged lists. */
import { CompiledQuery, sql, type SelectQueryBuilder } from 'kysely';
import type { Executor } from '../db/connection.ts';
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

/**
 * Up to this many matching rows a list's total is counted; past it the total is the planner's
 * estimate and the answer says so (`totalIsEstimate`): counting 100,000 projects on every page
 * would cost more than the page (issue 12), and nobody pages to the ten-thousandth row.
 */
export const EXACT_TOTAL_LIMIT = 10_000;

export interface Total {
  total: number;
  totalIsEstimate?: true;
}

/**
 * The total of a filtered query (its FROM and WHERE only: give it the filters, not the display
 * joins), counted up to `EXACT_TOTAL_LIMIT`, estimated past it.
 */
export async function totalOf<DB, TB extends keyof DB>(
  db: Executor,
  base: SelectQueryBuilder<DB, TB, object>,
  limit = EXACT_TOTAL_LIMIT,
): Promise<Total> {
  const rows = base.select(sql<number>`1`.as('one'));
  const counted = await sql<{
    n: number;
  }>`select count(*)::int as n from (${rows.limit(limit + 1)}) c`.execute(db);
  const n = Number(counted.rows[0]!.n);
  if (n <= limit) return { total: n };
  const { sql: text, parameters } = rows.compile();
  const plan = await db.executeQuery<{ 'QUERY PLAN': unknown }>(
    CompiledQuery.raw(`explain (format json) ${text}`, [...parameters]),
  );
  const json = plan.rows[0]!['QUERY PLAN'];
  const parsed = (typeof json === 'string' ? JSON.parse(json) : json) as { Plan: { 'Plan Rows': number } }[];
  return { total: Math.max(limit + 1, Math.round(parsed[0]!.Plan['Plan Rows'])), totalIsEstimate: true };
}

/** Runs a filtered query twice: one page of rows and the total (`totalOf`). */
export async function paged<DB, TB extends keyof DB, O, R>(
  db: Executor,
  base: SelectQueryBuilder<DB, TB, object>,
  select: (q: SelectQueryBuilder<DB, TB, object>) => SelectQueryBuilder<DB, TB, O>,
  opts: { page: number; pageSize: number; present: (row: O) => R },
): Promise<{ items: R[] } & Total> {
  const [rows, total] = await Promise.all([
    select(base)
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize)
      .execute(),
    totalOf(db, base),
  ]);
  return { items: rows.map((r) => opts.present(r as O)), ...total };
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
