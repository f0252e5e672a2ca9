/** A project's year of progress: each month's plan in force, what was reported, and the light. */
import { Decimal, type LightReason } from '@ducha/contract';
import type { Db } from '../../db/connection.ts';
import { actorOf, type Ctx } from '../../platform/access/context.ts';
import { readableProject, yearBaselines } from '../projects/index.ts';
import { yearReports } from '../reports/index.ts';
import { plannedToDate, ratio } from './rules.ts';

/** A project's year month by month: the plan in force at each month end, what was reported, the light. */
export async function progress(db: Db, ctx: Ctx, projectId: number, y: number) {
  await readableProject(db, actorOf(ctx), projectId);
  const [plans, reports, lights] = await Promise.all([
    yearBaselines(db, projectId, y),
    yearReports(db, projectId, y),
    db
      .selectFrom('lights')
      .select(['month', 'computed', 'override_color', 'timeliness', 'reasons'])
      .where('project_id', '=', projectId)
      .where('year', '=', y)
      .execute(),
  ]);
  let done = new Decimal(0);
  return Array.from({ length: 12 }, (_, i) => {
    const m = i + 1;
    const end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    const plan = [...plans].reverse().find((p) => p.effective_from !== null && p.effective_from <= end);
    const rep = reports.find((r) => r.month === m && (r.status === 'submitted' || r.status === 'verified'));
    const monthDone = new Decimal(rep?.investment_month ?? 0);
    done = done.plus(monthDone);
    const planned = plannedToDate(m, plan?.planned_investment ?? null, plan?.monthly ?? null);
    const light = lights.find((l) => l.month === m);
    return {
      month: m,
      planned: plan ? new Decimal(plan.monthly[i] ?? 0).toFixed(2) : null,
      plannedToDate: plan ? planned.toFixed(2) : null,
      done: rep ? monthDone.toFixed(2) : null,
      doneToDate: done.toFixed(2),
      paceRatio: plan ? ratio(done, planned) : null,
      color: (light?.override_color ?? light?.computed ?? null) as 'green' | 'yellow' | 'red' | null,
      timeliness: (light?.timeliness ?? null) as 'on_time' | 'late' | 'missing' | null,
      // the light's reasons ride along, so a year's chart needs no query per month
      reasons: (light?.reasons ?? []) as LightReason[],
    };
  });
}
