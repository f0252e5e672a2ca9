/**
 * The agenda generator (issue 13), set-based: a handful of INSERT … SELECT statements, whatever the
 * number of projects and items, built from the owners' SQL builders (items: open items and their
 * overdue flag; projects: the region's projects; lights: the month's red and yellow ones) beside
 * this module's own tables. In order:
 *   (a) review — 对照检查: every item the previous closed meeting of the series decided on or kept
 *       tracking, one entry per item, in the order they were decided;
 *   (b) open_items — the open items at the meeting's rung in its region subtree, overdue first,
 *       then by deadline; an item already under (a) is not repeated;
 *   (c) lights — the red and yellow projects of the newest published month, red first;
 *   (d) unit_report — 现场交账: one entry per responsible unit with its projects, lights and open items;
 *   (e) manual — entries added by hand (kept when regenerating).
 * Entries the previous meeting did not reach are carried over: a regenerated entry on the same item,
 * project or unit is marked as carried (with the times), and a hand-added one is added again.
 */
import { sql } from 'kysely';
import type { MeetingSection } from '@ducha/contract';
import type { Trx } from '../../db/connection.ts';
import { openItemsSql } from '../items/index.ts';
import { publishedLightMonth, warningLightsSql } from '../lights/index.ts';
import { unitNameOf } from '../org/index.ts';
import { closeScopeSql, projectNameOf } from '../projects/index.ts';
import type { MeetingRow } from './repo.ts';
import { previousClosed } from './repo.ts';

export interface AgendaCounts {
  review: number;
  open_items: number;
  lights: number;
  unit_report: number;
  carried: number;
  lightMonth: string | null;
}

/**
 * (Re)generates the agenda of meeting `m` in the caller's transaction: drops the generated entries
 * (a meeting being planned has no outcomes yet) and writes them again; hand-added entries stay.
 */
