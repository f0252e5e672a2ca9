/**
 * 24 months of monthly reports, set-based (one statement per slice of projects): every project
 * reports every month; each project-year has a story (on track; one, two or three slow months; an
 * autumn slowdown; two months skipped), the investment reported follows the baseline's monthly plan
 * at that pace (the cumulative amount never falls, so a skipped month is caught up), reports come
 * on time or a few days late, and the newest months are still being filed and checked: the month
 * past its deadline has reports waiting, returned and a few drafts and missing, the month being
 * filed has drafts, submissions and not yet anything. A few verified reports were amended. Then
 * photos on recent reports and the office's 催报 of the month being checked.
 */
import { sql } from 'kysely';
import { bulk, chinaTime, plusDays, type Gen } from './context.ts';

export async function generateReports(g: Gen) {
  // each month with the moment the next month begins in China: times are offsets from it (no time zone lookup per row)
  await sql`create table bench_months (k int primary key, y int, m int, month_end date, deadline date, phase text,
    next_at timestamptz)`.execute(g.db);
  await bulk(
    g.db,
    'bench_months' as never,
    g.months.map((mo) => ({
      k: mo.k,
      y: mo.y,
      m: mo.m,
      month_end: mo.end,
      deadline: mo.deadline,
      phase: mo.phase,
      next_at: chinaTime(plusDays(mo.end, 1), 0),
    })),
  );
  // each baseline 1's cumulative monthly plan: the pace of reports is against it
  await sql`create table bench_cum as
    select ap.project_id, ap.year, array(select sum(x) over (order by i) from unnest(ap.monthly) with ordinality t(x, i) order by i) as cum
    from annual_plans ap where ap.baseline_no = 1`.execute(g.db);
  await sql`create unique index on bench_cum (project_id, year)`.execute(g.db);

  // the milestones each report says were reached that month: of the baseline in force at its end
  // (effective by then, and no later baseline effective by then)
  await sql`create table bench_reached as
    select y.project_id, y.year, y.month,
            jsonb_agg(jsonb_build_object('milestoneId', y.id, 'actualDate', y.actual_date::text) order by y.seq) as reached
          from (select ap.project_id, ap.year, extract(month from pm.actual_date)::int as month, pm.id, pm.seq, pm.actual_date,
                  (date_trunc('month', pm.actual_date) + interval '1 month - 1 day')::date as month_end,
                  ap.effective_from, ap.later_from
                from plan_milestones pm
                join (select id, project_id, year, effective_from,
                        lead(effective_from) over (partition by project_id, year order by baseline_no) as later_from
                      from annual_plans where status in ('approved', 'superseded')) ap on ap.id = pm.plan_id
                where pm.actual_date is not null and extract(year from pm.actual_date) = ap.year) y
          where y.effective_from <= y.month_end and (y.later_from is null or y.later_from > y.month_end)
          group by y.project_id, y.year, y.month`.execute(g.db);
  await sql`create unique index on bench_reached (project_id, year, month)`.execute(g.db);
  // the staging tables' statistics, so each slice joins them by hash or index as their sizes say
  for (const t of [
    'bench_projects',
    'bench_region',
    'bench_unit',
    'bench_months',
    'bench_cum',
    'bench_reached',
  ])
    await sql`analyze ${sql.table(t)}`.execute(g.db);

  const today = g.today;
  const yesterday = plusDays(today, -1);
  const now = chinaTime(today, 0);
  const max = Number(
    (await sql<{ n: number }>`select max(id) as n from bench_projects`.execute(g.db)).rows[0]!.n,
  );
  const slice = 10_000;
  for (let a = 1; a <= max; a += slice) {
    await sql`
      insert into monthly_reports (project_id, year, month, status, investment_month, funds_in_place, physical_progress,
        percent_complete, milestones_reached, problems, next_month_plan, signer, first_submitted_at, submitted_at,
        return_reason, verified_by, verified_at, created_by, created_at, updated_at, version)
      with base as (
        select b.id, b.grp, b.started, b.nature, b.total, mo.k, mo.y, mo.m, mo.month_end, mo.deadline, mo.phase,
          mo.next_at,
          bench_rand(b.id * 100 + mo.k, 81) as u,
          bench_rand(b.id * 10 + (mo.y - 2000), 82) as story,
          floor(bench_rand(b.id * 10 + (mo.y - 2000), 83) * 6)::int as s0,
          bench_rand(b.id * 100 + mo.k, 84) as pace_r,
          bench_rand(b.id * 100 + mo.k, 85) as late_r,
          bench_rand(b.id * 100 + mo.k, 86) as t_r,
          c.cum[mo.m] as cum, br.office, bu.filer, rd.reached
        from bench_projects b cross join bench_months mo
        join bench_region br on br.code = b.region_code
        left join bench_unit bu on bu.id = b.owner
        left join bench_cum c on c.project_id = b.id and c.year = mo.y
        left join bench_reached rd on rd.project_id = b.id and rd.year = mo.y and rd.month = mo.m
        where b.id between ${a} and ${a + slice - 1}
      ),
      storied as (
        select *,
          -- slow months of the year's story: 6% one, 5% two, 2% three in a row (April to September),
          -- 6% in the autumn; 1.5% skip two months
          case when story < 0.06 then m = 4 + s0
               when story < 0.11 then m between 4 + s0 and 5 + s0
               when story < 0.13 then m between 4 + least(s0, 4) and 6 + least(s0, 4)
               when story < 0.19 then m between case when s0 < 3 then 9 else 10 end and 10
               else false end as slow,
          story >= 0.19 and story < 0.205 and m between 5 + least(s0, 3) and 6 + least(s0, 3) as skipped
        from base
      ),
      filed as (
        select *,
          case phase
            when 'settled' then 'verified'
            when 'checking' then case when u < 0.025 then 'draft' when u < 0.045 then 'returned' when u < 0.13 then 'submitted' else 'verified' end
            else case when (${today}::date - month_end - 1) <= 0 or u < 0.60 then 'draft' when u < 0.90 then 'submitted'
                      when u < 0.97 then 'verified' else 'returned' end
          end as status,
          round((case when cum is null then
                       case when y < ${g.year - 1} and started <= month_end then total * 0.004 * (0.5 + pace_r) else 0 end
                     else cum * case when slow then 0.70 + 0.12 * pace_r when grp = 2 and started is null then 0.3
                                     else 0.97 + 0.12 * pace_r end end)::numeric, 2) as target
        from storied
        where not skipped and case phase when 'settled' then u >= 0.012 when 'checking' then u >= 0.015 else u >= 0.35 end
      ),
      dated as (
        select *,
          max(target) over w - coalesce(max(target) over (partition by id, y order by m rows between unbounded preceding and 1 preceding), 0) as amount,
          -- the first submission's day, as days after the month's end (the 1st of the next month is 0)
          case when status = 'draft' then null
               when phase = 'open' then floor(t_r * greatest(1, ${today}::date - month_end - 1))::int
               when late_r < 0.08 then least(deadline + 1 + floor(t_r * 6)::int, ${yesterday}::date) - month_end - 1
               else deadline - floor(t_r * 6)::int - month_end - 1 end as first_day
        from filed
        window w as (partition by id, y order by m)
      ),
      timed as (
        select *, next_at + make_interval(days => first_day, hours => 9 + floor(t_r * 9)::int, mins => floor(late_r * 60)::int) as first_at
        from dated
      )
      select id, y, m, status, amount,
        case when amount = 0 then '{}'::jsonb
             when nature = 'enterprise' then jsonb_build_object('企业自筹', round(amount * 0.7, 2)::text, '银行贷款', (amount - round(amount * 0.7, 2))::text)
             else jsonb_build_object('地方配套', round(amount * 0.6, 2)::text, '银行贷款', (amount - round(amount * 0.6, 2))::text) end,
        case when grp = 4 then '项目储备，前期谋划中'
             when started is null or started > month_end then '前期手续办理中'
             when slow then '施工推进缓慢，正在协调要素保障'
             when m in (12, 1, 2, 3) then '冬季停工，开展室内作业和复工准备'
             else '按计划施工' end,
        case when started <= month_end then least(99, greatest(1, floor((month_end - started) / 30.0 * 3.5 + pace_r * 2))) end,
        case when status = 'draft' or reached is null then '[]'::jsonb else reached end,
        case when slow then case when m >= 9 then '入秋后施工人员不足，冬季施工方案未落实' else '征地拆迁进度滞后，需协调' end end,
        case when slow then '增加施工力量，倒排工期追赶进度' else '继续推进' end,
        '项目负责人',
        first_at, first_at,
        case when status = 'returned' then '资金到位数据与凭证不符，请核实后重报' end,
        case when status = 'verified' then office end,
        case when status = 'verified' then
          case when phase = 'open' then first_at + interval '2 hours'
               else least(first_at + (1 + floor(pace_r * 3)::int) * interval '1 day', ${now}::timestamptz) end end,
        filer,
        coalesce(first_at - interval '1 day', least(next_at + interval '10 hours', ${now}::timestamptz)),
        coalesce(first_at + case when status in ('returned', 'verified') then interval '1 day' else interval '0' end,
                 least(next_at + interval '10 hours', ${now}::timestamptz)),
        case status when 'draft' then 1 when 'submitted' then 2 else 3 end
      from timed`.execute(g.db);
  }
  // a few verified reports were corrected afterwards: the original kept, the amendment current
  await sql`update monthly_reports set current = false
    where status = 'verified' and bench_rand(project_id::bigint * 100 + year * 12 + month, 87) < 0.004
      and (year, month) in (select y, m from bench_months where phase = 'settled')`.execute(g.db);
  await sql`insert into monthly_reports (project_id, year, month, amendment, current, status, investment_month, funds_in_place,
      physical_progress, percent_complete, problems, next_month_plan, signer, first_submitted_at, submitted_at,
      amendment_reason, verified_by, verified_at, created_by, created_at, updated_at, version)
    select project_id, year, month, 1, true, 'verified', investment_month, funds_in_place, physical_progress, percent_complete,
      problems, next_month_plan, signer, first_submitted_at, submitted_at, '更正资金到位来源', verified_by,
      verified_at + interval '10 days', created_by, verified_at + interval '9 days', verified_at + interval '10 days', 3
    from monthly_reports where not current`.execute(g.db);

  // photos on a sixth of the last three months' filings
  const recent = g.months.at(-3)!;
  await sql`insert into report_attachments (report_id, name, type, size, sha256, path, created_by, created_at)
    select r.id, '施工现场照片.jpg', 'image/jpeg', 200000 + floor(bench_rand(r.id, 88) * 1800000)::int, h.sha,
      'files/' || left(h.sha, 2) || '/' || h.sha, r.created_by, r.first_submitted_at - interval '1 hour'
    from monthly_reports r
    cross join lateral (select md5('photo' || r.id) || md5('jpeg' || r.id) as sha) h
    where r.current and r.first_submitted_at is not null and (r.year, r.month) >= (${recent.y}, ${recent.m})
      and bench_rand(r.id, 89) < 0.16`.execute(g.db);

  // 催报 of the month being checked: projects with no report in, reminded once or twice after the deadline
  const checking = g.months.find((mo) => mo.phase === 'checking');
  if (checking) {
    const on = [plusDays(checking.deadline, 2), yesterday].sort()[0]!;
    await sql`insert into report_reminders (project_id, year, month, count, last_reminded_on, last_reminded_at, last_reminded_by)
      select b.id, ${checking.y}, ${checking.m}, case when bench_rand(b.id, 90) < 0.3 then 2 else 1 end, ${on}::date,
        ${chinaTime(on, 10)}::timestamptz, br.office
      from bench_projects b join bench_region br on br.code = b.region_code
      where not exists (select 1 from monthly_reports r where r.project_id = b.id and r.year = ${checking.y}
        and r.month = ${checking.m} and r.current and r.status in ('submitted', 'verified'))`.execute(g.db);
    await sql`insert into notifications (user_id, kind, title, body, entity, entity_id, created_at, read_at)
      select u.id, 'report_reminded', '催报：' || ${checking.y} || '年' || ${checking.m} || '月月报 ' || count(*) || ' 个项目逾期未报送',
        string_agg(p.code || ' ' || p.name, E'\n' order by p.code), 'report_month', ${checking.ym},
        ${chinaTime(on, 10)}::timestamptz, case when bench_rand(u.id, 91) < 0.5 then ${chinaTime(on, 15)}::timestamptz end
      from report_reminders rr join projects p on p.id = rr.project_id
      join users u on u.unit_id in (p.responsible_unit_id, p.owner_unit_id) and u.role in ('unit', 'reporter')
      where rr.year = ${checking.y} and rr.month = ${checking.m}
      group by u.id`.execute(g.db);
  }
  await sql`drop table bench_cum`.execute(g.db);
  await sql`drop table bench_reached`.execute(g.db);
}
