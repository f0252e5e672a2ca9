/**
 * Table tests of the meeting rules: the state machine, what each state allows, series dates (weekly,
 * monthly on a day and on the nth weekday, ending never / on a date / after a count), dispositions
 * against every item status, attendance counts and minutes numbers. Expectations by hand.
 */
import {
  dispositions,
  itemStatuses,
  meetingStatuses,
  type Disposition,
  type ItemStatus,
  type MeetingAction,
  type MeetingStatus,
} from '@ducha/contract';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  allowedActions,
  closeBlockers,
  datesToLayOut,
  dispositionEffect,
  keepsTracking,
  laidOutThrough,
  minutesNumber,
  monthlyDate,
  openSeriesHorizon,
  removableAfterEnd,
  seriesBoundary,
  seriesDates,
  throughAfterEndChange,
  type SeriesRhythm,
  stateAllows,
  tallyAttendance,
  transitions,
} from './rules.ts';

describe('the state machine', () => {
  const table: [MeetingStatus, MeetingAction[]][] = [
    ['draft', ['schedule']],
    ['scheduled', ['start']],
    ['in_progress', ['close']],
    ['closed', ['reopen']],
  ];
  it.each(table)('%s → %j for the office', (s, actions) => {
    expect(allowedActions(s, true)).toEqual(actions);
  });
  it.each(meetingStatuses)('%s: nothing for who does not manage it', (s) => {
    expect(allowedActions(s, false)).toEqual([]);
  });
  it('each step leads where it says', () => {
    expect(Object.fromEntries(Object.entries(transitions).map(([a, t]) => [a, t.to]))).toEqual({
      schedule: 'scheduled',
      start: 'in_progress',
      close: 'closed',
      reopen: 'in_progress',
    });
  });
  const allows: [MeetingStatus, boolean, boolean, boolean, boolean][] = [
    // status, plan, addEntry, record, attendance
    ['draft', true, true, false, true],
    ['scheduled', true, true, false, true],
    ['in_progress', false, true, true, true],
    ['closed', false, false, false, false],
  ];
  it.each(allows)('%s: plan %s, add entries %s, record outcomes %s, attendance %s', (s, p, a, r, t) => {
    expect([
      stateAllows.plan(s),
      stateAllows.addEntry(s),
      stateAllows.record(s),
      stateAllows.attendance(s),
    ]).toEqual([p, a, r, t]);
  });
  it('counts the 对照检查 entries without a disposition', () => {
    expect(closeBlockers([])).toBe(0);
    expect(closeBlockers([{ disposition: 'done' }, { disposition: null }, { disposition: null }])).toBe(2);
    expect(closeBlockers([{ disposition: 'dropped' }])).toBe(0);
  });
});

describe('series dates', () => {
  it('weekly on a weekday, from the first one on or after the start', () => {
    // 2026-01-05 is a Monday; Friday weekly
    expect(seriesDates('2026-01-05', { freq: 'weekly', weekday: 5 }, { kind: 'count', count: 3 })).toEqual([
      '2026-01-09',
      '2026-01-16',
      '2026-01-23',
    ]);
    // starting on the weekday itself counts that day
    expect(seriesDates('2026-01-09', { freq: 'weekly', weekday: 5 }, { kind: 'count', count: 1 })).toEqual([
      '2026-01-09',
    ]);
  });
  it('weekly until a date (inclusive)', () => {
    expect(
      seriesDates('2026-03-01', { freq: 'weekly', weekday: 1 }, { kind: 'until', date: '2026-03-16' }),
    ).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
  });
  it('never ending: laid out twelve months ahead', () => {
    const d = seriesDates('2026-01-01', { freq: 'monthly', day: 10 }, { kind: 'never' });
    expect(d.length).toBe(12);
    expect(d[0]).toBe('2026-01-10');
    expect(d.at(-1)).toBe('2026-12-10');
    const w = seriesDates('2026-01-05', { freq: 'weekly', weekday: 1 }, { kind: 'never' });
    expect(w.at(-1)! <= '2026-12-31').toBe(true);
    expect(w.length).toBe(52);
  });
  it('monthly on a day: the day past a month’s end is its last day', () => {
    expect(seriesDates('2026-01-31', { freq: 'monthly', day: 31 }, { kind: 'count', count: 4 })).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
    ]);
    expect(monthlyDate({ freq: 'monthly', day: 30 }, 2028, 2)).toBe('2028-02-29');
  });
  it('monthly, skipping this month when its date has passed', () => {
    expect(seriesDates('2026-01-20', { freq: 'monthly', day: 10 }, { kind: 'count', count: 2 })).toEqual([
      '2026-02-10',
      '2026-03-10',
    ]);
  });
  const nth: [1 | 2 | 3 | 4 | -1, number, number, number, string][] = [
    [1, 1, 2026, 6, '2026-06-01'], // June 2026 starts on a Monday
    [1, 5, 2026, 6, '2026-06-05'],
    [2, 3, 2026, 6, '2026-06-10'],
    [4, 1, 2026, 6, '2026-06-22'],
    [-1, 2, 2026, 6, '2026-06-30'], // the last Tuesday is the 30th
    [-1, 1, 2026, 6, '2026-06-29'],
    [-1, 7, 2026, 2, '2026-02-22'],
    [1, 7, 2026, 11, '2026-11-01'],
  ];
  it.each(nth)('the %s-th weekday %s of %s-%s is %s', (n, wd, y, m, want) => {
    expect(monthlyDate({ freq: 'monthly_weekday', nth: n, weekday: wd }, y, m)).toBe(want);
  });
  it('never more than 200 meetings', () => {
    expect(
      seriesDates('2026-01-01', { freq: 'weekly', weekday: 1 }, { kind: 'until', date: '2040-01-01' }).length,
    ).toBe(200);
  });
});

