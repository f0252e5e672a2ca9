/**
 * Reading meetings: the calendar and list (the issue-12 way: the filters over `meetings` alone,
 * counted up to 10,000, then names and counts for the page's rows only), one meeting with its
 * agenda, outcomes and attendance, the series, and attendance counts per unit and month.
 */
import {
  type attendanceCountQuery,
  type AttendanceStatus,
  type Disposition,
  type ItemBrief,
  type MeetingAction,
  type MeetingDetail,
  type MeetingEntry,
  type meetingQuery,
  type MeetingSection,
  type MeetingSeries,
  type MeetingStatus,
  type MeetingSummary,
  type MeetingType,
  type Recurrence,
  type SeriesEnd,
  type seriesQuery,
} from '@ducha/contract';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Executor } from '../../db/connection.ts';
import { actorOf, type Actor, type Ctx } from '../../platform/access/context.ts';
import { scopeKind } from '../../platform/access/scope.ts';
import { notFound, outOfScope } from '../../platform/errors.ts';
import { containing, paged } from '../../platform/records.ts';
import {
  getRegion,
  regionCodeInScope,
  regionCodeUnderCode,
  regionNameOf,
  regionPathOf,
} from '../../platform/regions.ts';
import { userNameOf } from '../../platform/auth/accounts.ts';
import { itemBriefOf, itemOpenOf, loadItemSettings } from '../items/index.ts';
import { currentHolderNameOf, positionNameOf, unitNameOf } from '../org/index.ts';
import { projectCodeOf, projectNameOf } from '../projects/index.ts';
import { canManageMeeting, canReadMeeting } from './policy.ts';
import { readableMeeting } from './repo.ts';
import { allowedActions, closeBlockers, minutesNumber, stateAllows, tallyAttendance } from './rules.ts';

/** The meetings the actor reads, as a filter on `m`. */
function inScope(actor: Actor) {
  return sql<boolean>`${scopeFilter(actor)}`;
}
function scopeFilter(actor: Actor) {
  switch (scopeKind(actor)) {
    case 'global':
      return sql`true`;
    case 'region':
      return regionCodeInScope(actor, 'm.region_code');
    case 'unit': {
      const u = actor.unitId ?? -1;
      return sql`(m.attendee_unit_ids @> array[${u}]::int[] or exists (select 1 from meeting_entries e
        where e.unit_id = ${u} and e.section = 'unit_report' and e.meeting_id = m.id))`;
    }
    case 'own':
      return sql`false`;
  }
}

const monthRange = (month: string) => {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return [`${month}-01`, `${month}-${String(last).padStart(2, '0')}`] as const;
};

/** Names and counts of the given meetings (the page's rows), in the order given. */
export async function meetingSummaries(db: Executor, ids: readonly number[]): Promise<MeetingSummary[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('meetings as m')
    .leftJoin('meeting_series as s', 's.id', 'm.series_id')
    .select([
      'm.id',
      'm.series_id',
      's.title as series_title',
      'm.seq',
      'm.type',
      'm.title',
      'm.region_code',
      regionNameOf('m.region_code').as('region_name'),
      'm.held_on',
      'm.meet_time',
      'm.place',
      'm.status',
      'm.moved',
      'm.minutes_year',
      'm.minutes_seq',
      'm.version',
      sql<number>`(select count(distinct o.item_id)::int from meeting_outcomes o
        where o.meeting_id = m.id and o.tracked and o.kind <> 'disposition')`.as('decisions'),
      sql<number>`(select count(distinct o.item_id)::int from meeting_outcomes o
        where o.meeting_id = m.id and o.tracked and o.kind <> 'disposition' and ${itemOpenOf('o.item_id')})`.as(
        'open_decisions',
      ),
    ])
    .where('m.id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => {
    const r = byId.get(id)!;
    return {
      id: r.id,
      seriesId: r.series_id,
      seriesTitle: r.series_title,
      seq: r.seq,
      type: r.type as MeetingType,
      title: r.title,
      regionCode: r.region_code,
      regionName: r.region_name,
      heldOn: r.held_on,
      time: r.meet_time,
      place: r.place,
      status: r.status as MeetingStatus,
      moved: r.moved,
      minutesNo: minutesNumber(r.minutes_year, r.minutes_seq),
      decisions: r.decisions,
      openDecisions: r.open_decisions,
      version: r.version,
    };
  });
}

