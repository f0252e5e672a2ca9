/**
 * The closed months' lights. The newest two months are closed by the lights module's own month
 * close (`runClose`: one facts statement over every project, the rules, the lights saved, the
 * indicators and the audit event). The months before them are computed set-based, all at once —
 * the same facts (the baseline in force at the month's end, the investment done to date, the first
 * submission against the deadline, the milestones overdue, the start) and the same default rules
 * as `computeLight` in lights/rules.ts, reasons worded as it words them, streaks as runs of months
 * — because 22 closes of 100,000 projects one after another would take most of the generation; the
 * generator's test checks that a rerun of the rules over those facts gives every light unchanged.
 * Their close records (indicators and audit event) are the lights module's `recordClose`, over the
 * saved lights. Publishing writes what `publishClose` writes, on the generated day.
 */
import type { Ctx } from '../../packages/server/src/platform/access/context.ts';
import { sql } from 'kysely';
import { transaction, type Db } from '../../packages/server/src/db/connection.ts';
import { recordAudit } from '../../packages/server/src/platform/audit/audit.ts';
import { regionsUnder } from '../../packages/server/src/platform/regions.ts';
import { orgNames } from '../../packages/server/src/modules/org/index.ts';
import type { ProjectMonth } from '../../packages/server/src/modules/lights/indicators.ts';
import { recordClose } from '../../packages/server/src/modules/lights/close.ts';
import { cents } from '../../packages/server/src/modules/lights/rules.ts';
import { defaultLightRules } from '@ducha/contract';
import { chinaTime, plusDays, type Gen, type GenMonth } from './context.ts';

export { runClose } from '../../packages/server/src/modules/lights/index.ts';

const ROOT = { code: '230000', path: '230000' };
const aggregated = (m: GenMonth) => {
  const [ny, nm] = m.m === 12 ? [m.y + 1, 1] : [m.y, m.m + 1];
  return `${ny}-${String(nm).padStart(2, '0')}-12`;
};

