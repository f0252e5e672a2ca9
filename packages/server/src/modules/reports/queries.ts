/** Read side of reports: the verification queue and lists, a filer's inbox, a project's year of progress. */
import { Decimal, type LightReason, type reportQuery } from '@ducha/contract';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { actorOf, type Ctx } from '../../platform/access/context.ts';
import { containing } from '../../platform/records.ts';
import { todayInChina } from '../../platform/time.ts';
import { filteredProjects, readableProject } from '../projects/projects.ts';
import { projectColumns, projectFacts, type ProjectRow } from '../projects/repo.ts';
import { canFileReport } from './policy.ts';
import { presentReport, reportBase } from './repo.ts';
import { deadlineResolver, parseMonth } from './reports.ts';
import { plannedToDate, ratio } from './rules.ts';

export async function listReports(db: Db, ctx: Ctx, q: z.infer<typeof reportQuery>) {
  const actor = actorOf(ctx);
  // the projects the actor reads, as a subquery: the same scope as the registry
  const ids = filteredProjects(db, actor, {
    page: 1,
    pageSize: 1,
    sort: 'code',
    includeInactive: true,
  }).select('p.id');
  const { y, m } = q.month ? parseMonth(q.month) : { y: null, m: null };
  // one filter for the page and the count
  const where = sql<boolean>`mr.current and mr.project_id in (${ids})
    and (${y}::int is null or (mr.year = ${y}::int and mr.month = ${m}::int))
    and (${q.status ?? null}::text is null or mr.status = ${q.status ?? null}::text)
    and (${q.projectId ?? null}::int is null or mr.project_id = ${q.projectId ?? null}::int)
    and (${q.q ?? null}::text is null or p.code ilike ${containing(q.q)} or p.name ilike ${containing(q.q)})`;
  const [rows, count] = await Promise.all([
    reportBase(db)
      .where(where)
      .orderBy('mr.year', 'desc')
      .orderBy('mr.month', 'desc')
      .orderBy('p.code')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    db
      .selectFrom('monthly_reports as mr')
      .innerJoin('projects as p', 'p.id', 'mr.project_id')
      .where(where)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const paths = new Map(
    (
      await db
        .selectFrom('projects as p')
        .innerJoin('regions as r', 'r.code', 'p.region_code')
        .select(['p.id', 'r.path'])
        .where('p.id', 'in', rows.length ? rows.map((r) => r.project_id) : [-1])
        .execute()
    ).map((p) => [p.id, p.path]),
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
  const projects = (await filteredProjects(db, actor, { page: 1, pageSize: 1, sort: 'code' })
    .select(projectColumns)
    .orderBy('p.code')
    .execute()) as ProjectRow[];
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

/** A project's year month by month: the plan in force at each month end, what was reported, the light. */
export async function progress(db: Db, ctx: Ctx, projectId: number, y: number) {
  await readableProject(db, actorOf(ctx), projectId);
  const [plans, reports, lights] = await Promise.all([
    db
      .selectFrom('annual_plans')
      .select(['monthly', 'planned_investment', 'effective_from', 'baseline_no'])
      .where('project_id', '=', projectId)
      .where('year', '=', y)
      .where('status', 'in', ['approved', 'superseded'])
      .orderBy('baseline_no')
      .execute(),
    db
      .selectFrom('monthly_reports')
      .select(['month', 'investment_month', 'status'])
      .where('project_id', '=', projectId)
      .where('year', '=', y)
      .where('current', '=', true)
      .execute(),
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
