/**
 * Enterprise credit (企业信用, issue 15; seed 003): the directory of agent-builders (代建),
 * contractors (施工) and supervisors (监理): class 甲/乙, specialties from the
 * `enterprise_specialty` dictionary, admission, suspension and removal; quarterly evaluations from
 * inspections (random and focused checks) with scores; good and bad credit records with their
 * cause. An 优秀 evaluation records a good credit record and a 不合格 one a bad record, in the same
 * transaction. The public list shows admitted firms.
 */
import { z } from 'zod';
import { id, isoDate, listOf, pageQuery, regionCode, versioned } from '../common.ts';
import { schemeYear } from './scheme.ts';

/** Specialties: codes of the `enterprise_specialty` dictionary (seven by default). */
const specialties = z
  .array(z.string().trim().min(1, '不能为空').max(40, '不能超过 40 个字'))
  .max(7, '最多 7 个专业');

const text = (max: number) => z.string().trim().min(1, '不能为空').max(max, `不能超过 ${max} 个字`);

export const enterpriseKinds = ['agent', 'contractor', 'supervisor'] as const;
export type EnterpriseKind = (typeof enterpriseKinds)[number];
export const enterpriseKindLabels: Record<EnterpriseKind, string> = {
  agent: '代建单位',
  contractor: '施工单位',
  supervisor: '监理单位',
};
export const enterpriseGrades = ['A', 'B'] as const;
export type EnterpriseGrade = (typeof enterpriseGrades)[number];
export const enterpriseGradeLabels: Record<EnterpriseGrade, string> = { A: '甲类', B: '乙类' };
export const enterpriseStatuses = ['admitted', 'suspended', 'removed'] as const;
export type EnterpriseStatus = (typeof enterpriseStatuses)[number];
export const enterpriseStatusLabels: Record<EnterpriseStatus, string> = {
  admitted: '在库',
  suspended: '暂停承接',
  removed: '已清出',
};

export const enterprise = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  regionCode: z.string(),
  kind: z.enum(enterpriseKinds),
  grade: z.enum(enterpriseGrades).nullable(),
  specialties: z.array(z.string()),
  status: z.enum(enterpriseStatuses),
  admittedOn: z.string(),
  statusOn: z.string(),
  statusReason: z.string().nullable(),
  notes: z.string(),
  goodRecords: z.number().int(),
  badRecords: z.number().int(),
  /** the mean of the year's evaluation scores, null without one */
  latestScore: z.string().nullable(),
  version: z.number().int(),
});
export type Enterprise = z.infer<typeof enterprise>;

export const enterpriseList = listOf(enterprise);
export const enterpriseQuery = pageQuery.extend({
  regionCode: regionCode.optional(),
  kind: z.enum(enterpriseKinds).optional(),
  grade: z.enum(enterpriseGrades).optional(),
  status: z.enum(enterpriseStatuses).optional(),
  specialty: z.string().trim().max(40).optional(),
  q: z.string().trim().max(60).optional(),
});
/** The directory's export (名录): the list's filters, every matching firm. */
export const enterpriseExportQuery = enterpriseQuery.omit({ page: true, pageSize: true });
/** Admission: an organisation unit (type enterprise or soe) enters the directory. */
export const enterpriseCreate = z.strictObject({
  unitId: id,
  regionCode,
  kind: z.enum(enterpriseKinds),
  grade: z.enum(enterpriseGrades).nullable().default(null),
  specialties: specialties.default([]),
  admittedOn: isoDate,
  notes: z.string().trim().max(1000).default(''),
});
export const enterpriseUpdate = versioned.extend({
  grade: z.enum(enterpriseGrades).nullable().optional(),
  specialties: specialties.optional(),
  notes: z.string().trim().max(1000).optional(),
});
/** Suspension, removal (清出) or re-admission, with its date and reason. */
export const enterpriseStatusChange = versioned.extend({
  status: z.enum(enterpriseStatuses),
  on: isoDate,
  reason: text(500),
});

export const evaluationKinds = ['random', 'focused'] as const;
export type EvaluationKind = (typeof evaluationKinds)[number];
export const evaluationKindLabels: Record<EvaluationKind, string> = {
  random: '随机抽查',
  focused: '重点检查',
};
/** 优秀 ≥ 90, 良好 ≥ 75, 合格 ≥ 60, 不合格 below 60. */
export const evaluationGrades = ['excellent', 'good', 'pass', 'fail'] as const;
export type EvaluationGrade = (typeof evaluationGrades)[number];
export const evaluationGradeLabels: Record<EvaluationGrade, string> = {
  excellent: '优秀',
  good: '良好',
  pass: '合格',
  fail: '不合格',
};

