/** Annual plans (DOMAIN §3): a draft, then approved baselines; changes after approval are new versions. */
import { z } from 'zod';
import { batchRecords, isoDate, pageQuery, regionCode, versioned } from '../common.ts';
import { moneyOut, nonNegativeMoney } from '../money.ts';

export const planStatuses = ['draft', 'approved', 'superseded'] as const;
export const planStatusLabels = { draft: '草稿', approved: '现行基线', superseded: '历史基线' } as const;

export const milestone = z.object({
  id: z.number().int(),
  seq: z.number().int(),
  name: z.string(),
  plannedDate: z.string(),
  actualDate: z.string().nullable(),
});

export const annualPlan = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  year: z.number().int(),
  /** 0 for a first draft; 1, 2, … for approved baselines */
  baselineNo: z.number().int(),
  status: z.enum(planStatuses),
  plannedInvestment: moneyOut,
  monthly: z.array(moneyOut).length(12),
  physicalTarget: z.string().nullable(),
  targetStart: z.string().nullable(),
  targetCompletion: z.string().nullable(),
  targetProduction: z.string().nullable(),
  changeReason: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  effectiveFrom: z.string().nullable(),
  milestones: z.array(milestone),
  version: z.number().int(),
});
export type AnnualPlan = z.infer<typeof annualPlan>;

export const planYearParams = z.object({
  id: z.coerce.number().int().positive(),
  year: z.coerce.number().int().min(2000).max(2100),
});

/** Saves the project-year's draft: creates it (from the baseline in force, if any) or updates it. */
export const planDraftInput = z.object({
  /** the draft's version when updating one; omitted to start a draft */
  version: z.number().int().min(1).optional(),
  plannedInvestment: nonNegativeMoney,
  /** 12 amounts summing exactly to plannedInvestment; omitted → split pro rata */
  monthly: z.array(nonNegativeMoney).length(12, '分月计划应有 12 个月').optional(),
  physicalTarget: z.string().trim().max(1000).nullable().optional(),
  targetStart: isoDate.nullable().optional(),
  targetCompletion: isoDate.nullable().optional(),
  targetProduction: isoDate.nullable().optional(),
  milestones: z
    .array(
      z.object({
        name: z.string().trim().min(1, '节点名称不能为空').max(100),
        plannedDate: isoDate,
        actualDate: isoDate.nullable().optional(),
      }),
    )
    .max(60)
    .default([]),
  /** required once a baseline exists: why the plan changes */
  changeReason: z.string().trim().max(500).nullable().optional(),
});

export const planApprove = versioned.extend({
  /** first day the new baseline is in force; default: January 1 of the year for its first baseline, else today */
  effectiveFrom: isoDate.optional(),
  /** why it is approved (the audit event's reason, before the draft's own change reason) */
  reason: z.string().trim().max(500).nullable().optional(),
});

/** `GET /api/plan-drafts`: the drafts of a year waiting for approval, in the caller's scope. */
export const planDraftQuery = pageQuery.extend({
  year: z.coerce.number().int().min(2000).max(2100),
  regionCode: regionCode.optional(),
});
/** A draft waiting for approval, with its project. */
export const planDraftRow = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  projectCode: z.string(),
  projectName: z.string(),
  regionName: z.string(),
  responsibleUnitName: z.string().nullable(),
  year: z.number().int(),
  plannedInvestment: moneyOut,
  milestoneCount: z.number().int(),
  /** the baseline in force it would replace (null: the year's first baseline) */
  baselineNo: z.number().int().nullable(),
  changeReason: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type PlanDraftRow = z.infer<typeof planDraftRow>;
/** `POST /api/plan-drafts/approve`: several drafts (id and version) approved with one reason and one date. */
export const planBatchApprove = z.object({
  plans: batchRecords,
  reason: z.string().trim().min(2, '请填写批准理由').max(500),
  /** first day the new baselines are in force; default today */
  effectiveFrom: isoDate.optional(),
});

export const milestoneActual = z.object({ actualDate: isoDate.nullable() });
/** What recording a milestone's actual date answers. */
export const milestoneActualResult = z.object({ id: z.number().int(), actualDate: z.string().nullable() });

/** One row of the Gantt page: a project and its year's milestones (the baseline in force, else the draft). */
export const ganttRow = z.object({
  projectId: z.number().int(),
  code: z.string(),
  name: z.string(),
  /** null: the year has no plan */
  planStatus: z.enum(['approved', 'draft']).nullable(),
  milestones: z.array(milestone),
});
export type GanttRow = z.infer<typeof ganttRow>;
