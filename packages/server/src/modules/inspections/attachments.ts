/**
 * Photo evidence of the on-site record (现场照片和佐证) on an inspection: its readers download it; the
 * office and the expert and inspector members add or remove it while the inspection is on site.
 */
import type { Executor } from '../../db/connection.ts';
import { actorOf, type Ctx } from '../../platform/access/context.ts';
import { attachmentsOf } from '../../platform/attachments.ts';
import { DomainError, outOfScope } from '../../platform/errors.ts';
import { inspectionFacts, readableInspection } from './inspection-repo.ts';
import { canRecordFindings } from './policy.ts';

async function authorize(db: Executor, ctx: Ctx, inspectionId: number, write: boolean) {
  const actor = actorOf(ctx);
  const row = await readableInspection(db, actor, inspectionId);
  if (!write) return;
  if (!canRecordFindings(actor, inspectionFacts(row))) throw outOfScope();
  if (row.status !== 'on_site')
    throw new DomainError(
      'INVALID_STATE',
      409,
      [{ path: 'status', message: '只能在现场稽察阶段上传或删除照片和佐证' }],
      {
        status: row.status,
      },
    );
}

export const inspectionAttachments = attachmentsOf({
  table: 'inspection_attachments',
  ownerColumn: 'inspection_id',
  entity: 'inspection',
  authorize,
});
