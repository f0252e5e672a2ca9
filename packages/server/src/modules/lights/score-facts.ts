/**
 * What the assessment ledger reads of a closed month's lights (issue 15), for the projects of a
 * region subtree: the red lights (the office's override when there is one) and the accountability
 * referrals the close raised (问责: red two months in a row, `referral` on the light), and each lead
 * unit's 序时 plan and done over its projects as the close computed them (planned_to_date,
 * done_to_date), so a unit's 序时完成率 is the portfolio indicator's, never a second formula. One
 * statement for a month or a range of months.
 */
import { sql } from 'kysely';
import type { Executor } from '../../db/connection.ts';
import { closeScopeSql, projectNameOf } from '../projects/index.ts';
import { centsRatio, cents } from './rules.ts';

export interface LightFact {
  projectId: number;
  projectName: string;
  /** the project's current responsible unit (lead unit) */
  unitId: number;
  red: boolean;
  referral: boolean;
}

export interface UnitPaceFact {
  unitId: number;
  projects: number;
  /** 序时计划 and done to date, 万元 as numeric text */
  planned: string;
  done: string;
  /** done / planned to four places (the indicators' rounding), null without a plan */
  pace: string | null;
}

/**
 * Months `from`..`to` of year y for the projects under `path` that have a lead unit, in one
 * statement: the red lights and referrals, and each lead unit's plan and done to date.
 */
export async function lightScoreFacts(
  db: Executor,
  path: string,
  y: number,
  from: number,
  to = from,
): Promise<{ lights: (LightFact & { month: number })[]; paces: (UnitPaceFact & { month: number })[] }> {
  const r = await sql<{
    lights: [number, number, string, number, boolean, boolean][];
    paces: [number, number, number, string, string][];
  }>`
    with scope as (${closeScopeSql(path)}),
    lit as (select l.month, s.id, s.responsible_unit_id as unit, l.planned_to_date, l.done_to_date, l.referral,
        coalesce(l.override_color, l.computed) = 'red' as red
      from lights l join scope s on s.id = l.project_id
      where l.year = ${y} and l.month between ${from} and ${to} and s.responsible_unit_id is not null)
    select
      (select coalesce(json_agg(json_build_array(t.month, t.id, ${projectNameOf('t.id')}, t.unit, t.red, t.referral)
        order by t.month, t.id), '[]') from lit t where t.red or t.referral) as lights,
      (select coalesce(json_agg(json_build_array(month, unit, n, planned, done) order by month, unit), '[]')
        from (select month, unit, count(*)::int as n, sum(planned_to_date)::text as planned,
          sum(done_to_date)::text as done from lit group by month, unit) g) as paces`.execute(db);
  const row = r.rows[0]!;
  return {
    lights: row.lights.map(([month, projectId, projectName, unitId, red, referral]) => ({
      month,
      projectId,
      projectName,
      unitId,
      red,
      referral,
    })),
    paces: row.paces.map(([month, unitId, projects, planned, done]) => {
      const ratio = centsRatio(cents(done), cents(planned));
      return { month, unitId, projects, planned, done, pace: ratio === null ? null : ratio.toFixed(4) };
    }),
  };
}
