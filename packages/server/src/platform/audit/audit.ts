/**
 * The audit trail (DOMAIN §11): `recordAudit` appends one event in the caller's transaction;
 * `verifyAuditChain` walks the chain and names the first event that was altered or removed.
 */
import { insertJson } from '../../db/bulk.ts';
import type { Db, Trx } from '../../db/connection.ts';
import type { Ctx } from '../access/context.ts';
import { diffOf, eventHash, type ChainedFields } from './chain.ts';

export interface AuditInput {
  entity: string;
  entityId: string | number;
  action: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  reason?: string | null;
}

/** Fields never written to the trail, whatever a caller passes. */
const secret = new Set([
  'password_hash',
  'passwordHash',
  'token_hash',
  'tokenHash',
  'password',
  'token',
  'csrf_token',
]);
const scrub = (o: Record<string, unknown> = {}) =>
  Object.fromEntries(Object.entries(o).filter(([k]) => !secret.has(k)));

export async function recordAudit(trx: Trx, ctx: Ctx, input: AuditInput): Promise<void> {
  await recordAudits(trx, ctx, [input]);
}

/**
 * Appends several events under one lock of the chain head (bulk imports write thousands): the
 * hashes are chained in memory and the rows inserted in chunks, all in the caller's transaction.
 */
export async function recordAudits(trx: Trx, ctx: Ctx, inputs: readonly AuditInput[]): Promise<void> {
  if (!inputs.length) return;
  // Locking the head row serializes writers across transactions, so the chain never forks.
  const head = await trx
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .forUpdate()
    .executeTakeFirstOrThrow();
  let { seq, hash } = head;
  const at = new Date();
  const rows = inputs.map((input) => {
    const fields: ChainedFields = {
      seq: ++seq,
      at,
      actorId: ctx.actor?.id ?? null,
      actorName: ctx.actor?.displayName ?? null,
      entity: input.entity,
      entityId: String(input.entityId),
      action: input.action,
      diff: diffOf(scrub(input.before), scrub(input.after)),
      reason: input.reason ?? null,
      requestId: ctx.requestId,
    };
    const prev = hash;
    hash = eventHash(prev, fields);
    return {
      seq: fields.seq,
      at: fields.at,
      actor_id: fields.actorId,
      actor_name: fields.actorName,
      entity: fields.entity,
      entity_id: fields.entityId,
      action: fields.action,
      diff: fields.diff,
      reason: fields.reason,
      request_id: fields.requestId,
      prev_hash: prev,
      hash,
    };
  });
  for (let i = 0; i < rows.length; i += 2000) await insertJson(trx, 'audit_events', rows.slice(i, i + 2000));
  await trx.updateTable('audit_head').set({ seq, hash }).execute();
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  /** The first event found broken, and what is wrong with it. */
  broken?: { seq: number; problem: string };
}

/** Streams the chain in pages, recomputing every hash. */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<VerifyResult> {
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
  let prev = 'genesis';
  let expected = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>=', expected)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const r of rows) {
      if (r.seq !== expected)
        return { ok: false, checked, broken: { seq: expected, problem: `事件 #${expected} 缺失(被删除)` } };
      if (r.prev_hash !== prev)
        return { ok: false, checked, broken: { seq: r.seq, problem: `事件 #${r.seq} 的前序哈希不符` } };
      const hash = eventHash(prev, {
        seq: r.seq,
        at: r.at,
        actorId: r.actor_id,
        actorName: r.actor_name,
        entity: r.entity,
        entityId: r.entity_id,
        action: r.action,
        diff: r.diff,
        reason: r.reason,
        requestId: r.request_id,
      });
      if (hash !== r.hash)
        return { ok: false, checked, broken: { seq: r.seq, problem: `事件 #${r.seq} 的内容被改动` } };
      prev = r.hash;
      expected += 1;
      checked += 1;
    }
    if (rows.length < pageSize) break;
  }
  if (head.seq !== expected - 1 || head.hash !== prev) {
    return {
      ok: false,
      checked,
      broken: {
        seq: expected,
        problem: `链尾不符：应有 ${head.seq} 条事件，实有 ${expected - 1} 条(末尾被删除)`,
      },
    };
  }
  return { ok: true, checked };
}
