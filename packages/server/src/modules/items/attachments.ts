/** Evidence of resolution (佐证材料) on an item: stored by checksum, within the type and size limits. */
import type { ItemStatus } from '@ducha/contract';
import { transaction, type Db } from '../../db/connection.ts';
import { actorOf, type Ctx } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, forbidden, notFound } from '../../platform/errors.ts';
import { checkAttachment, readStoredFile, storeFile } from '../../platform/files.ts';
import { itemFacts, readableItem } from './items.ts';
import { standing } from './policy.ts';

const editable: readonly ItemStatus[] = ['assigned', 'responded', 'returned', 'resolved'];

/** The responsible unit (or the office) adds or removes evidence until the item is closed. */
async function itemFor(db: Db, ctx: Ctx, itemId: number, write: boolean) {
  const actor = actorOf(ctx);
  const row = await readableItem(db, actor, itemId);
  if (write) {
    const s = standing(actor, itemFacts(row));
    if (!s.responsible && !s.office) throw forbidden();
    if (!editable.includes(row.status as ItemStatus))
      throw new DomainError(
        'INVALID_STATE',
        409,
        [{ path: 'status', message: '事项已销号或尚未交办，不能修改佐证材料' }],
        {
          status: row.status,
        },
      );
  }
  return row;
}

export async function addItemAttachment(
  db: Db,
  ctx: Ctx,
  dataDir: string,
  itemId: number,
  file: { name: string; type: string; body: Buffer },
) {
  checkAttachment(file.type, file.body);
  await itemFor(db, ctx, itemId, true);
  const stored = storeFile(dataDir, file.body);
  return transaction(db, async (trx) => {
    const row = await trx
      .insertInto('item_attachments')
      .values({
        item_id: itemId,
        name: file.name.slice(0, 200),
        type: file.type,
        size: stored.size,
        sha256: stored.sha256,
        path: stored.path,
        created_by: actorOf(ctx).id,
      })
      .returning(['id', 'name', 'size', 'type', 'sha256', 'created_at'])
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('item_events')
      .values({ item_id: itemId, actor_id: actorOf(ctx).id, action: 'attach', note: row.name })
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'item',
      entityId: itemId,
      action: 'add_attachment',
      after: { name: row.name, size: row.size, sha256: row.sha256 },
    });
    return { ...row, createdAt: row.created_at.toISOString() };
  });
}

async function attachment(db: Db, id: number) {
  const a = await db.selectFrom('item_attachments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!a) throw notFound();
  return a;
}

export async function getItemAttachment(db: Db, ctx: Ctx, dataDir: string, id: number) {
  const a = await attachment(db, id);
  await itemFor(db, ctx, a.item_id, false);
  return { name: a.name, type: a.type, body: readStoredFile(dataDir, a.path) };
}

export async function removeItemAttachment(db: Db, ctx: Ctx, id: number) {
  const a = await attachment(db, id);
  await itemFor(db, ctx, a.item_id, true);
  await transaction(db, async (trx) => {
    await trx.deleteFrom('item_attachments').where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      entity: 'item',
      entityId: a.item_id,
      action: 'remove_attachment',
      before: { name: a.name, sha256: a.sha256 },
    });
  });
  return { ok: true as const };
}
