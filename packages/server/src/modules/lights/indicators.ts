/**
 * Portfolio indicators of a month (DOMAIN §5): 开工率, 年度投资完成率, 序时完成率, light counts and
 * 正常率, in total and by list, batch, sector, region, lead unit and leader. Pure: computed from the
 * same rows the lights were, so the dashboard and the bulletins can never disagree.
 */
import type { IndicatorRow, LightColor } from '@ducha/contract';
import { centsRatio, fromCents } from './rules.ts';

export interface ProjectMonth {
  sector: string;
  region_name: string;
  responsible_unit: string | null;
  leader: string | null;
  /** money in cents */
  annualPlan: bigint | null;
  lists: { list: string; batch: string }[];
  plannedToDate: bigint;
  doneToDate: bigint;
  color: LightColor;
  started: boolean;
  plannedToStart: boolean;
}

/** Running sums of one group: money in exact cents, counts as integers. */
interface Sums {
  projects: number;
  plannedToStart: number;
  started: number;
  annual: bigint;
  planned: bigint;
  done: bigint;
  green: number;
  yellow: number;
  red: number;
}

const rate = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 10000) / 10000);

function add(s: Sums, p: ProjectMonth) {
  s.projects++;
  if (p.plannedToStart) {
    s.plannedToStart++;
    if (p.started) s.started++;
  }
  if (p.annualPlan !== null) s.annual += p.annualPlan;
  s.planned += p.plannedToDate;
  s.done += p.doneToDate;
  s[p.color]++;
}

function row(key: string, label: string, s: Sums): IndicatorRow {
  return {
    key,
    label,
    projects: s.projects,
    plannedToStart: s.plannedToStart,
    started: s.started,
    startRate: rate(s.started, s.plannedToStart),
    annualPlan: fromCents(s.annual),
    plannedToDate: fromCents(s.planned),
    doneToDate: fromCents(s.done),
    annualRatio: centsRatio(s.done, s.annual),
    paceRatio: centsRatio(s.done, s.planned),
    green: s.green,
    yellow: s.yellow,
    red: s.red,
    normalRate: rate(s.green, s.projects),
  };
}

const empty = (): Sums => ({
  projects: 0,
  plannedToStart: 0,
  started: 0,
  annual: 0n,
  planned: 0n,
  done: 0n,
  green: 0,
  yellow: 0,
  red: 0,
});

const dimensions: Record<string, (p: ProjectMonth) => Iterable<string>> = {
  list: (p) => new Set(p.lists.map((l) => l.list)),
  batch: (p) => new Set(p.lists.map((l) => l.batch)),
  sector: (p) => [p.sector],
  region: (p) => [p.region_name],
  unit: (p) => [p.responsible_unit ?? '(未定牵头单位)'],
  leader: (p) => [p.leader ?? '(未定责任领导)'],
};

const zh = new Intl.Collator('zh');

/** One pass over the projects, each added to the total and to its group in every dimension. */
export function indicators(ps: ProjectMonth[]): Record<string, IndicatorRow[]> {
  const total = empty();
  const groups = Object.entries(dimensions).map(([dim, keys]) => ({
    dim,
    keys,
    sums: new Map<string, Sums>(),
  }));
  for (const p of ps) {
    add(total, p);
    for (const { keys, sums } of groups) {
      for (const k of keys(p)) {
        let s = sums.get(k);
        if (!s) sums.set(k, (s = empty()));
        add(s, p);
      }
    }
  }
  const out: Record<string, IndicatorRow[]> = { total: [row('total', '合计', total)] };
  for (const { dim, sums } of groups)
    out[dim] = [...sums.entries()].sort(([a], [b]) => zh.compare(a, b)).map(([k, s]) => row(k, k, s));
  return out;
}

/**
 * The indicators of every region strictly below `rootCode` that holds projects, each over its own
 * subtree (a county's row counts its towns' projects too): what a county reads of the city's close.
 * `paths` are the projects' region paths, in the order of `ps`.
 */
export function indicatorsBelow(
  ps: readonly ProjectMonth[],
  paths: readonly string[],
  rootCode: string,
): Record<string, Record<string, IndicatorRow[]>> {
  const below = new Map<string, ProjectMonth[]>();
  ps.forEach((p, i) => {
    const codes = paths[i]!.split('.');
    const at = codes.indexOf(rootCode);
    if (at < 0) return;
    for (const code of codes.slice(at + 1)) {
      let group = below.get(code);
      if (!group) below.set(code, (group = []));
      group.push(p);
    }
  });
  return Object.fromEntries(
    [...below.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([c, g]) => [c, indicators(g)]),
  );
}
