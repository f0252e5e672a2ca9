/**
 * Assessment schemes (考核方案, DOMAIN §9, issue 15): per region and year, versioned configuration
 * (revisions; one active). A scheme names the ranking groups (which units rank together), the base
 * score, the rules with points, caps and weights, the tie rule, the 红黑榜's sizes and conditions
 * and the 红黄牌 triggers. Points are exact decimals with two places, travelling as strings.
 */
import { z } from 'zod';
import { id, pageQuery, regionCode, versioned } from '../common.ts';
import { Decimal } from '../money.ts';

const text = (max: number) => z.string().trim().min(1, '不能为空').max(max, `不能超过 ${max} 个字`);
export const schemeYear = z.coerce
  .number()
  .int()
  .min(2000, '年份应在 2000 至 2100 之间')
  .max(2100, '年份应在 2000 至 2100 之间');

const pointsShape = /^-?\d{1,5}(\.\d{1,2})?$/;
/** Points: a decimal with up to two places (−99999.99 … 99999.99); answers as "0.00" text. */
export const points = z.union([z.string().trim(), z.number()]).transform((v, ctx) => {
  const t = typeof v === 'number' ? String(v) : v;
  if (!pointsShape.test(t)) {
    ctx.addIssue({ code: 'custom', message: '分值应为数字，最多两位小数' });
    return z.NEVER;
  }
  return new Decimal(t).toFixed(2);
});
export const positivePoints = points.refine((v) => new Decimal(v).gt(0), '分值应大于 0');
/** A ratio such as 序时完成率 0.60 = 60%: 0 … 10 with up to four places. */
export const ratio = z.union([z.string().trim(), z.number()]).transform((v, ctx) => {
  const t = typeof v === 'number' ? String(v) : v;
  if (!/^\d{1,2}(\.\d{1,4})?$/.test(t)) {
    ctx.addIssue({ code: 'custom', message: '比例应为 0 至 10 之间的小数，如 0.6 表示 60%' });
    return z.NEVER;
  }
  return new Decimal(t).toFixed(4);
});

/**
 * The generated rules, each a kind of fact (the unit a fact belongs to in brackets):
 * - `report_late` / `report_missing`: a project's month report late / missing (the project's lead unit);
 * - `red_light`: a project's red light for the month (lead unit);
 * - `referral`: an accountability referral (问责) at the month's close (lead unit);
 * - `item_overdue`: an open item past its resolution deadline, per working day of the month
 *   overdue, capped per item (`perItemCap`) (the item's responsible unit);
 * - `item_early_close`: an item closed out (销号) in the month before its resolution deadline (bonus);
 * - `investment_pace`: the unit's 序时完成率 over its lead projects, in proportion:
 *   points × (ratio − 1), within ±cap (a bonus above 100%, a deduction below);
 * - `meeting_absence`: absent from a meeting without a reason (the absent unit).
 * Manual awards and penalties (`manual_award`, `manual_penalty`) are written by the office and
 * approved by someone else.
 */
export const generatedRules = [
  'report_late',
  'report_missing',
  'red_light',
  'referral',
  'item_overdue',
  'item_early_close',
  'investment_pace',
  'meeting_absence',
] as const;
export type GeneratedRule = (typeof generatedRules)[number];
export const manualRules = ['manual_award', 'manual_penalty'] as const;
export type ManualRule = (typeof manualRules)[number];
export const scoreRules = [...generatedRules, ...manualRules] as const;
export type ScoreRule = (typeof scoreRules)[number];
export const scoreRule = z.enum(scoreRules);
export const scoreRuleLabels: Record<ScoreRule, { zh: string; en: string }> = {
  report_late: { zh: '月报迟报', en: 'Late report' },
  report_missing: { zh: '月报漏报', en: 'Missing report' },
  red_light: { zh: '项目亮红灯', en: 'Red light' },
  referral: { zh: '问责移送', en: 'Accountability referral' },
  item_overdue: { zh: '问题逾期未办结', en: 'Overdue item' },
  item_early_close: { zh: '问题提前销号', en: 'Item closed early' },
  investment_pace: { zh: '投资完成序时进度', en: 'Investment against pace' },
  meeting_absence: { zh: '无故缺席会议', en: 'Meeting absence' },
  manual_award: { zh: '加分(人工)', en: 'Award (manual)' },
  manual_penalty: { zh: '扣分(人工)', en: 'Penalty (manual)' },
};

/**
 * One generated rule's configuration. `points` is signed as it lands on the ledger (−2.00 a
 * deduction, 1.00 a bonus); for `investment_pace` it is the points of a full 100% deviation.
 * `cap` bounds the rule's total for one unit and month (absolute value; null: none); `perItemCap`
 * bounds `item_overdue` for one item and month. `weight` multiplies the points (default 1).
 */
export const schemeRule = z.strictObject({
  code: z.enum(generatedRules),
  enabled: z.boolean(),
  points,
  cap: positivePoints.nullable().default(null),
  perItemCap: positivePoints.nullable().default(null),
  weight: ratio.default('1.0000'),
});
export type SchemeRule = z.output<typeof schemeRule>;

export const rankingGroup = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9_-]{1,20}$/, '分组代码应为 1 至 20 位小写字母、数字、-或_'),
  name: text(40),
  unitIds: z.array(id).min(1, '每组至少一个单位').max(1000),
});
export type RankingGroup = z.output<typeof rankingGroup>;

