/**
 * The working-day calendar (DOMAIN §4): the official Chinese calendar with its holidays and
 * adjusted working days (调休) as published for 2026 (国办发明电〔2025〕7号, checked against the
 * chinese-days package), the office's corrections on top, and the report deadlines built on it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  aggregationDate,
  defaultCalendar,
  isWorkingDay,
  monthEnd,
  nextWorkingDay,
  reportDeadline,
  workingDaysBetween,
  type CalendarSettings,
} from './calendar.ts';
import chineseDays from 'chinese-days';

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const plusDays = (date: string, n: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

describe('isWorkingDay', () => {
  const cases: [string, string, boolean][] = [
    ['an ordinary Wednesday', '2026-09-30', true],
    ['an ordinary Monday', '2026-11-23', true],
    ['an ordinary Saturday', '2026-09-05', false],
    ['an ordinary Sunday', '2026-11-22', false],
    // National Day and Mid-Autumn 2026: 10-01 … 10-07 off
    ['National Day, 10-01 (Thursday)', '2026-10-01', false],
    ['National Day, 10-02 (Friday)', '2026-10-02', false],
    ['National Day, 10-05 (Monday)', '2026-10-05', false],
    ['National Day, 10-06 (Tuesday)', '2026-10-06', false],
    ['National Day, 10-07 (Wednesday), last day off', '2026-10-07', false],
    ['the day after National Day, 10-08 (Thursday)', '2026-10-08', true],
    // 调休: weekend days that are working days
    ['调休 Saturday 2026-10-10', '2026-10-10', true],
    ['调休 Sunday 2026-09-20', '2026-09-20', true],
    ['the Sunday after the 调休 Saturday', '2026-10-11', false],
    ['调休 Saturday 2026-02-14 before the Spring Festival', '2026-02-14', true],
    ['调休 Saturday 2026-02-28 after the Spring Festival', '2026-02-28', true],
    ['Spring Festival, 2026-02-16 (Monday)', '2026-02-16', false],
    ['Spring Festival, last day off 2026-02-23 (Monday)', '2026-02-23', false],
    ['after the Spring Festival, 2026-02-24 (Tuesday)', '2026-02-24', true],
    ['Labour Day, 2026-05-01 (Friday)', '2026-05-01', false],
    ['Labour Day, 2026-05-05 (Tuesday)', '2026-05-05', false],
    ['调休 Saturday 2026-05-09', '2026-05-09', true],
  ];
  it.each(cases)('%s (%s) → %s', (_, date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it('the weekday facts behind the table are right (so the 调休 cases really are weekends)', () => {
    expect(weekday('2026-10-10')).toBe(6);
    expect(weekday('2026-02-14')).toBe(6);
    expect(weekday('2026-09-20')).toBe(0);
    expect(weekday('2026-10-05')).toBe(1);
  });

  it('an office correction wins over the official calendar, both ways', () => {
    const corrections = new Map([
      ['2026-10-10', false], // the 调休 Saturday made a day off
      ['2026-09-30', false], // an ordinary weekday made a day off
      ['2026-10-03', true], // a National Day holiday made a working day
      ['2026-11-22', true], // an ordinary Sunday made a working day
    ]);
    expect(isWorkingDay('2026-10-10', corrections)).toBe(false);
    expect(isWorkingDay('2026-09-30', corrections)).toBe(false);
    expect(isWorkingDay('2026-10-03', corrections)).toBe(true);
    expect(isWorkingDay('2026-11-22', corrections)).toBe(true);
    // days without a correction keep the official answer
    expect(isWorkingDay('2026-10-09', corrections)).toBe(true);
    expect(isWorkingDay('2026-10-11', corrections)).toBe(false);
  });

  it('without holidays in sight, Monday to Friday work and weekends do not (every day of 2026-06 … 2026-08 except the Dragon Boat holiday)', () => {
    // 端午 2026: 06-19 (Friday) off
    for (let d = '2026-06-01'; d <= '2026-08-31'; d = plusDays(d, 1)) {
      if (d === '2026-06-19') continue;
      const w = weekday(d);
      expect(isWorkingDay(d), d).toBe(w !== 0 && w !== 6);
    }
    expect(isWorkingDay('2026-06-19')).toBe(false);
  });
});

describe('nextWorkingDay', () => {
  const cases: [string, string, string][] = [
    ['a working day is its own next working day', '2026-09-30', '2026-09-30'],
    ['a Saturday rolls to Monday', '2026-11-07', '2026-11-09'],
    ['a Sunday rolls to Monday', '2026-11-08', '2026-11-09'],
    ['the first day of National Day rolls past the whole holiday', '2026-10-01', '2026-10-08'],
    ['the last day of National Day rolls to 10-08', '2026-10-07', '2026-10-08'],
    ['a 调休 Saturday is a working day', '2026-10-10', '2026-10-10'],
    ['the Sunday after it rolls to Monday', '2026-10-11', '2026-10-12'],
    ['the Spring Festival eve Sunday rolls to 02-24', '2026-02-15', '2026-02-24'],
    ['the Labour Day holiday rolls to 05-06', '2026-05-02', '2026-05-06'],
  ];
  it.each(cases)('%s: %s → %s', (_, date, expected) => {
    expect(nextWorkingDay(date)).toBe(expected);
  });

  it('follows the corrections: a corrected working day stops the roll, a corrected day off extends it', () => {
    expect(nextWorkingDay('2026-10-01', new Map([['2026-10-03', true]]))).toBe('2026-10-03');
    expect(nextWorkingDay('2026-11-07', new Map([['2026-11-09', false]]))).toBe('2026-11-10');
    expect(nextWorkingDay('2026-09-30', new Map([['2026-09-30', false]]))).toBe('2026-10-08');
  });

  it('for any date of 2026 the answer is a working day on or after it, with no working day in between', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 364 }), (offset) => {
        const date = plusDays('2026-01-01', offset);
        const next = nextWorkingDay(date);
        expect(next >= date).toBe(true);
        expect(isWorkingDay(next)).toBe(true);
        for (let d = date; d < next; d = plusDays(d, 1)) expect(isWorkingDay(d), d).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('addWorkingDays', () => {
  const cases: [string, string, number, string][] = [
    ['0 days is the date itself, even on a holiday', '2026-10-03', 0, '2026-10-03'],
    ['1 day after a Wednesday is Thursday', '2026-09-16', 1, '2026-09-17'],
    ['1 day after a Friday is Monday', '2026-09-11', 1, '2026-09-14'],
    // the official calendar: 10-01 … 10-07 off, 10-08 (1), 10-09 (2), 10-10 调休 Saturday (3),
    // 10-11 Sunday off, 10-12 (4)
    ['1 day after 09-30 jumps the National Day holiday', '2026-09-30', 1, '2026-10-08'],
    ['3 days after 09-30 lands on the 调休 Saturday', '2026-09-30', 3, '2026-10-10'],
    ['4 days after 09-30 is 10-12', '2026-09-30', 4, '2026-10-12'],
    ['counting from inside the holiday', '2026-10-03', 1, '2026-10-08'],
    // the default response time of a supervised item (DOMAIN §6): 4 working days, over a weekend
    ['4 days after a Thursday', '2026-11-19', 4, '2026-11-25'],
    ['4 days across the Spring Festival', '2026-02-12', 4, '2026-02-25'],
  ];
  it.each(cases)('%s: %s + %i → %s', (_, date, n, expected) => {
    expect(addWorkingDays(date, n)).toBe(expected);
  });

  it('corrections count: a holiday made a working day shortens the count, a working day made off lengthens it', () => {
    expect(addWorkingDays('2026-09-30', 4, new Map([['2026-10-02', true]]))).toBe('2026-10-10');
    expect(addWorkingDays('2026-09-30', 4, new Map([['2026-10-08', false]]))).toBe('2026-10-13');
  });

  it('for any start and n, exactly n working days lie in (date, result] and the result is one of them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 360 }), fc.integer({ min: 0, max: 15 }), (offset, n) => {
        const date = plusDays('2026-01-01', offset);
        const result = addWorkingDays(date, n);
        let count = 0;
        for (let d = plusDays(date, 1); d <= result; d = plusDays(d, 1)) if (isWorkingDay(d)) count += 1;
        expect(count).toBe(n);
        if (n > 0) expect(isWorkingDay(result)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('workingDaysBetween', () => {
  const cases: [string, string, string, number][] = [
    ['the same day', '2026-10-12', '2026-10-12', 0],
    ['backwards', '2026-10-13', '2026-10-12', 0],
    ['Friday to Monday', '2026-11-20', '2026-11-23', 1],
    ['over National Day (10-01 … 10-07 off) and its 调休 Saturday 10-10', '2026-09-30', '2026-10-12', 4],
    ['a working week', '2026-11-22', '2026-11-29', 5],
  ];
  it.each(cases)('%s: (%s, %s] → %i', (_, from, to, n) => {
    expect(workingDaysBetween(from, to)).toBe(n);
  });

  it('stops counting 400 days after the start', () => {
    expect(workingDaysBetween('2024-01-01', '2030-01-01')).toBe(
      workingDaysBetween('2024-01-01', plusDays('2024-01-01', 400)),
    );
  });

  /** The definition: every day after `from` up to `to` (at most 400), one by one. */
  const walk = (from: string, to: string, c?: Map<string, boolean>) => {
    let n = 0;
    for (let d = plusDays(from, 1), i = 0; d <= to && i < 400; d = plusDays(d, 1), i++)
      if (isWorkingDay(d, c)) n += 1;
    return n;
  };
  it('counts what a walk over the days counts, corrections included, across any span (the counts are kept in blocks)', () => {
    const corrections = new Map([
      ['2026-10-10', false],
      ['2026-10-05', true],
      ['2025-06-01', true],
      ['2027-02-13', false],
    ]);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1500 }),
        fc.integer({ min: -20, max: 700 }),
        fc.boolean(),
        (offset, span, corrected) => {
          const from = plusDays('2024-06-01', offset);
          const to = plusDays(from, span);
          const c = corrected ? corrections : undefined;
          expect(workingDaysBetween(from, to, c)).toBe(walk(from, to, c));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('reportDeadline', () => {
  const roll = defaultCalendar;
  const noRoll: CalendarSettings = { ...defaultCalendar, rollToWorkingDay: false };
  const day5: CalendarSettings = { ...defaultCalendar, deadlineDay: 5 };

  it('the defaults are day 8, aggregation day 12, rolled to a working day', () => {
    expect(defaultCalendar).toEqual({ deadlineDay: 8, aggregationDay: 12, rollToWorkingDay: true });
  });

  const cases: [string, number, number, CalendarSettings, string][] = [
    ['day 8 of the next month on a working day', 2026, 8, roll, '2026-09-08'],
    ['a Thursday stays', 2025, 12, roll, '2026-01-08'],
    ['month 2026-10: 11-08 is a Sunday, rolled to Monday', 2026, 10, roll, '2026-11-09'],
    ['month 2026-07: 08-08 is a Saturday, rolled to Monday', 2026, 7, roll, '2026-08-10'],
    ['month 2026-02: 03-08 is a Sunday', 2026, 2, roll, '2026-03-09'],
    ['December is due in January of the next year', 2026, 12, roll, '2027-01-08'],
    ['December 2021: 2022-01-08 is a Saturday, rolled to Monday 2022-01-10', 2021, 12, roll, '2022-01-10'],
    ['roll off: a Sunday deadline stays', 2026, 10, noRoll, '2026-11-08'],
    ['roll off: December too', 2021, 12, noRoll, '2022-01-08'],
    ['day 5: 10-05 is inside National Day, rolled to 10-08', 2026, 9, day5, '2026-10-08'],
    ['day 5: 05-05 is inside Labour Day, rolled to 05-06', 2026, 4, day5, '2026-05-06'],
    ['day 5: a working Thursday stays', 2026, 10, day5, '2026-11-05'],
    ['day 28 pads and rolls: 2026-03-28 is a Saturday', 2026, 2, { ...roll, deadlineDay: 28 }, '2026-03-30'],
    ['day 1 pads: 2026-12-01 is a Tuesday', 2026, 11, { ...roll, deadlineDay: 1 }, '2026-12-01'],
  ];
  it.each(cases)('%s (%i-%i) → %s', (_, y, m, c, expected) => {
    expect(reportDeadline(y, m, c)).toBe(expected);
  });

  it('corrections move the deadline: a corrected working Sunday holds it, a corrected day off pushes it', () => {
    expect(reportDeadline(2026, 10, roll, new Map([['2026-11-08', true]]))).toBe('2026-11-08');
    expect(reportDeadline(2026, 10, roll, new Map([['2026-11-09', false]]))).toBe('2026-11-10');
    expect(reportDeadline(2026, 8, roll, new Map([['2026-09-08', false]]))).toBe('2026-09-09');
    // with the roll off, corrections do not matter
    expect(reportDeadline(2026, 8, noRoll, new Map([['2026-09-08', false]]))).toBe('2026-09-08');
  });
});

describe('aggregationDate', () => {
  const cases: [number, number, CalendarSettings, string][] = [
    [2026, 10, defaultCalendar, '2026-11-12'],
    [2026, 12, defaultCalendar, '2027-01-12'],
    [2026, 1, { ...defaultCalendar, aggregationDay: 5 }, '2026-02-05'],
    // not rolled: the scheduled close simply runs on or after it
    [2026, 9, { ...defaultCalendar, aggregationDay: 4 }, '2026-10-04'],
  ];
  it.each(cases)('%i-%i → %s', (y, m, c, expected) => {
    expect(aggregationDate(y, m, c)).toBe(expected);
  });
});

describe('monthEnd', () => {
  const cases: [number, number, string][] = [
    [2026, 1, '2026-01-31'],
    [2026, 2, '2026-02-28'],
    [2024, 2, '2024-02-29'],
    [2028, 2, '2028-02-29'],
    [2000, 2, '2000-02-29'], // divisible by 400: leap
    [2100, 2, '2100-02-28'], // divisible by 100 only: not leap
    [2026, 4, '2026-04-30'],
    [2026, 6, '2026-06-30'],
    [2026, 9, '2026-09-30'],
    [2026, 11, '2026-11-30'],
    [2026, 12, '2026-12-31'],
  ];
  it.each(cases)('%i-%i → %s', (y, m, expected) => {
    expect(monthEnd(y, m)).toBe(expected);
  });

  it('is always the day before the first of the next month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const first = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
        expect(plusDays(monthEnd(y, m), 1)).toBe(first);
        expect(monthEnd(y, m).slice(0, 7)).toBe(`${y}-${String(m).padStart(2, '0')}`);
      }),
    );
  });
});

