/**
 * A series after its creation: laying out its meetings as time passes (the daily job keeps every
 * never-ending series a year ahead of today) and editing it (title, chair, place, time, attendees and
 * its end). Laying out is idempotent: `meeting_series.laid_out_through` marks the dates already dealt
 * with and `meetings.rhythm_on` the rhythm date each meeting was laid out for, so a date whose
 * meeting was moved, removed or held is never laid out again, and numbering continues.
 */
import type { Recurrence, SeriesEnd, seriesUpdate } from '@ducha/contract';
import { sql } from 'kysely';
import type { z } from 'zod';
import { transaction, type Db, type Trx } from '../../db/connection.ts';
import { actorOf, type Ctx } from '../../platform/access/context.ts';
import { recordAudit, recordAudits } from '../../platform/audit/audit.ts';
import { invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { assertVersion } from '../../platform/records.ts';
import { getRegion } from '../../platform/regions.ts';
import { todayInChina } from '../../platform/time.ts';
import { checkOrg } from './meetings.ts';
import { canManageMeeting } from './policy.ts';
import {
  datesToLayOut,
  laidOutThrough,
  openSeriesHorizon,
  removableAfterEnd,
  seriesBoundary,
  seriesDates,
  throughAfterEndChange,
  type SeriesRhythm,
} from './rules.ts';

async function lockedSeries(trx: Trx, id: number) {
  const s = await trx
    .selectFrom('meeting_series')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!s) throw notFound();
  return s;
}
type SeriesRow = Awaited<ReturnType<typeof lockedSeries>>;

const rhythmOf = (s: Pick<SeriesRow, 'starts_on' | 'recurrence' | 'ends'>): SeriesRhythm => ({
  startsOn: s.starts_on,
  recurrence: s.recurrence as Recurrence,
  end: s.ends as SeriesEnd,
});

/**
 * Lays out, in the caller's transaction, the meetings of series `s` due on `today` (see
 * `datesToLayOut`), numbered after its last one, and moves its mark. Returns the new meetings.
 */
export async function layOutSeries(trx: Trx, ctx: Ctx, s: SeriesRow, today: string) {
  const rhythm = rhythmOf(s);
  const existing = await trx
    .selectFrom('meetings')
    .select(['rhythm_on', 'seq'])
    .where('series_id', '=', s.id)
    .execute();
  const taken = new Set(existing.flatMap((m) => (m.rhythm_on ? [m.rhythm_on] : [])));
  const dates = datesToLayOut(rhythm, s.laid_out_through, today, taken);
  const through = laidOutThrough(rhythm, s.laid_out_through, today);
  let added: { id: number; held_on: string; seq: number | null }[] = [];
  if (dates.length) {
    const last = Math.max(0, ...existing.map((m) => m.seq ?? 0));
    added = await trx
      .insertInto('meetings')
      .values(
        dates.map((d, i) => ({
          series_id: s.id,
          seq: last + i + 1,
          type: s.type,
          title: s.title,
          region_code: s.region_code,
          level: s.level,
          sections: s.sections,
          chair_position_id: s.chair_position_id,
          held_on: d,
          rhythm_on: d,
          meet_time: s.meet_time,
          place: s.place,
          attendee_unit_ids: s.attendee_unit_ids,
          status: 'scheduled',
          created_by: ctx.actor?.id ?? null,
        })),
      )
      .returning(['id', 'held_on', 'seq'])
      .execute();
    await recordAudits(
      trx,
      ctx,
      added.map((m) => ({ entity: 'meeting', entityId: m.id, action: 'create', after: m })),
    );
  }
  // the mark is bookkeeping, not an edit: the series' version stays (an open edit form is not stale)
  if (through !== s.laid_out_through)
    await trx
      .updateTable('meeting_series')
      .set({ laid_out_through: through })
      .where('id', '=', s.id)
      .execute();
  return added;
}

/**
 * The daily job: every never-ending series laid out `OPEN_SERIES_MONTHS` ahead of today, each in
 * its own transaction. Re-running it the same day adds nothing. Returns what it added.
 */
export async function extendOpenSeries(db: Db, today = todayInChina()) {
  const ctx: Ctx = { actor: null, requestId: 'job:meeting-series' };
  const horizon = openSeriesHorizon(today);
  const due = await db
    .selectFrom('meeting_series')
    .select('id')
    .where(sql<string>`ends->>'kind'`, '=', 'never')
    .where((e) => e.or([e('laid_out_through', 'is', null), e('laid_out_through', '<', horizon)]))
    .orderBy('id')
    .execute();
  const result = { series: 0, meetings: 0 };
  const failed: string[] = [];
  for (const { id } of due) {
    try {
      const added = await transaction(db, async (trx) => {
        const s = await lockedSeries(trx, id);
        if ((s.ends as SeriesEnd).kind !== 'never') return [];
        const added = await layOutSeries(trx, ctx, s, today);
        if (added.length)
          await recordAudit(trx, ctx, {
            entity: 'meeting_series',
            entityId: id,
            action: 'extend',
            after: { meetings: added.length, through: horizon },
          });
        return added;
      });
      if (added.length) {
        result.series += 1;
        result.meetings += added.length;
      }
    } catch (e) {
      failed.push(`${id}: ${(e as Error).message}`);
    }
  }
  // one series' failure does not keep the others from being extended; the run is recorded as failed
  if (failed.length) throw new Error(`会议系列延展失败 ${failed.join('; ')}`);
  return result;
}

