/**
 * The ledger engine (issue 15): a region's month rebuilt from its facts under the region's active
 * scheme. The facts come from the modules that own them (one set-based query per kind over the
 * scheme region's subtree), the pure rules (rules.ts) turn them into row drafts, and each kind's
 * drafts are diffed by `fact_key` against its saved rows in the database, in one statement: new
 * facts inserted, changed ones updated, vanished ones deleted, the rest left alone (same ids, same
 * updated_at), so a recompute of the same facts writes nothing to the ledger; a range with nothing
 * saved yet is a plain insert. Manual rows are never touched; an exemption stays on its row.
 */
import { type GeneratedRule, type RecomputeResult } from '@ducha/contract';
import { sql } from 'kysely';
import type { Executor, Trx } from '../../db/connection.ts';
import type { Ctx } from '../../platform/access/context.ts';
import { recordAudits } from '../../platform/audit/audit.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
import { getRegion } from '../../platform/regions.ts';
import { todayInChina } from '../../platform/time.ts';
import { closedEarlyItemFacts, overdueItemFacts } from '../items/index.ts';
import { lightScoreFacts } from '../lights/index.ts';
import { absenceFacts } from '../meetings/index.ts';
import { reportScoreFacts } from '../reports/index.ts';
import { issueCards } from './card-issue.ts';
import { buildRows, noFacts, unitMonths, type MonthFacts, type RowDraft, type UnitMonth } from './rules.ts';
import { activeScheme, type SchemeRecord } from './scheme-store.ts';

const ym = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;

type Facts = Omit<MonthFacts, 'year' | 'month'>;

/** `xs` split by month, `from`..`to` (one list per month, in order). */
function byMonth<T extends { month: number }>(xs: T[], from: number, to: number): T[][] {
  const out = Array.from({ length: to - from + 1 }, () => [] as T[]);
  for (const x of xs) out[x.month - from]!.push(x);
  return out;
}

/**
 * The kinds of fact the ledger reads, each from the module that owns it, with the rules its rows
 * fall under (together every generated rule, once: `assessment-recompute` checks). A recompute
 * asks for every kind at once and writes each kind's rows as soon as they are built, so the
 * database reads the next kind, or writes the last one, while this thread builds rows.
 */
export const factKinds: {
  rules: GeneratedRule[];
  load(
    db: Executor,
    path: string,
    y: number,
    from: number,
    to: number,
    today: string,
  ): Promise<Partial<Facts>[]>;
}[] = [
  {
    rules: ['report_late', 'report_missing'],
    load: async (db, path, y, from, to, today) =>
      byMonth(await reportScoreFacts(db, path, y, from, today, to), from, to).map((reports) => ({ reports })),
  },
  {
    rules: ['red_light', 'referral', 'investment_pace'],
    load: async (db, path, y, from, to) => {
      const lit = await lightScoreFacts(db, path, y, from, to);
      const paces = byMonth(lit.paces, from, to);
      return byMonth(lit.lights, from, to).map((lights, i) => ({ lights, paces: paces[i]! }));
    },
  },
  {
    rules: ['item_overdue', 'item_early_close'],
    load: async (db, path, y, from, to, today) => {
      const overdue = byMonth(await overdueItemFacts(db, path, y, from, today, to), from, to);
      const closed = byMonth(await closedEarlyItemFacts(db, path, y, from, to), from, to);
      return overdue.map((overdueItems, i) => ({ overdueItems, closedItems: closed[i]! }));
    },
  },
  {
    rules: ['meeting_absence'],
    load: async (db, path, y, from, to) =>
      byMonth(await absenceFacts(db, path, y, from, to), from, to).map((absences) => ({ absences })),
  },
];

/**
 * Waits for every promise to settle, then throws the first failure: statements queued together on
 * one transaction must all be over before an error rolls it back (with `Promise.all` the others
 * would fail later, unheard, on the aborted transaction).
 */
async function settle(ps: Promise<unknown>[]): Promise<void> {
  const failed = (await Promise.allSettled(ps)).find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
}

/** Each kind's facts of months `from`..`to` of year y, the statements sent at once (they queue on the connection). */
const loadKinds = (db: Executor, path: string, y: number, from: number, to: number, today: string) =>
  factKinds.map((k) => k.load(db, path, y, from, to, today));

/** A kind's facts (or all kinds') as the months' `MonthFacts`, the other kinds empty. */
const monthFacts = (y: number, from: number, parts: Partial<Facts>[][]): MonthFacts[] =>
  parts[0]!.map((_, i) => Object.assign(noFacts(y, from + i), ...parts.map((p) => p[i]!)));

/**
 * The facts of months `from`..`to` of year y in the region subtree at `path`, as of `today`, one
 * statement per kind of fact for the whole range; one `MonthFacts` per month, in order.
 */
