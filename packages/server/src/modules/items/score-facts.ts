/**
 * What the assessment ledger reads of supervised items (issue 15), for the items of a region
 * subtree and a month: the items past their 办理时限 (`due_date`, as the overdue flag reads it) with
 * the working days of the month they were overdue (the official calendar with the office's
 * corrections), and the items closed out (销号) in the month by their deadline. A month or a range
 * of months (a year's recompute) in one statement each. An item stops being
 * overdue when it is resolved (办结) or closed; a returned one runs on. One statement each.
 */
import { sql } from 'kysely';
import type { Executor } from '../../db/connection.ts';
import { addDays, monthEnd, workingDaysBetween } from '../../platform/calendar.ts';
import { loadCorrections } from '../../platform/calendar-corrections.ts';
import { regionCodeUnder } from '../../platform/regions.ts';

export interface OverdueItemFact {
  itemId: number;
  code: string;
  title: string;
  unitId: number;
  projectId: number | null;
  dueDate: string;
  /** working days of the month the item was overdue (after its due date, up to today) */
  days: number;
}

export interface ClosedItemFact {
  itemId: number;
  code: string;
  title: string;
  unitId: number;
  projectId: number | null;
  dueDate: string;
  closedOn: string;
}

const first = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}-01`;

/**
 * Items under `path` overdue during months `from`..`to` of year y, as of `today`, with their
 * overdue working days in each month (one row per item and month with at least one).
 */
export async function overdueItemFacts(
  db: Executor,
  path: string,
  y: number,
  from: number,
  today: string,
  to = from,
): Promise<(OverdueItemFact & { month: number })[]> {
  const start = first(y, from);
  const end = monthEnd(y, to) < today ? monthEnd(y, to) : today;
  if (end < start) return [];
  // the day the clock stopped: resolved or closed (a returned or reopened item is still running)
  const r = await sql<{
    id: number;
    code: string;
    title: string;
    unit: number;
    project: number | null;
    due: string;
    stop: string | null;
  }>`select i.id, i.code, i.title, i.responsible_unit_id as unit, i.project_id as project,
      i.due_date::text as due, s.stop::text as stop
    from items i
    cross join lateral (select case when i.status in ('resolved', 'closed')
      then coalesce(i.resolved_on, i.closed_on) end as stop) s
    where i.status <> 'merged' and i.responsible_unit_id is not null and i.due_date is not null
      and i.due_date < ${end}::date and (s.stop is null or s.stop >= ${start}::date and s.stop > i.due_date)
      and ${regionCodeUnder('i.region_code', path)}
    order by i.id`.execute(db);
  const corrections = await loadCorrections(db);
  const out: (OverdueItemFact & { month: number })[] = [];
  for (let m = from; m <= to; m++) {
    const ms = first(y, m);
    const me = monthEnd(y, m) < today ? monthEnd(y, m) : today;
    for (const x of r.rows) {
      // working days d of the month with due < d ≤ the last overdue day (the stop day counts: late that day)
      const after = x.due >= ms ? x.due : addDays(ms, -1);
      const last = x.stop !== null && x.stop < me ? x.stop : me;
      const days = after < last ? workingDaysBetween(after, last, corrections) : 0;
      if (days > 0)
        out.push({
          month: m,
          itemId: x.id,
          code: x.code,
          title: x.title,
          unitId: x.unit,
          projectId: x.project,
          dueDate: x.due,
          days,
        });
    }
  }
  return out;
}

/** Items under `path` closed out (销号) in months `from`..`to` of y on or before their due date. */
export async function closedEarlyItemFacts(db: Executor, path: string, y: number, from: number, to = from) {
  const start = first(y, from);
  const r = await sql<{
    id: number;
    code: string;
    title: string;
    unit: number;
    project: number | null;
    due: string;
    closed: string;
  }>`select i.id, i.code, i.title, i.responsible_unit_id as unit, i.project_id as project,
      i.due_date::text as due, i.closed_on::text as closed
    from items i
    where i.status = 'closed' and i.responsible_unit_id is not null and i.due_date is not null
      and i.closed_on between ${start}::date and ${monthEnd(y, to)}::date and i.closed_on <= i.due_date
      and ${regionCodeUnder('i.region_code', path)}
    order by i.id`.execute(db);
  return r.rows.map((x): ClosedItemFact & { month: number } => ({
    month: Number(x.closed.slice(5, 7)),
    itemId: x.id,
    code: x.code,
    title: x.title,
    unitId: x.unit,
    projectId: x.project,
    dueDate: x.due,
    closedOn: x.closed,
  }));
}
