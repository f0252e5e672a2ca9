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

const none: Corrections = new Map();

/**
 * The official calendar's answer per date, kept once asked: the ledger counts overdue working days
 * for every row it shows and the proposals for every open item (issue 12), and chinese-days takes
 * microseconds per question.
 */
const official = new Map<string, boolean>();
function officialWorkday(date: string): boolean {
  let work = official.get(date);
  if (work === undefined) official.set(date, (work = chineseDays.isWorkday(date)));
  return work;
}

/** Is `date` (YYYY-MM-DD) a working day? An office correction wins over the official calendar. */
export function isWorkingDay(date: string, corrections: Corrections = none): boolean {
  const corrected = corrections.get(date);
  return corrected ?? officialWorkday(date);
}

/** The first working day on or after `date`. */
export function nextWorkingDay(date: string, corrections: Corrections = none): string {
  let d = date;
  for (let i = 0; i < 40 && !isWorkingDay(d, corrections); i++) d = addDays(d, 1);
  return d;
}

/*
 * The counting loops run over day numbers (days since 1970-01-01) instead of date strings: the
 * same days in the same order, without formatting a date per step. Anything but a plain
 * YYYY-MM-DD takes the string loops, whose answers (or errors) stay what they were.
 */
const DAY_MS = 86_400_000;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const dayNumber = (date: string) => (isoDate.test(date) ? Date.parse(`${date}T00:00:00Z`) / DAY_MS : NaN);
const dateOfDay = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

const officialByDay = new Map<number, boolean>();

/**
 * The working days of one set of corrections, by day number, counted in blocks of `BLOCK` days:
 * `work(day)`, and `running(day)`: how many working days lie from the start of the day's block up
 * to it, so a count over a span is two lookups per block it touches. Blocks are made when first
 * needed; a corrections map is read as it is then (they are never changed once loaded).
 */
const BLOCK = 512;
interface WorkingDays {
  work: (day: number) => boolean;
  running: (day: number) => number;
}
const calendars = new WeakMap<Corrections, WorkingDays>();
function workingDays(corrections: Corrections): WorkingDays {
  const known = calendars.get(corrections);
  if (known) return known;
  const corrected = new Map<number, boolean>();
  for (const [date, work] of corrections) {
    const n = dayNumber(date);
    if (Number.isFinite(n)) corrected.set(n, work);
  }
  const work = (day: number) => {
    const c = corrected.get(day);
    if (c !== undefined) return c;
    let w = officialByDay.get(day);
    if (w === undefined) officialByDay.set(day, (w = officialWorkday(dateOfDay(day))));
    return w;
  };
  const blocks = new Map<number, Int32Array>();
  const running = (day: number) => {
    const b = Math.floor(day / BLOCK);
    let counts = blocks.get(b);
    if (!counts) {
      counts = new Int32Array(BLOCK);
      for (let i = 0, n = 0; i < BLOCK; i++) counts[i] = n += work(b * BLOCK + i) ? 1 : 0;
      blocks.set(b, counts);
    }
    return counts[day - b * BLOCK]!;
  };
  const wd = { work, running };
  calendars.set(corrections, wd);
  return wd;
}

/** The working days in (from, to] by day numbers: two lookups per block the span touches. */
function countWorking(wd: WorkingDays, from: number, to: number): number {
  let n = 0;
  for (let a = from + 1; a <= to;) {
    const blockStart = Math.floor(a / BLOCK) * BLOCK;
    const b = Math.min(to, blockStart + BLOCK - 1);
    n += wd.running(b) - (a === blockStart ? 0 : wd.running(a - 1));
    a = b + 1;
  }
  return n;
}

/** The date `n` working days after `date` (n ≥ 0; day 0 is `date` itself, not counted). */
export function addWorkingDays(date: string, n: number, corrections: Corrections = none): string {
  if (n <= 0) return date;
  const start = dayNumber(date);
  if (!Number.isFinite(start)) {
    let d = date;
    for (let left = n; left > 0;) {
      d = addDays(d, 1);
      if (isWorkingDay(d, corrections)) left -= 1;
    }
    return d;
  }
  const { work } = workingDays(corrections);
  let d = start;
  for (let left = n; left > 0;) {
    d += 1;
    if (work(d)) left -= 1;
  }
  return dateOfDay(d);
}

/** How many working days lie after `from` up to and including `to` (0 when `to` ≤ `from`). */
export function workingDaysBetween(from: string, to: string, corrections: Corrections = none): number {
  // a year of overdue days is plenty for a flag; the cap keeps a bad date from looping long
  const CAP = 400;
  const start = dayNumber(from);
  const end = dayNumber(to);
  let n = 0;
  if (!Number.isFinite(start) || !Number.isFinite(end)) {
    for (let d = addDays(from, 1), i = 0; d <= to && i < CAP; d = addDays(d, 1), i++) {
      if (isWorkingDay(d, corrections)) n += 1;
    }
    return n;
  }
  return countWorking(workingDays(corrections), start, Math.min(end, start + CAP));
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
