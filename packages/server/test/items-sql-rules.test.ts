/**
 * The items rules the ledger evaluates in SQL agree with the JavaScript rules they stand for
 * (issue 12), on generated items in a real database: the overdue filter (`overdueSql`, four
 * indexed arms, and its negation `notOverdueSql`) selects exactly the items whose `flags` say a
 * response or a resolution is overdue, and the escalation filter (`proposalSql` over
 * `escalationThreshold`) selects exactly the items `proposedLevel` proposes, for several days
 * (around National Day 2026 and its 调休 Saturday), escalation thresholds and office corrections.
 * The states are those the item engine produces: a new item was never resolved, a resolved or
 * closed one has its resolution date.
 */
import type { ItemStatus } from '@ducha/contract';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertJson } from '../src/db/bulk.ts';
import { notOverdueSql, overdueSql, proposalSql } from '../src/modules/items/repo.ts';
import { escalationThreshold, flags, proposedLevel } from '../src/modules/items/rules.ts';
import { addDays, type Corrections } from '../src/platform/calendar.ts';
import { createTestApp, type TestApp } from './helpers.ts';

const statuses: ItemStatus[] = ['new', 'assigned', 'responded', 'resolved', 'returned', 'closed', 'merged'];
const working = new Set<ItemStatus>(['assigned', 'responded', 'returned']);

interface Row {
  id: number;
  status: ItemStatus;
  level: number;
  response_due: string | null;
  responded_on: string | null;
  due_date: string | null;
  resolved_on: string | null;
  proposal_dismissed_level: number | null;
}

/** A seeded generator, so a failure names the same items every run. */
function random(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
}

const reachable = (r: Omit<Row, 'id'>) =>
  !(r.status === 'new' && r.resolved_on !== null) &&
  !((r.status === 'resolved' || r.status === 'closed') && r.resolved_on === null);

let t: TestApp;
const db = () => t.database.db;
const days = ['2026-10-12', '2026-10-09', '2026-10-01', '2027-01-04'];

beforeAll(async () => {
  t = await createTestApp({ seed: false });
  await sql`insert into regions (code, name, level, path) values ('990000', '测试省', 'province', '990000')`.execute(
    db(),
  );
  // every date field before, at and after each day asked, plus dates far enough back to cross the
  // escalation thresholds (1, 5, 20 working days) over the holiday
  const offsets = [null, -45, -30, -21, -12, -9, -6, -5, -4, -3, -2, -1, 0, 1, 3];
  const r = random(20261202);
  const pick = <T>(xs: readonly T[]) => xs[r(xs.length)]!;
  const rows: Omit<Row, 'id'>[] = [];
  for (const today of days) {
    const at = (o: number | null) => (o === null ? null : addDays(today, o));
    for (const status of statuses)
      for (let k = 0; k < 260; k++) {
        const row = {
          status,
          level: 1 + r(5),
          response_due: at(pick(offsets)),
          responded_on: at(pick(offsets)),
          due_date: at(pick(offsets)),
          resolved_on: at(pick(offsets)),
          proposal_dismissed_level: pick([null, null, 1, 2, 3, 4, 5]),
        };
        if (reachable(row)) rows.push(row);
      }
  }
  await insertJson(
    db(),
    'items',
    rows.map((row, n) => ({
      ...row,
      code: `T-${n}`,
      kind: 'problem',
      source: 'project',
      region_code: '990000',
      category: '其他',
      title: '生成',
      description: '生成',
      raised_on: '2026-01-05',
    })),
  );
}, 120_000);
afterAll(() => t.close());

const allRows = () =>
  db()
    .selectFrom('items')
    .select([
      'id',
      'status',
      'level',
      'response_due',
      'responded_on',
      'due_date',
      'resolved_on',
      'proposal_dismissed_level',
    ])
    .orderBy('id')
    .execute() as Promise<Row[]>;

const idsWhere = async (where: ReturnType<typeof overdueSql>) =>
  (await db().selectFrom('items as i').select('i.id').where(where).orderBy('i.id').execute()).map(
    (x) => x.id,
  );

const flagsOf = (r: Row, today: string, corrections?: Corrections) =>
  flags(
    {
      status: r.status,
      responseDue: r.response_due,
      respondedOn: r.responded_on,
      dueDate: r.due_date,
      resolvedOn: r.resolved_on,
    },
    today,
    2,
    corrections,
  );

const corrections: Corrections = new Map([
  ['2026-10-10', false], // the 调休 Saturday taken off again
  ['2026-12-31', false],
  ['2027-01-02', true],
]);

describe('overdue in SQL and in flags', () => {
  it.each(days)(
    'on %s the SQL selects exactly the items flagged overdue, and its negation the rest',
    async (today) => {
      const rows = await allRows();
      expect(rows.length).toBeGreaterThan(5000);
      const overdue = rows.filter((r) => {
        const f = flagsOf(r, today);
        return f.responseOverdue || f.resolutionOverdue;
      });
      expect(overdue.length).toBeGreaterThan(500);
      expect(await idsWhere(overdueSql(today))).toEqual(overdue.map((r) => r.id));
      const rest = new Set(overdue.map((r) => r.id));
      expect(await idsWhere(notOverdueSql(today))).toEqual(
        rows.filter((r) => !rest.has(r.id)).map((r) => r.id),
      );
    },
  );
});

describe('escalation proposals in SQL and in proposedLevel', () => {
  const cases = days.flatMap((today) =>
    [1, 5, 20].flatMap((after) => [
      { today, after, corrections: undefined },
      { today, after, corrections },
    ]),
  );
  it.each(cases)(
    'on $today after $after working days (corrections: $corrections.size) the SQL selects what the rule proposes',
    async ({ today, after, corrections: c }) => {
      const settings = { escalateAfterDays: after, ladder: ['一', '二', '三', '四', '五'] };
      const rows = await allRows();
      // what escalationProposals proposed before issue 12: overdue items being worked on, through the rule
      const proposed = rows.filter((r) => {
        const f = flagsOf(r, today, c);
        if (!working.has(r.status) || !(f.responseOverdue || f.resolutionOverdue)) return false;
        return (
          proposedLevel(
            { level: r.level, overdueDays: f.overdueDays, dismissedLevel: r.proposal_dismissed_level },
            settings,
          ) !== null
        );
      });
      expect(proposed.length).toBeGreaterThan(50);
      const threshold = escalationThreshold(today, after, c);
      expect(await idsWhere(proposalSql(threshold, settings.ladder.length))).toEqual(
        proposed.map((r) => r.id),
      );
    },
  );
});
