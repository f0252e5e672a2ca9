/**
 * The score ledger (考核台账, issue 15): every bonus or deduction is one row with its unit, month,
 * rule, points, a readable reason and a link to its cause. A unit's score for a period is the
 * scheme's base score plus the sum of its counted rows (effective, not exempted). Rankings, the
 * monthly 红黑榜 and a unit's score card are read from the ledger.
 */
import { z } from 'zod';
import { id, listOf, pageQuery, regionCode, versioned, yearMonth } from '../common.ts';
import { cardStatuses } from './cards.ts';
import { manualRules, positivePoints, schemeYear, scoreRule } from './scheme.ts';

const text = (max: number) => z.string().trim().min(1, '不能为空').max(max, `不能超过 ${max} 个字`);
const month = z.coerce.number().int().min(1, '月份应在 1 至 12 之间').max(12, '月份应在 1 至 12 之间');

export const causeKinds = ['report', 'light', 'item', 'meeting', 'inspection', 'manual'] as const;
export type CauseKind = (typeof causeKinds)[number];
export const causeKindLabels: Record<CauseKind, string> = {
  report: '月报',
  light: '亮灯',
  item: '督办事项',
  meeting: '会议',
  inspection: '稽察',
  manual: '人工',
};
export const scoreRowStatuses = ['effective', 'pending', 'rejected'] as const;
export type ScoreRowStatus = (typeof scoreRowStatuses)[number];
export const scoreRowStatusLabels: Record<ScoreRowStatus, string> = {
  effective: '有效',
  pending: '待审核',
  rejected: '已驳回',
};
export const exemptionStatuses = ['requested', 'approved', 'rejected'] as const;
export type ExemptionStatus = (typeof exemptionStatuses)[number];
export const exemptionStatusLabels: Record<ExemptionStatus, string> = {
  requested: '豁免待审',
  approved: '已豁免',
  rejected: '豁免驳回',
};

/**
 * Where a row's cause opens: `report` the project's report for the month (id when filed),
 * `light` the project's light for the month (id = project), `item` the item, `meeting` the
 * meeting, `inspection` the inspection, `manual` the row itself.
 */
export const scoreCause = z.object({
  kind: z.enum(causeKinds),
  id: z.number().int().nullable(),
  projectId: z.number().int().nullable(),
  projectName: z.string().nullable(),
  /** the web path of the cause's page, e.g. /items/12 or /projects/3?tab=lights&month=2026-10 */
  href: z.string().nullable(),
  label: z.string(),
});
export type ScoreCause = z.infer<typeof scoreCause>;

export const scoreRow = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  year: z.number().int(),
  month: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  rule: scoreRule,
  points: z.string(),
  /** what the row adds to the score: its points, or 0.00 when exempted, pending or rejected */
  counted: z.string(),
  reason: z.string(),
  cause: scoreCause,
  source: z.enum(['generated', 'manual']),
  schemeId: z.number().int(),
  status: z.enum(scoreRowStatuses),
  createdBy: z.string().nullable(),
  /** the author's account (four eyes: the approve button is not offered to the author) */
  createdById: z.number().int().nullable(),
  createdAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  exemption: z
    .object({
      status: z.enum(exemptionStatuses),
      reason: z.string(),
      requestedBy: z.string().nullable(),
      requestedById: z.number().int().nullable(),
      requestedAt: z.string(),
      decidedBy: z.string().nullable(),
      decidedAt: z.string().nullable(),
      note: z.string().nullable(),
    })
    .nullable(),
  version: z.number().int(),
});
export type ScoreRow = z.infer<typeof scoreRow>;

/** A page of the ledger with what the whole filter adds up to (its counted points). */
export const scoreRowList = listOf(scoreRow).extend({ sum: z.string() });

const scoreRowQueryBase = {
  regionCode: regionCode.optional(),
  year: schemeYear,
  month: month.optional(),
  unitId: id.optional(),
  rule: scoreRule.optional(),
  causeKind: z.enum(causeKinds).optional(),
  source: z.enum(['generated', 'manual']).optional(),
  status: z.enum(scoreRowStatuses).optional(),
  exemption: z.enum(exemptionStatuses).optional(),
  sort: z.enum(['month', '-month', 'points', '-points', 'unit']).default('-month'),
};
export const scoreRowQuery = pageQuery.extend(scoreRowQueryBase);
/** The ledger's export: the same filters, every matching row. */
export const scoreRowExportQuery = z.object(scoreRowQueryBase);

