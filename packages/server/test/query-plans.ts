/**
 * Reading PostgreSQL plans (`EXPLAIN (FORMAT JSON)`) for the EXPLAIN test: every scan a plan makes,
 * and what is wrong with it on a large table. Pure, with a table test beside it.
 *
 * - `seq scan`: a sequential scan of a large table, anywhere in the plan (in a subplan it runs per row).
 * - `full index scan`: an index scan with no index condition reads the whole table in the index's
 *   order; that is right only when the order feeds a LIMIT that stops early (`order by id limit 25`
 *   walking the primary key), not when the rows are sorted, hashed, counted or joined afterwards.
 * - `sort for a page`: a Sort between a Limit and a full scan of a large table — every row read and
 *   sorted to return one page (no index serves the order). Found structurally, not from the row
 *   estimates, which are meaningless at a small scale: the Limit's input chain (through nodes that
 *   pass rows on in order and stop when the Limit stops) reaches a Sort whose subtree scans a large
 *   table in full.
 */

export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Alias?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  'Recheck Cond'?: string;
  Filter?: string;
  'Sort Key'?: string[];
  /** the planner's estimate of the rows the node returns */
  'Plan Rows'?: number;
  'Parent Relationship'?: string;
  'Subplan Name'?: string;
  Plans?: PlanNode[];
}

export interface Scan {
  node: string;
  table: string;
  index: string | null;
  cond: string | null;
  filter: string | null;
  /** an index or sequential scan without an index condition: every row of the table */
  full: boolean;
}

export type OffenseKind = 'seq scan' | 'full index scan' | 'sort for a page';

export interface Offense {
  kind: OffenseKind;
  table: string;
  /** the plan node, as EXPLAIN's text format would start its line */
  node: string;
}

const scanTypes = new Set(['Seq Scan', 'Index Scan', 'Index Only Scan', 'Bitmap Heap Scan', 'Tid Scan']);

/**
 * A scan of a partial index (`create index … where listed`) reads only the rows of its predicate:
 * not the whole table even without an index condition. The EXPLAIN test reads their names from
 * `pg_index`.
 */
export function scanOf(n: PlanNode, partial: ReadonlySet<string> = new Set()): Scan | null {
  if (!scanTypes.has(n['Node Type']) || !n['Relation Name']) return null;
  const type = n['Node Type'];
  return {
    node: type,
    table: n['Relation Name'],
    index: n['Index Name'] ?? null,
    cond: n['Index Cond'] ?? n['Recheck Cond'] ?? null,
    filter: n.Filter ?? null,
    full:
      type === 'Seq Scan' ||
      ((type === 'Index Scan' || type === 'Index Only Scan') &&
        !n['Index Cond'] &&
        !partial.has(n['Index Name'] ?? '')),
  };
}

/** `Index Scan using items_pkey on items i (Index Cond: …) (Filter: …)` */
export function describeScan(s: Scan, alias?: string): string {
  const on = `${s.table}${alias && alias !== s.table ? ` ${alias}` : ''}`;
  return [
    `${s.node}${s.index ? ` using ${s.index}` : ''} on ${on}`,
    s.cond && `(${s.node === 'Bitmap Heap Scan' ? 'Recheck' : 'Index'} Cond: ${s.cond})`,
    s.filter && `(Filter: ${s.filter})`,
  ]
    .filter(Boolean)
    .join(' ');
}

/** Every scan of a table in the plan, in plan order. */
export function planScans(root: PlanNode, partial?: ReadonlySet<string>): (Scan & { alias?: string })[] {
  const out: (Scan & { alias?: string })[] = [];
  const walk = (n: PlanNode) => {
    const s = scanOf(n, partial);
    if (s) out.push({ ...s, alias: n.Alias });
    for (const c of n.Plans ?? []) walk(c);
  };
  walk(root);
  return out;
}

/**
 * Nodes that hand the rows of (some of) their children on in order and stop reading when their
 * parent stops asking: a Limit above them still stops the scan below early. Which children: the
 * outer one of a nested loop (the inner is rescanned per row), every input of a merge, else all.
 */
const passing: Record<string, (i: number, n: PlanNode) => boolean> = {
  Result: () => true,
  'Subquery Scan': () => true,
  Unique: () => true,
  'Incremental Sort': () => true,
  'Gather Merge': () => true,
  'Merge Append': () => true,
  'Nested Loop': (i) => i === 0,
  // the outer (probe) side streams in order once the inner side's hash is built
  'Hash Join': (i) => i === 0,
  'Hash Semi Join': (i) => i === 0,
  'Hash Anti Join': (i) => i === 0,
  'Merge Join': () => true,
};

/**
 * `rows`: the tables' sizes (`pg_class.reltuples`). A sequential scan feeding a LIMIT whose filter
 * keeps most of the table (by the planner's estimate; an unfiltered scan) stops after about as
 * many rows as the LIMIT asks for: a capped count of the active projects, not an offence.
 */
export function offenses(
  root: PlanNode,
  large: ReadonlySet<string>,
  partial: ReadonlySet<string> = new Set(),
  rows: ReadonlyMap<string, number> = new Map(),
): Offense[] {
  const out: Offense[] = [];
  const fullScans = (n: PlanNode): Scan[] =>
    planScans(n, partial).filter((s) => s.full && large.has(s.table));
  const walk = (n: PlanNode, pagedInOrder: boolean) => {
    const s = scanOf(n, partial);
    if (s && large.has(s.table)) {
      const keepsMost = (n['Plan Rows'] ?? 0) >= 0.5 * (rows.get(s.table) ?? Infinity);
      if (s.node === 'Seq Scan' && !(pagedInOrder && (!s.filter || keepsMost)))
        out.push({ kind: 'seq scan', table: s.table, node: describeScan(s, n.Alias) });
      else if (s.full && !pagedInOrder)
        out.push({ kind: 'full index scan', table: s.table, node: describeScan(s, n.Alias) });
    }
    if (n['Node Type'] === 'Sort' && pagedInOrder) {
      for (const f of fullScans(n))
        out.push({
          kind: 'sort for a page',
          table: f.table,
          node: `Sort (Sort Key: ${(n['Sort Key'] ?? []).join(', ')}) over ${describeScan(f)}`,
        });
    }
    // the inputs by position among the node's own inputs: an InitPlan or SubPlan (the region
    // subtree's codes, computed once) is listed among the children but feeds no rows
    const isSub = (c: PlanNode) =>
      c['Parent Relationship'] === 'SubPlan' || c['Parent Relationship'] === 'InitPlan';
    let i = 0;
    for (const c of n.Plans ?? []) {
      if (isSub(c)) {
        walk(c, false);
        continue;
      }
      const ordered =
        n['Node Type'] === 'Limit' ? i === 0 : pagedInOrder && (passing[n['Node Type']]?.(i, n) ?? false);
      walk(c, ordered);
      i += 1;
    }
  };
  walk(root, false);
  return out;
}