describe('workingDaysBetween, against the day-by-day count', () => {
  /** The definition, day by day, straight from chinese-days: what the prefix sums must agree with. */
  const naive = (from: string, to: string, corrections: Map<string, boolean>) => {
    let n = 0;
    for (let d = plusDays(from, 1), i = 0; d <= to && i < 400; d = plusDays(d, 1), i++)
      if (corrections.get(d) ?? chineseDays.isWorkday(d)) n += 1;
    return n;
  };
  const day = fc.integer({ min: 0, max: 365 * 4 }).map((n) => plusDays('2024-11-01', n));

  it('the 2026 National Day holiday: 10-01 … 10-07 off, then 10-08, 10-09 and 10-10 (a 调休 Saturday) work', () => {
    expect(workingDaysBetween('2026-09-30', '2026-10-07')).toBe(0);
    expect(workingDaysBetween('2026-09-30', '2026-10-10')).toBe(3);
    expect(workingDaysBetween('2026-10-10', '2026-10-10')).toBe(0);
    expect(workingDaysBetween('2026-10-11', '2026-10-10')).toBe(0);
  });

  it('counts across years, and at most the 400 days after the start', () => {
    expect(workingDaysBetween('2025-12-31', '2026-01-05')).toBe(naive('2025-12-31', '2026-01-05', new Map()));
    expect(workingDaysBetween('2024-01-01', '2027-01-01')).toBe(naive('2024-01-01', '2027-01-01', new Map()));
    expect(workingDaysBetween('2024-01-01', '2027-01-01')).toBe(
      workingDaysBetween('2024-01-01', plusDays('2024-01-01', 400)),
    );
  });

  it('for any two dates and corrections, equals the day-by-day count', () => {
    fc.assert(
      fc.property(day, day, fc.array(fc.tuple(day, fc.boolean()), { maxLength: 12 }), (a, b, cs) => {
        const corrections = new Map(cs);
        expect(workingDaysBetween(a, b, corrections)).toBe(naive(a, b, corrections));
      }),
      { numRuns: 300 },
    );
  });
});
