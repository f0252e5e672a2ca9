/**
 * What the assessment ledger reads of meetings (issue 15): the units absent without a reason
 * (`absent`, not `absent_excused` nor delegated) from a meeting held in the month in a region
 * subtree. A unit counts as absent when none of its attendance lines shows it present. One
 * statement per month.
 */
import { sql } from 'kysely';
import type { Executor } from '../../db/connection.ts';
import { monthEnd } from '../../platform/calendar.ts';
import { regionCodeUnder } from '../../platform/regions.ts';

export interface AbsenceFact {
  meetingId: number;
  title: string;
  heldOn: string;
  unitId: number;
}

/** Absences without reason from the meetings under `path` held (not drafts nor merely scheduled) in y-m. */
export async function absenceFacts(db: Executor, path: string, y: number, m: number): Promise<AbsenceFact[]> {
  const start = `${y}-${String(m).padStart(2, '0')}-01`;
  const r = await sql<{ id: number; title: string; held: string; unit: number }>`
    select mt.id, mt.title, mt.held_on::text as held, a.unit_id as unit
    from meetings mt join meeting_attendance a on a.meeting_id = mt.id
    where mt.status in ('in_progress', 'closed') and mt.held_on between ${start}::date and ${monthEnd(y, m)}::date
      and ${regionCodeUnder('mt.region_code', path)}
    group by mt.id, mt.title, mt.held_on, a.unit_id
    having bool_and(a.status = 'absent')
    order by mt.id, a.unit_id`.execute(db);
  return r.rows.map((x) => ({ meetingId: x.id, title: x.title, heldOn: x.held, unitId: x.unit }));
}
