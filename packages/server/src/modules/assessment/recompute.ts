/**
 * The ledger engine (issue 15): a region's month rebuilt from its facts under the region's active
 * scheme. The facts come from the modules that own them (one set-based query per kind over the
 * scheme region's subtree), the pure rules (rules.ts) turn them into row drafts, and the drafts are
 * written by `fact_key` in a handful of statements: new facts inserted, changed ones updated,
 * vanished ones deleted, the rest left alone (same ids, same updated_at), so a recompute of the same
 * facts writes nothing to the ledger. Manual rows are never touched; an exemption stays on its row.
 */
import { type RecomputeResult } from '@ducha/contract';
import { sql } from 'kysely';
import type { Executor, Trx } from '../../db/connection.ts';
import type { Ctx } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
import { getRegion } from '../../platform/regions.ts';
import { todayInChina } from '../../platform/time.ts';
import { closedEarlyItemFacts, overdueItemFacts } from '../items/index.ts';
import { lightScoreFacts, unitPaceFacts } from '../lights/index.ts';
import { absenceFacts } from '../meetings/index.ts';
import { reportScoreFacts } from '../reports/index.ts';
import { issueCards } from './card-issue.ts';
import { buildRows, unitMonths, type MonthFacts, type RowDraft, type UnitMonth } from './rules.ts';
import { activeScheme, type SchemeRecord } from './scheme-store.ts';

const ym = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;

/** The facts of month y-m in the region subtree at `path`, as of `today`. */
export async function loadMonthFacts(db: Executor, path: string, y: number, m: number, today: string) {
  const facts: MonthFacts = {
    year: y,
    month: m,
    reports: await reportScoreFacts(db, path, y, m, today),
    lights: await lightScoreFacts(db, path, y, m),
    overdueItems: await overdueItemFacts(db, path, y, m, today),
    closedItems: await closedEarlyItemFacts(db, path, y, m),
    absences: await absenceFacts(db, path, y, m),
    paces: await unitPaceFacts(db, path, y, m),
  };
  return facts;
}

/** The rows and unit months a scheme gives month y-m, written nowhere (the preview's and the recompute's). */
export async function buildMonthRows(
  db: Executor,
  scheme: SchemeRecord,
  year: number,
  month: number,
  today = todayInChina(),
): Promise<{ rows: RowDraft[]; units: UnitMonth[] }> {
  const region = await getRegion(db, scheme.regionCode);
  if (!region) throw invalid('regionCode', '区划不存在');
  const facts = await loadMonthFacts(db, region.path, year, month, today);
  return { rows: buildRows(facts, scheme.config), units: unitMonths(facts, scheme.config) };
}

interface Saved {
  id: string;
  unit_id: number;
  rule: string;
  points: string;
  reason: string;
  cause_kind: string;
  cause_id: string | null;
  project_id: number | null;
  fact_key: string;
  scheme_id: number;
}

const same = (s: Saved, d: RowDraft, schemeId: number) =>
  s.unit_id === d.unitId &&
  s.rule === d.rule &&
  s.points === d.points &&
  s.reason === d.reason &&
  s.cause_kind === d.causeKind &&
  (s.cause_id === null ? null : Number(s.cause_id)) === d.causeId &&
  s.project_id === d.projectId &&
  s.scheme_id === schemeId;

/** A draft as the JSON record the set-based statements read (json_to_recordset). */
const record = (d: RowDraft) => ({
  unit_id: d.unitId,
  rule: d.rule,
  points: d.points,
  reason: d.reason,
  cause_kind: d.causeKind,
  cause_id: d.causeId,
  project_id: d.projectId,
  fact_key: d.factKey,
});
const recordColumns = sql`x(id bigint, unit_id int, rule text, points numeric, reason text, cause_kind text,
  cause_id bigint, project_id int, fact_key text)`;

/**
 * Recomputes month y-m of the region under its active scheme of the year, in the caller's
 * transaction: the ledger by fact key, the unit months rewritten, the month's cards issued, one
 * audit event with the counts. 409 when the region has no active scheme for the year.
 */
export async function recomputeMonth(
  trx: Trx,
  ctx: Ctx,
  regionCode: string,
  year: number,
  month: number,
  today = todayInChina(),
): Promise<RecomputeResult> {
  const scheme = await activeScheme(trx, regionCode, year);
  if (!scheme)
    throw new DomainError('INVALID_STATE', 409, [
      { path: 'body.regionCode', message: `该区划 ${year} 年没有生效的考核方案，请先启用方案再计算` },
    ]);
  return recomputeWith(trx, ctx, scheme, year, month, today);
}

