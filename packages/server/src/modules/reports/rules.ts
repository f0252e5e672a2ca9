/** A report's timeliness (DOMAIN §4), pure: on time, late or missing against its deadline. */

export type Timeliness = 'on_time' | 'late' | 'missing';

/** On time when first submitted by the end of the deadline day (Asia/Shanghai), late after, missing if never. */
export function timeliness(firstSubmittedDate: string | null, deadline: string): Timeliness {
  if (!firstSubmittedDate) return 'missing';
  return firstSubmittedDate <= deadline ? 'on_time' : 'late';
}
