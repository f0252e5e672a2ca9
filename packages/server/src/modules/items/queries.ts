/** Read side of the ledger: the filtered list, its .xlsx export, escalation proposals and indicators. */
import type { itemIndicatorQuery, ItemIndicatorRow, itemQuery } from '@ducha/contract';
import { itemKindLabels, itemStatusLabels } from '@ducha/contract';
import { sql, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { actorOf, type Ctx } from '../../platform/access/context.ts';
import { forbidden } from '../../platform/errors.ts';
import { totalOf } from '../../platform/records.ts';
import { todayInChina } from '../../platform/time.ts';
import { addTable, ExcelJS, toBuffer } from '../../platform/excel.ts';
import { presentContext } from './items.ts';
import {
  itemBase,
  itemColumns,
  itemOfUnitSql,
  itemRows,
  itemScopeSql,
  itemTextSql,
  notOverdueSql,
  overdueSql,
  presentItem,
  proposalSql,
  type ItemRow,
  type PresentContext,
} from './repo.ts';
import { escalationThreshold, proposedLevel } from './rules.ts';
import { regionCodeUnderCode } from '../../platform/regions.ts';
import { unitNameOf } from '../org/index.ts';
import { projectNameOf } from '../projects/index.ts';

const sorts = {
  raisedAt: ['i.raised_at', 'asc'],
  '-raisedAt': ['i.raised_at', 'desc'],
  due: ['i.due_date', 'asc'],
  level: ['i.level', 'asc'],
  '-level': ['i.level', 'desc'],
  code: ['i.code', 'asc'],
} as const;

type Query = z.infer<typeof itemQuery>;
type Filters = Partial<Omit<Query, 'page' | 'pageSize' | 'sort'>>;

/** The first day of `month` (YYYY-MM) and of the month after it: a month filter as a date range. */
function monthRange(month: string): [string, string] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return [`${month}-01`, `${next}-01`];
}

/**
 * The items the filters match, in the actor's scope: the WHERE clause only, over `items` alone, so
 * the count and the page's ids read the indexes of migration 0012 (constants are written as SQL
 * literals where a partial index's predicate must be matched).
 */
function filtered(db: Db, ctx: Ctx, q: Filters, today: string) {
  const actor = actorOf(ctx);
  let query = itemBase(db);
  const scope = itemScopeSql(actor);
  if (scope) query = query.where(scope);
  if (q.kind) query = query.where('i.kind', '=', q.kind);
  if (q.status) query = query.where('i.status', '=', q.status);
  if (q.open === true) query = query.where(sql<SqlBool>`i.status not in ('closed', 'merged')`);
  if (q.open === false) query = query.where(sql<SqlBool>`i.status in ('closed', 'merged')`);
  if (q.category) query = query.where('i.category', '=', q.category);
  if (q.unitId) query = query.where(itemOfUnitSql(q.unitId));
  if (q.projectId) query = query.where('i.project_id', '=', q.projectId);
  if (q.level) query = query.where('i.level', '=', q.level);
  if (q.listed === true) query = query.where(sql<SqlBool>`i.listed`);
  if (q.listed === false) query = query.where(sql<SqlBool>`not i.listed`);
  if (q.overdue === true) query = query.where(overdueSql(today));
  if (q.overdue === false) query = query.where(notOverdueSql(today));
  if (q.mine === 'raised') query = query.where('i.raised_by', '=', actor.id);
  if (q.mine === 'toAnswer')
    query = query
      .where('i.responsible_unit_id', '=', actor.unitId ?? -1)
      .where('i.status', 'in', ['assigned', 'returned']);
  if (q.regionCode) query = query.where(regionCodeUnderCode('i.region_code', q.regionCode));
  if (q.month) {
    const [from, to] = monthRange(q.month);
    query = query.where('i.raised_on', '>=', from).where('i.raised_on', '<', to);
  }
  if (q.q) query = query.where(itemTextSql(q.q));
  return query;
}

/** The requested order, newest first among equals (codes are unique: they need no tie-break). */
function ordered<Q extends ReturnType<typeof filtered>>(query: Q, sort: Query['sort']) {
  const [column, direction] = sorts[sort];
  const byColumn = query.orderBy(column, direction);
  return (sort === 'code' ? byColumn : byColumn.orderBy('i.id', 'desc')) as Q;
}

/** The rows the filters match, every column, in the requested order (the export: one pass). */
function ledger(db: Db, ctx: Ctx, q: Query, today: string) {
  return ordered(filtered(db, ctx, q, today), q.sort).select(itemColumns);
}

/**
 * One page of the ledger in two stages: the page's ids (filters, order, LIMIT/OFFSET over the
 * items' indexes) beside the count (the filters only, `totalOf`), then the display columns for
 * those ids only.
 */
