/**
 * The EXPLAIN test (issue 12): every list and detail read, on a generated province, served by plans
 * that use an index for their filters and sorts. A province is generated at a small scale
 * (`DUCHA_PROVINCE_SCALE`, default 0.01: 1,000 projects, 500 items), analysed, and the real API is
 * called over HTTP as the roles that read each page — the ledger with each filter and sort of
 * `itemQuery`, an item's page, escalation proposals, the project list with each filter and sort of
 * `projectQuery` and a project's tabs, lists and their members, the verification queue and a
 * month's reports, the filers' inbox, overdue reports, the light board with its filters, the month
 * closes, the workbench, audit timelines, notifications and the organisation's lists — capturing
 * every statement each request ran (`statementObservers`, db/connection.ts). Each statement is then
 * explained with its parameters (`EXPLAIN (FORMAT JSON)`) and the test fails, naming the request,
 * the statement and the plan node, on a sequential scan of a large table, a full index scan that
 * does not feed a LIMIT in order, or a page sorted from every row of a large table (query-plans.ts).
 *
 * At a scale below 1 the tables are small, and the planner rightly scans small tables: the plans are
 * then made with `enable_seqscan = off`, under which PostgreSQL still scans a table sequentially only
 * when no index can serve the filter or the sort — exactly what this test is after. At scale 1 (the
 * full province, `DUCHA_PROVINCE_SCALE=1`) the planner's own settings are used.
 *
 * `knownSeqScans` lists what fails today, each with its request: the rewrites of issue 12 remove
 * entries as they fix them (an entry no longer seen fails the test at a small scale, so the list only
 * shrinks). The full report of every statement and its plan's scans is written to a file named in
 * the output (and printed with DUCHA_EXPLAIN_PRINT=1). Runs on PostgreSQL too
 * (DUCHA_TEST_DATABASE_URL, see helpers.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProvince, type ProvinceSummary } from '../../../bench/province/generate.ts';
import { statementObservers } from '../src/db/connection.ts';
import { EXACT_TOTAL_LIMIT, exactTotals } from '../src/platform/records.ts';
import { createTestApp, login, type Client, type TestApp } from './helpers.ts';
import { describeScan, offenses, planScans, type Offense, type PlanNode } from './query-plans.ts';

const SCALE = Number(process.env.DUCHA_PROVINCE_SCALE ?? 0.01);
const PRINT = process.env.DUCHA_EXPLAIN_PRINT === '1';

/**
 * The tables above ~5,000 rows in the full province (bench/README.md, the counts of bench:province
 * at scale 1; checked against the counts when the test runs at scale 1).
 */
const LARGE = new Set([
  'audit_events',
  'lights',
  'monthly_reports',
  'plan_milestones',
  'project_procedures',
  'project_list_members',
  'item_events',
  'annual_plans',
  'notifications',
  'project_team',
  'project_stage_events',
  'projects',
  'items',
  'report_attachments',
  'item_attachments',
  'project_co_units',
  'item_co_units',
  'sessions',
  'users',
]);

/**
 * Known offenders at a small scale, as `request (reader): table` — none since the rewrites of issue
 * 12 (2026-12-02). Add one only with its reason; below scale 1 the test fails on an entry no longer
 * seen, so the list only shrinks.
 */
const knownSeqScans: string[] = [];

/**
 * Offenders seen only on the full province (`DUCHA_PROVINCE_SCALE=1`, the planner's own settings),
 * 2026-12-02 on PostgreSQL 15: the admin's workbench counts the province's open overdue items, and
 * the planner rightly scans the 50,000 items (47 ms at load 4): the four partial indexes of the
 * overdue arms also hold the 30,000 items answered or resolved late and since closed, and reading
 * them took 83 ms. At scale 1 an entry of either list no longer seen is only reported.
 */
const knownAtFullScale: string[] = ['GET /api/workbench (admin): items'];

type Who =
  | 'admin'
  | 'province office'
  | 'city office'
  | 'county office'
  | 'province leader'
  | 'city leader'
  | 'unit (many)'
  | 'unit (typical)'
  | 'reporter (many)'
  | 'reporter (typical)'
  | 'inspector';

interface Case {
  /** the route and a name for the variant (stable across scales: no ids) */
  label: string;
  who: Who;
  url: string;
}

interface Statement {
  sql: string;
  parameters: readonly unknown[];
}

let t: TestApp;
let summary: ProvinceSummary;

