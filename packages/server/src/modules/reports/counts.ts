/**
 * What waits in the monthly cycle, as counts for the workbench: for the office, reports to verify
 * and the missing and late reports of the month last due; for filers, reports due, overdue and
 * returned; and the month the verification queue opens on.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { Actor } from '../../platform/access/context.ts';
import { allRegions, regionsUnder } from '../../platform/regions.ts';
import { todayInChina } from '../../platform/time.ts';
import { owesReportSql, projectIdsIn, projectRegionsIn } from '../projects/index.ts';
import { deadlineResolver } from './calendar.ts';
import { monthBefore, owedInbox } from './queries.ts';
import { parseMonth } from './reports.ts';

/** The newest month whose deadline (by the actor's own region's calendar) has passed. */
export async function lastDueMonth(db: Db, actor: Actor, today = todayInChina()) {
  const deadlineOf = deadlineResolver(db);
  let ym = monthBefore(today.slice(0, 7));
  const { y, m } = parseMonth(ym);
  if ((await deadlineOf(actor.regionPath, y, m)) >= today) ym = monthBefore(ym);
  return ym;
}

/** Reports waiting for verification in the actor's scope, and the oldest month that has them. */
async function toVerify(db: Db, actor: Actor) {
  const row = await db
    .selectFrom('monthly_reports')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      sql<string | null>`min(year || '-' || lpad(month::text, 2, '0'))`.as('oldest'),
    ])
    .where('current', '=', true)
    .where('status', '=', 'submitted')
    .where('project_id', 'in', projectIdsIn(db, actor))
    .executeTakeFirstOrThrow();
  return { n: Number(row.n), oldest: row.oldest };
}

/** The regions whose projects the actor may count: its subtree (the admin: every region), with their paths. */
const regionsInScope = (db: Db, actor: Actor) =>
  actor.role === 'admin' ? allRegions(db) : regionsUnder(db, actor.regionPath);

/** Missing and late reports of month `ym` over the active projects in scope that owe it, each by its region's deadline. */
async function missingAndLate(db: Db, actor: Actor, ym: string) {
  const { y, m } = parseMonth(ym);
  const regions = await regionsInScope(db, actor);
  if (!regions.length) return { missing: 0, late: 0 };
  const deadlineOf = deadlineResolver(db);
  const deadlines = await Promise.all(regions.map(async (r) => [r.code, await deadlineOf(r.path, y, m)]));
  const values = sql.join(deadlines.map(([code, d]) => sql`(${code}::text, ${d}::date)`));
  const row = await sql<{ missing: number; late: number }>`
    select count(*) filter (where r.id is null)::int as missing,
      count(*) filter (where (r.first_submitted_at at time zone 'Asia/Shanghai')::date > d.deadline)::int as late
    from (${projectRegionsIn(db, actor)}) s
    join (values ${values}) as d(region_code, deadline) on d.region_code = s.region_code
    left join monthly_reports r on r.project_id = s.id and r.current and r.year = ${y} and r.month = ${m}
      and r.status in ('submitted', 'verified')
    where ${owesReportSql('s.reports_from', y, m)}`.execute(db);
  return row.rows[0]!;
}

export async function officeReportCounts(db: Db, actor: Actor, today = todayInChina()) {
  const due = await lastDueMonth(db, actor, today);
  const [verify, ml] = await Promise.all([toVerify(db, actor), missingAndLate(db, actor, due)]);
  return {
    reportsToVerify: verify.n,
    lastDueMonth: due,
    reportsMissing: ml.missing,
    reportsLate: ml.late,
    queueMonth: verify.oldest ?? due,
  };
}

export async function filerReportCounts(db: Db, actor: Actor, today = todayInChina()) {
  const tasks = await owedInbox(db, actor, today);
  const open = tasks.filter((t) => t.state !== 'submitted' && t.state !== 'verified');
  return {
    reportsDue: open.filter((t) => t.deadline >= today && t.state !== 'returned').length,
    reportsOverdue: open.filter((t) => t.deadline < today && t.state !== 'returned').length,
    reportsReturned: open.filter((t) => t.state === 'returned').length,
  };
}
