/**
 * Credit records (信用记录, issue 15; seed 003: 记入良好信用记录 / 不良行为记录): good and bad records
 * of a firm with their cause. Evaluations write theirs (evaluations.ts); the office over the firm's
 * region records others by hand, caused by an inspection or an item it reads, or with a reason
 * alone (manual). A cause records one record per firm (the index of migration 0024). Records are
 * never edited: a wrong one is answered by the audit trail and a new record.
 */
import type { creditRecordCreate, creditRecordQuery } from '@ducha/contract';
import { sql } from 'kysely';
import type { z } from 'zod';
import { transaction, type Db, type Executor } from '../../db/connection.ts';
import { actorOf, type Ctx } from '../../platform/access/context.ts';
import { userNameOf } from '../../platform/auth/accounts.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { paged } from '../../platform/records.ts';
import { regionCodeUnderCode } from '../../platform/regions.ts';
import { readableInspection } from '../inspections/index.ts';
import { readableItem } from '../items/index.ts';
import { unitNameOf } from '../org/index.ts';
import { canKeepEnterprise } from './credit-policy.ts';
import { creditCauseHref, evaluable } from './credit-rules.ts';
import { enterpriseScopeSql, readableEnterprise } from './enterprises.ts';

const columns = [
  'c.id',
  'c.enterprise_id',
  'c.kind',
  'c.cause_kind',
  'c.cause_id',
  'c.reason',
  'c.recorded_on',
] as const;
const display = [
  sql<string | null>`(select ${unitNameOf('e.unit_id')} from enterprises e where e.id = c.enterprise_id)`.as(
    'enterprise_name',
  ),
  userNameOf('c.created_by').as('creator'),
] as const;

const selectRecord = (db: Executor) => db.selectFrom('credit_records as c').select(columns).select(display);
type Row = Awaited<ReturnType<ReturnType<typeof selectRecord>['executeTakeFirstOrThrow']>>;

export const presentRecord = (r: Row) => {
  const causeId = r.cause_id === null ? null : Number(r.cause_id);
  return {
    id: r.id,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name ?? String(r.enterprise_id),
    kind: r.kind,
    causeKind: r.cause_kind,
    causeId,
    causeHref: creditCauseHref(r.cause_kind, causeId, r.enterprise_id),
    reason: r.reason,
    recordedOn: r.recorded_on,
    createdBy: r.creator,
  };
};

export async function getCreditRecord(db: Executor, ctx: Ctx, id: number) {
  const r = await selectRecord(db).where('c.id', '=', id).executeTakeFirst();
  if (!r) throw notFound();
  await readableEnterprise(db, ctx, r.enterprise_id);
  return presentRecord(r);
}

export function listCreditRecords(db: Db, ctx: Ctx, q: z.infer<typeof creditRecordQuery>) {
  let base = db.selectFrom('credit_records as c').where(enterpriseScopeSql(ctx, 'c.enterprise_id'));
  if (q.enterpriseId) base = base.where('c.enterprise_id', '=', q.enterpriseId);
  if (q.regionCode) {
    const code = q.regionCode;
    base = base.where(
      sql<boolean>`exists (select 1 from enterprises r where r.id = c.enterprise_id and ${regionCodeUnderCode('r.region_code', code)})`,
    );
  }
  if (q.kind) base = base.where('c.kind', '=', q.kind);
  if (q.year)
    base = base
      .where('c.recorded_on', '>=', `${q.year}-01-01`)
      .where('c.recorded_on', '<=', `${q.year}-12-31`);
  return paged(
    db,
    base,
    (b) => b.select(columns).select(display).orderBy('c.recorded_on', 'desc').orderBy('c.id', 'desc'),
    { page: q.page, pageSize: q.pageSize, present: presentRecord },
  );
}

const refused = (path: string, message: string) => new DomainError('INVALID_STATE', 409, [{ path, message }]);
const asInvalid = (path: string, message: string) => (e: unknown) => {
  if (e instanceof DomainError && e.code === 'NOT_FOUND') throw invalid(path, message);
  throw e;
};

/** A record by hand: its cause must exist and be read by the office (an inspection or an item). */
export async function createCreditRecord(db: Db, ctx: Ctx, input: z.infer<typeof creditRecordCreate>) {
  const a = actorOf(ctx);
  const firm = await readableEnterprise(db, ctx, input.enterpriseId).catch(
    asInvalid('body.enterpriseId', '企业不存在'),
  );
  if (!canKeepEnterprise(a, firm.region_path)) throw outOfScope();
  if (!evaluable(firm.status)) throw refused('body.enterpriseId', '已清出的企业不再记录信用');
  if (input.causeKind !== 'manual' && input.causeId === null)
    throw invalid('body.causeId', '请选择关联的稽察或督办事项');
  if (input.causeKind === 'manual' && input.causeId !== null)
    throw invalid('body.causeId', '手工记录不关联稽察或督办事项');
  if (input.causeKind === 'inspection')
    await readableInspection(db, a, input.causeId!).catch(asInvalid('body.causeId', '稽察不存在'));
  if (input.causeKind === 'item')
    await readableItem(db, a, input.causeId!).catch(asInvalid('body.causeId', '督办事项不存在'));
  const id = await transaction(db, async (trx) => {
    if (input.causeKind !== 'manual') {
      const dup = await trx
        .selectFrom('credit_records')
        .select('id')
        .where('enterprise_id', '=', input.enterpriseId)
        .where('cause_kind', '=', input.causeKind)
        .where('cause_id', '=', input.causeId!)
        .executeTakeFirst();
      if (dup) throw refused('body.causeId', '该企业已因此事项记录过信用');
    }
    const rec = await trx
      .insertInto('credit_records')
      .values({
        enterprise_id: input.enterpriseId,
        kind: input.kind,
        cause_kind: input.causeKind,
        cause_id: input.causeId,
        reason: input.reason,
        recorded_on: input.recordedOn,
        created_by: a.id,
      })
      .returning(['id', 'enterprise_id', 'kind', 'cause_kind', 'cause_id', 'reason', 'recorded_on'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { entity: 'credit_record', entityId: rec.id, action: 'create', after: rec });
    return rec.id;
  });
  return getCreditRecord(db, ctx, id);
}
