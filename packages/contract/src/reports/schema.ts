/** Monthly reports (DOMAIN §4), the reporting calendar, progress and lights (§5), and the month close. */
import { z } from 'zod';
import {
  batchRecords,
  batchResult,
  id,
  isoDate,
  pageQuery,
  queryBool,
  regionCode,
  versioned,
  yearMonth,
} from '../common.ts';
import { moneyOut, nonNegativeMoney, money } from '../money.ts';

// ---- reporting calendar ----
export const reportingCalendar = z.object({
  regionCode: z.string(),
  year: z.number().int(),
  /** reports for month m are due on this day of month m+1 (default 8) */
  deadlineDay: z.number().int().min(1).max(28),
  /** the office aggregates on this day of month m+1 (default 12); the scheduled close runs after it */
  aggregationDay: z.number().int().min(1).max(28),
  /** when the deadline falls on a non-working day, it moves to the next working day */
  rollToWorkingDay: z.boolean(),
  version: z.number().int(),
});
/** version 0 creates the year's calendar (the defaults were in force until then) */
export const reportingCalendarUpdate = z.object({
  version: z.number().int().min(0),
  deadlineDay: z.number().int().min(1).max(28),
  aggregationDay: z.number().int().min(1).max(28),
  rollToWorkingDay: z.boolean(),
});
export const calendarCorrection = z.object({
  date: isoDate,
  work: z.boolean(),
  note: z.string().trim().max(100).nullable().optional(),
});

// ---- monthly reports ----
export const reportStatuses = ['draft', 'submitted', 'verified', 'returned'] as const;
export const reportStatus = z.enum(reportStatuses);
export const reportStatusLabels = {
  draft: '草稿',
  submitted: '已报送',
  verified: '已审核',
  returned: '已退回',
} as const;
export const timelinessValues = ['on_time', 'late', 'missing'] as const;
export const timelinessLabels = { on_time: '按时', late: '逾期', missing: '未报' } as const;

export const fundsInPlace = z.record(z.string(), money);

/** Where a report came from: filed in Ducha, or a row of an imported 月度信息报表. */
export const reportSources = ['form', 'import'] as const;
export const reportSourceLabels = { form: '在线填报', import: 'Excel 导入' } as const;

export const monthlyReport = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  projectCode: z.string(),
  projectName: z.string(),
  year: z.number().int(),
  month: z.number().int(),
  /** 0 for the original; 1, 2, … for amendments after verification */
  amendment: z.number().int(),
  current: z.boolean(),
  status: reportStatus,
  investmentMonth: moneyOut,
  /** computed: this year's verified months plus this one, never typed */
  investmentYtd: moneyOut,
  /** computed: every verified month since the project started, plus this one */
  investmentSinceStart: moneyOut,
  fundsInPlace: z.record(z.string(), moneyOut),
  physicalProgress: z.string(),
  percentComplete: z.number().nullable(),
  landProgress: z.string().nullable(),
  milestonesReached: z.array(
    z.object({ milestoneId: z.number().int(), name: z.string(), actualDate: z.string() }),
  ),
  problems: z.string().nullable(),
  nextMonthPlan: z.string().nullable(),
  signer: z.string().nullable(),
  attachments: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      size: z.number().int(),
      type: z.string(),
      sha256: z.string(),
    }),
  ),
  submittedAt: z.string().nullable(),
  deadline: z.string(),
  timeliness: z.enum(timelinessValues),
  /** never submitted and the deadline day has passed (逾期), like a month with no report */
  overdue: z.boolean(),
  returnReason: z.string().nullable(),
  amendmentReason: z.string().nullable(),
  verifiedBy: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  /** how many times the office has sent 催报 for this project-month */
  reminderCount: z.number().int(),
  /** filed in Ducha, or imported from a spreadsheet by the office (who, when) */
  source: z.enum(reportSources),
  importedBy: z.string().nullable(),
  importedAt: z.string().nullable(),
  version: z.number().int(),
});
export type MonthlyReport = z.infer<typeof monthlyReport>;

