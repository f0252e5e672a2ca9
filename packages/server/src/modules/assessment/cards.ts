/**
 * 红黄牌's use cases (issue 15): the list (filters on warning_cards' own columns and indexes, names
 * for the page's rows only) and one card, a card issued by hand by the office with its reason,
 * the unit's acknowledgement (签收, with its measures) and the office's lifting (撤销, with a
 * reason). Every step is audited; a stale version is refused; a card outside the actor's scope
 * answers 403.
 */
import type { cardAcknowledge, cardCreate, cardExportQuery, cardLift, cardQuery } from '@ducha/contract';
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { transaction, type Db, type Executor, type Trx } from '../../db/connection.ts';
import { actorOf, type Ctx } from '../../platform/access/context.ts';
import { userNameOf } from '../../platform/auth/accounts.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { assertVersion, iso, paged } from '../../platform/records.ts';
import { getRegion, regionCodeUnder, regionCodeUnderCode, regionPathOf } from '../../platform/regions.ts';
import { unitName, unitNameOf } from '../org/index.ts';
import { insertCards, lockNumbering } from './card-issue.ts';
import {
  canAcknowledgeCard,
  canIssueCard,
  canLiftCard,
  canReadWarningCard,
  cardScope,
  type CardFacts,
} from './card-policy.ts';
import { noticeNo, stepRefusal, type CardStep } from './card-rules.ts';
import { activeScheme } from './scheme-store.ts';

const columns = [
  'c.id',
  'c.region_code',
  'c.unit_id',
  'c.color',
  'c.year',
  'c.month',
  'c.trigger',
  'c.trigger_detail',
  'c.notice_seq',
  'c.notice',
  'c.status',
  'c.issued_at',
  'c.acknowledged_at',
  'c.acknowledgement',
  'c.lifted_at',
  'c.lift_reason',
  'c.version',
] as const;

const display = [
  unitNameOf('c.unit_id').as('unit_name'),
  userNameOf('c.issued_by').as('issuer'),
  userNameOf('c.acknowledged_by').as('acknowledger'),
  userNameOf('c.lifted_by').as('lifter'),
] as const;

const selectCard = (db: Executor) => db.selectFrom('warning_cards as c').select(columns).select(display);
type CardSelect = Awaited<ReturnType<ReturnType<typeof selectCard>['executeTakeFirstOrThrow']>>;

function present(r: CardSelect) {
  return {
    id: r.id,
    regionCode: r.region_code,
    unitId: r.unit_id,
    unitName: r.unit_name ?? String(r.unit_id),
    color: r.color as 'yellow' | 'red',
    year: r.year,
    month: r.month,
    trigger: r.trigger as never,
    triggerDetail: r.trigger_detail,
    noticeNo: noticeNo(r.color as 'yellow' | 'red', r.year, r.notice_seq),
    notice: r.notice,
    status: r.status,
    issuedBy: r.issuer,
    issuedAt: new Date(r.issued_at).toISOString(),
    acknowledgedBy: r.acknowledger,
    acknowledgedAt: iso(r.acknowledged_at),
    acknowledgement: r.acknowledgement,
    liftedBy: r.lifter,
    liftedAt: iso(r.lifted_at),
    liftReason: r.lift_reason,
    version: r.version,
  };
}
export type PresentedCard = ReturnType<typeof present>;

/** One card, read access checked, or 404. */
export async function getCard(db: Executor, ctx: Ctx, id: number) {
  const r = await selectCard(db)
    .select(regionPathOf('c.region_code').as('region_path'))
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!r) throw notFound();
  if (!canReadWarningCard(actorOf(ctx), { regionPath: r.region_path, unitId: r.unit_id })) throw outOfScope();
  return present(r);
}

function filtered(db: Executor, ctx: Ctx, q: z.infer<typeof cardExportQuery>) {
  const scope = cardScope(actorOf(ctx));
  if (scope.kind === 'none') throw outOfScope();
  let base = db.selectFrom('warning_cards as c');
  if (scope.kind === 'region') base = base.where(regionCodeUnder('c.region_code', scope.path));
  if (scope.kind === 'unit') base = base.where('c.unit_id', '=', scope.unitId);
  if (q.regionCode) base = base.where(regionCodeUnderCode('c.region_code', q.regionCode));
  if (q.year) base = base.where('c.year', '=', q.year);
  if (q.unitId) base = base.where('c.unit_id', '=', q.unitId);
  if (q.color) base = base.where('c.color', '=', q.color);
  if (q.status) base = base.where('c.status', '=', q.status);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    base = base.where(
      sql<boolean>`(c.trigger_detail ilike ${like} or ${unitNameOf('c.unit_id')} ilike ${like})`,
    );
  }
  return base;
}

