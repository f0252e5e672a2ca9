/**
 * bench:reads — the read pages under load (issue 12 points 3 and 4). For each database (PGlite
 * file-backed, as `npm start` runs it, in its worker thread; then PostgreSQL) and each size (the
 * demo city; the generated province when bench/province/generate.ts is there), prepares a fresh
 * database, starts ONE server process (`reads-server.ts`: the real app as main.ts builds it, and on
 * another port the bare server of `reads-bare.ts`, the same pages by minimal hand-written SQL
 * through the same `Db`), signs in once per role, and loads every read with autocannon at 10, 50
 * and 200 connections for BENCH_DURATION seconds, the app and then the bare server. Prints req/s,
 * p50/p99, non-2xx (must be 0: the run fails otherwise) beside the bare figures and the ratio, the
 * server's CPU time per request by thread (and PostgreSQL's, by its processes), read from /proc,
 * and PASS/MISS against the issue's targets. When the Redmine peer is set up (bench/peer/), it
 * is seeded with as many issues as the size has items and measured the same way, with one and two
 * puma workers, and our throughput over Redmine's is printed.
 *
 * Environment: BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (default 10,50,200),
 * BENCH_SIZE=demo|province|both (default: both when the generator is there), BENCH_SCALE (the
 * generator's scale, default 1), BENCH_PG=0 (skip PostgreSQL), BENCH_PGLITE=0 (skip PGlite), DATABASE_URL (a PostgreSQL server
 * to create the database on; else the peer's cluster when set up, else a throw-away cluster of the
 * local installation), BENCH_ONLY=<read names, comma-separated; `redmine` for the peer>,
 * BENCH_REDMINE=0 (skip the peer), BENCH_REDMINE_WORKERS (default 1,2), BENCH_PORT (3120; the
 * bare server on the next port), BENCH_PG_PORT (3124), BENCH_TIMEOUT (s, default 30),
 * BENCH_PROVINCE_PG=<url> (a province `npm run bench:province -- --pg <url>` generated: read it
 * instead of generating one; migrated to the latest, kept afterwards).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { pgBin, startCluster } from './pg-cluster.ts';
import pg from 'pg';
import {
  migrateToLatest,
  openPglite,
  openPostgres,
  type Db,
  type OpenDb,
} from '../packages/server/src/db/connection.ts';
import { seedDemoData } from '../packages/server/src/demo.ts';
import { DEMO_PASSWORD } from '../packages/server/src/modules/org/seed.ts';
import { todayInChina } from '../packages/server/src/platform/time.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '10,50,200').split(',').map(Number);
const PORT = Number(process.env.BENCH_PORT ?? 3120);
const BARE_PORT = PORT + 1;
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 3124);
const TIMEOUT = Number(process.env.BENCH_TIMEOUT ?? 30);
const ONLY = process.env.BENCH_ONLY?.split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const REDMINE_WORKERS = (process.env.BENCH_REDMINE_WORKERS ?? '1,2').split(',').map(Number);
const TARGET_CONNS = 50;
const provinceGenerator = path.join(repoRoot, 'bench/province/generate.ts');
const hasProvince = fs.existsSync(provinceGenerator);
const SIZES = (() => {
  const s = process.env.BENCH_SIZE ?? (hasProvince ? 'both' : 'demo');
  const sizes = s === 'both' ? ['demo', 'province'] : [s];
  if (sizes.some((x) => x !== 'demo' && x !== 'province')) throw new Error(`BENCH_SIZE=${s}?`);
  if (sizes.includes('province') && !hasProvince)
    throw new Error('BENCH_SIZE=province needs bench/province/generate.ts (the province generator)');
  return sizes as ('demo' | 'province')[];
})();
const peer = {
  dir: process.env.DUCHA_PEER_DIR ?? '/var/lib/ducha-bench',
  port: Number(process.env.DUCHA_PEER_PORT ?? 3125),
  script: (name: string) => path.join(repoRoot, 'bench/peer', name),
};
const peerPg = path.join(peer.dir, 'pg');
const redmineInstalled = fs.existsSync('/usr/share/redmine/config.ru') && fs.existsSync('/usr/bin/puma');
const redmineReady =
  redmineInstalled &&
  fs.existsSync(path.join(peerPg, 'PG_VERSION')) &&
  fs.existsSync(path.join(peer.dir, 'redmine-api-key'));

let failed = false;
const fail = (msg: string) => {
  failed = true;
  console.log(`  !! FAIL: ${msg}`);
};

// ---------------------------------------------------------------- measuring

/** CPU time (ms) of each thread of a process, with the thread's name (Linux; empty elsewhere). */
function threadCpu(pid: number): Map<number, { ms: number; name: string }> {
  const out = new Map<number, { ms: number; name: string }>();
  try {
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(tid), { ms: ((Number(f[11]) + Number(f[12])) * 1000) / 100, name });
    }
  } catch {
    /* not Linux, or gone */
  }
  return out;
}

/** CPU time (ms) of a process and all its descendants (PostgreSQL's backends, puma's workers). */
function treeCpu(root: number): number {
  const parent = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(d), Number(f[1]));
      cpu.set(Number(d), ((Number(f[11]) + Number(f[12])) * 1000) / 100);
    } catch {
      /* gone */
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 20; p = parent.get(p) ?? 0, hops++)
      if (p === root) return true;
    return false;
  };
  let ms = 0;
  for (const [pid, c] of cpu) if (inTree(pid)) ms += c;
  return ms;
}

