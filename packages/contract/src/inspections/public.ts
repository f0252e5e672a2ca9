/**
 * Inspections' public pages (一公开, issue 14 Must 6): read without a login, only approved or
 * published data and never phone numbers or account data: the approved annual plans with their
 * themes and check items, the published draws with their documents, and the results notices.
 */
import { z } from 'zod';
import { drawDocument, drawStatuses } from './draws.ts';

export const publicTheme = z.object({
  id: z.number().int(),
  sort: z.number().int(),
  name: z.string(),
  description: z.string(),
  quarterCounts: z.array(z.number().int()),
});
export const publicPlanSummary = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  regionName: z.string(),
  year: z.number().int(),
  title: z.string(),
  approvedAt: z.string().nullable(),
  themes: z.array(publicTheme),
});
export type PublicPlanSummary = z.infer<typeof publicPlanSummary>;
export const publicPlanList = z.object({ items: z.array(publicPlanSummary), total: z.number().int() });

export const publicCheckItem = z.object({
  id: z.number().int(),
  themeId: z.number().int().nullable(),
  sort: z.number().int(),
  category: z.string(),
  content: z.string(),
  basis: z.string(),
});
export const publicPlan = publicPlanSummary.extend({
  notes: z.string(),
  checkItems: z.array(publicCheckItem),
});
export type PublicPlan = z.infer<typeof publicPlan>;

export const publicDrawSummary = z.object({
  id: z.number().int(),
  title: z.string(),
  regionName: z.string(),
  planYear: z.number().int(),
  status: z.enum(drawStatuses),
  poolSha256: z.string().nullable(),
  publishedAt: z.string().nullable(),
  drawnAt: z.string().nullable(),
});
export type PublicDrawSummary = z.infer<typeof publicDrawSummary>;
export const publicDrawList = z.object({ items: z.array(publicDrawSummary), total: z.number().int() });
export const publicDraw = publicDrawSummary.extend({ document: drawDocument });
export type PublicDraw = z.infer<typeof publicDraw>;

/** The statuses from which an inspection's results are public (正式报告 and later). */
export const publicResultStatuses = ['formal_report', 'rectifying', 'rechecking', 'archived'] as const;
export const rectificationLabels: Record<(typeof publicResultStatuses)[number], string> = {
  formal_report: '已出具正式报告，待整改',
  rectifying: '整改中',
  rechecking: '整改复查中',
  archived: '整改完成，已归档',
};

export const publicResult = z.object({
  id: z.number().int(),
  code: z.string(),
  regionName: z.string(),
  projectCode: z.string(),
  projectName: z.string(),
  themeName: z.string().nullable(),
  siteOn: z.string().nullable(),
  noticeOn: z.string().nullable(),
  rectificationDue: z.string().nullable(),
  archivedOn: z.string().nullable(),
  problems: z.number().int(),
  suggestions: z.number().int(),
  status: z.enum(publicResultStatuses),
  rectification: z.string(),
  summary: z.string().nullable(),
});
export type PublicResult = z.infer<typeof publicResult>;
export const publicResultList = z.object({ items: z.array(publicResult), total: z.number().int() });
