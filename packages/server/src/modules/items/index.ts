/**
 * The items module's door (DOMAIN §6): the engine other modules drive inside their own
 * transactions. A meeting raises its decisions and closes them out, an inspection raises its
 * rectifications, each atomically with its own writes: `raiseItem(trx, ctx, input)` and
 * `takeStep(trx, ctx, id, step)`. Reading an item applies its own read rule.
 */
import { sql, type RawBuilder } from 'kysely';
import { regionCodeUnder } from '../../platform/regions.ts';
import { unitNameOf } from '../org/index.ts';
export { itemDetail, raiseItem, readableItem } from './items.ts';
export { notifyDueSoon } from './jobs.ts';
export { takeStep } from './steps.ts';
export { itemCounts } from './queries.ts';
export { loadItemSettings } from './settings.ts';
export {
  closedEarlyItemFacts,
  overdueItemFacts,
  type ClosedItemFact,
  type OverdueItemFact,
} from './score-facts.ts';

// ---- what a meeting's agenda reads (issue 13): SQL builders, evaluated inside its statements ----

const openStatuses = sql`('new', 'assigned', 'responded', 'resolved', 'returned')`;
const overdueOn = (on: string) => sql<boolean>`coalesce((i.status in ('assigned', 'responded', 'returned')
  and i.due_date < ${on}::date) or (i.status in ('assigned', 'returned') and i.responded_on is null
  and i.response_due < ${on}::date), false)`;

/**
 * SQL (a subquery): the open items of the region subtree at `path`, at escalation rung `level` (all
 * rungs when none), with whether each is overdue on `on`: id, code, title, project_id,
 * responsible_unit_id, due_date, level, overdue.
 */
export const openItemsSql = (path: string, on: string, level?: number): RawBuilder<unknown> => sql`
  select i.id, i.code, i.title, i.project_id, i.responsible_unit_id, i.due_date, i.level,
    ${overdueOn(on)} as overdue
  from items i
  where i.status in ${openStatuses} and ${regionCodeUnder('i.region_code', path)}
    ${level === undefined ? sql`` : sql`and i.level = ${level}`}`;

/** SQL: the status of the item whose id is in `idColumn` (null when there is none): an inspection's figures. */
export const itemStatusOf = (idColumn: string) =>
  sql<string | null>`(select i.status from items i where i.id = ${sql.ref(idColumn)})`;

/** SQL: whether the item whose id is in `idColumn` is still open (not closed or merged). */
export const itemOpenOf = (idColumn: string) =>
  sql<boolean>`coalesce((select i.status in ${openStatuses} from items i where i.id = ${sql.ref(idColumn)}), false)`;

/**
 * SQL: the brief of the item whose id is in `idColumn`, live: id, code, title, status, level,
 * dueDate, responsibleUnit (its name), overdue on `on` (null when none).
 */
export const itemBriefOf = (idColumn: string, on: string) =>
  sql<{
    id: number;
    code: string;
    title: string;
    status: string;
    level: number;
    dueDate: string | null;
    responsibleUnit: string | null;
    overdue: boolean;
  } | null>`(select json_build_object('id', i.id, 'code', i.code, 'title', i.title, 'status', i.status,
    'level', i.level, 'dueDate', i.due_date, 'overdue', ${overdueOn(on)},
    'responsibleUnit', ${unitNameOf('i.responsible_unit_id')})
    from items i where i.id = ${sql.ref(idColumn)})`;
