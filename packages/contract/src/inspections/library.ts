/**
 * Inspections (DOMAIN §7, issue 14): the annual plan, its themes (each with an eligible-project
 * rule giving its pool) and check items, and the figures per theme. The libraries (firms, experts,
 * inspectors) are in library-people.ts, re-exported here.
 */
import { z } from 'zod';
import { id, pageQuery, regionCode, versioned } from '../common.ts';
import { nonNegativeMoney } from '../money.ts';
import { listLevels } from '../projects/lists.ts';
import { investmentNatures, stages } from '../projects/schema.ts';

export * from './library-people.ts';

const text = (max: number) => z.string().trim().min(1, '不能为空').max(max, `不能超过 ${max} 个字`);
const longText = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字`);
const planYear = z.coerce
  .number()
  .int()
  .min(2000, '年份应在 2000 至 2100 之间')
  .max(2100, '年份应在 2000 至 2100 之间');

// ---- the plan ----

export const inspectionPlanStatuses = ['draft', 'approved'] as const;
export type InspectionPlanStatus = (typeof inspectionPlanStatuses)[number];
export const inspectionPlanStatusLabels: Record<InspectionPlanStatus, string> = {
  draft: '草稿',
  approved: '已审批',
};

export const inspectionPlanCreate = z.strictObject({
  regionCode,
  year: planYear,
  title: text(100),
  notes: longText(2000).default(''),
});
export const inspectionPlanUpdate = versioned.extend({
  title: text(100).optional(),
  notes: longText(2000).optional(),
});
export const inspectionPlanQuery = pageQuery.extend({
  regionCode: regionCode.optional(),
  year: planYear.optional(),
});
export const inspectionPlanApprove = versioned;

// ---- a theme's eligible-project rule ----

/**
 * Which active projects of the plan's region subtree a theme may inspect. Every condition given
 * must hold; a list condition holds when any of its values does. Fields are those of the registry:
 * `minTotalInvestment` in 万元 (a decimal string), `startedInYear` the planned or actual start in
 * the plan's year, `listLevels` a current membership of a list of that level in the plan's year,
 * `leaderLinked` on a 市领导联系项目 list of the year or with a leader (五个一) position.
 */
export const themeRule = z.strictObject({
  investmentNatures: z.array(z.enum(investmentNatures)).min(1, '至少选一项').optional(),
  minTotalInvestment: nonNegativeMoney.optional(),
  startedInYear: z.boolean().optional(),
  stages: z.array(z.enum(stages)).min(1, '至少选一项').optional(),
  listLevels: z.array(z.enum(listLevels)).min(1, '至少选一项').optional(),
  leaderLinked: z.boolean().optional(),
  sectors: z.array(z.string().trim().min(1).max(40)).min(1, '至少选一项').optional(),
  tags: z.array(z.string().trim().min(1).max(40)).min(1, '至少选一项').optional(),
  fundingSources: z.array(z.string().trim().min(1).max(40)).min(1, '至少选一项').optional(),
});
export type ThemeRule = z.infer<typeof themeRule>;
/** The rule as stored and answered (money as its string). */
export const themeRuleOut = z.object({
  investmentNatures: z.array(z.enum(investmentNatures)).optional(),
  minTotalInvestment: z.string().optional(),
  startedInYear: z.boolean().optional(),
  stages: z.array(z.enum(stages)).optional(),
  listLevels: z.array(z.enum(listLevels)).optional(),
  leaderLinked: z.boolean().optional(),
  sectors: z.array(z.string()).optional(),
  tags: z.array(z.string()).optional(),
  fundingSources: z.array(z.string()).optional(),
});

const quarterCounts = z
  .array(z.number().int().min(0, '不能为负数').max(999))
  .length(4, '应为四个季度的计划数');

export const inspectionThemeCreate = z.strictObject({
  name: text(60),
  description: longText(1000).default(''),
  rule: themeRule.default({}),
  quarterCounts: quarterCounts.default([0, 0, 0, 0]),
  sort: z.number().int().min(0).max(999).optional(),
});
export const inspectionThemeUpdate = versioned.extend({
  name: text(60).optional(),
  description: longText(1000).optional(),
  rule: themeRule.optional(),
  quarterCounts: quarterCounts.optional(),
  sort: z.number().int().min(0).max(999).optional(),
});
export const inspectionTheme = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  sort: z.number().int(),
  name: z.string(),
  description: z.string(),
  rule: themeRuleOut,
  quarterCounts: z.array(z.number().int()),
  /** the projects its rule selects now */
  poolCount: z.number().int(),
  version: z.number().int(),
});
export type InspectionTheme = z.infer<typeof inspectionTheme>;

/** A project of a theme's pool, sorted by project code. */
export const poolProject = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  regionCode: z.string(),
  ownerUnit: z.string().nullable(),
  totalInvestment: z.string(),
});
export const poolQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});

// ---- check items (检查事项清单) ----

export const checkCategories = [
  '工程进度',
  '工程质量',
  '招投标',
  '财务管理',
  '概算控制',
  '安全生产',
  '其他',
] as const;
export const checkCategory = z.enum(checkCategories, { message: '类别应为：' + checkCategories.join('、') });

export const checkItemCreate = z.strictObject({
  themeId: id.nullable().default(null),
  category: checkCategory,
  content: text(500),
  basis: longText(500).default(''),
  sort: z.number().int().min(0).max(999).optional(),
});
export const checkItemUpdate = versioned.extend({
  themeId: id.nullable().optional(),
  category: checkCategory.optional(),
  content: text(500).optional(),
  basis: longText(500).optional(),
  sort: z.number().int().min(0).max(999).optional(),
});
export const checkItem = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  themeId: z.number().int().nullable(),
  sort: z.number().int(),
  category: z.string(),
  content: z.string(),
  basis: z.string(),
  version: z.number().int(),
});
export type CheckItem = z.infer<typeof checkItem>;

export const inspectionPlan = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  regionName: z.string(),
  year: z.number().int(),
  title: z.string(),
  notes: z.string(),
  status: z.enum(inspectionPlanStatuses),
  createdBy: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  /** whether the caller may edit (draft, office over its region) and approve (four eyes) */
  canEdit: z.boolean(),
  canApprove: z.boolean(),
  version: z.number().int(),
});
export type InspectionPlan = z.infer<typeof inspectionPlan>;
export const inspectionPlanDetail = inspectionPlan.extend({
  themes: z.array(inspectionTheme),
  checkItems: z.array(checkItem),
});
export type InspectionPlanDetail = z.infer<typeof inspectionPlanDetail>;

// ---- figures (as seed 000 reports them) ----

export const figuresQuery = z.object({
  year: planYear,
  regionCode: regionCode.optional(),
});
export const figuresRow = z.object({
  /** the theme's name (themes of the same name in the subtree's plans are one row); null: no theme */
  theme: z.string().nullable(),
  inspections: z.number().int(),
  done: z.number().int(),
  problems: z.number().int(),
  suggestions: z.number().int(),
  reports: z.number().int(),
  rectifications: z.number().int(),
  rectified: z.number().int(),
  /** rectified / rectifications, 0–1 rounded to 4 places; null when there are none */
  rectificationRate: z.number().nullable(),
});
export type FiguresRow = z.infer<typeof figuresRow>;
export const figures = z.object({
  year: z.number().int(),
  regionCode: z.string().nullable(),
  rows: z.array(figuresRow),
  total: figuresRow,
});
export type Figures = z.infer<typeof figures>;
