/**
 * The rules of supervised items (DOMAIN §6), pure: the one state machine written out by hand
 * (status × standing → the steps offered, in button order), the guards on escalate / list /
 * resolve, response days and deadlines on the working-day calendar (National Day 2026 and its
 * 调休 Saturday), the 办理时限 in force, overdue and due-soon flags at and around every threshold,
 * escalation proposals and the rung an item starts on.
 */
import fc from 'fast-check';
import type { ItemAction, ItemKind, ItemSettings, ItemStatus, Role } from '@ducha/contract';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from '../../platform/calendar.ts';
import {
  allowedActions,
  codePrefix,
  dueDate,
  escalationThreshold,
  flags,
  initialLevel,
  proposedLevel,
  responseDays,
  responseDue,
  type FlagInput,
  type ItemState,
  type Standing,
} from './rules.ts';

const plusDays = (date: string, n: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

const nobody: Standing = { role: 'unit', office: false, leader: false, responsible: false, raiser: false };
const standings = {
  office: { ...nobody, role: 'office', office: true },
  leader: { ...nobody, role: 'leader', leader: true },
  responsible: { ...nobody, role: 'unit', responsible: true },
  raiser: { ...nobody, role: 'reporter', raiser: true },
  other: { ...nobody, role: 'unit' },
} satisfies Record<string, Standing>;
type StandingName = keyof typeof standings;

const LADDER = 5;
/** An item at level 2, not listed, with a response on record (so a returned item may be resolved). */
const state = (status: ItemStatus, over: Partial<ItemState> = {}): ItemState => ({
  status,
  level: 2,
  listed: false,
  respondedOn: '2026-10-09',
  ...over,
});

/**
 * The state machine of DOMAIN §6, by hand: new → assigned (交办, office) → responded (答复, the
 * responsible unit) → resolved (办结, the unit) → closed (销号, the office or the raiser) | returned
 * (退回, office or raiser, from responded or resolved); merge and edit by the office while not
 * closed; escalate (office or unit), list (office) and remind (office or leader) while being worked.
 * Actions in the order buttons are shown: assign respond resolve return close merge escalate list
 * remind edit.
 */
const machine: Record<ItemStatus, Record<StandingName, ItemAction[]>> = {
  new: {
    office: ['assign', 'merge', 'edit'],
    leader: [],
    responsible: [],
    raiser: [],
    other: [],
  },
  assigned: {
    office: ['assign', 'merge', 'escalate', 'list', 'remind', 'edit'],
    leader: ['remind'],
    responsible: ['respond', 'escalate'],
    raiser: [],
    other: [],
  },
  responded: {
    office: ['return', 'merge', 'escalate', 'list', 'remind', 'edit'],
    leader: ['remind'],
    responsible: ['resolve', 'escalate'],
    raiser: ['return'],
    other: [],
  },
  resolved: {
    office: ['return', 'close', 'merge', 'edit'],
    leader: [],
    responsible: [],
    raiser: ['return', 'close'],
    other: [],
  },
  returned: {
    office: ['merge', 'escalate', 'list', 'remind', 'edit'],
    leader: ['remind'],
    responsible: ['respond', 'resolve', 'escalate'],
    raiser: [],
    other: [],
  },
  closed: { office: [], leader: [], responsible: [], raiser: [], other: [] },
  merged: { office: [], leader: [], responsible: [], raiser: [], other: [] },
};

const allStatuses: ItemStatus[] = [
  'new',
  'assigned',
  'responded',
  'resolved',
  'returned',
  'closed',
  'merged',
];
const allActions: ItemAction[] = [
  'assign',
  'respond',
  'resolve',
  'return',
  'close',
  'merge',
  'escalate',
  'list',
  'remind',
  'edit',
];
const standingNames = Object.keys(standings) as StandingName[];

describe('allowedActions: the state machine', () => {
  const rows = allStatuses.flatMap((s) =>
    standingNames.map((n) => [s, n, machine[s][n]] as [ItemStatus, StandingName, ItemAction[]]),
  );
  it.each(rows)('%s, %s → %j', (status, name, expected) => {
    expect(allowedActions(standings[name], state(status), LADDER)).toEqual(expected);
  });

  // the same table, one assertion per status × action × standing (350 cells)
  const cells = allStatuses.flatMap((s) =>
    allActions.flatMap((a) =>
      standingNames.map(
        (n) => [s, a, n, machine[s][n].includes(a)] as [ItemStatus, ItemAction, StandingName, boolean],
      ),
    ),
  );
  it('every cell of status × action × standing matches the hand-written table', () => {
    expect(cells).toHaveLength(7 * 10 * 5);
    const wrong = cells.filter(
      ([s, a, n, expected]) => allowedActions(standings[n], state(s), LADDER).includes(a) !== expected,
    );
    expect(wrong).toEqual([]);
  });

  it('the raiser who is itself the responsible unit does not confirm or return its own work', () => {
    const both: Standing = { ...nobody, role: 'reporter', responsible: true, raiser: true };
    expect(allowedActions(both, state('resolved'), LADDER)).toEqual([]);
    expect(allowedActions(both, state('responded'), LADDER)).toEqual(['resolve', 'escalate']);
    expect(allowedActions(both, state('assigned'), LADDER)).toEqual(['respond', 'escalate']);
  });

  it('an office that raised the item keeps the office rights', () => {
    const s: Standing = { ...standings.office, raiser: true };
    expect(allowedActions(s, state('resolved'), LADDER)).toEqual(['return', 'close', 'merge', 'edit']);
  });

  it('the standings add up: office and leader at once get both', () => {
    const s: Standing = { ...nobody, role: 'admin', office: true, leader: true };
    expect(allowedActions(s, state('assigned'), LADDER)).toEqual(machine.assigned.office);
  });

  it('escalate is refused at the top of the ladder, and offered one rung below it', () => {
    for (const status of ['assigned', 'responded', 'returned'] as const) {
      expect(allowedActions(standings.office, state(status, { level: 5 }), 5)).not.toContain('escalate');
      expect(allowedActions(standings.responsible, state(status, { level: 5 }), 5)).not.toContain('escalate');
      expect(allowedActions(standings.office, state(status, { level: 4 }), 5)).toContain('escalate');
    }
    // a shorter ladder tops out earlier
    expect(allowedActions(standings.office, state('assigned', { level: 2 }), 2)).not.toContain('escalate');
    expect(allowedActions(standings.office, state('assigned', { level: 1 }), 2)).toContain('escalate');
  });

  it('list is refused when the item is already listed', () => {
    expect(allowedActions(standings.office, state('assigned', { listed: true }), LADDER)).toEqual([
      'assign',
      'merge',
      'escalate',
      'remind',
      'edit',
    ]);
    expect(allowedActions(standings.office, state('responded', { listed: true }), LADDER)).not.toContain(
      'list',
    );
  });

  it('resolve from returned only after a response is on record', () => {
    expect(allowedActions(standings.responsible, state('returned', { respondedOn: null }), LADDER)).toEqual([
      'respond',
      'escalate',
    ]);
    expect(allowedActions(standings.responsible, state('returned'), LADDER)).toEqual([
      'respond',
      'resolve',
      'escalate',
    ]);
    // from responded there is always a response
    expect(allowedActions(standings.responsible, state('responded'), LADDER)).toContain('resolve');
  });

  it('nobody acts on a closed or merged item, and a bystander never acts, whatever the item', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...allStatuses),
        fc.integer({ min: 1, max: 8 }),
        fc.boolean(),
        fc.option(fc.constant('2026-10-09'), { nil: null }),
        fc.record({
          office: fc.boolean(),
          leader: fc.boolean(),
          responsible: fc.boolean(),
          raiser: fc.boolean(),
        }),
        (status, level, listed, respondedOn, s) => {
          const item = { status, level, listed, respondedOn };
          expect(allowedActions(standings.other, item, 8)).toEqual([]);
          if (status === 'closed' || status === 'merged')
            expect(allowedActions({ ...nobody, ...s }, item, 8)).toEqual([]);
        },
      ),
    );
  });
});

