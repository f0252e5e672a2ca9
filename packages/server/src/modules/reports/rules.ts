/**
 * Pure rules of monthly reports: timeliness (DOMAIN §4), when an unsubmitted report is overdue, and
 * how far a negative month may correct the since-start total.
 */
import { Decimal } from '@ducha/contract';

export type Timeliness = 'on_time' | 'late' | 'missing';

/** On time when first submitted by the end of the deadline day (Asia/Shanghai), late after, missing if never. */
export function timeliness(firstSubmittedDate: string | null, deadline: string): Timeliness {
  if (!firstSubmittedDate) return 'missing';
  return firstSubmittedDate <= deadline ? 'on_time' : 'late';
}

/**
 * Overdue (逾期): never submitted, and the deadline day has passed (China dates): a draft as much as a
 * month with no report. The deadline day itself is not overdue; a report submitted once (even if
 * returned since) is judged by its timeliness instead.
 */
export function isOverdue(firstSubmittedDate: string | null, deadline: string, today: string): boolean {
  return firstSubmittedDate === null && today > deadline;
}

/**
 * A negative month is a correction (核减) of earlier months and is allowed, but nothing can undo
 * more than was reported: the since-start total (earlier months + this one) may not fall below zero.
 * The error's sentence, or null.
 */
export function sinceStartError(before: string, month: string): string | null {
  const total = new Decimal(before).plus(month);
  if (total.gte(0)) return null;
  return `自开工累计完成投资不能为负：此前累计 ${new Decimal(before).toFixed(2)} 万元，本月 ${new Decimal(month).toFixed(2)} 万元`;
}

/** Why a project-month is overdue (催报): nothing filed, a draft never submitted, a returned report not resubmitted. */
export type OverdueState = 'missing' | 'draft' | 'returned';

/**
 * A month's report is overdue once its deadline day has passed (Asia/Shanghai dates) and it is
 * neither submitted nor verified; the deadline day itself is not overdue. `status` is the current
 * version's, null when nothing was filed.
 */
export function overdueState(status: string | null, deadline: string, today: string): OverdueState | null {
  if (today <= deadline) return null;
  if (status === 'submitted' || status === 'verified') return null;
  return status === 'returned' ? 'returned' : status === 'draft' ? 'draft' : 'missing';
}

/** 催报 reaches a project-month at most once a day: a second action the same day skips it. */
export const remindedToday = (lastRemindedOn: string | null | undefined, today: string): boolean =>
  lastRemindedOn === today;