/**
 * Ties: `shared` gives equal scores the same rank (1, 1, 3); `fewer_deductions` breaks a tie by the
 * smaller total of deductions, then shares.
 */
export const tieRules = ['shared', 'fewer_deductions'] as const;
export type TieRule = (typeof tieRules)[number];

/**
 * 红黑榜 (monthly, per group): the red list is the top `redSize` whose 序时完成率 is at least
 * `redMinPace` (plan met); the black list the bottom `blackSize` whose ratio is below
 * `blackBelowPace` (plan missed). A unit with an approved exemption for the month is kept off the
 * black list.
 */
export const boardConfig = z.strictObject({
  redSize: z.number().int().min(0).max(50),
  blackSize: z.number().int().min(0).max(50),
  redMinPace: ratio,
  blackBelowPace: ratio,
});
export type BoardConfig = z.output<typeof boardConfig>;

/**
 * 红黄牌: a 黄牌 when a unit's monthly 序时完成率 is below `yellowBelowPace` (e.g. 0.6 = 60% of
 * the monthly task); a 红牌 after `redAfterYellows` 黄牌 in the year not lifted, or (if
 * `redOnReferral`) for an accountability referral.
 */
export const cardConfig = z.strictObject({
  yellowBelowPace: ratio,
  redAfterYellows: z.number().int().min(1).max(12),
  redOnReferral: z.boolean(),
});
export type CardConfig = z.output<typeof cardConfig>;

export const schemeConfig = z
  .strictObject({
    baseScore: points,
    rules: z.array(schemeRule).min(1).max(generatedRules.length),
    groups: z.array(rankingGroup).min(1, '至少一个排名分组').max(20),
    tieRule: z.enum(tieRules),
    board: boardConfig,
    cards: cardConfig,
  })
  .superRefine((c, ctx) => {
    const codes = new Set<string>();
    c.rules.forEach((r, i) => {
      if (codes.has(r.code))
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'code'], message: '规则重复' });
      codes.add(r.code);
    });
    const groupCodes = new Set<string>();
    const units = new Map<number, string>();
    c.groups.forEach((g, i) => {
      if (groupCodes.has(g.code))
        ctx.addIssue({ code: 'custom', path: ['groups', i, 'code'], message: '分组代码重复' });
      groupCodes.add(g.code);
      g.unitIds.forEach((u, j) => {
        const other = units.get(u);
        if (other !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['groups', i, 'unitIds', j],
            message: `该单位已在分组 ${other} 中，一个单位只能在一个分组排名`,
          });
        units.set(u, g.code);
      });
    });
  });
export type SchemeConfig = z.output<typeof schemeConfig>;

/** The config as answered: the same shape, decimals as the "0.00" text they were saved as. */
const text2 = z.string();
export const schemeConfigOut = z.object({
  baseScore: text2,
  rules: z.array(
    z.object({
      code: z.enum(generatedRules),
      enabled: z.boolean(),
      points: text2,
      cap: text2.nullable(),
      perItemCap: text2.nullable(),
      weight: text2,
    }),
  ),
  groups: z.array(z.object({ code: z.string(), name: z.string(), unitIds: z.array(z.number().int()) })),
  tieRule: z.enum(tieRules),
  board: z.object({
    redSize: z.number().int(),
    blackSize: z.number().int(),
    redMinPace: text2,
    blackBelowPace: text2,
  }),
  cards: z.object({ yellowBelowPace: text2, redAfterYellows: z.number().int(), redOnReferral: z.boolean() }),
});

export const schemeStatuses = ['draft', 'active', 'retired'] as const;
export type SchemeStatus = (typeof schemeStatuses)[number];
export const schemeStatusLabels: Record<SchemeStatus, string> = {
  draft: '草稿',
  active: '生效',
  retired: '已停用',
};

export const schemeCreate = z.strictObject({
  regionCode,
  year: schemeYear,
  name: text(100),
  notes: z.string().trim().max(2000).default(''),
  /** missing: the default scheme from the seeds, over the region's units */
  config: schemeConfig.optional(),
});
export const schemeUpdate = versioned.extend({
  name: text(100).optional(),
  notes: z.string().trim().max(2000).optional(),
  config: schemeConfig.optional(),
});
/** A new draft revision copied from this one (to change an active scheme). */
export const schemeRevise = versioned;
export const schemeActivate = versioned;
export const schemeQuery = pageQuery.extend({
  regionCode: regionCode.optional(),
  year: schemeYear.optional(),
  status: z.enum(schemeStatuses).optional(),
});
export const scheme = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  regionName: z.string(),
  year: z.number().int(),
  revision: z.number().int(),
  name: z.string(),
  status: z.enum(schemeStatuses),
  notes: z.string(),
  config: schemeConfigOut,
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  activatedBy: z.string().nullable(),
  activatedAt: z.string().nullable(),
  version: z.number().int(),
});
export type Scheme = z.infer<typeof scheme>;
export const schemeSummary = scheme.omit({ config: true, notes: true }).extend({
  groups: z.number().int(),
  units: z.number().int(),
});
export type SchemeSummary = z.infer<typeof schemeSummary>;

/** Deleting a draft: the version read, in the query. */
export const schemeDeleteQuery = z.object({ version: z.coerce.number().int().min(1) });
