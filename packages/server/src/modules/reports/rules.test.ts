/** A report's timeliness at and around its deadline (DOMAIN §4), when it is overdue, and the since-start floor. */
import { describe, expect, it } from 'vitest';
import { isOverdue, overdueState, remindedToday, sinceStartError, timeliness } from './rules.ts';

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

describe('isOverdue: never submitted and past the deadline day', () => {
  const cases: [string | null, string, string, boolean][] = [
    [null, '2026-11-09', '2026-11-08', false], // the day before
    [null, '2026-11-09', '2026-11-09', false], // the deadline day itself
    [null, '2026-11-09', '2026-11-10', true], // the day after
    [null, '2026-11-09', '2027-03-01', true],
    [null, '2026-12-31', '2027-01-01', true], // across a year
    ['2026-11-12', '2026-11-09', '2026-11-20', false], // submitted late: late, not overdue
    ['2026-11-05', '2026-11-09', '2026-11-20', false], // submitted on time (perhaps returned since)
  ];
  it.each(cases)('first submitted %s, deadline %s, today %s → %s', (first, deadline, today, expected) => {
    expect(isOverdue(first, deadline, today)).toBe(expected);
  });
});

describe('sinceStartError: a negative month may correct, never below zero', () => {
  const cases: [string, string, boolean][] = [
    ['500.00', '120.00', true],
    ['500.00', '-120.00', true], // a correction (核减)
    ['500.00', '-500.00', true], // back to exactly zero
    ['500.00', '-500.01', false], // one cent below zero
    ['0', '0', true],
    ['0', '-0.01', false],
    ['0.10', '-0.10', true],
  ];
  it.each(cases)('before %s, this month %s → allowed %s', (before, month, ok) => {
    expect(sinceStartError(before, month) === null).toBe(ok);
  });
  it('says both figures', () => {
    expect(sinceStartError('500', '-600')).toBe(
      '自开工累计完成投资不能为负：此前累计 500.00 万元，本月 -600.00 万元',
    );
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