const score100 = z.union([z.string().trim(), z.number()]).transform((v, ctx) => {
  const t = typeof v === 'number' ? String(v) : v;
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(t) || Number(t) > 100) {
    ctx.addIssue({ code: 'custom', message: '得分应为 0 至 100，最多两位小数' });
    return z.NEVER;
  }
  return Number(t).toFixed(2);
});

export const evaluation = z.object({
  id: z.number().int(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  year: z.number().int(),
  quarter: z.number().int(),
  kind: z.enum(evaluationKinds),
  projectId: z.number().int(),
  projectName: z.string(),
  inspectionId: z.number().int().nullable(),
  score: z.string(),
  grade: z.enum(evaluationGrades),
  evaluatedOn: z.string(),
  notes: z.string(),
  creditRecordId: z.number().int().nullable(),
  createdBy: z.string().nullable(),
});
export type Evaluation = z.infer<typeof evaluation>;
export const evaluationList = listOf(evaluation);
export const evaluationQuery = pageQuery.extend({
  enterpriseId: id.optional(),
  regionCode: regionCode.optional(),
  year: schemeYear.optional(),
  quarter: z.coerce.number().int().min(1).max(4).optional(),
  kind: z.enum(evaluationKinds).optional(),
  grade: z.enum(evaluationGrades).optional(),
});
/** A quarter's evaluations, exported in the office's 考评情况 layout. */
export const evaluationExportQuery = z.object({
  regionCode: regionCode.optional(),
  year: schemeYear,
  quarter: z.coerce.number().int().min(1, '季度应在 1 至 4 之间').max(4, '季度应在 1 至 4 之间'),
});
export const evaluationCreate = z.strictObject({
  enterpriseId: id,
  year: schemeYear,
  quarter: z.coerce.number().int().min(1, '季度应在 1 至 4 之间').max(4, '季度应在 1 至 4 之间'),
  kind: z.enum(evaluationKinds),
  projectId: id,
  inspectionId: id.nullable().default(null),
  score: score100,
  evaluatedOn: isoDate,
  notes: z.string().trim().max(1000).default(''),
});

export const creditKinds = ['good', 'bad'] as const;
export type CreditKind = (typeof creditKinds)[number];
export const creditKindLabels: Record<CreditKind, string> = { good: '良好行为', bad: '不良行为' };
export const creditCauseKinds = ['evaluation', 'inspection', 'item', 'manual'] as const;
export type CreditCauseKind = (typeof creditCauseKinds)[number];
export const creditRecord = z.object({
  id: z.number().int(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  kind: z.enum(creditKinds),
  causeKind: z.enum(creditCauseKinds),
  causeId: z.number().int().nullable(),
  /** the web path of the cause, e.g. /inspections/4 or /items/9 */
  causeHref: z.string().nullable(),
  reason: z.string(),
  recordedOn: z.string(),
  createdBy: z.string().nullable(),
});
export type CreditRecord = z.infer<typeof creditRecord>;
export const creditRecordList = listOf(creditRecord);
export const creditRecordQuery = pageQuery.extend({
  enterpriseId: id.optional(),
  regionCode: regionCode.optional(),
  kind: z.enum(creditKinds).optional(),
  year: schemeYear.optional(),
});
export const creditRecordCreate = z.strictObject({
  enterpriseId: id,
  kind: z.enum(creditKinds),
  causeKind: z.enum(['inspection', 'item', 'manual']),
  causeId: id.nullable().default(null),
  reason: text(500),
  recordedOn: isoDate,
});

/** The public list (no login): admitted firms only, no phone or notes. */
export const publicEnterprise = z.object({
  name: z.string(),
  kind: z.enum(enterpriseKinds),
  grade: z.enum(enterpriseGrades).nullable(),
  specialties: z.array(z.string()),
  admittedOn: z.string(),
  regionName: z.string(),
});
export const publicEnterpriseList = listOf(publicEnterprise);
export const publicEnterpriseQuery = pageQuery.extend({
  regionCode: regionCode.optional(),
  kind: z.enum(enterpriseKinds).optional(),
  grade: z.enum(enterpriseGrades).optional(),
});