/** The calendar and the list: filters over `meetings` only, then the page's names and counts. */
export async function listMeetings(db: Executor, ctx: Ctx, q: z.infer<typeof meetingQuery>) {
  const actor = actorOf(ctx);
  let base = db.selectFrom('meetings as m').where(inScope(actor));
  if (q.month) {
    const [from, to] = monthRange(q.month);
    base = base.where('m.held_on', '>=', from).where('m.held_on', '<=', to);
  }
  if (q.seriesId) base = base.where('m.series_id', '=', q.seriesId);
  if (q.status) base = base.where('m.status', '=', q.status);
  if (q.type) base = base.where('m.type', '=', q.type);
  if (q.regionCode) base = base.where(regionCodeUnderCode('m.region_code', q.regionCode));
  if (q.q) base = base.where('m.title', 'ilike', containing(q.q));
  const dir = q.sort === '-heldOn' ? 'desc' : 'asc';
  const page = await paged(db, base, (b) => b.select('m.id').orderBy('m.held_on', dir).orderBy('m.id', dir), {
    page: q.page,
    pageSize: q.pageSize,
    present: (r: { id: number }) => r.id,
  });
  return { ...page, items: await meetingSummaries(db, page.items) };
}

const chairOf = (r: {
  chair_position_id: number | null;
  chair_title: string | null;
  chair_holder: string | null;
}) =>
  r.chair_position_id === null
    ? null
    : { positionId: r.chair_position_id, title: r.chair_title ?? '', holder: r.chair_holder };

