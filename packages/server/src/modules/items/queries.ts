/** Read side of the ledger: the filtered list, its .xlsx export, escalation proposals and indicators. */
import type { itemIndicatorQuery, ItemIndicatorRow, itemQuery } from '@ducha/contract';
import { itemKindLabels, itemStatusLabels } from '@ducha/contract';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { actorOf, type Ctx } from '../../platform/access/context.ts';
import { forbidden } from '../../platform/errors.ts';
import { containing, totalOf } from '../../platform/records.ts';
import { todayInChina } from '../../platform/time.ts';
import { addTable, ExcelJS, toBuffer } from '../../platform/excel.ts';
import { presentContext } from './items.ts';
import { itemBase, itemColumns, itemScopeSql, overdueSql, presentItem, type ItemRow } from './repo.ts';
import { proposedLevel } from './rules.ts';
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

function filtered(db: Db, ctx: Ctx, q: Filters, today: string) {
  const actor = actorOf(ctx);
  let query = itemBase(db);
  const scope = itemScopeSql(actor);
  if (scope) query = query.where(scope);
  if (q.kind) query = query.where('i.kind', '=', q.kind);
  if (q.status) query = query.where('i.status', '=', q.status);
  if (q.open === true) query = query.where('i.status', 'not in', ['closed', 'merged']);
  if (q.open === false) query = query.where('i.status', 'in', ['closed', 'merged']);
  if (q.category) query = query.where('i.category', '=', q.category);
  if (q.unitId)
    query = query.where(
      sql<boolean>`(i.responsible_unit_id = ${q.unitId} or exists (select 1 from item_co_units ic where ic.item_id = i.id and ic.unit_id = ${q.unitId}))`,
    );
  if (q.projectId) query = query.where('i.project_id', '=', q.projectId);
  if (q.level) query = query.where('i.level', '=', q.level);
  if (q.listed !== undefined) query = query.where('i.listed', '=', q.listed);
  if (q.overdue === true) query = query.where(overdueSql(today));
  if (q.overdue === false) query = query.where(sql<boolean>`not ${overdueSql(today)}`);
  if (q.mine === 'raised') query = query.where('i.raised_by', '=', actor.id);
  if (q.mine === 'toAnswer')
    query = query
      .where('i.responsible_unit_id', '=', actor.unitId ?? -1)
      .where('i.status', 'in', ['assigned', 'returned']);
  if (q.regionCode) query = query.where(regionCodeUnderCode('i.region_code', q.regionCode));
  if (q.month) query = query.where(sql<boolean>`to_char(i.raised_on, 'YYYY-MM') = ${q.month}`);
  if (q.q) {
    const like = containing(q.q);
    query = query.where((eb) =>
      eb.or([
        eb('i.code', 'ilike', like),
        eb('i.title', 'ilike', like),
        eb('i.description', 'ilike', like),
        eb(projectNameOf('i.project_id'), 'ilike', like),
      ]),
    );
  }
  return query;
}

/** The rows the filters match, every column, in the requested order (newest first among equals). */
function ledger(db: Db, ctx: Ctx, q: Query, today: string) {
  const [column, direction] = sorts[q.sort];
  return filtered(db, ctx, q, today).select(itemColumns).orderBy(column, direction).orderBy('i.id', 'desc');
}

export async function listItems(db: Db, ctx: Ctx, q: Query) {
  const today = todayInChina();
  const c = await presentContext(db, today);
  const [rows, count] = await Promise.all([
    ledger(db, ctx, q, today)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute() as Promise<ItemRow[]>,
    totalOf(db, filtered(db, ctx, q, today)),
  ]);
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

/** Open items overdue long enough for the next rung, for the office to escalate or keep. */
export async function escalationProposals(db: Db, ctx: Ctx) {
  const actor = actorOf(ctx);
  if (actor.role !== 'admin' && actor.role !== 'office') throw forbidden();
  const today = todayInChina();
  const c = await presentContext(db, today);
  const rows = (await filtered(db, ctx, { overdue: true }, today)
    .where('i.status', 'in', ['assigned', 'responded', 'returned'])
    .select(itemColumns)
    .orderBy('i.due_date')
    .orderBy('i.id')
    .execute()) as ItemRow[];
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

const dimensions = {
  total: { key: sql<string>`'total'`, label: sql<string>`'合计'` },
  unit: {
    key: sql<string>`coalesce(i.responsible_unit_id::text, '')`,
    label: sql<string>`coalesce(${unitNameOf('i.responsible_unit_id')}, '未交办')`,
  },
  category: { key: sql<string>`i.category`, label: sql<string>`i.category` },
  level: { key: sql<string>`i.level::text`, label: sql<string>`i.level::text` },
  project: {
    key: sql<string>`coalesce(i.project_id::text, '')`,
    label: sql<string>`coalesce(${projectNameOf('i.project_id')}, '（无项目）')`,
  },
  month: {
    key: sql<string>`to_char(i.raised_on, 'YYYY-MM')`,
    label: sql<string>`to_char(i.raised_on, 'YYYY-MM')`,
  },
  kind: { key: sql<string>`i.kind`, label: sql<string>`i.kind` },
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
  const base = filtered(db, ctx, { regionCode: q.regionCode }, today)
    .where('i.status', '<>', 'merged')
    .where(sql<boolean>`extract(year from i.raised_on) = ${q.year}`);
  const selected = base.select([
    d.key.as('key'),
    d.label.as('label'),
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
  const rows = await (
    q.by === 'total' ? selected : selected.groupBy([d.key, d.label]).orderBy(d.key)
  ).execute();
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
    proposals: office ? (await escalationProposals(db, ctx)).length : 0,
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
