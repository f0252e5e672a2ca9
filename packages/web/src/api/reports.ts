// Hooks for monthly reports, attachments, progress, lights, light rules, month closes and the reporting calendar.
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  BatchResult,
  Light,
  LightColor,
  LightReason,
  MonthClose,
  MonthCloseSummary,
  MonthlyReport,
  OverdueReport,
  ProjectStatus,
  ReportImportResult,
  ReportRemindResult,
  calendarCorrection,
  inboxItem,
  lightRulesUpdate,
  lightRulesVersion,
  progressMonth,
  reportAmend,
  reportDraft,
  reportingCalendar,
  reportingCalendarUpdate,
  reportMilestone,
  reportMonth,
  reportReminder,
  timelinessValues,
} from '@ducha/contract';
import { api, type QueryParams } from './client.ts';
import { downloadFile } from './projects.ts';
import { uploadRawFile } from './upload.ts';
import { useList, useSave } from './resource.ts';

export type InboxItem = z.infer<typeof inboxItem>;
export type ReportReminder = z.infer<typeof reportReminder>;
export type ReportingCalendar = z.infer<typeof reportingCalendar>;
export type CalendarCorrection = z.infer<typeof calendarCorrection>;
export type LightRulesVersion = z.infer<typeof lightRulesVersion>;
export type ReportDraftBody = z.input<typeof reportDraft>;
export type ReportAmendBody = z.input<typeof reportAmend>;
export type Timeliness = (typeof timelinessValues)[number];
export type Attachment = MonthlyReport['attachments'][number];

/** A milestone of the baseline in force, offered as "reached this month" on the form. */
export type ReportMilestone = z.infer<typeof reportMilestone>;
/** `GET /api/projects/:projectId/reports/:month`: the month's report, its versions and context. */
export type ReportMonth = z.infer<typeof reportMonth>;
/** One month of `GET /api/projects/:id/progress?year=` (money in 万元 as strings). */
export type ProgressRow = z.infer<typeof progressMonth>;

/** Filters of `GET /api/lights` (and of its Excel export). */
export type LightFilters = {
  color?: LightColor;
  reason?: LightReason['code'];
  regionCode?: string;
  sector?: string;
  listId?: number;
  unitId?: number;
};

const R = 'reports';
const reportPath = (projectId: number, month: string) => `/api/projects/${projectId}/reports/${month}`;
type ReportKey = { projectId: number; month: string };

// ---- monthly reports ----
/** One month's tasks, or (no month) every month still owed with the open month's filings. */
export const useInbox = (month?: string) =>
  useQuery({
    queryKey: [R, 'inbox', month ?? 'all'],
    queryFn: () => api.get<InboxItem[]>('/api/reports/inbox', { month }),
  });
export const useReports = (params: QueryParams, enabled = true) => useList<MonthlyReport>(R, params, enabled);
export const useReportMonth = (projectId: number, month: string) =>
  useQuery({
    queryKey: [R, 'month', projectId, month],
    queryFn: () => api.get<ReportMonth>(reportPath(projectId, month)),
    enabled: projectId > 0 && !!month,
  });
export const useSaveReportDraft = () =>
  useSave(
    R,
    ({ projectId, month, ...body }: ReportDraftBody & ReportKey) =>
      api.put<MonthlyReport>(`${reportPath(projectId, month)}/draft`, body),
    ['lights'],
  );
export const useSubmitReport = () =>
  useSave(
    R,
    ({ projectId, month, version }: ReportKey & { version: number }) =>
      api.post<MonthlyReport>(`${reportPath(projectId, month)}/submit`, { version }),
    ['lights'],
  );
export const useReturnReport = () =>
  useSave(
    R,
    ({ projectId, month, ...body }: ReportKey & { version: number; reason: string }) =>
      api.post<MonthlyReport>(`${reportPath(projectId, month)}/return`, body),
    ['lights'],
  );
export const useVerifyReport = () =>
  useSave(
    R,
    ({ projectId, month, version }: ReportKey & { version: number }) =>
      api.post<MonthlyReport>(`${reportPath(projectId, month)}/verify`, { version }),
    ['lights'],
  );
export const useAmendReport = () =>
  useSave(
    R,
    ({ projectId, month, ...body }: ReportAmendBody & ReportKey) =>
      api.post<MonthlyReport>(`${reportPath(projectId, month)}/amend`, body),
    ['lights'],
  );