const reportFields = {
  investmentMonth: money,
  fundsInPlace: fundsInPlace.default({}),
  physicalProgress: z.string().trim().min(1, '请填写形象进度').max(2000),
  percentComplete: z.number().min(0).max(100).nullable().optional(),
  landProgress: z.string().trim().max(1000).nullable().optional(),
  milestonesReached: z
    .array(z.object({ milestoneId: id, actualDate: isoDate }))
    .max(60)
    .default([]),
  problems: z.string().trim().max(2000).nullable().optional(),
  nextMonthPlan: z.string().trim().max(2000).nullable().optional(),
  signer: z.string().trim().max(30).nullable().optional(),
};
/** Saves the month's draft (creates it, or updates it with its version). */
export const reportDraft = z.object({ version: z.number().int().min(1).optional(), ...reportFields });
export const reportParams = z.object({ projectId: id, month: yearMonth });
export const reportReturn = versioned.extend({ reason: z.string().trim().min(2, '请填写退回原因').max(500) });
/** A correction of a verified report: a new version with its reason. */
export const reportAmend = z.object({
  reason: z.string().trim().min(2, '请填写更正原因').max(500),
  ...reportFields,
});
export const reportQuery = pageQuery.extend({
  month: yearMonth.optional(),
  status: reportStatus.optional(),
  projectId: id.optional(),
});
export { nonNegativeMoney };

/** What a unit or reporter has to do this cycle. */
export const inboxItem = z.object({
  projectId: z.number().int(),
  projectCode: z.string(),
  projectName: z.string(),
  month: yearMonth,
  deadline: z.string(),
  /** submitted and verified appear only in the every-month inbox, for the month open for filing */
  state: z.enum(['due', 'late', 'returned', 'draft', 'submitted', 'verified']),
  reportId: z.number().int().nullable(),
});

export type InboxItem = z.infer<typeof inboxItem>;

/** `GET /api/reports/reminders?month=`: the 催报 each project the caller reads received for the month. */
export const reportReminder = z.object({
  projectId: z.number().int(),
  count: z.number().int(),
  lastRemindedOn: z.string(),
});

// ---- batch verification and 催报 ----

/** `POST /api/reports/verify`: the office verifies several submitted reports, each with its version. */
export const reportVerifyBatch = z.object({ reports: batchRecords });

/** Why a project-month is overdue: nothing filed, a draft never submitted, or a returned report not resubmitted. */
export const overdueStates = ['missing', 'draft', 'returned'] as const;
export const overdueStateLabels = { missing: '未填报', draft: '草稿未报送', returned: '退回未重报' } as const;

/** A project whose report of the month is missing or late (its deadline has passed), with its 催报 so far. */
export const overdueReport = z.object({
  projectId: z.number().int(),
  projectCode: z.string(),
  projectName: z.string(),
  regionName: z.string(),
  responsibleUnit: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  ownerUnit: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  month: yearMonth,
  deadline: z.string(),
  state: z.enum(overdueStates),
  reportId: z.number().int().nullable(),
  reminderCount: z.number().int(),
  lastRemindedOn: z.string().nullable(),
});
export type OverdueReport = z.infer<typeof overdueReport>;

/**
 * `POST /api/reports/remind` (催报): every project of the month whose report is missing or late, in
 * the office's scope, or only the projects named; each unit concerned gets one notice listing its projects.
 */
export const reportRemind = z.object({
  month: yearMonth,
  projectIds: z
    .array(id)
    .min(1, '请至少选择一个项目')
    .max(5000)
    .refine((ids) => new Set(ids).size === ids.length, '同一项目只能选择一次')
    .optional(),
  /** added to every notice */
  note: z.string().trim().max(300).nullable().optional(),
});
/** What 催报 did: per project (id = project id) reminded or refused, and the units and accounts told. */
export const reportRemindResult = batchResult.extend({
  month: yearMonth,
  /** units sent a notice (one each, listing their projects) */
  units: z.number().int(),
  /** accounts that received it */
  accounts: z.number().int(),
  /** units among them with no active account to receive it (the office tells them another way) */
  silentUnits: z.number().int(),
});
export type ReportRemindResult = z.infer<typeof reportRemindResult>;

// ---- progress and lights ----
export const lightColors = ['green', 'yellow', 'red'] as const;
export const lightColor = z.enum(lightColors);
export type LightColor = z.infer<typeof lightColor>;
export const lightLabels = { green: '绿灯', yellow: '黄灯', red: '红灯' } as const;
/** Shown wherever a light is shown (DOMAIN §5: each colour with its definition). */
export const lightDefinitions = {
  green: '按计划推进：无滞后、无逾期节点、月报按时报送。',
  yellow:
    '预警：未按期开工，或序时完成率低于阈值，或有逾期节点，或当月月报未报，或过了宽限期仍无生效的年度计划(无基线)。',
  red: '严重滞后：连续两个月亮黄灯(或仍未消除的红灯原因)。连续两月红灯移交纪检监察问责。',
} as const;

