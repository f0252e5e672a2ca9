/**
 * Inspections (DOMAIN §7, issue 14): one inspection through its procedure. The states, the steps
 * (one route takes them all, each a variant of `inspectionStep`), findings, documents and the
 * inspection's page. Shared by the server's routes and the web's forms.
 */
import { z } from 'zod';
import { id, isoDate, pageQuery } from '../common.ts';

export const inspectionStatuses = [
  'planned',
  'noticed',
  'on_site',
  'draft_report',
  'opinion_received',
  'formal_report',
  'rectifying',
  'rechecking',
  'archived',
] as const;
export const inspectionStatus = z.enum(inspectionStatuses);
export type InspectionStatus = z.infer<typeof inspectionStatus>;
export const inspectionStatusLabels: Record<InspectionStatus, string> = {
  planned: '已计划',
  noticed: '已通知',
  on_site: '现场稽察',
  draft_report: '征求意见',
  opinion_received: '意见已反馈',
  formal_report: '正式报告',
  rectifying: '整改中',
  rechecking: '复查中',
  archived: '已归档',
};

/** 专项, 全面, 联合, 复查 (a re-check of an earlier inspection's rectification, planned as its own). */
export const inspectionKinds = ['special', 'comprehensive', 'joint', 'recheck'] as const;
export const inspectionKind = z.enum(inspectionKinds);
export type InspectionKind = z.infer<typeof inspectionKind>;
export const inspectionKindLabels: Record<InspectionKind, string> = {
  special: '专项稽察',
  comprehensive: '全面稽察',
  joint: '联合稽察',
  recheck: '复查',
};

/** The check-item categories (检查事项清单), which findings and their rectification items take. */
export const findingCategories = [
  '工程进度',
  '工程质量',
  '招投标',
  '财务管理',
  '概算控制',
  '安全生产',
  '其他',
] as const;
export const findingCategory = z.enum(findingCategories, { error: '请选择检查事项类别' });
export const findingKinds = ['problem', 'suggestion'] as const;
export const findingKind = z.enum(findingKinds);
export const findingKindLabels = { problem: '问题', suggestion: '建议' } as const;

export const documentKinds = [
  'notice',
  'site_record',
  'draft_report',
  'opinion',
  'formal_report',
  'rectification_notice',
  'results',
  'recheck',
] as const;
export const documentKind = z.enum(documentKinds);
export type DocumentKind = z.infer<typeof documentKind>;
export const documentKindLabels: Record<DocumentKind, string> = {
  notice: '稽察通知',
  site_record: '现场稽察记录',
  draft_report: '稽察报告（征求意见稿）',
  opinion: '书面反馈意见',
  formal_report: '稽察报告',
  rectification_notice: '整改通知书',
  results: '整改结果报告',
  recheck: '复查记录',
};

/** The procedure's deadlines in working days (docs/inspections.md "The procedure"). */
export const procedureDays = { noticeAhead: 3, opinionWithin: 5 } as const;

const text = (max: number, required: string) => z.string().trim().min(2, required).max(max);
const note = z.string().trim().max(1000).default('');

export const inspectionCreate = z.object({
  projectId: id,
  planId: id.nullable().optional(),
  themeId: id.nullable().optional(),
  kind: inspectionKind.default('special'),
  /** defaults to the project's responsible unit */
  inspectedUnitId: id.nullable().optional(),
  siteOn: isoDate.nullable().optional(),
  leaderInspectorId: id.nullable().optional(),
  expertIds: z.array(id).max(20).default([]),
  inspectorIds: z.array(id).max(20).default([]),
  summary: z.string().trim().max(1000).default(''),
});

export const findingCreate = z.object({
  version: z.number().int().min(1),
  kind: findingKind,
  category: findingCategory,
  content: text(1000, '请填写问题或建议内容'),
  basis: z.string().trim().max(500).default(''),
});

