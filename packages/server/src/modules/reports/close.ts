/**
 * The month close (月度调度): every project's light and the portfolio indicators for a region and
 * month. Set-based: one query loads the facts of all projects, the pure rules decide, one statement
 * saves the lights (keeping the office's overrides), one row stores the indicators. Idempotent:
 * the same inputs give the same lights and indicators; a published month is frozen.
 */
import { Decimal, type MonthClose } from '@ducha/contract';
import { sql } from 'kysely';
import { transaction, type Db, type Trx } from '../../db/connection.ts';
import type { Ctx } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { monthEnd } from '../../platform/calendar.ts';
import { DomainError } from '../../platform/errors.ts';
import { todayInChina } from '../../platform/time.ts';
import { indicators, type ProjectMonth } from './indicators.ts';
import { computeLight, plannedToDate, timeliness } from './rules.ts';
import { deadlineResolver } from './reports.ts';
import { rulesFor } from './settings.ts';

interface FactRow {
  id: number;
  code: string;
  name: string;
  sector: string;
  region_name: string;
  region_path: string;
  lead_unit: string | null;
  leader: string | null;
  planned_start: string | null;
  actual_start: string | null;
  planned_investment: string | null;
  monthly: string[] | null;
  done: string;
  first_submitted_at: Date | null;
  overdue_milestones: string[] | null;
  prev_streak: number | null;
  prev_red_streak: number | null;
  lists: { list: string; batch: string }[];
}

/** Loads the facts of every active project under `path` for month y-m, in one statement. */
export async function loadFacts(trx: Trx, path: string, y: number, m: number) {
  const end = monthEnd(y, m);
  const [py, pm] = m === 1 ? [y - 1, 12] : [y, m - 1];
  const result = await sql<FactRow>`
    with scope as (
      select p.id, p.code, p.name, p.sector, r.name as region_name, r.path as region_path, lu.name as lead_unit, lp.name as leader,
             p.planned_start, p.actual_start
      from projects p
      join regions r on r.code = p.region_code
      left join units lu on lu.id = p.lead_unit_id
      left join positions lp on lp.id = p.leader_position_id
      where p.active and (r.path = ${path} or r.path like ${path + '.%'})
    ),
    base as (
      select distinct on (ap.project_id) ap.project_id, ap.id as plan_id, ap.planned_investment, ap.monthly
      from annual_plans ap join scope s on s.id = ap.project_id
      where ap.year = ${y} and ap.status in ('approved', 'superseded') and ap.effective_from <= ${end}
      order by ap.project_id, ap.baseline_no desc
    ),
    done as (
      select mr.project_id, sum(mr.investment_month) as done
      from monthly_reports mr join scope s on s.id = mr.project_id
      where mr.current and mr.year = ${y} and mr.month <= ${m} and mr.status in ('submitted', 'verified')
      group by mr.project_id
    ),
    rep as (
      select project_id, first_submitted_at from monthly_reports
      where current and year = ${y} and month = ${m} and status in ('submitted', 'verified')
    ),
    ms as (
      select b.project_id, array_agg(pm.name order by pm.seq) as names
      from base b join plan_milestones pm on pm.plan_id = b.plan_id
      where pm.planned_date <= ${end} and (pm.actual_date is null or pm.actual_date > ${end})
      group by b.project_id
    ),
    lst as (
      select m.project_id, json_agg(json_build_object('list', l.name, 'batch', m.batch) order by l.id) as lists
      from project_list_members m join project_lists l on l.id = m.list_id join scope s on s.id = m.project_id
      where m.removed_at is null and l.year = ${y}
      group by m.project_id
    )
    select s.*, b.planned_investment, b.monthly, coalesce(d.done, 0) as done, rep.first_submitted_at,
           ms.names as overdue_milestones, prev.streak as prev_streak, prev.red_streak as prev_red_streak,
           coalesce(lst.lists, '[]'::json) as lists
    from scope s
    left join base b on b.project_id = s.id
    left join done d on d.project_id = s.id
    left join rep on rep.project_id = s.id
    left join ms on ms.project_id = s.id
    left join lights prev on prev.project_id = s.id and prev.year = ${py} and prev.month = ${pm}
    left join lst on lst.project_id = s.id
    order by s.id`.execute(trx);
  return result.rows;
}

const chinaDate = (d: Date) => todayInChina(d);

