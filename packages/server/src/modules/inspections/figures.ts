/**
 * The figures per theme and year (issue 14, as seed 000 reports them: 23 site inspections, 114
 * problems, 84 suggestions, 12 reports): for the inspections of a region subtree whose plan is of
 * the year (or, without a plan, whose site date or creation falls in it), grouped by theme name
 * (the same theme in a city's and its counties' plans is one row; no theme is its own row):
 * inspections, done (past on-site), problems and suggestions found, reports issued (formal report
 * or later), and the rectification rate: the problems' rectification items closed over all of
 * them but the merged ones (the items ledger's own 销号率), read live through the items module.
 */
import type { figuresQuery, FiguresRow } from '@ducha/contract';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { actorOf, type Ctx } from '../../platform/access/context.ts';
import { invalid, outOfScope } from '../../platform/errors.ts';
import { addTable, ExcelJS, toBuffer } from '../../platform/excel.ts';
import { getRegion, regionCodeUnder } from '../../platform/regions.ts';
import { itemStatusOf } from '../items/index.ts';
import { canReadFigures } from './library-policy.ts';
import { doneStatuses, rectificationRate, reportedStatuses } from './library-rules.ts';

const list = (xs: readonly string[]) => sql.join(xs.map((x) => sql.lit(x)));

export async function inspectionFigures(db: Db, ctx: Ctx, q: z.infer<typeof figuresQuery>) {
  const a = actorOf(ctx);
  const code = q.regionCode ?? a.regionCode;
  let path: string | null = null;
  if (code) {
    const region = await getRegion(db, code);
    if (!region) throw invalid('query.regionCode', '区划不存在');
    path = region.path;
  }
  if (path === null ? a.role !== 'admin' : !canReadFigures(a, path)) throw outOfScope();
  const from = `${q.year}-01-01`;
  const to = `${q.year + 1}-01-01`;
  const r = await sql<{
    theme: string | null;
    sort: number | null;
    inspections: number;
    done: number;
    reports: number;
    problems: number;
    suggestions: number;
    rectifications: number;
    rectified: number;
  }>`
    with ins as (
      select i.id, i.status, t.name as theme, t.sort
      from inspections i
      left join inspection_plans p on p.id = i.plan_id
      left join inspection_themes t on t.id = i.theme_id
      where ${path === null ? sql`true` : regionCodeUnder('i.region_code', path)}
        and (p.year = ${q.year} or (i.plan_id is null
          and coalesce(i.site_on, i.created_at::date) >= ${from}::date and coalesce(i.site_on, i.created_at::date) < ${to}::date))
    ), fin as (
      select f.inspection_id, f.kind, ${itemStatusOf('f.item_id')} as item_status
      from inspection_findings f where f.inspection_id in (select id from ins)
    )
    select ins.theme, min(ins.sort)::int as sort,
      count(*)::int as inspections,
      count(*) filter (where ins.status in (${list(doneStatuses)}))::int as done,
      count(*) filter (where ins.status in (${list(reportedStatuses)}))::int as reports,
      coalesce(sum((select count(*) from fin where fin.inspection_id = ins.id and fin.kind = 'problem')), 0)::int as problems,
      coalesce(sum((select count(*) from fin where fin.inspection_id = ins.id and fin.kind = 'suggestion')), 0)::int as suggestions,
      coalesce(sum((select count(*) from fin where fin.inspection_id = ins.id and fin.kind = 'problem'
        and fin.item_status is not null and fin.item_status <> 'merged')), 0)::int as rectifications,
      coalesce(sum((select count(*) from fin where fin.inspection_id = ins.id and fin.item_status = 'closed')), 0)::int as rectified
    from ins group by ins.theme order by min(ins.sort) nulls last, ins.theme`.execute(db);
  const row = (x: Omit<FiguresRow, 'rectificationRate'>): FiguresRow => ({
    ...x,
    rectificationRate: rectificationRate(x.rectified, x.rectifications),
  });
  const rows = r.rows.map(({ sort: _sort, ...x }) => row(x));
  const sum = (
    k: 'inspections' | 'done' | 'problems' | 'suggestions' | 'reports' | 'rectifications' | 'rectified',
  ) => rows.reduce((s, x) => s + x[k], 0);
  const total = row({
    theme: null,
    inspections: sum('inspections'),
    done: sum('done'),
    problems: sum('problems'),
    suggestions: sum('suggestions'),
    reports: sum('reports'),
    rectifications: sum('rectifications'),
    rectified: sum('rectified'),
  });
  return { year: q.year, regionCode: code, rows, total };
}

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

export async function exportFigures(db: Db, ctx: Ctx, q: z.infer<typeof figuresQuery>) {
  const f = await inspectionFigures(db, ctx, q);
  const wb = new ExcelJS.Workbook();
  const line = (x: FiguresRow, name: string) => [
    name,
    x.inspections,
    x.done,
    x.problems,
    x.suggestions,
    x.reports,
    x.rectifications,
    x.rectified,
    pct(x.rectificationRate),
  ];
  addTable(
    wb,
    `${q.year}年稽察统计`,
    [
      '专题',
      '稽察项目数',
      '已完成现场稽察',
      '发现问题',
      '提出建议',
      '出具报告',
      '整改事项',
      '已销号',
      '整改率',
    ].map((header) => ({
      header,
      width: header === '专题' ? 28 : 14,
    })),
    [...f.rows.map((x) => line(x, x.theme ?? '未列专题')), line(f.total, '合计')],
  );
  return toBuffer(wb);
}
