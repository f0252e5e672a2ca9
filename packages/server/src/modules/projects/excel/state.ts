/** What the database holds for the projects of an import, in the same shape the sheet is compared in. */
import { regionPathOf } from '../../../platform/regions.ts';
import { sql } from 'kysely';
import type { Executor } from '../../../db/connection.ts';
import type { Actor } from '../../../platform/access/context.ts';
import { canManageProject } from '../policy.ts';
import type { ImportItem } from './import-rules.ts';
import type { Existing } from './types.ts';

export async function loadState(
  db: Executor,
  actor: Actor,
  items: ImportItem[],
): Promise<Map<string, Existing>> {
  const codes = items.map((i) => i.code.toLowerCase());
  if (!codes.length) return new Map();
  const projects = await db
    .selectFrom('projects as p')
    .select([
      'p.id',
      'p.code',
      'p.name',
      'p.region_code',
      'p.sector',
      'p.investment_nature',
      'p.total_investment',
      'p.scale',
      'p.address',
      'p.owner_unit_id',
      'p.stage',
      'p.actual_start',
      'p.actual_completion',
      'p.actual_production',
      'p.reports_from',
      'p.planned_start',
      'p.planned_completion',
      'p.planned_production',
      'p.leader_position_id',
      'p.responsible_unit_id',
      'p.responsible_person_id',
      'p.handling_officer_id',
      regionPathOf('p.region_code').as('path'),
    ])
    .where(sql<boolean>`lower(p.code) = any(${codes})`)
    .execute();
  if (!projects.length) return new Map();
  const ids = projects.map((p) => p.id);
  const years = [...new Set(items.flatMap((i) => (i.plan ? [i.plan.year] : [])))];
  const [coUnits, team, plans, members] = await Promise.all([
    db
      .selectFrom('project_co_units')
      .select(['project_id', 'unit_id'])
      .where(sql<boolean>`project_id = any(${ids})`)
      .execute(),
    db
      .selectFrom('project_team')
      .select(['project_id', 'person_id'])
      .where(sql<boolean>`project_id = any(${ids})`)
      .execute(),
    years.length
      ? db
          .selectFrom('annual_plans')
          .selectAll()
          .where(sql<boolean>`project_id = any(${ids})`)
          .where('year', 'in', years)
          .where('status', 'in', ['draft', 'approved'])
          .execute()
      : Promise.resolve([]),
    db
      .selectFrom('project_list_members')
      .select(['project_id', 'list_id', 'batch'])
      .where(sql<boolean>`project_id = any(${ids})`)
      .where('removed_at', 'is', null)
      .execute(),
  ]);
  const planIds = plans.map((p) => p.id);
  const milestones = planIds.length
    ? await db
        .selectFrom('plan_milestones')
        .select(['plan_id', 'name', 'planned_date'])
        .where(sql<boolean>`plan_id = any(${planIds})`)
        .orderBy('seq')
        .execute()
    : [];
  const group = <T extends { project_id: number }>(rows: T[]) => {
    const m = new Map<number, T[]>();
    for (const r of rows) m.set(r.project_id, [...(m.get(r.project_id) ?? []), r]);
    return m;
  };
  const [coBy, teamBy, plansBy, membersBy] = [group(coUnits), group(team), group(plans), group(members)];
  const milestonesBy = new Map<number, typeof milestones>();
  for (const m of milestones) milestonesBy.set(m.plan_id, [...(milestonesBy.get(m.plan_id) ?? []), m]);
  const yearOf = new Map(items.map((i) => [i.code.toLowerCase(), i.plan?.year]));
  const out = new Map<string, Existing>();
  for (const p of projects) {
    const key = p.code.toLowerCase();
    const forYear = (plansBy.get(p.id) ?? []).filter((x) => x.year === yearOf.get(key));
    // the draft if there is one, else the baseline in force: that is what a new draft would replace
    const plan = forYear.find((x) => x.status === 'draft') ?? forYear.find((x) => x.status === 'approved');
    out.set(key, {
      id: p.id,
      project: {
        name: p.name,
        region_code: p.region_code,
        sector: p.sector,
        investment_nature: p.investment_nature as 'government',
        total_investment: p.total_investment,
        scale: p.scale,
        address: p.address,
        owner_unit_id: p.owner_unit_id,
        stage: p.stage,
        actual_start: p.actual_start,
        actual_completion: p.actual_completion,
        actual_production: p.actual_production,
        reports_from: p.reports_from,
        planned_start: p.planned_start,
        planned_completion: p.planned_completion,
        planned_production: p.planned_production,
        leader_position_id: p.leader_position_id!,
        responsible_unit_id: p.responsible_unit_id!,
        responsible_person_id: p.responsible_person_id,
        handling_officer_id: p.handling_officer_id,
      },
      coUnitIds: (coBy.get(p.id) ?? []).map((c) => c.unit_id).sort((a, b) => a - b),
      team: (teamBy.get(p.id) ?? []).map((t) => t.person_id).sort((a, b) => a - b),
      plan: plan
        ? {
            planned: plan.planned_investment,
            monthly: plan.monthly,
            target: plan.physical_target,
            milestones: (milestonesBy.get(plan.id) ?? []).map((m) => ({
              name: m.name,
              date: m.planned_date,
            })),
            // a plan without dates of its own follows the project's (a draft made on the plan page)
            start: plan.target_start ?? p.planned_start,
            completion: plan.target_completion ?? p.planned_completion,
            production: plan.target_production,
          }
        : null,
      planStatus: plan?.status ?? null,
      memberships: new Map((membersBy.get(p.id) ?? []).map((m) => [m.list_id, m.batch])),
      editable: canManageProject(actor, p.path),
    });
  }
  return out;
}