export const reasonCodes = [
  'NO_BASELINE',
  'START_OVERDUE',
  'LAG',
  'MILESTONE_OVERDUE',
  'REPORT_MISSING',
  'YELLOW_STREAK',
  'RED_STREAK',
] as const;
export const lightReason = z.object({
  code: z.enum(reasonCodes),
  values: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  text: z.string(),
});
export type LightReason = z.infer<typeof lightReason>;

export const lightRules = z.object({
  lagThreshold: z.number().min(0).max(2),
  yellowOnStartOverdue: z.boolean(),
  yellowOnMilestoneOverdue: z.boolean(),
  yellowOnReportMissing: z.boolean(),
  redAfterYellowMonths: z.number().int().min(1).max(12),
  referralAfterRedMonths: z.number().int().min(1).max(12),
  /**
   * A project-month with no baseline in force always carries the reason NO_BASELINE; from this
   * month of the year on it is also a cause of yellow (null: never, the reason only). Versions
   * saved before the rule existed do not have it: never, as they were computed.
   */
  noBaselineYellowFromMonth: z.number().int().min(1).max(12).nullable().optional(),
});
export type LightRules = z.infer<typeof lightRules>;
export const defaultLightRules: LightRules = {
  lagThreshold: 0.9,
  yellowOnStartOverdue: true,
  yellowOnMilestoneOverdue: true,
  yellowOnReportMissing: true,
  redAfterYellowMonths: 2,
  referralAfterRedMonths: 2,
  // annual lists and plans are issued in the first quarter: a plan still missing in April is a concern
  noBaselineYellowFromMonth: 4,
};
export const lightRulesVersion = z.object({
  regionCode: z.string(),
  year: z.number().int(),
  version: z.number().int(),
  rules: lightRules,
  reason: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export const lightRulesUpdate = z.object({
  rules: lightRules,
  reason: z.string().trim().min(2, '请说明调整原因').max(300),
});

export const light = z.object({
  projectId: z.number().int(),
  projectCode: z.string(),
  projectName: z.string(),
  year: z.number().int(),
  month: z.number().int(),
  computed: lightColor,
  /** the colour in force: the office's override, else the computed one */
  color: lightColor,
  reasons: z.array(lightReason),
  /** consecutive months not green, this one included (0 when green), from computed colours */
  streak: z.number().int(),
  /** consecutive red months, this one included (0 when not red) */
  redStreak: z.number().int(),
  /** accountability referral (问责): the red streak reached the rules' threshold */
  referral: z.boolean(),
  plannedToDate: moneyOut,
  doneToDate: moneyOut,
  paceRatio: z.number().nullable(),
  annualRatio: z.number().nullable(),
  override: z
    .object({ color: lightColor, justification: z.string(), by: z.string().nullable(), at: z.string() })
    .nullable(),
});
export type Light = z.infer<typeof light>;
/** A project's status at a glance (project list and header): its light of the latest closed month and its latest reported % complete. */
export const projectStatus = z.object({
  projectId: z.number().int(),
  /** the light of the latest month closed for the project, or null when none was ever closed */
  light: z
    .object({
      year: z.number().int(),
      month: z.number().int(),
      color: lightColor,
      streak: z.number().int(),
      redStreak: z.number().int(),
      referral: z.boolean(),
    })
    .nullable(),
  /** 形象进度 of the latest submitted or verified report, and its month ('YYYY-MM') */
  percentComplete: z.number().nullable(),
  percentMonth: z.string().nullable(),
});
export type ProjectStatus = z.infer<typeof projectStatus>;
export const projectStatusQuery = z.object({
  /** comma-separated project ids, at most 100 (a page of the project list) */
  projectIds: z
    .string()
    .regex(/^\d{1,10}(,\d{1,10}){0,99}$/, '项目编号应为逗号分隔的数字，最多 100 个')
    .transform((s) => [...new Set(s.split(',').map(Number))]),
});
export const lightOverride = z.object({
  color: lightColor,
  justification: z.string().trim().min(5, '调整灯色须写明理由(至少 5 个字)').max(500),
});
export const lightQuery = pageQuery.extend({
  month: yearMonth,
  color: lightColor.optional(),
  reason: z.enum(reasonCodes).optional(),
  regionCode: regionCode.optional(),
  sector: z.string().max(20).optional(),
  listId: id.optional(),
  unitId: id.optional(),
  projectId: id.optional(),
});

// ---- month close ----
export const indicatorRow = z.object({
  key: z.string(),
  label: z.string(),
  projects: z.number().int(),
  plannedToStart: z.number().int(),
  started: z.number().int(),
  startRate: z.number().nullable(),
  annualPlan: moneyOut,
  plannedToDate: moneyOut,
  doneToDate: moneyOut,
  annualRatio: z.number().nullable(),
  paceRatio: z.number().nullable(),
  green: z.number().int(),
  yellow: z.number().int(),
  red: z.number().int(),
  normalRate: z.number().nullable(),
});
export type IndicatorRow = z.infer<typeof indicatorRow>;
export const indicatorDimensions = ['total', 'list', 'batch', 'sector', 'region', 'unit', 'leader'] as const;
export const monthClose = z.object({
  regionCode: z.string(),
  /**
   * The region whose close the figures come from: `regionCode` itself, or (asked with
   * `inherit=true`) the nearest region above it that closed the month — the figures are then
   * `regionCode`'s own rows of that close, never the enclosing region's.
   */
  closedByRegion: z.string(),
  closedByRegionName: z.string(),
  year: z.number().int(),
  month: z.number().int(),
  status: z.enum(['computed', 'published']),
  computedAt: z.string(),
  publishedAt: z.string().nullable(),
  rulesVersion: z.number().int(),
  indicators: z.record(z.string(), z.array(indicatorRow)),
  /** now: the month's reports in the region submitted and not yet verified */
  unverifiedReports: z.number().int(),
  /** now: the month's reports in the region returned and not yet resubmitted */
  returnedReports: z.number().int(),
});
export type MonthClose = z.infer<typeof monthClose>;
export const monthCloseParams = z.object({ regionCode, month: yearMonth });
/**
 * `GET /api/month-closes/:regionCode`: the months closed for the region (with `inherit`, also by the
 * regions above it), newest first — what the close page and the dashboard ask before opening one, so
 * a month not closed yet is a state, not a 404.
 */
export const monthCloseSummary = z.object({
  closedByRegion: z.string(),
  year: z.number().int(),
  month: z.number().int(),
  status: z.enum(['computed', 'published']),
});
export type MonthCloseSummary = z.infer<typeof monthCloseSummary>;
/** `inherit`: a region without a close of its own reads its rows of the nearest enclosing close. */
export const monthCloseQuery = z.object({ inherit: queryBool });

/** A milestone of the baseline in force, offered as "reached this month" on the report form. */
export const reportMilestone = z.object({
  id: z.number().int(),
  name: z.string(),
  plannedDate: z.string(),
  actualDate: z.string().nullable(),
});

/** `GET /api/projects/:projectId/reports/:month`: the month's report, its versions and context. */
export const reportMonth = z.object({
  current: monthlyReport.nullable(),
  versions: z.array(monthlyReport),
  /** last month's current report, shown beside the form */
  previous: monthlyReport.nullable(),
  milestones: z.array(reportMilestone),
  deadline: z.string(),
  /** the month's report is not submitted (no report, or a draft) and its deadline has passed */
  overdue: z.boolean(),
  /**
   * the month is published (a close of the project's region or one above it): its lights stay as
   * published; what is filed or corrected now counts in the totals at once and in the next close
   */
  monthPublished: z.boolean(),

  /** the office's 催报 for this project-month, if any */
  reminder: z
    .object({ count: z.number().int(), lastRemindedOn: z.string(), lastRemindedBy: z.string().nullable() })
    .nullable(),
});

/** A stored file as an upload answers it. */
export const attachmentInfo = z.object({
  id: z.number().int(),
  name: z.string(),
  size: z.number().int(),
  type: z.string(),
  sha256: z.string(),
});

/** One month of `GET /api/projects/:id/progress?year=` (money in 万元 as strings). */
export const progressMonth = z.object({
  month: z.number().int(),
  /** null: no baseline in force that month */
  planned: z.string().nullable(),
  plannedToDate: z.string().nullable(),
  /** null: no report that month */
  done: z.string().nullable(),
  doneToDate: z.string(),
  paceRatio: z.number().nullable(),
  color: lightColor.nullable(),
  timeliness: z.enum(timelinessValues).nullable(),
  /** the month's light reasons (empty without a light) */
  reasons: z.array(lightReason),
});
export type ProgressMonth = z.infer<typeof progressMonth>;
export type ReportMonth = z.infer<typeof reportMonth>;
