/**
 * Supervised items (督办事项, DOMAIN §6): problems, decisions, instructions and rectifications, one
 * engine with one state machine, deadlines on the working-day calendar, an escalation ladder,
 * listed supervision (挂牌督办), reminders (催办), notifications and indicators.
 */
import { z } from 'zod';
import { batchRecords, id, isoDate, pageQuery, queryBool, yearMonth } from '../common.ts';

export const itemKinds = ['problem', 'decision', 'instruction', 'rectification'] as const;
export const itemKind = z.enum(itemKinds);
export type ItemKind = z.infer<typeof itemKind>;
export const itemKindLabels: Record<ItemKind, string> = {
  problem: '问题',
  decision: '议定事项',
  instruction: '领导批示',
  rectification: '整改项',
};

export const itemSources = [
  'report',
  'project',
  'inspection',
  'meeting',
  'complaint',
  'site_visit',
  'leader',
  'other',
] as const;
export const itemSource = z.enum(itemSources);
export const itemSourceLabels: Record<z.infer<typeof itemSource>, string> = {
  report: '月度报表',
  project: '项目页面',
  inspection: '督查检查',
  meeting: '会议',
  complaint: '群众举报',
  site_visit: '现场调研',
  leader: '领导批示',
  other: '其他',
};

/**
 * The lifecycle (DOMAIN §6): new → assigned (交办) → responded (答复) → resolved (办结) → closed
 * (销号); returned (退回) sends it back to the unit; merged marks a duplicate folded into another.
 */
export const itemStatuses = [
  'new',
  'assigned',
  'responded',
  'resolved',
  'returned',
  'closed',
  'merged',
] as const;
export const itemStatus = z.enum(itemStatuses);
export type ItemStatus = z.infer<typeof itemStatus>;
export const itemStatusLabels: Record<ItemStatus, string> = {
  new: '待交办',
  assigned: '已交办',
  responded: '已答复',
  resolved: '已办结',
  returned: '已退回',
  closed: '已销号',
  merged: '已合并',
};
export const openItemStatuses: readonly ItemStatus[] = [
  'new',
  'assigned',
  'responded',
  'resolved',
  'returned',
];

/** The steps one may take on an item; `remind`, `escalate`, `list` and `edit` keep its status. */
export const itemActions = [
  'assign',
  'respond',
  'resolve',
  'return',
  'close',
  'merge',
  'escalate',
  'list',
  'remind',
  'edit',
] as const;
export const itemAction = z.enum(itemActions);
export type ItemAction = z.infer<typeof itemAction>;
/** Labels of every timeline action: the steps, and what the timeline records besides them. */
export const itemActionLabels: Record<
  ItemAction | 'raise' | 'dismiss_proposal' | 'attach' | 'merge_in',
  string
> = {
  raise: '提出',
  assign: '交办',
  respond: '答复',
  resolve: '办结',
  return: '退回',
  close: '销号',
  merge: '合并',
  escalate: '升级',
  list: '挂牌督办',
  remind: '催办',
  edit: '修改',
  dismiss_proposal: '暂不升级',
  attach: '上传佐证',
  merge_in: '并入重复事项',
};

/** The default categories (offices extend the `item_category` dictionary). */
export const defaultItemCategories = [
  '审批手续',
  '用地报批',
  '征地拆迁',
  '资金',
  '要素保障(水电路气讯)',
  '施工组织',
  '管线迁改',
  '市政配套',
  '其他',
] as const;

const text = (max: number, required: string) => z.string().trim().min(2, required).max(max);

// ---- settings: deadlines and the escalation ladder ----
export const itemSettings = z.object({
  /** working days from assignment to the response deadline (seed 004: 4 working days) */
  responseDays: z.number().int().min(1).max(60),
  /** overrides by kind and by category; a category override wins over a kind override */
  responseDaysByKind: z.partialRecord(itemKind, z.number().int().min(1).max(60)),
  responseDaysByCategory: z.record(z.string(), z.number().int().min(1).max(60)),
  /** the ladder's levels, lowest first (逐级上报) */
  ladder: z.array(z.string().trim().min(1).max(30)).min(2).max(8),
  /** an open item overdue by this many working days is proposed for escalation */
  escalateAfterDays: z.number().int().min(1).max(60),
  /** the unit is told this many working days before a deadline */
  dueSoonDays: z.number().int().min(0).max(10),
  version: z.number().int(),
});
export type ItemSettings = z.infer<typeof itemSettings>;
export const itemSettingsUpdate = itemSettings.extend({ version: z.number().int().min(1) });
export const defaultLadder = ['项目业主', '责任单位', '重点办/协调会', '分管领导', '政府常务会'] as const;

