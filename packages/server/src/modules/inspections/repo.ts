/** Inspections' shared queries: the numbering of inspections and their documents. */
import { sql } from 'kysely';
import type { Trx } from '../../db/connection.ts';

/**
 * The next number under `prefix` in `year` (稽察〔2026〕3号 is prefix 稽察, 3), taken under the
 * counter's row lock so concurrent inspections never share a number.
 */
export async function nextNumber(trx: Trx, prefix: string, year: number): Promise<number> {
  const row = await sql<{ last: number }>`
    insert into inspection_counters (prefix, year, last) values (${prefix}, ${year}, 1)
    on conflict (prefix, year) do update set last = inspection_counters.last + 1
    returning last`.execute(trx);
  return row.rows[0]!.last;
}

/** An inspection's code, e.g. JC-2026-003. */
export async function nextInspectionCode(trx: Trx, year: number): Promise<string> {
  const n = await nextNumber(trx, 'JC', year);
  return `JC-${year}-${String(n).padStart(3, '0')}`;
}
