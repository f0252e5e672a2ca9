/**
 * Scheduled month close: every night, for each office region at the top of its tree, once the
 * aggregation day of the last month has passed and that month has no close yet, run it
 * (scheduled by platform/jobs.ts).
 */
import type { Db } from '../../db/connection.ts';
import type { Ctx } from '../../platform/access/context.ts';
import { officeRegions } from '../../platform/auth/accounts.ts';
import { aggregationDate } from '../../platform/calendar.ts';
import { todayInChina } from '../../platform/time.ts';
import { runClose } from './close.ts';
import { calendarFor } from '../reports/index.ts';

/** The regions offices work in, without those already covered by an ancestor office. */
export async function closingRegions(db: Db) {
  const rows = await officeRegions(db);
  return rows.filter((r) => !rows.some((o) => o.code !== r.code && r.path.startsWith(o.path + '.')));
}

export async function closeDueMonths(db: Db, today = todayInChina()): Promise<string[]> {
  const ctx: Ctx = { actor: null, requestId: 'job:month-close' };
  const [ty, tm] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const [y, m] = tm === 1 ? [ty - 1, 12] : [ty, tm - 1];
  const done: string[] = [];
  for (const region of await closingRegions(db)) {
    const cal = await calendarFor(db, region.path, y);
    if (today < aggregationDate(y, m, cal)) continue;
    const exists = await db
      .selectFrom('month_closes')
      .select('status')
      .where('region_code', '=', region.code)
      .where('year', '=', y)
      .where('month', '=', m)
      .executeTakeFirst();
    if (exists) continue;
    await runClose(db, ctx, region, y, m, today);
    done.push(`${region.code}:${y}-${String(m).padStart(2, '0')}`);
  }
  return done;
}