// ---- items ----
const unitRef = z.object({ id: z.number().int(), name: z.string() });

export const itemFlags = z.object({
  /** no response yet and the response deadline has passed, or the response came after it */
  responseOverdue: z.boolean(),
  /** open past its resolution deadline (promised date, set deadline or listing deadline), or resolved after it */
  resolutionOverdue: z.boolean(),
  /** working days past the earliest missed deadline while open (0 when none) */
  overdueDays: z.number().int(),
  /** a deadline falls within the settings' dueSoonDays working days */
  dueSoon: z.boolean(),
});

export const item = z.object({
  id: z.number().int(),
  code: z.string(),
  kind: itemKind,
  source: itemSource,
  reportId: z.number().int().nullable(),
  reportMonth: z.string().nullable(),
  project: z.object({ id: z.number().int(), code: z.string(), name: z.string() }).nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  category: z.string(),
  title: z.string(),
  description: z.string(),
  raisedBy: z.string().nullable(),
  raisedByUnit: unitRef.nullable(),
  raisedAt: z.string(),
  responsibleUnit: unitRef.nullable(),
  coUnits: z.array(unitRef),
  responsibleLeader: z
    .object({ positionId: z.number().int(), title: z.string(), holder: z.string().nullable() })
    .nullable(),
  level: z.number().int(),
  levelLabel: z.string(),
  status: itemStatus,
  assignedOn: z.string().nullable(),
  responseDue: z.string().nullable(),
  resolutionDue: z.string().nullable(),
  /** 办理时限 in force: the listing deadline when listed, else the promised date, else the set deadline */
  dueDate: z.string().nullable(),
  responsePlan: z.string().nullable(),
  promisedDate: z.string().nullable(),
  respondedOn: z.string().nullable(),
  resolution: z.string().nullable(),
  resolvedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  returnReason: z.string().nullable(),
  mergedInto: z.object({ id: z.number().int(), code: z.string() }).nullable(),
  reminderCount: z.number().int(),
  lastRemindedOn: z.string().nullable(),
  listed: z.boolean(),
  listedOn: z.string().nullable(),
  listedDue: z.string().nullable(),
  listedReason: z.string().nullable(),
  flags: itemFlags,
  version: z.number().int(),
});
export type Item = z.infer<typeof item>;

export const itemEvent = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string().nullable(),
  action: z.string(),
  fromStatus: itemStatus.nullable(),
  toStatus: itemStatus.nullable(),
  note: z.string().nullable(),
});
export const itemAttachment = z.object({
  id: z.number().int(),
  name: z.string(),
  size: z.number().int(),
  type: z.string(),
  sha256: z.string(),
  createdAt: z.string(),
});

/** One item with what the current user may do to it. */
export const itemDetail = z.object({
  item,
  allowedActions: z.array(itemAction),
  events: z.array(itemEvent),
  attachments: z.array(itemAttachment),
  /** items merged into this one */
  duplicates: z.array(z.object({ id: z.number().int(), code: z.string(), title: z.string() })),
});

export const itemCreate = z.object({
  kind: itemKind.default('problem'),
  source: itemSource.default('project'),
  projectId: id.nullable().optional(),
  /** raised from a monthly report: the report's id (its project becomes the item's project) */
  reportId: id.nullable().optional(),
  category: z.string().trim().min(1, '请选择问题类别').max(30),
  title: text(60, '请填写标题'),
  description: text(2000, '请填写问题描述'),
  /** a region for items without a project (defaults to the raiser's region) */
  regionCode: z.string().optional(),
});

