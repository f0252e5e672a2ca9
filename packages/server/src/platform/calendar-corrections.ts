/**
 * The office's corrections to the official working-day calendar (a day off made a working day, or
 * the reverse), owned by the platform: every working-day deadline (reports, items) reads them.
 */
import { transaction, type Db, type Executor } from '../db/connection.ts';
import { actorOf, type Ctx } from './access/context.ts';
import { recordAudit } from './audit/audit.ts';
import type { Corrections } from './calendar.ts';
import { cachedRead, invalidate } from './cache.ts';
import { assertSharedEditor } from './settings.ts';

/** Every correction, as the calendar functions take them: cached (cache.ts), invalidated by `setCorrection`. */
export const loadCorrections = (db: Executor): Promise<Corrections> =>
  cachedRead(db, 'calendar_corrections', async () => {
    const rows = await db.selectFrom('calendar_corrections').select(['date', 'work']).execute();
    return new Map(rows.map((r) => [r.date, r.work]));
  });

export async function listCorrections(db: Db, year?: number) {
  let q = db.selectFrom('calendar_corrections').select(['date', 'work', 'note']);
  if (year) q = q.where('date', '>=', `${year}-01-01`).where('date', '<=', `${year}-12-31`);
  return q.orderBy('date').execute();
}

/**
 * Sets (or with `null` removes) the correction of one date. 调休 is national and the corrections move
 * every region's deadlines, so this is a shared setting: the admin's and the home office's.
 */
export async function setCorrection(
  db: Db,
  ctx: Ctx,
  date: string,
  input: { work: boolean; note?: string | null } | null,
) {
  await assertSharedEditor(db, actorOf(ctx));
  const saved = await transaction(db, async (trx) => {
    const before = await trx
      .selectFrom('calendar_corrections')
      .selectAll()
      .where('date', '=', date)
      .executeTakeFirst();
    await trx.deleteFrom('calendar_corrections').where('date', '=', date).execute();
    if (input)
      await trx
        .insertInto('calendar_corrections')
        .values({ date, work: input.work, note: input.note ?? null })
        .execute();
    await recordAudit(trx, ctx, {
      entity: 'calendar_correction',
      entityId: date,
      action: input ? 'save' : 'delete',
      before: before ? { work: before.work, note: before.note } : {},
      after: input ? { work: input.work, note: input.note ?? null } : {},
    });
    return { ok: true as const };
  });
  invalidate(db, 'calendar_corrections');
  return saved;
}
