/**
 * The Gantt page's rows in one request: every project the filters match (in the actor's scope),
 * with the year's milestones of its baseline in force, else its draft. Three statements whatever
 * the number of projects (the page used to ask for each project's plans, fifty at most).
 */
import type { GanttRow, projectQuery } from '@ducha/contract';
import type { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { actorOf, type Ctx } from '../../platform/access/context.ts';
import { filteredProjects } from './projects.ts';

export async function ganttRows(
  db: Db,
  ctx: Ctx,
  year: number,
  q: Partial<z.infer<typeof projectQuery>>,
): Promise<GanttRow[]> {
  const projects = await filteredProjects(db, actorOf(ctx), { page: 1, pageSize: 1, sort: 'code', ...q })
    .select(['p.id', 'p.code', 'p.name'])
    .orderBy('p.code')
    .execute();
  if (!projects.length) return [];
  const plans = await db
    .selectFrom('annual_plans')
    .select(['id', 'project_id', 'status'])
    .where('year', '=', year)
    .where('status', 'in', ['approved', 'draft'])
    .where(
      'project_id',
      'in',
      projects.map((p) => p.id),
    )
    .execute();
  // the baseline in force wins over a draft
  const planOf = new Map<number, { id: number; status: 'approved' | 'draft' }>();
  for (const p of plans) {
    const held = planOf.get(p.project_id);
    if (!held || (held.status === 'draft' && p.status === 'approved'))
      planOf.set(p.project_id, { id: p.id, status: p.status as 'approved' | 'draft' });
  }
  const planIds = [...planOf.values()].map((p) => p.id);
  const milestones = planIds.length
    ? await db
        .selectFrom('plan_milestones')
        .select(['id', 'plan_id', 'seq', 'name', 'planned_date', 'actual_date'])
        .where('plan_id', 'in', planIds)
        .orderBy('seq')
        .execute()
    : [];
  const byPlan = new Map<number, typeof milestones>();
  for (const m of milestones) byPlan.set(m.plan_id, [...(byPlan.get(m.plan_id) ?? []), m]);
  return projects.map((p) => {
    const plan = planOf.get(p.id);
    return {
      projectId: p.id,
      code: p.code,
      name: p.name,
      planStatus: plan?.status ?? null,
      milestones: (plan ? (byPlan.get(plan.id) ?? []) : []).map((m) => ({
        id: m.id,
        seq: m.seq,
        name: m.name,
        plannedDate: m.planned_date,
        actualDate: m.actual_date,
      })),
    };
  });
}
