// Money and percentages as users read them: 亿元 for leaders, ratios cut (never rounded up) like the
// server's reasons, so a column and its reason agree.
import { describe, expect, it } from 'vitest';
import { formatMoney, formatYi } from './money.ts';
import { formatPercent } from './period.ts';

describe('formatYi: 万元 shown as 亿元', () => {
  it.each([
    ['1726978.64', '172.70'],
    ['2117275.23', '211.73'],
    ['10000', '1.00'],
    ['49.99', '0.00'],
    ['50', '0.01'], // half up at the cent of 亿元
    ['-12345.6', '-1.23'],
    ['123456789012.34', '12,345,678.90'],
  ])('%s 万元 → %s 亿元', (wan, yi) => expect(formatYi(wan)).toBe(yi));
  it('keeps empty values visible', () => {
    expect(formatYi(null)).toBe('-');
    expect(formatYi('')).toBe('-');
  });
  it('agrees with formatMoney on the same amount in 亿元', () =>
    expect(formatYi('1234567')).toBe(formatMoney('123.46')));
});

describe('formatPercent: cut to one place, as the reasons are written', () => {
  it.each([
    [0.4225, '42.2%'], // a reason says 42.2%: so does the column
    [0.423, '42.3%'],
    [0.8999, '89.9%'], // below a 90% line it never reads 90.0%
    [0.9, '90.0%'],
    [0.29, '29.0%'], // 0.29 × 100 is 28.999… in floating point: not here
    [1.5, '150.0%'],
    [0, '0.0%'],
    [-0.0151, '-1.5%'],
  ])('%s → %s', (ratio, text) => expect(formatPercent(ratio)).toBe(text));
  it('two places when asked, and a dash for no ratio', () => {
    expect(formatPercent(0.42259, 2)).toBe('42.25%');
    expect(formatPercent(null)).toBe('-');
    expect(formatPercent(Number.NaN)).toBe('-');
  });
});