export async function loadMonthFacts(
  db: Executor,
  path: string,
  y: number,
  from: number,
  today: string,
  to = from,
): Promise<MonthFacts[]> {
  const loads = loadKinds(db, path, y, from, to, today);
  await settle(loads);
  return monthFacts(y, from, await Promise.all(loads));
}

async function schemePath(db: Executor, scheme: SchemeRecord) {
  const region = await getRegion(db, scheme.regionCode);
  if (!region) throw invalid('regionCode', '区划不存在');
  return region.path;
}

/** The rows and unit months a scheme gives month y-m, written nowhere (the preview's and the recompute's). */
export async function buildMonthRows(
  db: Executor,
  scheme: SchemeRecord,
  year: number,
  month: number,
  today = todayInChina(),
): Promise<{ rows: RowDraft[]; units: UnitMonth[] }> {
  const [facts] = await loadMonthFacts(db, await schemePath(db, scheme), year, month, today);
  return { rows: buildRows(facts!, scheme.config), units: unitMonths(facts!, scheme.config) };
}

/**
 * A draft as the JSON record the set-based statement reads (json_to_recordset), under one-letter
 * keys: the names would be a third of a year's 10 MB of drafts, parsed by the database.
 */
const record = (d: RowDraft, month: number) => ({
  m: month,
  u: d.unitId,
  r: d.rule,
  p: d.points,
  t: d.reason,
  k: d.causeKind,
  c: d.causeId,
  j: d.projectId,
  f: d.factKey,
});

/**
 * Recomputes months `from`..`to` of year y of the region under its active scheme of the year, in
 * the caller's transaction (one pass: `recomputeRange`): per month the ledger by fact key, the unit
 * months, the month's cards and one audit event with the counts. 409 when the region has no active
 * scheme for the year.
 */
export async function recomputeMonths(
  trx: Trx,
  ctx: Ctx,
  regionCode: string,
  year: number,
  from: number,
  to = from,
  today = todayInChina(),
): Promise<RecomputeResult[]> {
  const scheme = await activeScheme(trx, regionCode, year);
  if (!scheme)
    throw new DomainError('INVALID_STATE', 409, [
      { path: 'body.regionCode', message: `该区划 ${year} 年没有生效的考核方案，请先启用方案再计算` },
    ]);
  return recomputeRange(trx, ctx, scheme, year, from, to, today);
}

/** One month of `recomputeMonths` (the close's and the office's month). */
export async function recomputeMonth(
  trx: Trx,
  ctx: Ctx,
  regionCode: string,
  year: number,
  month: number,
  today = todayInChina(),
): Promise<RecomputeResult> {
  return (await recomputeMonths(trx, ctx, regionCode, year, month, month, today))[0]!;
}

/** The recompute of one month under a given (active) scheme. */
export async function recomputeWith(
  trx: Trx,
  ctx: Ctx,
  scheme: SchemeRecord,
  year: number,
  month: number,
  today = todayInChina(),
): Promise<RecomputeResult> {
  return (await recomputeRange(trx, ctx, scheme, year, month, month, today))[0]!;
}

/**
 * The recompute of months `from`..`to` under a given (active) scheme, each month's result: the
 * facts of the range read once, the ledger diffed and written in one statement for all of them (a
 * year's recompute is as many statements as a month's), the months' cards, one audit event per
 * month.
 */
