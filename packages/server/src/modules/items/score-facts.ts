/**
 * What the assessment ledger reads of supervised items (issue 15), for the items of a region
 * subtree and a month: the items past their 办理时限 (`due_date`, as the overdue flag reads it) with
 * the working days of the month they were overdue (the official calendar with the office's
 * corrections), and the items closed out (销号) in the month by their deadline. An item stops being
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

/** Items under `path` overdue during month y-m, as of `today`, with their overdue working days. */
export async function overdueItemFacts(
  db: Executor,
  path: string,
  y: number,
  m: number,
  today: string,
): Promise<OverdueItemFact[]> {
  const start = `${y}-${String(m).padStart(2, '0')}-01`;
  const end = monthEnd(y, m) < today ? monthEnd(y, m) : today;
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
  const out: OverdueItemFact[] = [];
  for (const x of r.rows) {
    // working days d of the month with due < d ≤ the last overdue day (the stop day counts: late that day)
    const from = x.due >= start ? x.due : addDays(start, -1);
    const last = x.stop !== null && x.stop < end ? x.stop : end;
    const days = workingDaysBetween(from, last, corrections);
    if (days > 0)
      out.push({
        itemId: x.id,
        code: x.code,
        title: x.title,
        unitId: x.unit,
        projectId: x.project,
        dueDate: x.due,
        days,
      });
  }
  return out;
}

/** Items under `path` closed out (销号) in month y-m on or before their due date. */
export async function closedEarlyItemFacts(db: Executor, path: string, y: number, m: number) {
  const start = `${y}-${String(m).padStart(2, '0')}-01`;
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
      and i.closed_on between ${start}::date and ${monthEnd(y, m)}::date and i.closed_on <= i.due_date
      and ${regionCodeUnder('i.region_code', path)}
    order by i.id`.execute(db);
  return r.rows.map((x): ClosedItemFact => ({
    itemId: x.id,
    code: x.code,
    title: x.title,
    unitId: x.unit,
    projectId: x.project,
    dueDate: x.due,
    closedOn: x.closed,
  }));
}
