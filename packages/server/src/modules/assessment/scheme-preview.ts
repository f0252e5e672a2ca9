/**
 * A scheme's preview (issue 15): the scheme, draft or not, applied to a month's facts without
 * writing anything: the rows it would generate, by rule, and the ranking they give. The office
 * tries a change on last month before activating it.
 */
import type { previewBody } from '@ducha/contract';
import type { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import type { Ctx } from '../../platform/access/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { getScheme } from './schemes.ts';

export async function previewScheme(
  db: Db,
  ctx: Ctx,
  id: number,
  _body: z.infer<typeof previewBody>,
): Promise<never> {
  await getScheme(db, ctx, id);
  // the recompute's dry run (buildMonthRows) lands with the ledger engine
  throw new DomainError('INVALID_STATE', 409, [{ path: 'body', message: '预览尚不可用' }]);
}