/** A manual award or penalty: pending until someone other than its author approves it. */
export const manualRowCreate = z.strictObject({
  regionCode,
  year: schemeYear,
  month,
  unitId: id,
  rule: z.enum(manualRules),
  /** the size of the award or penalty; the sign follows the rule */
  points: positivePoints,
  reason: text(500),
});
export const rowDecision = versioned.extend({
  approve: z.boolean(),
  note: z.string().trim().max(500).default(''),
});
export const exemptionRequest = versioned.extend({ reason: text(500) });

export const recomputeBody = z.strictObject({ regionCode, year: schemeYear, month });
export const recomputeResult = z.object({
  regionCode: z.string(),
  year: z.number().int(),
  month: z.number().int(),
  schemeId: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  deleted: z.number().int(),
  unchanged: z.number().int(),
  cardsIssued: z.number().int(),
});
export type RecomputeResult = z.infer<typeof recomputeResult>;
/** Months `from`..`to` of a year in one pass (a board's half year or year: 重新计算本期). */
export const recomputeMonthsBody = z
  .strictObject({ regionCode, year: schemeYear, from: month, to: month })
  .superRefine((b, c) => {
    if (b.to < b.from) c.addIssue({ code: 'custom', path: ['to'], message: '结束月份不能早于开始月份' });
  });
export const recomputeMonthsResult = z.object({ months: z.array(recomputeResult) });
export type RecomputeMonthsResult = z.infer<typeof recomputeMonthsResult>;

// ---- rankings ----

/** A period: a month `2026-11`, a half year `2026-H1`/`2026-H2`, or the year `2026`. */
export const scorePeriod = z
  .string()
  .trim()
  .regex(/^\d{4}(-(0[1-9]|1[0-2]|H1|H2))?$/, '期间应为 2026-11、2026-H1、2026-H2 或 2026');
export const rankingQuery = z.object({ regionCode: regionCode.optional(), period: scorePeriod });

export const rankingEntry = z.object({
  rank: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  score: z.string(),
  bonuses: z.string(),
  deductions: z.string(),
  rows: z.number().int(),
  /** the unit's 序时完成率 for the period (its lead projects), null without a plan */
  pace: z.string().nullable(),
  exempt: z.boolean(),
  board: z.enum(['red', 'black']).nullable(),
});
export type RankingEntry = z.infer<typeof rankingEntry>;
export const rankingGroupResult = z.object({
  code: z.string(),
  name: z.string(),
  entries: z.array(rankingEntry),
  red: z.array(z.number().int()),
  black: z.array(z.number().int()),
});
export const ranking = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  period: z.string(),
  schemeId: z.number().int(),
  schemeName: z.string(),
  baseScore: z.string(),
  /** months of the period whose ledger exists (recomputed at least once) */
  months: z.array(yearMonth),
  groups: z.array(rankingGroupResult),
});
export type Ranking = z.infer<typeof ranking>;

/** A preview: the scheme applied to a month without writing anything. */
export const previewBody = z.strictObject({ year: schemeYear, month });
export const preview = ranking.extend({
  byRule: z.array(z.object({ rule: scoreRule, rows: z.number().int(), points: z.string() })),
});
export type Preview = z.infer<typeof preview>;

/** A unit's year at a glance: per month, each rule's sum and the month's score and rank. */
export const scoreCardQuery = z.object({ unitId: id, year: schemeYear, regionCode: regionCode.optional() });
export const scoreCard = z.object({
  unitId: z.number().int(),
  unitName: z.string(),
  year: z.number().int(),
  regionCode: z.string(),
  schemeId: z.number().int(),
  groupName: z.string().nullable(),
  baseScore: z.string(),
  months: z.array(
    z.object({
      month: z.number().int(),
      computed: z.boolean(),
      byRule: z.record(z.string(), z.string()),
      total: z.string(),
      score: z.string(),
      rank: z.number().int().nullable(),
      of: z.number().int(),
      board: z.enum(['red', 'black']).nullable(),
    }),
  ),
  total: z.object({
    byRule: z.record(z.string(), z.string()),
    total: z.string(),
    score: z.string(),
    rank: z.number().int().nullable(),
  }),
  cards: z.array(
    z.object({
      id: z.number().int(),
      color: z.enum(['yellow', 'red']),
      month: z.number().int(),
      /** 黄牌警示〔2026〕3号 */
      noticeNo: z.string(),
      status: z.enum(cardStatuses),
    }),
  ),
});
export type ScoreCard = z.infer<typeof scoreCard>;