/** The lights of `months` (consecutive, the first closed month first), set-based, a slice of projects at a time. */
export async function lightsInSql(g: Gen, months: GenMonth[]) {
  if (!months.length) return;
  const r = defaultLightRules;
  if (
    !(r.yellowOnStartOverdue && r.yellowOnMilestoneOverdue && r.yellowOnReportMissing) ||
    r.noBaselineYellowFromMonth === null ||
    r.noBaselineYellowFromMonth === undefined
  )
    throw new Error('the default light rules changed: bench/province/closes.ts computes the old ones');
  const ks = months.map((m) => m.k);
  const k0 = ks[0]!;
  const lag = `${Math.round(r.lagThreshold * 1000)}`; // done × 1000 < planned × 900
  const pct = `${(Math.floor(r.lagThreshold * 1000) / 10).toFixed(1)}%`;
  const max = Number((await sql<{ n: number }>`select max(id) as n from projects`.execute(g.db)).rows[0]!.n);
  const slice = 10_000;
  for (let a = 1; a <= max; a += slice) {
    const b = a + slice - 1;
    await sql`
      insert into lights (project_id, year, month, computed, reasons, streak, red_streak, referral, planned_to_date,
        done_to_date, annual_plan, pace_ratio, annual_ratio, timeliness, closed_by_region, project_code, region_code,
        project_active)
      with grid as (
        select p.id, p.code, p.region_code as region, p.planned_start, p.actual_start, mo.k, mo.y, mo.m, mo.month_end as e, mo.deadline
        from projects p cross join bench_months mo
        where p.active and p.id between ${a} and ${b} and mo.k in (${sql.join(ks)})
      ),
      rep as (
        select r.project_id, r.year, r.month, r.investment_month, r.first_submitted_at from monthly_reports r
        where r.current and r.status in ('submitted', 'verified') and r.project_id between ${a} and ${b}
      ),
      filed as (
        select grid.*, rep.investment_month, (rep.first_submitted_at at time zone 'Asia/Shanghai')::date as submitted
        from grid left join rep on rep.project_id = grid.id and rep.year = grid.y and rep.month = grid.m
      ),
      -- the baseline in force at each month's end: the newest approved one effective by then
      base as (
        select distinct on (ap.project_id, mo.k) ap.project_id, mo.k, ap.id as plan_id, ap.planned_investment as annual, ap.monthly
        from annual_plans ap join bench_months mo on mo.y = ap.year and ap.effective_from <= mo.month_end
        where ap.status in ('approved', 'superseded') and ap.project_id between ${a} and ${b} and mo.k in (${sql.join(ks)})
        order by ap.project_id, mo.k, ap.baseline_no desc
      ),
      overdue as (
        select base.project_id, base.k, array_agg(pm.name order by pm.seq) as names
        from base join plan_milestones pm on pm.plan_id = base.plan_id join bench_months mo on mo.k = base.k
        where pm.planned_date <= mo.month_end and (pm.actual_date is null or pm.actual_date > mo.month_end)
        group by base.project_id, base.k
      ),
      facts as (
        select f.id, f.code, f.region, f.planned_start, f.actual_start, f.k, f.y, f.m, f.e, f.deadline, f.submitted,
          base.plan_id, base.annual,
          coalesce(case when cardinality(base.monthly) = 12 then (select sum(x) from unnest(base.monthly[1:f.m]) x)
                        else round(base.annual * f.m / 12, 2) end, 0)::numeric(16,2) as planned,
          (sum(coalesce(f.investment_month, 0)) over (partition by f.id, f.y order by f.m))::numeric(16,2) as done,
          overdue.names as overdue
        from filed f
        left join base on base.project_id = f.id and base.k = f.k
        left join overdue on overdue.project_id = f.id and overdue.k = f.k
      ),
      causes as (
        select facts.*,
          plan_id is null as no_base,
          planned_start is not null and planned_start <= e and not coalesce(actual_start <= e, false) as start_over,
          plan_id is not null and planned <> 0 and done * 1000 < planned * ${sql.raw(lag)} as lagging,
          overdue is not null as ms_over,
          submitted is null as missing
        from facts
      ),
      caused as (
        select causes.*, (start_over or lagging or ms_over or missing or (no_base and m >= ${r.noBaselineYellowFromMonth})) as caused
        from causes
      ),
      streaks as (
        select caused.*, case when caused then k - coalesce(max(case when not caused then k end)
          over (partition by id order by k rows between unbounded preceding and current row), ${k0 - 1}) else 0 end as streak
        from caused
      ),
      colours as (
        select streaks.*, case when not caused then 'green' when streak >= ${r.redAfterYellowMonths} then 'red' else 'yellow' end as color
        from streaks
      ),
      reds as (
        select colours.*, case when color = 'red' then k - coalesce(max(case when color <> 'red' then k end)
          over (partition by id order by k rows between unbounded preceding and current row), ${k0 - 1}) else 0 end as red_streak,
          case when planned = 0 then null else round(done / planned, 4) end as pace,
          case when annual is null or annual = 0 then null else round(done / annual, 4) end as annual_ratio
        from colours
      )
      select id, y, m, color,
        to_jsonb(array_remove(array[
          case when no_base then jsonb_build_object('code', 'NO_BASELINE', 'values', jsonb_build_object('month', m,
            'yellowFromMonth', ${r.noBaselineYellowFromMonth}::int), 'text', '无基线：本月无生效的年度计划') end,
          case when start_over then jsonb_build_object('code', 'START_OVERDUE', 'values', jsonb_build_object('plannedStart',
            planned_start::text), 'text', '计划 ' || planned_start || ' 开工，至月末未开工') end,
          case when lagging then jsonb_build_object('code', 'LAG', 'values', jsonb_build_object('paceRatio', pace,
            'threshold', ${r.lagThreshold}::numeric, 'plannedToDate', planned::text, 'doneToDate', done::text),
            'text', '序时完成率 ' || trunc(trunc(done * 1000 / planned) / 10) || '.' || mod(trunc(done * 1000 / planned), 10)
              || '%，低于 ' || ${pct}::text || '(序时计划 ' || planned || ' 万元，完成 ' || done || ' 万元)') end,
          case when ms_over then jsonb_build_object('code', 'MILESTONE_OVERDUE', 'values', jsonb_build_object('count',
            cardinality(overdue), 'milestones', array_to_string(overdue, '、')), 'text', '节点逾期：' || array_to_string(overdue, '、')) end,
          case when missing then jsonb_build_object('code', 'REPORT_MISSING', 'values', jsonb_build_object('month', m),
            'text', m || ' 月月报未报送') end,
          case when color = 'red' then jsonb_build_object('code', 'YELLOW_STREAK', 'values', jsonb_build_object('months', streak),
            'text', '连续 ' || streak || ' 个月未消除预警，转为红灯') end,
          case when red_streak >= ${r.referralAfterRedMonths} then jsonb_build_object('code', 'RED_STREAK', 'values',
            jsonb_build_object('months', red_streak), 'text', '连续 ' || red_streak || ' 个月红灯，移交纪检监察问责') end
        ], null)),
        streak, red_streak, red_streak >= ${r.referralAfterRedMonths}, planned, done, annual, pace, annual_ratio,
        case when submitted is null then 'missing' when submitted <= deadline then 'on_time' else 'late' end,
        ${ROOT.code}::text, code, region, true -- the board's scope (migration 0028): active projects only here
      from reds`.execute(g.db);
  }
}

