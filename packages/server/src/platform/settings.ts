/** Shared settings: the configurable dictionaries (sectors, funding sources, tags, item categories) and saved list views. */
import type {
  DictionaryKind,
  dictionaryItemCreate,
  dictionaryItemUpdate,
  savedViewCreate,
} from '@ducha/contract';
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import { transaction, type Db, type Executor } from '../db/connection.ts';
import type { DictionaryItemsTable } from '../db/types.ts';
import { actorOf, type Ctx } from './access/context.ts';
import { recordAudit } from './audit/audit.ts';
import { DomainError, invalid, notFound, outOfScope } from './errors.ts';
import { assertVersion } from './records.ts';
import { officeRegions } from './auth/accounts.ts';
import { getRegion } from './regions.ts';
import { canEditDictionary, canEditShared, commonRoot } from './settings-policy.ts';
import type { Actor } from './access/context.ts';

const dictColumns = ['kind', 'code', 'label', 'label_en', 'sort', 'active', 'version'] as const;
type DictRow = Pick<Selectable<DictionaryItemsTable>, (typeof dictColumns)[number]>;
const presentDict = (r: DictRow) => ({
  kind: r.kind as DictionaryKind,
  code: r.code,
  label: r.label,
  labelEn: r.label_en,
  sort: r.sort,
  active: r.active,
  version: r.version,
});

/** The installation's home region path: the deepest region holding every active office account's. */
export async function sharedSettingsHome(db: Executor): Promise<string | null> {
  return commonRoot((await officeRegions(db)).map((r) => r.path));
}

/** 403 unless the actor may change the settings every region shares (settings-policy.ts), saying whose they are. */
export async function assertSharedEditor(db: Executor, a: Actor): Promise<void> {
  const home = await sharedSettingsHome(db);
  if (canEditShared(a, home)) return;
  const region = home ? await getRegion(db, home.split('.').pop()!) : undefined;
  const keeper = region ? `系统管理员和${region.name}重点办` : '系统管理员';
  throw new DomainError('FORBIDDEN', 403, [
    { path: 'body', message: `该设置由全部区划共用，只有${keeper}可以修改` },
  ]);
}

/** Whether the caller may change the shared settings, and the region they belong to (the web's pages). */
export async function sharedSettingsInfo(db: Executor, a: Actor) {
  const home = await sharedSettingsHome(db);
  const region = home ? await getRegion(db, home.split('.').pop()!) : undefined;
  return {
    editable: canEditShared(a, home),
    regionCode: region?.code ?? null,
    regionName: region?.name ?? null,
  };
}

/** Every entry of a dictionary (or of all), active and inactive, in the office's order. */
export async function listDictionary(db: Db, kind?: string) {
  let q = db.selectFrom('dictionary_items').select(dictColumns);
  if (kind) q = q.where('kind', '=', kind);
  return (await q.orderBy('kind').orderBy('sort').orderBy('code').execute()).map(presentDict);
}

/** A label may name one entry only: not another entry's label or code (records store codes). */
async function assertLabelFree(trx: Executor, kind: string, label: string, except: string | null) {
  const key = label.trim().toLowerCase();
  const clash = await trx
    .selectFrom('dictionary_items')
    .select('code')
    .where('kind', '=', kind)
    .where((eb) => eb.or([eb(eb.fn('lower', ['label']), '=', key), eb(eb.fn('lower', ['code']), '=', key)]))
    .$if(except !== null, (q) => q.where('code', '<>', except!))
    .executeTakeFirst();
  if (clash)
    throw new DomainError('DUPLICATE', 409, [{ path: 'body.label', message: `已有同名条目：${clash.code}` }]);
}

/**
 * Offices extend the dictionaries: a new entry's code is its label as first written, and stays when
 * the label is edited. Entries are never removed, since records refer to their codes.
 */
