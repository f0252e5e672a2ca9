/**
 * The volume of bench:agenda, set-based (a few INSERT … SELECT statements, seconds): `projects`
 * projects across the demo city's districts and counties with responsible units and October 2026's
 * lights (≈ 8 % red, 15 % yellow) under a published close; `openItems` open items on them (60 % at
 * the office's rung 3, a quarter of those overdue), and the monthly 例会 series' October meeting,
 * closed, with 30 decisions (tracked items) and 40 entries it did not reach. Returns November's
 * meeting, ready to generate.
 */
import { sql } from 'kysely';
import type { Db } from '../packages/server/src/db/connection.ts';

export async function buildAgendaVolume(db: Db, o: { projects: number; openItems: number }) {
  const { projects: N, openItems: I } = o;
  await sql`insert into projects (code, name, region_code, sector, investment_nature, total_investment, stage, responsible_unit_id, leader_position_id, reports_from)
    select 'B-' || g, '基准项目' || g, (array['230602','230603','230604','230605','230606','230621','230622','230623','230624'])[1 + g % 9],
           (array['工业','农业','基础设施','城乡建设','社会事业'])[1 + g % 5], 'government', 10000 + g % 500, 'continuing',
           1 + g % 20, 1 + g % 7, date '2025-01-01'
    from generate_series(1, ${N}) g`.execute(db);
  await sql`insert into month_closes (region_code, year, month, status, computed_at, published_at, rules_version, indicators, region_indicators)
    values ('230600', 2026, 10, 'published', now(), now(), 1, '{}', '{}')`.execute(db);
  await sql`insert into lights (project_id, year, month, computed, reasons, streak, red_streak, referral, planned_to_date, done_to_date, closed_by_region)
    select p.id, 2026, 10, case when p.id % 12 = 0 then 'red' when p.id % 7 = 0 then 'yellow' else 'green' end,
      case when p.id % 12 = 0 or p.id % 7 = 0 then '[{"code":"PACE","values":{},"text":"投资完成率低于序时进度"}]'::jsonb else '[]'::jsonb end,
      1, case when p.id % 12 = 0 then 1 + p.id % 3 else 0 end, false, 1000, 800, '230600'
    from projects p`.execute(db);
  await sql`insert into items (code, kind, source, project_id, region_code, category, title, description, raised_on,
      responsible_unit_id, level, status, assigned_on, response_due, resolution_due, due_date)
    select 'WT-2026-' || lpad(g::text, 5, '0'), 'problem', 'project', p.id, p.region_code, '资金', '问题' || g, '描述' || g,
      '2026-06-01', p.responsible_unit_id, case when g % 5 < 3 then 3 when g % 5 = 3 then 2 else 4 end,
      (array['assigned','responded','returned','new'])[1 + g % 4], '2026-06-02', '2026-06-08',
      case when g % 4 = 0 then date '2026-09-30' else date '2026-12-31' end,
      case when g % 4 = 0 then date '2026-09-30' else date '2026-12-31' end
    from generate_series(1, ${I}) g join projects p on p.id = 1 + (g * 37) % ${N}`.execute(db);
  const series = await sql<{
    id: number;
  }>`insert into meeting_series (type, title, region_code, level, sections, starts_on, recurrence, ends)
    values ('monthly', '市重点项目月度例会', '230600', 3, array['review','open_items','lights','unit_report','manual'],
      '2026-10-01', '{"freq":"monthly","day":15}', '{"kind":"never"}') returning id`.execute(db);
  const sid = series.rows[0]!.id;
  const ms = await sql<{
    id: number;
    seq: number;
  }>`insert into meetings (series_id, seq, type, title, region_code, level, sections, held_on, status, agenda_generated_at)
    values (${sid}, 1, 'monthly', '市重点项目月度例会', '230600', 3, array['review','open_items','lights','unit_report','manual'], '2026-10-15', 'closed', now()),
           (${sid}, 2, 'monthly', '市重点项目月度例会', '230600', 3, array['review','open_items','lights','unit_report','manual'], '2026-11-15', 'scheduled', null)
    returning id, seq`.execute(db);
  const oct = ms.rows.find((r) => r.seq === 1)!.id;
  const nov = ms.rows.find((r) => r.seq === 2)!.id;
  // October's agenda: 30 entries decided on, 40 not reached (open items at rung 3 and hand-added ones)
  await sql`insert into meeting_entries (meeting_id, section, sort, title, item_id, project_id, unit_id, status, generated)
    select ${oct}, case when g <= 60 then 'open_items' else 'manual' end, g, i.title, i.id, i.project_id, i.responsible_unit_id,
      case when g <= 30 then 'reached' else 'not_reached' end, g <= 60
    from (select row_number() over (order by id) g, * from items where level = 3 limit 70) i`.execute(db);
  await sql`insert into meeting_outcomes (meeting_id, entry_id, kind, note, item_id, step, tracked)
    select ${oct}, e.id, 'item', '限期解决：' || e.title, e.item_id, 'remind', true
    from meeting_entries e where e.meeting_id = ${oct} and e.status = 'reached'`.execute(db);
  await sql`analyze`.execute(db);
  return { series: sid, october: oct, november: nov };
}
