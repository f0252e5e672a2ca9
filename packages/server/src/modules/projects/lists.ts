/** Project lists (名单): creating a year's list at one level, and publishing it. */
import { type listCreate } from '@ducha/contract';
import type { z } from 'zod';
import { transaction, type Db, type Trx } from '../../db/connection.ts';
import { actorOf, type Actor, type Ctx } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, forbidden, invalid, outOfScope } from '../../platform/errors.ts';
import { assertVersion } from '../../platform/records.ts';
import { getRegion } from '../../platform/regions.ts';
import { canManageProject } from './policy.ts';
import { findList, present, readableList } from './list-queries.ts';

export async function createList(db: Db, ctx: Ctx, input: z.infer<typeof listCreate>) {
  const actor = actorOf(ctx);
  return transaction(db, async (trx) => {
    const region = await getRegion(trx, input.regionCode);
    if (!region) throw invalid('body.regionCode', '行政区划不存在');
    if (!canManageProject(actor, region.path)) throw outOfScope();
    const { id } = await trx
      .insertInto('project_lists')
      .values({
        year: input.year,
        level: input.level,
        name: input.name,
        region_code: input.regionCode,
        batch_scheme: input.batchScheme,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const list = present((await findList(trx)(id))!);
    await recordAudit(trx, ctx, { entity: 'project_list', entityId: id, action: 'create', after: list });
    return list;
  });
}

/** A list the actor manages, locked for a change. */
export async function managedList(trx: Trx, actor: Actor, id: number) {
  await trx.selectFrom('project_lists').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  const row = await readableList(trx, actor, id);
  if (!canManageProject(actor, row.region_path)) throw forbidden();
  return row;
}

export async function publishList(db: Db, ctx: Ctx, id: number, version: number) {
  const actor = actorOf(ctx);
  return transaction(db, async (trx) => {
    const row = await managedList(trx, actor, id);
    assertVersion(row.version, version);
    if (row.status === 'published')
      throw new DomainError('INVALID_STATE', 409, [{ path: 'status', message: '名单已发布' }]);
    await trx
      .updateTable('project_lists')
      .set({
        status: 'published',
        published_at: new Date(),
        version: row.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    const list = present((await findList(trx)(id))!);
    await recordAudit(trx, ctx, {
      entity: 'project_list',
      entityId: id,
      action: 'publish',
      before: { status: 'draft' },
      after: { status: 'published', members: list.memberCount },
    });
    return list;
  });
}
