/** Evidence of resolution (佐证材料) on an item: the responsible unit (or the office) adds or removes it until the item is closed. */
import type { ItemStatus } from '@ducha/contract';
import type { Executor } from '../../db/connection.ts';
import { actorOf, type Ctx } from '../../platform/access/context.ts';
import { attachmentsOf } from '../../platform/attachments.ts';
import { DomainError, forbidden } from '../../platform/errors.ts';
import { itemFacts, readableItem } from './items.ts';
import { standing } from './policy.ts';

const editable: readonly ItemStatus[] = ['assigned', 'responded', 'returned', 'resolved'];

async function authorize(db: Executor, ctx: Ctx, itemId: number, write: boolean) {
  const actor = actorOf(ctx);
  const row = await readableItem(db, actor, itemId);
  if (!write) return;
  const s = standing(actor, itemFacts(row));
  if (!s.responsible && !s.office) throw forbidden();
  if (!editable.includes(row.status as ItemStatus))
    throw new DomainError(
      'INVALID_STATE',
      409,
      [{ path: 'status', message: '事项已销号或尚未交办，不能修改佐证材料' }],
      { status: row.status },
    );
}

export const itemAttachments = attachmentsOf({
  table: 'item_attachments',
  ownerColumn: 'item_id',
  entity: 'item',
  authorize,
  // evidence shows on the item's handling record
  onAdd: async (trx, ctx, itemId, name) => {
    await trx
      .insertInto('item_events')
      .values({ item_id: itemId, actor_id: actorOf(ctx).id, action: 'attach', note: name })
      .execute();
  },
});
