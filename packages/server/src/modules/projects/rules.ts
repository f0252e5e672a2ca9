/** Pure rules of the registry: stages implied by actual dates, and the monthly split of an annual plan. */
import { Decimal, stageLabels, stages, type Stage } from '@ducha/contract';

export const stageRank = (s: Stage) => stages.indexOf(s);

export interface ActualDates {
  actualStart: string | null;
  actualCompletion: string | null;
  actualProduction: string | null;
}

/** The day an implied stage began (its stage event's date): the actual date that implies it, else today. */
export const impliedDate = (s: Stage, d: ActualDates, today: string) =>
  (s === 'operating' ? d.actualProduction : s === 'completed' ? d.actualCompletion : d.actualStart) ?? today;

/**
 * The earliest stage the actual dates allow: a project that has started is at least 续建 (it has
 * left 前期 and 新开工), one that is completed at least 竣工, one in production 投产.
 */
export function stageFloor(d: ActualDates): Stage | null {
  if (d.actualProduction) return 'operating';
  if (d.actualCompletion) return 'completed';
  if (d.actualStart) return 'continuing';
  return null;
}

/** The stage after dates change: moved up to the floor the dates imply, never down. */
export function stageAfterDates(current: Stage, d: ActualDates): Stage {
  const floor = stageFloor(d);
  return floor && stageRank(floor) > stageRank(current) ? floor : current;
}

/** Why a stage is not possible with these dates (a Chinese message), or null. */
export function stageError(s: Stage, d: ActualDates): string | null {
  const floor = stageFloor(d);
  if (floor && stageRank(s) < stageRank(floor)) return `已填实际日期的项目不能处于「${stageLabels[s]}」阶段`;
  if (stageRank(s) >= stageRank('continuing') && !d.actualStart) return '续建及以后阶段须先填写实际开工日期';
  if (stageRank(s) >= stageRank('completed') && !d.actualCompletion)
    return '竣工及以后阶段须先填写实际竣工日期';
  if (s === 'operating' && !d.actualProduction) return '投产阶段须先填写实际投产日期';
  return null;
}

/** Actual dates must run start ≤ completion ≤ production. */
export function dateOrderError(
  d: ActualDates & { plannedStart?: string | null; plannedCompletion?: string | null },
): { field: string; message: string } | null {
  if (d.actualStart && d.actualCompletion && d.actualCompletion < d.actualStart)
    return { field: 'actualCompletion', message: '实际竣工日期不能早于实际开工日期' };
  if (d.actualCompletion && d.actualProduction && d.actualProduction < d.actualCompletion)
    return { field: 'actualProduction', message: '实际投产日期不能早于实际竣工日期' };
  if (!d.actualStart && (d.actualCompletion || d.actualProduction))
    return { field: 'actualStart', message: '请先填写实际开工日期' };
  if (d.plannedStart && d.plannedCompletion && d.plannedCompletion < d.plannedStart)
    return { field: 'plannedCompletion', message: '计划竣工日期不能早于计划开工日期' };
  return null;
}

/**
 * Splits an annual amount into 12 monthly amounts that sum to it exactly: equal shares rounded
 * down to the cent, the remaining cents added one each to the last months (a plan's tail carries
 * the rounding, as offices do by hand).
 */
export function proRata(annual: string): string[] {
  // all in Decimal: amounts up to 10^14 万元 exceed a double's exact integer range in cents
  const cents = new Decimal(annual).times(100);
  const sign = cents.isNegative() ? -1 : 1;
  const total = cents.abs();
  const base = total.divToInt(12);
  const extra = total.minus(base.times(12)).toNumber();
  return Array.from({ length: 12 }, (_, i) =>
    base
      .plus(i >= 12 - extra ? 1 : 0)
      .times(sign)
      .div(100)
      .toFixed(2),
  );
}

/** Null when the 12 months sum exactly to the annual amount, else a message naming both. */
export function monthlySumError(annual: string, monthly: readonly string[]): string | null {
  if (monthly.length !== 12) return '分月计划应有 12 个月';
  const total = monthly.reduce((acc, m) => acc.plus(m), new Decimal(0));
  return total.equals(annual)
    ? null
    : `分月计划合计 ${total.toFixed(2)} 万元，与年度计划 ${new Decimal(annual).toFixed(2)} 万元不一致`;
}

/**
 * 起报月份: a project owes the monthly report of `ym` ('YYYY-MM') from its reports-from month on
 * (`reportsFrom` as stored, the month's first day, or as 'YYYY-MM'); before it, nothing is missing.
 */
export const owesReport = (reportsFrom: string, ym: string) => ym >= reportsFrom.slice(0, 7);

/** The stored reports-from date of a 'YYYY-MM' month, and back. */
export const reportsFromDate = (ym: string) => `${ym.slice(0, 7)}-01`;
export const reportsFromMonth = (date: string) => date.slice(0, 7);
