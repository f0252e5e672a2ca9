/**
 * How far a meeting series has been laid out (issue 13): `meeting_series.laid_out_through` is the
 * date up to which every date of its rhythm has been dealt with (a meeting laid out, or later moved
 * or removed; null: nothing yet), so the daily job extends a never-ending series past it and never lays out a date
 * twice; `meetings.rhythm_on` is the rhythm's date a meeting was laid out for (kept when it is moved;
 * null for a meeting added to the series by hand), so a date whose meeting is still there, moved or
 * held, is not laid out again when an edit lengthens the series.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table meetings add column rhythm_on date;
    alter table meeting_series add column laid_out_through date;
    -- the meetings laid out when the series was created (in its transaction: the same now()) and
    -- not moved since are on their rhythm's date; one added to the series later is not
    update meetings m set rhythm_on = m.held_on from meeting_series s
      where s.id = m.series_id and m.created_at = s.created_at and not m.moved;
    -- what creation laid out: a never-ending series a year from its start's month, one ending on a
    -- date up to it, one ending after a count up to its last meeting
    update meeting_series s set laid_out_through = case s.ends->>'kind'
        when 'never' then (date_trunc('month', s.starts_on) + interval '1 year' - interval '1 day')::date
        when 'until' then (s.ends->>'date')::date
        else coalesce((select max(m.held_on) from meetings m
          where m.series_id = s.id and m.created_at = s.created_at), s.starts_on)
      end;
    create index meeting_series_open_idx on meeting_series (laid_out_through) where ends->>'kind' = 'never';
    create unique index meetings_rhythm_idx on meetings (series_id, rhythm_on) where rhythm_on is not null;
  `,
  );
}
