/**
 * Batch actions (a clerk verifies twenty reports, reminds thirty items, approves fifty plan drafts):
 * each record goes through the same use case as the single action, in its own transaction, so the
 * valid ones are done and the others are listed with the error the single action would have
 * answered (a stale version, a status that no longer allows it, a record out of scope). Every
 * record's audit event carries the batch's request id.
 */
import {
  errorMessages,
  pickLang,
  type BatchError,
  type BatchOutcome,
  type BatchResult,
  type Lang,
} from '@ducha/contract';
import type { FastifyRequest } from 'fastify';
import { DomainError, fromPostgres } from './errors.ts';

export interface BatchOptions {
  /** the caller's language (Accept-Language), for the refused records' messages */
  lang: Lang;
  /** told of an error that is not a domain error (a bug): the record is refused with INTERNAL */
  onUnexpected?: (err: unknown, id: number) => void;
}

/** A route's batch options: the request's language, and its log for what should never happen. */
export const batchOptions = (req: FastifyRequest): BatchOptions => ({
  lang: pickLang(req.headers['accept-language']),
  onUnexpected: (err, id) => req.log.error({ err, id }, 'batch record failed'),
});

/** A refused record's error, as the API's error body would say it. */
export function batchErrorOf(err: DomainError, lang: Lang): BatchError {
  const currentVersion = err.extra.currentVersion;
  return {
    code: err.code,
    status: err.status,
    message: errorMessages[err.code][lang],
    details: err.details,
    ...(typeof currentVersion === 'number' ? { currentVersion } : {}),
  };
}

/** The outcome of one record: `fn` done, or the error it threw. */
export async function outcomeOf(
  id: number,
  fn: () => Promise<unknown>,
  o: BatchOptions,
): Promise<{ outcome: BatchOutcome; error?: DomainError }> {
  try {
    await fn();
    return { outcome: { id, ok: true, error: null } };
  } catch (e) {
    let error = e instanceof DomainError ? e : fromPostgres(e as never);
    if (!error) {
      o.onUnexpected?.(e, id);
      error = new DomainError('INTERNAL', 500);
    }
    return { outcome: { id, ok: false, error: batchErrorOf(error, o.lang) }, error };
  }
}

/**
 * When every record was refused for access (403), the batch answers that 403 as a whole, as the
 * single action would: a caller who may act on none of them learns nothing record by record.
 */
export function refuseIfNoAccess(errors: readonly (DomainError | undefined)[]): void {
  if (errors.length > 0 && errors.every((e) => e?.status === 403)) throw errors[0]!;
}

/** Sums up the outcomes. */
export const batchSummary = (results: BatchOutcome[]): BatchResult => ({
  done: results.filter((r) => r.ok).length,
  refused: results.filter((r) => !r.ok).length,
  results,
});

/**
 * Runs `fn` for each record in turn (it opens its own transaction), collecting every outcome in the
 * order sent; see `refuseIfNoAccess` for the one case the batch fails as a whole.
 */
export async function runBatch<R extends { id: number }>(
  records: readonly R[],
  fn: (record: R) => Promise<unknown>,
  o: BatchOptions,
): Promise<BatchResult> {
  const results: BatchOutcome[] = [];
  const errors: (DomainError | undefined)[] = [];
  for (const r of records) {
    const { outcome, error } = await outcomeOf(r.id, () => fn(r), o);
    results.push(outcome);
    errors.push(error);
  }
  refuseIfNoAccess(errors);
  return batchSummary(results);
}
