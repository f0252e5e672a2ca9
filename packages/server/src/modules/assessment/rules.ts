/**
 * The ledger engine's pure rules (issue 15): a month's facts and a scheme's config in, the month's
 * row drafts out, each with its readable reason and the fact key that keeps a recompute writing the
 * same rows. No IO, no clock. Only units in the scheme's groups are assessed; a disabled rule
 * produces nothing; `weight` multiplies a rule's points; `perItemCap` bounds one item's month (and
 * `cap` one unit's pace row, which is a single row) inside the row, with the bound in its reason;
 * `cap` over a rule's several rows of a unit and month is one cap row giving back the excess, so a
 * score stays the plain sum of its rows and every point is explained.
 */
import {
  Decimal,
  type CauseKind,
  type GeneratedRule,
  type SchemeConfig,
  type SchemeRule,
} from '@ducha/contract';

export interface MonthFacts {
  year: number;
  month: number;
  reports: {
    projectId: number;
    projectName: string;
    unitId: number | null;
    reportId: number | null;
    state: 'late' | 'missing';
    deadline: string;
    submitted: string | null;
  }[];
  lights: { projectId: number; projectName: string; unitId: number; red: boolean; referral: boolean }[];
  overdueItems: {
    itemId: number;
    code: string;
    title: string;
    unitId: number;
    projectId: number | null;
    dueDate: string;
    days: number;
  }[];
  closedItems: {
    itemId: number;
    code: string;
    title: string;
    unitId: number;
    projectId: number | null;
    dueDate: string;
    closedOn: string;
  }[];
  absences: { meetingId: number; title: string; heldOn: string; unitId: number }[];
  paces: { unitId: number; planned: string; done: string; pace: string | null }[];
}

/** A month with no facts (each kind's part of a month is laid over it). */
export const noFacts = (year: number, month: number): MonthFacts => ({
  year,
  month,
  reports: [],
  lights: [],
  overdueItems: [],
  closedItems: [],
  absences: [],
  paces: [],
});

export interface RowDraft {
  unitId: number;
  rule: GeneratedRule;
  /** signed, two places */
  points: string;
  reason: string;
  causeKind: CauseKind;
  causeId: number | null;
  projectId: number | null;
  factKey: string;
}

/** An assessed unit's month: its plan, done and 序时完成率 over its lead projects. */
export interface UnitMonth {
  unitId: number;
  planned: string;
  done: string;
  pace: string | null;
}

/** A signed figure as reasons show it: "−3.80", "+0.50". */
export const signed = (d: Decimal) => (d.isNegative() ? `−${d.abs().toFixed(2)}` : `+${d.toFixed(2)}`);
const plain = (d: Decimal) => (d.isNegative() ? `−${d.abs().toFixed(2)}` : d.toFixed(2));
const two = (d: Decimal) => new Decimal(d.toFixed(2));

/** The rule's points with its weight applied ("× 1.5" shown only when the weight is not 1). */
function weighted(r: SchemeRule, base: Decimal) {
  const w = new Decimal(r.weight);
  return { points: two(base.times(w)), note: w.eq(1) ? '' : ` × 权重 ${w.toString()}` };
}

/** One row of `n` times the rule's points, bounded by `bound` (absolute) when given. */
function scaledOnce(r: SchemeRule, n: Decimal, bound: string | null, unitLabel: string) {
  const raw = weighted(r, new Decimal(r.points).times(n));
  const formula = n.eq(1)
    ? `${plain(new Decimal(r.points))}${raw.note}`
    : `${plain(new Decimal(r.points))} × ${n.toString()}${unitLabel}${raw.note}`;
  if (bound !== null && raw.points.abs().gt(bound)) {
    const capped = new Decimal(bound).times(raw.points.isNegative() ? -1 : 1);
    return {
      points: capped.toFixed(2),
      text: `${formula} = ${signed(raw.points)}，封顶 ${bound} 分：${signed(capped)}`,
    };
  }
  return { points: raw.points.toFixed(2), text: `${formula} = ${signed(raw.points)}` };
}