/** 审核通过 for several reports at once: each with the version read; the answer lists each one. */
export const useVerifyReports = () =>
  useSave(
    R,
    (reports: { id: number; version: number }[]) => api.post<BatchResult>('/api/reports/verify', { reports }),
    ['lights'],
  );

// ---- 催报 ----
/** The month's missing and late reports in scope, with their 催报 so far (the office and leaders). */
export const useOverdueReports = (month: string, enabled = true) =>
  useQuery({
    queryKey: [R, 'overdue', month],
    queryFn: () => api.get<OverdueReport[]>('/api/reports/overdue', { month }),
    enabled,
  });
/** The 催报 each project the user reads received for the month (shown in the inbox). */
export const useReportReminders = (month: string) =>
  useQuery({
    queryKey: [R, 'reminders', month],
    queryFn: () => api.get<ReportReminder[]>('/api/reports/reminders', { month }),
  });
/** 催报: the projects named, or (none named) every overdue project of the month in scope. */
export const useRemindReports = () =>
  useSave(
    R,
    (body: { month: string; projectIds?: number[]; note?: string | null }) =>
      api.post<ReportRemindResult>('/api/reports/remind', body),
    ['notifications'],
  );
export const useProgress = (projectId: number, year: number) =>
  useQuery({
    queryKey: [R, 'progress', projectId, year],
    queryFn: () => api.get<ProgressRow[]>(`/api/projects/${projectId}/progress`, { year }),
  });

// ---- attachments (raw bodies: outside the JSON client) ----

/** Uploads one file to a report (draft), reporting progress 0–100. */
export const uploadAttachment = (reportId: number, file: File, onProgress?: (percent: number) => void) =>
  uploadRawFile<Attachment>(`/api/reports/${reportId}/attachments`, file, onProgress);
export const useDeleteAttachment = () =>
  useSave(R, (id: number) => api.delete<{ ok: true }>(`/api/attachments/${id}`));

// ---- lights ----
export const useLights = (params: QueryParams, enabled = true) => useList<Light>('lights', params, enabled);
/** Each project's latest light and % complete, for a page of projects (at most 100 ids). */
export const useProjectStatuses = (ids: readonly number[]) =>
  useQuery({
    queryKey: ['lights', 'status', ids.join(',')],
    queryFn: () => api.get<ProjectStatus[]>('/api/projects/status', { projectIds: ids.join(',') }),
    enabled: ids.length > 0,
    select: (rows) => new Map(rows.map((r) => [r.projectId, r])),
  });
export const useOverrideLight = () =>
  useSave(
    'lights',
    ({ projectId, month, ...body }: ReportKey & { color: LightColor; justification: string }) =>
      api.put<Light>(`/api/lights/${projectId}/${month}/override`, body),
    [R, 'month-closes'],
  );
export const useClearOverride = () =>
  useSave(
    'lights',
    ({ projectId, month }: ReportKey) => api.delete<Light>(`/api/lights/${projectId}/${month}/override`),
    [R, 'month-closes'],
  );
export const useLightRules = (regionCode: string | undefined, year: number) =>
  useQuery({
    queryKey: ['light-rules', regionCode, year],
    queryFn: () => api.get<LightRulesVersion[]>(`/api/light-rules/${regionCode}/${year}`),
    enabled: !!regionCode,
  });
export const useSaveLightRules = () =>
  useSave(
    'light-rules',
    ({
      regionCode,
      year,
      ...body
    }: z.input<typeof lightRulesUpdate> & { regionCode: string; year: number }) =>
      api.post<LightRulesVersion>(`/api/light-rules/${regionCode}/${year}`, body),
  );

// ---- month close ----
const closePath = (regionCode: string, month: string) => `/api/month-closes/${regionCode}/${month}`;
/** The months closed for the region (with `inherit`, by it or a region above it), newest first. */
const closedMonths = (regionCode: string, inherit: boolean) =>
  api.get<MonthCloseSummary[]>(`/api/month-closes/${regionCode}`, inherit ? { inherit: true } : {});
const ymOf = (c: MonthCloseSummary) => `${c.year}-${String(c.month).padStart(2, '0')}`;
/** Whether month `ym` ('YYYY-MM') is among the closed months answered by `useClosedMonths`. */
export const monthIsClosed = (months: readonly MonthCloseSummary[], ym: string) =>
  months.some((c) => ymOf(c) === ym);