export async function recomputeRange(
  trx: Trx,
  ctx: Ctx,
  scheme: SchemeRecord,
  year: number,
  from: number,
  to: number,
  today = todayInChina(),
): Promise<RecomputeResult[]> {
  // one recompute of a region's month at a time (a close and the office's button may meet): a
  // lock per month rather than locking every row read, which would write each one
  for (let m = from; m <= to; m++)
    await sql`select pg_advisory_xact_lock(hashtext(${`score:${scheme.regionCode}:${ym(year, m)}`}))`.execute(
      trx,
    );
  // the ledger's statistics may be stale (the embedded database analyzes only when asked): a
  // nested loop over a table believed empty would scan it once per draft, so the diff joins hash;
  // and a kind's drafts (megabytes for a year) are joined in memory rather than spilled to disk
  const planner = await sql<{ v: string; w: string }>`select current_setting('enable_nestloop') as v,
    set_config('enable_nestloop', 'off', true), current_setting('work_mem') as w,
    set_config('work_mem', '64MB', true)`.execute(trx);
  const loads = loadKinds(trx, await schemePath(trx, scheme), year, from, to, today);
  const saved = factKinds.map((k) => hasSavedRows(trx, scheme.regionCode, year, from, to, k.rules));
  const made = Array.from({ length: to - from + 1 }, () => 0);
  const written = made.map(() => ({ inserted: 0, updated: 0, deleted: 0 }));
  const units: (UnitMonth & { month: number })[] = [];
  const writes: Promise<void>[] = [];
  // each kind's rows are built as its facts arrive, a few months at a time, and each batch's
  // statement is sent before the next is built: the database writes (or reads the other kinds)
  // while this thread builds rows, instead of waiting for a whole year of them
  const kinds = factKinds.map(async (kind, k) => {
    const facts = monthFacts(year, from, [await loads[k]!]);
    const fresh = !(await saved[k]!);
    for (let i = 0; i < facts.length; i += MONTHS_PER_WRITE) {
      const batch = facts.slice(i, i + MONTHS_PER_WRITE);
      const drafts: ReturnType<typeof record>[] = [];
      for (const f of batch) {
        const rows = buildRows(f, scheme.config);
        made[f.month - from]! += rows.length;
        for (const d of rows) drafts.push(record(d, f.month));
        if (kind.rules.includes('investment_pace'))
          units.push(...unitMonths(f, scheme.config).map((u) => ({ ...u, month: f.month })));
      }
      const [first, last] = [batch[0]!.month, batch.at(-1)!.month];
      writes.push(
        writeRows(trx, scheme, year, first, last, kind.rules, drafts, fresh).then((w) => {
          for (const [m, c] of w)
            for (const key of ['inserted', 'updated', 'deleted'] as const) written[m - from]![key] += c[key];
        }),
      );
      await new Promise((r) => setImmediate(r)); // the statement leaves before the next batch is built
    }
  });
  // every kind's reads and writes over (the writes are all queued once the kinds are), then the first failure
  await Promise.allSettled(kinds);
  await settle([...kinds, ...saved, ...writes]);
  await writeUnitMonths(trx, scheme, year, from, to, units);
  await sql`select set_config('enable_nestloop', ${planner.rows[0]!.v}, true),
    set_config('work_mem', ${planner.rows[0]!.w}, true)`.execute(trx);
  const counts = made.map((n, i) => ({
    ...written[i]!,
    unchanged: n - written[i]!.inserted - written[i]!.updated,
  }));

  const results: RecomputeResult[] = [];
  for (const [i, c] of counts.entries()) {
    const month = from + i;
    const cardsIssued = await issueCards(trx, scheme, year, month);
    results.push({ regionCode: scheme.regionCode, year, month, schemeId: scheme.id, ...c, cardsIssued });
  }
  await recordAudits(
    trx,
    ctx,
    results.map((r) => ({
      entity: 'score_month',
      entityId: `${scheme.regionCode}:${ym(year, r.month)}`,
      action: 'recompute',
      after: { ...r },
    })),
  );
  return results;
}

/** Months of drafts per statement of a range's recompute (a year: four per kind of fact). */
const MONTHS_PER_WRITE = 3;

/** Whether months `from`..`to` of the region's year hold generated rows of these rules (else the write is a plain insert). */
async function hasSavedRows(
  trx: Trx,
  region: string,
  year: number,
  from: number,
  to: number,
  rules: GeneratedRule[],
) {
  const r = await sql<{ any: boolean }>`select exists (select from score_rows
    where region_code = ${region} and year = ${year} and month between ${from} and ${to}
      and rule = any(${rules}::text[]) and source = 'generated') as any`.execute(trx);
  return r.rows[0]!.any;
}

/**
 * The months' generated rows diffed against the drafts in the database, in one statement: the
 * drafts sent once, new fact keys inserted, changed rows updated (the exemption columns stay as
 * they are: an exemption belongs to the row across recomputes), vanished ones deleted; rows alike
 * are not written. Manual rows are never touched. Per month, how many rows each of them wrote.
 */
