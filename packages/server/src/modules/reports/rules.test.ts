/** A report's timeliness at and around its deadline (DOMAIN §4). */
import { describe, expect, it } from 'vitest';
import { overdueState, remindedToday, timeliness } from './rules.ts';

describe('timeliness', () => {
  const cases: [string | null, string, string][] = [
    ['2026-11-05', '2026-11-09', 'on_time'],
    ['2026-11-09', '2026-11-09', 'on_time'], // on the deadline day
    ['2026-11-10', '2026-11-09', 'late'], // a day later
    ['2026-12-01', '2026-11-09', 'late'],
    ['2026-10-31', '2026-11-09', 'on_time'], // before the month was over
    ['2027-01-08', '2027-01-08', 'on_time'],
    ['2027-01-09', '2027-01-08', 'late'],
    [null, '2026-11-09', 'missing'],
  ];
  it.each(cases)('first submitted %s, deadline %s → %s', (first, deadline, expected) => {
    expect(timeliness(first, deadline)).toBe(expected);
  });
});

describe('overdueState (催报)', () => {
  const deadline = '2026-11-09';
  const cases: [string | null, string, string | null][] = [
    [null, '2026-11-08', null], // before the deadline: nothing is late yet
    [null, '2026-11-09', null], // the deadline day itself is not overdue
    [null, '2026-11-10', 'missing'], // the day after: nothing filed
    ['draft', '2026-11-09', null],
    ['draft', '2026-11-10', 'draft'], // a draft never submitted
    ['returned', '2026-11-10', 'returned'], // returned and not resubmitted
    ['submitted', '2026-11-10', null], // submitted late: late, but nothing to chase
    ['verified', '2026-12-01', null],
    [null, '2027-01-01', 'missing'],
  ];
  it.each(cases)('status %s on %s → %s', (status, today, expected) => {
    expect(overdueState(status, deadline, today)).toBe(expected);
  });
});

describe('remindedToday', () => {
  it.each([
    [null, '2026-12-01', false],
    [undefined, '2026-12-01', false],
    ['2026-11-30', '2026-12-01', false], // yesterday: today may remind again
    ['2026-12-01', '2026-12-01', true],
  ] as const)('last reminded %s, today %s → %s', (last, today, expected) => {
    expect(remindedToday(last, today)).toBe(expected);
  });
});