const sameEnd = (a: SeriesEnd, b: SeriesEnd) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Edits a series: its title, chair, place, usual time and attendees, and its end. Its meetings still
 * being planned (draft or scheduled, from today on) take the new values, unless one was changed on
 * that meeting by hand. Bringing the end forward removes the meetings after it that are still being
 * planned and have nothing recorded (no outcomes, no attendance); moving it later (or to never) lays
 * out the new ones. The rhythm itself is not edited: the office ends the series and starts another.
 */
export async function updateSeries(
  db: Db,
  ctx: Ctx,
  id: number,
  input: z.infer<typeof seriesUpdate>,
  today = todayInChina(),
) {
  const actor = actorOf(ctx);
  await checkOrg(db, input);
  return transaction(db, async (trx) => {
    const s = await lockedSeries(trx, id);
    const region = await getRegion(trx, s.region_code);
    if (!region || !canManageMeeting(actor, region.path)) throw outOfScope();
    assertVersion(s.version, input.version);
    const end = input.end ?? (s.ends as SeriesEnd);
    const endChanged = !sameEnd(end, s.ends as SeriesEnd);
    const rhythm: SeriesRhythm = { ...rhythmOf(s), end };
    if (endChanged && !seriesDates(rhythm.startsOn, rhythm.recurrence, end).length)
      throw invalid('body.end', '按此结束方式没有会议日期');

    // the fields, on the series and on its meetings still being planned that kept the series' value
    const fields = {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.chairPositionId !== undefined && { chair_position_id: input.chairPositionId }),
      ...(input.place !== undefined && { place: input.place }),
      ...(input.time !== undefined && { meet_time: input.time }),
      ...(input.attendeeUnitIds !== undefined && { attendee_unit_ids: input.attendeeUnitIds }),
    };
    const keys = Object.keys(fields) as (keyof typeof fields)[];
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    const planned = await trx
      .selectFrom('meetings')
      .select(['id', 'version', 'title', 'chair_position_id', 'place', 'meet_time', 'attendee_unit_ids'])
      .where('series_id', '=', id)
      .where('status', 'in', ['draft', 'scheduled'])
      .where('held_on', '>=', today)
      .orderBy('held_on')
      .execute();
    const followed = [];
    for (const m of planned) {
      const set = Object.fromEntries(
        keys.filter((k) => same(m[k], s[k]) && !same(m[k], fields[k])).map((k) => [k, fields[k]]),
      );
      if (!Object.keys(set).length) continue;
      await trx
        .updateTable('meetings')
        .set({ ...set, version: m.version + 1 })
        .where('id', '=', m.id)
        .execute();
      followed.push({
        entity: 'meeting',
        entityId: m.id,
        action: 'update',
        before: Object.fromEntries(Object.keys(set).map((k) => [k, m[k as keyof typeof m]])),
        after: set,
        reason: '随会议系列修改',
      });
    }
    await recordAudits(trx, ctx, followed);

    // the end: remove what falls after an earlier end, lay out what a later one adds
    let removed: { id: number; held_on: string; seq: number | null }[] = [];
    if (endChanged && end.kind !== 'never') {
      const boundary = seriesBoundary(rhythm, openSeriesHorizon(today));
      const candidates = await trx
        .selectFrom('meetings as m')
        .select(['m.id', 'm.held_on', 'm.seq', 'm.status', 'm.title'])
        .select((e) =>
          e
            .or([
              e.exists(
                e.selectFrom('meeting_outcomes as o').select('o.id').whereRef('o.meeting_id', '=', 'm.id'),
              ),
              e.exists(
                e
                  .selectFrom('meeting_attendance as a')
                  .select('a.unit_id')
                  .whereRef('a.meeting_id', '=', 'm.id'),
              ),
            ])
            .as('recorded'),
        )
        .where('m.series_id', '=', id)
        .where('m.held_on', '>', boundary ?? '0000-01-01')
        .execute();
      removed = candidates.filter((m) =>
        removableAfterEnd({ ...m, recorded: Boolean(m.recorded) }, boundary),
      );
      if (removed.length) {
        const ids = removed.map((m) => m.id);
        await trx.deleteFrom('meeting_entries').where('meeting_id', 'in', ids).execute();
        await trx.deleteFrom('meetings').where('id', 'in', ids).execute();
        await recordAudits(
          trx,
          ctx,
          removed.map((m) => ({
            entity: 'meeting',
            entityId: m.id,
            action: 'cancel',
            before: { held_on: m.held_on, seq: m.seq },
            reason: '会议系列结束时间提前',
          })),
        );
      }
    }
    const through = endChanged
      ? throughAfterEndChange(rhythm, s.laid_out_through, today)
      : s.laid_out_through;
    const updated = await trx
      .updateTable('meeting_series')
      .set({
        ...fields,
        ends: JSON.stringify(end),
        laid_out_through: through,
        version: s.version + 1,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const added = endChanged ? await layOutSeries(trx, ctx, updated, today) : [];
    await recordAudit(trx, ctx, {
      entity: 'meeting_series',
      entityId: id,
      action: 'update',
      before: {
        ...Object.fromEntries(keys.map((k) => [k, s[k]])),
        ...(endChanged && { ends: s.ends }),
      },
      after: {
        ...fields,
        ...(endChanged && { ends: end }),
        ...(removed.length && { removedMeetings: removed.map((m) => m.held_on) }),
        ...(added.length && { addedMeetings: added.map((m) => m.held_on) }),
      },
    });
    return id;
  });
}