interface Run {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** sent, answered in the run or after it (the CPU is counted until the server is idle again) */
  sent: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

async function load(url: string, connections: number, headers: Record<string, string>): Promise<Run> {
  const r = await autocannon({ url, connections, duration: DURATION, headers, timeout: TIMEOUT });
  return {
    rps: r.requests.total / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    sent: r.requests.sent,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}

/** A short burst before measuring: plans prepared, caches filled, connections open. */
/**
 * Waits until the server has worked off what a run left in flight: when autocannon stops, the
 * requests it had sent are still being answered (at 200 connections up to 200 of them, seconds of
 * work), and would slow the next run down. A probe through the same queue (the database for us,
 * puma's for Redmine) answers only behind them; idle is a probe answered within 100 ms.
 */
async function drain(url: string, headers: Record<string, string> = {}) {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    const t0 = performance.now();
    try {
      await get(url, headers);
    } catch {
      /* busy: try again */
    }
    if (performance.now() - t0 < 100) return;
  }
}

const warm = (url: string, headers: Record<string, string>) =>
  autocannon({ url, connections: 5, amount: 50, headers, timeout: TIMEOUT });

/** One GET; a kept-alive socket the server closed meanwhile (a restarted puma) is retried once on a new one. */
async function get(url: string, headers: Record<string, string> = {}, retry = true) {
  try {
    const res = await fetch(url, { headers });
    return { status: res.status, text: await res.text() };
  } catch (e) {
    if (!retry || (e as { cause?: { code?: string } }).cause?.code !== 'UND_ERR_SOCKET') throw e;
    return get(url, headers, false);
  }
}

async function waitFor(url: string, server?: ChildProcess, seconds = 300) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (server && server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      if ((await get(url)).status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer`);
}

const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '—');
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—');
const pad = (s: string | number, n: number) => String(s).padStart(n);
const load1 = () => os.loadavg()[0]!.toFixed(2);

// ---------------------------------------------------------------- the data

interface Setup {
  size: 'demo' | 'province';
  today: string;
  password: string;
  users: { office: string; admin: string; reporter: string };
  officePath: string;
  reporterUnit: number;
  status: string;
  unitId: number;
  itemId: number;
  listId: number;
  auditProject: number;
  lights: { y: number; m: number };
  queue: { y: number; m: number };
  counts: { items: number; projects: number; itemEvents: number; auditEvents: number };
}

const ym = (x: { y: number; m: number }) => `${x.y}-${String(x.m).padStart(2, '0')}`;

/** Fills a fresh database for the size and picks the pages to load (the same SQL at any size). */
async function prepare(database: OpenDb, size: 'demo' | 'province'): Promise<Setup> {
  const { db } = database;
  const t0 = performance.now();
  await migrateToLatest(db);
  let users = { office: 'office', admin: 'admin', reporter: 'reporter' };
  let password = DEMO_PASSWORD;
  if (size === 'demo') await seedDemoData(db);
  else {
    const { generateProvince } = (await import(provinceGenerator)) as {
      generateProvince: (db: Db, o: { scale: number; log?: (s: string) => void }) => Promise<ProvinceSummary>;
    };
    const summary = await generateProvince(db, {
      scale: Number(process.env.BENCH_SCALE ?? 1),
      log: (s) => console.log(`    ${s}`),
    });
    ({ users, password } = provinceUsers(summary));
  }
  const setup = await discover(db, size, users, password);
  await database.close();
  console.log(`  prepared the ${size} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return setup;
}

/**
 * The province generator's summary (bench/province/generate.ts): the accounts to sign in as — the
 * city office (its ledger is a city's), the admin, the reporter of a county's investment company
 * (the typical inbox) — and their password.
 */
interface ProvinceSummary {
  accounts: {
    password: string;
    admin: string;
    office: { city: string };
    reporter: { typical: string };
  };
}
/** The generator's well-known accounts (bench/province/org.ts), for a province generated earlier. */
const PROVINCE_ACCOUNTS = { office: 'p-office-230600', admin: 'p-admin', reporter: 'p-reporter-2' };
const provinceUsers = (s: ProvinceSummary) => ({
  users: { office: s.accounts.office.city, admin: s.accounts.admin, reporter: s.accounts.reporter.typical },
  password: s.accounts.password,
});

async function discover(
  db: Db,
  size: 'demo' | 'province',
  users: Setup['users'],
  password: string,
): Promise<Setup> {
  const one = async <T>(q: ReturnType<typeof sql<T>>, what: string): Promise<T> => {
    const r = (await q.execute(db)).rows[0];
    if (!r) throw new Error(`no ${what} in the ${size} data`);
    return r;
  };
  const { path: officePath } = await one(
    sql<{
      path: string;
    }>`select r.path from users u join regions r on r.code = u.region_code where u.username = ${users.office}`,
    `office user ${users.office}`,
  );
  const inScope = (col: string) =>
    sql`${sql.ref(col)} in (select code from regions where path = ${officePath} or path like ${officePath + '.%'})`;
  const { unit_id: reporterUnit } = await one(
    sql<{ unit_id: number }>`select unit_id from users where username = ${users.reporter}`,
    `reporter ${users.reporter}`,
  );
  const { status } = await one(
    sql<{ status: string }>`select status from items i where status not in ('closed', 'merged')
      and ${inScope('i.region_code')} group by status order by count(*) desc, status limit 1`,
    'open item',
  );
  const { unit } = await one(
    sql<{ unit: number }>`select responsible_unit_id as unit from items i
      where responsible_unit_id is not null and ${inScope('i.region_code')}
      group by 1 order by count(*) desc, 1 limit 1`,
    'responsible unit',
  );
  // the heaviest item page: the item with the most events
  const { id: itemId } = await one(
    sql<{ id: number }>`select e.item_id as id from item_events e join items i on i.id = e.item_id
      where ${inScope('i.region_code')} group by 1 order by count(*) desc, 1 limit 1`,
    'item event',
  );
  // the office's own list with the most members (else any it reads)
  const { id: listId } = await one(
    sql<{ id: number }>`select l.id from project_lists l join regions r on r.code = l.region_code
      left join project_list_members m on m.list_id = l.id
      where ${officePath} = r.path or ${officePath} like r.path || '.%' or r.path like ${officePath + '.%'}
      group by l.id, r.path order by (r.path = ${officePath}) desc, count(m.id) desc, l.id limit 1`,
    'project list',
  );
  const { id: auditProject } = await one(
    sql<{ id: number }>`select entity_id::int as id from audit_events a
      join projects p on p.id = a.entity_id::int
      where a.entity = 'project' and ${inScope('p.region_code')}
      group by 1 order by count(*) desc, 1 limit 1`,
    'project audit event',
  );
  const lights = await one(
    sql<{
      y: number;
      m: number;
    }>`select c.year as y, c.month as m from month_closes c join regions r on r.code = c.region_code
      where ${officePath} = r.path or ${officePath} like r.path || '.%'
      order by c.year desc, c.month desc limit 1`,
    'month close',
  );
  const queue = await one(
    sql<{ y: number; m: number }>`select year as y, month as m from monthly_reports
      where current and status = 'submitted' group by 1, 2 order by 1 desc, 2 desc limit 1`,
    'submitted report',
  );
  const counts = await one(
    sql<Setup['counts']>`select (select count(*)::int from items) as items,
      (select count(*)::int from projects) as projects,
      (select count(*)::int from item_events) as "itemEvents",
      (select count(*)::int from audit_events) as "auditEvents"`,
    'counts',
  );
  return {
    size,
    today: todayInChina(),
    password,
    users,
    officePath,
    reporterUnit,
    status,
    unitId: unit,
    itemId,
    listId,
    auditProject,
    lights,
    queue,
    counts,
  };
}

// ---------------------------------------------------------------- the reads

/** An answer's JSON, read loosely: only to compare the app's page with the bare one. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

interface Read {
  name: string;
  label: string;
  role: keyof Setup['users'];
  app: string;
  bare: string;
  /** the answer's total, to check that the bare query fetched the same page */
  total?: (json: unknown) => number;
  /** the keys of the page's rows in order, in the app's answer and in the bare one (`unordered`: as sets) */
  page?: { app: (json: Json) => string[]; bare: (json: Json) => string[]; unordered?: true };
}

const keysOf =
  (field: string, key: (x: Json) => unknown) =>
  (j: Json): string[] =>
    ((field ? j[field] : j) as Json[]).map((x) => String(key(x)));
const byId = { app: keysOf('items', (x) => x.id), bare: keysOf('items', (x) => x.id) };

const listTotal = (j: unknown) => (j as { total: number }).total;
const arrayLength = (j: unknown) => (j as unknown[]).length;

function readsOf(s: Setup): Read[] {
  const p = encodeURIComponent(s.officePath);
  const reads: Read[] = [
    {
      name: 'ledger',
      label: 'ledger (office)',
      role: 'office',
      app: '/api/items?pageSize=25',
      bare: `/ledger?path=${p}`,
      total: listTotal,
      page: byId,
    },
    {
      name: 'ledger-admin',
      label: 'ledger (admin)',
      role: 'admin',
      app: '/api/items?pageSize=25',
      bare: '/ledger',
      total: listTotal,
      page: byId,
    },
    {
      name: 'ledger-status',
      label: `ledger status=${s.status}`,
      role: 'office',
      app: `/api/items?pageSize=25&status=${s.status}`,
      bare: `/ledger?path=${p}&status=${s.status}`,
      total: listTotal,
      page: byId,
    },
    {
      name: 'ledger-unit',
      label: `ledger unitId=${s.unitId}`,
      role: 'office',
      app: `/api/items?pageSize=25&unitId=${s.unitId}`,
      bare: `/ledger?path=${p}&unit=${s.unitId}`,
      total: listTotal,
      page: byId,
    },
    {
      name: 'item',
      label: `item page #${s.itemId}`,
      role: 'office',
      app: `/api/items/${s.itemId}`,
      bare: `/item?id=${s.itemId}`,
      page: {
        app: (j) => [String(j.item.id), ...j.events.map((e: { id: number }) => e.id)],
        bare: (j) => [String(j.item.id), ...j.events.map((e: { id: number }) => e.id)],
      },
    },
    {
      name: 'projects',
      label: 'projects',
      role: 'office',
      app: '/api/projects?pageSize=25',
      bare: `/projects?path=${p}`,
      total: listTotal,
      page: byId,
    },
    {
      name: 'lights',
      label: `light board ${ym(s.lights)}`,
      role: 'office',
      app: `/api/lights?month=${ym(s.lights)}&pageSize=25`,
      bare: `/lights?path=${p}&y=${s.lights.y}&m=${s.lights.m}`,
      total: listTotal,
      page: { app: keysOf('items', (x) => x.projectId), bare: keysOf('items', (x) => x.project_id) },
    },
    {
      name: 'inbox',
      label: 'reporter inbox',
      role: 'reporter',
      app: '/api/reports/inbox',
      bare: `/inbox?unit=${s.reporterUnit}&today=${s.today}`,
      total: arrayLength,
      // the same tasks; the app puts the overdue first (by the calendars' deadlines), the bare
      // query orders by month and code only
      page: {
        app: keysOf('', (x) => `${x.projectId}:${x.month}`),
        bare: keysOf('', (x) => `${x.project_id}:${x.y}-${String(x.m).padStart(2, '0')}`),
        unordered: true,
      },
    },
    {
      name: 'queue',
      label: `verification queue ${ym(s.queue)}`,
      role: 'office',
      app: `/api/reports?month=${ym(s.queue)}&status=submitted&pageSize=25`,
      bare: `/queue?path=${p}&y=${s.queue.y}&m=${s.queue.m}`,
      total: listTotal,
      page: byId,
    },
    {
      name: 'escalations',
      label: 'escalation proposals',
      role: 'office',
      app: '/api/items/escalations',
      bare: `/escalations?path=${p}&today=${s.today}`,
    },
    {
      name: 'members',
      label: `list #${s.listId} members`,
      role: 'office',
      app: `/api/project-lists/${s.listId}/members`,
      bare: `/members?id=${s.listId}&path=${p}`,
      total: listTotal,
      page: { app: keysOf('items', (x) => x.projectId), bare: keysOf('items', (x) => x.project_id) },
    },
    {
      name: 'audit',
      label: `audit timeline project #${s.auditProject}`,
      role: 'office',
      app: `/api/audit?entity=project&id=${s.auditProject}&page=1&pageSize=20`,
      bare: `/audit?entity=project&id=${s.auditProject}`,
      total: listTotal,
      page: { app: keysOf('items', (x) => x.id), bare: keysOf('items', (x) => x.seq) },
    },
  ];
  return ONLY ? reads.filter((r) => ONLY.includes(r.name)) : reads;
}

// ---------------------------------------------------------------- one database × size

interface Row {
  read: Read;
  conns: number;
  app: Run;
  bare: Run;
  cpu: { main: number; busiest: number; busiestName: string; others: number; postgres: number | null };
  bareCpu: { main: number; busiest: number; postgres: number | null };
}

interface Measured {
  db: 'PGlite' | 'PostgreSQL';
  setup: Setup;
  rows: Row[];
}

async function signIn(username: string, password: string) {
  const res = await fetch(`http://127.0.0.1:${PORT}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in ${username}: ${res.status} ${await res.text()}`);
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('ducha_session='));
  if (!session) throw new Error(`sign-in ${username}: no session cookie`);
  return { cookie: session };
}

