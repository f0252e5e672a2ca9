/**
 * The in-app inbox: notifications to the people of a unit, written in the same transaction as the
 * change that causes them (so a rolled-back step tells nobody), read and marked read by their owner.
 */
import type { notificationKinds, notificationQuery } from '@ducha/contract';
import { sql } from 'kysely';
import type { z } from 'zod';
import { insertJson } from '../db/bulk.ts';
import { transaction, type Db, type Executor, type Trx } from '../db/connection.ts';
import { actorOf, type Ctx } from './access/context.ts';
import { recordAudit } from './audit/audit.ts';
import { notFound } from './errors.ts';
import { iso } from './records.ts';

export interface Notice {
  kind: (typeof notificationKinds)[number];
  title: string;
  body?: string | null;
  entity: string;
  entityId: string | number;
  /** a notice with a key is sent once per user and key */
  dedupeKey?: string;
}

/** Every active account of the units (unit staff and the owner's reporters). Returns how many were told. */
export async function notifyUnits(
  trx: Executor,
  unitIds: readonly number[],
  notice: Notice,
): Promise<number> {
  if (unitIds.length === 0) return 0;
  const users = await trx
    .selectFrom('users')
    .select('id')
    .where('unit_id', 'in', unitIds)
    .where('active', '=', true)
    .where('role', 'in', ['unit', 'reporter'])
    .execute();
  if (users.length === 0) return 0;
  const rows = users.map((u) => ({
    user_id: u.id,
    kind: notice.kind,
    title: notice.title,
    body: notice.body ?? null,
    entity: notice.entity,
    entity_id: String(notice.entityId),
    dedupe_key: notice.dedupeKey ?? null,
  }));
  if (!notice.dedupeKey) {
    await insertJson(trx, 'notifications', rows);
    return rows.length;
  }
  const res = await trx
    .insertInto('notifications')
    .values(rows)
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).where('dedupe_key', 'is not', null).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0);
}

/**
 * Many notices, each to its own unit's accounts, in two statements whatever their number (the
 * month's 红黄牌 issued by a recompute over hundreds of units). Returns how many were told.
 */
export async function notifyEachUnit(
  trx: Executor,
  notices: readonly (Omit<Notice, 'dedupeKey'> & { unitId: number })[],
): Promise<number> {
  if (notices.length === 0) return 0;
  const users = await trx
    .selectFrom('users')
    .select(['id', 'unit_id'])
    .where('unit_id', 'in', [...new Set(notices.map((n) => n.unitId))])
    .where('active', '=', true)
    .where('role', 'in', ['unit', 'reporter'])
    .execute();
  const rows = notices.flatMap((n) =>
    users
      .filter((u) => u.unit_id === n.unitId)
      .map((u) => ({
        user_id: u.id,
        kind: n.kind,
        title: n.title,
        body: n.body ?? null,
        entity: n.entity,
        entity_id: String(n.entityId),
        dedupe_key: null,
      })),
  );
  if (rows.length) await insertJson(trx, 'notifications', rows);
  return rows.length;
}

const presentNotice = (r: {
  id: number;
  kind: string;
  title: string;
  body: string | null;
  entity: string;
  entity_id: string;
  created_at: Date;
  read_at: Date | null;
}) => ({
  id: r.id,
  kind: r.kind as Notice['kind'],
  title: r.title,
  body: r.body,
  entity: r.entity,
  entityId: r.entity_id,
  createdAt: r.created_at.toISOString(),
  readAt: iso(r.read_at),
});

export async function listNotifications(db: Db, ctx: Ctx, q: z.infer<typeof notificationQuery>) {
  let base = db.selectFrom('notifications').where('user_id', '=', actorOf(ctx).id);
  if (q.unread) base = base.where('read_at', 'is', null);
  const [rows, total] = await Promise.all([
    base
      .selectAll()
      .orderBy('id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(presentNotice), total: total.n };
}

export async function unreadCount(db: Db, ctx: Ctx) {
  const r = await db
    .selectFrom('notifications')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('user_id', '=', actorOf(ctx).id)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { count: r.n };
}

/** Marks one (id) or all of the user's unread notices read; audited like every change. */
export async function markRead(db: Db, ctx: Ctx, id: number | 'all') {
  const userId = actorOf(ctx).id;
  return transaction(db, async (trx: Trx) => {
    let q = trx
      .updateTable('notifications')
      .set({ read_at: new Date() })
      .where('user_id', '=', userId)
      .where('read_at', 'is', null);
    if (id !== 'all') {
      const own = await trx
        .selectFrom('notifications')
        .select('id')
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      if (!own) throw notFound();
      q = q.where('id', '=', id);
    }
    const res = await q.executeTakeFirst();
    const count = Number(res.numUpdatedRows);
    if (count > 0) {
      await recordAudit(trx, ctx, { entity: 'notification', entityId: id, action: 'read', after: { count } });
    }
    return count;
  });
}
