/** Read side of reports: the verification queue and lists, a filer's inbox. */
import type { reportQuery } from '@ducha/contract';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { actorOf, type Ctx } from '../../platform/access/context.ts';
import { todayInChina } from '../../platform/time.ts';
import {
  projectCodeOf,
  projectFacts,
  projectIdsIn,
  projectRegionPaths,
  readableProjects,
} from '../projects/index.ts';
import { deadlineResolver } from './calendar.ts';
import { canFileReport } from './policy.ts';
import { presentReport, reportBase } from './repo.ts';
import { parseMonth } from './reports.ts';

export async function listReports(db: Db, ctx: Ctx, q: z.infer<typeof reportQuery>) {
  const actor = actorOf(ctx);
  // the projects the actor reads, as a subquery: the same scope as the registry
  const ids = projectIdsIn(db, actor, { includeInactive: true, q: q.q });
  const { y, m } = q.month ? parseMonth(q.month) : { y: null, m: null };
  // one filter for the page and the count
  const where = sql<boolean>`mr.current and mr.project_id in (${ids})
    and (${y}::int is null or (mr.year = ${y}::int and mr.month = ${m}::int))
    and (${q.status ?? null}::text is null or mr.status = ${q.status ?? null}::text)
    and (${q.projectId ?? null}::int is null or mr.project_id = ${q.projectId ?? null}::int)`;
  const [rows, count] = await Promise.all([
    reportBase(db)
      .where(where)
      .orderBy('mr.year', 'desc')
      .orderBy('mr.month', 'desc')
      .orderBy(projectCodeOf('mr.project_id'))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    db
      .selectFrom('monthly_reports as mr')
      .where(where)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const paths = await projectRegionPaths(
    db,
    rows.map((r) => r.project_id),
  );
  const deadline = deadlineResolver(db);
  const items = [];
  for (const r of rows)
    items.push(presentReport(r, await deadline(paths.get(r.project_id)!, r.year, r.month)));
  return { items, total: Number(count.n) };
}

/** What the actor must file for a month: projects they file for with no report yet, drafts and returns. */
export async function inbox(db: Db, ctx: Ctx, ym: string) {
  const actor = actorOf(ctx);
  const { y, m } = parseMonth(ym);
  const projects = await readableProjects(db, actor);
  const mine = projects.filter((p) => canFileReport(actor, projectFacts(p)));
  if (!mine.length) return [];
  const reports = await db
    .selectFrom('monthly_reports')
    .select(['id', 'project_id', 'status'])
    .where('current', '=', true)
    .where('year', '=', y)
    .where('month', '=', m)
    .where(
      'project_id',
      'in',
      mine.map((p) => p.id),
    )
    .execute();
  const byProject = new Map(reports.map((r) => [r.project_id, r]));
  const today = todayInChina();
  const deadlineOf = deadlineResolver(db);
  const out = [];
  for (const p of mine) {
    const r = byProject.get(p.id);
    if (r && (r.status === 'submitted' || r.status === 'verified')) continue;
    const deadline = await deadlineOf(p.region_path, y, m);
    const state = r?.status === 'returned' ? 'returned' : r ? 'draft' : today > deadline ? 'late' : 'due';
    out.push({
      projectId: p.id,
      projectCode: p.code,
      projectName: p.name,
      month: ym,
      deadline,
      state: state as 'due' | 'late' | 'returned' | 'draft',
      reportId: r?.id ?? null,
    });
  }
  return out;
}

/** The 催报 each project the actor reads received for a month (the filer's inbox shows the counts). */
export async function monthReminders(db: Db, ctx: Ctx, ym: string) {
  const { y, m } = parseMonth(ym);
  const rows = await db
    .selectFrom('report_reminders')
    .select(['project_id', 'count', 'last_reminded_on'])
    .where('year', '=', y)
    .where('month', '=', m)
    .where('project_id', 'in', projectIdsIn(db, actorOf(ctx), { includeInactive: true }))
    .orderBy('project_id')
    .execute();
  return rows.map((r) => ({ projectId: r.project_id, count: r.count, lastRemindedOn: r.last_reminded_on }));
}
