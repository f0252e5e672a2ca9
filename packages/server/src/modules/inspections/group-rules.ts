/**
 * The rules of a group's weekly site records (seed 001: 督查组每周督查一次 … 月通报): a record
 * belongs to a week, named by its Monday; a week is recordable once it has begun; a month's weeks
 * are those whose Monday falls in it, up to today's week. Pure: no clock, `today` is passed.
 */
import { addDays } from '../../platform/calendar.ts';

/** The Monday of the week holding `date` (YYYY-MM-DD; weeks run Monday to Sunday). */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/** Why a record for the week of `weekOf` may not be written on `today`, or null when it may. */
export function weekRefusal(weekOf: string, today: string): string | null {
  if (mondayOf(weekOf) > mondayOf(today)) return '不能填写尚未开始的周的督查记录';
  return null;
}

/** The Mondays in `month` (YYYY-MM), up to the week holding `today`: the weeks a group reports for. */
export function weeksOfMonth(month: string, today: string): string[] {
  const first = `${month}-01`;
  let monday = mondayOf(first);
  if (monday < first) monday = addDays(monday, 7);
  const last = mondayOf(today);
  const weeks: string[] = [];
  for (let d = monday; d.startsWith(month) && d <= last; d = addDays(d, 7)) weeks.push(d);
  return weeks;
}

/** The weeks of `weeks` without a record among `recorded` (both Mondays), in order. */
export const missingWeeks = (weeks: readonly string[], recorded: readonly string[]): string[] =>
  weeks.filter((w) => !recorded.includes(w));
