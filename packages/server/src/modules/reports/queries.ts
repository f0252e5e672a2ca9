/** Read side of reports: the verification queue and lists, a filer's inbox. */
import type { InboxItem, reportQuery } from '@ducha/contract';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { actorOf, type Actor, type Ctx } from '../../platform/access/context.ts';
import { todayInChina } from '../../platform/time.ts';
import {
  filingFacts,
  projectCodesIn,
  projectIdsIn,
  projectRegionPaths,
  owesReport,
  readableBriefs,
} from '../projects/index.ts';
import {
  countUpTo,
  estimatedTotal,
  exactTotals,
  inOrder,
  likelySmall,
  plannedRows,
  totalOf,
  type Total,
} from '../../platform/records.ts';
import { deadlineResolver } from './calendar.ts';
import { canFileReport } from './policy.ts';
import { presentReport, reportBase } from './repo.ts';
import { parseMonth } from './reports.ts';

/** The current reports matching the filters, each with its project's code (the sort key), for the page and the count. */
function filteredReports(
  db: Db,
  projects: ReturnType<typeof projectCodesIn>,
  q: z.infer<typeof reportQuery>,
) {
  let query = db
    .selectFrom('monthly_reports as mr')
    .innerJoin(projects.as('s'), 's.id', 'mr.project_id')
    .where('mr.current', '=', true);
  if (q.month) {
    const { y, m } = parseMonth(q.month);
    query = query.where('mr.year', '=', y).where('mr.month', '=', m);
  }
  if (q.status) query = query.where('mr.status', '=', q.status);
  if (q.projectId) query = query.where('mr.project_id', '=', q.projectId);
  return query;
}
type Filtered = ReturnType<typeof filteredReports>;

/**
 * A page of a set read whole and sorted — newest month first, then by project code — with the
 * set's size beside each row (null when the page is empty). The set is cut at `limit` rows: a size
 * of `limit` means "at least".
 */
async function sortedPage(db: Db, set: Filtered, limit: number, size: number, offset: number) {
  const rows = await db
    .selectFrom(set.select(['mr.id', 'mr.year', 'mr.month', 's.code']).limit(limit).as('r'))
    .select(['r.id', sql<number>`count(*) over ()`.as('set_size')])
    .orderBy('r.year', 'desc')
    .orderBy('r.month', 'desc')
    .orderBy('r.code')
    .limit(size)
    .offset(offset)
    .execute();
  return { ids: rows.map((r) => r.id), setSize: rows.length ? Number(rows[0]!.set_size) : null };
}

/** A page of one month's (or one project's) reports in index order: the projects' code index walked beside each one's report. */
const walkedPage = async (set: Filtered, size: number, offset: number) =>
  (
    await set
      .select('mr.id')
      .orderBy('mr.year', 'desc')
      .orderBy('mr.month', 'desc')
      .orderBy('s.code')
      .limit(size)
      .offset(offset)
      .execute()
  ).map((r) => r.id);

/** The newest or oldest month that has a report. */
const endMonth = async (db: Db, direction: 'asc' | 'desc') => {
  const row = await db
    .selectFrom('monthly_reports')
    .select(['year', 'month'])
    .where('current', '=', true)
    .orderBy('year', direction)
    .orderBy('month', direction)
    .limit(1)
    .executeTakeFirst();
  return row ? monthOf(row.year, row.month) : null;
};

/**
 * A page of a large set across months: no index orders a month's reports by their projects'
 * codes, so month by month from the newest, each month as a small set (sorted) when the projects
 * in scope are few, else walked in the code index; a month with no more rows than are still to
 * skip is skipped whole.
 */
async function acrossMonths(db: Db, base: Filtered, fewProjects: boolean, size: number, offset: number) {
  const limit = exactTotals.limit;
  const [newest, oldest] = [await endMonth(db, 'desc'), await endMonth(db, 'asc')];
  const ids: number[] = [];
  let skip = offset;
  for (let ym = newest; ym && oldest && ym >= oldest && ids.length < size; ym = monthBefore(ym)) {
    const { y, m } = parseMonth(ym);
    const month = base.where('mr.year', '=', y).where('mr.month', '=', m);
    const want = size - ids.length;
    if (fewProjects) {
      const page = await sortedPage(db, month, limit + 1, want, skip);
      if (page.setSize === null && skip > 0) {
        skip -= (await totalOf(db, month, skip)).total;
        continue;
      }
      ids.push(...page.ids);
    } else {
      if (skip > 0) {
        const { total } = await totalOf(db, month, skip);
        if (total <= skip) {
          skip -= total;
          continue;
        }
      }
      ids.push(...(await walkedPage(month, want, skip)));
    }
    skip = 0;
  }
  return ids;
}

/**
 * The verification queue and the reports lists, newest month first, then by project code: the
 * page's ids (read and sorted when the set is small, else in index order), then the reports' rows
 * for them.
 */
