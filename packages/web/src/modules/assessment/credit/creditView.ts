// Enterprise credit's view rules: the status steps the dialog offers (the server's status machine,
// so a refused step is never offered), the grade an entered score will get (the same bands as the
// server: 优秀 ≥ 90, 良好 ≥ 75, 合格 ≥ 60) and what it records, and the tags' colours.
import {
  Decimal,
  type CreditKind,
  type EnterpriseStatus,
  type EvaluationGrade,
  type Role,
} from '@ducha/contract';

/** The statuses a firm in `from` may be moved to by `role` (a removed firm: the admin alone). */
export function statusTargets(from: EnterpriseStatus, role: Role): EnterpriseStatus[] {
  if (from === 'admitted') return ['suspended', 'removed'];
  if (from === 'suspended') return ['admitted', 'removed'];
  return role === 'admin' ? ['admitted'] : [];
}

const scorePattern = /^\d{1,3}(\.\d{1,2})?$/;

/** The grade of a score as typed, or null while it is no valid score (0–100, two decimals). */
export function gradePreview(score: string | number | null | undefined): EvaluationGrade | null {
  const s = score === null || score === undefined ? '' : String(score).trim();
  if (!scorePattern.test(s) || new Decimal(s).gt(100)) return null;
  const d = new Decimal(s);
  return d.gte(90) ? 'excellent' : d.gte(75) ? 'good' : d.gte(60) ? 'pass' : 'fail';
}

/** The credit record an evaluation of this grade writes with it. */
export const recordOfGrade = (g: EvaluationGrade): CreditKind | null =>
  g === 'excellent' ? 'good' : g === 'fail' ? 'bad' : null;

export const gradeColors: Record<EvaluationGrade, string> = {
  excellent: 'green',
  good: 'blue',
  pass: 'default',
  fail: 'red',
};
export const statusColors: Record<EnterpriseStatus, string> = {
  admitted: 'green',
  suspended: 'orange',
  removed: 'default',
};
export const creditColors: Record<CreditKind, string> = { good: 'green', bad: 'red' };

/** The quarter a date falls in, for the evaluation form's defaults. */
export const quarterOf = (isoDate: string) => Math.floor((Number(isoDate.slice(5, 7)) - 1) / 3) + 1;