/** The recompute under a given (active) scheme. */
export async function recomputeWith(
  trx: Trx,
  ctx: Ctx,
  scheme: SchemeRecord,
  year: number,
  month: number,
  today = todayInChina(),
): Promise<RecomputeResult> {
  const { rows, units } = await buildMonthRows(trx, scheme, year, month, today);
  const saved = await sql<Saved>`select id::text, unit_id, rule, points::text, reason, cause_kind,
      cause_id::text, project_id, fact_key, scheme_id
    from score_rows
    where region_code = ${scheme.regionCode} and year = ${year} and month = ${month} and source = 'generated'
    for update`.execute(trx);
  const byKey = new Map(saved.rows.map((s) => [s.fact_key, s]));
  const inserts: RowDraft[] = [];
  const updates: (ReturnType<typeof record> & { id: string })[] = [];
  const keep = new Set<string>();
  for (const d of rows) {
    const s = byKey.get(d.factKey);
    keep.add(d.factKey);
    if (!s) inserts.push(d);
    else if (!same(s, d, scheme.id)) updates.push({ id: s.id, ...record(d) });
  }
  const deletes = saved.rows.filter((s) => !keep.has(s.fact_key)).map((s) => s.id);

  if (inserts.length)
    await sql`insert into score_rows (region_code, year, month, unit_id, rule, points, reason, cause_kind, cause_id,
        project_id, fact_key, source, scheme_id)
      select ${scheme.regionCode}, ${year}::int, ${month}::int, x.unit_id, x.rule, x.points, x.reason, x.cause_kind,
        x.cause_id, x.project_id, x.fact_key, 'generated', ${scheme.id}::int
      from json_to_recordset(${JSON.stringify(inserts.map(record))}::json) as ${recordColumns}`.execute(trx);
  if (updates.length)
    // the exemption columns stay as they are: an exemption belongs to the row across recomputes
    await sql`update score_rows s set unit_id = x.unit_id, rule = x.rule, points = x.points, reason = x.reason,
        cause_kind = x.cause_kind, cause_id = x.cause_id, project_id = x.project_id, scheme_id = ${scheme.id}::int,
        updated_at = now(), version = s.version + 1
      from json_to_recordset(${JSON.stringify(updates)}::json) as ${recordColumns}
      where s.id = x.id`.execute(trx);
  if (deletes.length)
    await sql`delete from score_rows where id = any(${`{${deletes.join(',')}}`}::bigint[])`.execute(trx);
  await writeUnitMonths(trx, scheme, year, month, units);

  const cardsIssued = await issueCards(trx, scheme, year, month);
  const result: RecomputeResult = {
    regionCode: scheme.regionCode,
    year,
    month,
    schemeId: scheme.id,
    inserted: inserts.length,
    updated: updates.length,
    deleted: deletes.length,
    unchanged: rows.length - inserts.length - updates.length,
    cardsIssued,
  };
  await recordAudit(trx, ctx, {
    entity: 'score_month',
    entityId: `${scheme.regionCode}:${ym(year, month)}`,
    action: 'recompute',
    after: { ...result },
  });
  return result;
}

/** The month's `score_unit_months`, rewritten: each assessed unit's plan, done and pace. */
async function writeUnitMonths(
  trx: Trx,
  scheme: SchemeRecord,
  year: number,
  month: number,
  units: UnitMonth[],
) {
  await trx
    .deleteFrom('score_unit_months')
    .where('region_code', '=', scheme.regionCode)
    .where('year', '=', year)
    .where('month', '=', month)
    .execute();
  if (!units.length) return;
  await sql`insert into score_unit_months (region_code, year, month, unit_id, planned, done, pace, scheme_id, computed_at)
    select ${scheme.regionCode}, ${year}::int, ${month}::int, x.unit_id, x.planned, x.done, x.pace, ${scheme.id}::int, now()
    from json_to_recordset(${JSON.stringify(
      units.map((u) => ({ unit_id: u.unitId, planned: u.planned, done: u.done, pace: u.pace })),
    )}::json) as x(unit_id int, planned numeric, done numeric, pace numeric)`.execute(trx);
}
