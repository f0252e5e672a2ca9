/**
 * 红黄牌 by their trigger (issue 15): after the recompute has written a month's rows and
 * `score_unit_months`, the month's cards are issued in the same transaction. Set-based: one query
 * per trigger over the month's facts, one insert per colour. A card whose fact key the region's
 * year already holds is not issued again, and a recompute never withdraws a card (a formal
 * document; only the office lifts one). Returns how many cards were issued.
 */
import { cardColorLabels, type CardColor, type CardTrigger } from '@ducha/contract';
import { sql } from 'kysely';
import type { Trx } from '../../db/connection.ts';
import type { Ctx } from '../../platform/access/context.ts';
import { recordAudits } from '../../platform/audit/audit.ts';
import { notifyEachUnit } from '../../platform/notify.ts';
import { getRegion } from '../../platform/regions.ts';
import { todayInChina } from '../../platform/time.ts';
import { unitNameOf } from '../org/index.ts';
import {
  ACK_WORKING_DAYS,
  noticeNo,
  noticeText,
  referralCard,
  taskBelowCard,
  yellowRepeatCard,
  type CardDraft,
} from './card-rules.ts';
import type { SchemeRecord } from './scheme-store.ts';

const systemCtx: Ctx = { actor: null, requestId: 'job:warning-cards' };

export interface NewCard {
  unitId: number;
  unitName: string;
  color: CardColor;
  trigger: CardTrigger;
  factKey: string;
  detail: string;
}

/**
 * Serializes the numbering of a region's year: two transactions issuing cards (a recompute, a
 * manual card) would otherwise read the same last number.
 */
export const lockNumbering = (trx: Trx, regionCode: string, year: number) =>
  sql`select pg_advisory_xact_lock(hashtext(${`warning_cards:${regionCode}:${year}`}))`.execute(trx);

/** The fact keys among `keys` the region's year already holds. */
async function heldKeys(trx: Trx, regionCode: string, year: number, keys: string[]) {
  if (!keys.length) return new Set<string>();
  const rows = await trx
    .selectFrom('warning_cards')
    .select('fact_key')
    .where('region_code', '=', regionCode)
    .where('year', '=', year)
    .where('fact_key', 'in', keys)
    .execute();
  return new Set(rows.map((r) => r.fact_key));
}

/**
 * Inserts cards of a region's month with the next notice numbers and their notices, one audit
 * event each (`ctx` null actor: the system). The caller holds the numbering lock. Their ids.
 */
export async function insertCards(
  trx: Trx,
  ctx: Ctx,
  scheme: Pick<SchemeRecord, 'regionCode' | 'name'>,
  year: number,
  month: number,
  cards: NewCard[],
): Promise<number[]> {
  if (!cards.length) return [];
  const region = await getRegion(trx, scheme.regionCode);
  const last = await trx
    .selectFrom('warning_cards')
    .select(sql<number>`coalesce(max(notice_seq), 0)::int`.as('n'))
    .where('region_code', '=', scheme.regionCode)
    .where('year', '=', year)
    .executeTakeFirstOrThrow();
  const issuedOn = todayInChina();
  const rows = cards.map((c, i) => {
    const seq = Number(last.n) + i + 1;
    return {
      region_code: scheme.regionCode,
      unit_id: c.unitId,
      color: c.color,
      year,
      month,
      trigger: c.trigger,
      trigger_detail: c.detail,
      fact_key: c.factKey,
      notice_seq: seq,
      notice: noticeText({
        ...c,
        year,
        month,
        seq,
        regionName: region?.name ?? scheme.regionCode,
        schemeName: scheme.name,
        issuedOn,
      }),
      issued_by: ctx.actor?.id ?? null,
    };
  });
  const out = await trx
    .insertInto('warning_cards')
    .values(rows)
    .returning(['id', 'unit_id', 'color', 'trigger', 'notice_seq', 'fact_key'])
    .execute();
  const byKey = new Map(cards.map((c) => [c.factKey, c]));
  await recordAudits(
    trx,
    ctx,
    out.map((r) => ({
      entity: 'warning_card',
      entityId: r.id,
      action: 'issue',
      after: { ...r, trigger_detail: byKey.get(r.fact_key)!.detail },
      // a card by hand carries the office's reason; one by its trigger, the figures
      reason: r.trigger === 'manual' ? byKey.get(r.fact_key)!.detail : null,
    })),
  );
  // the unit's accounts learn of it in their inbox: the notice asks them to 签收 within days
  await notifyEachUnit(
    trx,
    out.map((r) => ({
      unitId: r.unit_id,
      kind: 'warning_card' as const,
      title: `${noticeNo(r.color as CardColor, year, r.notice_seq)}：${cardColorLabels[r.color as CardColor]}警示`,
      body: `${byKey.get(r.fact_key)!.detail}。请于 ${ACK_WORKING_DAYS} 个工作日内签收，并报送整改措施。`,
      entity: 'warning_card',
      entityId: r.id,
    })),
  );
  return out.map((r) => r.id);
}

