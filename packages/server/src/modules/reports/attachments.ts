/** Photos and files on a monthly report: stored with a checksum, within type and size limits. */
import { transaction, type Db } from '../../db/connection.ts';
import { actorOf, type Ctx } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, forbidden, notFound } from '../../platform/errors.ts';
import { checkAttachment, readStoredFile, storeFile } from '../../platform/files.ts';
import { readableProject } from '../projects/projects.ts';
import { projectFacts } from '../projects/repo.ts';
import { canFileReport } from './policy.ts';

async function reportFor(db: Db, ctx: Ctx, reportId: number, write: boolean) {
  const r = await db
    .selectFrom('monthly_reports')
    .select(['id', 'project_id', 'status'])
    .where('id', '=', reportId)
    .executeTakeFirst();
  if (!r) throw notFound();
  const project = await readableProject(db, actorOf(ctx), r.project_id);
  if (write) {
    if (!canFileReport(actorOf(ctx), projectFacts(project))) throw forbidden();
    if (r.status !== 'draft' && r.status !== 'returned')
      throw new DomainError('INVALID_STATE', 409, [
        { path: 'status', message: '只能在草稿或退回状态下修改附件' },
      ]);
  }
  return r;
}

export async function addAttachment(
  db: Db,
  ctx: Ctx,
  dataDir: string,
  reportId: number,
  file: { name: string; type: string; body: Buffer },
) {
  checkAttachment(file.type, file.body);
  const r = await reportFor(db, ctx, reportId, true);
  const stored = storeFile(dataDir, file.body);
  return transaction(db, async (trx) => {
    const row = await trx
      .insertInto('report_attachments')
      .values({
        report_id: r.id,
        name: file.name.slice(0, 200),
        type: file.type,
        size: stored.size,
        sha256: stored.sha256,
        path: stored.path,
        created_by: actorOf(ctx).id,
      })
      .returning(['id', 'name', 'size', 'type', 'sha256'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      entity: 'report',
      entityId: r.id,
      action: 'add_attachment',
      after: { name: row.name, size: row.size, sha256: row.sha256 },
    });
    return row;
  });
}

export async function getAttachment(db: Db, ctx: Ctx, dataDir: string, id: number) {
  const a = await db.selectFrom('report_attachments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!a) throw notFound();
  await reportFor(db, ctx, a.report_id, false);
  return { name: a.name, type: a.type, body: readStoredFile(dataDir, a.path) };
}

export async function removeAttachment(db: Db, ctx: Ctx, id: number) {
  const a = await db.selectFrom('report_attachments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!a) throw notFound();
  await reportFor(db, ctx, a.report_id, true);
  await transaction(db, async (trx) => {
    await trx.deleteFrom('report_attachments').where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      entity: 'report',
      entityId: a.report_id,
      action: 'remove_attachment',
      before: { name: a.name, sha256: a.sha256 },
    });
  });
}
