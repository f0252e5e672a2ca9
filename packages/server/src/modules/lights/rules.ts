/**
 * Progress and lights (DOMAIN §5) as pure functions of a project-month's facts and the rules in
 * force. The month close loads facts for every project in one query, runs these, and saves.
 */
import { Decimal, type LightColor, type LightReason, type LightRules } from '@ducha/contract';
import type { Timeliness } from '../reports/index.ts';

/** 序时计划: the baseline's monthly amounts for months 1..m; without monthly amounts, annual × m/12. */
export function plannedToDate(m: number, annual: string | null, monthly: readonly string[] | null): Decimal {
  if (monthly && monthly.length === 12)
    return monthly.slice(0, m).reduce((a, x) => a.plus(x), new Decimal(0));
  if (annual === null) return new Decimal(0);
  return new Decimal(annual).times(m).div(12).toDecimalPlaces(2);
}

/** done / planned; null when nothing was planned (no plan, or a zero plan to date). */
export function ratio(done: Decimal, planned: Decimal): number | null {
  return planned.isZero() ? null : done.div(planned).toDecimalPlaces(4).toNumber();
}

/**
 * Money as integer cents (bigint), for the month close: exact like Decimal and many times faster
 * over thousands of projects. `cents` reads a decimal text with at most two places ("1234.5",
 * "-0.01", "100"); more places would not be whole cents and are refused.
 */
export function cents(text: string): bigint {
  const m = /^(-?)(\d+)(?:\.(\d{0,2}))?$/.exec(text);
  if (!m) throw new Error(`not an amount in cents: ${text}`);
  const c = BigInt(m[2]!) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -c : c;
}

