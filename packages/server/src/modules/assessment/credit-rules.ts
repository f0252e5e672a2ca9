/**
 * Enterprise credit's pure rules (issue 15, seed 003): the grade of an evaluation score, the credit
 * record an evaluation writes, the directory's status machine as a table (which change, by whom),
 * the reason text of an evaluation's record, and where a record's cause opens in the web client.
 * No IO, no clock.
 */
import {
  Decimal,
  evaluationGradeLabels,
  evaluationKindLabels,
  type CreditCauseKind,
  type CreditKind,
  type EnterpriseStatus,
  type EvaluationGrade,
  type EvaluationKind,
} from '@ducha/contract';

/** The grade bands, highest first: 优秀 ≥ 90, 良好 ≥ 75, 合格 ≥ 60, 不合格 below. */
export const gradeBands: readonly { grade: EvaluationGrade; from: string }[] = [
  { grade: 'excellent', from: '90' },
  { grade: 'good', from: '75' },
  { grade: 'pass', from: '60' },
];

/** The grade of a score "0.00"–"100.00" (exact: 89.99 is 良好, 90 is 优秀). */
export function gradeOf(score: string): EvaluationGrade {
  const s = new Decimal(score);
  return gradeBands.find((b) => s.gte(b.from))?.grade ?? 'fail';
}

/** The credit record an evaluation of this grade writes: 优秀 a good one, 不合格 a bad one, else none. */
export const creditOfGrade = (g: EvaluationGrade): CreditKind | null =>
  g === 'excellent' ? 'good' : g === 'fail' ? 'bad' : null;

/** Who may take a step of the directory: the office over the firm's region, or the admin alone. */
export type StatusActor = 'office' | 'admin';
export type StatusAction = 'suspend' | 'restore' | 'remove' | 'readmit';

/**
 * The status machine (from → to): suspending (暂停承接) and removing (清出) an admitted firm,
 * restoring a suspended one and removing it are the office's; a removed firm re-enters the
 * directory only by the admin (清出 is meant to last: the office that removed it cannot undo it).
 */
export const statusSteps: Readonly<
  Record<EnterpriseStatus, Partial<Record<EnterpriseStatus, { action: StatusAction; by: StatusActor }>>>
> = {
  admitted: { suspended: { action: 'suspend', by: 'office' }, removed: { action: 'remove', by: 'office' } },
  suspended: { admitted: { action: 'restore', by: 'office' }, removed: { action: 'remove', by: 'office' } },
  removed: { admitted: { action: 'readmit', by: 'admin' } },
};

/** Null with the step's action, or the refusal in Chinese. */
export function statusChange(
  from: EnterpriseStatus,
  to: EnterpriseStatus,
  isAdmin: boolean,
): { action: StatusAction; refusal: null } | { action: null; refusal: string } {
  if (from === to) return { action: null, refusal: '企业已处于该状态' };
  const step = statusSteps[from][to];
  if (!step) return { action: null, refusal: '已清出的企业不能暂停承接' };
  if (step.by === 'admin' && !isAdmin)
    return { action: null, refusal: '已清出的企业重新入库须由系统管理员办理' };
  return { action: step.action, refusal: null };
}

/** Who may write evaluations and records about a firm in this status: not a removed one. */
export const evaluable = (s: EnterpriseStatus) => s !== 'removed';

/** The first day of a quarter, 'YYYY-MM-DD'. */
export const quarterStart = (year: number, quarter: number) =>
  `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`;

/** An evaluation is made once its quarter has begun: not dated before the quarter's first day. */
export const evaluatedTooEarly = (year: number, quarter: number, on: string) =>
  on < quarterStart(year, quarter);

/** The readable reason of an evaluation's credit record. */
export function evaluationReason(e: {
  year: number;
  quarter: number;
  kind: EvaluationKind;
  grade: EvaluationGrade;
  score: string;
  projectName: string;
}): string {
  const verdict = e.grade === 'excellent' ? '通报表扬，记入良好信用记录' : '约谈，记入不良行为记录';
  return `${e.year}年第${e.quarter}季度${evaluationKindLabels[e.kind]}代建考评${evaluationGradeLabels[e.grade]}（${new Decimal(e.score).toFixed(2)}分）：${e.projectName}，${verdict}`;
}

/** Where a credit record's cause opens in the web client (null for a manual one). */
export function creditCauseHref(
  kind: CreditCauseKind,
  id: number | null,
  enterpriseId: number,
): string | null {
  if (id === null || kind === 'manual') return null;
  if (kind === 'evaluation') return `/assessment/credit/enterprises/${enterpriseId}?evaluation=${id}`;
  return kind === 'inspection' ? `/inspections/${id}` : `/items/${id}`;
}