/**
 * The close rows of months whose lights are saved (all published: the newer months follow): the
 * indicators over the lights (as `runClose` computes them, from the same kind of rows) and the
 * audit events of the close and its publishing.
 */
export async function closeFromLights(g: Gen, ctx: Ctx, months: GenMonth[]) {
  const regions = new Map((await regionsUnder(g.db, ROOT.path)).map((r) => [r.code, r]));
  const names = await orgNames(g.db);
  // each project's lists and batches of a year, once per year (listMembershipsSql's rows)
  await sql`create table bench_lists as
    select mb.project_id, pl.year, json_agg(json_build_object('list', pl.name, 'batch', mb.batch) order by pl.id) as lists
    from project_list_members mb join project_lists pl on pl.id = mb.list_id
    where mb.removed_at is null group by mb.project_id, pl.year`.execute(g.db);
  await sql`create unique index on bench_lists (project_id, year)`.execute(g.db);
  for (const m of months) await closeOne(g, ctx, m, true, regions, names);
  await sql`drop table bench_lists`.execute(g.db);
}

async function closeOne(
  g: Gen,
  ctx: Ctx,
  m: GenMonth,
  publish: boolean,
  regions: Map<string, { name: string; path: string }>,
  names: Awaited<ReturnType<typeof orgNames>>,
) {
  type Row = [
    string,
    string,
    number | null,
    number | null,
    string | null,
    { list: string; batch: string }[] | null,
    string,
    string,
    ProjectMonth['color'],
    string | null,
    string | null,
  ];
  const result = await sql<{ rows: Row[] }>`
    select coalesce(json_agg(json_build_array(p.sector, p.region_code, p.responsible_unit_id, p.leader_position_id,
      l.annual_plan::text, lst.lists, l.planned_to_date::text, l.done_to_date::text, l.computed, p.actual_start, p.planned_start)
      order by p.id), '[]') as rows
    from lights l join projects p on p.id = l.project_id
    left join bench_lists lst on lst.project_id = p.id and lst.year = ${m.y}
    where l.year = ${m.y} and l.month = ${m.m}`.execute(g.db);
  const rows = result.rows[0]!.rows;
  const start = `${m.y}-01-01`;
  const months: ProjectMonth[] = rows.map(
    ([sector, code, unit, leader, annual, lists, planned, done, color, started, plannedStart]) => ({
      sector,
      region_name: regions.get(code)!.name,
      responsible_unit: unit === null ? null : (names.units.get(unit) ?? null),
      leader: leader === null ? null : (names.positions.get(leader) ?? null),
      annualPlan: annual === null ? null : cents(annual),
      lists: lists ?? [],
      plannedToDate: cents(planned),
      doneToDate: cents(done),
      color,
      started: started !== null && started <= m.end,
      plannedToStart: plannedStart !== null && plannedStart >= start && plannedStart <= m.end,
    }),
  );
  const paths = rows.map((r) => regions.get(r[1])!.path);
  const computedAt = chinaTime(aggregated(m), 20);
  await transaction(g.db, (trx) =>
    recordClose(trx, ctx, {
      regionCode: ROOT.code,
      y: m.y,
      m: m.m,
      computedAt,
      rulesVersion: 0,
      months,
      paths,
      projects: months.length,
    }),
  );
  if (publish) await publishCloseIn(g.db, ctx, ROOT.code, m);
}

/** Publishes a computed close (three days after its aggregation day), with the audit event publishing writes. */
export async function publishCloseIn(db: Db, ctx: Ctx, code: string, m: GenMonth) {
  await transaction(db, async (trx) => {
    const open = await sql<{ unverified: number; returned: number }>`
      select count(*) filter (where status = 'submitted')::int as unverified,
             count(*) filter (where status = 'returned')::int as returned
      from monthly_reports where current and year = ${m.y} and month = ${m.m}`.execute(trx);
    await trx
      .updateTable('month_closes')
      .set({ status: 'published', published_at: chinaTime(plusDays(aggregated(m), 3), 16) })
      .where('region_code', '=', code)
      .where('year', '=', m.y)
      .where('month', '=', m.m)
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'month_close',
      entityId: `${code}:${m.ym}`,
      action: 'publish',
      before: { status: 'computed' },
      after: {
        status: 'published',
        unverifiedReports: Number(open.rows[0]!.unverified),
        returnedReports: Number(open.rows[0]!.returned),
      },
    });
  });
}
