/**
 * A theme's pool over the registry (issue 14): the active projects of a region subtree matching a
 * rule of the registry's own fields, in SQL, for the inspections module (which may not name these
 * tables). Every condition given must hold; a list condition holds when any of its values does.
 * `inspections/library-rules.ts` states the same rule in TypeScript, and a test holds them equal.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../db/connection.ts';
import { regionCodeUnder } from '../../platform/regions.ts';
import { unitNameOf } from '../org/index.ts';

export interface ProjectCriteria {
  investmentNatures?: readonly string[];
  /** 万元, a decimal string */
  minTotalInvestment?: string;
  /** planned or actual start in `year` */
  startedInYear?: boolean;
  stages?: readonly string[];
  /** a current membership of a list of one of these levels in `year` */
  listLevels?: readonly string[];
  /** on a 市领导联系项目 (leader) list of `year`, or with a leader position (五个一) */
  leaderLinked?: boolean;
  sectors?: readonly string[];
  tags?: readonly string[];
  fundingSources?: readonly string[];
}

const arr = (v: readonly string[]) => sql`${sql.val([...v])}::text[]`;
const onListOf = (levels: readonly string[], year: number) => sql<SqlBool>`p.id in (
  select m.project_id from project_list_members m join project_lists l on l.id = m.list_id
  where m.removed_at is null and l.year = ${year} and l.level = any(${arr(levels)}))`;

/** SQL: the conditions on `projects p` of the pool of region subtree `path` under `c` in `year`. */
export function projectPoolWhere(path: string, c: ProjectCriteria, year: number): RawBuilder<SqlBool> {
  const on: RawBuilder<unknown>[] = [sql`p.active`, regionCodeUnder('p.region_code', path)];
  if (c.investmentNatures?.length) on.push(sql`p.investment_nature = any(${arr(c.investmentNatures)})`);
  if (c.minTotalInvestment !== undefined)
    on.push(sql`p.total_investment >= ${c.minTotalInvestment}::numeric`);
  if (c.startedInYear) {
    const from = `${year}-01-01`;
    const to = `${year + 1}-01-01`;
    on.push(sql`((p.planned_start >= ${from}::date and p.planned_start < ${to}::date)
      or (p.actual_start >= ${from}::date and p.actual_start < ${to}::date))`);
  }
  if (c.stages?.length) on.push(sql`p.stage = any(${arr(c.stages)})`);
  if (c.listLevels?.length) on.push(onListOf(c.listLevels, year));
  if (c.leaderLinked) on.push(sql`(p.leader_position_id is not null or ${onListOf(['leader'], year)})`);
  if (c.sectors?.length) on.push(sql`p.sector = any(${arr(c.sectors)})`);
  if (c.tags?.length) on.push(sql`p.tags && ${arr(c.tags)}`);
  if (c.fundingSources?.length) on.push(sql`p.funding_sources && ${arr(c.fundingSources)}`);
  return sql<SqlBool>`(${sql.join(on, sql` and `)})`;
}

/** The pool's size. */
export async function projectPoolCount(db: Executor, path: string, c: ProjectCriteria, year: number) {
  const r = await sql<{ n: number }>`select count(*)::int as n from projects p
    where ${projectPoolWhere(path, c, year)}`.execute(db);
  return r.rows[0]!.n;
}

/** The pool's project ids, by project code. */
export async function projectPoolIds(db: Executor, path: string, c: ProjectCriteria, year: number) {
  const r = await sql<{ id: number }>`select p.id from projects p
    where ${projectPoolWhere(path, c, year)} order by p.code, p.id`.execute(db);
  return r.rows.map((x) => x.id);
}

/** A page of the pool, by project code: id, code, name, regionCode, ownerUnit, totalInvestment. */
export async function projectPoolPage(
  db: Executor,
  path: string,
  c: ProjectCriteria,
  year: number,
  page: { limit: number; offset: number },
) {
  const r = await sql<{
    id: number;
    code: string;
    name: string;
    regionCode: string;
    ownerUnit: string | null;
    totalInvestment: string;
  }>`select p.id, p.code, p.name, p.region_code as "regionCode",
      ${unitNameOf('p.owner_unit_id')} as "ownerUnit", p.total_investment::text as "totalInvestment"
    from projects p where ${projectPoolWhere(path, c, year)}
    order by p.code, p.id limit ${page.limit} offset ${page.offset}`.execute(db);
  return r.rows;
}
