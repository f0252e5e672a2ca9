/** Item queries: one select with every field the ledger shows, the scope in SQL, and the presenter. */
import type { Item, ItemSettings, ItemStatus } from '@ducha/contract';
import { sql, type Expression, type Insertable, type SqlBool, type Updateable } from 'kysely';
import { compiledOnce } from '../../db/compiled.ts';
import type { Executor, Trx } from '../../db/connection.ts';
import type { ItemEventsTable, ItemsTable } from '../../db/types.ts';
import type { Actor } from '../../platform/access/context.ts';
import { scopeKind } from '../../platform/access/scope.ts';
import { userNameOf } from '../../platform/auth/accounts.ts';
import type { Corrections } from '../../platform/calendar.ts';
import { containing } from '../../platform/records.ts';
import { regionCodeInScope, regionNameOf, regionPathOf, withRegionNames } from '../../platform/regions.ts';
import { bigramsCover } from '../../platform/text-search.ts';
import { currentHolderNameOf, positionNameOf, unitNameOf, unitsJson } from '../org/index.ts';
import {
  projectCodeOf,
  projectIdsNamed,
  projectNameOf,
  projectOwnedBy,
  projectOwnerOf,
} from '../projects/index.ts';
import { reportMonthOf } from '../reports/index.ts';
import { flags } from './rules.ts';

export const itemBase = (db: Executor) => db.selectFrom('items as i');

/** An item's columns and the names beside it, but its region's (a list's rows take those from the cached tree). */
const itemPageColumns = [
  'i.id',
  'i.code',
  'i.kind',
  'i.source',
  'i.report_id',
  reportMonthOf('i.report_id').as('report_month'),
  'i.project_id',
  projectCodeOf('i.project_id').as('project_code'),
  projectNameOf('i.project_id').as('project_name'),
  projectOwnerOf('i.project_id').as('owner_unit_id'),
  'i.region_code',
  'i.category',
  'i.title',
  'i.description',
  'i.raised_by',
  userNameOf('i.raised_by').as('raised_by_name'),
  'i.raised_by_unit_id',
  unitNameOf('i.raised_by_unit_id').as('raised_by_unit_name'),
  'i.raised_at',
  'i.raised_on',
  'i.responsible_unit_id',
  unitNameOf('i.responsible_unit_id').as('responsible_unit_name'),
  'i.responsible_position_id',
  positionNameOf('i.responsible_position_id').as('leader_title'),
  currentHolderNameOf('i.responsible_position_id').as('leader_name'),
  'i.level',
  'i.status',
  'i.assigned_on',
  'i.response_due',
  'i.resolution_due',
  'i.due_date',
  'i.response_plan',
  'i.promised_date',
  'i.responded_on',
  'i.resolution',
  'i.resolved_on',
  'i.closed_on',
  'i.return_reason',
  'i.merged_into',
  sql<string | null>`(select mi.code from items mi where mi.id = i.merged_into)`.as('merged_into_code'),
  'i.reminder_count',
  'i.last_reminded_on',
  'i.listed',
  'i.listed_on',
  'i.listed_due',
  'i.listed_reason',
  'i.proposal_dismissed_level',
  'i.version',
  unitsJson(sql`select unit_id from item_co_units where item_id = i.id`).as('co_units'),
] as const;

/** Every column of `ItemRow`, the region's name and path looked up in SQL (one item, or inside a transaction). */
export const itemColumns = [
  ...itemPageColumns,
  regionNameOf('i.region_code').as('region_name'),
  regionPathOf('i.region_code').as('region_path'),
] as const;

export interface ItemRow {
  id: number;
  code: string;
  kind: string;
  source: string;
  report_id: number | null;
  report_month: string | null;
  project_id: number | null;
  project_code: string | null;
  project_name: string | null;
  owner_unit_id: number | null;
  region_code: string;
  region_name: string;
  region_path: string;
  category: string;
  title: string;
  description: string;
  raised_by: number | null;
  raised_by_name: string | null;
  raised_by_unit_id: number | null;
  raised_by_unit_name: string | null;
  raised_at: Date;
  raised_on: string;
  responsible_unit_id: number | null;
  responsible_unit_name: string | null;
  responsible_position_id: number | null;
  leader_title: string | null;
  leader_name: string | null;
  level: number;
  status: string;
  assigned_on: string | null;
  response_due: string | null;
  resolution_due: string | null;
  due_date: string | null;
  response_plan: string | null;
  promised_date: string | null;
  responded_on: string | null;
  resolution: string | null;
  resolved_on: string | null;
  closed_on: string | null;
  return_reason: string | null;
  merged_into: number | null;
  merged_into_code: string | null;
  reminder_count: number;
  last_reminded_on: string | null;
  listed: boolean;
  listed_on: string | null;
  listed_due: string | null;
  listed_reason: string | null;
  proposal_dismissed_level: number | null;
  version: number;
  co_units: { id: number; name: string }[];
}

