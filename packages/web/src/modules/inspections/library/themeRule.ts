// A theme's eligible-project rule in the UI's language: the options of its form (ThemeForm) and the
// rule in words (the themes table). Codes are sent and stored; only their labels follow the language.
import { investmentNatures, listLevels, stages, type ThemeRule } from '@ducha/contract';
import type { TFunction } from '../../../app/i18n.tsx';
import type { labelsOf } from '../../../app/labels.ts';

type Labels = Pick<ReturnType<typeof labelsOf>, 'lang' | 'nature' | 'stage' | 'listLevel'>;
/** A dictionary code's label (useDictLabel), for the rule's sectors, tags and funding sources. */
export type RuleDictLabels = Record<'sectors' | 'tags' | 'fundingSources', (code: string) => string>;

const opts = (xs: readonly string[], label: (x: string) => string) =>
  xs.map((x) => ({ value: x, label: label(x) }));

/** The options of the rule's enum selects: investment natures, stages, list levels. */
export function themeRuleOptions(L: Labels) {
  return {
    investmentNatures: opts(investmentNatures, L.nature),
    stages: opts(stages, L.stage),
    listLevels: opts(listLevels, L.listLevel),
  };
}

/** The rule in words, for the themes table. */
export function ruleText(r: ThemeRule, t: TFunction, L: Labels, dict?: RuleDictLabels): string {
  const parts: string[] = [];
  if (r.investmentNatures) parts.push(r.investmentNatures.map(L.nature).join('/'));
  if (r.minTotalInvestment) parts.push(t('ilib.rule.minInvestmentText', { n: r.minTotalInvestment }));
  if (r.startedInYear) parts.push(t('ilib.rule.startedInYear'));
  if (r.stages) parts.push(r.stages.map(L.stage).join('/'));
  if (r.listLevels) parts.push(r.listLevels.map(L.listLevel).join('/'));
  if (r.leaderLinked) parts.push(t('ilib.rule.leaderLinked'));
  for (const k of ['sectors', 'tags', 'fundingSources'] as const)
    if (r[k]) parts.push(r[k].map((c) => dict?.[k](c) ?? c).join('/'));
  return parts.length ? parts.join(L.lang === 'zh' ? '；' : '; ') : t('ilib.rule.any');
}
