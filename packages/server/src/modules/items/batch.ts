/**
 * Batch 催办: the office (or a leader) reminds the items it selected in the ledger in one action.
 * Each goes through the engine's own step, `takeStep(trx, ctx, id, { action: 'remind', … })`, in its
 * own transaction, so its count, handling record, audit event and notices are exactly those of a
 * single 催办; an item whose status no longer allows it, or out of scope, is listed with its error.
 */
import type { BatchResult } from '@ducha/contract';
import { transaction, type Db } from '../../db/connection.ts';
import type { Ctx } from '../../platform/access/context.ts';
import { runBatch, type BatchOptions } from '../../platform/batch.ts';
import { takeStep } from './steps.ts';

export const remindItems = (
  db: Db,
  ctx: Ctx,
  items: readonly { id: number; version: number }[],
  note: string | null | undefined,
  o: BatchOptions,
): Promise<BatchResult> =>
  runBatch(
    items,
    ({ id, version }) =>
      transaction(db, (trx) => takeStep(trx, ctx, id, { action: 'remind', version, note: note ?? null })),
    o,
  );
