/**
 * The month close (月度调度): every project's light and the portfolio indicators for a region and
 * month. Set-based: one query loads the facts of all projects, the pure rules decide, one statement
 * saves the lights that changed (keeping the office's overrides; a rerun on the same inputs writes
 * none), one row stores the indicators. Idempotent: the same inputs give the same lights and
 * indicators; a published month is frozen.
 */
import { isDeepStrictEqual } from 'node:util';
import type { IndicatorRow, LightColor, LightReason, MonthClose } from '@ducha/contract';
import { sql } from 'kysely';
import { transaction, type Db, type Trx } from '../../db/connection.ts';
import type { Ctx } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { monthEnd } from '../../platform/calendar.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
import { regionCodeOnLine, regionsUnder } from '../../platform/regions.ts';
import { todayInChina } from '../../platform/time.ts';
import { orgNames } from '../org/index.ts';
import {
  baselineInForceSql,
  closeScopeSql,
  notYetReportingSql,
  listMembershipsSql,
  overdueMilestonesSql,
  projectCodeOf,
} from '../projects/index.ts';
import {
  deadlineResolver,
  doneToDateSql,
  openReports,
  submissionsSql,
  timeliness,
  type Timeliness,
} from '../reports/index.ts';
import { indicators, indicatorsBelow, type ProjectMonth } from './indicators.ts';
import { cents, computeLight, fromCents, monthEnded } from './rules.ts';
import { rulesFor } from './settings.ts';
import { runCloseHooks } from './close-hooks.ts';

/**
 * One project's facts, as an array: 10,000 rows travel as one JSON document (far cheaper to decode
 * than rows of columns), and arrays keep it free of repeated keys.
 */
type FactRow = [
  id: number,
  sector: string,
  regionCode: string,
  responsibleUnitId: number | null,
  leaderPositionId: number | null,
  plannedStart: string | null,
  actualStart: string | null,
  /** money as numeric text; null without a baseline */
  annual: string | null,
  planned: string | null,
  done: string | null,
  /** the month's report: the date of its first submission in China, if submitted */
  submitted: string | null,
  overdue: string[] | null,
  prevStreak: number | null,
  prevRedStreak: number | null,
  lists: { list: string; batch: string }[] | null,
  /** the light a previous close saved for this month, to leave it alone when nothing changed */
  saved: LightRow | null,
];

/** A light's computed content, in the order and form a saved one reads back (money as text). */
type LightRow = [
  computed: LightColor,
  reasons: LightReason[],
  streak: number,
  redStreak: number,
  referral: boolean,
  plannedToDate: string,
  doneToDate: string,
  annualPlan: string | null,
  paceRatio: number | null,
  annualRatio: number | null,
  timeliness: Timeliness,
  closedByRegion: string,
];

/**
 * Loads the facts of every active project under `path` for month y-m, in one statement. Only what
 * the rules need travels, in cheap types (each column of 10,000 rows costs time to decode): names
 * as ids (looked up once), 序时计划 summed here, the submission as its China date.
 */
export async function loadFacts(trx: Trx, path: string, y: number, m: number) {
  const end = monthEnd(y, m);
  const [py, pm] = m === 1 ? [y - 1, 12] : [y, m - 1];
  // plannedToDate (rules.ts) in SQL: the baseline's months 1..m, else annual × m/12 to the cent
  const months = sql.join(
    Array.from({ length: m }, (_, i) => sql`b.monthly[${sql.lit(i + 1)}]`),
    sql` + `,
  );
  const [scope, base] = [sql`scope`, sql`base`];
  const result = await sql<{ facts: FactRow[] }>`
    with scope as (${closeScopeSql(path, { y, m })}),
    base as (${baselineInForceSql(scope, y, end)}),
    done as (${doneToDateSql(scope, y, m)}),
    rep as (${submissionsSql(y, m)}),
    ms as (${overdueMilestonesSql(base, end)}),
    lst as (${listMembershipsSql(scope, y)})
    select coalesce(json_agg(json_build_array(
             s.id, s.sector, s.region_code, s.responsible_unit_id, s.leader_position_id, s.planned_start, s.actual_start,
             b.planned_investment::text,
             (case when cardinality(b.monthly) = 12 then ${months}
                   else round(b.planned_investment * ${sql.lit(m)} / 12, 2) end)::text,
             d.done::text, (rep.first_submitted_at at time zone 'Asia/Shanghai')::date,
             ms.names, prev.streak, prev.red_streak, lst.lists,
             case when cur.project_id is not null then json_build_array(cur.computed, cur.reasons, cur.streak,
               cur.red_streak, cur.referral, cur.planned_to_date::text, cur.done_to_date::text, cur.annual_plan::text,
               cur.pace_ratio, cur.annual_ratio, cur.timeliness, cur.closed_by_region) end
           ) order by s.id), '[]') as facts
    from scope s
    left join base b on b.project_id = s.id
    left join done d on d.project_id = s.id
    left join rep on rep.project_id = s.id
    left join ms on ms.project_id = s.id
    left join lights prev on prev.project_id = s.id and prev.year = ${py} and prev.month = ${pm}
    left join lights cur on cur.project_id = s.id and cur.year = ${y} and cur.month = ${m}
    left join lst on lst.project_id = s.id`.execute(trx);
  return result.rows[0]!.facts;
}

