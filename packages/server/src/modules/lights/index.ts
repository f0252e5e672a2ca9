/**
 * The lights module's door (DOMAIN §5): light rules, the month close, the board and overrides.
 * Others use the close (the CLI, the nightly job, the demo) and the scheduled job.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/connection.ts';
export { runClose } from './close.ts';
export { onMonthClosed, type CloseHook } from './close-hooks.ts';
export { latestCloseMonth, publishClose } from './closes.ts';
export { closeDueMonths, closingRegions } from './jobs.ts';
export { lightScoreFacts, unitPaceFacts, type LightFact, type UnitPaceFact } from './score-facts.ts';

// ---- what a meeting's agenda reads (issue 13) ----

/**
 * The newest published month closed by a region on the line of `path` (the region, above or below
 * it) up to `month` ('YYYY-MM'), as [year, month], or null: the lights a meeting reviews.
 */
export async function publishedLightMonth(
  db: Executor,
  path: string,
  month: string,
): Promise<[number, number] | null> {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const row = await db
    .selectFrom('month_closes')
    .select(['year', 'month'])
    .where('status', '=', 'published')
    .where('region_code', 'in', path.split('.'))
    .where((e) => e.or([e('year', '<', y), e.and([e('year', '=', y), e('month', '<=', m)])]))
    .orderBy('year', 'desc')
    .orderBy('month', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? [row.year, row.month] : null;
}

/**
 * SQL (a subquery): the red and yellow lights of month `y`-`m` of the projects `scope` yields
 * (a subquery with an `id` column): project_id, color (the override when there is one), reasons
 * (as stored: `[{ code, values, text }]`), red_streak.
 */
export const warningLightsSql = (
  scope: RawBuilder<unknown>,
  y: number,
  m: number,
): RawBuilder<unknown> => sql`
  select l.project_id, coalesce(l.override_color, l.computed) as color, l.red_streak, l.reasons
  from lights l join ${scope} s on s.id = l.project_id
  where l.year = ${y} and l.month = ${m} and coalesce(l.override_color, l.computed) in ('red', 'yellow')`;
