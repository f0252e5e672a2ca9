/**
 * Portfolio indicators of a month (DOMAIN §5): 开工率, 年度投资完成率, 序时完成率, light counts and
 * 正常率, in total and by list, batch, sector, region, lead unit and leader. Pure: computed from the
 * same rows the lights were, so the dashboard and the bulletins can never disagree.
 */
import { Decimal, type IndicatorRow, type LightColor } from '@ducha/contract';

export interface ProjectMonth {
  sector: string;
  region_name: string;
  lead_unit: string | null;
  leader: string | null;
  planned_investment: string | null;
  lists: { list: string; batch: string }[];
  plannedToDate: Decimal;
  doneToDate: Decimal;
  color: LightColor;
  started: boolean;
  plannedToStart: boolean;
}

const rate = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 10000) / 10000);
const dec = (a: Decimal, b: Decimal) => (b.isZero() ? null : a.div(b).toDecimalPlaces(4).toNumber());

function row(key: string, label: string, ps: ProjectMonth[]): IndicatorRow {
  const annual = ps.reduce((s, p) => s.plus(p.planned_investment ?? 0), new Decimal(0));
  const planned = ps.reduce((s, p) => s.plus(p.plannedToDate), new Decimal(0));
  const done = ps.reduce((s, p) => s.plus(p.doneToDate), new Decimal(0));
  const toStart = ps.filter((p) => p.plannedToStart);
  const count = (c: LightColor) => ps.filter((p) => p.color === c).length;
  return {
    key,
    label,
    projects: ps.length,
    plannedToStart: toStart.length,
    started: toStart.filter((p) => p.started).length,
    startRate: rate(toStart.filter((p) => p.started).length, toStart.length),
    annualPlan: annual.toFixed(2),
    plannedToDate: planned.toFixed(2),
    doneToDate: done.toFixed(2),
    annualRatio: dec(done, annual),
    paceRatio: dec(done, planned),
    green: count('green'),
    yellow: count('yellow'),
    red: count('red'),
    normalRate: rate(count('green'), ps.length),
  };
}

function by(ps: ProjectMonth[], keys: (p: ProjectMonth) => string[]): IndicatorRow[] {
  const groups = new Map<string, ProjectMonth[]>();
  for (const p of ps) {
    for (const k of keys(p)) {
      const g = groups.get(k);
      if (g) g.push(p);
      else groups.set(k, [p]);
    }
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, 'zh')).map(([k, g]) => row(k, k, g));
}

export function indicators(ps: ProjectMonth[]): Record<string, IndicatorRow[]> {
  return {
    total: [row('total', '合计', ps)],
    list: by(ps, (p) => [...new Set(p.lists.map((l) => l.list))]),
    batch: by(ps, (p) => [...new Set(p.lists.map((l) => l.batch))]),
    sector: by(ps, (p) => [p.sector]),
    region: by(ps, (p) => [p.region_name]),
    unit: by(ps, (p) => [p.lead_unit ?? '(未定牵头单位)']),
    leader: by(ps, (p) => [p.leader ?? '(未定责任领导)']),
  };
}
