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

const DAY_MS = 86_400_000;
const dayNumber = (date: string) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;

/**
 * The official calendar by year, built once per year on first use: whether each day works, and
 * how many working days precede it in the year. Asking chinese-days costs about 10 µs a date,
 * and a ledger page asks the working days between two dates for each of its rows (issue 12).
 */
interface OfficialYear {
  first: number;
  works: boolean[];
  before: number[];
}
const officialYears = new Map<number, OfficialYear>();
function officialYear(y: number): OfficialYear {
  let year = officialYears.get(y);
  if (!year) {
    const first = Date.UTC(y, 0, 1) / DAY_MS;
    const days = Date.UTC(y + 1, 0, 1) / DAY_MS - first;
    const works: boolean[] = [];
    const before: number[] = [0];
    for (let i = 0; i < days; i++) {
      works.push(chineseDays.isWorkday(new Date((first + i) * DAY_MS).toISOString().slice(0, 10)));
      before.push(before[i]! + (works[i] ? 1 : 0));
    }
    officialYears.set(y, (year = { first, works, before }));
  }
  return year;
}
const officialWorks = (date: string) => {
  const year = officialYear(Number(date.slice(0, 4)));
  return year.works[dayNumber(date) - year.first]!;
};
/** Official working days from 1 January of `date`'s year up to and including `date`. */
const officialThrough = (date: string) => {
  const year = officialYear(Number(date.slice(0, 4)));
  return year.before[dayNumber(date) - year.first + 1]!;
};

/** Is `date` (YYYY-MM-DD) a working day? An office correction wins over the official calendar. */
export function isWorkingDay(date: string, corrections: Corrections = new Map()): boolean {
  const corrected = corrections.get(date);
  return corrected ?? officialWorks(date);
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

/**
 * How many working days lie after `from` up to and including `to` (0 when `to` ≤ `from`), counting
 * at most the 400 days after `from` (a year of overdue days is plenty for a flag). The official
 * count comes from the yearly prefix sums; each correction in range then adds or removes its day.
 */
export function workingDaysBetween(from: string, to: string, corrections: Corrections = new Map()): number {
  if (to <= from) return 0;
  const cap = addDays(from, 400);
  const end = to < cap ? to : cap;
  let n = 0;
  for (let y = Number(from.slice(0, 4)); y <= Number(end.slice(0, 4)); y++) {
    const through = y === Number(end.slice(0, 4)) ? officialThrough(end) : officialYear(y).before.at(-1)!;
    const before = y === Number(from.slice(0, 4)) ? officialThrough(from) : 0;
    n += through - before;
  }
  for (const [date, works] of corrections) {
    if (date > from && date <= end && works !== officialWorks(date)) n += works ? 1 : -1;
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
