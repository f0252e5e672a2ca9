// Months as 'YYYY-MM' strings (the API's form) and ratios as percentages, in the business time zone.
import { Decimal } from '@ducha/contract';
import { todayInShanghai } from './format.ts';

const pad = (m: number) => String(m).padStart(2, '0');

/** 'YYYY-MM' of a year and a month 1..12. */
export const monthOf = (year: number, month: number) => `${year}-${pad(month)}`;

/** [year, month] of 'YYYY-MM'. */
export function splitMonth(ym: string): [number, number] {
  const [y, m] = ym.split('-').map(Number);
  return [y ?? 0, m ?? 1];
}

/** The month `n` months after `ym` (negative: before). */
export function shiftMonth(ym: string, n: number): string {
  const [y, m] = splitMonth(ym);
  const i = y * 12 + (m - 1) + n;
  return monthOf(Math.floor(i / 12), (i % 12) + 1);
}

/** This month in Asia/Shanghai. */
export const thisMonth = () => todayInShanghai().slice(0, 7);

/** Last month: the month reports are filed for (and the default of every month selector). */
export const lastMonth = () => shiftMonth(thisMonth(), -1);

/** Whether a month string is well formed ('2026-05'). */
export const isMonth = (s: string | null | undefined): s is string =>
  !!s && /^\d{4}-(0[1-9]|1[0-2])$/.test(s);

/** 0.6234 → '62.3%'; '-' for null. */
export function formatPercent(ratio: number | null | undefined, digits = 1): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '-';
  // cut, not rounded, as the server's reasons write it: 0.8996 is 89.9%, never 90.0% under a 90% line
  return `${new Decimal(ratio).times(100).toDecimalPlaces(digits, Decimal.ROUND_DOWN).toFixed(digits)}%`;
}