describe('laying a series out as time passes, and after its end is edited', () => {
  const monthly = (end: SeriesRhythm['end']): SeriesRhythm => ({
    startsOn: '2026-01-01',
    recurrence: { freq: 'monthly', day: 15 },
    end,
  });
  const never = monthly({ kind: 'never' });
  it.each([
    ['2026-12-02', 12, '2027-12-02'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2027-12-31', 2, '2028-02-29'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-03-15', -3, '2025-12-15'],
  ])('%s plus %s months is %s', (d, n, want) => expect(addMonths(d, n)).toBe(want));
  it('the horizon is twelve months from today', () => {
    expect(openSeriesHorizon('2026-12-02')).toBe('2027-12-02');
  });
  it('a never-ending series laid out through 2026-12-31 gets the next eleven months on 2026-12-02', () => {
    const dates = datesToLayOut(never, '2026-12-31', '2026-12-02');
    expect(dates[0]).toBe('2027-01-15');
    expect(dates.at(-1)).toBe('2027-11-15');
    expect(dates.length).toBe(11);
    expect(laidOutThrough(never, '2026-12-31', '2026-12-02')).toBe('2027-12-02');
  });
  it('laying out again the same day adds nothing; the next day only what came within reach', () => {
    expect(datesToLayOut(never, '2027-12-02', '2026-12-02')).toEqual([]);
    expect(datesToLayOut(never, '2027-12-02', '2026-12-15')).toEqual(['2027-12-15']);
    expect(datesToLayOut(never, '2027-12-15', '2026-12-15')).toEqual([]);
  });
  it('the mark of a never-ending series never goes back', () => {
    expect(laidOutThrough(never, '2028-01-01', '2026-12-02')).toBe('2028-01-01');
    expect(laidOutThrough(never, null, '2026-12-02')).toBe('2027-12-02');
  });
  it('never lays a meeting out in the past, nor a date whose meeting is still there', () => {
    // laid out only to 2026-06-30 (the job did not run for months): from today on
    expect(datesToLayOut(never, '2026-06-30', '2026-12-02', new Set(['2027-01-15'])).slice(0, 2)).toEqual([
      '2026-12-15',
      '2027-02-15',
    ]);
    expect(datesToLayOut(never, '2026-06-30', '2026-12-02')[0]).toBe('2026-12-15');
  });
  it('a series ending on a date is laid out to it; after a count, to its last meeting from the start', () => {
    const until = monthly({ kind: 'until', date: '2027-03-31' });
    expect(datesToLayOut(until, '2026-12-31', '2026-12-02')).toEqual([
      '2027-01-15',
      '2027-02-15',
      '2027-03-15',
    ]);
    expect(laidOutThrough(until, '2026-12-31', '2026-12-02')).toBe('2027-03-31');
    const count = monthly({ kind: 'count', count: 14 });
    expect(datesToLayOut(count, '2026-12-31', '2026-12-02')).toEqual(['2027-01-15', '2027-02-15']);
    expect(seriesBoundary(count, '2027-12-02')).toBe('2027-02-15');
    expect(laidOutThrough(count, '2026-12-31', '2026-12-02')).toBe('2027-02-15');
  });
  it('an end brought forward resumes from the new end; one moved later from the old mark', () => {
    expect(throughAfterEndChange(monthly({ kind: 'count', count: 6 }), '2026-12-31', '2026-12-02')).toBe(
      '2026-06-15',
    );
    expect(
      throughAfterEndChange(monthly({ kind: 'until', date: '2027-06-30' }), '2026-12-31', '2026-12-02'),
    ).toBe('2026-12-31');
    expect(throughAfterEndChange(never, '2026-12-31', '2026-12-02')).toBe('2026-12-31');
    // shortened, then lengthened again: what was removed comes back, what is still there does not
    const back = monthly({ kind: 'count', count: 14 });
    expect(datesToLayOut(back, '2026-06-15', '2026-05-01', new Set(['2026-08-15']))).toEqual([
      '2026-07-15',
      '2026-09-15',
      '2026-10-15',
      '2026-11-15',
      '2026-12-15',
      '2027-01-15',
      '2027-02-15',
    ]);
  });
  const meeting = (held_on: string, status: string, recorded = false) => ({ held_on, status, recorded });
  it.each([
    [meeting('2026-07-15', 'scheduled'), '2026-06-30', true],
    [meeting('2026-07-15', 'draft'), '2026-06-30', true],
    [meeting('2026-06-30', 'scheduled'), '2026-06-30', false], // on the new end: kept
    [meeting('2026-07-15', 'in_progress'), '2026-06-30', false],
    [meeting('2026-07-15', 'closed'), '2026-06-30', false],
    [meeting('2026-07-15', 'scheduled', true), '2026-06-30', false], // attendance or outcomes recorded
  ])('removed after the new end: %o with the end at %s → %s', (m, end, want) => {
    expect(removableAfterEnd(m, end)).toBe(want);
  });
});

