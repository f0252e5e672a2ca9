/** Small helpers every module's services share: version checks, patches, paged lists. */
import { CompiledQuery, sql, type Kysely, type SelectQueryBuilder } from 'kysely';
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

/**
 * The limit `totalOf` counts to, and so where lists switch from sorting the set to reading it in
 * index order (`pagedByKeys`): `EXACT_TOTAL_LIMIT`, lowered only by tests that check both ways
 * give the same pages.
 */
export const exactTotals = { limit: EXACT_TOTAL_LIMIT };

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
  limit = exactTotals.limit,
): Promise<Total> {
  const n = await countUpTo(db, base, limit + 1);
  if (n <= limit) return { total: n };
  return estimatedTotal(db, base, limit);
}

/** How many rows a filtered query has, counting no further than `cap`. */
export async function countUpTo<DB, TB extends keyof DB>(
  db: Executor,
  base: SelectQueryBuilder<DB, TB, object>,
  cap: number,
): Promise<number> {
  const rows = base.select(sql<number>`1`.as('one'));
  const counted = await sql<{
    n: number;
  }>`select count(*)::int as n from (${rows.limit(cap)}) c`.execute(db);
  return Number(counted.rows[0]!.n);
}

/** The planner's estimate of a filtered query's rows (EXPLAIN: planned, not run). */
export async function plannedRows<DB, TB extends keyof DB>(
  db: Executor,
  base: SelectQueryBuilder<DB, TB, object>,
): Promise<number> {
  const { sql: text, parameters } = base.select(sql<number>`1`.as('one')).compile();
  const plan = await db.executeQuery<{ 'QUERY PLAN': unknown }>(
    CompiledQuery.raw(`explain (format json) ${text}`, [...parameters]),
  );
  const json = plan.rows[0]!['QUERY PLAN'];
  const parsed = (typeof json === 'string' ? JSON.parse(json) : json) as { Plan: { 'Plan Rows': number } }[];
  return Math.round(parsed[0]!.Plan['Plan Rows']);
}

/** The planner's estimate of a filtered query's rows, said to be one (at least `limit + 1`). */
export async function estimatedTotal<DB, TB extends keyof DB>(
  db: Executor,
  base: SelectQueryBuilder<DB, TB, object>,
  limit = exactTotals.limit,
  planned?: number,
): Promise<Total> {
  return { total: Math.max(limit + 1, planned ?? (await plannedRows(db, base))), totalIsEstimate: true };
}

/**
 * How a list finds its page (see `pagedByKeys`): the planner's estimate says whether the set is
 * likely small (up to half the exact limit: read it once, sorted and counted together) or large
 * (count it up to the limit, which can often be read off an index alone, then walk the sort's
 * index); either guess is checked by the count it makes. Half, not more: the estimate of a scope
 * is often low (a city's 11,896 projects planned as 7,015), and a set read and sorted only to
 * find it too large costs the most (a city's light board: 98 ms, against 3 ms counted and walked).
 */
export const likelySmall = (planned: number) => planned <= exactTotals.limit / 2;

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

/**
 * A page in two stages (issue 12): first the page's keys from the filtered query — its filters,
 * sort and LIMIT/OFFSET on the owning table and its indexes only — then the display rows of those
 * keys (names of units, regions, projects… from other tables), returned in the keys' order; the
 * total from the filters alone. Joins and subqueries for display so run for the page's rows, never
 * for every matching row.
 *
 * A small set is read once and sorted: the filtered rows, at most `EXACT_TOTAL_LIMIT` + 1 of them,
 * as a subquery the planner reads first (`fenced`), with their number beside the page (one pass
 * when the planner expects a small set; a count first when it expects a large one, `likelySmall`). Walking the
 * sort's index instead would read every row that sorts before the set — a county's projects, whose
 * codes carry its prefix, come after most of the province's — while sorting 10,000 rows is bounded.
 * A larger set (the planner's estimate for its total) is read in the order of the sort's index,
 * stopping at the page.
 */
export async function pagedByKeys<DB, TB extends keyof DB, K, R>(
  db: Executor,
  base: SelectQueryBuilder<DB, TB, object>,
  keys: (q: SelectQueryBuilder<DB, TB, object>) => SelectQueryBuilder<DB, TB, { key: K }>,
  load: (keys: K[]) => Promise<R[]>,
  keyOf: (row: R) => K,
  opts: { page: number; pageSize: number; fence: { alias: string; columns: readonly string[] } },
): Promise<{ items: R[] } & Total> {
  const limit = exactTotals.limit;
  const offset = (opts.page - 1) * opts.pageSize;
  const sorted = async () =>
    (await keys(fenced(db, base, opts.fence, limit + 1))
      .select(sql<number>`count(*) over ()`.as('set_size'))
      .limit(opts.pageSize)
      .offset(offset)
      .execute()) as { key: K; set_size: number }[];
  const walked = async () =>
    (await keys(base).limit(opts.pageSize).offset(offset).execute()).map((r) => r.key);
  const planned = await plannedRows(db, base);
  let page: K[];
  let total: Total;
  if (likelySmall(planned)) {
    const small = await sorted();
    const size = small.length ? Number(small[0]!.set_size) : null;
    if (size !== null && size <= limit) [page, total] = [small.map((r) => r.key), { total: size }];
    else if (size === null) {
      // past the end of the set, or it is empty
      total = await totalOf(db, base, limit);
      page = total.totalIsEstimate ? await walked() : [];
    } else [page, total] = [await walked(), await estimatedTotal(db, base, limit, planned)];
  } else {
    const n = await countUpTo(db, base, limit + 1);
    if (n <= limit) [page, total] = [(await sorted()).map((r) => r.key), { total: n }];
    else [page, total] = [await walked(), await estimatedTotal(db, base, limit, planned)];
  }
  return { items: await inOrder(page, load, keyOf), ...total };
}

/**
 * The filtered rows of `table as alias` (at most `limit` of them, only the `columns` the key and the
 * sort need) as a subquery under the same alias, which the planner reads first and does not merge
 * into the query around it: see `pagedByKeys`.
 */
export function fenced<DB, TB extends keyof DB>(
  db: Executor,
  base: SelectQueryBuilder<DB, TB, object>,
  fence: { alias: string; columns: readonly string[] },
  limit: number,
): SelectQueryBuilder<DB, TB, object> {
  const inner = base.select(fence.columns as never).limit(limit);
  return (db as unknown as Kysely<DB>).selectFrom(
    inner.as(fence.alias) as never,
  ) as unknown as SelectQueryBuilder<DB, TB, object>;
}

/** The rows `load` gives for `keys`, in the order of `keys` (a key without a row is left out). */
export async function inOrder<K, R>(
  keys: K[],
  load: (keys: K[]) => Promise<R[]>,
  keyOf: (row: R) => K,
): Promise<R[]> {
  if (!keys.length) return [];
  const byKey = new Map((await load(keys)).map((r) => [keyOf(r), r]));
  return keys.flatMap((k) => {
    const r = byKey.get(k);
    return r === undefined ? [] : [r];
  });
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
