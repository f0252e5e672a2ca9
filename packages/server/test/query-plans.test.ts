/** What the EXPLAIN test calls wrong in a plan (query-plans.ts): each rule at and around its edge. */
import { describe, expect, it } from 'vitest';
import { offenses, planScans, type PlanNode } from './query-plans.ts';

const large = new Set(['items', 'projects']);
const seq = (table: string, extra: Partial<PlanNode> = {}): PlanNode => ({
  'Node Type': 'Seq Scan',
  'Relation Name': table,
  Alias: table[0],
  ...extra,
});
const index = (table: string, cond?: string, extra: Partial<PlanNode> = {}): PlanNode => ({
  'Node Type': 'Index Scan',
  'Relation Name': table,
  'Index Name': `${table}_idx`,
  ...(cond ? { 'Index Cond': cond } : {}),
  ...extra,
});
const node = (type: string, plans: PlanNode[], extra: Partial<PlanNode> = {}): PlanNode => ({
  'Node Type': type,
  Plans: plans,
  ...extra,
});
const kinds = (p: PlanNode) =>
  offenses(p, large, new Set(['items_listed_idx']), new Map([['items', 1000]])).map(
    (o) => `${o.kind} ${o.table}`,
  );

describe('offenses of a plan', () => {
  it.each<[string, PlanNode, string[]]>([
    ['an index lookup', index('items', '(id = $1)'), []],
    ['a small table scanned', seq('regions'), []],
    ['a large table scanned', seq('items'), ['seq scan items']],
    [
      'a large table scanned under a limit, a filter keeping few rows',
      node('Limit', [seq('items', { Filter: "(status = 'closed')", 'Plan Rows': 400 })]),
      ['seq scan items'],
    ],
    [
      'a large table scanned under a limit, a filter keeping most rows (a capped count)',
      node('Limit', [seq('items', { Filter: '(active)', 'Plan Rows': 990 })]),
      [],
    ],
    ['a large table scanned under a limit, unfiltered', node('Limit', [seq('items')]), []],
    [
      'a large table scanned beside a limit, not under it',
      node('Limit', [node('Hash Join', [index('projects', '(id = 1)'), node('Hash', [seq('items')])])]),
      ['seq scan items'],
    ],
    [
      'a page in index order probing a hash of a small set',
      node('Limit', [node('Hash Semi Join', [index('items'), node('Hash', [seq('regions')])])]),
      [],
    ],
    [
      'a page sorted from every row',
      node('Limit', [node('Sort', [seq('items')], { 'Sort Key': ['raised_at DESC'] })]),
      ['sort for a page items', 'seq scan items'],
    ],
    [
      'a page sorted from a full index scan joined to a small table',
      node('Limit', [
        node('Sort', [node('Hash Join', [index('items'), node('Hash', [seq('regions')])])], {
          'Sort Key': ['i.code'],
        }),
      ]),
      ['sort for a page items', 'full index scan items'],
    ],
    [
      'a page sorted from rows found by an index condition',
      node('Limit', [node('Sort', [node('Bitmap Heap Scan', [], { 'Relation Name': 'items' })])]),
      [],
    ],
    ['a page in index order', node('Limit', [index('items')]), []],
    [
      'a page sorted from a partial index (its predicate bounds the rows)',
      node('Limit', [node('Sort', [index('items', undefined, { 'Index Name': 'items_listed_idx' })])]),
      [],
    ],
    [
      'a page sorted from a full scan of another index of the table',
      node('Limit', [node('Sort', [index('items', undefined, { 'Index Name': 'items_code_idx' })])]),
      ['sort for a page items', 'full index scan items'],
    ],
    ['a page in index order through a result', node('Limit', [node('Result', [index('items')])]), []],
    [
      'a page in index order after an InitPlan (the scope computed once)',
      node('Limit', [
        node('Seq Scan', [], { 'Relation Name': 'regions', 'Parent Relationship': 'InitPlan' }),
        index('items', undefined, { Filter: '(region_code = ANY ($0))' }),
      ]),
      [],
    ],
    [
      'a whole index read in an InitPlan is no page',
      node('Limit', [
        { ...index('items'), 'Parent Relationship': 'InitPlan' },
        index('projects', '(id = 1)'),
      ]),
      ['full index scan items'],
    ],
    [
      'a page in index order, each row joined by a lookup',
      node('Limit', [node('Nested Loop', [index('items'), index('projects', '(id = i.project_id)')])]),
      [],
    ],
    [
      'a nested loop rescanning a whole large table per row',
      node('Limit', [node('Nested Loop', [index('items'), index('projects')])]),
      ['full index scan projects'],
    ],
    ['a count over every row of an index', node('Aggregate', [index('items')]), ['full index scan items']],
    [
      'a sort not for a page (an aggregate over a sort)',
      node('GroupAggregate', [node('Sort', [index('items', '(status = $1)')])]),
      [],
    ],
    [
      'a scan of a large table in a subplan (once per row)',
      node('Limit', [
        index('projects', undefined, { Plans: [seq('items', { 'Parent Relationship': 'SubPlan' })] }),
      ]),
      ['seq scan items'],
    ],
    [
      'a full index scan in a subplan under a limit',
      node('Limit', [node('Result', [index('items', undefined, { 'Parent Relationship': 'SubPlan' })])]),
      ['full index scan items'],
    ],
  ])('%s', (_, plan, expected) => {
    expect(kinds(plan)).toEqual(expected);
  });

  it('lists every scan of a table with its index and conditions', () => {
    const plan = node('Limit', [
      node('Nested Loop', [index('items'), index('projects', '(id = i.project_id)')]),
    ]);
    expect(planScans(plan).map((s) => [s.table, s.index, s.cond, s.full])).toEqual([
      ['items', 'items_idx', null, true],
      ['projects', 'projects_idx', '(id = i.project_id)', false],
    ]);
  });
});
