/** Item queries: one select with every field the ledger shows, the scope in SQL, and the presenter. */
import type { Item, ItemSettings, ItemStatus } from '@ducha/contract';
import { sql, type Expression, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { Executor, Trx } from '../../db/connection.ts';
import type { ItemEventsTable, ItemsTable } from '../../db/types.ts';
import type { Actor } from '../../platform/access/context.ts';
import { scopeKind } from '../../platform/access/scope.ts';
import { userNameOf } from '../../platform/auth/accounts.ts';
import type { Corrections } from '../../platform/calendar.ts';
import { regionCodeInScope, regionNameOf, regionPathOf } from '../../platform/regions.ts';
import { currentHolderNameOf, positionNameOf, unitNameOf, unitsJson } from '../org/index.ts';
import { projectCodeOf, projectNameOf, projectOwnedBy, projectOwnerOf } from '../projects/index.ts';
import { reportMonthOf } from '../reports/index.ts';
import { flags } from './rules.ts';

export const itemBase = (db: Executor) => db.selectFrom('items as i');

export const itemColumns = [
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
  regionNameOf('i.region_code').as('region_name'),
  regionPathOf('i.region_code').as('region_path'),
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

/** The items an actor may read, as SQL over the `itemBase` aliases (the same rules as policy.ts). */
export function itemScopeSql(a: Actor): Expression<SqlBool> | null {
  switch (scopeKind(a)) {
    case 'global':
      return null;
    case 'region':
      return regionCodeInScope(a, 'i.region_code');
    case 'unit': {
      const u = a.unitId ?? -1;
      return sql<SqlBool>`(i.responsible_unit_id = ${u} or i.raised_by_unit_id = ${u}
        or exists (select 1 from item_co_units ic where ic.item_id = i.id and ic.unit_id = ${u}))`;
    }
    case 'own':
      if (a.role === 'reporter') {
        const u = a.unitId ?? -1;
        return sql<SqlBool>`(i.raised_by = ${a.id} or i.responsible_unit_id = ${u} or ${projectOwnedBy('i.project_id', u)})`;
      }
      return sql<SqlBool>`i.raised_by = ${a.id}`;
  }
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

/** SQL: the item is overdue on `today` (the same rule as `flags`, without working-day counts). */
export function overdueSql(today: string): Expression<SqlBool> {
  return sql<SqlBool>`(i.status <> 'merged' and (
    (i.response_due is not null and (
      (i.responded_on is not null and i.responded_on > i.response_due)
      or (i.responded_on is null and i.status in ('assigned', 'returned') and i.response_due < ${today})))
    or (i.due_date is not null and (
      (i.status in ('assigned', 'responded', 'returned') and i.due_date < ${today})
      or (i.status in ('resolved', 'closed') and i.resolved_on > i.due_date)))))`;
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

/** An item's handling record (办理记录), evidence files and the duplicates merged into it. */
export async function itemRecord(db: Executor, id: number) {
  const [events, attachments, duplicates] = await Promise.all([
    db
      .selectFrom('item_events as e')
      .select([
        'e.id',
        'e.at',
        userNameOf('e.actor_id').as('actor'),
        'e.action',
        'e.from_status',
        'e.to_status',
        'e.note',
      ])
      .where('e.item_id', '=', id)
      .orderBy('e.at')
      .orderBy('e.id')
      .execute(),
    db
      .selectFrom('item_attachments')
      .select(['id', 'name', 'size', 'type', 'sha256', 'created_at'])
      .where('item_id', '=', id)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('items')
      .select(['id', 'code', 'title'])
      .where('merged_into', '=', id)
      .orderBy('id')
      .execute(),
  ]);
  return { events, attachments, duplicates };
}

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
