/**
 * What the assessment ledger reads of a closed month's lights (issue 15), for the projects of a
 * region subtree: the red lights (the office's override when there is one) and the accountability
 * referrals the close raised (问责: red two months in a row, `referral` on the light), and each lead
 * unit's 序时 plan and done over its projects as the close computed them (planned_to_date,
 * done_to_date), so a unit's 序时完成率 is the portfolio indicator's, never a second formula. One
 * statement each per month.
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

/** The month's red lights and referrals of the projects under `path` that have a lead unit. */
export async function lightScoreFacts(
  db: Executor,
  path: string,
  y: number,
  m: number,
): Promise<LightFact[]> {
  const r = await sql<{ id: number; name: string; unit: number; red: boolean; referral: boolean }>`
    with scope as (${closeScopeSql(path)})
    select s.id, ${projectNameOf('s.id')} as name, s.responsible_unit_id as unit,
      coalesce(l.override_color, l.computed) = 'red' as red, l.referral
    from lights l join scope s on s.id = l.project_id
    where l.year = ${y} and l.month = ${m} and s.responsible_unit_id is not null
      and (l.referral or coalesce(l.override_color, l.computed) = 'red')
    order by s.id`.execute(db);
  return r.rows.map((x) => ({
    projectId: x.id,
    projectName: x.name,
    unitId: x.unit,
    red: x.red,
    referral: x.referral,
  }));
}

/** Each lead unit's plan and done to date over its projects under `path` lit in month y-m. */
export async function unitPaceFacts(
  db: Executor,
  path: string,
  y: number,
  m: number,
): Promise<UnitPaceFact[]> {
  const r = await sql<{ unit: number; projects: number; planned: string; done: string }>`
    with scope as (${closeScopeSql(path)})
    select s.responsible_unit_id as unit, count(*)::int as projects,
      sum(l.planned_to_date)::text as planned, sum(l.done_to_date)::text as done
    from lights l join scope s on s.id = l.project_id
    where l.year = ${y} and l.month = ${m} and s.responsible_unit_id is not null
    group by s.responsible_unit_id
    order by 1`.execute(db);
  return r.rows.map((x) => {
    const pace = centsRatio(cents(x.done), cents(x.planned));
    return {
      unitId: x.unit,
      projects: x.projects,
      planned: x.planned,
      done: x.done,
      pace: pace === null ? null : pace.toFixed(4),
    };
  });
}