const v = { version: z.number().int().min(1) };
/** One step on an item: the body names the action and carries the version it was read at. */
export const itemStep = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('assign'),
    ...v,
    responsibleUnitId: id,
    coUnitIds: z.array(id).max(20).default([]),
    responsibleLeaderPositionId: id.nullable().optional(),
    /** defaults to the configured working days after today */
    responseDue: isoDate.nullable().optional(),
    resolutionDue: isoDate.nullable().optional(),
    note: z.string().trim().max(500).nullable().optional(),
  }),
  z.object({
    action: z.literal('respond'),
    ...v,
    plan: text(2000, '请填写解决思路和措施'),
    promisedDate: isoDate,
  }),
  z.object({ action: z.literal('resolve'), ...v, resolution: text(2000, '请填写办理结果') }),
  z.object({ action: z.literal('return'), ...v, reason: text(500, '请填写退回原因') }),
  z.object({ action: z.literal('close'), ...v, note: z.string().trim().max(500).nullable().optional() }),
  z.object({ action: z.literal('merge'), ...v, targetId: id, reason: text(500, '请填写合并原因') }),
  z.object({ action: z.literal('escalate'), ...v, reason: text(500, '请填写升级原因') }),
  z.object({ action: z.literal('list'), ...v, due: isoDate, reason: text(500, '请填写挂牌督办原因') }),
  z.object({ action: z.literal('remind'), ...v, note: z.string().trim().max(500).nullable().optional() }),
  z.object({
    action: z.literal('edit'),
    ...v,
    category: z.string().trim().min(1).max(30).optional(),
    title: text(60, '请填写标题').optional(),
    description: text(2000, '请填写问题描述').optional(),
    responseDue: isoDate.nullable().optional(),
    resolutionDue: isoDate.nullable().optional(),
    reason: text(500, '请填写修改原因'),
  }),
]);
export type ItemStep = z.infer<typeof itemStep>;

/** `POST /api/items/remind`: 催办 several items at once, each as a single 催办 with the same note. */
export const itemBatchRemind = z.object({
  items: batchRecords,
  note: z.string().trim().max(500).nullable().optional(),
});

export const itemQuery = pageQuery.extend({
  kind: itemKind.optional(),
  status: itemStatus.optional(),
  /** open: every status but closed and merged */
  open: queryBool,
  category: z.string().max(30).optional(),
  unitId: id.optional(),
  projectId: id.optional(),
  level: z.coerce.number().int().min(1).max(8).optional(),
  listed: queryBool,
  overdue: queryBool,
  /** raised: the items I raised; toAnswer: assigned or returned to my unit (its to-do) */
  mine: z.enum(['raised', 'toAnswer']).optional(),
  regionCode: z.string().optional(),
  /** raised in this month */
  month: yearMonth.optional(),
  sort: z.enum(['raisedAt', '-raisedAt', 'due', 'level', '-level', 'code']).default('-raisedAt'),
});

export const escalationProposal = z.object({
  item,
  proposedLevel: z.number().int(),
  proposedLevelLabel: z.string(),
});
export const dismissProposal = z.object({ reason: text(500, '请填写暂不升级的理由') });

// ---- indicators (DOMAIN §6) ----
export const itemIndicatorDimensions = [
  'total',
  'unit',
  'category',
  'level',
  'project',
  'month',
  'kind',
] as const;
export const itemIndicatorQuery = z.object({
  by: z.enum(itemIndicatorDimensions).default('unit'),
  year: z.coerce.number().int().min(2000).max(2100),
  regionCode: z.string().optional(),
});
export const itemIndicatorRow = z.object({
  key: z.string(),
  label: z.string(),
  total: z.number().int(),
  closed: z.number().int(),
  /** 销号率 = closed / (total − merged); null when nothing counts */
  closeRate: z.number().nullable(),
  responded: z.number().int(),
  respondedOnTime: z.number().int(),
  /** on-time responses / responses due by today */
  onTimeResponseRate: z.number().nullable(),
  /** calendar days from raising to close-out, median over closed items */
  medianDaysToClose: z.number().nullable(),
  open: z.number().int(),
  overdue: z.number().int(),
  listed: z.number().int(),
});
export type ItemIndicatorRow = z.infer<typeof itemIndicatorRow>;

// ---- notifications (the in-app inbox) ----
export const notificationKinds = [
  'assigned',
  'reminded',
  'escalated',
  'returned',
  'listed',
  'due_soon',
  /** 催报: the office asks a unit for its missing or late monthly reports */
  'report_reminded',
  /** 红黄牌: a warning card issued to the unit, to acknowledge (签收) with its measures */
  'warning_card',
] as const;
export const notification = z.object({
  id: z.number().int(),
  kind: z.enum(notificationKinds),
  title: z.string(),
  body: z.string().nullable(),
  entity: z.string(),
  entityId: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const notificationQuery = pageQuery.extend({ unread: queryBool });