export const findItemRow = (db: Executor, id: number) =>
  itemBase(db).select(itemColumns).where('i.id', '=', id).executeTakeFirst() as Promise<ItemRow | undefined>;

const itemRowsOf = compiledOnce((db, v: { ids: readonly number[] }) =>
  itemBase(db)
    .select(itemPageColumns)
    .where(sql<SqlBool>`i.id = any(${v.ids})`),
);

/**
 * The display rows of a page's items, in the order of `ids` (the ledger's second stage: the names
 * beside each row are looked up for these rows only; the regions' from the cached tree).
 */
export async function itemRows(db: Executor, ids: readonly number[]): Promise<ItemRow[]> {
  if (!ids.length) return [];
  const rows = await withRegionNames(
    db,
    (await itemRowsOf(db, { ids })) as Omit<ItemRow, 'region_name' | 'region_path'>[],
  );
  const at = new Map(ids.map((id, n) => [id, n]));
  return rows.sort((a, b) => at.get(a.id)! - at.get(b.id)!);
}

/** The instant as `Date.toISOString()` writes it (milliseconds, truncated as the drivers do), in SQL. */
const isoSql = (column: string) =>
  sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export interface ItemRecord {
  events: {
    id: number;
    at: string;
    actor: string | null;
    action: string;
    from_status: string | null;
    to_status: string | null;
    note: string | null;
  }[];
  attachments: { id: number; name: string; size: number; type: string; sha256: string; created_at: string }[];
  duplicates: { id: number; code: string; title: string }[];
}

/**
 * An item with its handling record (办理记录), evidence files and the duplicates merged into it, in
 * one statement (an item's page is one round trip).
 */
const itemDetailOf = compiledOnce((db, v: { id: number }) =>
  itemBase(db)
    .select(itemColumns)
    .select([
      sql<
        ItemRecord['events']
      >`coalesce((select json_agg(json_build_object('id', e.id, 'at', ${isoSql('e.at')},
        'actor', ${userNameOf('e.actor_id')}, 'action', e.action, 'from_status', e.from_status,
        'to_status', e.to_status, 'note', e.note) order by e.at, e.id)
        from item_events e where e.item_id = i.id), '[]'::json)`.as('events'),
      sql<ItemRecord['attachments']>`coalesce((select json_agg(json_build_object('id', a.id, 'name', a.name,
        'size', a.size, 'type', a.type, 'sha256', a.sha256, 'created_at', ${isoSql('a.created_at')}) order by a.id)
        from item_attachments a where a.item_id = i.id), '[]'::json)`.as('attachments'),
      sql<ItemRecord['duplicates']>`coalesce((select json_agg(json_build_object('id', d.id, 'code', d.code,
        'title', d.title) order by d.id) from items d where d.merged_into = i.id), '[]'::json)`.as(
        'duplicates',
      ),
    ])
    .where('i.id', '=', v.id),
);

export const findItemDetailRow = async (db: Executor, id: number) =>
  (await itemDetailOf(db, { id }))[0] as (ItemRow & ItemRecord) | undefined;

/**
 * The items an actor may read, as SQL over the `itemBase` aliases (the same rules as policy.ts).
 * A unit's and a reporter's ways in are a union of ids, one index each (an OR across tables —
 * responsible, raised by, co-operating — would read every item), taken as an array computed once
 * (`i.id = any(array(…))`): the items are then fetched by id, however few or many there are. As a
 * semi-join (`i.id in (…)`) a plan made without the values (PGlite's prepared statements) took the
 * union for a handful of rows and compared every item with every id.
 */