/** One meeting: its agenda with each entry's live item, its outcomes, attendance and what one may do. */
export async function meetingDetail(db: Executor, actor: Actor, id: number): Promise<MeetingDetail> {
  const m = await readableMeeting(db, actor, id);
  const on = m.held_on;
  const [summary] = await meetingSummaries(db, [id]);
  const [head, entries, outcomes, attendance, settings] = await Promise.all([
    db
      .selectFrom('meetings as m')
      .leftJoin('meetings as p', 'p.id', 'm.previous_id')
      .select([
        positionNameOf('m.chair_position_id').as('chair_title'),
        currentHolderNameOf('m.chair_position_id').as('chair_holder'),
        'p.id as prev_id',
        'p.title as prev_title',
        'p.held_on as prev_held_on',
        'p.seq as prev_seq',
      ])
      .where('m.id', '=', id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('meeting_entries as e')
      .leftJoin('meeting_entries as c', 'c.id', 'e.carried_from_entry_id')
      .leftJoin('meetings as cm', 'cm.id', 'c.meeting_id')
      .select([
        'e.id',
        'e.section',
        'e.sort',
        sql<string>`coalesce(nullif(e.title, ''), ${projectNameOf('e.project_id')}, '')`.as('title'),
        'e.detail',
        'e.item_id',
        'e.project_id',
        'e.unit_id',
        'e.status',
        'e.disposition',
        'e.disposition_note',
        'e.disposition_date',
        'e.carried_times',
        'e.version',
        itemBriefOf('e.item_id', on).as('item'),
        projectCodeOf('e.project_id').as('project_code'),
        projectNameOf('e.project_id').as('project_name'),
        unitNameOf('e.unit_id').as('unit_name'),
        'cm.id as carried_meeting_id',
        'cm.title as carried_title',
        'cm.held_on as carried_held_on',
        'cm.seq as carried_seq',
      ])
      .where('e.meeting_id', '=', id)
      .execute(),
    db
      .selectFrom('meeting_outcomes as o')
      .select([
        'o.id',
        'o.entry_id',
        'o.kind',
        'o.note',
        'o.item_id',
        'o.step',
        'o.created_at',
        userNameOf('o.created_by').as('created_by'),
        itemBriefOf('o.item_id', on).as('item'),
      ])
      .where('o.meeting_id', '=', id)
      .orderBy('o.id')
      .execute(),
    db
      .selectFrom('meeting_attendance as a')
      .select([
        'a.unit_id',
        'a.person_name',
        'a.status',
        'a.delegate',
        'a.reason',
        unitNameOf('a.unit_id').as('unit_name'),
      ])
      .where('a.meeting_id', '=', id)
      .execute(),
    loadItemSettings(db),
  ]);
  const order = new Map<string, number>(
    ['review', 'open_items', 'lights', 'unit_report', 'manual'].map((s, i) => [s, i]),
  );
  entries.sort((a, b) => order.get(a.section)! - order.get(b.section)! || a.sort - b.sort || a.id - b.id);
  const byEntry = new Map<number, MeetingEntry['outcomes']>();
  for (const o of outcomes) {
    const list = byEntry.get(o.entry_id) ?? [];
    list.push({
      id: o.id,
      entryId: o.entry_id,
      kind: o.kind === 'disposition' ? 'note' : (o.kind as 'note' | 'item' | 'decision'),
      note: o.note,
      item: o.item as ItemBrief | null,
      step: o.step,
      createdBy: o.created_by,
      createdAt: o.created_at.toISOString(),
    });
    byEntry.set(o.entry_id, list);
  }
  // expected: attendees, then the 现场交账 units; then whoever else was recorded
  const expected = [
    ...new Set([
      ...m.attendee_unit_ids,
      ...entries.filter((e) => e.section === 'unit_report' && e.unit_id !== null).map((e) => e.unit_id!),
    ]),
  ];
  const names = new Map<number, string>();
  for (const e of entries) if (e.unit_id !== null && e.unit_name) names.set(e.unit_id, e.unit_name);
  for (const a of attendance) names.set(a.unit_id, a.unit_name ?? '');
  const missing = expected.filter((u) => !names.has(u));
  if (missing.length) {
    const rows = await db
      .selectFrom('meetings as m')
      .select(
        sql<
          { id: number; name: string }[]
        >`(select coalesce(json_agg(json_build_object('id', u.id, 'name', ${unitNameOf('u.id')})), '[]') from unnest(${sql.val(missing)}::int[]) as u(id))`.as(
          'units',
        ),
      )
      .where('m.id', '=', id)
      .executeTakeFirstOrThrow();
    for (const u of rows.units) names.set(u.id, u.name);
  }
  const recorded = new Set(attendance.map((a) => a.unit_id));
  const sheet: MeetingDetail['attendance'] = [
    ...attendance.map((a) => ({
      unit: { id: a.unit_id, name: a.unit_name ?? '' },
      personName: a.person_name,
      status: a.status as AttendanceStatus,
      delegate: a.delegate,
      reason: a.reason,
    })),
    ...expected
      .filter((u) => !recorded.has(u))
      .map((u) => ({
        unit: { id: u, name: names.get(u) ?? '' },
        personName: '',
        status: null,
        delegate: null,
        reason: null,
      })),
  ];
  const status = m.status as MeetingStatus;
  const manages = canManageMeeting(actor, m.region_path);
  const review = entries.filter((e) => e.section === 'review');
  return {
    meeting: {
      ...summary!,
      level: m.level,
      levelLabel: settings.ladder[m.level - 1] ?? `第${m.level}级`,
      chair: chairOf({ chair_position_id: m.chair_position_id, ...head }),
      sections: m.sections as MeetingSection[],
      agendaGeneratedAt: m.agenda_generated_at?.toISOString() ?? null,
      previous:
        head.prev_id === null
          ? null
          : {
              id: head.prev_id,
              title: head.prev_seq ? `${head.prev_title}（第${head.prev_seq}次）` : head.prev_title!,
              heldOn: head.prev_held_on!,
            },
      reopenCount: m.reopen_count,
    },
    entries: entries.map((e) => ({
      id: e.id,
      section: e.section as MeetingSection,
      sort: e.sort,
      title: e.title,
      detail: e.detail,
      item: e.item as ItemBrief | null,
      project:
        e.project_id === null
          ? null
          : { id: e.project_id, code: e.project_code ?? '', name: e.project_name ?? '' },
      unit: e.unit_id === null ? null : { id: e.unit_id, name: e.unit_name ?? '' },
      status: e.status as MeetingEntry['status'],
      disposition: e.disposition as Disposition | null,
      dispositionNote: e.disposition_note,
      dispositionDate: e.disposition_date,
      carriedFrom:
        e.carried_meeting_id === null
          ? null
          : {
              meetingId: e.carried_meeting_id,
              title: e.carried_seq ? `${e.carried_title}（第${e.carried_seq}次）` : e.carried_title!,
              heldOn: e.carried_held_on!,
              times: e.carried_times,
            },
      outcomes: byEntry.get(e.id) ?? [],
      version: e.version,
    })),
    attendance: sheet,
    allowedActions: allowedActions(status, manages) as MeetingAction[],
    canEditAgenda: manages && stateAllows.plan(status),
    canRecord: manages && stateAllows.record(status),
    undisposed: closeBlockers(review.map((e) => ({ disposition: e.disposition as Disposition | null }))),
  };
}

// ---- series ----
function seriesScope(actor: Actor) {
  switch (scopeKind(actor)) {
    case 'global':
      return sql<boolean>`true`;
    case 'region':
      return regionCodeInScope(actor, 's.region_code');
    case 'unit':
      return sql<boolean>`s.attendee_unit_ids @> array[${actor.unitId ?? -1}]::int[]`;
    case 'own':
      return sql<boolean>`false`;
  }
}

async function seriesRows(db: Executor, ids: readonly number[]): Promise<MeetingSeries[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('meeting_series as s')
    .selectAll('s')
    .select([
      regionNameOf('s.region_code').as('region_name'),
      positionNameOf('s.chair_position_id').as('chair_title'),
      currentHolderNameOf('s.chair_position_id').as('chair_holder'),
      sql<number>`(select count(*)::int from meetings m where m.series_id = s.id)`.as('meeting_count'),
      sql<{ id: number; name: string }[]>`(select coalesce(json_agg(json_build_object('id', u.id,
        'name', ${unitNameOf('u.id')}) order by u.ord), '[]') from unnest(s.attendee_unit_ids) with ordinality as u(id, ord))`.as(
        'attendees',
      ),
    ])
    .where('s.id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => {
    const r = byId.get(id)!;
    return {
      id: r.id,
      type: r.type as MeetingType,
      title: r.title,
      regionCode: r.region_code,
      regionName: r.region_name,
      level: r.level,
      chair: chairOf(r),
      time: r.meet_time,
      place: r.place,
      startsOn: r.starts_on,
      recurrence: r.recurrence as Recurrence,
      end: r.ends as SeriesEnd,
      attendeeUnits: r.attendees,
      meetingCount: r.meeting_count,
      version: r.version,
    };
  });
}

