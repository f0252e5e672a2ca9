// The scores pages' pure rules: periods (month, half year, year), the drill-down from a score to its
// ledger rows, who may decide a manual row or an exemption (four eyes), points and 序时完成率 as read.
import { Decimal, type Me, type Role, type ScoreRow } from '@ducha/contract';

export type PeriodKind = 'month' | 'half' | 'year';
export interface PeriodPick {
  kind: PeriodKind;
  year: number;
  /** 1..12 for a month, 1 or 2 for a half year */
  part: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The API's period: `2026-11`, `2026-H1`, `2026`. */
export function periodOf(p: PeriodPick): string {
  if (p.kind === 'year') return String(p.year);
  if (p.kind === 'half') return `${p.year}-H${p.part === 2 ? 2 : 1}`;
  return `${p.year}-${pad(p.part)}`;
}

/** The pick of a period string; null when it is not one (an address typed by hand). */
export function parsePeriod(s: string | null | undefined): PeriodPick | null {
  const m = /^(\d{4})(?:-(0[1-9]|1[0-2]|H1|H2))?$/.exec(s ?? '');
  if (!m) return null;
  const year = Number(m[1]);
  const rest = m[2];
  if (!rest) return { kind: 'year', year, part: 1 };
  if (rest.startsWith('H')) return { kind: 'half', year, part: Number(rest.slice(1)) };
  return { kind: 'month', year, part: Number(rest) };
}

/** The months a period covers, first and last. */
export function periodMonths(p: PeriodPick): [number, number] {
  if (p.kind === 'month') return [p.part, p.part];
  if (p.kind === 'half') return p.part === 2 ? [7, 12] : [1, 6];
  return [1, 12];
}

/**
 * Where a unit's score of a period opens: the ledger filtered to the unit, the year and, for a month,
 * the month (the ledger filters by one month or the year: a half year opens its year).
 */
export function ledgerLink(unitId: number, period: string, regionCode?: string): string {
  const p = parsePeriod(period);
  const sp = new URLSearchParams({ unitId: String(unitId) });
  if (p) sp.set('year', String(p.year));
  if (p?.kind === 'month') sp.set('month', String(p.part));
  if (regionCode) sp.set('regionCode', regionCode);
  return `/scores/ledger?${sp.toString()}`;
}

/** Roles that decide manual rows and exemptions (the server checks the region and the author). */
export const deciderRoles: readonly Role[] = ['admin', 'office', 'leader'];
/** Roles that write manual rows, recompute and keep schemes and cards. */
export const managerRoles: readonly Role[] = ['admin', 'office'];

/**
 * Four eyes: a pending manual row is decided by a decider who is not its author (compared by account:
 * two people may share a name). The server refuses the author in any case.
 */
export function mayDecideRow(row: Pick<ScoreRow, 'status' | 'source' | 'createdById'>, me: Me): boolean {
  return (
    row.source === 'manual' &&
    row.status === 'pending' &&
    deciderRoles.includes(me.role) &&
    row.createdById !== me.id
  );
}

/** An exemption waiting for a decision, shown to a decider who did not ask it. */
export function mayDecideExemption(row: Pick<ScoreRow, 'exemption'>, me: Me): boolean {
  return (
    row.exemption?.status === 'requested' &&
    deciderRoles.includes(me.role) &&
    row.exemption.requestedById !== me.id
  );
}

/**
 * An exemption may be asked on an effective deduction with none pending or granted, by the office or
 * the unit's own staff.
 */
export function mayAskExemption(
  row: Pick<ScoreRow, 'status' | 'points' | 'exemption' | 'unitId'>,
  me: Me,
): boolean {
  if (row.status !== 'effective' || !new Decimal(row.points).isNegative()) return false;
  if (row.exemption && row.exemption.status !== 'rejected') return false;
  return managerRoles.includes(me.role) || (me.role === 'unit' && me.unitId === row.unitId);
}

/** Points as read: a sign on bonuses too (+0.50, −2.00, 0.00). */
export function signedPoints(points: string): string {
  const d = new Decimal(points);
  if (d.isZero()) return '0.00';
  return d.isNegative() ? `−${d.abs().toFixed(2)}` : `+${d.toFixed(2)}`;
}

/** 序时完成率 text "0.6200" as a percentage, cut like the server's reasons; '-' without a plan. */
export function paceText(pace: string | null): string {
  if (pace === null) return '-';
  return `${new Decimal(pace).times(100).toDecimalPlaces(1, Decimal.ROUND_DOWN).toFixed(1)}%`;
}

/** The last month of the year whose ledger exists, else the previous calendar month. */
export function defaultMonth(today: string): PeriodPick {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return m === 1 ? { kind: 'month', year: y - 1, part: 12 } : { kind: 'month', year: y, part: m - 1 };
}

/**
 * The months of a period a recompute may run (重新计算本期): the period's, up to the month of
 * `today`; null when the period has not begun.
 */
export function recomputableMonths(p: PeriodPick, today: string): [number, number] | null {
  const [from, to] = periodMonths(p);
  const [ty, tm] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  if (p.year > ty || (p.year === ty && from > tm)) return null;
  return [from, p.year < ty ? to : Math.min(to, tm)];
}

/**
 * The board's period: the address's, else the latest month of the year whose ledger exists
 * (`months`, as the ranking of the year names them), else last month.
 */
export function boardPeriod(address: string | null, months: readonly string[], today: string): PeriodPick {
  const explicit = parsePeriod(address);
  if (explicit) return explicit;
  const latest = [...months].sort().at(-1);
  return (latest ? parsePeriod(latest) : null) ?? defaultMonth(today);
}
