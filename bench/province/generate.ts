/**
 * The province generator (issue 12): fills a migrated, empty Ducha database with a province —
 * 黑龙江省, its 13 cities and 125 counties and districts, ~1,000 units, ~5,000 accounts of every
 * role, 100,000 projects with their lists, baselines, milestones and 前期手续, 24 months of monthly
 * reports, 50,000 supervised items with their timelines, the closed months' lights and closes
 * (province-wide: the newest two by the month close itself, the earlier ones by the same rules
 * set-based, closes.ts) and the hash-chained audit trail — at `scale` 1; at a
 * smaller scale everything that grows with the province shrinks with it (0.01: 1,000 projects, 500
 * items; the region tree and each region's core units stay whole). Set-based or bulk batches
 * throughout: no statement per row. Deterministic: the same scale and day give the same data.
 *
 * Every row satisfies the schema and the domain's invariants (a verified report has its fields, an
 * item's status matches its dates, a stage its actual dates), so the API reads it as it reads what
 * users enter. Every account's password is the demo password (`accounts` names a few per role).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../packages/server/src/db/types.ts';
import { closeFromLights, lightsInSql, publishCloseIn, runClose } from './closes.ts';
import { monthsBefore, phase, setUp, type Gen } from './context.ts';
import { writeAudit } from './audit.ts';
import { generateItems, linkReports } from './items.ts';
import { generateOrg, type Accounts } from './org.ts';
import {
  generateLists,
  generatePlans,
  generateProcedures,
  generateProjects,
  writeLookups,
} from './registry.ts';
import { generateReports } from './reports.ts';
import { buildIndexes, checkKeys, dropIndexes, keyChecksOff, keyChecksOn } from './load.ts';
import { todayInChina } from '../../packages/server/src/platform/time.ts';
import { actorById, toActor } from '../../packages/server/src/platform/auth/repo.ts';
import type { Ctx } from '../../packages/server/src/platform/access/context.ts';

export type { Accounts } from './org.ts';

export interface ProvinceSummary {
  scale: number;
  today: string;
  /** rows per table, every table of the schema */
  counts: Record<string, number>;
  /** accounts to sign in as (all with `accounts.password`), and how many accounts each role has */
  accounts: Accounts;
  usersByRole: Record<string, number>;
  regions: { province: string; cities: string[]; counties: string[] };
  /** months: the oldest and newest reported, the newest closed, the one being filed now */
  months: { first: string; last: string; latestClosed: string | null; open: string; checking: string | null };
  /** records the benchmark may open */
  ids: {
    /** the item with the most events (a listed problem reminded for a year) */
    busyItem: number;
    /** an item with a duplicate merged into it */
    mergedTarget: number | null;
    /** a project of the typical county with reports, items and a light */
    project: number;
    /** this year's lists of 大庆市 and 林甸县 (the regions of the accounts' city and county offices) */
    cityList: number;
    countyList: number;
  };
  /** seconds per phase */
  seconds: Record<string, number>;
}

export interface GenerateOptions {
  scale: number;
  /** 'YYYY-MM-DD' in China; default today. Reports cover the 24 months before its month. */
  today?: string;
  log?: (line: string) => void;
}

/** The tables the schema has, for the counts (db/types.ts's `Database`). */
const TABLES: (keyof Database)[] = [
  'regions',
  'units',
  'people',
  'positions',
  'position_holdings',
  'users',
  'sessions',
  'api_tokens',
  'audit_events',
  'dictionary_items',
  'projects',
  'project_co_units',
  'project_team',
  'project_stage_events',
  'project_lists',
  'project_list_members',
  'list_adjustments',
  'annual_plans',
  'plan_milestones',
  'procedure_templates',
  'project_procedures',
  'saved_views',
  'reporting_calendars',
  'calendar_corrections',
  'monthly_reports',
  'report_attachments',
  'report_reminders',
  'light_rules',
  'lights',
  'month_closes',
  'job_runs',
  'items',
  'item_co_units',
  'item_events',
  'item_attachments',
  'item_counters',
  'item_settings',
  'notifications',
  'login_shadows',
];

/** The tables written in bulk, whose secondary indexes are built after their rows (load.ts). */
const LOADED = [
  'people',
  'users',
  'sessions',
  'projects',
  'project_co_units',
  'project_team',
  'project_stage_events',
  'project_list_members',
  'list_adjustments',
  'annual_plans',
  'plan_milestones',
  'project_procedures',
  'monthly_reports',
  'report_attachments',
  'report_reminders',
  'lights',
  'items',
  'item_co_units',
  'item_events',
  'item_attachments',
  'notifications',
  'audit_events',
];