export async function addDictionaryItem(db: Db, ctx: Ctx, input: z.infer<typeof dictionaryItemCreate>) {
  if (!canEditDictionary(actorOf(ctx), input.kind, await sharedSettingsHome(db)))
    await assertSharedEditor(db, actorOf(ctx));
  return transaction(db, async (trx) => {
    await assertLabelFree(trx, input.kind, input.label, null);
    const row = await trx
      .insertInto('dictionary_items')
      .values({
        kind: input.kind,
        code: input.label,
        label: input.label,
        label_en: input.labelEn || null,
        sort: input.sort,
      })
      .returning(dictColumns)
      .executeTakeFirstOrThrow();
    const item = presentDict(row);
    await recordAudit(trx, ctx, {
      entity: 'dictionary',
      entityId: `${row.kind}:${row.code}`,
      action: 'create',
      after: item,
    });
    return item;
  });
}

/**
 * Edits an entry with the version read (409 on a stale one): labels, order, active. Deactivating
 * keeps every record that uses the code valid; only new uses are refused (`checkDictionary`).
 */
export async function updateDictionaryItem(
  db: Db,
  ctx: Ctx,
  kind: DictionaryKind,
  code: string,
  input: z.infer<typeof dictionaryItemUpdate>,
) {
  if (!canEditDictionary(actorOf(ctx), kind, await sharedSettingsHome(db)))
    await assertSharedEditor(db, actorOf(ctx));
  return transaction(db, async (trx) => {
    const row = await trx
      .selectFrom('dictionary_items')
      .select(dictColumns)
      .where('kind', '=', kind)
      .where('code', '=', code)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound();
    assertVersion(row.version, input.version);
    if (input.label !== undefined && input.label !== row.label)
      await assertLabelFree(trx, kind, input.label, code);
    const set = {
      ...(input.label !== undefined ? { label: input.label } : {}),
      ...(input.labelEn !== undefined ? { label_en: input.labelEn || null } : {}),
      ...(input.sort !== undefined ? { sort: input.sort } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
    };
    const updated = await trx
      .updateTable('dictionary_items')
      .set({ ...set, version: row.version + 1 })
      .where('kind', '=', kind)
      .where('code', '=', code)
      .returning(dictColumns)
      .executeTakeFirstOrThrow();
    const before = presentDict(row);
    const after = presentDict(updated);
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter(
      (k) => k !== 'version' && before[k] !== after[k],
    );
    const onlyActive = changed.length === 1 && changed[0] === 'active';
    await recordAudit(trx, ctx, {
      entity: 'dictionary',
      entityId: `${kind}:${code}`,
      action: onlyActive ? (after.active ? 'activate' : 'deactivate') : 'update',
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, after[k]])),
    });
    return after;
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

/**
 * Throws 400 at `path` unless every value is a known, active code of the dictionary. Values in `kept`
 * (what the record holds already) pass even when their entry has been deactivated since: an old
 * record stays valid, only new uses are refused.
 */
export async function checkDictionary(
  db: Executor,
  kind: string,
  values: readonly string[],
  path: string,
  message = (missing: string[]) => `不在字典中：${missing.join('、')}`,
  kept: readonly string[] = [],
): Promise<void> {
  const fresh = values.filter((v) => !kept.includes(v));
  if (!fresh.length) return;
  const known = await dictionaryCodes(db, kind);
  const missing = fresh.filter((v) => !known.has(v));
  if (missing.length) throw invalid(path, message(missing));
}

/**
 * What a spreadsheet cell may say for an active entry, mapped to its code: its label (what the
 * template offers, even after an edit) or the code itself (what an export of old records shows).
 */
export async function dictionaryLookup(db: Executor, kind: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('dictionary_items')
    .select(['code', 'label'])
    .where('kind', '=', kind)
    .where('active', '=', true)
    .orderBy('sort')
    .orderBy('code')
    .execute();
  const out = new Map<string, string>();
  for (const r of rows) for (const k of [r.label, r.code]) if (!out.has(k)) out.set(k, r.code);
  return out;
}
