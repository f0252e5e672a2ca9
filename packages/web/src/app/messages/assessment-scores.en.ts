// English UI strings of assessment: schemes, the score ledger, rankings, score cards and warning cards.
import type { assessmentScoresZh } from './assessment-scores.zh.ts';

export const assessmentScoresEn: Record<keyof typeof assessmentScoresZh, string> = {
  'menu.assessmentGroup': 'Assessment',
};
