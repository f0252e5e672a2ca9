/**
 * The reporting calendar (报送截止日, 汇总日) per region and year, inherited from the nearest
 * ancestor, and the deadlines it gives: each (region, month) worked out once per request, from the
 * calendars cached per process (issue 12: read on every list of reports, changed a few times a year).
 */
import { transaction, type Db, type Executor } from '../../db/connection.ts';
import { actorOf, type Ctx } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { defaultCalendar, reportDeadline, type CalendarSettings } from '../../platform/calendar.ts';
import { loadCorrections } from '../../platform/calendar-corrections.ts';
import { cachedRead, invalidate } from '../../platform/cache.ts';
import { invalid } from '../../platform/errors.ts';
import { assertVersion } from '../../platform/records.ts';
import { nearestSetting, settingsRegion } from '../../platform/regions.ts';

/** The calendars regions set for themselves, one row per region and year: a small table every deadline reads. */
const calendarRows = (db: Executor, codes: string[], year: number) =>
  db
    .selectFrom('reporting_calendars')
    .selectAll()
    .where('region_code', 'in', codes)
    .where('year', '=', year)
    .execute();

const CALENDARS = 'reporting_calendars';
/** Every calendar row, cached (platform/cache.ts) and invalidated by `putCalendar`. */
const cachedCalendars = (db: Executor) =>
  cachedRead(db, CALENDARS, () => db.selectFrom('reporting_calendars').selectAll().execute());

export async function calendarFor(
  db: Executor,
  regionPath: string,
  year: number,
): Promise<CalendarSettings & { regionCode: string | null; version: number }> {
  const codes = regionPath.split('.');
  // a transaction reads what it sees (a close, a filing); a request reads the cached table
  const rows = db.isTransaction
    ? await calendarRows(db, codes, year)
    : (await cachedCalendars(db)).filter((r) => r.year === year && codes.includes(r.region_code));
  const row = nearestSetting(rows, regionPath);
  return row
    ? {
        regionCode: row.region_code,
        deadlineDay: row.deadline_day,
        aggregationDay: row.aggregation_day,
        rollToWorkingDay: row.roll_to_working_day,
        version: row.version,
      }
    : { regionCode: null, ...defaultCalendar, version: 0 };
}

/**
 * A deadline resolver for one request or close: each (region, month) is worked out once, from the
 * region's own calendar (a county may set its own) and the corrections, loaded once.
 */
export function deadlineResolver(db: Executor) {
  let corrections: ReturnType<typeof loadCorrections> | undefined;
  const cache = new Map<string, Promise<string>>();
  return (regionPath: string, y: number, m: number): Promise<string> => {
    const key = `${regionPath}|${y}-${m}`;
    let hit = cache.get(key);
    if (!hit) {
      hit = (async () =>
        reportDeadline(
          y,
          m,
          await calendarFor(db, regionPath, y),
          await (corrections ??= loadCorrections(db)),
        ))();
      cache.set(key, hit);
    }
    return hit;
  };
}

export const deadlineOf = (db: Executor, regionPath: string, y: number, m: number) =>
  deadlineResolver(db)(regionPath, y, m);

export async function getCalendar(db: Db, ctx: Ctx, code: string, year: number) {
  await settingsRegion(db, actorOf(ctx), code, false);
  const row = await db
    .selectFrom('reporting_calendars')
    .selectAll()
    .where('region_code', '=', code)
    .where('year', '=', year)
    .executeTakeFirst();
  return {
    regionCode: code,
    year,
    deadlineDay: row?.deadline_day ?? defaultCalendar.deadlineDay,
    aggregationDay: row?.aggregation_day ?? defaultCalendar.aggregationDay,
    rollToWorkingDay: row?.roll_to_working_day ?? defaultCalendar.rollToWorkingDay,
    version: row?.version ?? 0,
  };
}

export async function putCalendar(
  db: Db,
  ctx: Ctx,
  code: string,
  year: number,
  input: { version: number; deadlineDay: number; aggregationDay: number; rollToWorkingDay: boolean },
) {
  await settingsRegion(db, actorOf(ctx), code, true);
  if (input.aggregationDay < input.deadlineDay)
    throw invalid('body.aggregationDay', '汇总日不能早于报送截止日');
  const saved = await transaction(db, async (trx) => {
    const row = await trx
      .selectFrom('reporting_calendars')
      .selectAll()
      .where('region_code', '=', code)
      .where('year', '=', year)
      .forUpdate()
      .executeTakeFirst();
    assertVersion(row?.version ?? 0, input.version);
    const values = {
      deadline_day: input.deadlineDay,
      aggregation_day: input.aggregationDay,
      roll_to_working_day: input.rollToWorkingDay,
    };
    if (row)
      await trx
        .updateTable('reporting_calendars')
        .set({ ...values, version: row.version + 1 })
        .where('region_code', '=', code)
        .where('year', '=', year)
        .execute();
    else
      await trx
        .insertInto('reporting_calendars')
        .values({ ...values, region_code: code, year })
        .execute();
    await recordAudit(trx, ctx, {
      entity: 'reporting_calendar',
      entityId: `${code}:${year}`,
      action: row ? 'update' : 'create',
      before: row
        ? {
            deadlineDay: row.deadline_day,
            aggregationDay: row.aggregation_day,
            rollToWorkingDay: row.roll_to_working_day,
          }
        : {},
      after: { ...input },
    });
    return { regionCode: code, year, ...input, version: (row?.version ?? 0) + 1 };
  });
  invalidate(db, CALENDARS);
  return saved;
}