export async function generateAgenda(trx: Trx, m: MeetingRow): Promise<AgendaCounts> {
  const sections = new Set(m.sections as MeetingSection[]);
  const prev = await previousClosed(trx, m);
  await trx
    .deleteFrom('meeting_entries')
    .where('meeting_id', '=', m.id)
    .where('generated', '=', true)
    .execute();
  const path = m.region_path;
  const on = m.held_on;
  // what the previous meeting did not reach, of one section: a regenerated entry on the same item,
  // project or unit is marked as carried from it (a hash join on a few dozen rows)
  const notReached = (section: MeetingSection) => sql`select id, carried_times, item_id, project_id, unit_id
    from meeting_entries where meeting_id = ${prev?.id ?? -1} and section = ${section} and status = 'not_reached'`;
  const counts: AgendaCounts = {
    review: 0,
    open_items: 0,
    lights: 0,
    unit_report: 0,
    carried: 0,
    lightMonth: null,
  };

  // (a) 对照检查: the items the previous meeting decided on or kept tracking, in the order decided
  if (sections.has('review') && prev) {
    const r = await sql`
      insert into meeting_entries (meeting_id, section, sort, title, detail, item_id, project_id, unit_id)
      select ${m.id}, 'review', row_number() over (order by d.first_id), d.note,
        jsonb_build_object('fromMeetingId', ${prev.id}::int, 'decision', d.note, 'step', d.step),
        d.item_id, d.project_id, d.unit_id
      from (
        select distinct on (o.item_id) o.item_id, o.id as first_id, o.note, o.step, e.project_id, e.unit_id
        from meeting_outcomes o join meeting_entries e on e.id = o.entry_id
        where o.meeting_id = ${prev.id} and o.tracked and o.item_id is not null
        order by o.item_id, o.id desc
      ) d`.execute(trx);
    counts.review = Number(r.numAffectedRows ?? 0);
  }

  // (b) open items at the meeting's rung and region, overdue first
  if (sections.has('open_items')) {
    const r = await sql`
      with nr as (${notReached('open_items')})
      insert into meeting_entries (meeting_id, section, sort, title, detail, item_id, project_id, unit_id,
        carried_from_entry_id, carried_times)
      select ${m.id}, 'open_items',
        row_number() over (order by o.overdue desc, o.due_date nulls last, o.code),
        o.title, jsonb_build_object('code', o.code, 'overdue', o.overdue, 'dueDate', o.due_date),
        o.id, o.project_id, o.responsible_unit_id, nr.id, coalesce(nr.carried_times + 1, 0)
      from (${openItemsSql(path, on, m.level)}) o left join nr on nr.item_id = o.id
      where not exists (select 1 from meeting_entries r
        where r.meeting_id = ${m.id} and r.section = 'review' and r.item_id = o.id)`.execute(trx);
    counts.open_items = Number(r.numAffectedRows ?? 0);
  }

  // (c) and (d) read the newest published month's lights
  const month =
    sections.has('lights') || sections.has('unit_report')
      ? await publishedLightMonth(trx, path, on.slice(0, 7))
      : null;
  if (month) counts.lightMonth = `${month[0]}-${String(month[1]).padStart(2, '0')}`;
  const scope = sql`scope`;

  // (c) the red and yellow projects, red first (the longest red streak first); their names are read
  // live beside the rows when shown, so nothing per project is looked up here
  if (sections.has('lights') && month) {
    const r = await sql`
      with scope as not materialized (${closeScopeSql(path)}), w as (${warningLightsSql(scope, month[0], month[1])}),
      nr as (${notReached('lights')})
      insert into meeting_entries (meeting_id, section, sort, title, detail, project_id, unit_id,
        carried_from_entry_id, carried_times)
      select ${m.id}, 'lights',
        row_number() over (order by case w.color when 'red' then 0 else 1 end, w.red_streak desc, w.project_id),
        '', jsonb_build_object('color', w.color, 'reasons', w.reasons, 'redStreak', w.red_streak,
          'month', ${counts.lightMonth}::text),
        w.project_id, s.responsible_unit_id, nr.id, coalesce(nr.carried_times + 1, 0)
      from w join scope s on s.id = w.project_id left join nr on nr.project_id = w.project_id`.execute(trx);
    counts.lights = Number(r.numAffectedRows ?? 0);
  }

  // (d) 现场交账: one section per responsible unit, the units with the most red and yellow first.
  // Its red and yellow projects are the lights section's when there is one (just written).
  if (sections.has('unit_report')) {
    const warned =
      sections.has('lights') && month
        ? sql`select project_id, unit_id, detail->>'color' as color from meeting_entries
            where meeting_id = ${m.id} and section = 'lights'`
        : month
          ? sql`select w.project_id, s.responsible_unit_id as unit_id, w.color
              from (${warningLightsSql(scope, month[0], month[1])}) w join scope s on s.id = w.project_id`
          : sql`select null::int as project_id, null::int as unit_id, null::text as color where false`;
    const r = await sql`
      with scope as not materialized (${closeScopeSql(path)}), w as (${warned}), oi as (${openItemsSql(path, on)}),
      nr as (${notReached('unit_report')}),
      per as (
        select s.responsible_unit_id as unit_id, count(*)::int as projects
        from scope s where s.responsible_unit_id is not null group by s.responsible_unit_id
      ),
      lit as (
        select w.unit_id, count(*) filter (where w.color = 'red')::int as red,
          count(*) filter (where w.color = 'yellow')::int as yellow,
          (array_agg(w.project_id order by (w.color = 'red') desc, w.project_id))[1:10] as warned
        from w where w.unit_id is not null group by w.unit_id
      ),
      its as (
        select oi.responsible_unit_id as unit_id, count(*)::int as open, count(*) filter (where oi.overdue)::int as overdue
        from oi where oi.responsible_unit_id is not null group by oi.responsible_unit_id
      )
      insert into meeting_entries (meeting_id, section, sort, title, detail, unit_id, carried_from_entry_id, carried_times)
      select ${m.id}, 'unit_report',
        row_number() over (order by coalesce(lit.red, 0) desc, coalesce(lit.yellow, 0) desc,
          coalesce(its.overdue, 0) desc, n.name, p.unit_id),
        n.name || ' 现场交账',
        jsonb_build_object('projects', p.projects, 'red', coalesce(lit.red, 0), 'yellow', coalesce(lit.yellow, 0),
          'openItems', coalesce(its.open, 0), 'overdueItems', coalesce(its.overdue, 0),
          'month', ${counts.lightMonth}::text,
          'warned', coalesce((select jsonb_agg(jsonb_build_object('id', x.id, 'name', ${projectNameOf('x.id')},
            'color', (select w.color from w where w.project_id = x.id limit 1)) order by x.ord)
            from unnest(lit.warned) with ordinality as x(id, ord)), '[]'::jsonb)),
        p.unit_id, nr.id, coalesce(nr.carried_times + 1, 0)
      from per p left join lit on lit.unit_id = p.unit_id left join its on its.unit_id = p.unit_id
      left join nr on nr.unit_id = p.unit_id
      cross join lateral (select ${unitNameOf('p.unit_id')} as name) n`.execute(trx);
    counts.unit_report = Number(r.numAffectedRows ?? 0);
  }

  // carried over: the hand-added entries the previous meeting did not reach come again
  if (prev) {
    await sql`
      insert into meeting_entries (meeting_id, section, sort, title, detail, item_id, project_id, unit_id,
        carried_from_entry_id, carried_times)
      select ${m.id}, 'manual',
        coalesce((select max(sort) from meeting_entries x where x.meeting_id = ${m.id} and x.section = 'manual'), 0)
          + row_number() over (order by p.sort, p.id),
        p.title, p.detail, p.item_id, p.project_id, p.unit_id, p.id, p.carried_times + 1
      from meeting_entries p
      where p.meeting_id = ${prev.id} and p.status = 'not_reached' and p.section = 'manual'`.execute(trx);
    const carried = await trx
      .selectFrom('meeting_entries')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('meeting_id', '=', m.id)
      .where('carried_from_entry_id', 'is not', null)
      .executeTakeFirstOrThrow();
    counts.carried = Number(carried.n);
  }

  await trx
    .updateTable('meetings')
    .set({ agenda_generated_at: new Date(), previous_id: prev?.id ?? null })
    .where('id', '=', m.id)
    .execute();
  return counts;
}
