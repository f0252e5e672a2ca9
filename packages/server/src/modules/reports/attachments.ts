/** Photos and files on a monthly report: its filers change them while it is a draft or returned. */
import type { Executor } from '../../db/connection.ts';
import { actorOf, type Ctx } from '../../platform/access/context.ts';
import { attachmentsOf } from '../../platform/attachments.ts';
import { DomainError, forbidden, notFound } from '../../platform/errors.ts';
import { projectFacts, readableProject } from '../projects/index.ts';
import { canFileReport } from './policy.ts';

async function authorize(db: Executor, ctx: Ctx, reportId: number, write: boolean) {
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
}

export const reportAttachments = attachmentsOf({
  table: 'report_attachments',
  ownerColumn: 'report_id',
  entity: 'report',
  authorize,
});
