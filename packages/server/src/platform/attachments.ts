/**
 * Files attached to a record (a report's photos, an item's evidence): one table per owner kind with
 * the same columns, the same checks (type, size, bytes), storage by checksum and an audit event per
 * change. Each owner says who may read and change its files, and may record more on adding one.
 */
import { sql } from 'kysely';
import { transaction, type Db, type Executor, type Trx } from '../db/connection.ts';
import { actorOf, type Ctx } from './access/context.ts';
import { recordAudit } from './audit/audit.ts';
import { notFound } from './errors.ts';
import { attachmentName, checkAttachment, readStoredFile, storeFile } from './files.ts';

export interface AttachmentOwner {
  /** the owner module's attachments table (same columns for every owner) */
  table: string;
  /** the owner's id column in that table */
  ownerColumn: string;
  /** the audit entity of the owner */
  entity: string;
  /** throws unless the actor may read (write false) or change (write true) the owner's files */
  authorize: (db: Executor, ctx: Ctx, ownerId: number, write: boolean) => Promise<unknown>;
  /** more to record when a file is added, in the same transaction */
  onAdd?: (trx: Trx, ctx: Ctx, ownerId: number, name: string) => Promise<void>;
}

interface Row {
  id: number;
  owner_id: number;
  name: string;
  type: string;
  size: number;
  sha256: string;
  path: string;
  created_at: Date;
}

export function attachmentsOf(o: AttachmentOwner) {
  const table = sql.table(o.table);
  const owner = sql.ref(o.ownerColumn);
  const find = async (db: Executor, id: number) => {
    const r = await sql<Row>`select *, ${owner} as owner_id from ${table} where id = ${id}`.execute(db);
    if (!r.rows[0]) throw notFound();
    return r.rows[0];
  };
  return {
    async add(
      db: Db,
      ctx: Ctx,
      dataDir: string,
      ownerId: number,
      file: { name: string; type: string; body: Buffer },
    ) {
      checkAttachment(file.type, file.body);
      await o.authorize(db, ctx, ownerId, true);
      const stored = storeFile(dataDir, file.body);
      return transaction(db, async (trx) => {
        const name = attachmentName(file.name, file.type);
        const r = await sql<Omit<Row, 'owner_id' | 'path'>>`
          insert into ${table} (${owner}, name, type, size, sha256, path, created_by)
          values (${ownerId}, ${name}, ${file.type}, ${stored.size}, ${stored.sha256}, ${stored.path}, ${actorOf(ctx).id})
          returning id, name, size, type, sha256, created_at`.execute(trx);
        const row = r.rows[0]!;
        await o.onAdd?.(trx, ctx, ownerId, row.name);
        await recordAudit(trx, ctx, {
          entity: o.entity,
          entityId: ownerId,
          action: 'add_attachment',
          after: { name: row.name, size: row.size, sha256: row.sha256 },
        });
        const { created_at, ...out } = row;
        return { ...out, createdAt: created_at.toISOString() };
      });
    },

    async get(db: Db, ctx: Ctx, dataDir: string, id: number) {
      const a = await find(db, id);
      await o.authorize(db, ctx, a.owner_id, false);
      // files kept before names were made to fit their type are served under a fitting one too
      return { name: attachmentName(a.name, a.type), type: a.type, body: readStoredFile(dataDir, a.path) };
    },

    async remove(db: Db, ctx: Ctx, id: number) {
      const a = await find(db, id);
      await o.authorize(db, ctx, a.owner_id, true);
      await transaction(db, async (trx) => {
        await sql`delete from ${table} where id = ${id}`.execute(trx);
        await recordAudit(trx, ctx, {
          entity: o.entity,
          entityId: a.owner_id,
          action: 'remove_attachment',
          before: { name: a.name, sha256: a.sha256 },
        });
      });
      return { ok: true as const };
    },
  };
}
