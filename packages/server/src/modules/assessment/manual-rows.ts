/**
 * Manual rows and exemptions of the ledger (issue 15), four eyes each: the office over the region
 * writes an award or a penalty with a reason, pending until another office account or a leader
 * of the region (or the admin) approves or rejects it; the unit or the office asks an exemption
 * (不可抗力等) on a counted deduction, decided by someone other than the asker. Every step is
 * audited; a stale version is refused.
 */
import type { manualRowCreate } from '@ducha/contract';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { transaction, type Db, type Trx } from '../../db/connection.ts';
import { actorOf, type Ctx } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { assertVersion } from '../../platform/records.ts';
import { getRegion, regionPathOf } from '../../platform/regions.ts';
import { getRow } from './ledger.ts';
import {
  decisionRefusal,
  exemptionAskRefusal,
  exemptionDecisionRefusal,
  manualPoints,
} from './ledger-rules.ts';
import { canAskExemption, canDecide, canManageScores } from './policy.ts';
import { activeScheme } from './scheme-store.ts';

const refused = (path: string, message: string) => new DomainError('INVALID_STATE', 409, [{ path, message }]);

async function lockRow(trx: Trx, id: number) {
  const r = await trx
    .selectFrom('score_rows')
    .selectAll()
    .select(regionPathOf('region_code').as('region_path'))
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!r) throw notFound();
  return r;
}

export async function createManualRow(db: Db, ctx: Ctx, input: z.infer<typeof manualRowCreate>) {
  const a = actorOf(ctx);
  const region = await getRegion(db, input.regionCode);
  if (!region) throw invalid('body.regionCode', '区划不存在');
  if (!canManageScores(a, region.path)) throw outOfScope();
  const scheme = await activeScheme(db, input.regionCode, input.year);
  if (!scheme) throw refused('body.year', `${region.name}${input.year} 年没有生效的考核方案`);
  if (!scheme.config.groups.some((g) => g.unitIds.includes(input.unitId)))
    throw invalid('body.unitId', '该单位不在考核方案的排名分组中');
  const id = await transaction(db, async (trx) => {
    const row = await trx
      .insertInto('score_rows')
      .values({
        region_code: input.regionCode,
        year: input.year,
        month: input.month,
        unit_id: input.unitId,
        rule: input.rule,
        points: manualPoints(input.rule, input.points),
        reason: input.reason,
        cause_kind: 'manual',
        fact_key: `manual:${randomUUID()}`,
        source: 'manual',
        scheme_id: scheme.id,
        status: 'pending',
        created_by: a.id,
      })
      .returning(['id', 'region_code', 'year', 'month', 'unit_id', 'rule', 'points', 'reason', 'status'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { entity: 'score_row', entityId: row.id, action: 'create', after: row });
    return Number(row.id);
  });
  return getRow(db, ctx, id);
}

/** Approve or reject a pending manual row: not by its author. */
export async function decideManualRow(
  db: Db,
  ctx: Ctx,
  id: number,
  input: { version: number; approve: boolean; note: string },
) {
  const a = actorOf(ctx);
  await transaction(db, async (trx) => {
    const r = await lockRow(trx, id);
    if (!canDecide(a, r.region_path)) throw outOfScope();
    assertVersion(r.version, input.version);
    const refusal = decisionRefusal({ source: r.source, status: r.status, createdBy: r.created_by }, a.id);
    if (refusal) throw refused('status', refusal);
    if (!input.approve && !input.note) throw invalid('body.note', '驳回时请写明理由');
    const status = input.approve ? ('effective' as const) : ('rejected' as const);
    await trx
      .updateTable('score_rows')
      .set({
        status,
        decided_by: a.id,
        decided_at: new Date(),
        decision_note: input.note || null,
        version: r.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'score_row',
      entityId: id,
      action: input.approve ? 'approve' : 'reject',
      before: { status: r.status },
      after: { status },
      reason: input.note || null,
    });
  });
  return getRow(db, ctx, id);
}

/** Ask an exemption for a counted deduction, with its reason. */
export async function askExemption(db: Db, ctx: Ctx, id: number, input: { version: number; reason: string }) {
  const a = actorOf(ctx);
  await transaction(db, async (trx) => {
    const r = await lockRow(trx, id);
    if (!canAskExemption(a, r.region_path, r.unit_id)) throw outOfScope();
    assertVersion(r.version, input.version);
    const refusal = exemptionAskRefusal({
      status: r.status,
      points: r.points,
      exemption: r.exemption_status,
    });
    if (refusal) throw refused('exemption', refusal);
    await trx
      .updateTable('score_rows')
      .set({
        exemption_status: 'requested',
        exemption_reason: input.reason,
        exemption_requested_by: a.id,
        exemption_requested_at: new Date(),
        exemption_decided_by: null,
        exemption_decided_at: null,
        exemption_note: null,
        version: r.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'score_row',
      entityId: id,
      action: 'exemption_request',
      before: { exemption: r.exemption_status },
      after: { exemption: 'requested' },
      reason: input.reason,
    });
  });
  return getRow(db, ctx, id);
}

/** Grant or refuse an asked exemption: not by its asker. */
export async function decideExemption(
  db: Db,
  ctx: Ctx,
  id: number,
  input: { version: number; approve: boolean; note: string },
) {
  const a = actorOf(ctx);
  await transaction(db, async (trx) => {
    const r = await lockRow(trx, id);
    if (!canDecide(a, r.region_path)) throw outOfScope();
    assertVersion(r.version, input.version);
    const refusal = exemptionDecisionRefusal(
      { exemption: r.exemption_status, requestedBy: r.exemption_requested_by },
      a.id,
    );
    if (refusal) throw refused('exemption', refusal);
    if (!input.approve && !input.note) throw invalid('body.note', '不予豁免时请写明理由');
    const status = input.approve ? ('approved' as const) : ('rejected' as const);
    await trx
      .updateTable('score_rows')
      .set({
        exemption_status: status,
        exemption_decided_by: a.id,
        exemption_decided_at: new Date(),
        exemption_note: input.note || null,
        version: r.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'score_row',
      entityId: id,
      action: input.approve ? 'exemption_approve' : 'exemption_reject',
      before: { exemption: 'requested' },
      after: { exemption: status },
      reason: input.note || null,
    });
  });
  return getRow(db, ctx, id);
}