beforeAll(async () => {
  // A list chooses its way by the size of its set against the exact-count limit (10,000 rows):
  // scaled with the province, a small province's lists choose as the full one's would.
  exactTotals.limit = Math.max(50, Math.round(EXACT_TOTAL_LIMIT * SCALE));
  t = await createTestApp({
    seed: false,
    prepare: async (db) => {
      summary = await generateProvince(db, { scale: SCALE });
    },
  });
}, 1_800_000);

afterAll(async () => {
  exactTotals.limit = EXACT_TOTAL_LIMIT;
  await t?.close();
});

async function cases(): Promise<Case[]> {
  const db = t.database.db;
  const { accounts: a, months, ids } = summary;
  const one = async <T>(q: Promise<{ rows: T[] }>) => (await q).rows[0]!;
  const unit = await one(
    sql<{ id: number }>`select unit_id as id from users where username = ${a.unit.many}`.execute(db),
  );
  const leader = await one(
    sql<{ id: number }>`select leader_position_id as id from projects where region_code = '230600'
      group by 1 order by count(*) desc limit 1`.execute(db),
  );
  const report = await one(
    sql<{ id: number }>`select id from monthly_reports where project_id = ${ids.project} and current
      order by year desc, month desc limit 1`.execute(db),
  );
  const page = (
    await sql<{
      id: number;
    }>`select id from projects where region_code like '2306%' order by code limit 25`.execute(db)
  ).rows.map((r) => r.id);
  const year = Number(months.open.slice(0, 4));
  const closed = months.latestClosed!;
  const c = (label: string, who: Who, url: string): Case => ({ label, who, url });
  const everyone: Who[] = [
    'admin',
    'province office',
    'city office',
    'county office',
    'province leader',
    'city leader',
    'unit (many)',
    'unit (typical)',
    'reporter (many)',
    'reporter (typical)',
    'inspector',
  ];
  return [
    // the ledger (问题台账): each reader, each filter, each sort
    ...everyone.map((w) => c('GET /api/items', w, '/api/items?pageSize=25')),
    ...(
      [
        ['kind', 'kind=problem'],
        ['status', 'status=responded'],
        ['open', 'open=true'],
        ['closed', 'open=false'],
        ['category', `category=${encodeURIComponent('资金')}`],
        ['unitId', `unitId=${unit.id}`],
        ['projectId', `projectId=${ids.project}`],
        ['level', 'level=3'],
        ['listed', 'listed=true'],
        ['overdue', 'overdue=true'],
        ['not overdue', 'overdue=false'],
        ['mine=raised', 'mine=raised'],
        ['regionCode', 'regionCode=230623'],
        ['month', `month=${months.checking}`],
        ['q', `q=${encodeURIComponent('施工')}`],
        ['page 2', 'page=2'],
      ] as const
    ).map(([name, q]) => c(`GET /api/items ${name}`, 'city office', `/api/items?pageSize=25&${q}`)),
    c('GET /api/items mine=toAnswer', 'unit (many)', '/api/items?pageSize=25&mine=toAnswer'),
    ...(['raisedAt', '-raisedAt', 'due', 'level', '-level', 'code'] as const).map((s) =>
      c(`GET /api/items sort=${s}`, 'province office', `/api/items?pageSize=25&sort=${s}`),
    ),
    c('GET /api/items/:id (busiest)', 'province office', `/api/items/${ids.busyItem}`),
    c('GET /api/items/:id (busiest)', 'admin', `/api/items/${ids.busyItem}`),
    ...(ids.mergedTarget
      ? [c('GET /api/items/:id (merged into)', 'province office', `/api/items/${ids.mergedTarget}`)]
      : []),
    c('GET /api/items/escalations', 'province office', '/api/items/escalations'),
    c('GET /api/items/escalations', 'city office', '/api/items/escalations'),
    // the registry
    ...everyone
      .filter((w) => w !== 'inspector')
      .map((w) => c('GET /api/projects', w, '/api/projects?pageSize=25')),
    ...(
      [
        ['year', `year=${year}`],
        ['listId', `listId=${ids.cityList}`],
        ['batch', `year=${year}&batch=${encodeURIComponent('新开工')}`],
        ['sector', `sector=${encodeURIComponent('工业')}`],
        ['regionCode', 'regionCode=230623'],
        ['unitId', `unitId=${unit.id}`],
        ['leaderPositionId', `leaderPositionId=${leader.id}`],
        ['stage', 'stage=continuing'],
        ['includeInactive', 'includeInactive=true'],
        ['q', `q=${encodeURIComponent('污水')}`],
        ['page 2', 'page=2'],
      ] as const
    ).map(([name, q]) => c(`GET /api/projects ${name}`, 'city office', `/api/projects?pageSize=25&${q}`)),
    ...(['code', 'name', 'totalInvestment', '-totalInvestment', 'stage'] as const).map((s) =>
      c(`GET /api/projects sort=${s}`, 'province office', `/api/projects?pageSize=25&sort=${s}`),
    ),
    c(
      'GET /api/projects/status (a page)',
      'city office',
      `/api/projects/status?projectIds=${page.join(',')}`,
    ),
    c('GET /api/projects/:id', 'county office', `/api/projects/${ids.project}`),
    c('GET /api/projects/:id/lists', 'county office', `/api/projects/${ids.project}/lists`),
    c('GET /api/projects/:id/plans', 'county office', `/api/projects/${ids.project}/plans`),
    c('GET /api/projects/:id/stages', 'county office', `/api/projects/${ids.project}/stages`),
    c('GET /api/projects/:id/procedures', 'county office', `/api/projects/${ids.project}/procedures`),
    c(
      'GET /api/projects/:id/progress',
      'county office',
      `/api/projects/${ids.project}/progress?year=${year}`,
    ),
    c(
      'GET /api/projects/:id/reports/:month',
      'county office',
      `/api/projects/${ids.project}/reports/${months.checking}`,
    ),
    c('GET /api/plan-drafts', 'city office', `/api/plan-drafts?year=${year}`),
    // lists and their members
    c('GET /api/project-lists', 'province office', '/api/project-lists'),
    c('GET /api/project-lists', 'county office', `/api/project-lists?year=${year}`),
    c('GET /api/project-lists/:id (a city list)', 'city office', `/api/project-lists/${ids.cityList}`),
    c('GET /api/project-lists/:id (a city list)', 'county office', `/api/project-lists/${ids.cityList}`),
    c('GET /api/project-lists/:id (a county list)', 'county office', `/api/project-lists/${ids.countyList}`),
    c(
      'GET /api/project-lists/:id?members=none',
      'city office',
      `/api/project-lists/${ids.cityList}?members=none`,
    ),
    c(
      'GET /api/project-lists/:id?members=none',
      'county office',
      `/api/project-lists/${ids.cityList}?members=none`,
    ),
    c('GET /api/project-lists/:id/members', 'city office', `/api/project-lists/${ids.cityList}/members`),
    c('GET /api/project-lists/:id/members', 'county office', `/api/project-lists/${ids.cityList}/members`),
    c(
      'GET /api/project-lists/:id/members',
      'admin',
      `/api/project-lists/${ids.cityList}/members?page=3&batch=在建`,
    ),
    c(
      'GET /api/project-lists/:id/members (history)',
      'city office',
      `/api/project-lists/${ids.cityList}/members?history=true`,
    ),
    c(
      'GET /api/project-lists/:id/members (search)',
      'city office',
      `/api/project-lists/${ids.cityList}/members?q=${encodeURIComponent('项目')}`,
    ),
    // monthly reports: the verification queue, a month's reports, the filers' inbox, overdue, 催报
    c(
      'GET /api/reports (verification queue)',
      'city office',
      `/api/reports?pageSize=25&month=${months.checking}&status=submitted`,
    ),
    c('GET /api/reports (a month)', 'county office', `/api/reports?pageSize=25&month=${months.checking}`),
    c('GET /api/reports', 'province office', '/api/reports?pageSize=25'),
    c('GET /api/reports (a project)', 'unit (many)', `/api/reports?pageSize=25&projectId=${ids.project}`),
    c('GET /api/reports/inbox', 'reporter (many)', '/api/reports/inbox'),
    c('GET /api/reports/inbox', 'reporter (typical)', '/api/reports/inbox'),
    c('GET /api/reports/inbox', 'unit (typical)', '/api/reports/inbox'),
    c('GET /api/reports/inbox (a month)', 'reporter (many)', `/api/reports/inbox?month=${months.open}`),
    c('GET /api/reports/overdue', 'city office', `/api/reports/overdue?month=${months.checking}`),
    c('GET /api/reports/reminders', 'unit (many)', `/api/reports/reminders?month=${months.checking}`),
    // the light board and the closes
    ...(['province office', 'city office', 'county office', 'city leader', 'unit (many)'] as const).map((w) =>
      c('GET /api/lights', w, `/api/lights?pageSize=25&month=${closed}`),
    ),
    ...(
      [
        ['color', 'color=red'],
        ['reason', 'reason=LAG'],
        ['regionCode', 'regionCode=230623'],
        ['sector', `sector=${encodeURIComponent('工业')}`],
        ['listId', `listId=${ids.cityList}`],
        ['unitId', `unitId=${unit.id}`],
        ['projectId', `projectId=${ids.project}`],
      ] as const
    ).map(([name, q]) =>
      c(`GET /api/lights ${name}`, 'city office', `/api/lights?pageSize=25&month=${closed}&${q}`),
    ),
    c('GET /api/month-closes/:region', 'city office', '/api/month-closes/230600?inherit=true'),
    c(
      'GET /api/month-closes/:region/latest',
      'county office',
      '/api/month-closes/230623/latest?inherit=true',
    ),
    // the workbench of every reader
    ...everyone.map((w) => c('GET /api/workbench', w, '/api/workbench')),
    // timelines and the log
    c('GET /api/audit (a project)', 'county office', `/api/audit?entity=project&id=${ids.project}`),
    c('GET /api/audit (an item)', 'province office', `/api/audit?entity=item&id=${ids.busyItem}`),
    c('GET /api/audit (a report)', 'county office', `/api/audit?entity=report&id=${report.id}`),
    c('GET /api/audit (a list)', 'city office', `/api/audit?entity=project_list&id=${ids.cityList}`),
    c('GET /api/audit (a close)', 'province office', `/api/audit?entity=month_close&id=230000:${closed}`),
    c('GET /api/audit (the log)', 'admin', '/api/audit?pageSize=25'),
    // notifications and the organisation's lists
    c('GET /api/notifications', 'unit (many)', '/api/notifications?pageSize=25'),
    c('GET /api/notifications/unread-count', 'unit (many)', '/api/notifications/unread-count'),
    c('GET /api/users', 'admin', '/api/users?pageSize=25'),
    c('GET /api/users', 'city office', '/api/users?pageSize=25'),
    c('GET /api/units', 'city office', '/api/units?pageSize=25'),
    c('GET /api/people', 'city office', '/api/people?pageSize=25'),
    c('GET /api/positions', 'city office', '/api/positions?pageSize=25'),
    c('GET /api/auth/me', 'unit (many)', '/api/auth/me'),
  ];
}

