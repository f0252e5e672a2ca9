/**
 * The rules of meetings (DOMAIN §8), pure: the state machine as a table, what each state allows,
 * the dates of a series, what a disposition does to its item, how attendance is counted, and how
 * minutes are numbered.
 */
import type {
  AttendanceStatus,
  Disposition,
  ItemStatus,
  MeetingAction,
  MeetingStatus,
  Recurrence,
  SeriesEnd,
} from '@ducha/contract';
import { addDays } from '../../platform/calendar.ts';

interface Transition {
  from: readonly MeetingStatus[];
  to: MeetingStatus;
}

/** The state machine: draft → scheduled → in progress → closed; a closed meeting may be reopened. */
export const transitions: Record<MeetingAction, Transition> = {
  schedule: { from: ['draft'], to: 'scheduled' },
  start: { from: ['scheduled'], to: 'in_progress' },
  close: { from: ['in_progress'], to: 'closed' },
  reopen: { from: ['closed'], to: 'in_progress' },
};

/** The transitions open to someone who manages the meeting (nobody else takes any). */
export function allowedActions(status: MeetingStatus, manages: boolean): MeetingAction[] {
  if (!manages) return [];
  return (Object.keys(transitions) as MeetingAction[]).filter((a) => transitions[a].from.includes(status));
}

/** What each state allows: outcomes only in progress; nothing once closed. */
export const stateAllows = {
  /** move the meeting, regenerate its agenda, remove or reorder entries */
  plan: (s: MeetingStatus) => s === 'draft' || s === 'scheduled',
  /** add an entry by hand (something comes up during the meeting too) */
  addEntry: (s: MeetingStatus) => s !== 'closed',
  /** write outcomes and dispositions */
  record: (s: MeetingStatus) => s === 'in_progress',
  /** the attendance sheet */
  attendance: (s: MeetingStatus) => s !== 'closed',
};

/** Why a meeting may not close: 对照检查 entries without a disposition. */
export const closeBlockers = (review: readonly { disposition: Disposition | null }[]) =>
  review.filter((e) => e.disposition === null).length;

