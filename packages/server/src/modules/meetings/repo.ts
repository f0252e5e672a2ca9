/** The meetings module's rows: a meeting with what its read rule needs, locks, counters. */
import { sql } from 'kysely';
import type { Executor, Trx } from '../../db/connection.ts';
import { regionPathOf } from '../../platform/regions.ts';
import type { Actor } from '../../platform/access/context.ts';
import { notFound, outOfScope } from '../../platform/errors.ts';
import { canReadMeeting, type MeetingFacts } from './policy.ts';

export const meetingColumns = [
  'm.id',
  'm.series_id',
  'm.seq',
  'm.type',
  'm.title',
  'm.region_code',
  'm.level',
  'm.sections',
  'm.chair_position_id',
  'm.held_on',
  'm.meet_time',
  'm.place',
  'm.attendee_unit_ids',
  'm.status',
  'm.moved',
  'm.minutes_year',
  'm.minutes_seq',
  'm.agenda_generated_at',
  'm.previous_id',
  'm.reopen_count',
  'm.version',
] as const;

/** SQL: the units a meeting calls — its attendees and its 现场交账 sections' units. */
export const calledUnitsOf = (meetingColumn: string) =>
  sql<number[]>`(select coalesce(array_agg(distinct u), '{}') from (
    select unnest(m2.attendee_unit_ids) as u from meetings m2 where m2.id = ${sql.ref(meetingColumn)}
    union select e.unit_id from meeting_entries e
    where e.meeting_id = ${sql.ref(meetingColumn)} and e.section = 'unit_report' and e.unit_id is not null) c)`;

export async function findMeeting(db: Executor, id: number) {
  return db
    .selectFrom('meetings as m')
    .select(meetingColumns)
    .select([regionPathOf('m.region_code').as('region_path'), calledUnitsOf('m.id').as('called_units')])
    .where('m.id', '=', id)
    .executeTakeFirst();
}
export type MeetingRow = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;

export const meetingFacts = (r: MeetingRow): MeetingFacts => ({
  regionPath: r.region_path,
  unitIds: r.called_units,
});

/** A meeting the actor may read, or 404/403. */
export async function readableMeeting(db: Executor, actor: Actor, id: number): Promise<MeetingRow> {
  const row = await findMeeting(db, id);
  if (!row) throw notFound();
  if (!canReadMeeting(actor, meetingFacts(row))) throw outOfScope();
  return row;
}

/** Locks the meeting's row for this transaction and reads it (404/403 as reading does). */
export async function lockedMeeting(trx: Trx, actor: Actor, id: number): Promise<MeetingRow> {
  const locked = await trx
    .selectFrom('meetings')
    .select('id')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!locked) throw notFound();
  return readableMeeting(trx, actor, id);
}

export const bumpMeeting = (trx: Trx, id: number, version: number) =>
  trx
    .updateTable('meetings')
    .set({ version: version + 1 })
    .where('id', '=', id)
    .execute();

export async function findEntry(db: Executor, id: number) {
  return db.selectFrom('meeting_entries').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The next number of a counter (minutes per series and year), under the counter's row lock. */
export async function nextNumber(trx: Trx, key: string, year: number): Promise<number> {
  const row = await trx
    .insertInto('meeting_counters')
    .values({ key, year, last: 1 })
    .onConflict((oc) => oc.columns(['key', 'year']).doUpdateSet({ last: sql`meeting_counters.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return row.last;
}

/** The previous meeting of the series that has closed, before this one: the one 对照检查 reviews. */
export async function previousClosed(db: Executor, m: Pick<MeetingRow, 'id' | 'series_id' | 'held_on'>) {
  if (m.series_id === null) return undefined;
  return db
    .selectFrom('meetings')
    .select(['id', 'title', 'held_on', 'seq'])
    .where('series_id', '=', m.series_id)
    .where('status', '=', 'closed')
    .where('id', '<>', m.id)
    .where('held_on', '<=', m.held_on)
    .orderBy('held_on', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}