async function measure(
  dbLabel: Measured['db'],
  env: Record<string, string>,
  setup: Setup,
  postmaster: () => number | null,
): Promise<Measured> {
  const server = spawn(process.execPath, ['--import', 'tsx', 'bench/reads-server.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      ...env,
      PORT: String(PORT),
      BENCH_BARE_PORT: String(BARE_PORT),
      LOG_LEVEL: 'warn',
      DUCHA_SCHEDULE: '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const rows: Row[] = [];
  try {
    await waitFor(`http://127.0.0.1:${PORT}/api/health`, server);
    await waitFor(`http://127.0.0.1:${BARE_PORT}/audit?entity=x&id=0`, server);
    const sessions = {
      office: await signIn(setup.users.office, setup.password),
      admin: await signIn(setup.users.admin, setup.password),
      reporter: await signIn(setup.users.reporter, setup.password),
    };
    const reads = readsOf(setup);
    const c = setup.counts;
    console.log(
      `\n${dbLabel} · ${setup.size}: ${c.items.toLocaleString('en')} items (${c.itemEvents.toLocaleString('en')} events), ${c.projects.toLocaleString('en')} projects, ${c.auditEvents.toLocaleString('en')} audit events; ${DURATION} s per run; load ${load1()}`,
    );
    // every read answers 200 on both servers, and the bare query fetched the same page
    for (const r of reads) {
      const a = await get(`http://127.0.0.1:${PORT}${r.app}`, sessions[r.role]);
      const b = await get(`http://127.0.0.1:${BARE_PORT}${r.bare}`);
      if (a.status !== 200) throw new Error(`${r.label}: app answered ${a.status} ${a.text.slice(0, 300)}`);
      if (b.status !== 200) throw new Error(`${r.label}: bare answered ${b.status} ${b.text.slice(0, 300)}`);
      if (r.total) {
        const [ta, tb] = [r.total(JSON.parse(a.text)), r.total(JSON.parse(b.text))];
        if (ta !== tb) console.log(`  note: ${r.label}: the app counts ${ta}, the bare query ${tb}`);
      }
      if (r.page) {
        const keys = (k: string[]) => (r.page!.unordered ? [...k].sort() : k).join();
        const [ka, kb] = [keys(r.page.app(JSON.parse(a.text))), keys(r.page.bare(JSON.parse(b.text)))];
        if (ka !== kb)
          console.log(
            `  note: ${r.label}: the pages differ (app rows ${ka.slice(0, 80)}…, bare ${kb.slice(0, 80)}…)`,
          );
      }
      await warm(`http://127.0.0.1:${PORT}${r.app}`, sessions[r.role]);
      await warm(`http://127.0.0.1:${BARE_PORT}${r.bare}`, {});
    }
    console.log(
      `  ${'read'.padEnd(34)} ${pad('conns', 5)} │ ${pad('app req/s', 9)} ${pad('p50', 6)} ${pad('p99', 6)} ${pad('non2xx', 6)} │ ${pad('bare req/s', 10)} ${pad('p50', 5)} ${pad('p99', 5)} │ ${pad('app/bare', 8)} │ CPU ms/req: app main, busiest other thread, PostgreSQL │ bare main, other, PostgreSQL`,
    );
    for (const r of reads) {
      for (const conns of CONNECTIONS) {
        const pid = server.pid!;
        const pm = postmaster();
        const t0 = threadCpu(pid);
        const pg0 = pm ? treeCpu(pm) : 0;
        const app = await load(`http://127.0.0.1:${PORT}${r.app}`, conns, sessions[r.role]);
        await drain(`http://127.0.0.1:${PORT}/api/health`);
        const t1 = threadCpu(pid);
        const pg1 = pm ? treeCpu(pm) : 0;
        const bare = await load(`http://127.0.0.1:${BARE_PORT}${r.bare}`, conns, {});
        await drain(`http://127.0.0.1:${PORT}/api/health`);
        const t2 = threadCpu(pid);
        const pg2 = pm ? treeCpu(pm) : 0;
        const split = (a: typeof t0, b: typeof t0, n: number) => {
          const used = [...b].map(([tid, v]) => ({ tid, ms: v.ms - (a.get(tid)?.ms ?? 0), name: v.name }));
          const main = used.find((u) => u.tid === pid)?.ms ?? NaN;
          const others = used.filter((u) => u.tid !== pid).sort((x, y) => y.ms - x.ms);
          return {
            main: main / n,
            busiest: (others[0]?.ms ?? 0) / n,
            busiestName: others[0]?.name ?? '',
            others: others.reduce((s, u) => s + u.ms, 0) / n,
          };
        };
        const row: Row = {
          read: r,
          conns,
          app,
          bare,
          cpu: { ...split(t0, t1, app.sent), postgres: pm ? (pg1 - pg0) / app.sent : null },
          bareCpu: { ...split(t1, t2, bare.sent), postgres: pm ? (pg2 - pg1) / bare.sent : null },
        };
        rows.push(row);
        const bad = app.non2xx + app.errors;
        console.log(
          `  ${r.label.padEnd(34)} ${pad(conns, 5)} │ ${pad(f1(app.rps), 9)} ${pad(f0(app.p50), 4)}ms ${pad(f0(app.p99), 4)}ms ${pad(bad, 6)} │ ${pad(f1(bare.rps), 10)} ${pad(f0(bare.p50), 3)}ms ${pad(f0(bare.p99), 3)}ms │ ${pad(f0((100 * app.rps) / bare.rps) + '%', 8)} │ ${f1(row.cpu.main)}, ${f1(row.cpu.busiest)}${row.cpu.postgres === null ? '' : `, ${f1(row.cpu.postgres)}`} │ ${f1(row.bareCpu.main)}, ${f1(row.bareCpu.busiest)}${row.bareCpu.postgres === null ? '' : `, ${f1(row.bareCpu.postgres)}`}`,
        );
        if (app.non2xx) fail(`${r.label} at ${conns} connections: ${app.non2xx} answers not 2xx`);
        if (app.errors)
          fail(`${r.label} at ${conns} connections: ${app.errors} errors (${app.timeouts} timeouts)`);
        if (bare.non2xx || bare.errors)
          fail(
            `${r.label} at ${conns} connections: the bare server failed ${bare.non2xx + bare.errors} requests`,
          );
      }
    }
    const busy = rows.find((x) => x.cpu.busiestName)?.cpu.busiestName;
    console.log(
      `  (CPU per request from /proc: "main" is the server's main thread, "busiest other" its busiest other thread${busy ? ` ("${busy}"${dbLabel === 'PGlite' ? ', the PGlite worker' : ''})` : ''}; PostgreSQL: every process of the cluster; load ${load1()})`,
    );
  } finally {
    await stop(server);
  }
  return { db: dbLabel, setup, rows };
}

async function stop(server: ChildProcess) {
  if (server.exitCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  process.kill(-server.pid!, 'SIGTERM');
  await exited;
}

// ---------------------------------------------------------------- the targets (issue 12 point 4)

function targets(m: Measured) {
  const at = (name: string) => m.rows.find((r) => r.read.name === name && r.conns === TARGET_CONNS);
  const lines: string[] = [];
  const check = (ok: boolean | undefined, text: string) =>
    lines.push(`  ${ok === undefined ? 'n/a ' : ok ? 'PASS' : 'MISS'}  ${text}`);
  const pgProvince = m.db === 'PostgreSQL' && m.setup.size === 'province';
  const note = pgProvince ? '' : ' (the target is for the province on PostgreSQL; shown for reference)';
  if (m.db === 'PostgreSQL' || m.setup.size === 'province') {
    for (const name of ['ledger', 'projects', 'lights']) {
      const r = at(name);
      check(
        r && r.app.rps >= r.bare.rps / 3,
        `${name}: ≥ 1/3 of the bare query's throughput at ${TARGET_CONNS} connections: ${r ? `${f1(r.app.rps)} vs ${f1(r.bare.rps)} req/s (${f1((100 * r.app.rps) / r.bare.rps)}%)` : 'not run'}${note}`,
      );
      check(
        r && r.app.p99 < 100,
        `${name}: p99 < 100 ms at ${TARGET_CONNS} connections: ${r ? `${f0(r.app.p99)} ms (bare ${f0(r.bare.p99)} ms)` : 'not run'}${note}`,
      );
    }
    const item = at('item');
    check(
      item && item.app.p99 < 50,
      `item page: p99 < 50 ms at ${TARGET_CONNS} connections: ${item ? `${f0(item.app.p99)} ms (bare ${f0(item.bare.p99)} ms)` : 'not run'}${note}`,
    );
  }
  if (m.db === 'PGlite' && m.setup.size === 'demo') {
    for (const name of ['ledger', 'projects', 'lights', 'item']) {
      const r = at(name);
      check(
        r && r.app.p99 < 100,
        `${name}: p99 < 100 ms at ${TARGET_CONNS} connections on PGlite at demo size: ${r ? `${f0(r.app.p99)} ms (bare ${f0(r.bare.p99)} ms)` : 'not run'}`,
      );
    }
  }
  console.log(`\nTargets, ${m.db} · ${m.setup.size}:`);
  for (const l of lines) console.log(l);
  // autocannon is a closed loop: each connection waits for its answer, so latency ≈ connections ÷ throughput
  console.log(
    `  (closed loop: at ${TARGET_CONNS} connections a p50 under 100 ms needs ≥ ${(TARGET_CONNS / 0.1).toFixed(0)} req/s, under 50 ms ≥ ${(TARGET_CONNS / 0.05).toFixed(0)} req/s)`,
  );
}

/** The runs at 50 connections as one Markdown table per size (for bench/README.md). */
function summary(ours: Measured[]) {
  if (!ours.length) return;
  const cpu = (c: Row['cpu'] | Row['bareCpu']) =>
    `${f1(c.main)} + ${f1(c.busiest)}${c.postgres === null ? '' : ` + pg ${f1(c.postgres)}`}`;
  console.log(
    `\n${ours[0]!.setup.size} at ${TARGET_CONNS} connections, Markdown (req/s, p50/p99 ms; app ÷ bare; CPU ms per request: main + busiest other thread [+ PostgreSQL], app / bare):\n`,
  );
  console.log(
    `| read | ${ours.map((m) => `${m.db} app | bare | app ÷ bare | CPU app / bare`).join(' | ')} |`,
  );
  console.log(`|---|${ours.map(() => '---|---|---|---').join('|')}|`);
  for (const r of readsOf(ours[0]!.setup)) {
    const cells = ours.map((m) => {
      const x = m.rows.find((y) => y.read.name === r.name && y.conns === TARGET_CONNS);
      return x
        ? `${f1(x.app.rps)}, ${f0(x.app.p50)}/${f0(x.app.p99)} | ${f1(x.bare.rps)}, ${f0(x.bare.p50)}/${f0(x.bare.p99)} | ${f0((100 * x.app.rps) / x.bare.rps)}% | ${cpu(x.cpu)} / ${cpu(x.bareCpu)}`
        : '| | |';
    });
    console.log(`| ${r.label} | ${cells.join(' | ')} |`);
  }
}

// ---------------------------------------------------------------- the Redmine peer

interface PeerRow {
  workers: number;
  read: string;
  conns: number;
  run: Run;
  cpuRuby: number;
  cpuPostgres: number;
}

const sh = (script: string, args: string[]) =>
  execFileSync(peer.script(script), args, { stdio: ['ignore', 'pipe', 'inherit'] })
    .toString()
    .trim();

const redmineLog = '/var/log/redmine/default/production.log';
const logSize = () => (fs.existsSync(redmineLog) ? fs.statSync(redmineLog).size : 0);
/** The requests Redmine completed since the log had `from` bytes ("Completed 200 OK in …" lines). */
function completedSince(from: number): number {
  const size = logSize();
  if (size <= from) return 0;
  const fd = fs.openSync(redmineLog, 'r');
  try {
    const buf = Buffer.alloc(size - from);
    fs.readSync(fd, buf, 0, buf.length, from);
    return buf.toString('utf8').split('] Completed ').length - 1;
  } finally {
    fs.closeSync(fd);
  }
}

async function measureRedmine(setup: Setup): Promise<PeerRow[]> {
  const key = fs.readFileSync(path.join(peer.dir, 'redmine-api-key'), 'utf8').trim();
  const journals = Math.max(1, Math.round(setup.counts.itemEvents / Math.max(1, setup.counts.items)));
  console.log(`\nRedmine 5.0.4 (Debian, puma, PostgreSQL on port 3124) · ${setup.size}`);
  console.log(
    `  ${sh('seed.sh', [String(setup.counts.items), String(journals)])} (as many as our items; journals ≈ our events per item)`,
  );
  const headers = { 'x-redmine-api-key': key };
  const out: PeerRow[] = [];
  for (const workers of REDMINE_WORKERS) {
    console.log(`  ${sh('start.sh', [String(workers)])}; load ${load1()}`);
    try {
      const base = `http://127.0.0.1:${peer.port}`;
      const last = JSON.parse((await get(`${base}/issues.json?limit=1`, headers)).text) as {
        issues: { id: number }[];
        total_count: number;
      };
      const issue = last.issues[0]!.id;
      const reads = [
        { read: 'issues.json?limit=25', url: `${base}/issues.json?limit=25`, headers },
        { read: 'issues (HTML, anonymous)', url: `${base}/issues`, headers: {} },
        {
          read: `issues/${issue}.json?include=journals,attachments`,
          url: `${base}/issues/${issue}.json?include=journals,attachments`,
          headers,
        },
      ];
      for (const r of reads) {
        const probe = await get(r.url, r.headers);
        if (probe.status !== 200) throw new Error(`Redmine ${r.read}: ${probe.status}`);
        await warm(r.url, r.headers);
      }
      const master = Number(fs.readFileSync(path.join(peer.dir, 'puma.pid'), 'utf8'));
      const postmaster = Number(fs.readFileSync(path.join(peerPg, 'postmaster.pid'), 'utf8').split('\n')[0]);
      for (const r of reads)
        for (const conns of CONNECTIONS) {
          const [ruby0, pg0, log0] = [treeCpu(master), treeCpu(postmaster), logSize()];
          const run = await load(r.url, conns, r.headers);
          await drain(`${base}/robots.txt`);
          const [ruby1, pg1] = [treeCpu(master), treeCpu(postmaster)];
          // puma drops what a closed connection had queued: the requests it answered are in its log
          const answered = Math.max(1, completedSince(log0));
          const row = {
            workers,
            read: r.read,
            conns,
            run,
            cpuRuby: (ruby1 - ruby0) / answered,
            cpuPostgres: (pg1 - pg0) / answered,
          };
          out.push(row);
          const bad = run.non2xx + run.errors;
          console.log(
            `  ${`${workers} worker${workers > 1 ? 's' : ''}: ${r.read}`.padEnd(52)} ${pad(conns, 5)} │ ${pad(f1(run.rps), 7)} req/s ${pad(f0(run.p50), 6)}ms ${pad(f0(run.p99), 6)}ms │ failed ${bad}${run.timeouts ? ` (${run.timeouts} timeouts)` : ''} │ CPU ms/req: ruby ${f1(row.cpuRuby)}, PostgreSQL ${f1(row.cpuPostgres)}`,
          );
        }
    } finally {
      sh('stop.sh', []);
    }
  }
  return out;
}

function compare(ours: Measured[], redmine: PeerRow[]) {
  if (!redmine.length) return;
  const size = ours[0]!.setup.size;
  console.log(
    `\nOurs ÷ Redmine (${size}; Redmine's JSON list /issues.json?limit=25 as admin, the issue's figure):`,
  );
  const pairs = [
    { ours: 'ledger-admin', theirs: 'issues.json?limit=25', what: 'ledger (admin) ÷ issues.json list' },
    { ours: 'item', theirs: 'issues/', what: 'item page ÷ issue with journals' },
  ];
  for (const m of ours)
    for (const p of pairs)
      for (const conns of CONNECTIONS) {
        const o = m.rows.find((r) => r.read.name === p.ours && r.conns === conns);
        if (!o) continue;
        const per = REDMINE_WORKERS.map((w) => {
          const t = redmine.find((r) => r.workers === w && r.read.startsWith(p.theirs) && r.conns === conns);
          return t
            ? `${f1(o.app.rps / t.run.rps)}× (${w} worker${w > 1 ? 's' : ''}: ${f1(t.run.rps)} req/s)`
            : '';
        }).filter(Boolean);
        console.log(
          `  ${m.db.padEnd(10)} ${p.what.padEnd(36)} ${pad(conns, 4)} conns: ${f1(o.app.rps)} req/s → ${per.join(', ')}`,
        );
      }
  // CPU per request does not depend on what else runs on the machine: the ratio of the work
  console.log(
    `  CPU per request at ${TARGET_CONNS} connections (ours: every thread + PostgreSQL; Redmine: puma + PostgreSQL):`,
  );
  for (const m of ours)
    for (const p of pairs) {
      const o = m.rows.find((r) => r.read.name === p.ours && r.conns === TARGET_CONNS);
      const t = redmine.find(
        (r) => r.workers === REDMINE_WORKERS[0] && r.read.startsWith(p.theirs) && r.conns === TARGET_CONNS,
      );
      if (!o || !t) continue;
      const mine = o.cpu.main + o.cpu.others + (o.cpu.postgres ?? 0);
      const theirs = t.cpuRuby + t.cpuPostgres;
      console.log(
        `  ${m.db.padEnd(10)} ${p.what.padEnd(36)} ${f1(mine)} ms vs ${f1(theirs)} ms → ${f1(theirs / mine)}× less work`,
      );
    }
  const pgLedger = ours
    .find((m) => m.db === 'PostgreSQL')
    ?.rows.find((r) => r.read.name === 'ledger-admin' && r.conns === TARGET_CONNS);
  const one = redmine.find(
    (r) => r.workers === 1 && r.read.startsWith('issues.json') && r.conns === TARGET_CONNS,
  );
  if (pgLedger && one) {
    const ok = pgLedger.app.rps >= 10 * one.run.rps;
    console.log(
      `  ${ok ? 'PASS' : 'MISS'}  ledger ≥ 10× Redmine's list (one puma worker) at ${TARGET_CONNS} connections on PostgreSQL: ${f1(pgLedger.app.rps / one.run.rps)}×${size === 'province' ? '' : ' (the target is for the province; shown for reference)'}`,
    );
  }
}

// ---------------------------------------------------------------- the run

console.log(
  `bench:reads ${new Date().toISOString().slice(0, 10)} · ${os.cpus().length} cores · Node ${process.versions.node} · sizes ${SIZES.join(', ')} · ${CONNECTIONS.join('/')} connections × ${DURATION} s · load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
if (!redmineInstalled) console.log('Redmine peer: not installed (bench/peer/setup.sh installs it); skipped');
else if (!redmineReady)
  console.log('Redmine peer: installed but not set up (run bench/peer/setup.sh); skipped');

/** The PostgreSQL server: DATABASE_URL, else the peer's cluster when set up, else a throw-away one. */
function postgresServer(): { url: string; dataDir: string | null; stop: () => void } | null {
  if (process.env.BENCH_PG === '0') return null;
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, dataDir: null, stop: () => {} };
  if (fs.existsSync(path.join(peerPg, 'PG_VERSION'))) {
    execFileSync('sh', ['-c', `. ${peer.script('env.sh')} && pg_up`], { stdio: 'inherit' });
    return { url: `postgres://postgres@127.0.0.1:${PG_PORT}/postgres`, dataDir: peerPg, stop: () => {} };
  }
  if (!pgBin) return null;
  const { url, dataDir, stop } = startCluster(PG_PORT, 'ducha-bench-reads-pg-');
  return { url, dataDir, stop };
}

/** The parent process of `pid` on this machine, or null (a remote server). */
function parentOf(pid: number): number | null {
  try {
    const m = /^PPid:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

const pgServer = postgresServer();
const postmasterOf = (dataDir: string | null) => () => {
  if (!dataDir) return null;
  try {
    return Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
};
const all: Measured[] = [];
try {
  for (const size of SIZES) {
    const ours: Measured[] = [];
    // ---- the embedded database, file-backed, in its worker thread (as `npm start`)
    if (process.env.BENCH_PGLITE !== '0') {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ducha-bench-reads-'));
      try {
        const setup = await prepare(await openPglite(dir), size);
        ours.push(await measure('PGlite', { DUCHA_DATA_DIR: dir }, setup, () => null));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
    // ---- PostgreSQL
    const existing = size === 'province' ? process.env.BENCH_PROVINCE_PG : undefined;
    if (existing) {
      const database = await openPostgres(existing);
      await migrateToLatest(database.db);
      const setup = await discover(database.db, size, PROVINCE_ACCOUNTS, DEMO_PASSWORD);
      // the cluster's postmaster (for its CPU time, when it runs on this machine): a backend's parent
      const backend = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(database.db);
      await database.close();
      const postmaster = parentOf(backend.rows[0]!.pid);
      ours.push(await measure('PostgreSQL', { DATABASE_URL: existing }, setup, () => postmaster));
    } else if (pgServer) {
      const name = `ducha_reads_${size}_${Date.now()}`;
      const admin = new pg.Client({ connectionString: pgServer.url });
      await admin.connect();
      await admin.query(`create database ${name}`);
      const url = new URL(pgServer.url);
      url.pathname = `/${name}`;
      try {
        const setup = await prepare(await openPostgres(url.toString()), size);
        ours.push(
          await measure(
            'PostgreSQL',
            { DATABASE_URL: url.toString() },
            setup,
            postmasterOf(pgServer.dataDir),
          ),
        );
      } finally {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    }
    for (const m of ours) targets(m);
    summary(ours);
    const wantPeer = process.env.BENCH_REDMINE !== '0' && (!ONLY || ONLY.includes('redmine'));
    if (redmineReady && wantPeer && ours.length) compare(ours, await measureRedmine(ours[0]!.setup));
    all.push(...ours);
  }
} finally {
  pgServer?.stop();
}
console.log(
  `\nload at the end ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
process.exit(failed ? 1 : 0);