export async function listItems(db: Db, ctx: Ctx, q: Query) {
  const today = todayInChina();
  const [ids, count, c] = await Promise.all([
    ordered(filtered(db, ctx, q, today), q.sort)
      .select('i.id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    totalOf(db, filtered(db, ctx, q, today)),
    presentContext(db, today),
  ]);
  const rows = await itemRows(
    db,
    ids.map((r) => r.id),
  );
  return { items: rows.map((r) => presentItem(r, c)), ...count };
}

/** The ledger in the layout offices use (序号 … 是否销号), every row the filters match. */
export async function exportItems(db: Db, ctx: Ctx, q: Query): Promise<Buffer> {
  const today = todayInChina();
  const c = await presentContext(db, today);
  const rows = (await ledger(db, ctx, q, today).execute()) as ItemRow[];
  const wb = new ExcelJS.Workbook();
  addTable(
    wb,
    '问题台账',
    [
      { header: '序号', width: 6 },
      { header: '编号', width: 15 },
      { header: '项目名称', width: 30 },
      { header: '问题描述', width: 50 },
      { header: '类别', width: 12 },
      { header: '责任单位', width: 22 },
      { header: '责任领导', width: 18 },
      { header: '交办时间', width: 12 },
      { header: '办理时限', width: 12 },
      { header: '办理情况', width: 50 },
      { header: '是否销号', width: 10 },
      { header: '状态', width: 10 },
      { header: '催办次数', width: 10 },
    ],
    rows.map((r, n) => {
      const i = presentItem(r, c);
      const handling = [
        i.responsePlan && `答复：${i.responsePlan}`,
        i.resolution && `办结：${i.resolution}`,
        i.flags.responseOverdue && '逾期答复',
        i.flags.resolutionOverdue && '逾期办结',
      ]
        .filter(Boolean)
        .join('；');
      return [
        n + 1,
        i.code,
        i.project?.name ?? '（无项目）',
        `【${itemKindLabels[i.kind]}】${i.title}：${i.description}`,
        i.category,
        [i.responsibleUnit?.name, ...i.coUnits.map((u) => u.name)].filter(Boolean).join('、') || null,
        i.responsibleLeader
          ? `${i.responsibleLeader.title}${i.responsibleLeader.holder ? ` ${i.responsibleLeader.holder}` : ''}`
          : null,
        i.assignedOn,
        i.dueDate,
        handling || null,
        i.status === 'closed' ? '是' : '否',
        itemStatusLabels[i.status],
        i.reminderCount,
      ];
    }),
  );
  return toBuffer(wb);
}

/** The proposals' filter for this actor today: the SQL form of `proposedLevel` (repo.ts `proposalSql`). */
function proposals(db: Db, ctx: Ctx, today: string, c: PresentContext) {
  const threshold = escalationThreshold(today, c.settings.escalateAfterDays, c.corrections);
  return filtered(db, ctx, {}, today).where(proposalSql(threshold, c.settings.ladder.length));
}

/** Open items overdue long enough for the next rung, for the office to escalate or keep. */
export async function escalationProposals(db: Db, ctx: Ctx) {
  const actor = actorOf(ctx);
  if (actor.role !== 'admin' && actor.role !== 'office') throw forbidden();
  const today = todayInChina();
  const c = await presentContext(db, today);
  const ids = await proposals(db, ctx, today, c)
    .select('i.id')
    .orderBy('i.due_date')
    .orderBy('i.id')
    .execute();
  const rows = await itemRows(
    db,
    ids.map((r) => r.id),
  );
  // the SQL selects exactly these (test/items-sql-rules.test.ts); the rule itself stays authoritative
  return rows.flatMap((r) => {
    const item = presentItem(r, c);
    const level = proposedLevel(
      { level: r.level, overdueDays: item.flags.overdueDays, dismissedLevel: r.proposal_dismissed_level },
      c.settings,
    );
    return level === null
      ? []
      : [{ item, proposedLevel: level, proposedLevelLabel: c.settings.ladder[level - 1]! }];
  });
}

/**
 * The dimensions: what the items are grouped by (`group`, a column of the item), and the key and
 * label of a group (`key`, `label`, over the group's value `x.g`): names are looked up once per
 * group, after grouping, not once per item.
 */
const dimensions = {
  total: { group: null, key: sql<string>`'total'`, label: sql<string>`'合计'` },
  unit: {
    group: sql`i.responsible_unit_id`,
    key: sql<string>`coalesce(x.g::text, '')`,
    label: sql<string>`coalesce(${unitNameOf('x.g')}, '未交办')`,
  },
  category: { group: sql`i.category`, key: sql<string>`x.g`, label: sql<string>`x.g` },
  level: { group: sql`i.level`, key: sql<string>`x.g::text`, label: sql<string>`x.g::text` },
  project: {
    group: sql`i.project_id`,
    key: sql<string>`coalesce(x.g::text, '')`,
    label: sql<string>`coalesce(${projectNameOf('x.g')}, '（无项目）')`,
  },
  month: { group: sql`to_char(i.raised_on, 'YYYY-MM')`, key: sql<string>`x.g`, label: sql<string>`x.g` },
  kind: { group: sql`i.kind`, key: sql<string>`x.g`, label: sql<string>`x.g` },
} as const;

/**
 * 销号率, 按时答复率, median days to close, overdue counts by one dimension, over the items raised
 * in a year (duplicates merged away are not counted). A response counts as due once its deadline has
 * passed or it came; the on-time rate is on-time responses over those.
 */
export async function itemIndicators(
  db: Db,
  ctx: Ctx,
  q: z.infer<typeof itemIndicatorQuery>,
): Promise<ItemIndicatorRow[]> {
  const today = todayInChina();
  const c = await presentContext(db, today);
  const d = dimensions[q.by];
  // the year as a date range: the items raised in it, read through the raised_on index
  const base = filtered(db, ctx, { regionCode: q.regionCode }, today)
    .where('i.status', '<>', 'merged')
    .where('i.raised_on', '>=', `${q.year}-01-01`)
    .where('i.raised_on', '<', `${q.year + 1}-01-01`);
  const aggregates = base.select([
    (d.group ?? sql`null`).as('g'),
    sql<number>`count(*)::int`.as('total'),
    sql<number>`count(*) filter (where i.status = 'closed')::int`.as('closed'),
    sql<number>`count(*) filter (where i.responded_on is not null)::int`.as('responded'),
    sql<number>`count(*) filter (where i.responded_on is not null and i.responded_on <= i.response_due)::int`.as(
      'on_time',
    ),
    sql<number>`count(*) filter (where i.response_due is not null and (i.responded_on is not null or i.response_due < ${today}))::int`.as(
      'response_due',
    ),
    sql<
      number | null
    >`percentile_cont(0.5) within group (order by (i.closed_on - i.raised_on)) filter (where i.status = 'closed')`.as(
      'median',
    ),
    sql<number>`count(*) filter (where i.status <> 'closed')::int`.as('open'),
    sql<number>`count(*) filter (where i.status <> 'closed' and ${overdueSql(today)})::int`.as('overdue'),
    sql<number>`count(*) filter (where i.listed)::int`.as('listed'),
  ]);
  // constants cannot be grouped by: the total is one aggregate row
  const grouped = d.group === null ? aggregates : aggregates.groupBy(d.group);
  const rows = await db
    .selectFrom(grouped.as('x'))
    .$if(d.group !== null, (qb) => qb.orderBy(d.key))
    .select([
      d.key.as('key'),
      d.label.as('label'),
      'x.total',
      'x.closed',
      'x.responded',
      'x.on_time',
      'x.response_due',
      'x.median',
      'x.open',
      'x.overdue',
      'x.listed',
    ])
    .execute();
  const rate = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 10000) / 10000);
  return rows.map((r) => ({
    key: r.key,
    label:
      q.by === 'level'
        ? (c.settings.ladder[Number(r.key) - 1] ?? r.label)
        : q.by === 'kind'
          ? itemKindLabels[r.key as keyof typeof itemKindLabels]
          : r.label,
    total: r.total,
    closed: r.closed,
    closeRate: rate(r.closed, r.total),
    responded: r.responded,
    respondedOnTime: r.on_time,
    onTimeResponseRate: rate(r.on_time, r.response_due),
    medianDaysToClose: r.median === null ? null : Number(r.median),
    open: r.open,
    overdue: r.overdue,
    listed: r.listed,
  }));
}

