/**
 * The daily "due soon" notice: every open item whose response or resolution deadline falls within
 * the configured working days tells its responsible unit, once per item, deadline and user.
 */
import type { Db } from '../../db/connection.ts';
import { addWorkingDays } from '../../platform/calendar.ts';
import { notifyUnits } from '../../platform/notify.ts';
import { todayInChina } from '../../platform/time.ts';
import { loadCorrections } from '../../platform/calendar-corrections.ts';
import { loadItemSettings } from './settings.ts';

export async function notifyDueSoon(db: Db, today = todayInChina()): Promise<number> {
  const settings = await loadItemSettings(db);
  const horizon = addWorkingDays(today, settings.dueSoonDays, await loadCorrections(db));
  const rows = await db
    .selectFrom('items')
    .select(['id', 'title', 'responsible_unit_id', 'status', 'responded_on', 'response_due', 'due_date'])
    .where('status', 'in', ['assigned', 'responded', 'returned'])
    .where('responsible_unit_id', 'is not', null)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('responded_on', 'is', null),
          eb('response_due', '>=', today),
          eb('response_due', '<=', horizon),
        ]),
        eb.and([eb('due_date', '>=', today), eb('due_date', '<=', horizon)]),
      ]),
    )
    .execute();
  let sent = 0;
  for (const r of rows) {
    const response =
      r.responded_on === null &&
      r.response_due !== null &&
      r.response_due >= today &&
      r.response_due <= horizon;
    const [what, date] = response ? ['答复', r.response_due!] : ['办结', r.due_date!];
    sent += await notifyUnits(db, [r.responsible_unit_id!], {
      kind: 'due_soon',
      title: `即将到期：${r.title}`,
      body: `${what}时限 ${date}`,
      entity: 'item',
      entityId: r.id,
      dedupeKey: `due:${r.id}:${what}:${date}`,
    });
  }
  return sent;
}
