/**
 * 红黄牌 by their trigger (issue 15): after the recompute has written a month's rows and
 * `score_unit_months`, the month's cards are issued in the same transaction. Returns how many
 * cards were issued. The cards part of the engine fills this in (cards.ts owns the use cases).
 */
import type { Trx } from '../../db/connection.ts';
import type { SchemeRecord } from './scheme-store.ts';

export async function issueCards(
  _trx: Trx,
  _scheme: SchemeRecord,
  _year: number,
  _month: number,
): Promise<number> {
  return 0;
}
