/** The items settings (deadlines, the escalation ladder): one versioned row for every region, edited by the home office. */
import type { ItemSettings, itemSettingsUpdate } from '@ducha/contract';
import type { z } from 'zod';
import { transaction, type Db, type Executor } from '../../db/connection.ts';
import { actorOf, type Ctx } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { cachedRead, invalidate } from '../../platform/cache.ts';
import { assertSharedEditor } from '../../platform/settings.ts';
import { assertVersion } from '../../platform/records.ts';

/** Read on every ledger request: cached (platform/cache.ts), invalidated by `updateItemSettings`. */
export const loadItemSettings = (db: Executor): Promise<ItemSettings> =>
  cachedRead(db, 'item_settings', async () => {
    const row = await db
      .selectFrom('item_settings')
      .selectAll()
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    return { ...(row.settings as Omit<ItemSettings, 'version'>), version: row.version };
  });

/** The deadlines and the ladder apply to every region: a shared setting (platform/settings-policy.ts). */
export async function updateItemSettings(db: Db, ctx: Ctx, input: z.infer<typeof itemSettingsUpdate>) {
  await assertSharedEditor(db, actorOf(ctx));
  const saved = await transaction(db, async (trx) => {
    const before = await trx
      .selectFrom('item_settings')
      .selectAll()
      .where('id', '=', 1)
      .forUpdate()
      .executeTakeFirstOrThrow();
    assertVersion(before.version, input.version);
    const { version, ...settings } = input;
    await trx
      .updateTable('item_settings')
      .set({ settings: JSON.stringify(settings), version: version + 1 })
      .where('id', '=', 1)
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'item_settings',
      entityId: 1,
      action: 'update',
      before: before.settings,
      after: settings,
    });
    return { ...settings, version: version + 1 };
  });
  invalidate(db, 'item_settings');
  return saved;
}