/**
 * A close's record of a region and month: its indicators (the region's and each region's below)
 * replacing an earlier computation, with the audit event of the computation; returns the
 * indicators. Written by the close and by bench:province for the months it computes in bulk.
 */
export async function recordClose(
  trx: Trx,
  ctx: Ctx,
  c: {
    regionCode: string;
    y: number;
    m: number;
    computedAt: Date;
    rulesVersion: number;
    months: ProjectMonth[];
    paths: readonly string[];
    projects: number;
  },
): Promise<Record<string, IndicatorRow[]>> {
  const ind = indicators(c.months);
  await trx
    .deleteFrom('month_closes')
    .where('region_code', '=', c.regionCode)
    .where('year', '=', c.y)
    .where('month', '=', c.m)
    .execute();
  await trx
    .insertInto('month_closes')
    .values({
      region_code: c.regionCode,
      year: c.y,
      month: c.m,
      status: 'computed',
      computed_at: c.computedAt,
      rules_version: c.rulesVersion,
      indicators: JSON.stringify(ind),
      region_indicators: JSON.stringify(indicatorsBelow(c.months, c.paths, c.regionCode)),
    })
    .execute();
  const counts = ind.total?.[0];
  await recordAudit(trx, ctx, {
    entity: 'month_close',
    entityId: `${c.regionCode}:${c.y}-${String(c.m).padStart(2, '0')}`,
    action: 'run_close',
    after: {
      projects: c.projects,
      green: counts?.green ?? 0,
      yellow: counts?.yellow ?? 0,
      red: counts?.red ?? 0,
      rulesVersion: c.rulesVersion,
    },
  });
  return ind;
}

/** The names the indicators group by, by id: regions in scope, units and positions. */
async function loadNames(trx: Trx, path: string) {
  const regions = await regionsUnder(trx, path);
  return { regions: new Map(regions.map((r) => [r.code, r])), ...(await orgNames(trx)) };
}

export async function runClose(
  db: Db,
  ctx: Ctx,
  region: { code: string; path: string },
  y: number,
  m: number,
  today = todayInChina(),
): Promise<MonthClose> {
  assertMonthEnded(y, m, today);
  return transaction(db, async (trx) => {
    // a month published for this region, a region above it or one below it is frozen for all of them
    const frozen = await sql<{ code: string }>`select c.region_code as code from month_closes c
      where c.year = ${y} and c.month = ${m} and c.status = 'published'
        and ${regionCodeOnLine('c.region_code', region.path)}`.execute(trx);
    if (frozen.rows.length) {
      throw new DomainError('INVALID_STATE', 409, [
        { path: 'month', message: `该月已发布(${frozen.rows[0]!.code})，数据已冻结` },
      ]);
    }
    const { rules, version } = await rulesFor(trx, region.path, y);
    const end = monthEnd(y, m);
    const names = await loadNames(trx, region.path);
    const facts = await loadFacts(trx, region.path, y, m);
    // each project's deadline follows its own region's calendar (a county may set its own)
    const deadlineOf = deadlineResolver(trx);
    const deadlines = new Map<string, string>();
    for (const [, , code] of facts)
      if (!deadlines.has(code)) deadlines.set(code, await deadlineOf(names.regions.get(code)!.path, y, m));
    const months: ProjectMonth[] = [];
    const paths: string[] = [];
    const changed: { id: number; light: LightRow }[] = [];
    for (const f of facts) {
      const [
        id,
        sector,
        regionCode,
        unitId,
        leaderId,
        plannedStart,
        actualStart,
        annual,
        plannedText,
        doneText,
        submitted,
        overdue,
        prevStreak,
        prevRedStreak,
        lists,
        saved,
      ] = f;
      const annualPlan = annual === null ? null : cents(annual);
      const planned = plannedText === null ? 0n : cents(plannedText);
      const done = doneText === null ? 0n : cents(doneText);
      const t = timeliness(submitted, deadlines.get(regionCode)!);
      const light = computeLight(
        {
          month: m,
          monthEnd: end,
          hasBaseline: annualPlan !== null,
          annualPlan,
          plannedToDate: planned,
          doneToDate: done,
          plannedStart,
          actualStart,
          overdueMilestones: overdue ?? [],
          timeliness: t,
          previous: prevStreak === null ? null : { streak: prevStreak, redStreak: prevRedStreak ?? 0 },
        },
        rules,
      );
      paths.push(names.regions.get(regionCode)!.path);
      months.push({
        sector,
        region_name: names.regions.get(regionCode)!.name,
        responsible_unit: unitId === null ? null : (names.units.get(unitId) ?? null),
        leader: leaderId === null ? null : (names.positions.get(leaderId) ?? null),
        annualPlan,
        lists: lists ?? [],
        plannedToDate: planned,
        doneToDate: done,
        color: light.color,
        started: actualStart !== null && actualStart <= end,
        plannedToStart: plannedStart !== null && plannedStart >= `${y}-01-01` && plannedStart <= end,
      });
      const row: LightRow = [
        light.color,
        light.reasons,
        light.streak,
        light.redStreak,
        light.referral,
        fromCents(planned),
        fromCents(done),
        annual,
        light.paceRatio,
        light.annualRatio,
        t,
        region.code,
      ];
      if (!isDeepStrictEqual(row, saved)) changed.push({ id, light: row });
    }
    await saveLights(trx, y, m, changed);
    // a project whose 起报月份 was moved past this month since an earlier close has no light for it
    await sql`delete from lights where year = ${y} and month = ${m}
      and project_id in (${notYetReportingSql(region.path, y, m)})`.execute(trx);
    const computedAt = new Date();
    const ind = await recordClose(trx, ctx, {
      regionCode: region.code,
      y,
      m,
      computedAt,
      rulesVersion: version,
      months,
      paths,
      projects: facts.length,
    });
    // the modules following the close (the assessment ledger) in the same transaction
    await runCloseHooks(trx, ctx, region, y, m);

    const open = await openReports(trx, region.path, y, m);
    return {
      regionCode: region.code,
      closedByRegion: region.code,
      closedByRegionName: names.regions.get(region.code)?.name ?? region.code,
      year: y,
      month: m,
      status: 'computed',
      computedAt: computedAt.toISOString(),
      publishedAt: null,
      rulesVersion: version,
      indicators: ind,
      unverifiedReports: open.unverified,
      returnedReports: open.returned,
    };
  });
}