export async function listReports(db: Db, ctx: Ctx, q: z.infer<typeof reportQuery>) {
  const actor = actorOf(ctx);
  // the projects the actor reads, as a subquery: the same scope as the registry
  const projects = projectCodesIn(db, actor, { includeInactive: true, q: q.q });
  const base = filteredReports(db, projects, q);
  const limit = exactTotals.limit;
  const offset = (q.page - 1) * q.pageSize;
  const large = async () => {
    if (q.month || q.projectId) return walkedPage(base, q.pageSize, offset);
    const fewProjects = !(await totalOf(db, projects as never)).totalIsEstimate;
    return acrossMonths(db, base, fewProjects, q.pageSize, offset);
  };
  const planned = await plannedRows(db, base);
  let ids: number[];
  let total: Total;
  if (likelySmall(planned)) {
    const small = await sortedPage(db, base, limit + 1, q.pageSize, offset);
    if (small.setSize !== null && small.setSize <= limit)
      [ids, total] = [small.ids, { total: small.setSize }];
    else if (small.setSize === null) {
      // past the end of the set, or it is empty
      total = await totalOf(db, base);
      ids = total.totalIsEstimate ? await large() : [];
    } else [ids, total] = [await large(), await estimatedTotal(db, base, limit, planned)];
  } else {
    const n = await countUpTo(db, base, limit + 1);
    if (n <= limit)
      [ids, total] = [(await sortedPage(db, base, limit + 1, q.pageSize, offset)).ids, { total: n }];
    else [ids, total] = [await large(), await estimatedTotal(db, base, limit, planned)];
  }
  const rows = await inOrder(
    ids,
    (page) => reportBase(db).where('mr.id', 'in', page).execute(),
    (r) => r.id,
  );
  const paths = await projectRegionPaths(
    db,
    rows.map((r) => r.project_id),
  );
  const deadline = deadlineResolver(db);
  const items = [];
  for (const r of rows)
    items.push(presentReport(r, await deadline(paths.get(r.project_id)!, r.year, r.month)));
  return { items, ...total };
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
  const mine = (await readableBriefs(db, actor)).filter((p) => canFileReport(actor, filingFacts(p)));
  if (!mine.length || !months.length) return [];
  const sorted = [...months].sort();
  const [first, last] = [parseMonth(sorted[0]!), parseMonth(sorted.at(-1)!)];
  const base = first.y * 12 + first.m;
  const index = (y: number, m: number) => y * 12 + m - base; // a month as its place in the range
  // the reports of the actor's projects in those months: one range of the (project, year, month)
  // index per project, the projects as an array computed once (a semi-join was planned as a scan
  // of every project: a county company's 280 of 100,000)
  const current = () =>
    db
      .selectFrom('monthly_reports')
      .where('current', '=', true)
      .where(
        sql<boolean>`(year, month) between (${first.y}::int, ${first.m}::int) and (${last.y}::int, ${last.m}::int)`,
      )
      .where(sql<boolean>`project_id = any(array(${projectIdsIn(db, actor)}))`);
  const finishedStatus = ['submitted', 'verified'] as const;
  const doneMonth = done ? parseMonth(done) : null;
  const [open, finished] = await Promise.all([
    // the rows the inbox shows: reports not yet submitted, and the done month's
    current()
      .select(['id', 'project_id', 'year', 'month', 'status'])
      .where((eb) =>
        doneMonth
          ? eb.or([
              eb('status', 'not in', finishedStatus),
              eb(sql`(year, month)`, '=', sql`(${doneMonth.y}::int, ${doneMonth.m}::int)`),
            ])
          : eb('status', 'not in', finishedStatus),
      )
      .execute(),
    // of the rest, only which months each project has submitted (a county company's 3,000 reports
    // read as 280 short arrays: their rows were most of the inbox's cost)
    current()
      .select(['project_id', sql<number[]>`array_agg(year * 12 + month - ${base}::int)`.as('ks')])
      .where('status', 'in', finishedStatus)
      .groupBy('project_id')
      .execute(),
  ]);
  // a project-month as one number (thousands of them: no string built per pair)
  const span = index(last.y, last.m) + 1;
  const pair = (projectId: number, k: number) => projectId * span + k;
  const byKey = new Map(open.map((r) => [pair(r.project_id, index(r.year, r.month)), r]));
  const submitted = new Set(finished.flatMap((r) => r.ks.map((k) => pair(r.project_id, k))));
  const today = todayInChina();
  const deadlineOf = deadlineResolver(db);
  const paths = [...new Set(mine.map((p) => p.region_path))];
  const out: InboxItem[] = [];
  for (const ym of months) {
    const { y, m } = parseMonth(ym);
    const k = index(y, m);
    const deadlines = new Map(
      await Promise.all(paths.map(async (path) => [path, await deadlineOf(path, y, m)] as const)),
    );
    for (const p of mine) {
      const r = byKey.get(pair(p.id, k));
      if (!r && submitted.has(pair(p.id, k))) continue; // submitted or verified, and not the done month
      if (!r && !owesReport(p.reports_from, ym)) continue; // before its 起报月份 nothing is owed
      const deadline = deadlines.get(p.region_path)!;
      const state: InboxState =
        r?.status === 'submitted' || r?.status === 'verified'
          ? r.status
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

/** As the database orders codes (C collation), and without `localeCompare`'s cost on thousands of rows. */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

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
      byCodePoint(a.month, b.month) ||
      byCodePoint(a.projectCode, b.projectCode),
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