describe('responseDays: category over kind over default', () => {
  const settings = {
    responseDays: 4,
    responseDaysByKind: { instruction: 2 },
    responseDaysByCategory: { 征地拆迁: 10 },
  } satisfies Pick<ItemSettings, 'responseDays' | 'responseDaysByKind' | 'responseDaysByCategory'>;
  const cases: [ItemKind, string, number][] = [
    ['problem', '资金', 4], // the default (seed 004: 4 working days)
    ['instruction', '资金', 2], // the kind's override
    ['problem', '征地拆迁', 10], // the category's override
    ['instruction', '征地拆迁', 10], // the category wins over the kind
    ['decision', '其他', 4],
  ];
  it.each(cases)('%s / %s → %i', (kind, category, days) => {
    expect(responseDays(settings, kind, category)).toBe(days);
  });

  it('with no overrides, the default', () => {
    expect(
      responseDays(
        { responseDays: 6, responseDaysByKind: {}, responseDaysByCategory: {} },
        'rectification',
        '资金',
      ),
    ).toBe(6);
  });
});

describe('responseDue: working days after the assignment', () => {
  it('4 working days over National Day 2026: 10-01 … 10-07 off, 10-08, 10-09, the 调休 Saturday 10-10, 10-12', () => {
    // the facts from the official calendar (chinese-days)
    expect(isWorkingDay('2026-10-07')).toBe(false);
    expect(isWorkingDay('2026-10-10')).toBe(true);
    expect(weekday('2026-10-10')).toBe(6);
    expect(isWorkingDay('2026-10-11')).toBe(false);
    expect(responseDue('2026-09-30', 4)).toBe('2026-10-12');
    expect(responseDue('2026-09-30', 3)).toBe('2026-10-10');
    expect(responseDue('2026-09-30', 1)).toBe('2026-10-08');
  });

  it('the 调休 Sunday before National Day counts as a working day', () => {
    // 2026-09-18 is a Friday; 09-19 Saturday off; 09-20 Sunday is a working day (调休)
    expect(weekday('2026-09-20')).toBe(0);
    expect(responseDue('2026-09-18', 1)).toBe('2026-09-20');
    expect(responseDue('2026-09-18', 4)).toBe('2026-09-23');
  });

  it('over an ordinary weekend: assigned Thursday 2026-11-19 → Wednesday 11-25', () => {
    expect(responseDue('2026-11-19', 4)).toBe('2026-11-25');
  });

  it('an office correction moves it, both ways', () => {
    // the 调休 Saturday made a day off: one more day
    expect(responseDue('2026-09-30', 4, new Map([['2026-10-10', false]]))).toBe('2026-10-13');
    // a holiday made a working day: one day earlier
    expect(responseDue('2026-09-30', 4, new Map([['2026-10-03', true]]))).toBe('2026-10-10');
    // an unrelated correction changes nothing
    expect(responseDue('2026-09-30', 4, new Map([['2026-12-31', false]]))).toBe('2026-10-12');
  });

  it('is always a working day strictly after the assignment, with exactly n working days in between', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 730 }), fc.integer({ min: 1, max: 20 }), (offset, n) => {
        const assigned = plusDays('2026-01-01', offset);
        const due = responseDue(assigned, n);
        expect(due > assigned).toBe(true);
        expect(isWorkingDay(due)).toBe(true);
        expect(workingDaysBetween(assigned, due)).toBe(n);
        // and the day before it leaves one working day short
        expect(workingDaysBetween(assigned, plusDays(due, -1))).toBe(n - 1);
      }),
      { numRuns: 200 },
    );
  });
});