const countOf = async (q: ReturnType<typeof filtered>) =>
  Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

/**
 * What waits in the ledger, as counts for the workbench: for the office, open items past a
 * deadline and escalation proposals; for a unit or reporter, the items its unit must answer or
 * handle again (assigned or returned to it); for a leader, its instructions by state.
 */
export async function itemCounts(db: Db, ctx: Ctx) {
  const actor = actorOf(ctx);
  const today = todayInChina();
  const office = actor.role === 'admin' || actor.role === 'office';
  const filer = (actor.role === 'unit' || actor.role === 'reporter') && actor.unitId !== null;
  const mine = () => filtered(db, ctx, { kind: 'instruction' }, today).where('i.raised_by', '=', actor.id);
  return {
    overdue: office ? await countOf(filtered(db, ctx, { overdue: true, open: true }, today)) : 0,
    proposals: office ? await countOf(proposals(db, ctx, today, await presentContext(db, today))) : 0,
    toAnswer: filer ? await countOf(filtered(db, ctx, { mine: 'toAnswer' }, today)) : 0,
    instructions:
      actor.role === 'leader'
        ? {
            open: await countOf(mine().where('i.status', 'not in', ['closed', 'merged'])),
            overdue: await countOf(
              mine().where('i.status', 'not in', ['closed', 'merged']).where(overdueSql(today)),
            ),
            closed: await countOf(mine().where('i.status', '=', 'closed')),
          }
        : null,
  };
}