export async function generateProvince(
  db: Kysely<Database>,
  opts: GenerateOptions,
): Promise<ProvinceSummary> {
  if (!(opts.scale > 0 && opts.scale <= 1)) throw new Error(`scale must be in (0, 1]: ${opts.scale}`);
  const users = await sql<{ n: number }>`select count(*)::int as n from users`.execute(db);
  if (Number(users.rows[0]!.n) > 0)
    throw new Error('the database is not empty: the province needs a migrated, empty one');
  const today = opts.today ?? todayInChina();
  const months = monthsBefore(today);
  const seconds: Record<string, number> = {};
  const g: Gen = {
    db,
    scale: opts.scale,
    today,
    months,
    year: months.at(-1)!.y,
    log: (line) => {
      const m = /^(\S.*?)\s+(\d+\.\d) s /.exec(line);
      if (m) seconds[m[1]!.trim()] = Number(m[2]);
      opts.log?.(line);
    },
  };
  await setUp(db);
  // the embedded database's one session: room to sort and build indexes in memory (its defaults are
  // PostgreSQL's: 4 MB and 64 MB); a PostgreSQL server keeps its own settings
  const embedded = /emscripten|wasm|emcc/i.test(
    (await sql<{ v: string }>`select version() as v`.execute(db)).rows[0]!.v,
  );
  if (embedded) {
    await sql`set work_mem = '256MB'`.execute(db);
    await sql`set maintenance_work_mem = '1GB'`.execute(db);
  }
  const keysOff = await keyChecksOff(db);
  if (!keysOff) g.log('(not a superuser: foreign keys are checked row by row during the load)');
  const deferred = await dropIndexes(db, LOADED);
  const org = await phase(g, 'organisation', () => generateOrg(g));
  await writeLookups(g, org);
  const projects = await phase(g, 'projects', () => generateProjects(g, org));
  await phase(g, 'lists', () => generateLists(g, org));
  await phase(g, 'plans and milestones', () => generatePlans(g));
  await phase(g, 'procedures', () => generateProcedures(g));
  await phase(g, 'monthly reports', () => generateReports(g));
  const items = await phase(g, 'items', () => generateItems(g, org, projects));
  await phase(g, 'audit trail', () => writeAudit(g));

  await phase(g, `indexes built (${deferred.length})`, () => buildIndexes(db, LOADED, deferred));
  // statistics first for what the links, the lights and the close join
  const joined = [
    'projects',
    'annual_plans',
    'plan_milestones',
    'monthly_reports',
    'project_lists',
    'project_list_members',
    'items',
    'bench_months',
  ];
  await phase(g, 'analyze', async () => {
    for (const t of joined) await sql`analyze ${sql.table(t)}`.execute(db);
  });
  await phase(g, 'items linked to reports', () => linkReports(g));
  await phase(g, 'foreign keys checked', async () => {
    if (keysOff) await keyChecksOn(db);
    await checkKeys(db);
  });

  // the month close, province-wide, for every month closed (the province office runs it: the
  // nightly job closes the top office region); all but the newest published
  const office = await actorById(db, 2);
  const ctx: Ctx = { actor: toActor(office!, 'session'), requestId: 'province' };
  const closed = months.filter((m) => m.closed && m.y >= g.year - 1);
  // the newest two by the month close itself, the ones before set-based by the same rules (closes.ts)
  const real = closed.slice(-2);
  const early = closed.slice(0, -2);
  await phase(g, `lights of ${early.length} months`, () => lightsInSql(g, early));
  await phase(g, `their closes`, () => closeFromLights(g, ctx, early));
  await phase(g, `month closes (${real.length})`, async () => {
    for (const [i, m] of real.entries()) {
      await runClose(db, ctx, { code: '230000', path: '230000' }, m.y, m.m, today);
      if (i < real.length - 1) await publishCloseIn(db, ctx, '230000', m);
    }
  });

  await phase(g, 'clean up, vacuum and analyze', async () => {
    for (const t of ['bench_projects', 'bench_region', 'bench_unit', 'bench_months'])
      await sql`drop table if exists ${sql.table(t)}`.execute(db);
    await sql`drop function if exists bench_rand(bigint, int)`.execute(db);
    // as autovacuum leaves a settled database: the visibility map set, so index-only scans read no heap
    for (const t of TABLES) await sql`vacuum (analyze) ${sql.table(t)}`.execute(db);
    if (embedded)
      for (const k of ['work_mem', 'maintenance_work_mem']) await sql`reset ${sql.raw(k)}`.execute(db);
  });

  const counts: Record<string, number> = {};
  for (const t of TABLES)
    counts[t] = Number(
      (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t)}`.execute(db)).rows[0]!.n,
    );
  const byRole = await sql<{
    role: string;
    n: number;
  }>`select role, count(*)::int as n from users group by role order by role`.execute(db);
  // the lists of this year of the accounts' city and county (大庆市, 林甸县)
  const lists = await sql<{ id: number; level: string; region_code: string }>`
    select l.id, l.level, l.region_code from project_lists l
    where l.year = ${g.year} and l.level in ('city', 'county') and l.region_code in ('230600', '230623')`.execute(
    db,
  );
  const project =
    (
      await sql<{ id: number }>`select min(p.id) as id from projects p where p.region_code = '230623'
        and p.stage = 'continuing' and exists (select 1 from items i where i.project_id = p.id)`.execute(db)
    ).rows[0]?.id ?? (await sql<{ id: number }>`select min(id) as id from projects`.execute(db)).rows[0]!.id;
  const checking = months.find((m) => m.phase === 'checking');
  return {
    scale: opts.scale,
    today,
    counts,
    accounts: org.accounts,
    usersByRole: Object.fromEntries(byRole.rows.map((r) => [r.role, Number(r.n)])),
    regions: {
      province: '230000',
      cities: org.regions.filter((r) => r.level === 'city').map((r) => r.code),
      counties: org.regions.filter((r) => r.level === 'county').map((r) => r.code),
    },
    months: {
      first: months[0]!.ym,
      last: months.at(-1)!.ym,
      latestClosed: closed.at(-1)?.ym ?? null,
      open: months.at(-1)!.ym,
      checking: checking?.ym ?? null,
    },
    ids: {
      busyItem: items.busiest,
      mergedTarget: items.mergedTarget,
      project,
      cityList: lists.rows.find((l) => l.level === 'city')!.id,
      countyList: lists.rows.find((l) => l.level === 'county')!.id,
    },
    seconds,
  };
}
