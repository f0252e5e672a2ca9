/** Pure rules of the organisation: GB/T 2260 code structure, region paths, holder succession dates. */

export type RegionLevel = 'province' | 'city' | 'county' | 'town';

/**
 * GB/T 2260 nests codes: a province is XX0000, a city XXXX00 under it, a county XXXXXX under its city
 * (or directly under a province for province-administered counties), and a town the county's code
 * plus three digits. Returns a Chinese message when the code does not fit its level and parent.
 */
export function checkRegionCode(
  code: string,
  level: RegionLevel,
  parent: { code: string; level: RegionLevel } | null,
): string | null {
  switch (level) {
    case 'province':
      if (parent) return '省级区划不能有上级';
      return /^\d{2}0000$/.test(code) ? null : '省级代码应为 XX0000';
    case 'city':
      if (!parent || parent.level !== 'province') return '市级区划的上级应为省';
      if (!/^\d{4}00$/.test(code) || code.endsWith('0000')) return '市级代码应为 XXXX00';
      return code.slice(0, 2) === parent.code.slice(0, 2) ? null : '市级代码的前两位应与所属省一致';
    case 'county':
      if (!parent || (parent.level !== 'city' && parent.level !== 'province'))
        return '县级区划的上级应为市或省';
      if (!/^\d{6}$/.test(code) || code.endsWith('00')) return '县级代码应为 6 位且末两位不为 00';
      return code.startsWith(parent.level === 'city' ? parent.code.slice(0, 4) : parent.code.slice(0, 2))
        ? null
        : '县级代码应以所属市(省)的代码开头';
    case 'town':
      if (!parent || parent.level !== 'county') return '乡镇级区划的上级应为县';
      if (!/^\d{9}$/.test(code)) return '乡镇级代码应为 9 位';
      return code.startsWith(parent.code) ? null : '乡镇级代码应以所属县的代码开头';
  }
}

export const regionPath = (code: string, parentPath: string | null) =>
  parentPath ? `${parentPath}.${code}` : code;

/** The day before `date` (YYYY-MM-DD), computed on the calendar, not in a time zone. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * A new holder takes over on `startDate`; the outgoing holder's term ends the day before. The new
 * start must come after the latest date in the history (the current holder's start, or the last
 * holder's end when the position is vacant), or terms would overlap.
 */
export function successionError(latest: string | null, startDate: string): string | null {
  if (latest && startDate <= latest) return `接任日期应晚于任职记录中的最近日期 ${latest}`;
  return null;
}