describe('dueDate: the 办理时限 in force', () => {
  const base = { listed: false, listedDue: null, promisedDate: null, resolutionDue: null };
  const cases: [string, Parameters<typeof dueDate>[0], string | null][] = [
    ['nothing set', base, null],
    ['the deadline set at assignment', { ...base, resolutionDue: '2026-12-31' }, '2026-12-31'],
    [
      'the promised date wins over the set deadline',
      { ...base, resolutionDue: '2026-12-31', promisedDate: '2026-12-15' },
      '2026-12-15',
    ],
    [
      'a promise later than the set deadline still wins',
      { ...base, resolutionDue: '2026-12-01', promisedDate: '2027-01-15' },
      '2027-01-15',
    ],
    [
      'the listing deadline wins while listed',
      { listed: true, listedDue: '2026-12-10', promisedDate: '2026-12-15', resolutionDue: '2026-12-31' },
      '2026-12-10',
    ],
    [
      'a listing deadline does not count when not listed',
      { listed: false, listedDue: '2026-12-10', promisedDate: '2026-12-15', resolutionDue: '2026-12-31' },
      '2026-12-15',
    ],
    [
      'listed without a listing deadline falls back to the promise',
      { listed: true, listedDue: null, promisedDate: '2026-12-15', resolutionDue: '2026-12-31' },
      '2026-12-15',
    ],
    ['listed, only the set deadline', { ...base, listed: true, resolutionDue: '2026-12-31' }, '2026-12-31'],
  ];
  it.each(cases)('%s', (_, input, expected) => {
    expect(dueDate(input)).toBe(expected);
  });
});