export async function runClose(
  db: Db,
  ctx: Ctx,
  region: { code: string; path: string },
  y: number,
  m: number,
): Promise<MonthClose> {
  return transaction(db, async (trx) => {
    // a month published for this region, a region above it or one below it is frozen for all of them
    const frozen = await sql<{
      code: string;
    }>`select c.region_code as code from month_closes c join regions r on r.code = c.region_code
      where c.year = ${y} and c.month = ${m} and c.status = 'published'
        and (r.path = ${region.path} or r.path like ${region.path + '.%'} or ${region.path} like r.path || '.%')`.execute(
      trx,
    );
    if (frozen.rows.length) {
      throw new DomainError('INVALID_STATE', 409, [
        { path: 'month', message: `该月已发布(${frozen.rows[0]!.code})，数据已冻结` },
      ]);
    }
    const { rules, version } = await rulesFor(trx, region.path, y);
    const end = monthEnd(y, m);
    const facts = await loadFacts(trx, region.path, y, m);
    // each project's deadline follows its own region's calendar (a county may set its own)
    const deadlineOf = deadlineResolver(trx);
    const deadlines = new Map<string, string>();
    for (const f of facts) deadlines.set(f.region_path, await deadlineOf(f.region_path, y, m));
    const months: ProjectMonth[] = [];
    const lights = facts.map((f) => {
      const planned = plannedToDate(m, f.planned_investment, f.monthly);
      const done = new Decimal(f.done);
      const t = timeliness(
        f.first_submitted_at ? chinaDate(f.first_submitted_at) : null,
        deadlines.get(f.region_path)!,
      );
      const light = computeLight(
        {
          month: m,
          monthEnd: end,
          hasBaseline: f.planned_investment !== null,
          annualPlan: f.planned_investment,
          plannedToDate: planned,
          doneToDate: done,
          plannedStart: f.planned_start,
          actualStart: f.actual_start,
          overdueMilestones: f.overdue_milestones ?? [],
          timeliness: t,
          previous:
            f.prev_streak === null ? null : { streak: f.prev_streak, redStreak: f.prev_red_streak ?? 0 },
        },
        rules,
      );
      months.push({
        ...f,
        plannedToDate: planned,
        doneToDate: done,
        color: light.color,
        started: f.actual_start !== null && f.actual_start <= end,
        plannedToStart: f.planned_start !== null && f.planned_start >= `${y}-01-01` && f.planned_start <= end,
      });
      return {
        project_id: f.id,
        year: y,
        month: m,
        computed: light.color,
        reasons: light.reasons,
        streak: light.streak,
        red_streak: light.redStreak,
        referral: light.referral,
        planned_to_date: planned.toFixed(2),
        done_to_date: done.toFixed(2),
        annual_plan: f.planned_investment,
        pace_ratio: light.paceRatio,
        annual_ratio: light.annualRatio,
        timeliness: t,
        closed_by_region: region.code,
      };
    });
    await saveLights(trx, lights);
    const ind = indicators(months);
    const computedAt = new Date();
    await trx
      .deleteFrom('month_closes')
      .where('region_code', '=', region.code)
      .where('year', '=', y)
      .where('month', '=', m)
      .execute();
    await trx
      .insertInto('month_closes')
      .values({
        region_code: region.code,
        year: y,
        month: m,
        status: 'computed',
        computed_at: computedAt,
        rules_version: version,
        indicators: JSON.stringify(ind),
      })
      .execute();
    const counts = ind.total?.[0];
    await recordAudit(trx, ctx, {
      entity: 'month_close',
      entityId: `${region.code}:${y}-${String(m).padStart(2, '0')}`,
      action: 'run_close',
      after: {
        projects: facts.length,
        green: counts?.green ?? 0,
        yellow: counts?.yellow ?? 0,
        red: counts?.red ?? 0,
        rulesVersion: version,
      },
    });
    return {
      regionCode: region.code,
      year: y,
      month: m,
      status: 'computed',
      computedAt: computedAt.toISOString(),
      publishedAt: null,
      rulesVersion: version,
      indicators: ind,
    };
  });
}

/** Upserts the month's lights in one statement; overrides stay as the office set them. */
async function saveLights(trx: Trx, rows: Record<string, unknown>[]) {
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = JSON.stringify(rows.slice(i, i + 5000));
    await sql`
      insert into lights (project_id, year, month, computed, reasons, streak, red_streak, referral, planned_to_date,
        done_to_date, annual_plan, pace_ratio, annual_ratio, timeliness, closed_by_region)
      select project_id, year, month, computed, reasons, streak, red_streak, referral, planned_to_date,
        done_to_date, annual_plan, pace_ratio, annual_ratio, timeliness, closed_by_region
      from json_populate_recordset(null::lights, ${chunk}::json)
      on conflict (project_id, year, month) do update set
        computed = excluded.computed, reasons = excluded.reasons, streak = excluded.streak,
        red_streak = excluded.red_streak, referral = excluded.referral, planned_to_date = excluded.planned_to_date,
        done_to_date = excluded.done_to_date, annual_plan = excluded.annual_plan, pace_ratio = excluded.pace_ratio,
        annual_ratio = excluded.annual_ratio, timeliness = excluded.timeliness, closed_by_region = excluded.closed_by_region`.execute(
      trx,
    );
  }
}