export function itemScopeSql(a: Actor): Expression<SqlBool> | null {
  switch (scopeKind(a)) {
    case 'global':
      return null;
    case 'region':
      return regionCodeInScope(a, 'i.region_code');
    case 'unit': {
      const u = a.unitId ?? -1;
      return sql<SqlBool>`i.id = any(array(select s.id from items s where s.responsible_unit_id = ${u}
        union all select s.id from items s where s.raised_by_unit_id = ${u}
        union all select ic.item_id from item_co_units ic where ic.unit_id = ${u}))`;
    }
    case 'own':
      if (a.role === 'reporter') {
        const u = a.unitId ?? -1;
        return sql<SqlBool>`i.id = any(array(select s.id from items s where s.raised_by = ${a.id}
          union all select s.id from items s where s.responsible_unit_id = ${u}
          union all select s.id from items s where ${projectOwnedBy('s.project_id', u)}))`;
      }
      return sql<SqlBool>`i.raised_by = ${a.id}`;
  }
}

/** SQL: the items whose lead unit is `unitId` or that it co-operates on (a ledger filter), by index. */
export const itemOfUnitSql = (unitId: number) =>
  sql<SqlBool>`i.id = any(array(select s.id from items s where s.responsible_unit_id = ${unitId}
    union all select ic.item_id from item_co_units ic where ic.unit_id = ${unitId}))`;

/**
 * SQL: the item's code, title or description contains `text` (ILIKE, the user's % and _ taken
 * literally), or its project's name does. The fields are found through the bigrams of the three
 * joined (`search_bigrams`, migration 0015) and then checked one by one, the project by its name;
 * a union of ids, since an OR with another table's column would read every item.
 */
export function itemTextSql(text: string): Expression<SqlBool> {
  const like = containing(text);
  return sql<SqlBool>`i.id = any(array(select t.id from items t
      where ${bigramsCover(sql`t.search_bigrams`, text)}
        and (t.code ilike ${like} or t.title ilike ${like} or t.description ilike ${like})
    union all select t.id from items t where t.project_id in (${projectIdsNamed(text)})))`;
}

export interface PresentContext {
  today: string;
  settings: ItemSettings;
  corrections: Corrections;
}

export function presentItem(r: ItemRow, c: PresentContext): Item {
  const status = r.status as ItemStatus;
  return {
    id: r.id,
    code: r.code,
    kind: r.kind as Item['kind'],
    source: r.source as Item['source'],
    reportId: r.report_id,
    reportMonth: r.report_month,
    project:
      r.project_id === null ? null : { id: r.project_id, code: r.project_code!, name: r.project_name! },
    regionCode: r.region_code,
    regionName: r.region_name,
    category: r.category,
    title: r.title,
    description: r.description,
    raisedBy: r.raised_by_name,
    raisedByUnit:
      r.raised_by_unit_id === null ? null : { id: r.raised_by_unit_id, name: r.raised_by_unit_name! },
    raisedAt: r.raised_at.toISOString(),
    responsibleUnit:
      r.responsible_unit_id === null ? null : { id: r.responsible_unit_id, name: r.responsible_unit_name! },
    coUnits: r.co_units,
    responsibleLeader:
      r.responsible_position_id === null
        ? null
        : { positionId: r.responsible_position_id, title: r.leader_title!, holder: r.leader_name },
    level: r.level,
    levelLabel: c.settings.ladder[r.level - 1] ?? `第${r.level}级`,
    status,
    assignedOn: r.assigned_on,
    responseDue: r.response_due,
    resolutionDue: r.resolution_due,
    dueDate: r.due_date,
    responsePlan: r.response_plan,
    promisedDate: r.promised_date,
    respondedOn: r.responded_on,
    resolution: r.resolution,
    resolvedOn: r.resolved_on,
    closedOn: r.closed_on,
    returnReason: r.return_reason,
    mergedInto: r.merged_into === null ? null : { id: r.merged_into, code: r.merged_into_code! },
    reminderCount: r.reminder_count,
    lastRemindedOn: r.last_reminded_on,
    listed: r.listed,
    listedOn: r.listed_on,
    listedDue: r.listed_due,
    listedReason: r.listed_reason,
    flags: flags(
      {
        status,
        responseDue: r.response_due,
        respondedOn: r.responded_on,
        dueDate: r.due_date,
        resolvedOn: r.resolved_on,
      },
      c.today,
      c.settings.dueSoonDays,
      c.corrections,
    ),
    version: r.version,
  };
}

