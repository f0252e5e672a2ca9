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
import { monthLightsSql, publishedLightMonth, warningLightsSql } from '../lights/index.ts';
import { unitNameOf } from '../org/index.ts';
import { closeScopeSql, projectCodeOf, projectNameOf } from '../projects/index.ts';
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
      insert into meeting_entries (meeting_id, section, sort, title, detail, item_id, project_id, unit_id)
      select ${m.id}, 'open_items',
        row_number() over (order by o.overdue desc, o.due_date nulls last, o.code),
        o.title, jsonb_build_object('code', o.code, 'overdue', o.overdue, 'dueDate', o.due_date),
        o.id, o.project_id, o.responsible_unit_id
      from (${openItemsSql(path, on, m.level)}) o
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

  if (sections.has('lights') && month) {
    const r = await sql`
      with scope as (${closeScopeSql(path)}), w as (${warningLightsSql(scope, month[0], month[1])})
      insert into meeting_entries (meeting_id, section, sort, title, detail, project_id, unit_id)
      select ${m.id}, 'lights',
        row_number() over (order by case w.color when 'red' then 0 else 1 end, w.red_streak desc, x.code),
        x.name, jsonb_build_object('color', w.color, 'reasons', w.reasons, 'redStreak', w.red_streak,
          'month', ${counts.lightMonth}::text, 'code', x.code),
        w.project_id, s.responsible_unit_id
      from w join scope s on s.id = w.project_id
      cross join lateral (select ${projectCodeOf('w.project_id')} as code, ${projectNameOf('w.project_id')} as name) x`.execute(
      trx,
    );
    counts.lights = Number(r.numAffectedRows ?? 0);
  }

  // (d) 现场交账: one section per responsible unit, the units with the most red and yellow first
  if (sections.has('unit_report')) {
    const lights = month
      ? monthLightsSql(scope, month[0], month[1])
      : sql`select null::int as project_id, null::text as color where false`;
    const r = await sql`
      with scope as (${closeScopeSql(path)}), lt as (${lights}), oi as (${openItemsSql(path, on)}),
      per as (
        select s.responsible_unit_id as unit_id, count(*)::int as projects,
          count(*) filter (where lt.color = 'red')::int as red,
          count(*) filter (where lt.color = 'yellow')::int as yellow,
          count(*) filter (where lt.color = 'green')::int as green,
          (array_agg(s.id order by (lt.color = 'red') desc, s.id) filter (where lt.color in ('red', 'yellow')))[1:10] as warned
        from scope s left join lt on lt.project_id = s.id
        where s.responsible_unit_id is not null group by s.responsible_unit_id
      ),
      its as (
        select oi.responsible_unit_id as unit_id, count(*)::int as open, count(*) filter (where oi.overdue)::int as overdue
        from oi where oi.responsible_unit_id is not null group by oi.responsible_unit_id
      )
      insert into meeting_entries (meeting_id, section, sort, title, detail, unit_id)
      select ${m.id}, 'unit_report',
        row_number() over (order by p.red desc, p.yellow desc, coalesce(its.overdue, 0) desc, n.name, p.unit_id),
        n.name || ' 现场交账',
        jsonb_build_object('projects', p.projects, 'red', p.red, 'yellow', p.yellow, 'green', p.green,
          'openItems', coalesce(its.open, 0), 'overdueItems', coalesce(its.overdue, 0),
          'month', ${counts.lightMonth}::text,
          'warned', coalesce((select jsonb_agg(jsonb_build_object('id', w.id, 'name', ${projectNameOf('w.id')},
            'color', (select lt.color from lt where lt.project_id = w.id)) order by w.ord)
            from unnest(p.warned) with ordinality as w(id, ord)), '[]'::jsonb)),
        p.unit_id
      from per p left join its on its.unit_id = p.unit_id
      cross join lateral (select ${unitNameOf('p.unit_id')} as name) n`.execute(trx);
    counts.unit_report = Number(r.numAffectedRows ?? 0);
  }

  // carried over: what the previous meeting did not reach
  if (prev) {
    const matched = await sql`
      update meeting_entries e set carried_from_entry_id = p.id, carried_times = p.carried_times + 1
      from meeting_entries p
      where e.meeting_id = ${m.id} and e.generated and e.section <> 'review'
        and p.meeting_id = ${prev.id} and p.status = 'not_reached' and p.section = e.section
        and p.item_id is not distinct from e.item_id and p.project_id is not distinct from e.project_id
        and p.unit_id is not distinct from e.unit_id`.execute(trx);
    const manual = await sql`
      insert into meeting_entries (meeting_id, section, sort, title, detail, item_id, project_id, unit_id,
        carried_from_entry_id, carried_times)
      select ${m.id}, 'manual',
        coalesce((select max(sort) from meeting_entries x where x.meeting_id = ${m.id} and x.section = 'manual'), 0)
          + row_number() over (order by p.sort, p.id),
        p.title, p.detail, p.item_id, p.project_id, p.unit_id, p.id, p.carried_times + 1
      from meeting_entries p
      where p.meeting_id = ${prev.id} and p.status = 'not_reached' and p.section = 'manual'
        and not exists (select 1 from meeting_entries e where e.meeting_id = ${m.id} and e.carried_from_entry_id = p.id)`.execute(
      trx,
    );
    counts.carried = Number(matched.numAffectedRows ?? 0) + Number(manual.numAffectedRows ?? 0);
  }

  await trx
    .updateTable('meetings')
    .set({ agenda_generated_at: new Date(), previous_id: prev?.id ?? null })
    .where('id', '=', m.id)
    .execute();
  return counts;
}