describe('dispositions', () => {
  // what each disposition does to an item in each status ('refuse' when it may not be given)
  const want: Record<Disposition, Record<ItemStatus, string>> = {
    done: {
      new: 'refuse',
      assigned: 'refuse',
      responded: 'refuse',
      returned: 'refuse',
      resolved: 'close',
      closed: 'none',
      merged: 'none',
    },
    extended: {
      new: 'edit',
      assigned: 'edit',
      responded: 'edit',
      returned: 'edit',
      resolved: 'edit',
      closed: 'refuse',
      merged: 'refuse',
    },
    escalated: {
      new: 'refuse',
      assigned: 'escalate',
      responded: 'escalate',
      returned: 'escalate',
      resolved: 'refuse',
      closed: 'refuse',
      merged: 'refuse',
    },
    dropped: {
      new: 'none',
      assigned: 'none',
      responded: 'none',
      returned: 'none',
      resolved: 'none',
      closed: 'none',
      merged: 'none',
    },
  };
  const cases = dispositions.flatMap((d) => itemStatuses.map((s) => [d, s, want[d][s]] as const));
  it.each(cases)('%s on a %s item: %s', (d, s, effect) => {
    const e = dispositionEffect(d, s);
    expect('refuse' in e ? 'refuse' : e.step).toBe(effect);
  });
  it('an entry without an item may be done or dropped, not extended or escalated', () => {
    expect(dispositionEffect('done', null)).toEqual({ step: 'none' });
    expect(dispositionEffect('dropped', null)).toEqual({ step: 'none' });
    expect('refuse' in dispositionEffect('extended', null)).toBe(true);
    expect('refuse' in dispositionEffect('escalated', null)).toBe(true);
  });
  it('extended and escalated items stay on the next 对照检查; done and dropped leave it', () => {
    expect(dispositions.filter(keepsTracking)).toEqual(['extended', 'escalated']);
  });
});

describe('attendance counts', () => {
  it('one count per meeting, by the best answer of the unit’s people', () => {
    expect(
      tallyAttendance([
        { meetingId: 1, status: 'absent' },
        { meetingId: 1, status: 'present' },
        { meetingId: 2, status: 'delegated' },
        { meetingId: 3, status: 'absent_excused' },
        { meetingId: 3, status: 'absent' },
        { meetingId: 4, status: 'absent' },
      ]),
    ).toEqual({ meetings: 4, present: 1, delegated: 1, absentExcused: 1, absent: 1 });
  });
  it('nothing recorded: nothing counted', () => {
    expect(tallyAttendance([])).toEqual({
      meetings: 0,
      present: 0,
      delegated: 0,
      absentExcused: 0,
      absent: 0,
    });
  });
});

describe('minutes numbers', () => {
  it('〔year〕n号 once numbered', () => {
    expect(minutesNumber(2026, 3)).toBe('〔2026〕3号');
    expect(minutesNumber(null, null)).toBeNull();
  });
});