/**
 * `scaledOnce`, remembered per rule and count for one build: a month has thousands of rows but
 * only a few distinct (rule, count) pairs, and exact decimals are costly enough to add up.
 */
function scaler() {
  const memo = new Map<string, { points: string; text: string }>();
  return (r: SchemeRule, n: number, bound: string | null, unitLabel: string) => {
    const k = `${r.code}:${n}`;
    let hit = memo.get(k);
    if (!hit) memo.set(k, (hit = scaledOnce(r, new Decimal(n), bound, unitLabel)));
    return hit;
  };
}

const monthLabel = (m: number) => `${m}月`;

/** The month's rows of the scheme from its facts, caps included, in a stable order. */
export function buildRows(facts: MonthFacts, config: SchemeConfig): RowDraft[] {
  const assessed = new Set(config.groups.flatMap((g) => g.unitIds));
  const rules = new Map(config.rules.filter((r) => r.enabled).map((r) => [r.code, r]));
  const out: RowDraft[] = [];
  const push = (
    code: GeneratedRule,
    unitId: number | null,
    make: (r: SchemeRule) => Omit<RowDraft, 'unitId' | 'rule'>,
  ) => {
    const r = rules.get(code);
    if (!r || unitId === null || !assessed.has(unitId)) return;
    out.push({ unitId, rule: code, ...make(r) });
  };
  const m = monthLabel(facts.month);
  const scaled = scaler();
  const one = 1;

  for (const f of facts.reports) {
    const rule = f.state === 'late' ? 'report_late' : 'report_missing';
    push(rule, f.unitId, (r) => {
      const s = scaled(r, one, null, '');
      const what =
        f.state === 'late'
          ? `${m}月报迟报(截止 ${f.deadline}，${f.submitted} 报送)`
          : `${m}月报漏报(截止 ${f.deadline})`;
      return {
        points: s.points,
        reason: `项目「${f.projectName}」${what}：${s.text}`,
        causeKind: 'report',
        causeId: f.reportId,
        projectId: f.projectId,
        factKey: `${rule}:p${f.projectId}`,
      };
    });
  }
  for (const f of facts.lights) {
    if (f.red)
      push('red_light', f.unitId, (r) => {
        const s = scaled(r, one, null, '');
        return {
          points: s.points,
          reason: `项目「${f.projectName}」${m}亮红灯：${s.text}`,
          causeKind: 'light',
          causeId: f.projectId,
          projectId: f.projectId,
          factKey: `red_light:p${f.projectId}`,
        };
      });
    if (f.referral)
      push('referral', f.unitId, (r) => {
        const s = scaled(r, one, null, '');
        return {
          points: s.points,
          reason: `项目「${f.projectName}」连续两月亮红灯，${m}移送问责：${s.text}`,
          causeKind: 'light',
          causeId: f.projectId,
          projectId: f.projectId,
          factKey: `referral:p${f.projectId}`,
        };
      });
  }
  for (const f of facts.overdueItems)
    push('item_overdue', f.unitId, (r) => {
      const s = scaled(r, f.days, r.perItemCap, ' 个工作日');
      return {
        points: s.points,
        reason: `督办事项 ${f.code}「${f.title}」逾期未办结(办理时限 ${f.dueDate})，${m}逾期 ${f.days} 个工作日：${s.text}`,
        causeKind: 'item',
        causeId: f.itemId,
        projectId: f.projectId,
        factKey: `item_overdue:i${f.itemId}`,
      };
    });
  for (const f of facts.closedItems)
    push('item_early_close', f.unitId, (r) => {
      const s = scaled(r, one, null, '');
      return {
        points: s.points,
        reason: `督办事项 ${f.code}「${f.title}」${f.closedOn} 销号，早于办理时限 ${f.dueDate}：${s.text}`,
        causeKind: 'item',
        causeId: f.itemId,
        projectId: f.projectId,
        factKey: `item_early_close:i${f.itemId}`,
      };
    });
  for (const f of facts.absences)
    push('meeting_absence', f.unitId, (r) => {
      const s = scaled(r, one, null, '');
      return {
        points: s.points,
        reason: `${f.heldOn}「${f.title}」无故缺席：${s.text}`,
        causeKind: 'meeting',
        causeId: f.meetingId,
        projectId: null,
        factKey: `meeting_absence:m${f.meetingId}:u${f.unitId}`,
      };
    });
  for (const f of facts.paces)
    if (f.pace !== null) push('investment_pace', f.unitId, (r) => paceRow(r, f.pace!, f.unitId));

  return [...out, ...capRows(out, rules)];
}