/**
 * SQL: the item is overdue on `today` — the rule of `flags` (responseOverdue or resolutionOverdue),
 * without working-day counts. Four arms, each the predicate of a partial index of migration 0012
 * (a response owed and late, a resolution owed and late, a response that came late, a resolution
 * that came late), so the planner reads the overdue items only. True exactly where the rule
 * holds, but null where a date it compares is missing: negate `notOverdueSql`, not this.
 */
export function overdueSql(today: string): Expression<SqlBool> {
  return sql<SqlBool>`((i.responded_on > i.response_due and i.status <> 'merged')
    or (i.responded_on is null and i.status in ('assigned', 'returned') and i.response_due < ${today})
    or (i.status in ('assigned', 'responded', 'returned') and i.due_date < ${today})
    or (i.status in ('resolved', 'closed') and i.resolved_on > i.due_date))`;
}

/** SQL: the item is not overdue on `today` (false or true everywhere, never null). */
export function notOverdueSql(today: string): Expression<SqlBool> {
  return sql<SqlBool>`not (i.status <> 'merged' and (
    (i.response_due is not null and (
      (i.responded_on is not null and i.responded_on > i.response_due)
      or (i.responded_on is null and i.status in ('assigned', 'returned') and i.response_due < ${today})))
    or (i.due_date is not null and (
      (i.status in ('assigned', 'responded', 'returned') and i.due_date < ${today})
      or (i.status in ('resolved', 'closed') and i.resolved_on > i.due_date)))))`;
}

/**
 * SQL: an escalation is proposed for the item (rules.ts `proposedLevel` over `flags`): it is being
 * worked on, a deadline it still owes passed on or before `threshold` (`escalationThreshold`: then
 * it is `escalateAfterDays` working days overdue), it is below the ladder's top, and no dismissal
 * holds at its rung. Without a threshold nothing is proposed.
 */
export function proposalSql(threshold: string | null, ladderLength: number): Expression<SqlBool> {
  if (threshold === null) return sql<SqlBool>`false`;
  return sql<SqlBool>`(i.level < ${ladderLength}
    and (i.proposal_dismissed_level is null or i.proposal_dismissed_level < i.level)
    and ((i.responded_on is null and i.status in ('assigned', 'returned') and i.response_due <= ${threshold})
      or (i.status in ('assigned', 'responded', 'returned') and i.due_date <= ${threshold})))`;
}

/* Writes. Every write of the item engine goes through these, in the caller's transaction. */

/** Locks an item's row for a step (404 handling is the caller's). */
export const lockItemRow = (trx: Trx, id: number) =>
  trx.selectFrom('items').select('id').where('id', '=', id).forUpdate().executeTakeFirst();

export const updateItem = (trx: Trx, id: number, set: Updateable<ItemsTable>) =>
  trx.updateTable('items').set(set).where('id', '=', id).execute();

/** A line on the item's handling record (办理记录). */
export const addItemEvent = (trx: Trx, e: Insertable<ItemEventsTable>) =>
  trx.insertInto('item_events').values(e).execute();

/** The item's co-operating units become exactly `unitIds`. */
export async function replaceCoUnits(trx: Trx, id: number, unitIds: readonly number[]) {
  await trx.deleteFrom('item_co_units').where('item_id', '=', id).execute();
  if (unitIds.length)
    await trx
      .insertInto('item_co_units')
      .values(unitIds.map((unit_id) => ({ item_id: id, unit_id })))
      .execute();
}

export const insertItem = (trx: Trx, values: Insertable<ItemsTable>) =>
  trx
    .insertInto('items')
    .values(values)
    .returning(['id', 'code', 'kind', 'status', 'level', 'project_id', 'region_code', 'category', 'title'])
    .executeTakeFirstOrThrow();

/** The next code of a kind in a year (WT-2026-0001), numbered under the counter row's lock. */
export async function nextCode(trx: Executor, prefix: string, year: number): Promise<string> {
  const row = await trx
    .insertInto('item_counters')
    .values({ prefix, year, last: 1 })
    .onConflict((oc) =>
      oc.columns(['prefix', 'year']).doUpdateSet((eb) => ({ last: eb('item_counters.last', '+', 1) })),
    )
    .returning('last')
    .executeTakeFirstOrThrow();
  return `${prefix}-${year}-${String(row.last).padStart(4, '0')}`;
}
