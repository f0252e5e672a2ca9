// A series' rhythm reads in the UI's language: 每周三 in Chinese, Weekly on Wednesday in English.
import { describe, expect, it } from 'vitest';
import type { Recurrence, SeriesEnd } from '@ducha/contract';
import type { TFunction } from '../../app/i18n.tsx';
import { en } from '../../app/messages/en.ts';
import { zh, type MsgKey } from '../../app/messages/zh.ts';
import { rhythmText } from './rhythm.ts';

/** The translate of i18n.tsx over one dictionary. */
const tOf =
  (dict: Record<MsgKey, string>): TFunction =>
  (key, vars) =>
    Object.entries(vars ?? {}).reduce((s, [k, v]) => s.replaceAll(`{${k}}`, String(v)), dict[key] ?? key);

const never: SeriesEnd = { kind: 'never' };
const cases: { r: Recurrence; end: SeriesEnd; zh: string; en: string }[] = [
  {
    r: { freq: 'weekly', weekday: 3 },
    end: never,
    zh: '每周三，长期',
    en: 'Weekly on Wednesday, no end date',
  },
  { r: { freq: 'weekly', weekday: 7 }, end: never, zh: '每周日，长期', en: 'Weekly on Sunday, no end date' },
  { r: { freq: 'monthly', day: 15 }, end: never, zh: '每月15日，长期', en: 'Monthly on day 15, no end date' },
  {
    r: { freq: 'monthly_weekday', nth: 2, weekday: 1 },
    end: { kind: 'until', date: '2027-06-30' },
    zh: '每月第 2 个星期一，截至 2027-06-30',
    en: 'Monthly on the second Monday, until 2027-06-30',
  },
  {
    r: { freq: 'monthly_weekday', nth: -1, weekday: 5 },
    end: { kind: 'count', count: 12 },
    zh: '每月最后一个星期五，共 12 次',
    en: 'Monthly on the last Friday, 12 meetings',
  },
];

describe('rhythmText: a series’ rhythm and end in words', () => {
  it.each(cases)('$zh', ({ r, end, zh: text }) => expect(rhythmText(r, end, tOf(zh))).toBe(text));
  it.each(cases)('$en', ({ r, end, en: text }) => expect(rhythmText(r, end, tOf(en))).toBe(text));
  it('names no Chinese in English', () => {
    for (const { r, end } of cases) expect(rhythmText(r, end, tOf(en))).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
