/**
 * Batch verification: the office verifies the reports it selected in the queue in one action. Each
 * report goes through the same step as a single 审核通过 (`stepIn`), in its own transaction: the
 * valid ones are verified, with their milestones and audit events, and the others are listed with
 * the error the single action would answer (a stale version, no longer submitted, out of scope).
 */
import type { BatchResult } from '@ducha/contract';
import { transaction, type Db } from '../../db/connection.ts';
import type { Ctx } from '../../platform/access/context.ts';
import { runBatch, type BatchOptions } from '../../platform/batch.ts';
import { notFound } from '../../platform/errors.ts';
import { stepIn } from './reports.ts';

const monthOf = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;

/** Verifies each report (its id and the version read), one transaction per report. */
export const verifyReports = (
  db: Db,
  ctx: Ctx,
  reports: readonly { id: number; version: number }[],
  o: BatchOptions,
): Promise<BatchResult> =>
  runBatch(
    reports,
    ({ id, version }) =>
      transaction(db, async (trx) => {
        const r = await trx
          .selectFrom('monthly_reports')
          .select(['project_id', 'year', 'month'])
          .where('id', '=', id)
          .executeTakeFirst();
        if (!r) throw notFound();
        await stepIn(trx, ctx, {
          projectId: r.project_id,
          month: monthOf(r.year, r.month),
          step: 'verify',
          version,
          reportId: id,
        });
      }),
    o,
  );
