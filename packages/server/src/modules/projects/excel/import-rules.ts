/**
 * Pure checks of a 责任分解表: each row's text becomes a typed project with its responsibility,
 * list membership and annual plan, or errors naming the row, the column and the fix. Reference
 * data (regions, units, positions, people, lists) comes in as lookups, so this runs in memory for
 * any number of rows and is tested without a database.
 */
import {
  Decimal,
  batchSchemes,
  importColumns,
  stageLabels,
  type BatchScheme,
  type ImportError,
  type Stage,
  yearMonth,
} from '@ducha/contract';
import {
  dateOrderError,
  monthlySumError,
  proRata,
  reportsFromDate,
  stageAfterDates,
  stageError,
  type ActualDates,
} from '../rules.ts';
import {
  dateProblem,
  FORMULA_WITHOUT_RESULT,
  normalizeDate,
  type SheetRow,
} from '../../../platform/excel.ts';

export interface Ref {
  id: number;
  name: string;
}
export interface Refs {
  regions: { code: string; name: string; path: string }[];
  /** the sector labels the template offers (named in the error) */
  sectors: ReadonlySet<string>;
  /** what a sector cell may say → the code stored (labels and codes); absent: `sectors` are codes */
  sectorCodes?: ReadonlyMap<string, string>;
  units: (Ref & { shortName: string | null })[];
  positions: (Ref & { unitName: string })[];
  people: (Ref & { unitName: string | null })[];
  lists: (Ref & { year: number; status: string; batchScheme: string; regionPath: string })[];
  /** name → code of projects already in the database */
  projectNames: ReadonlyMap<string, string>;
  /** stage and actual dates of projects already in the database, by lower-case code (absent: none) */
  recorded?: ReadonlyMap<string, ActualDates & { stage: Stage; reportsFrom?: string }>;
  /** may the importing user manage projects in this region? */
  canManage: (regionPath: string) => boolean;
  today: string;
}

export interface ImportItem {
  row: number;
  code: string;
  name: string;
  regionCode: string;
  regionPath: string;
  sector: string;
  nature: 'government' | 'enterprise' | 'ppp';
  total: string;
  scale: string | null;
  address: string | null;
  ownerUnitId: number | null;
  stage: Stage | null;
  actualStart: string | null;
  actualCompletion: string | null;
  actualProduction: string | null;
  /** 起报月份 as stored (a month's first day): the sheet's, else the recorded one, else this month */
  reportsFrom: string;
  list: { id: number; batch: string; published: boolean } | null;
  leaderPositionId: number;
  responsibleUnitId: number;
  coUnitIds: number[];
  team: number[];
  responsibleId: number | null;
  officerId: number | null;
  plannedStart: string | null;
  plannedCompletion: string | null;
  plannedProduction: string | null;
  plan: {
    year: number;
    planned: string;
    monthly: string[];
    target: string | null;
    milestones: { name: string; date: string }[];
  } | null;
}

const header = Object.fromEntries(importColumns.map((c) => [c.key, c.header])) as Record<string, string>;
const natures: Record<string, ImportItem['nature']> = {
  政府投资: 'government',
  企业投资: 'enterprise',
  PPP: 'ppp',
  ppp: 'ppp',
};
const stageByLabel = Object.fromEntries(Object.entries(stageLabels).map(([k, v]) => [v, k as Stage]));
const split = (v: string | null | undefined) =>
  v
    ? v
        .split(/[、,，;；\n]/)
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
const moneyShape = /^-?\d{1,14}(\.\d{1,2})?$/;
const actualKeys = ['actualStart', 'actualCompletion', 'actualProduction'] as const;

function index<T>(items: T[], keys: (t: T) => (string | null)[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const t of items) for (const k of keys(t)) if (k) m.set(k, [...(m.get(k) ?? []), t]);
  return m;
}

