/**
 * Inspections (DOMAIN §2, §7; issue 14): the routine inspection groups (督查组) by sector with their
 * leader, members (a person may sit in several) and assigned projects (seed 001 篇一: six groups over
 * 林甸's 55 projects), their weekly site records per project (本周进展, 存在问题, 下周安排, photos) whose
 * problems go into the ledger as items, the group's month summary (月通报); and the organisation's
 * leading groups (领导小组: head, deputies, member units, its office).
 */
import { z } from 'zod';
import { id, isoDate, pageQuery, regionCode, versioned, yearMonth } from '../common.ts';
import { itemStatus } from '../items/schema.ts';

const text = (max: number, required: string) => z.string().trim().min(1, required).max(max);
const year = z.coerce
  .number()
  .int()
  .min(2000, '年度应在 2000–2100 之间')
  .max(2100, '年度应在 2000–2100 之间');

// ---- inspection groups ----
export const inspectionGroupCreate = z.object({
  regionCode,
  year,
  name: text(60, '请填写督查组名称'),
  /** the sector it covers: a value of the sector dictionary (工业, 农业, …) or free text */
  sector: text(30, '请填写督查领域'),
  leaderPersonId: id.nullable().default(null),
  memberPersonIds: z.array(id).max(30, '成员最多 30 人').default([]),
  projectIds: z.array(id).max(300, '一个督查组最多负责 300 个项目').default([]),
});
export const inspectionGroupUpdate = versioned.extend({
  name: text(60, '请填写督查组名称').optional(),
  sector: text(30, '请填写督查领域').optional(),
  leaderPersonId: id.nullable().optional(),
  memberPersonIds: z.array(id).max(30, '成员最多 30 人').optional(),
  projectIds: z.array(id).max(300, '一个督查组最多负责 300 个项目').optional(),
  active: z.boolean().optional(),
});
export const inspectionGroupQuery = pageQuery.extend({
  year: year.optional(),
  regionCode: regionCode.optional(),
  /** only the groups the signed-in person sits in */
  mine: z
    .enum(['true', 'false', '1', '0'])
    .transform((v) => v === 'true' || v === '1')
    .optional(),
});

export const inspectionGroupSummary = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  regionName: z.string(),
  year: z.number().int(),
  name: z.string(),
  sector: z.string(),
  leaderPersonId: z.number().int().nullable(),
  leaderName: z.string().nullable(),
  memberCount: z.number().int(),
  projectCount: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
});
export type InspectionGroupSummary = z.infer<typeof inspectionGroupSummary>;

export const inspectionGroupDetail = inspectionGroupSummary.extend({
  leaderTitle: z.string().nullable(),
  members: z.array(
    z.object({
      personId: z.number().int(),
      name: z.string(),
      title: z.string().nullable(),
      unitName: z.string().nullable(),
    }),
  ),
  projects: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      name: z.string(),
      /** the Monday of its latest weekly record (null: none yet) */
      lastWeekOf: z.string().nullable(),
    }),
  ),
  /** what the signed-in user may do: manage the group (the office), write weekly records (also members) */
  canManage: z.boolean(),
  canRecord: z.boolean(),
});
export type InspectionGroupDetail = z.infer<typeof inspectionGroupDetail>;

// ---- weekly site records ----
export const siteProblem = z.object({
  category: z.string().trim().min(1, '请选择问题类别').max(30),
  title: z.string().trim().min(2, '请填写问题标题').max(60),
  description: z.string().trim().min(2, '请填写问题描述').max(2000),
});

export const siteRecordCreate = z.object({
  projectId: id,
  /** the week's Monday (any day of the week is taken to its Monday) */
  weekOf: isoDate,
  progress: text(2000, '请填写本周进展'),
  problems: z.string().trim().max(2000).default(''),
  nextWeek: z.string().trim().max(2000).default(''),
  /** problems raised into the ledger with the record, in its transaction */
  raise: z.array(siteProblem).max(10, '一次最多提出 10 个问题').default([]),
});
export const siteRecordUpdate = versioned.extend({
  progress: text(2000, '请填写本周进展').optional(),
  problems: z.string().trim().max(2000).optional(),
  nextWeek: z.string().trim().max(2000).optional(),
});
export const siteRecordQuery = pageQuery.extend({
  projectId: id.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const siteRecord = z.object({
  id: z.number().int(),
  groupId: z.number().int(),
  projectId: z.number().int(),
  projectCode: z.string(),
  projectName: z.string(),
  weekOf: z.string(),
  progress: z.string(),
  problems: z.string(),
  nextWeek: z.string(),
  items: z.array(z.object({ id: z.number().int(), code: z.string(), title: z.string(), status: itemStatus })),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type SiteRecord = z.infer<typeof siteRecord>;

export const groupMonthQuery = z.object({ month: yearMonth });
/** 月通报: a month of a group's weekly records, per project: weeks recorded and missing, problems raised. */
export const groupMonthSummary = z.object({
  groupId: z.number().int(),
  month: z.string(),
  /** the Mondays of the month's weeks up to today */
  weeks: z.array(z.string()),
  projects: z.array(
    z.object({
      projectId: z.number().int(),
      code: z.string(),
      name: z.string(),
      weeksRecorded: z.array(z.string()),
      missingWeeks: z.array(z.string()),
      latestProgress: z.string().nullable(),
      problemsRaised: z.number().int(),
      openItems: z.number().int(),
    }),
  ),
  totals: z.object({
    records: z.number().int(),
    expected: z.number().int(),
    problemsRaised: z.number().int(),
    openItems: z.number().int(),
  }),
});
export type GroupMonthSummary = z.infer<typeof groupMonthSummary>;

// ---- leading groups (领导小组), the organisation's ----
export const leadingGroupCreate = z.object({
  regionCode,
  name: text(60, '请填写领导小组名称'),
  headPositionId: id.nullable().default(null),
  deputyPositionIds: z.array(id).max(20).default([]),
  memberUnitIds: z.array(id).max(100).default([]),
  officeUnitId: id.nullable().default(null),
  duties: z.string().trim().max(2000).default(''),
});
export const leadingGroupUpdate = versioned.extend({
  name: text(60, '请填写领导小组名称').optional(),
  headPositionId: id.nullable().optional(),
  deputyPositionIds: z.array(id).max(20).optional(),
  memberUnitIds: z.array(id).max(100).optional(),
  officeUnitId: id.nullable().optional(),
  duties: z.string().trim().max(2000).optional(),
  active: z.boolean().optional(),
});
export const leadingGroupQuery = pageQuery.extend({ regionCode: regionCode.optional() });
const named = z.object({
  id: z.number().int(),
  name: z.string(),
  holderName: z.string().nullable().optional(),
});
export const leadingGroup = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  regionName: z.string(),
  name: z.string(),
  head: named.nullable(),
  deputies: z.array(named),
  memberUnits: z.array(named),
  officeUnit: named.nullable(),
  duties: z.string(),
  active: z.boolean(),
  version: z.number().int(),
});
export type LeadingGroup = z.infer<typeof leadingGroup>;
