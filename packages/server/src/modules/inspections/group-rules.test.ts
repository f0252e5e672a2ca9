import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../platform/calendar.ts';
import { missingWeeks, mondayOf, weekRefusal, weeksOfMonth } from './group-rules.ts';

describe('mondayOf', () => {
  it.each([
    ['2026-11-30', '2026-11-30'], // a Monday is its own
    ['2026-12-01', '2026-11-30'], // Tuesday
    ['2026-12-06', '2026-11-30'], // Sunday belongs to the week before
    ['2026-12-07', '2026-12-07'],
    ['2027-01-01', '2026-12-28'], // across the year
    ['2024-03-03', '2024-02-26'], // across a leap February
  ])('%s → %s', (d, m) => expect(mondayOf(d)).toBe(m));

  it('is a Monday at most six days back, and idempotent', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (d) => {
          const date = d.toISOString().slice(0, 10);
          const m = mondayOf(date);
          expect(new Date(`${m}T00:00:00Z`).getUTCDay()).toBe(1);
          expect(m <= date && addDays(m, 6) >= date).toBe(true);
          expect(mondayOf(m)).toBe(m);
        },
      ),
    );
  });
});

describe('weekRefusal', () => {
  it.each([
    ['2026-11-30', '2026-12-02', null], // this week
    ['2026-12-06', '2026-12-02', null], // a later day of this week is still this week
    ['2026-11-23', '2026-12-02', null], // last week, late
    ['2026-12-07', '2026-12-02', '不能填写尚未开始的周的督查记录'], // next week
    ['2026-12-07', '2026-12-07', null], // on its Monday
  ])('week of %s on %s', (w, today, refusal) => expect(weekRefusal(w, today)).toBe(refusal));
});

describe('weeksOfMonth', () => {
  it.each([
    // November 2026 begins on a Sunday: its first Monday is the 2nd
    ['2026-11', '2026-11-30', ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30']],
    ['2026-11', '2026-11-29', ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23']],
    ['2026-11', '2026-11-01', []], // a Sunday before the first Monday
    ['2026-12', '2026-12-02', []], // the week of the 1st began in November
    ['2026-12', '2026-12-07', ['2026-12-07']],
    ['2026-06', '2026-06-01', ['2026-06-01']], // a month beginning on a Monday
    ['2026-10', '2027-03-01', ['2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26']], // a past month in full
  ])('%s up to %s', (month, today, weeks) => expect(weeksOfMonth(month, today)).toEqual(weeks));
});

describe('missingWeeks', () => {
  it('keeps the order of the month and ignores records of other weeks', () => {
    expect(missingWeeks(['2026-11-02', '2026-11-09', '2026-11-16'], ['2026-11-09', '2026-10-26'])).toEqual([
      '2026-11-02',
      '2026-11-16',
    ]);
  });
});