const reads = /^\s*(select|with|update|delete)\b/i;

async function explain(s: Statement): Promise<PlanNode> {
  return t.database.db.transaction().execute(async (trx) => {
    if (SCALE < 1) await sql`set local enable_seqscan = off`.execute(trx);
    const r = await trx.executeQuery(CompiledQuery.raw(`explain (format json) ${s.sql}`, [...s.parameters]));
    const cell = Object.values(r.rows[0] as Record<string, unknown>)[0];
    const plans = (typeof cell === 'string' ? JSON.parse(cell) : cell) as { Plan: PlanNode }[];
    return plans[0]!.Plan;
  });
}

const short = (s: string) => s.replace(/\s+/g, ' ').trim();

describe(`plans of every read on a generated province (scale ${SCALE})`, () => {
  it('use an index for every filter and sort', { timeout: 1_800_000 }, async () => {
    const all = await cases();
    const clients = new Map<Who, Client>();
    const a = summary.accounts;
    const usernames: Record<Who, string> = {
      admin: a.admin,
      'province office': a.office.province,
      'city office': a.office.city,
      'county office': a.office.county,
      'province leader': a.leader.province,
      'city leader': a.leader.city,
      'unit (many)': a.unit.many,
      'unit (typical)': a.unit.typical,
      'reporter (many)': a.reporter.many,
      'reporter (typical)': a.reporter.typical,
      inspector: a.inspector,
    };
    for (const who of new Set(all.map((c) => c.who)))
      clients.set(who, await login(t.app, usernames[who], a.password));

    // run every request, capturing its statements
    const captured: { c: Case; status: number; body: string; statements: Statement[] }[] = [];
    let current: Statement[] = [];
    const observer = (s: string, parameters: readonly unknown[]) => current.push({ sql: s, parameters });
    statementObservers.add(observer);
    try {
      for (const c of all) {
        current = [];
        const res = await clients.get(c.who)!.get(c.url);
        captured.push({ c, status: res.statusCode, body: res.body.slice(0, 300), statements: current });
      }
    } finally {
      statementObservers.delete(observer);
    }
    const failed = captured.filter((x) => x.status !== 200);
    expect(failed.map((x) => `${x.c.label} (${x.c.who}) ${x.c.url}: ${x.status} ${x.body}`)).toEqual([]);

    // explain each distinct statement once
    const plans = new Map<string, PlanNode | Error>();
    const keyOf = (s: Statement) => `${s.sql}\u0000${JSON.stringify(s.parameters)}`;
    for (const x of captured)
      for (const s of x.statements) {
        if (!reads.test(s.sql) || plans.has(keyOf(s))) continue;
        plans.set(keyOf(s), await explain(s).catch((e: Error) => e));
      }

    // judge and report
    const partial = new Set(
      (
        await sql<{
          name: string;
        }>`select c.relname as name from pg_index i join pg_class c on c.oid = i.indexrelid
          where i.indpred is not null`.execute(t.database.db)
      ).rows.map((r) => r.name),
    );
    const tableRows = new Map(
      (
        await sql<{ name: string; n: number }>`select relname as name, reltuples::float8 as n from pg_class
          where relkind = 'r' and relnamespace = 'public'::regnamespace`.execute(t.database.db)
      ).rows.map((r) => [r.name, Number(r.n)]),
    );
    const lines: string[] = [];
    const seen = new Map<string, { c: Case; sql: string; o: Offense }>();
    const errors: string[] = [];
    for (const x of captured) {
      const request = `${x.c.label} (${x.c.who})`;
      lines.push(`\n${request}  GET ${x.c.url}  → ${x.status}, ${x.statements.length} statements`);
      for (const s of x.statements) {
        const plan = plans.get(keyOf(s));
        lines.push(`  ${short(s.sql).slice(0, 160)}`);
        if (!plan) continue;
        if (plan instanceof Error) {
          errors.push(`${request}: ${plan.message}\n  ${short(s.sql)}`);
          lines.push(`    EXPLAIN failed: ${plan.message}`);
          continue;
        }
        for (const scan of planScans(plan)) lines.push(`    ${describeScan(scan, scan.alias)}`);
        for (const o of offenses(plan, LARGE, partial, tableRows)) {
          lines.push(`    ✗ ${o.kind}: ${o.node}`);
          const key = `${request}: ${o.table}`;
          if (!seen.has(key)) seen.set(key, { c: x.c, sql: short(s.sql), o });
        }
      }
    }
    const listed = SCALE < 1 ? knownSeqScans : [...knownSeqScans, ...knownAtFullScale];
    const known = new Set(listed);
    const unknown = [...seen].filter(([k]) => !known.has(k));
    const stale = listed.filter((k) => !seen.has(k));
    const distinct = plans.size;
    const file = path.join(os.tmpdir(), `ducha-explain-${t.database.kind}-${SCALE}.txt`);
    const head = [
      `EXPLAIN of ${captured.length} requests on a province at scale ${SCALE} (${t.database.kind}${SCALE < 1 ? ', enable_seqscan = off' : ''}):`,
      `${captured.reduce((n, x) => n + x.statements.length, 0)} statements, ${distinct} distinct explained;`,
      `${seen.size} offences (${seen.size - unknown.length} known), ${unknown.length} new, ${stale.length} known ones no longer seen.`,
    ];
    fs.writeFileSync(file, [...head, ...lines].join('\n') + '\n');
    console.log(
      [
        ...head,
        `the plans of every statement: ${file}`,
        ...(unknown.length
          ? [
              'new offences:',
              ...unknown.map(([k, v]) => `  '${k}',  // ${v.o.node} in: ${v.sql.slice(0, 200)}`),
            ]
          : []),
        ...(stale.length
          ? [
              'known offences no longer seen (remove them from knownSeqScans):',
              ...stale.map((k) => `  '${k}'`),
            ]
          : []),
      ].join('\n'),
    );
    if (PRINT) console.log(lines.join('\n'));
    if (SCALE === 1) {
      const big = Object.entries(summary.counts)
        .filter(([, n]) => n >= 5000)
        .map(([k]) => k)
        .sort();
      expect(big, 'the large tables of the full province').toEqual([...LARGE].sort());
    }
    expect(errors).toEqual([]);
    expect(unknown.map(([k, v]) => `${k} — ${v.o.kind}: ${v.o.node} — in: ${v.sql.slice(0, 300)}`)).toEqual(
      [],
    );
    if (SCALE < 1) expect(stale, 'known offences no longer seen: remove them from knownSeqScans').toEqual([]);
  });
});