// newest first, in the (region, year, month, id) index's order
const sorted = <Q extends { orderBy: (c: never, d: 'asc' | 'desc') => Q }>(q: Q) =>
  q
    .orderBy('c.year' as never, 'desc')
    .orderBy('c.month' as never, 'desc')
    .orderBy('c.id' as never, 'desc');

export function listCards(db: Db, ctx: Ctx, q: z.infer<typeof cardQuery>) {
  return paged(db, filtered(db, ctx, q), (b) => sorted(b.select(columns).select(display)), {
    page: q.page,
    pageSize: q.pageSize,
    present,
  });
}

/** Every filtered card, for the export (at most `limit`). */
export async function allCards(db: Db, ctx: Ctx, q: z.infer<typeof cardExportQuery>, limit = 20_000) {
  const rows = await sorted(filtered(db, ctx, q).select(columns).select(display))
    .limit(limit)
    .execute();
  return rows.map(present);
}

const refused = (path: string, message: string) => new DomainError('INVALID_STATE', 409, [{ path, message }]);

/** A card issued by hand: the office over the region, for a unit its active scheme assesses. */
export async function createCard(db: Db, ctx: Ctx, input: z.infer<typeof cardCreate>) {
  const a = actorOf(ctx);
  const region = await getRegion(db, input.regionCode);
  if (!region) throw invalid('body.regionCode', '区划不存在');
  if (!canIssueCard(a, region.path)) throw outOfScope();
  const scheme = await activeScheme(db, input.regionCode, input.year);
  if (!scheme) throw refused('body.year', `${region.name}${input.year} 年没有生效的考核方案`);
  if (!scheme.config.groups.some((g) => g.unitIds.includes(input.unitId)))
    throw invalid('body.unitId', '该单位不在考核方案的排名分组中');
  const id = await transaction(db, async (trx) => {
    await lockNumbering(trx, input.regionCode, input.year);
    const [id] = await insertCards(trx, ctx, scheme, input.year, input.month, [
      {
        unitId: input.unitId,
        unitName: (await unitName(trx, input.unitId)) ?? String(input.unitId),
        color: input.color,
        trigger: 'manual',
        factKey: `manual:${randomUUID()}`,
        detail: input.reason,
      },
    ]);
    return id!;
  });
  return getCard(db, ctx, id);
}

async function lockCard(trx: Trx, id: number) {
  const r = await trx
    .selectFrom('warning_cards')
    .select(['id', 'unit_id', 'status', 'version'])
    .select(regionPathOf('region_code').as('region_path'))
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!r) throw notFound();
  return r;
}

async function step(
  db: Db,
  ctx: Ctx,
  id: number,
  s: CardStep,
  may: (a: ReturnType<typeof actorOf>, c: CardFacts) => boolean,
  version: number,
  set: (by: number) => Record<string, unknown>,
  note: string,
) {
  const a = actorOf(ctx);
  await transaction(db, async (trx) => {
    const r = await lockCard(trx, id);
    const facts = { regionPath: r.region_path, unitId: r.unit_id };
    // someone who may not even read the card learns nothing of it
    if (!canReadWarningCard(a, facts) || !may(a, facts)) throw outOfScope();
    assertVersion(r.version, version);
    const refusal = stepRefusal(s, r.status);
    if (refusal) throw refused('status', refusal);
    const to = s === 'acknowledge' ? ('acknowledged' as const) : ('lifted' as const);
    await trx
      .updateTable('warning_cards')
      .set({ ...set(a.id), status: to, version: r.version + 1 })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'warning_card',
      entityId: id,
      action: s,
      before: { status: r.status },
      after: { status: to },
      reason: note,
    });
  });
  return getCard(db, ctx, id);
}

/** 签收: the unit's staff (or the office on its behalf), with the unit's measures. */
export const acknowledgeCard = (db: Db, ctx: Ctx, id: number, input: z.infer<typeof cardAcknowledge>) =>
  step(
    db,
    ctx,
    id,
    'acknowledge',
    canAcknowledgeCard,
    input.version,
    (by) => ({ acknowledged_by: by, acknowledged_at: new Date(), acknowledgement: input.note }),
    input.note,
  );

/** 撤销: the office over the region, with a reason; a lifted 黄牌 no longer counts toward a 红牌. */
export const liftCard = (db: Db, ctx: Ctx, id: number, input: z.infer<typeof cardLift>) =>
  step(
    db,
    ctx,
    id,
    'lift',
    canLiftCard,
    input.version,
    (by) => ({ lifted_by: by, lifted_at: new Date(), lift_reason: input.reason }),
    input.reason,
  );