/** 400 at `month` unless the month has ended in China (the UI, the CLI and the nightly job alike). */
export function assertMonthEnded(y: number, m: number, today = todayInChina()) {
  if (!monthEnded(y, m, today))
    throw invalid('month', `${y}年${m}月尚未结束，月末之后才能调度或发布(今天是 ${today})`);
}

/**
 * Upserts the lights that changed in one statement, a column per array (far cheaper to bind and
 * parse than a JSON object per row); overrides stay as the office set them.
 */
async function saveLights(trx: Trx, y: number, m: number, rows: { id: number; light: LightRow }[]) {
  if (!rows.length) return;
  // array literals built here: binding JS arrays through the driver costs several times more; every
  // value is a number, a boolean, a code word or a decimal text, so none needs quoting
  const col = (i: number) => `{${rows.map((r) => r.light[i] ?? 'NULL').join(',')}}`;
  await sql`
    insert into lights (project_id, year, month, computed, reasons, streak, red_streak, referral, planned_to_date,
      done_to_date, annual_plan, pace_ratio, annual_ratio, timeliness, closed_by_region, project_code)
    select project_id, ${y}::int, ${m}::int, computed, reasons::jsonb, streak, red_streak, referral, planned_to_date,
      done_to_date, annual_plan, pace_ratio, annual_ratio, timeliness, closed_by_region,
      ${projectCodeOf('l.project_id')} -- the board sorts by it (codes never change)
    from rows from ( -- in the order of LightRow
      unnest(${`{${rows.map((r) => r.id).join(',')}}`}::int[]),
      unnest(${col(0)}::text[]),
      json_array_elements(${JSON.stringify(rows.map((r) => r.light[1]))}::json),
      unnest(${col(2)}::int[]),
      unnest(${col(3)}::int[]),
      unnest(${col(4)}::boolean[]),
      unnest(${col(5)}::numeric[]),
      unnest(${col(6)}::numeric[]),
      unnest(${col(7)}::numeric[]),
      unnest(${col(8)}::numeric[]),
      unnest(${col(9)}::numeric[]),
      unnest(${col(10)}::text[]),
      unnest(${col(11)}::text[])
    ) as l(project_id, computed, reasons, streak, red_streak, referral, planned_to_date, done_to_date, annual_plan,
      pace_ratio, annual_ratio, timeliness, closed_by_region)
    on conflict (project_id, year, month) do update set
      computed = excluded.computed, reasons = excluded.reasons, streak = excluded.streak,
      red_streak = excluded.red_streak, referral = excluded.referral, planned_to_date = excluded.planned_to_date,
      done_to_date = excluded.done_to_date, annual_plan = excluded.annual_plan, pace_ratio = excluded.pace_ratio,
      annual_ratio = excluded.annual_ratio, timeliness = excluded.timeliness, closed_by_region = excluded.closed_by_region,
      project_code = excluded.project_code`.execute(trx);
}
