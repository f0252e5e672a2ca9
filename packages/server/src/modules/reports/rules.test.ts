/** A report's timeliness at and around its deadline (DOMAIN §4). */
import { describe, expect, it } from 'vitest';
import { timeliness } from './rules.ts';

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