// ---- series: the dates of a rhythm ----
const weekdayOf = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
};
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const ymd = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The date of month y-m a monthly rhythm falls on (a day past the month's end: its last day). */
export function monthlyDate(r: Exclude<Recurrence, { freq: 'weekly' }>, y: number, m: number): string {
  const last = daysInMonth(y, m);
  if (r.freq === 'monthly') return ymd(y, m, Math.min(r.day, last));
  if (r.nth === -1) {
    const lastDay = ymd(y, m, last);
    const back = (weekdayOf(lastDay) - r.weekday + 7) % 7;
    return ymd(y, m, last - back);
  }
  const first = ymd(y, m, 1);
  const ahead = (r.weekday - weekdayOf(first) + 7) % 7;
  return ymd(y, m, 1 + ahead + (r.nth - 1) * 7);
}

/**
 * Series that never end are laid out this far ahead of their start, then kept this far ahead of
 * today by the daily job (`extendOpenSeries`).
 */
export const OPEN_SERIES_MONTHS = 12;
export const MAX_SERIES_MEETINGS = 200;

/** The last day of the year a never-ending series is first laid out for: 12 months from its start's month. */
export const firstYearEnd = (startsOn: string) =>
  addDays(ymd(Number(startsOn.slice(0, 4)) + 1, Number(startsOn.slice(5, 7)), 1), -1);

/**
 * The dates of a series from `startsOn` (on or after it) until its end: a date, a count, or — never
 * ending — `OPEN_SERIES_MONTHS` months ahead. At most `MAX_SERIES_MEETINGS`.
 */
export function seriesDates(startsOn: string, r: Recurrence, end: SeriesEnd): string[] {
  const horizon =
    end.kind === 'until' ? end.date : end.kind === 'count' ? '2100-12-31' : firstYearEnd(startsOn);
  const limit = Math.min(end.kind === 'count' ? end.count : MAX_SERIES_MEETINGS, MAX_SERIES_MEETINGS);
  const out: string[] = [];
  if (r.freq === 'weekly') {
    let d = addDays(startsOn, (r.weekday - weekdayOf(startsOn) + 7) % 7);
    while (d <= horizon && out.length < limit) {
      out.push(d);
      d = addDays(d, 7);
    }
    return out;
  }
  let y = Number(startsOn.slice(0, 4));
  let m = Number(startsOn.slice(5, 7));
  while (out.length < limit) {
    const d = monthlyDate(r, y, m);
    if (d > horizon) break;
    if (d >= startsOn) out.push(d);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** The date `n` months after `date`: the same day of the month, or that month's last day. */
export function addMonths(date: string, n: number): string {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return ymd(y, m, Math.min(Number(date.slice(8, 10)), daysInMonth(y, m)));
}

/** How far ahead of today a never-ending series is kept laid out: `OPEN_SERIES_MONTHS` months. */
export const openSeriesHorizon = (today: string) => addMonths(today, OPEN_SERIES_MONTHS);

export interface SeriesRhythm {
  startsOn: string;
  recurrence: Recurrence;
  end: SeriesEnd;
}

/**
 * The last date a series' end lets it reach: the date it ends on, its count's last meeting (null when
 * the count yields none), or — never ending — `horizon`.
 */
export function seriesBoundary(s: SeriesRhythm, horizon: string): string | null {
  if (s.end.kind === 'never') return horizon;
  if (s.end.kind === 'until') return s.end.date;
  return seriesDates(s.startsOn, s.recurrence, s.end).at(-1) ?? null;
}

/**
 * The dates to lay out, on `today`, for a series already laid out through `through` (null: nothing
 * yet): the rhythm's dates after it, from today (a meeting is never laid out in the past) and its
 * start, up to its end — a never-ending series up to `openSeriesHorizon(today)` — leaving out
 * `taken`, the rhythm dates whose meeting is still there, moved or held. A date on or before
 * `through` is not laid out again: its meeting was moved, or removed. Counted series count their
 * meetings from the start.
 */
export function datesToLayOut(
  s: SeriesRhythm,
  through: string | null,
  today: string,
  taken: ReadonlySet<string> = new Set(),
): string[] {
  let from = s.startsOn > today ? s.startsOn : today;
  if (through !== null && through >= from) from = addDays(through, 1);
  let dates: string[];
  if (s.end.kind === 'count') dates = seriesDates(s.startsOn, s.recurrence, s.end).filter((d) => d >= from);
  else {
    const until = s.end.kind === 'until' ? s.end.date : openSeriesHorizon(today);
    dates = until < from ? [] : seriesDates(from, s.recurrence, { kind: 'until', date: until });
  }
  return dates.filter((d) => !taken.has(d));
}

/**
 * The series' mark after laying out on `today`: a never-ending series through the horizon (never
 * back); one with an end through its boundary, lower than before when its end was brought forward.
 */
export function laidOutThrough(s: SeriesRhythm, through: string | null, today: string): string | null {
  const horizon = openSeriesHorizon(today);
  if (s.end.kind === 'never') return through !== null && through > horizon ? through : horizon;
  return seriesBoundary(s, horizon);
}

/**
 * Where laying out resumes after an edit of the end: a series whose end was brought before its mark
 * from the new end (nothing more to lay out), otherwise from its mark (lengthening lays out what
 * lies between the mark and the new end).
 */
export function throughAfterEndChange(s: SeriesRhythm, through: string | null, today: string): string | null {
  if (s.end.kind === 'never' || through === null) return through;
  const boundary = seriesBoundary(s, openSeriesHorizon(today));
  return boundary !== null && boundary < through ? boundary : through;
}

/** What an edit of the end removes: meetings still being planned, with nothing recorded, after the new end. */
export const removableAfterEnd = (
  m: { held_on: string; status: string; recorded: boolean },
  boundary: string | null,
) =>
  (m.status === 'draft' || m.status === 'scheduled') &&
  !m.recorded &&
  (boundary === null || m.held_on > boundary);

// ---- dispositions of the 对照检查 entries ----
export type DispositionEffect =
  { step: 'none' } | { step: 'close' } | { step: 'edit' } | { step: 'escalate' } | { refuse: string };

const working: readonly ItemStatus[] = ['assigned', 'responded', 'returned'];

/**
 * What a disposition does to the reviewed item, by the item's live status. Done: a resolved item is
 * closed out (销号); one already closed stays; anything still being worked on is not done. Extended:
 * a new deadline on an item still open. Escalated: one rung up, while it is being worked on.
 * Dropped: the meeting stops tracking it; the item keeps its own course.
 */
export function dispositionEffect(d: Disposition, status: ItemStatus | null): DispositionEffect {
  if (status === null)
    return d === 'done' || d === 'dropped' ? { step: 'none' } : { refuse: '该议题没有关联事项' };
  switch (d) {
    case 'done':
      if (status === 'resolved') return { step: 'close' };
      if (status === 'closed' || status === 'merged') return { step: 'none' };
      return { refuse: '事项尚未办结，不能确认落实销号' };
    case 'extended':
      if (status === 'closed' || status === 'merged') return { refuse: '事项已销号，无需延期' };
      return { step: 'edit' };
    case 'escalated':
      if (!working.includes(status)) return { refuse: '只有办理中的事项可以提级' };
      return { step: 'escalate' };
    case 'dropped':
      return { step: 'none' };
  }
}

/** Dispositions that keep the item on the next meeting's 对照检查 list. */
export const keepsTracking = (d: Disposition) => d === 'extended' || d === 'escalated';

// ---- attendance ----
export interface AttendanceTally {
  meetings: number;
  present: number;
  delegated: number;
  absentExcused: number;
  absent: number;
}

/**
 * One unit's attendance over meetings: each meeting counts once for the unit, by its best answer
 * (someone present beats a delegate beats an excused absence beats an absence without reason).
 */
export function tallyAttendance(
  rows: readonly { meetingId: number; status: AttendanceStatus }[],
): AttendanceTally {
  const rank: Record<AttendanceStatus, number> = { present: 0, delegated: 1, absent_excused: 2, absent: 3 };
  const best = new Map<number, AttendanceStatus>();
  for (const r of rows) {
    const b = best.get(r.meetingId);
    if (b === undefined || rank[r.status] < rank[b]) best.set(r.meetingId, r.status);
  }
  const t: AttendanceTally = { meetings: best.size, present: 0, delegated: 0, absentExcused: 0, absent: 0 };
  for (const s of best.values()) {
    if (s === 'present') t.present++;
    else if (s === 'delegated') t.delegated++;
    else if (s === 'absent_excused') t.absentExcused++;
    else t.absent++;
  }
  return t;
}

// ---- minutes ----
/** 会议纪要 number: 〔2026〕3号, numbered per series and year. */
export const minutesNumber = (year: number | null, seq: number | null) =>
  year !== null && seq !== null ? `〔${year}〕${seq}号` : null;

/** The counter key of a meeting's minutes: its series, else its region and type. */
export const minutesKey = (m: { series_id: number | null; region_code: string; type: string }) =>
  m.series_id !== null ? `series:${m.series_id}` : `${m.region_code}:${m.type}`;

/** The order of the agenda's sections (sort numbers are per section). */
export const sectionOrder = ['review', 'open_items', 'lights', 'unit_report', 'manual'] as const;