/** The months closed for the region or a region above it (what the light board can show). */
export const useClosedMonths = (regionCode: string | undefined) =>
  useQuery({
    queryKey: ['month-closes', 'months', regionCode],
    queryFn: () => closedMonths(regionCode ?? '', true),
    enabled: !!regionCode,
  });

/**
 * The region's close of a month, or null when the month is not closed. The closed months are asked
 * first, so a month not closed yet is a state of the page rather than a 404 in the console.
 */
export const useMonthClose = (regionCode: string | undefined, month: string) =>
  useQuery({
    queryKey: ['month-closes', regionCode, month],
    queryFn: async () =>
      (await closedMonths(regionCode ?? '', false)).some((c) => ymOf(c) === month)
        ? api.get<MonthClose>(closePath(regionCode ?? '', month))
        : null,
    enabled: !!regionCode,
  });
/**
 * The newest month close of the region, or of a region above it (then the region's own rows of
 * that close: a county's figures of the city's close); null when there is none.
 */
export const useLatestClose = (regionCode: string | undefined) =>
  useQuery({
    queryKey: ['month-closes', 'latest', regionCode],
    enabled: !!regionCode,
    queryFn: async () => {
      const newest = (await closedMonths(regionCode ?? '', true))[0];
      return newest ? api.get<MonthClose>(`${closePath(regionCode ?? '', ymOf(newest))}?inherit=true`) : null;
    },
  });
export const useRunClose = () =>
  useSave(
    'month-closes',
    ({ regionCode, month }: { regionCode: string; month: string }) =>
      api.post<MonthClose>(`${closePath(regionCode, month)}/run`),
    ['lights', R],
  );
export const usePublishClose = () =>
  useSave(
    'month-closes',
    ({ regionCode, month }: { regionCode: string; month: string }) =>
      api.post<MonthClose>(`${closePath(regionCode, month)}/publish`),
    ['lights'],
  );

// ---- reporting calendar and working-day corrections ----
export const useReportingCalendar = (regionCode: string | undefined, year: number) =>
  useQuery({
    queryKey: ['reporting-calendars', regionCode, year],
    queryFn: () => api.get<ReportingCalendar>(`/api/reporting-calendars/${regionCode}/${year}`),
    enabled: !!regionCode,
  });
export const useSaveCalendar = () =>
  useSave(
    'reporting-calendars',
    ({
      regionCode,
      year,
      ...body
    }: z.input<typeof reportingCalendarUpdate> & { regionCode: string; year: number }) =>
      api.put<ReportingCalendar>(`/api/reporting-calendars/${regionCode}/${year}`, body),
    [R],
  );
export const useCalendarCorrections = (year: number) =>
  useQuery({
    queryKey: ['calendar-corrections', year],
    queryFn: () => api.get<CalendarCorrection[]>('/api/calendar-corrections', { year }),
  });
export const usePutCorrection = () =>
  useSave(
    'calendar-corrections',
    ({ date, ...body }: { date: string; work: boolean; note: string | null }) =>
      api.put<CalendarCorrection>(`/api/calendar-corrections/${date}`, body),
    ['reporting-calendars', R],
  );
export const useDeleteCorrection = () =>
  useSave(
    'calendar-corrections',
    (date: string) => api.delete<{ ok: true }>(`/api/calendar-corrections/${date}`),
    ['reporting-calendars', R],
  );

// ---- the 月度信息报表 in Excel (binary bodies: outside the JSON client) ----

/** Downloads the month's sheet prefilled with the office's projects and last month's figures. */
export const downloadReportSheet = (month: string) =>
  downloadFile('/api/reports/import/sheet', { month }, `${month} 月度信息报表.xlsx`);

/** Sends a filled sheet: a dry run (nothing written) or the all-or-nothing commit. */
export const uploadReportImport = (
  file: File,
  o: { month: string; mode: 'dry-run' | 'commit'; verify: boolean },
  onProgress?: (percent: number) => void,
) =>
  uploadRawFile<ReportImportResult>(
    `/api/reports/import?month=${o.month}&mode=${o.mode}${o.verify ? '&verify=true' : ''}`,
    file,
    onProgress,
  );