const named = (d: CardDraft, names: Map<number, string | null>): NewCard => ({
  ...d,
  unitName: names.get(d.unitId) ?? String(d.unitId),
});

/** The new ones among drafts (their fact keys not yet held), with their units' names. */
async function fresh(
  trx: Trx,
  scheme: SchemeRecord,
  year: number,
  drafts: CardDraft[],
  names: Map<number, string | null>,
) {
  const held = await heldKeys(
    trx,
    scheme.regionCode,
    year,
    drafts.map((d) => d.factKey),
  );
  return drafts.filter((d) => !held.has(d.factKey)).map((d) => named(d, names));
}

export async function issueCards(
  trx: Trx,
  scheme: SchemeRecord,
  year: number,
  month: number,
): Promise<number> {
  const cfg = scheme.config.cards;
  const assessed = [...new Set(scheme.config.groups.flatMap((g) => g.unitIds))];
  if (!assessed.length) return 0;
  await lockNumbering(trx, scheme.regionCode, year);
  const names = new Map<number, string | null>();

  // 黄牌 first: this month's 黄牌 counts toward the 红牌 of repeated 黄牌
  const paces = await trx
    .selectFrom('score_unit_months as m')
    .select(['m.unit_id', sql<string>`m.pace::text`.as('pace'), unitNameOf('m.unit_id').as('name')])
    .where('m.region_code', '=', scheme.regionCode)
    .where('m.year', '=', year)
    .where('m.month', '=', month)
    .where('m.unit_id', 'in', assessed)
    .where('m.pace', 'is not', null)
    .where('m.pace', '<', cfg.yellowBelowPace)
    .orderBy('m.unit_id')
    .execute();
  for (const p of paces) names.set(p.unit_id, p.name);
  const yellows = await fresh(
    trx,
    scheme,
    year,
    paces.flatMap((p) => taskBelowCard(cfg, p.unit_id, month, p.pace) ?? []),
    names,
  );
  const yellowIds = await insertCards(trx, systemCtx, scheme, year, month, yellows);

  const [repeats, referrals] = await Promise.all([
    trx
      .selectFrom('warning_cards as c')
      .select(['c.unit_id', sql<number>`count(*)::int`.as('n'), unitNameOf('c.unit_id').as('name')])
      .where('c.region_code', '=', scheme.regionCode)
      .where('c.year', '=', year)
      .where('c.month', '<=', month)
      .where('c.color', '=', 'yellow')
      .where('c.status', '<>', 'lifted')
      .where('c.unit_id', 'in', assessed)
      .groupBy('c.unit_id')
      .having(sql`count(*)`, '>=', cfg.redAfterYellows)
      .orderBy('c.unit_id')
      .execute(),
    cfg.redOnReferral
      ? trx
          .selectFrom('score_rows as r')
          .select(['r.unit_id', sql<number>`count(*)::int`.as('n'), unitNameOf('r.unit_id').as('name')])
          .where('r.region_code', '=', scheme.regionCode)
          .where('r.year', '=', year)
          .where('r.month', '=', month)
          .where('r.rule', '=', 'referral')
          .where('r.status', '=', 'effective')
          .where(sql<boolean>`r.exemption_status is distinct from 'approved'`)
          .where('r.unit_id', 'in', assessed)
          .groupBy('r.unit_id')
          .orderBy('r.unit_id')
          .execute()
      : [],
  ]);
  for (const r of [...repeats, ...referrals]) names.set(r.unit_id, r.name);
  const reds = await fresh(
    trx,
    scheme,
    year,
    [
      ...referrals.flatMap((r) => referralCard(cfg, r.unit_id, month, Number(r.n)) ?? []),
      ...repeats.flatMap((r) => yellowRepeatCard(cfg, r.unit_id, Number(r.n)) ?? []),
    ],
    names,
  );
  const redIds = await insertCards(trx, systemCtx, scheme, year, month, reds);
  return yellowIds.length + redIds.length;
}
