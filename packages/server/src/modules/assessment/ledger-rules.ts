/**
 * The ledger's pure rules (issue 15): what a row adds to a score, the manual rows' and exemptions'
 * states as tables (who may take which step from which state, four eyes), and where a row's cause
 * opens in the web client. No IO, no clock.
 */
import { Decimal, type CauseKind, type ManualRule } from '@ducha/contract';

export type RowStatus = 'effective' | 'pending' | 'rejected';
export type ExemptionState = 'requested' | 'approved' | 'rejected' | null;

/** A row counts when it is effective and not exempted; otherwise it adds 0. */
export const rowCounts = (status: RowStatus, exemption: ExemptionState) =>
  status === 'effective' && exemption !== 'approved';

/** What the row adds to the score, as "0.00" text. */
export const countedPoints = (points: string, status: RowStatus, exemption: ExemptionState) =>
  rowCounts(status, exemption) ? new Decimal(points).toFixed(2) : '0.00';

/** A manual row's signed points: an award adds its size, a penalty takes it. */
export const manualPoints = (rule: ManualRule, size: string) =>
  (rule === 'manual_award' ? new Decimal(size) : new Decimal(size).neg()).toFixed(2);

/**
 * A manual row's decision, as a table of (source, status) → allowed; the author never decides
 * their own row (four eyes). Null: allowed; otherwise the reason, in Chinese.
 */
export function decisionRefusal(
  row: { source: 'generated' | 'manual'; status: RowStatus; createdBy: number | null },
  actorId: number,
): string | null {
  if (row.source !== 'manual') return '系统生成的记录无需审核';
  if (row.status !== 'pending') return row.status === 'effective' ? '该记录已审核通过' : '该记录已被驳回';
  if (row.createdBy === actorId) return '不能审核自己录入的加减分，请由另一位工作人员或领导审核';
  return null;
}

/**
 * Asking an exemption (不可抗力等): only for a counted deduction, not while one is asked or granted.
 * A refused one may be asked again with a new reason.
 */
export function exemptionAskRefusal(row: {
  status: RowStatus;
  points: string;
  exemption: ExemptionState;
}): string | null {
  if (row.status !== 'effective') return '只有有效的记录可以申请豁免';
  if (!new Decimal(row.points).isNegative()) return '只有扣分记录可以申请豁免';
  if (row.exemption === 'requested') return '该记录已申请豁免，等待审核';
  if (row.exemption === 'approved') return '该记录已豁免';
  return null;
}

/** Deciding an asked exemption: not by the one who asked it. */
export function exemptionDecisionRefusal(
  row: { exemption: ExemptionState; requestedBy: number | null },
  actorId: number,
): string | null {
  if (row.exemption !== 'requested') return '该记录没有待审核的豁免申请';
  if (row.requestedBy === actorId) return '不能审核自己提出的豁免申请';
  return null;
}

const ym = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;

/**
 * Where a row's cause opens: the project's month report, the project (its lights), the item, the
 * meeting, the inspection; a row without one record behind it (a unit's pace, a cap) opens the
 * month's light board or the unit's rows of the rule.
 */
export function causeHref(c: {
  kind: CauseKind;
  id: number | null;
  projectId: number | null;
  year: number;
  month: number;
  unitId: number;
  rule: string;
}): string | null {
  switch (c.kind) {
    case 'report':
      return c.projectId === null ? null : `/projects/${c.projectId}/reports/${ym(c.year, c.month)}`;
    case 'light':
      if (c.projectId !== null) return `/projects/${c.projectId}`;
      return `/lights?month=${ym(c.year, c.month)}`;
    case 'item':
      return c.id === null ? null : `/items/${c.id}`;
    case 'meeting':
      return c.id === null ? null : `/meetings/${c.id}`;
    case 'inspection':
      return c.id === null ? null : `/inspections/${c.id}`;
    case 'manual':
      return null;
  }
}
