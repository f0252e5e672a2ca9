/** Read side of reports: the verification queue and lists, a filer's inbox. */
import type { InboxItem, reportQuery } from '@ducha/contract';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { actorOf, type Actor, type Ctx } from '../../platform/access/context.ts';
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

type InboxState = InboxItem['state'];
const monthOf = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;

/** The month before `ym` ('YYYY-MM'). */
export const monthBefore = (ym: string) => {
  const { y, m } = parseMonth(ym);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

/** How many months back the every-month inbox looks for reports still owed. */
const OWED_WINDOW = 12;

/**
 * The filer's tasks over `months`: for every project the actor files for, each month with no
 * submitted report (due, late, a draft, a returned report); with `done`, that month's submitted and
 * verified reports too (they stay in view with their status).
 */
async function filerTasks(db: Db, actor: Actor, months: string[], done?: string): Promise<InboxItem[]> {
  const mine = (await readableProjects(db, actor)).filter((p) => canFileReport(actor, projectFacts(p)));
  if (!mine.length || !months.length) return [];
  const reports = await db
    .selectFrom('monthly_reports')
    .select(['id', 'project_id', 'year', 'month', 'status'])
    .where('current', '=', true)
    .where(
      sql<boolean>`(year, month) in (${sql.join(months.map((ym) => sql`(${parseMonth(ym).y}::int, ${parseMonth(ym).m}::int)`))})`,
    )
    .where(
      'project_id',
      'in',
      mine.map((p) => p.id),
    )
    .execute();
  const byKey = new Map(reports.map((r) => [`${r.project_id}:${monthOf(r.year, r.month)}`, r]));
  const today = todayInChina();
  const deadlineOf = deadlineResolver(db);
  const out: InboxItem[] = [];
  for (const ym of months) {
    const { y, m } = parseMonth(ym);
    for (const p of mine) {
      const r = byKey.get(`${p.id}:${ym}`);
      const finished = r && (r.status === 'submitted' || r.status === 'verified');
      if (finished && ym !== done) continue;
      const deadline = await deadlineOf(p.region_path, y, m);
      const state: InboxState = finished
        ? (r.status as InboxState)
        : r?.status === 'returned'
          ? 'returned'
          : r
            ? 'draft'
            : today > deadline
              ? 'late'
              : 'due';
      out.push({
        projectId: p.id,
        projectCode: p.code,
        projectName: p.name,
        month: ym,
        deadline,
        state,
        reportId: r?.id ?? null,
      });
    }
  }
  return out;
}

/** What the actor must file for a month: projects they file for with no report yet, drafts and returns. */
export async function inbox(db: Db, ctx: Ctx, ym: string) {
  return filerTasks(db, actorOf(ctx), [ym]);
}

/** Sorting of the every-month inbox: what is overdue first (oldest first), then returns, drafts, due, done. */
const rank = (i: InboxItem, today: string) =>
  i.state === 'submitted' || i.state === 'verified'
    ? 4
    : i.deadline < today
      ? 0
      : i.state === 'returned'
        ? 1
        : i.state === 'draft'
          ? 2
          : 3;

/**
 * Every month still owed (the last OWED_WINDOW months up to the month open for filing), overdue
 * first, and the open month's submitted and verified reports with their status, so a filing does
 * not vanish from view.
 */
export async function owedInbox(db: Db, actor: Actor, today = todayInChina()): Promise<InboxItem[]> {
  const open = monthBefore(today.slice(0, 7));
  const months = [open];
  while (months.length < OWED_WINDOW) months.unshift(monthBefore(months[0]!));
  const items = await filerTasks(db, actor, months, open);
  return items.sort(
    (a, b) =>
      rank(a, today) - rank(b, today) ||
      a.month.localeCompare(b.month) ||
      a.projectCode.localeCompare(b.projectCode),
  );
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
