/** A report's timeliness (DOMAIN §4), pure: on time, late or missing against its deadline. */

export type Timeliness = 'on_time' | 'late' | 'missing';

/** On time when first submitted by the end of the deadline day (Asia/Shanghai), late after, missing if never. */
export function timeliness(firstSubmittedDate: string | null, deadline: string): Timeliness {
  if (!firstSubmittedDate) return 'missing';
  return firstSubmittedDate <= deadline ? 'on_time' : 'late';
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
