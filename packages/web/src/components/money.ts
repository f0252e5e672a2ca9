// Exact money in 万元 on the client: display with separators, the pro-rata monthly split, sums (decimal.js).
import { Decimal } from '@ducha/contract';

const moneyShape = /^-?\d{1,14}(\.\d{1,2})?$/;

/** The text a user typed as a money amount (commas allowed), or null when it is not one. */
export function parseMoney(v: unknown): Decimal | null {
  if (v === null || v === undefined) return null;
  const raw = String(v).trim();
  // commas only as thousands separators, as the contract's money schema reads them
  if (raw.includes(',') && !/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(raw)) return null;
  const text = raw.replaceAll(',', '');
  return moneyShape.test(text) ? new Decimal(text) : null;
}

/** `1234567.5` → `1,234,567.50`; '-' for empty values. */
export function formatMoney(v: string | number | null | undefined): string {
  const d = parseMoney(v);
  if (!d) return v === null || v === undefined || v === '' ? '-' : String(v);
  const [int, frac] = d.toFixed(2).split('.');
  return `${(int ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

/**
 * The server's split of an annual amount into 12 months that sum to it exactly: equal shares
 * rounded down to the cent, the remaining cents one each on the last months.
 */
export function proRata(annual: string): string[] {
  const cents = new Decimal(annual).times(100);
  const base = cents.abs().divToInt(12);
  const extra = cents.abs().minus(base.times(12)).toNumber();
  const sign = cents.isNegative() ? -1 : 1;
  return Array.from({ length: 12 }, (_, i) =>
    base
      .plus(i >= 12 - extra ? 1 : 0)
      .times(sign)
      .div(100)
      .toFixed(2),
  );
}

/** The sum of the amounts, or null when one of them is not a money amount (empty counts as 0). */
export function sumMoney(values: readonly unknown[]): Decimal | null {
  let total = new Decimal(0);
  for (const v of values) {
    if (v === undefined || v === null || String(v).trim() === '') continue;
    const d = parseMoney(v);
    if (!d) return null;
    total = total.plus(d);
  }
  return total;
}

/** An amount in 万元 as 亿元 for leaders' pages: `1726978.64` → `172.70` (exact, half up); '-' for empty. */
export function formatYi(v: string | number | null | undefined): string {
  const d = parseMoney(v);
  if (!d) return v === null || v === undefined || v === '' ? '-' : String(v);
  return formatMoney(d.div(10000).toFixed(2));
}

/** 万元 → 亿元 as a number, for chart axes only (never for sums). */
export const yiNumber = (v: string | number | null | undefined) =>
  Number(parseMoney(v)?.div(10000).toFixed(4) ?? 0);
