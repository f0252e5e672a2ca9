// The theme rule's form options and the rule in words follow the UI's language: Chinese exactly as
// before, English for every code; the values stay the codes the server takes.
import { describe, expect, it } from 'vitest';
import {
  investmentNatureLabels,
  investmentNatures,
  listLevelLabels,
  listLevels,
  stageLabels,
  stages,
  type ThemeRule,
} from '@ducha/contract';
import type { TFunction } from '../../../app/i18n.tsx';
import { labelsOf } from '../../../app/labels.ts';
import { en } from '../../../app/messages/en.ts';
import { zh, type MsgKey } from '../../../app/messages/zh.ts';
import { ruleText, themeRuleOptions, type RuleDictLabels } from './themeRule.ts';

const tOf =
  (dict: Record<MsgKey, string>): TFunction =>
  (key, vars) =>
    Object.entries(vars ?? {}).reduce((s, [k, v]) => s.replaceAll(`{${k}}`, String(v)), dict[key] ?? key);
const zhT = tOf(zh);
const enT = tOf(en);
const zhL = labelsOf('zh', zhT);
const enL = labelsOf('en', enT);
const cjk = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

const selects = [
  { name: 'investmentNatures', codes: investmentNatures, zh: investmentNatureLabels },
  { name: 'stages', codes: stages, zh: stageLabels },
  { name: 'listLevels', codes: listLevels, zh: listLevelLabels },
] as const;

describe.each(selects)('the rule’s $name select', ({ name, codes, zh: zhTable }) => {
  it('offers every code, labelled with the contract’s Chinese in Chinese', () => {
    expect(themeRuleOptions(zhL)[name]).toEqual(
      codes.map((c) => ({ value: c, label: (zhTable as Record<string, string>)[c] })),
    );
  });
  it('labels every code in English in English', () => {
    const options = themeRuleOptions(enL)[name];
    expect(options.map((o) => o.value)).toEqual([...codes]);
    for (const o of options) {
      expect(o.label.trim(), o.value).not.toBe('');
      expect(o.label, o.value).not.toBe(o.value); // the fallback of a missing label
      expect(o.label, o.value).not.toMatch(cjk);
    }
    expect(new Set(options.map((o) => o.label)).size).toBe(options.length);
  });
});

const rule: ThemeRule = {
  investmentNatures: ['government', 'ppp'],
  minTotalInvestment: '2000.00',
  startedInYear: true,
  stages: ['new_start', 'continuing'],
  listLevels: ['city'],
  leaderLinked: true,
  sectors: ['工业'],
  tags: ['民生实事'],
  fundingSources: ['银行贷款'],
};
/** The dictionaries' labels as useDictLabel gives them (English when the entry has one). */
const dictOf = (labels: Record<string, string>): RuleDictLabels => {
  const f = (c: string) => labels[c] ?? c;
  return { sectors: f, tags: f, fundingSources: f };
};

describe('the rule in words', () => {
  it('reads in Chinese as it always did', () => {
    expect(ruleText(rule, zhT, zhL)).toBe(
      '政府投资/PPP；≥2000.00万元；本年计划或实际开工；新开工/续建；市重点；市领导联系或有责任领导；工业；民生实事；银行贷款',
    );
    expect(ruleText({}, zhT, zhL)).toBe('全部在库项目');
  });
  it('reads in English, the dictionary values by their English labels', () => {
    const dict = dictOf({ 工业: 'Industry', 民生实事: 'Livelihood project', 银行贷款: 'Bank loans' });
    const text = ruleText(rule, enT, enL, dict);
    expect(text).toBe(
      'Government/PPP; Total investment ≥ 2000.00 (10k yuan); Starting this year (planned or actual); New start/Continuing; City key; Linked to a city leader; Industry; Livelihood project; Bank loans',
    );
    expect(text).not.toMatch(cjk);
    expect(ruleText({}, enT, enL)).toBe('Every active project');
  });
});
