/**
 * Progress and lights (DOMAIN §5) as pure functions of a project-month's facts and the rules in
 * force. The month close loads facts for every project in one query, runs these, and saves.
 */
import { Decimal, type LightColor, type LightReason, type LightRules } from '@ducha/contract';

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

export type Timeliness = 'on_time' | 'late' | 'missing';

/** On time when first submitted by the end of the deadline day (Asia/Shanghai), late after, missing if never. */
export function timeliness(firstSubmittedDate: string | null, deadline: string): Timeliness {
  if (!firstSubmittedDate) return 'missing';
  return firstSubmittedDate <= deadline ? 'on_time' : 'late';
}

export interface MonthFacts {
  month: number;
  monthEnd: string;
  hasBaseline: boolean;
  annualPlan: string | null;
  plannedToDate: Decimal;
  doneToDate: Decimal;
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

/** The light of one project-month. */
export function computeLight(f: MonthFacts, rules: LightRules): LightResult {
  const reasons: LightReason[] = [];
  const pace = ratio(f.doneToDate, f.plannedToDate);
  const annual = f.annualPlan === null ? null : ratio(f.doneToDate, new Decimal(f.annualPlan));
  const started = f.actualStart !== null && f.actualStart <= f.monthEnd;
  if (rules.yellowOnStartOverdue && f.plannedStart !== null && f.plannedStart <= f.monthEnd && !started) {
    reasons.push({
      code: 'START_OVERDUE',
      values: { plannedStart: f.plannedStart },
      text: `计划 ${f.plannedStart} 开工，至月末未开工`,
    });
  }
  // decided on exact decimals; the 4-place ratio is for display
  const lagging = !f.plannedToDate.isZero() && f.doneToDate.lt(f.plannedToDate.times(rules.lagThreshold));
  if (f.hasBaseline && pace !== null && lagging) {
    reasons.push({
      code: 'LAG',
      values: {
        paceRatio: pace,
        threshold: rules.lagThreshold,
        plannedToDate: f.plannedToDate.toFixed(2),
        doneToDate: f.doneToDate.toFixed(2),
      },
      text: `序时完成率 ${f.doneToDate.div(f.plannedToDate).times(100).toDecimalPlaces(1, Decimal.ROUND_DOWN).toFixed(1)}%，低于 ${pct(rules.lagThreshold)}(序时计划 ${f.plannedToDate.toFixed(2)} 万元，完成 ${f.doneToDate.toFixed(2)} 万元)`,
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
  const streak = reasons.length ? (f.previous?.streak ?? 0) + 1 : 0;
  const color: LightColor = !reasons.length
    ? 'green'
    : streak >= rules.redAfterYellowMonths
      ? 'red'
      : 'yellow';
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
