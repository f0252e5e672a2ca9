/** Shared settings: the configurable dictionaries (sectors, funding sources, tags, item categories) and saved list views. */
import type { dictionaryItemCreate, savedViewCreate } from '@ducha/contract';
import type { z } from 'zod';
import { transaction, type Db, type Executor } from '../db/connection.ts';
import { actorOf, type Ctx } from './access/context.ts';
import { recordAudit } from './audit/audit.ts';
import { forbidden, invalid, notFound, outOfScope } from './errors.ts';

export async function listDictionary(db: Db, kind?: string) {
  let q = db.selectFrom('dictionary_items').select(['kind', 'code', 'label', 'sort', 'active']);
  if (kind) q = q.where('kind', '=', kind);
  return q.orderBy('kind').orderBy('sort').orderBy('code').execute();
}

/** Offices extend the dictionaries; entries are never removed, since projects refer to them. */
export async function addDictionaryItem(db: Db, ctx: Ctx, input: z.infer<typeof dictionaryItemCreate>) {
  const actor = actorOf(ctx);
  if (actor.role !== 'admin' && actor.role !== 'office') throw forbidden();
  return transaction(db, async (trx) => {
    const row = await trx
      .insertInto('dictionary_items')
      .values({ kind: input.kind, code: input.label, label: input.label, sort: input.sort })
      .returning(['kind', 'code', 'label', 'sort', 'active'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      entity: 'dictionary',
      entityId: `${row.kind}:${row.code}`,
      action: 'create',
      after: row,
    });
    return row;
  });
}

export async function listViews(db: Db, ctx: Ctx, page: string) {
  return db
    .selectFrom('saved_views')
    .select(['id', 'page', 'name', 'query'])
    .where('user_id', '=', actorOf(ctx).id)
    .where('page', '=', page)
    .orderBy('name')
    .execute();
}

/** Saves (or replaces, by name) one of the user's own views of a list page. */
export async function saveView(db: Db, ctx: Ctx, input: z.infer<typeof savedViewCreate>) {
  const userId = actorOf(ctx).id;
  return transaction(db, async (trx) => {
    const row = await trx
      .insertInto('saved_views')
      .values({ user_id: userId, page: input.page, name: input.name, query: JSON.stringify(input.query) })
      .onConflict((oc) =>
        oc.columns(['user_id', 'page', 'name']).doUpdateSet({ query: JSON.stringify(input.query) }),
      )
      .returning(['id', 'page', 'name', 'query'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      entity: 'saved_view',
      entityId: row.id,
      action: 'save',
      after: { page: row.page, name: row.name, query: row.query },
    });
    return row;
  });
}

export async function deleteView(db: Db, ctx: Ctx, id: number) {
  const userId = actorOf(ctx).id;
  await transaction(db, async (trx) => {
    const row = await trx
      .selectFrom('saved_views')
      .select(['user_id', 'name', 'page'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound();
    if (row.user_id !== userId) throw outOfScope();
    await trx.deleteFrom('saved_views').where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      entity: 'saved_view',
      entityId: id,
      action: 'delete',
      before: { page: row.page, name: row.name },
    });
  });
}

/** The active codes of a dictionary. */
export async function dictionaryCodes(db: Executor, kind: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('dictionary_items')
    .select('code')
    .where('kind', '=', kind)
    .where('active', '=', true)
    .execute();
  return new Set(rows.map((r) => r.code));
}

/** The active labels of a dictionary in its order (the template's drop-downs). */
export const dictionaryLabels = async (db: Executor, kind: string) =>
  (
    await db
      .selectFrom('dictionary_items')
      .select('label')
      .where('kind', '=', kind)
      .where('active', '=', true)
      .orderBy('sort')
      .execute()
  ).map((r) => r.label);

/** Throws 400 at `path` unless every value is a known, active code of the dictionary. */
export async function checkDictionary(
  db: Executor,
  kind: string,
  values: readonly string[],
  path: string,
  message = (missing: string[]) => `不在字典中：${missing.join('、')}`,
): Promise<void> {
  if (!values.length) return;
  const known = await dictionaryCodes(db, kind);
  const missing = values.filter((v) => !known.has(v));
  if (missing.length) throw invalid(path, message(missing));
}