describe('flags', () => {
  const none = { responseOverdue: false, resolutionOverdue: false, overdueDays: 0, dueSoon: false };
  // assigned on Thursday 2026-11-19, response due Wednesday 11-25, no resolution deadline
  const assigned: FlagInput = {
    status: 'assigned',
    responseDue: '2026-11-25',
    respondedOn: null,
    dueDate: null,
    resolvedOn: null,
  };
  const f = (over: Partial<FlagInput>, today: string, soon = 2, corrections?: Map<string, boolean>) =>
    flags({ ...assigned, ...over }, today, soon, corrections);

  describe('the response deadline', () => {
    it('the deadline day itself is not overdue', () => {
      expect(f({}, '2026-11-25', 0)).toEqual({ ...none, dueSoon: true });
    });
    it('the next day is, by one working day', () => {
      expect(f({}, '2026-11-26')).toEqual({ ...none, responseOverdue: true, overdueDays: 1 });
    });
    it('before the deadline nothing is overdue', () => {
      expect(f({}, '2026-11-20', 0)).toEqual(none);
    });
    it('a returned item without a response still owes one', () => {
      expect(f({ status: 'returned' }, '2026-11-27')).toMatchObject({
        responseOverdue: true,
        overdueDays: 2,
      });
    });
    it('responded exactly on the due date is on time', () => {
      expect(f({ status: 'responded', respondedOn: '2026-11-25' }, '2026-12-20')).toEqual(none);
    });
    it('responded one day after is late, and stays late on the record', () => {
      expect(f({ status: 'responded', respondedOn: '2026-11-26' }, '2026-11-26')).toEqual({
        ...none,
        responseOverdue: true,
      });
      // a late response is no longer owed, so it adds no overdue days
      expect(f({ status: 'responded', respondedOn: '2026-11-26' }, '2026-12-20').overdueDays).toBe(0);
      expect(f({ status: 'closed', respondedOn: '2026-11-26' }, '2026-12-20').responseOverdue).toBe(true);
    });
    it('a returned item that had answered in time owes no new answer', () => {
      expect(f({ status: 'returned', respondedOn: '2026-11-24' }, '2026-12-20')).toEqual(none);
    });
    it('a new item (not yet assigned) owes nothing', () => {
      expect(f({ status: 'new', responseDue: null }, '2026-12-20')).toEqual(none);
    });
  });

  describe('overdueDays counts working days only', () => {
    // response due Friday 2026-11-20
    const friday = { responseDue: '2026-11-20' };
    it('Saturday and Sunday after a Friday deadline: overdue, 0 working days', () => {
      expect(f(friday, '2026-11-21')).toEqual({ ...none, responseOverdue: true, overdueDays: 0 });
      expect(f(friday, '2026-11-22')).toEqual({ ...none, responseOverdue: true, overdueDays: 0 });
    });
    it('Monday after it: 1', () => {
      expect(f(friday, '2026-11-23').overdueDays).toBe(1);
    });
    it('a week later: 5', () => {
      expect(f(friday, '2026-11-27').overdueDays).toBe(5);
    });
    it('across National Day: due 09-30, on 10-12 it is 4 (10-08, 10-09, 调休 10-10, 10-12)', () => {
      expect(f({ responseDue: '2026-09-30' }, '2026-10-07').overdueDays).toBe(0);
      expect(f({ responseDue: '2026-09-30' }, '2026-10-08').overdueDays).toBe(1);
      expect(f({ responseDue: '2026-09-30' }, '2026-10-12').overdueDays).toBe(4);
    });
    it('follows corrections: a corrected working Saturday counts', () => {
      expect(f(friday, '2026-11-23', 2, new Map([['2026-11-21', true]])).overdueDays).toBe(2);
      expect(f(friday, '2026-11-23', 2, new Map([['2026-11-23', false]])).overdueDays).toBe(0);
    });
    it('counts from the earliest missed deadline still owed', () => {
      // response due 11-10 (Tue), resolution due 11-16 (Mon), today 11-20: 8 working days after 11-10
      expect(f({ responseDue: '2026-11-10', dueDate: '2026-11-16' }, '2026-11-20')).toEqual({
        ...none,
        responseOverdue: true,
        resolutionOverdue: true,
        overdueDays: 8,
      });
      // once answered (late), only the resolution deadline is owed: 4 working days after 11-16
      expect(
        f(
          {
            status: 'responded',
            responseDue: '2026-11-10',
            respondedOn: '2026-11-12',
            dueDate: '2026-11-16',
          },
          '2026-11-20',
        ),
      ).toEqual({ ...none, responseOverdue: true, resolutionOverdue: true, overdueDays: 4 });
    });
  });

  describe('the resolution deadline', () => {
    const responded: Partial<FlagInput> = {
      status: 'responded',
      respondedOn: '2026-11-24',
      dueDate: '2026-12-10',
    };
    it('the deadline day itself is not overdue, the next day is', () => {
      expect(f(responded, '2026-12-10').resolutionOverdue).toBe(false);
      expect(f(responded, '2026-12-11')).toEqual({ ...none, resolutionOverdue: true, overdueDays: 1 });
    });
    it('resolved items owe nothing: no overdue days, not due soon', () => {
      const resolved = { ...responded, status: 'resolved' as const, resolvedOn: '2026-12-09' };
      expect(f(resolved, '2026-12-30')).toEqual(none);
      expect(f(resolved, '2026-12-09')).toEqual(none);
    });
    it('resolved on the deadline is on time, one day after is late (but owes no days)', () => {
      expect(f({ ...responded, status: 'resolved', resolvedOn: '2026-12-10' }, '2026-12-30')).toEqual(none);
      expect(f({ ...responded, status: 'resolved', resolvedOn: '2026-12-11' }, '2026-12-30')).toEqual({
        ...none,
        resolutionOverdue: true,
      });
      expect(f({ ...responded, status: 'closed', resolvedOn: '2026-12-11' }, '2026-12-30')).toEqual({
        ...none,
        resolutionOverdue: true,
      });
    });
    it('a returned item owes the resolution again, its old resolution date cleared', () => {
      expect(f({ ...responded, status: 'returned', resolvedOn: null }, '2026-12-14')).toEqual({
        ...none,
        resolutionOverdue: true,
        overdueDays: 2,
      });
    });
  });

  it('merged items have no flags, however late', () => {
    expect(
      f(
        { status: 'merged', responseDue: '2026-01-05', dueDate: '2026-02-01', respondedOn: '2026-03-01' },
        '2026-12-01',
      ),
    ).toEqual(none);
    expect(f({ status: 'merged', responseDue: '2026-12-01' }, '2026-12-01')).toEqual(none);
  });

  describe('dueSoon window', () => {
    // today Monday 2026-11-23; 2 working days ahead is Wednesday 11-25
    it('with 2 days: today, the next day and the horizon are due soon; the day after is not', () => {
      expect(f({ responseDue: '2026-11-23' }, '2026-11-23').dueSoon).toBe(true);
      expect(f({ responseDue: '2026-11-24' }, '2026-11-23').dueSoon).toBe(true);
      expect(f({ responseDue: '2026-11-25' }, '2026-11-23').dueSoon).toBe(true);
      expect(f({ responseDue: '2026-11-26' }, '2026-11-23').dueSoon).toBe(false);
    });
    it('a passed deadline is overdue, not due soon', () => {
      expect(f({ responseDue: '2026-11-20' }, '2026-11-23')).toMatchObject({
        dueSoon: false,
        responseOverdue: true,
      });
    });
    it('with 0 days: only a deadline today', () => {
      expect(f({ responseDue: '2026-11-23' }, '2026-11-23', 0).dueSoon).toBe(true);
      expect(f({ responseDue: '2026-11-24' }, '2026-11-23', 0).dueSoon).toBe(false);
    });
    it('the window counts working days: on Friday 11-20 with 2 days it reaches Tuesday 11-24', () => {
      expect(f({ responseDue: '2026-11-22' }, '2026-11-20').dueSoon).toBe(true); // a Sunday inside
      expect(f({ responseDue: '2026-11-24' }, '2026-11-20').dueSoon).toBe(true);
      expect(f({ responseDue: '2026-11-25' }, '2026-11-20').dueSoon).toBe(false);
    });
    it('the window stretches over National Day: on 09-30 with 2 days it reaches 10-09', () => {
      expect(f({ responseDue: '2026-10-09' }, '2026-09-30').dueSoon).toBe(true);
      expect(f({ responseDue: '2026-10-10' }, '2026-09-30').dueSoon).toBe(false);
    });
    it('a resolution deadline counts once the response is in; the answered response deadline does not', () => {
      const answered = { status: 'responded' as const, respondedOn: '2026-11-20', responseDue: '2026-11-23' };
      expect(f({ ...answered, dueDate: '2026-12-31' }, '2026-11-23').dueSoon).toBe(false);
      expect(f({ ...answered, dueDate: '2026-11-24' }, '2026-11-23').dueSoon).toBe(true);
    });
    it('resolved, closed and merged items are never due soon', () => {
      for (const status of ['resolved', 'closed', 'merged'] as const)
        expect(
          f(
            { status, respondedOn: '2026-11-20', dueDate: '2026-11-23', resolvedOn: '2026-11-20' },
            '2026-11-23',
          ).dueSoon,
        ).toBe(false);
    });
  });

  it('overdueDays is 0 and nothing is overdue whenever today ≤ every pending deadline', () => {
    const date = fc.integer({ min: 0, max: 400 }).map((n) => plusDays('2026-01-01', n));
    fc.assert(
      fc.property(
        fc.constantFrom<ItemStatus>('assigned', 'responded', 'returned'),
        date,
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 10 }),
        (status, today, a, b, soon) => {
          const respondedOn = status === 'responded' ? today : null;
          const i: FlagInput = {
            status,
            responseDue: plusDays(today, a),
            respondedOn,
            dueDate: plusDays(today, b),
            resolvedOn: null,
          };
          const r = flags(i, today, soon);
          expect(r.overdueDays).toBe(0);
          expect(r.resolutionOverdue).toBe(false);
          expect(r.responseOverdue).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('overdueDays equals the working days since the earliest missed deadline', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 60 }), (offset, late) => {
        const due = plusDays('2026-01-01', offset);
        const today = plusDays(due, late);
        const r = flags({ ...assigned, responseDue: due }, today, 2);
        expect(r.responseOverdue).toBe(true);
        expect(r.overdueDays).toBe(workingDaysBetween(due, today));
        expect(r.overdueDays).toBeLessThanOrEqual(late);
      }),
      { numRuns: 200 },
    );
  });
});