/** Builds the lookups once per import. */
export function lookups(refs: Refs) {
  return {
    regionByCode: new Map(refs.regions.map((r) => [r.code, r])),
    regionByName: index(refs.regions, (r) => [r.name]),
    unitByName: index(refs.units, (u) => [u.name, u.shortName]),
    positionByName: index(refs.positions, (p) => [p.name, `${p.unitName}/${p.name}`]),
    personByName: index(refs.people, (p) => [p.name, p.unitName ? `${p.unitName}/${p.name}` : null]),
    listByName: index(refs.lists, (l) => [l.name]),
  };
}

// the date and formula rules of every sheet live with the spreadsheet reader (the monthly reports use them too)
export { dateProblem, FORMULA_WITHOUT_RESULT, normalizeDate } from '../../../platform/excel.ts';

/**
 * A 起报月份 cell: '2026-03', '2026/3', '2026年3月', or a date (a date cell: its month), as the
 * month's first day, judged by the routes' own month schema; null when empty or unreadable (then
 * `problem` has been told why).
 */
export function reportsFromCell(
  text: string | null | undefined,
  problem: (m: string) => void,
): string | null {
  if (!text) return null;
  const t = text.trim();
  const month = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(t);
  const date = month ? `${month[1]}-${month[2]!.padStart(2, '0')}-01` : normalizeDate(t);
  const ym = month || !dateProblem(date) ? date.slice(0, 7) : null;
  if (!ym) return (problem('起报月份应为 YYYY-MM(也可写 2026/3、2026年3月)'), null);
  const checked = yearMonth.safeParse(ym);
  if (!checked.success) return (problem(`${checked.error.issues[0]!.message}：${t}`), null);
  return reportsFromDate(ym);
}