export async function listSeries(db: Executor, ctx: Ctx, q: z.infer<typeof seriesQuery>) {
  const actor = actorOf(ctx);
  let base = db.selectFrom('meeting_series as s').where(seriesScope(actor));
  if (q.type) base = base.where('s.type', '=', q.type);
  if (q.q) base = base.where('s.title', 'ilike', containing(q.q));
  const page = await paged(
    db,
    base,
    (b) => b.select('s.id').orderBy('s.starts_on', 'desc').orderBy('s.id', 'desc'),
    {
      page: q.page,
      pageSize: q.pageSize,
      present: (r: { id: number }) => r.id,
    },
  );
  return { ...page, items: await seriesRows(db, page.items) };
}

/** A series with every meeting of it (the actor's reach: a unit sees the meetings it is called to). */
export async function seriesDetail(db: Executor, actor: Actor, id: number) {
  const s = await db
    .selectFrom('meeting_series as s')
    .select(['s.id', 's.region_code', 's.attendee_unit_ids'])
    .select(regionPathOf('s.region_code').as('path'))
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!s) throw notFound();
  if (!canReadMeeting(actor, { regionPath: s.path, unitIds: s.attendee_unit_ids })) throw outOfScope();
  const ids = await db
    .selectFrom('meetings as m')
    .select('m.id')
    .where('m.series_id', '=', id)
    .where(inScope(actor))
    .orderBy('m.held_on')
    .orderBy('m.id')
    .execute();
  const [series] = await seriesRows(db, [id]);
  return {
    series: series!,
    meetings: await meetingSummaries(
      db,
      ids.map((r) => r.id),
    ),
    canManage: canManageMeeting(actor, s.path),
  };
}

// ---- attendance counts (assessment) ----

/** Per unit: the meetings held in the month (in progress or closed) it was recorded at, by answer. */
export async function attendanceCounts(db: Executor, ctx: Ctx, q: z.infer<typeof attendanceCountQuery>) {
  const actor = actorOf(ctx);
  const [from, to] = monthRange(q.month);
  let base = db
    .selectFrom('meeting_attendance as a')
    .innerJoin('meetings as m', 'm.id', 'a.meeting_id')
    .where('m.held_on', '>=', from)
    .where('m.held_on', '<=', to)
    .where('m.status', 'in', ['in_progress', 'closed'])
    .where(inScope(actor));
  if (q.regionCode) {
    const region = await getRegion(db, q.regionCode);
    if (!region) return [];
    base = base.where(regionCodeUnderCode('m.region_code', q.regionCode));
  }
  if (scopeKind(actor) === 'unit') base = base.where('a.unit_id', '=', actor.unitId ?? -1);
  const rows = await base
    .select(['a.unit_id', 'a.meeting_id', 'a.status', unitNameOf('a.unit_id').as('unit_name')])
    .execute();
  const byUnit = new Map<number, { name: string; rows: { meetingId: number; status: AttendanceStatus }[] }>();
  for (const r of rows) {
    const u = byUnit.get(r.unit_id) ?? { name: r.unit_name ?? '', rows: [] };
    u.rows.push({ meetingId: r.meeting_id, status: r.status as AttendanceStatus });
    byUnit.set(r.unit_id, u);
  }
  return [...byUnit.entries()]
    .map(([id, u]) => ({ unit: { id, name: u.name }, ...tallyAttendance(u.rows) }))
    .sort((a, b) => b.absent - a.absent || a.unit.name.localeCompare(b.unit.name, 'zh'));
}