describe('proposedLevel', () => {
  const s = {
    escalateAfterDays: 5,
    ladder: ['项目业主', '责任单位', '重点办/协调会', '分管领导', '政府常务会'],
  };
  const cases: [
    string,
    { level: number; overdueDays: number; dismissedLevel: number | null },
    number | null,
  ][] = [
    [
      'overdue exactly escalateAfterDays proposes the next rung',
      { level: 2, overdueDays: 5, dismissedLevel: null },
      3,
    ],
    ['one day less does not', { level: 2, overdueDays: 4, dismissedLevel: null }, null],
    ['not overdue does not', { level: 2, overdueDays: 0, dismissedLevel: null }, null],
    ['long overdue proposes just one rung up', { level: 1, overdueDays: 40, dismissedLevel: null }, 2],
    ['one below the top proposes the top', { level: 4, overdueDays: 9, dismissedLevel: null }, 5],
    ['at the top of the ladder, none', { level: 5, overdueDays: 99, dismissedLevel: null }, null],
    ['dismissed at the current level, none', { level: 3, overdueDays: 20, dismissedLevel: 3 }, null],
    ['dismissed at a lower level, proposes again', { level: 3, overdueDays: 20, dismissedLevel: 2 }, 4],
  ];
  it.each(cases)('%s', (_, i, expected) => {
    expect(proposedLevel(i, s)).toBe(expected);
  });

  it('a shorter ladder and a shorter wait', () => {
    const short = { escalateAfterDays: 1, ladder: ['责任单位', '分管领导'] };
    expect(proposedLevel({ level: 1, overdueDays: 1, dismissedLevel: null }, short)).toBe(2);
    expect(proposedLevel({ level: 2, overdueDays: 9, dismissedLevel: null }, short)).toBeNull();
  });
});