/** Cents back to the "1234.50" text money travels as. */
export function fromCents(c: bigint): string {
  const a = c < 0n ? -c : c;
  return `${c < 0n ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
}

/** `ratio` on cents: done / planned to 4 places, rounded half up; null when planned is 0. */
export function centsRatio(done: bigint, planned: bigint): number | null {
  if (planned === 0n) return null;
  const [x, y] = [done < 0n ? -done : done, planned < 0n ? -planned : planned];
  const q = (20000n * x + y) / (2n * y); // |ratio| × 10⁴, ties away from zero (Decimal's ROUND_HALF_UP)
  // read through its decimal text, as Decimal#toNumber does (exact past 2^53, keeps the sign of -0)
  return Number(
    `${done < 0n !== planned < 0n ? '-' : ''}${q / 10000n}.${String(q % 10000n).padStart(4, '0')}`,
  );
}

/** A threshold such as 0.9 as the exact fraction its decimal text denotes: [9n, 10n]. */
export function fraction(x: number): [bigint, bigint] {
  const [mantissa = '0', exp = '0'] = String(x).split('e');
  const [int = '0', dec = ''] = mantissa.split('.');
  const e = Number(exp) - dec.length;
  const n = BigInt(int + dec);
  return e >= 0 ? [n * 10n ** BigInt(e), 1n] : [n, 10n ** BigInt(-e)];
}

/** done / planned as a percentage cut (not rounded) to one place: "89.9". planned ≠ 0. */
function percentDown(done: bigint, planned: bigint): string {
  const q = (done * 1000n) / planned; // bigint division truncates toward zero
  const a = q < 0n ? -q : q;
  return `${q < 0n ? '-' : ''}${a / 10n}.${a % 10n}`;
}

/**
 * A month is closed (or published) only once it has ended in China: `today` (Asia/Shanghai,
 * 'YYYY-MM-DD') falls in a later month. The current month and future months are refused.
 */
export const monthEnded = (y: number, m: number, today: string) =>
  today.slice(0, 7) > `${y}-${String(m).padStart(2, '0')}`;

export interface MonthFacts {
  month: number;
  monthEnd: string;
  hasBaseline: boolean;
  /** money in cents */
  annualPlan: bigint | null;
  plannedToDate: bigint;
  doneToDate: bigint;
  plannedStart: string | null;
  actualStart: string | null;
  /** names of baseline milestones planned on or before month end and not reached by then */
  overdueMilestones: string[];
  /** the month's report: null when none was submitted by the close */
  timeliness: Timeliness;
  /** the previous month's computed light, if any */
  previous: { streak: number; redStreak: number } | null;
}

export interface LightResult {
  color: LightColor;
  reasons: LightReason[];
  streak: number;
  redStreak: number;
  referral: boolean;
  paceRatio: number | null;
  annualRatio: number | null;
}

// rounded down, so a pace just under the threshold never reads as equal to it
const pct = (r: number) => `${(Math.floor(r * 1000) / 10).toFixed(1)}%`;

/** Whether a month without a baseline in force is a cause of yellow under `rules` (see lightRules). */
export const noBaselineYellow = (month: number, rules: LightRules) =>
  rules.noBaselineYellowFromMonth !== null &&
  rules.noBaselineYellowFromMonth !== undefined &&
  month >= rules.noBaselineYellowFromMonth;

/** The light of one project-month. */
export function computeLight(f: MonthFacts, rules: LightRules): LightResult {
  const reasons: LightReason[] = [];
  const pace = centsRatio(f.doneToDate, f.plannedToDate);
  const annual = f.annualPlan === null ? null : centsRatio(f.doneToDate, f.annualPlan);
  const started = f.actualStart !== null && f.actualStart <= f.monthEnd;
  if (!f.hasBaseline) {
    // said in any case (no silent green); a cause of yellow from the configured month on
    const from = rules.noBaselineYellowFromMonth ?? null;
    reasons.push({
      code: 'NO_BASELINE',
      values: { month: f.month, yellowFromMonth: from },
      text: '无基线：本月无生效的年度计划',
    });
  }
  if (rules.yellowOnStartOverdue && f.plannedStart !== null && f.plannedStart <= f.monthEnd && !started) {
    reasons.push({
      code: 'START_OVERDUE',
      values: { plannedStart: f.plannedStart },
      text: `计划 ${f.plannedStart} 开工，至月末未开工`,
    });
  }
  // decided on exact amounts (done < planned × n/d); the 4-place ratio is for display
  const [n, d] = fraction(rules.lagThreshold);
  const lagging = f.plannedToDate !== 0n && f.doneToDate * d < f.plannedToDate * n;
  if (f.hasBaseline && pace !== null && lagging) {
    const planned = fromCents(f.plannedToDate);
    const done = fromCents(f.doneToDate);
    reasons.push({
      code: 'LAG',
      values: { paceRatio: pace, threshold: rules.lagThreshold, plannedToDate: planned, doneToDate: done },
      text: `序时完成率 ${percentDown(f.doneToDate, f.plannedToDate)}%，低于 ${pct(rules.lagThreshold)}(序时计划 ${planned} 万元，完成 ${done} 万元)`,
    });
  }
  if (rules.yellowOnMilestoneOverdue && f.overdueMilestones.length) {
    reasons.push({
      code: 'MILESTONE_OVERDUE',
      values: { count: f.overdueMilestones.length, milestones: f.overdueMilestones.join('、') },
      text: `节点逾期：${f.overdueMilestones.join('、')}`,
    });
  }
  if (rules.yellowOnReportMissing && f.timeliness === 'missing') {
    reasons.push({ code: 'REPORT_MISSING', values: { month: f.month }, text: `${f.month} 月月报未报送` });
  }
  const caused = reasons.some((r) => r.code !== 'NO_BASELINE' || noBaselineYellow(f.month, rules));
  const streak = caused ? (f.previous?.streak ?? 0) + 1 : 0;
  const color: LightColor = !caused ? 'green' : streak >= rules.redAfterYellowMonths ? 'red' : 'yellow';
  if (color === 'red')
    reasons.push({
      code: 'YELLOW_STREAK',
      values: { months: streak },
      text: `连续 ${streak} 个月未消除预警，转为红灯`,
    });
  const redStreak = color === 'red' ? (f.previous?.redStreak ?? 0) + 1 : 0;
  const referral = redStreak >= rules.referralAfterRedMonths;
  if (referral)
    reasons.push({
      code: 'RED_STREAK',
      values: { months: redStreak },
      text: `连续 ${redStreak} 个月红灯，移交纪检监察问责`,
    });
  return { color, reasons, streak, redStreak, referral, paceRatio: pace, annualRatio: annual };
}
