/** The reporting calendar, working-day corrections and light rules in force for a region and year. */
import { defaultLightRules, lightRules, type LightRules } from '@ducha/contract';
import type { Executor } from '../../db/connection.ts';
import { defaultCalendar, type CalendarSettings, type Corrections } from '../../platform/calendar.ts';

/** The region's own setting, else its nearest ancestor's: a county inherits the city's calendar. */
const nearest = <T extends { region_code: string }>(rows: T[], path: string) => {
  const order = path.split('.').reverse();
  return rows.sort((a, b) => order.indexOf(a.region_code) - order.indexOf(b.region_code))[0];
};

export async function calendarFor(
  db: Executor,
  regionPath: string,
  year: number,
): Promise<CalendarSettings & { regionCode: string | null; version: number }> {
  const rows = await db
    .selectFrom('reporting_calendars')
    .selectAll()
    .where('region_code', 'in', regionPath.split('.'))
    .where('year', '=', year)
    .execute();
  const row = nearest(rows, regionPath);
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

export async function loadCorrections(db: Executor): Promise<Corrections> {
  const rows = await db.selectFrom('calendar_corrections').select(['date', 'work']).execute();
  return new Map(rows.map((r) => [r.date, r.work]));
}

export async function rulesFor(
  db: Executor,
  regionPath: string,
  year: number,
): Promise<{ rules: LightRules; version: number; regionCode: string | null }> {
  const rows = await db
    .selectFrom('light_rules')
    .select(['region_code', 'version', 'rules'])
    .where('region_code', 'in', regionPath.split('.'))
    .where('year', '=', year)
    .orderBy('version', 'desc')
    .execute();
  const own = nearest(rows, regionPath);
  if (!own) return { rules: defaultLightRules, version: 0, regionCode: null };
  const latest = rows.filter((r) => r.region_code === own.region_code)[0]!;
  return { rules: lightRules.parse(latest.rules), version: latest.version, regionCode: latest.region_code };
}
