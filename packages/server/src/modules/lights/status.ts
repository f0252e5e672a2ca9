/**
 * A project's status at a glance for the project list and header: the light of its latest closed
 * month and its latest reported % complete. Only projects the actor reads answer; others are left
 * out (no 403: a page of the list asks for its own rows).
 */
import type { LightColor, ProjectStatus } from '@ducha/contract';
import type { Db } from '../../db/connection.ts';
import { actorOf, type Ctx } from '../../platform/access/context.ts';
import { projectIdsIn } from '../projects/index.ts';
import { latestPercentComplete } from '../reports/index.ts';

export async function projectStatuses(db: Db, ctx: Ctx, ids: readonly number[]): Promise<ProjectStatus[]> {
  const allowed = (
    await projectIdsIn(db, actorOf(ctx), { includeInactive: true }).where('p.id', 'in', ids).execute()
  ).map((r) => r.id);
  if (!allowed.length) return [];
  // the lights primary key (project, year, month) gives each project's latest month without a sort
  const lights = await db
    .selectFrom('lights')
    .distinctOn('project_id')
    .select(['project_id', 'year', 'month', 'computed', 'override_color', 'streak', 'red_streak', 'referral'])
    .where('project_id', 'in', allowed)
    .orderBy('project_id')
    .orderBy('year', 'desc')
    .orderBy('month', 'desc')
    .execute();
  const lightOf = new Map(lights.map((l) => [l.project_id, l]));
  const percents = await latestPercentComplete(db, allowed);
  return allowed.map((id) => {
    const l = lightOf.get(id);
    const p = percents.get(id);
    return {
      projectId: id,
      light: l
        ? {
            year: l.year,
            month: l.month,
            color: (l.override_color ?? l.computed) as LightColor,
            streak: l.streak,
            redStreak: l.red_streak,
            referral: l.referral,
          }
        : null,
      percentComplete: p?.percent ?? null,
      percentMonth: p?.month ?? null,
    };
  });
}
