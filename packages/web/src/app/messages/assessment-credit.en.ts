// English UI strings of assessment: enterprise credit (directory, evaluations, credit records, the public list).
import type { assessmentCreditZh } from './assessment-credit.zh.ts';

export const assessmentCreditEn: Record<keyof typeof assessmentCreditZh, string> = {};
