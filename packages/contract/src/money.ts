/**
 * Money is exact: amounts in 万元 with two decimals travel as strings ("1234.50") and are computed
 * with decimal.js, never with floating point. Inputs may be numbers (spreadsheets, scripts); they
 * are read through their decimal text, so 0.1 + 0.2 stays 0.30.
 */
import Decimal from 'decimal.js';
import { z } from 'zod';

export { Decimal };

const shape = /^-?\d{1,14}(\.\d{1,2})?$/;

/** A money amount in 万元: up to 14 integer digits and 2 decimals; answers as a "0.00" string. */
export const money = z.union([z.string().trim(), z.number()]).transform((v, ctx) => {
  // thousands separators only where they group thousands: '1,5' is a typo, not 15
  const raw = typeof v === 'number' ? String(v) : v;
  if (raw.includes(',') && !/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(raw)) {
    ctx.addIssue({ code: 'custom', message: '金额中的逗号只能用作千位分隔符' });
    return z.NEVER;
  }
  const text = raw.replaceAll(',', '');
  if (!shape.test(text)) {
    ctx.addIssue({ code: 'custom', message: '金额应为数字，单位万元，最多两位小数' });
    return z.NEVER;
  }
  return new Decimal(text).toFixed(2);
});

/** A money amount that may not be negative. */
export const nonNegativeMoney = money.refine((v) => !v.startsWith('-'), '金额不能为负数');

export const moneyOut = z.string();

export const sum = (values: readonly string[]) => values.reduce((acc, v) => acc.plus(v), new Decimal(0));