export function checkRows(rows: SheetRow[], refs: Refs): { items: ImportItem[]; errors: ImportError[] } {
  const L = lookups(refs);
  const errors: ImportError[] = [];
  const items: ImportItem[] = [];
  const codes = new Map<string, number>();
  const names = new Map<string, number>();

  for (const { row, values: v, formulas } of rows) {
    const before = errors.length;
    // a formula without a stored result is its one problem: the cell's other checks would only echo it
    const noResult = new Set(formulas);
    for (const key of noResult)
      errors.push({ row, column: header[key] ?? key, value: null, message: FORMULA_WITHOUT_RESULT });
    const err = (key: string, message: string, value = v[key] ?? null) => {
      if (!noResult.has(key)) errors.push({ row, column: header[key] ?? key, value, message });
    };
    const required = (key: string) => {
      if (!v[key]) err(key, '必填项不能为空');
      return v[key] ?? '';
    };
    const one = <T>(key: string, found: T[] | undefined, what: string): T | null => {
      if (!v[key]) return null;
      if (!found?.length) return (err(key, `找不到${what}「${v[key]}」`), null);
      if (found.length > 1) return (err(key, `有多个同名${what}，请写成「单位/名称」`), null);
      return found[0]!;
    };
    const date = (key: string) => {
      if (!v[key]) return null;
      const d = normalizeDate(v[key]!);
      const problem = dateProblem(d);
      if (problem) return (err(key, problem), null);
      return d;
    };
    const money = (key: string, optional = false) => {
      const text = v[key]?.replaceAll(',', '') ?? '';
      if (!text) return optional ? null : (err(key, '必填项不能为空'), null);
      if (!moneyShape.test(text) || text.startsWith('-'))
        return (err(key, '应为不小于 0 的数字(万元，最多两位小数)'), null);
      return new Decimal(text).toFixed(2);
    };

    const code = required('code');
    if (code && !/^[A-Za-z0-9][A-Za-z0-9-_]{1,39}$/.test(code))
      err('code', '项目编号为 2-40 位字母、数字、连字符或下划线');
    const codeKey = code.toLowerCase();
    if (code && codes.has(codeKey)) err('code', `与第 ${codes.get(codeKey)} 行的项目编号重复`);
    else if (code) codes.set(codeKey, row);
    const name = required('name');
    if (name && names.has(name)) err('name', `与第 ${names.get(name)} 行的项目名称重复`);
    else if (name) names.set(name, row);
    const existingCode = refs.projectNames.get(name);
    if (name && existingCode && existingCode.toLowerCase() !== codeKey)
      err('name', `与已有项目 ${existingCode} 重名`);

    const regionText = required('region');
    const region = regionText
      ? (L.regionByCode.get(regionText) ?? one('region', L.regionByName.get(regionText), '行政区划'))
      : null;
    if (region && !refs.canManage(region.path)) err('region', '该区划不在您的管理范围内');
    const sectorText = required('sector');
    const sector = refs.sectorCodes
      ? (refs.sectorCodes.get(sectorText) ?? '')
      : refs.sectors.has(sectorText)
        ? sectorText
        : '';
    if (sectorText && !sector) err('sector', `行业类别应为：${[...refs.sectors].join('、')}`);
    const natureText = required('nature');
    const nature = natures[natureText];
    if (natureText && !nature) err('nature', '投资性质应为：政府投资、企业投资、PPP');
    const total = money('total');
    const stage = v.stage ? (stageByLabel[v.stage] ?? null) : null;
    if (v.stage && !stage) err('stage', `项目阶段应为：${Object.values(stageLabels).join('、')}`);
    const owner = one('owner', L.unitByName.get(v.owner ?? ''), '单位');
    required('leader');
    const leader = one('leader', L.positionByName.get(v.leader ?? ''), '职务');
    required('responsibleUnit');
    const lead = one('responsibleUnit', L.unitByName.get(v.responsibleUnit ?? ''), '单位');
    const coUnits = split(v.coUnits).map((n) => {
      const f = L.unitByName.get(n);
      if (!f?.length) err('coUnits', `找不到单位「${n}」`);
      else if (f.length > 1) err('coUnits', `有多个同名单位「${n}」`);
      return f?.length === 1 ? f[0]!.id : 0;
    });
    if (lead && coUnits.includes(lead.id)) err('coUnits', '协办单位不能包含牵头单位');
    const team = split(v.team).map((n) => {
      const f = L.personByName.get(n);
      if (!f?.length) err('team', `找不到人员「${n}」，请先在人员中登记`);
      else if (f.length > 1) err('team', `有多个同名人员「${n}」，请写成「单位/姓名」`);
      return f?.length === 1 ? f[0]!.id : 0;
    });
    const responsible = one('responsible', L.personByName.get(v.responsible ?? ''), '人员');
    const officer = one('officer', L.personByName.get(v.officer ?? ''), '人员');

    let list: ImportItem['list'] = null;
    if (v.listName) {
      const l = one('listName', L.listByName.get(v.listName), '名单');
      const batches: readonly string[] = l ? batchSchemes[l.batchScheme as BatchScheme] : [];
      if (l && !v.batch) err('batch', '填写名单时须填写批次');
      else if (l && !batches.includes(v.batch!)) err('batch', `批次应为：${batches.join('、')}`);
      else if (l && region && !(region.path === l.regionPath || region.path.startsWith(l.regionPath + '.')))
        err('listName', '项目不在该名单所属行政区划内');
      else if (l) list = { id: l.id, batch: v.batch!, published: l.status === 'published' };
    } else if (v.batch) err('listName', '填写批次时须填写名单');

    const plannedStart = date('plannedStart');
    const plannedCompletion = date('plannedCompletion');
    const plannedProduction = date('plannedProduction');
    // An actual date whose column the sheet lacks (a sheet from before 实际竣工 and 实际投产 were
    // columns) is not given: the project keeps its recorded date, so an old sheet never wipes one.
    // An empty cell of a present column is given: no date.
    const recorded = refs.recorded?.get(codeKey);
    const given = (key: keyof ActualDates) => key in v;
    const actual = (key: keyof ActualDates) => (given(key) ? date(key) : (recorded?.[key] ?? null));
    const unread = errors.length;
    const dates: ActualDates = {
      actualStart: actual('actualStart'),
      actualCompletion: actual('actualCompletion'),
      actualProduction: actual('actualProduction'),
    };
    // order and stage are judged on readable dates only: an unreadable cell is its one problem
    const readable = errors.length === unread && !actualKeys.some((k) => noResult.has(k));
    for (const key of actualKeys)
      if (given(key) && dates[key] && dates[key] > refs.today) err(key, `${header[key]}日期不能晚于今天`);
    // the project edit's rules: dates in order, the stage raised to what they imply and consistent with them
    const order = readable ? dateOrderError(dates) : null;
    if (order) {
      const key = order.field as keyof ActualDates;
      if (given(key)) err(key, order.message);
      else err(key, `${order.message}(表中无此列，按已登记日期核对)`, dates[key]);
    }
    const reportsFrom =
      reportsFromCell(v.reportsFrom, (m) => err('reportsFrom', m)) ??
      recorded?.reportsFrom ??
      reportsFromDate(refs.today);
    const current = stage ?? recorded?.stage ?? 'preliminary';
    const floor = stageAfterDates(current, dates);
    // dates out of order are the problem; the stage is judged on dates in order (the edit does the same)
    const stageProblem = readable && !order && (stage || !v.stage) ? stageError(floor, dates) : null;
    if (stageProblem) err('stage', stageProblem);
    if (plannedStart && plannedCompletion && plannedCompletion < plannedStart)
      err('plannedCompletion', '计划竣工不能早于计划开工');

    let plan: ImportItem['plan'] = null;
    const monthKeys = Array.from({ length: 12 }, (_, i) => `m${i + 1}`);
    const hasPlan = v.planned || v.planYear || monthKeys.some((k) => v[k]) || v.milestones || v.target;
    if (hasPlan) {
      const year = Number(v.planYear);
      if (!v.planYear) err('planYear', '填写年度计划时须填写计划年度');
      else if (!Number.isInteger(year) || year < 2000 || year > 2100) err('planYear', '计划年度应为四位年份');
      const planned = money('planned');
      const filled = monthKeys.filter((k) => v[k]);
      let monthly: string[] = [];
      if (filled.length && filled.length < 12)
        err(
          monthKeys.find((k) => !v[k])!,
          '分月计划须 12 个月都填写，或全部留空按月平均分配',
        );
      else if (filled.length === 12) monthly = monthKeys.map((k) => money(k) ?? '0.00');
      else if (planned) monthly = proRata(planned);
      if (planned && monthly.length === 12 && filled.length === 12) {
        // one problem for the twelve cells as a group, anchored at the last (where the sum is judged)
        const problem = monthlySumError(planned, monthly);
        if (problem) {
          err('m12', problem);
          // the group's value is the twelve amounts as read
          Object.assign(errors[errors.length - 1]!, {
            columns: monthKeys.map((k) => header[k]!),
            value: monthKeys.map((k) => v[k]).join('、'),
          });
        }
      }
      const milestones = split(v.milestones).map((m) => {
        const [mName, mDate] = m.split(/[@＠]/).map((s) => s.trim());
        const d = mDate ? normalizeDate(mDate) : '';
        const problem = mName && d ? dateProblem(d) : 'shape';
        if (problem?.startsWith('日期不存在')) err('milestones', `节点「${m}」的${problem}`);
        else if (problem) err('milestones', `节点「${m}」应写成 节点名称@YYYY-MM-DD`);
        return { name: mName ?? '', date: d };
      });
      if (planned && v.planYear) plan = { year, planned, monthly, target: v.target ?? null, milestones };
    }

    if (errors.length > before || !region || !nature || !total || !leader || !lead) continue;
    items.push({
      row,
      code,
      name,
      regionCode: region.code,
      regionPath: region.path,
      sector,
      nature,
      total,
      scale: v.scale ?? null,
      address: v.address ?? null,
      ownerUnitId: owner?.id ?? null,
      // null keeps the project's stage: the row names none and its dates raise none
      stage: stage || floor !== current ? floor : null,
      ...dates,
      reportsFrom,
      list,
      leaderPositionId: leader.id,
      responsibleUnitId: lead.id,
      coUnitIds: [...new Set(coUnits)].sort((a, b) => a - b),
      team: [...new Set(team)].sort((a, b) => a - b),
      responsibleId: responsible?.id ?? null,
      officerId: officer?.id ?? null,
      plannedStart,
      plannedCompletion,
      plannedProduction,
      plan,
    });
  }
  return { items, errors };
}