describe('escalationThreshold', () => {
  const cases: [string, string, number, string][] = [
    // today counts: a deadline on Sunday is one working day overdue on Monday
    ['one working day back from a Monday is the Sunday before', '2026-11-23', 1, '2026-11-22'],
    ['five from a Wednesday: back to the Wednesday before', '2026-11-25', 5, '2026-11-18'],
    ['over the 调休 Saturday 10-10 (the Sunday 10-11 is off)', '2026-10-12', 2, '2026-10-09'],
    ['four back reaches into National Day (10-01 … 10-07 off)', '2026-10-12', 4, '2026-10-07'],
  ];
  it.each(cases)('%s: %s, %i days → %s', (_, today, days, expected) => {
    expect(escalationThreshold(today, days)).toBe(expected);
    expect(workingDaysBetween(expected, today)).toBe(days);
  });

  it('a deadline is that many working days overdue exactly when it is on or before the threshold', () => {
    const corrections = new Map([
      ['2026-10-10', false],
      ['2026-05-04', true],
    ]);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 120 }),
        fc.boolean(),
        (offset, days, back, corrected) => {
          const today = plusDays('2025-11-01', offset);
          const c = corrected ? corrections : undefined;
          const threshold = escalationThreshold(today, days, c)!;
          const deadline = plusDays(today, -back);
          expect(workingDaysBetween(deadline, today, c) >= days).toBe(deadline <= threshold);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('initialLevel', () => {
  const cases: [Role, ItemKind, number][] = [
    ['reporter', 'problem', 1], // what an owner raises sits with the owner
    ['unit', 'problem', 2],
    ['office', 'problem', 2],
    ['admin', 'problem', 2],
    ['leader', 'problem', 2],
    ['office', 'decision', 3], // the coordination meeting's
    ['office', 'rectification', 2],
    ['leader', 'instruction', 4], // the leader in charge
    ['office', 'instruction', 4],
  ];
  it.each(cases)('%s raising a %s starts at %i', (role, kind, level) => {
    expect(initialLevel(role, kind)).toBe(level);
  });
});

describe('codePrefix', () => {
  it('问题 WT, 议定事项 YD, 批示 PS, 整改 ZG', () => {
    expect(codePrefix).toEqual({ problem: 'WT', decision: 'YD', instruction: 'PS', rectification: 'ZG' });
  });
});

describe('the calendar facts the cases rely on', () => {
  it('2026-11-20 is a Friday, 11-23 a Monday, 11-25 a Wednesday', () => {
    expect([weekday('2026-11-20'), weekday('2026-11-23'), weekday('2026-11-25')]).toEqual([5, 1, 3]);
    expect(addWorkingDays('2026-11-23', 2)).toBe('2026-11-25');
    expect(addWorkingDays('2026-11-20', 2)).toBe('2026-11-24');
  });
});
