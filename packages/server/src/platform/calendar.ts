/**
 * Working days in mainland China: the official calendar (holidays and adjusted working days 调休,
 * from the maintained chinese-days package) with the office's own corrections on top. Pure given
 * the corrections, which callers load once.
 */
import chineseDays from 'chinese-days';

export type Corrections = ReadonlyMap<string, boolean>;

/** The calendar date `n` days after `date` (YYYY-MM-DD). */
export const addDays = (date: string, n: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** Is `date` (YYYY-MM-DD) a working day? An office correction wins over the official calendar. */
export function isWorkingDay(date: string, corrections: Corrections = new Map()): boolean {
  const corrected = corrections.get(date);
  return corrected ?? chineseDays.isWorkday(date);
}

/** The first working day on or after `date`. */
export function nextWorkingDay(date: string, corrections: Corrections = new Map()): string {
  let d = date;
  for (let i = 0; i < 40 && !isWorkingDay(d, corrections); i++) d = addDays(d, 1);
  return d;
}

/** The date `n` working days after `date` (n ≥ 0; day 0 is `date` itself, not counted). */
export function addWorkingDays(date: string, n: number, corrections: Corrections = new Map()): string {
  let d = date;
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    if (isWorkingDay(d, corrections)) left -= 1;
  }
  return d;
}

/** How many working days lie after `from` up to and including `to` (0 when `to` ≤ `from`). */
export function workingDaysBetween(from: string, to: string, corrections: Corrections = new Map()): number {
  let n = 0;
  // a year of overdue days is plenty for a flag; the cap keeps a bad date from looping long
  for (let d = addDays(from, 1), i = 0; d <= to && i < 400; d = addDays(d, 1), i++) {
    if (isWorkingDay(d, corrections)) n += 1;
  }
  return n;
}

export interface CalendarSettings {
  deadlineDay: number;
  aggregationDay: number;
  rollToWorkingDay: boolean;
}
export const defaultCalendar: CalendarSettings = {
  deadlineDay: 8,
  aggregationDay: 12,
  rollToWorkingDay: true,
};

/** Reports for month `m` of `y` are due on the deadline day of the next month (rolled to a working day). */
export function reportDeadline(
  y: number,
  m: number,
  c: CalendarSettings,
  corrections: Corrections = new Map(),
): string {
  const ny = m === 12 ? y + 1 : y;
  const nm = m === 12 ? 1 : m + 1;
  const day = `${ny}-${String(nm).padStart(2, '0')}-${String(c.deadlineDay).padStart(2, '0')}`;
  return c.rollToWorkingDay ? nextWorkingDay(day, corrections) : day;
}

/** The office aggregates on this day of the next month; the scheduled close runs after it. */
export function aggregationDate(y: number, m: number, c: CalendarSettings): string {
  const ny = m === 12 ? y + 1 : y;
  const nm = m === 12 ? 1 : m + 1;
  return `${ny}-${String(nm).padStart(2, '0')}-${String(c.aggregationDay).padStart(2, '0')}`;
}

export const monthEnd = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