/** The pace row: points × (ratio − 1), within ±cap (one row per unit, so the bound is in the row). */
export function paceRow(r: SchemeRule, pace: string, unitId: number): Omit<RowDraft, 'unitId' | 'rule'> {
  const p = new Decimal(pace);
  const raw = weighted(r, new Decimal(r.points).times(p.minus(1)));
  let points = raw.points;
  let text = `${new Decimal(r.points).toFixed(2)} × (${p.toFixed(4)} − 1)${raw.note} = ${signed(points)}`;
  if (r.cap !== null && points.abs().gt(r.cap)) {
    points = new Decimal(r.cap).times(points.isNegative() ? -1 : 1);
    text += `，封顶 ±${r.cap} 分：${signed(points)}`;
  }
  return {
    points: points.toFixed(2),
    reason: `序时完成率 ${p.times(100).toFixed(2)}%，${text}`,
    causeKind: 'light',
    causeId: null,
    projectId: null,
    factKey: `investment_pace:u${unitId}`,
  };
}

/** Rules whose cap bounds several rows of a unit and month (the pace row bounds itself). */
const capped = (code: GeneratedRule) => code !== 'investment_pace';

/**
 * One cap row per unit and rule whose rows pass the rule's cap in the month: it gives back the
 * excess (the total beyond ±cap), so the rule adds exactly ±cap.
 */
export function capRows(
  rows: readonly RowDraft[],
  rules: ReadonlyMap<GeneratedRule, SchemeRule>,
): RowDraft[] {
  // sums in exact integer cents: points always travel with two places ("-1.00")
  const totals = new Map<string, { unitId: number; rule: GeneratedRule; sum: bigint; kind: CauseKind }>();
  for (const r of rows) {
    if (!capped(r.rule) || rules.get(r.rule)?.cap == null) continue;
    const k = `${r.rule}:u${r.unitId}`;
    const t = totals.get(k);
    const c = BigInt(r.points.replace('.', ''));
    if (t) t.sum += c;
    else totals.set(k, { unitId: r.unitId, rule: r.rule, sum: c, kind: r.causeKind });
  }
  const out: RowDraft[] = [];
  for (const [k, t] of totals) {
    const cap = new Decimal(rules.get(t.rule)!.cap!);
    const sum = new Decimal(t.sum.toString()).div(100);
    if (sum.abs().lte(cap)) continue;
    const back = sum
      .abs()
      .minus(cap)
      .times(sum.isNegative() ? 1 : -1);
    const what = sum.isNegative() ? '扣分' : '加分';
    out.push({
      unitId: t.unitId,
      rule: t.rule,
      points: back.toFixed(2),
      reason: `本月该项${what}合计 ${signed(sum)}，超过封顶 ${cap.toFixed(2)} 分的部分不计：${signed(back)}`,
      causeKind: t.kind,
      causeId: null,
      projectId: null,
      factKey: `cap:${k}`,
    });
  }
  return out;
}

/** Every assessed unit's month (those without lead projects lit: no plan, no pace). */
export function unitMonths(facts: MonthFacts, config: SchemeConfig): UnitMonth[] {
  const byUnit = new Map(facts.paces.map((p) => [p.unitId, p]));
  const ids = [...new Set(config.groups.flatMap((g) => g.unitIds))].sort((a, b) => a - b);
  return ids.map((unitId) => {
    const p = byUnit.get(unitId);
    return {
      unitId,
      planned: new Decimal(p?.planned ?? 0).toFixed(2),
      done: new Decimal(p?.done ?? 0).toFixed(2),
      pace: p?.pace ?? null,
    };
  });
}
