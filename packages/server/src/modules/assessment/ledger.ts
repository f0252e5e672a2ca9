/**
 * Reading the score ledger (issue 15): the rows of a year in the actor's scope, filtered and paged
 * (the filters on score_rows' own columns and indexes; names for the page's rows only), one row,
 * and the presenter every ledger answer shares (the counted points, the cause and its link).
 */
import type { scoreRowQuery } from '@ducha/contract';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db, Executor } from '../../db/connection.ts';
import { actorOf, type Ctx } from '../../platform/access/context.ts';
import { userNameOf } from '../../platform/auth/accounts.ts';
import { notFound, outOfScope } from '../../platform/errors.ts';
import { iso, paged } from '../../platform/records.ts';
import { regionCodeUnder, regionCodeUnderCode, regionPathOf } from '../../platform/regions.ts';
import { unitNameOf } from '../org/index.ts';
import { projectNameOf } from '../projects/index.ts';
import { causeHref, countedPoints } from './ledger-rules.ts';
import { canReadRow, rowScope } from './policy.ts';

const columns = [
  'r.id',
  'r.region_code',
  'r.year',
  'r.month',
  'r.unit_id',
  'r.rule',
  'r.points',
  'r.reason',
  'r.cause_kind',
  'r.cause_id',
  'r.project_id',
  'r.source',
  'r.scheme_id',
  'r.status',
  'r.created_by',
  'r.created_at',
  'r.decided_at',
  'r.decision_note',
  'r.exemption_status',
  'r.exemption_reason',
  'r.exemption_requested_by',
  'r.exemption_requested_at',
  'r.exemption_decided_at',
  'r.exemption_note',
  'r.version',
] as const;

/** The display columns of the page's rows: names of the unit, project and people. */
const display = [
  unitNameOf('r.unit_id').as('unit_name'),
  projectNameOf('r.project_id').as('project_name'),
  userNameOf('r.created_by').as('creator'),
  userNameOf('r.decided_by').as('decider'),
  userNameOf('r.exemption_requested_by').as('asker'),
  userNameOf('r.exemption_decided_by').as('exemption_decider'),
] as const;

const selectRow = (db: Executor) => db.selectFrom('score_rows as r').select(columns).select(display);
type RowSelect = Awaited<ReturnType<ReturnType<typeof selectRow>['executeTakeFirstOrThrow']>>;

export function presentRow(r: RowSelect) {
  const cause = {
    kind: r.cause_kind,
    id: r.cause_id === null ? null : Number(r.cause_id),
    projectId: r.project_id,
    projectName: r.project_name,
    href: causeHref({
      kind: r.cause_kind,
      id: r.cause_id === null ? null : Number(r.cause_id),
      projectId: r.project_id,
      year: r.year,
      month: r.month,
      unitId: r.unit_id,
      rule: r.rule,
    }),
    label: r.project_name ?? r.reason,
  };
  return {
    id: Number(r.id),
    regionCode: r.region_code,
    year: r.year,
    month: r.month,
    unitId: r.unit_id,
    unitName: r.unit_name ?? String(r.unit_id),
    rule: r.rule as never,
    points: r.points,
    counted: countedPoints(r.points, r.status, r.exemption_status),
    reason: r.reason,
    cause,
    source: r.source,
    schemeId: r.scheme_id,
    status: r.status,
    createdBy: r.creator,
    createdById: r.created_by,
    createdAt: new Date(r.created_at).toISOString(),
    decidedBy: r.decider,
    decidedAt: iso(r.decided_at),
    decisionNote: r.decision_note,
    exemption:
      r.exemption_status === null
        ? null
        : {
            status: r.exemption_status,
            reason: r.exemption_reason ?? '',
            requestedBy: r.asker,
            requestedById: r.exemption_requested_by,
            requestedAt: iso(r.exemption_requested_at) ?? '',
            decidedBy: r.exemption_decider,
            decidedAt: iso(r.exemption_decided_at),
            note: r.exemption_note,
          },
    version: r.version,
  };
}

/** One row, read access checked, or 404. */
export async function getRow(db: Executor, ctx: Ctx, id: number) {
  const r = await selectRow(db)
    .select(regionPathOf('r.region_code').as('region_path'))
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!r) throw notFound();
  if (!canReadRow(actorOf(ctx), r.region_path, r.unit_id)) throw outOfScope();
  return presentRow(r);
}

/** The filtered rows of the actor's scope (no names: those are the page's). */
export function filteredRows(
  db: Executor,
  ctx: Ctx,
  q: Omit<z.infer<typeof scoreRowQuery>, 'page' | 'pageSize'>,
) {
  const scope = rowScope(actorOf(ctx));
  let base = db.selectFrom('score_rows as r').where('r.year', '=', q.year);
  if (scope.kind === 'none') throw outOfScope();
  if (scope.kind === 'region') base = base.where(regionCodeUnder('r.region_code', scope.path));
  if (scope.kind === 'unit') base = base.where('r.unit_id', '=', scope.unitId);
  if (q.regionCode) base = base.where(regionCodeUnderCode('r.region_code', q.regionCode));
  if (q.month) base = base.where('r.month', '=', q.month);
  if (q.unitId) base = base.where('r.unit_id', '=', q.unitId);
  if (q.rule) base = base.where('r.rule', '=', q.rule);
  if (q.causeKind) base = base.where('r.cause_kind', '=', q.causeKind);
  if (q.source) base = base.where('r.source', '=', q.source);
  if (q.status) base = base.where('r.status', '=', q.status);
  if (q.exemption) base = base.where('r.exemption_status', '=', q.exemption);
  return base;
}

const sorted = <Q extends { orderBy: (c: never, d: 'asc' | 'desc') => Q }>(q: Q, sort: string) => {
  const [col, dir] = sort.startsWith('-') ? [sort.slice(1), 'desc' as const] : [sort, 'asc' as const];
  const by = col === 'unit' ? 'r.unit_id' : col === 'points' ? 'r.points' : 'r.month';
  return q.orderBy(by as never, dir).orderBy('r.id' as never, 'asc');
};

/** SQL: the sum of the counted points (effective, not exempted) of the rows aggregated. */
export const countedSum = sql<string>`coalesce(sum(r.points) filter (where r.status = 'effective'
  and r.exemption_status is distinct from 'approved'), 0)::numeric(12,2)::text`;

export async function listRows(db: Db, ctx: Ctx, q: z.infer<typeof scoreRowQuery>) {
  const base = filteredRows(db, ctx, q);
  const [page, sum] = await Promise.all([
    paged(db, base, (b) => sorted(b.select(columns).select(display), q.sort), {
      page: q.page,
      pageSize: q.pageSize,
      present: presentRow,
    }),
    base.select(countedSum.as('sum')).executeTakeFirstOrThrow(),
  ]);
  return { ...page, sum: sum.sum };
}

/** Every filtered row, for the export (at most `limit`). */
export async function allRows(
  db: Db,
  ctx: Ctx,
  q: Omit<z.infer<typeof scoreRowQuery>, 'page' | 'pageSize'>,
  limit = 50_000,
) {
  const rows = await sorted(filteredRows(db, ctx, q).select(columns).select(display), q.sort)
    .limit(limit)
    .execute();
  return rows.map(presentRow);
}