async function writeRows(
  trx: Trx,
  scheme: SchemeRecord,
  year: number,
  from: number,
  to: number,
  rules: GeneratedRule[],
  drafts: ReturnType<typeof record>[],
  fresh: boolean,
) {
  const region = scheme.regionCode;
  const rows = sql`(select m as month, u as unit_id, r as rule, p as points, t as reason, k as cause_kind,
      c as cause_id, j as project_id, f as fact_key
    from json_to_recordset(${JSON.stringify(drafts)}::json)
      as x(m int, u int, r text, p numeric, t text, k text, c bigint, j int, f text)) x`;
  if (fresh) {
    // nothing saved to diff against (a first fill): every draft is new, inserted as it comes
    if (drafts.length)
      await sql`insert into score_rows (region_code, year, month, unit_id, rule, points, reason, cause_kind,
          cause_id, project_id, fact_key, source, scheme_id)
        select ${region}, ${year}::int, month, unit_id, rule, points, reason, cause_kind, cause_id, project_id,
          fact_key, 'generated', ${scheme.id}::int
        from ${rows}`.execute(trx);
    const counts = new Map<number, { inserted: number; updated: number; deleted: number }>();
    for (const { m: month } of drafts) {
      const c = counts.get(month) ?? { inserted: 0, updated: 0, deleted: 0 };
      c.inserted++;
      counts.set(month, c);
    }
    return counts;
  }
  const r = await sql<{ month: number; inserted: number; updated: number; deleted: number }>`
    with d as (select * from ${rows}),
    -- a full join is a hash or merge join, never a nested loop over score_rows (which the insert
    -- grows while it runs): the plan holds however stale the table's statistics
    j as materialized (
      select d.*, s.id as saved_id,
        (s.unit_id, s.rule, s.points, s.reason, s.cause_kind, s.cause_id, s.project_id, s.scheme_id)
          is distinct from (d.unit_id, d.rule, d.points, d.reason, d.cause_kind, d.cause_id, d.project_id,
            ${scheme.id}::int) as changed
      from d full join (select id, month, fact_key, unit_id, rule, points, reason, cause_kind, cause_id, project_id,
          scheme_id
        from score_rows
        where region_code = ${region} and year = ${year} and month between ${from} and ${to}
          and source = 'generated' and rule = any(${rules}::text[])) s on s.month = d.month and s.fact_key = d.fact_key),
    ins as (
      insert into score_rows (region_code, year, month, unit_id, rule, points, reason, cause_kind, cause_id,
        project_id, fact_key, source, scheme_id)
      select ${region}, ${year}::int, j.month, j.unit_id, j.rule, j.points, j.reason, j.cause_kind, j.cause_id,
        j.project_id, j.fact_key, 'generated', ${scheme.id}::int
      from j where j.saved_id is null
      returning month),
    upd as (
      update score_rows s set unit_id = j.unit_id, rule = j.rule, points = j.points, reason = j.reason,
        cause_kind = j.cause_kind, cause_id = j.cause_id, project_id = j.project_id, scheme_id = ${scheme.id}::int,
        updated_at = now(), version = s.version + 1
      from j
      where s.region_code = ${region} and s.year = ${year} and s.id = j.saved_id and j.fact_key is not null
        and j.changed
      returning s.month),
    del as (
      delete from score_rows s using j
      where s.region_code = ${region} and s.year = ${year} and s.id = j.saved_id and j.fact_key is null
      returning s.month)
    select month, count(*) filter (where k = 'i')::int as inserted, count(*) filter (where k = 'u')::int as updated,
      count(*) filter (where k = 'd')::int as deleted
    from (select month, 'i' as k from ins union all select month, 'u' from upd union all select month, 'd' from del) w
    group by month`.execute(trx);
  return new Map(r.rows.map((x) => [x.month, x]));
}

/**
 * The months' `score_unit_months` diffed like the rows, in one statement: each assessed unit's plan,
 * done and pace, written only where they changed (`computed_at` is when they last did), a unit no
 * longer assessed removed.
 */
async function writeUnitMonths(
  trx: Trx,
  scheme: SchemeRecord,
  year: number,
  from: number,
  to: number,
  units: (UnitMonth & { month: number })[],
) {
  const region = scheme.regionCode;
  await sql`
    with u as (
      select * from json_to_recordset(${JSON.stringify(
        units.map((u) => ({
          month: u.month,
          unit_id: u.unitId,
          planned: u.planned,
          done: u.done,
          pace: u.pace,
        })),
      )}::json) as x(month int, unit_id int, planned numeric, done numeric, pace numeric)),
    j as materialized (
      select u.*, s.month as saved_month, s.unit_id as saved_unit,
        (s.planned, s.done, s.pace, s.scheme_id) is distinct from (u.planned, u.done, u.pace, ${scheme.id}::int)
          as changed
      from u full join (select month, unit_id, planned, done, pace, scheme_id from score_unit_months
        where region_code = ${region} and year = ${year} and month between ${from} and ${to}) s
        on s.month = u.month and s.unit_id = u.unit_id),
    ins as (
      insert into score_unit_months (region_code, year, month, unit_id, planned, done, pace, scheme_id, computed_at)
      select ${region}, ${year}::int, j.month, j.unit_id, j.planned, j.done, j.pace, ${scheme.id}::int, now()
      from j where j.saved_unit is null),
    upd as (
      update score_unit_months s set planned = j.planned, done = j.done, pace = j.pace, scheme_id = ${scheme.id}::int,
        computed_at = now()
      from j
      where s.region_code = ${region} and s.year = ${year} and s.month = j.month and s.unit_id = j.unit_id
        and j.saved_unit is not null and j.unit_id is not null and j.changed)
    delete from score_unit_months s using j
    where s.region_code = ${region} and s.year = ${year} and s.month = j.saved_month and s.unit_id = j.saved_unit
      and j.unit_id is null`.execute(trx);
}