const v = { version: z.number().int().min(1) };
/** One step of the procedure; who may take it is the policy's, when the state table's. */
export const inspectionStep = z.discriminatedUnion('action', [
  z.object({ action: z.literal('notify'), ...v, siteOn: isoDate, note }),
  z.object({ action: z.literal('start_site'), ...v }),
  /** an expert signs its own; the office records the paper signature of an expert without an account */
  z.object({ action: z.literal('sign'), ...v, memberId: id.nullable().optional() }),
  z.object({ action: z.literal('confirm'), ...v, note }),
  z.object({ action: z.literal('issue_draft'), ...v, note }),
  z.object({
    action: z.literal('opinion'),
    ...v,
    opinions: z
      .array(
        z.object({ findingId: id, agrees: z.boolean(), reason: z.string().trim().max(1000).default('') }),
      )
      .max(200),
    note,
  }),
  z.object({
    action: z.literal('answer'),
    ...v,
    findingId: id,
    outcome: z.enum(['keep', 'amend', 'withdraw']),
    answer: text(1000, '请填写对反馈意见的答复'),
    content: z.string().trim().max(1000).optional(),
  }),
  z.object({ action: z.literal('formal_report'), ...v, summary: text(2000, '请填写报告摘要'), note }),
  z.object({
    action: z.literal('rectify'),
    ...v,
    rectificationDue: isoDate,
    responsibleUnitId: id.nullable().optional(),
    note,
  }),
  z.object({ action: z.literal('submit_results'), ...v, summary: text(2000, '请填写整改结果') }),
  z.object({ action: z.literal('plan_recheck'), ...v, recheckOn: isoDate }),
  z.object({ action: z.literal('recheck_failed'), ...v, note: text(1000, '请填写复查未通过的原因') }),
  z.object({ action: z.literal('archive'), ...v, summary: text(2000, '请填写复查结论') }),
]);
export type InspectionStep = z.infer<typeof inspectionStep>;
export type InspectionAction = InspectionStep['action'];
export const inspectionActionLabels: Record<InspectionAction, string> = {
  notify: '发出稽察通知',
  start_site: '开始现场稽察',
  sign: '专家签字',
  confirm: '被稽察单位盖章确认',
  issue_draft: '印发征求意见稿',
  opinion: '提交书面反馈意见',
  answer: '答复反馈意见',
  formal_report: '印发正式稽察报告',
  rectify: '下达整改通知书',
  submit_results: '报送整改结果',
  plan_recheck: '安排复查',
  recheck_failed: '复查未通过',
  archive: '复查通过并归档',
};

export const inspectionQuery = pageQuery.extend({
  status: inspectionStatus.optional(),
  themeId: id.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  regionCode: z
    .string()
    .regex(/^\d{6,12}$/)
    .optional(),
  /** only the inspections the caller is a member of (我的稽察) */
  mine: z.enum(['true', 'false']).optional(),
});

export const inspectionSummary = z.object({
  id: z.number(),
  code: z.string(),
  kind: inspectionKind,
  status: inspectionStatus,
  regionCode: z.string(),
  projectId: z.number(),
  projectName: z.string(),
  themeName: z.string().nullable(),
  inspectedUnit: z.string().nullable(),
  siteOn: z.string().nullable(),
  opinionDue: z.string().nullable(),
  rectificationDue: z.string().nullable(),
  problems: z.number(),
  version: z.number(),
});

export const inspectionMember = z.object({
  id: z.number(),
  role: z.enum(['leader', 'expert', 'inspector']),
  name: z.string(),
  detail: z.string(),
  expertId: z.number().nullable(),
  inspectorId: z.number().nullable(),
  signedAt: z.string().nullable(),
});

export const inspectionFinding = z.object({
  id: z.number(),
  kind: findingKind,
  sort: z.number(),
  category: z.string(),
  content: z.string(),
  basis: z.string(),
  unitAgrees: z.boolean().nullable(),
  unitOpinion: z.string().nullable(),
  answer: z.string().nullable(),
  withdrawn: z.boolean(),
  item: z
    .object({
      id: z.number(),
      code: z.string(),
      title: z.string(),
      status: z.string(),
      dueDate: z.string().nullable(),
      overdue: z.boolean(),
      responsibleUnit: z.string().nullable(),
    })
    .nullable(),
});

export const inspectionDocument = z.object({
  id: z.number(),
  kind: documentKind,
  number: z.string().nullable(),
  title: z.string(),
  summary: z.string().nullable(),
  createdAt: z.string(),
});

export const inspectionDetail = z.object({
  inspection: inspectionSummary.extend({
    planId: z.number().nullable(),
    themeId: z.number().nullable(),
    inspectedUnitId: z.number().nullable(),
    noticeOn: z.string().nullable(),
    recheckOn: z.string().nullable(),
    archivedOn: z.string().nullable(),
    summary: z.string(),
    confirmedAt: z.string().nullable(),
  }),
  members: z.array(inspectionMember),
  findings: z.array(inspectionFinding),
  documents: z.array(inspectionDocument),
  attachments: z.array(z.object({ id: z.number(), name: z.string(), size: z.number(), type: z.string() })),
  /** the steps the caller may take now */
  allowedActions: z.array(z.string()),
  /** the step's deadline: the latest notice day, the opinion's due date, the rectification's */
  deadlines: z.object({ noticeBy: z.string().nullable() }),
});
export type InspectionDetail = z.infer<typeof inspectionDetail>;
export const inspectionDocParams = z.object({ id, docId: id });
