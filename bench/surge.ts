/**
 * bench:surge — 50 clients filing monthly reports at once (issue 11 point 8). Prepares a fresh
 * database (the demo city plus one project per client, owned by the demo reporter's unit), starts
 * the real server on it (`packages/server/src/main.ts`, as `npm start` does), signs every client in
 * as `reporter`, then has all of them file at the same moment: each saves a draft and submits it
 * for BENCH_FILINGS months of its own project, one request after another. Every request opens its
 * own connection (`agent: false`), and its latency is measured from the client, connect included.
 * Prints p50/p99/max of the filing requests (draft and submit) beside the limit (1 s), and
 * filings/s. Runs on the embedded database (PGlite, file-backed) and then on PostgreSQL: the
 * server named by DATABASE_URL (a fresh database is created on it), or else a throw-away cluster
 * of the local PostgreSQL installation (BENCH_PG=0 skips PostgreSQL).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { pgBin, startCluster } from './pg-cluster.ts';
import pg from 'pg';
import {
  migrateToLatest,
  openPglite,
  openPostgres,
  type OpenDb,
} from '../packages/server/src/db/connection.ts';
import { seedDemoData } from '../packages/server/src/demo.ts';
import { DEMO_PASSWORD } from '../packages/server/src/modules/org/seed.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const FILINGS = Number(process.env.BENCH_FILINGS ?? 14);
const PORT = Number(process.env.BENCH_PORT ?? 3203);
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 3213);
const LIMIT_MS = 1000;
const repoRoot = path.resolve(import.meta.dirname, '..');
const months = Array.from({ length: FILINGS }, (_, i) => {
  const d = new Date(Date.UTC(2025, i, 1));
  return d.toISOString().slice(0, 7);
});

interface Res {
  status: number;
  body: string;
  ms: number;
  cookies: string[];
}

/** One request on a connection of its own; latency from before connecting to the last byte. */
function request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
  return new Promise<Res>((resolve, reject) => {
    const t0 = performance.now();
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      `http://127.0.0.1:${PORT}${url}`,
      {
        method,
        agent: false,
        headers: {
          ...headers,
          connection: 'close',
          ...(payload
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: text,
            ms: performance.now() - t0,
            cookies: res.headers['set-cookie'] ?? [],
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function waitHealthy(server: ChildProcess) {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      if ((await request('GET', '/api/health')).status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not become healthy');
}

/** The demo city, and one project per client owned by the reporter's unit, started in 2025. */
async function prepare(database: OpenDb): Promise<number[]> {
  const { db } = database;
  await migrateToLatest(db);
  await seedDemoData(db);
  const rows = await sql<{ id: number }>`
    insert into projects (code, name, region_code, sector, investment_nature, total_investment, stage,
                          owner_unit_id, responsible_unit_id, leader_position_id, planned_start, actual_start, reports_from)
    select 'SURGE-' || lpad(g::text, 3, '0'), '并发填报测试项目' || g, p.region_code, p.sector, p.investment_nature,
           p.total_investment, 'continuing', u.unit_id, p.responsible_unit_id, p.leader_position_id,
           date '2025-01-01', date '2025-01-01', date '2025-01-01'
    from projects p, (select unit_id from users where username = 'reporter') u, generate_series(1, ${CLIENTS}) g
    where p.code = 'DQ-2026-002'
    order by g
    returning id`.execute(db);
  await database.close();
  return rows.rows.map((r) => r.id);
}

/** CPU time (ms) of each thread of a process, by thread id (Linux; empty elsewhere). */
function threadCpu(pid: number): Map<number, number> {
  const out = new Map<number, number>();
  try {
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(tid), ((Number(f[11]) + Number(f[12])) * 1000) / 100); // utime + stime, 100 Hz ticks
    }
  } catch {
    /* not Linux */
  }
  return out;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
};
const fmt = (xs: number[]) =>
  `p50 ${pct(xs, 50).toFixed(0)} ms, p99 ${pct(xs, 99).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms`;

async function surge(label: string, env: Record<string, string>, projectIds: number[]) {
  const server = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_SERVER_ARGS?.split(' ').filter(Boolean) ?? []),
      '--import',
      'tsx',
      'packages/server/src/main.ts',
    ],
    {
      cwd: repoRoot,
      env: { ...process.env, ...env, PORT: String(PORT), LOG_LEVEL: 'warn', DUCHA_SCHEDULE: '0' },
      stdio: ['ignore', 'ignore', 'inherit'],
      detached: true,
    },
  );
  try {
    await waitHealthy(server);
    // sign-in: every client at once (argon2 runs on libuv's thread pool)
    const signIns = await Promise.all(
      projectIds.map(() =>
        request('POST', '/api/auth/login', { username: 'reporter', password: DEMO_PASSWORD }),
      ),
    );
    const sessions = signIns.map((r) => {
      if (r.status !== 200) throw new Error(`sign-in: ${r.status} ${r.body}`);
      const jar = Object.fromEntries(r.cookies.map((c) => c.split(';')[0]!.split('=') as [string, string]));
      return {
        cookie: `ducha_session=${jar.ducha_session}; ducha_csrf=${jar.ducha_csrf}`,
        'x-csrf-token': jar.ducha_csrf!,
      };
    });
    const drafts: number[] = [];
    const submits: number[] = [];
    const filings: number[] = [];
    let failures = 0;
    const cpu0 = threadCpu(server.pid!);
    const t0 = performance.now();
    await Promise.all(
      projectIds.map(async (projectId, i) => {
        for (const month of months) {
          const url = `/api/projects/${projectId}/reports/${month}`;
          const d = await request(
            'PUT',
            `${url}/draft`,
            { investmentMonth: '100', physicalProgress: '按计划施工' },
            sessions[i],
          );
          drafts.push(d.ms);
          if (d.status !== 200) {
            failures++;
            console.error(`draft ${url}: ${d.status} ${d.body.slice(0, 200)}`);
            continue;
          }
          const s = await request(
            'POST',
            `${url}/submit`,
            { version: JSON.parse(d.body).version },
            sessions[i],
          );
          submits.push(s.ms);
          filings.push(d.ms + s.ms);
          if (s.status !== 200) {
            failures++;
            console.error(`submit ${url}: ${s.status} ${s.body.slice(0, 200)}`);
          }
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const cpu1 = threadCpu(server.pid!);
    const used = [...cpu1].map(([tid, ms]) => [tid, ms - (cpu0.get(tid) ?? 0)] as const);
    const main = used.find(([tid]) => tid === server.pid)?.[1] ?? NaN;
    const others = used.filter(([tid]) => tid !== server.pid).sort((a, b) => b[1] - a[1]);
    const all = [...drafts, ...submits];
    const p99 = pct(all, 99);
    console.log(`\n${label}: ${projectIds.length} clients × ${months.length} filings (draft + submit)`);
    console.log(`  sign-in (all at once)   ${fmt(signIns.map((r) => r.ms))}`);
    console.log(`  draft requests          ${fmt(drafts)}`);
    console.log(`  submit requests         ${fmt(submits)}`);
    console.log(
      `  filing requests         ${fmt(all)}   limit ${LIMIT_MS} ms → ${p99 < LIMIT_MS ? 'OK' : 'OVER'}`,
    );
    console.log(`  filing (draft+submit)   ${fmt(filings)}`);
    console.log(
      `  throughput              ${(filings.length / seconds).toFixed(1)} filings/s, ${(all.length / seconds).toFixed(1)} requests/s over ${seconds.toFixed(1)} s; ${failures} failed`,
    );
    if (used.length) {
      const per = (ms: number) => (ms / (drafts.length + submits.length)).toFixed(1);
      console.log(
        `  server CPU per request  main thread ${per(main)} ms, busiest other thread ${per(others[0]?.[1] ?? 0)} ms, all others ${per(others.reduce((n, [, ms]) => n + ms, 0))} ms (load-independent)`,
      );
    }
    return { failures };
  } finally {
    await stop(server);
  }
}

async function stop(server: ChildProcess) {
  if (server.exitCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  process.kill(-server.pid!, 'SIGTERM');
  await exited;
}

async function submittedCount(database: OpenDb) {
  const r = await sql<{
    n: number;
  }>`select count(*)::int as n from monthly_reports mr join projects p on p.id = mr.project_id
    where p.code like 'SURGE-%' and mr.status = 'submitted'`.execute(database.db);
  await database.close();
  return r.rows[0]!.n;
}

let failed = false;
const expected = CLIENTS * FILINGS;

// ---- the embedded database ----
{
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ducha-bench-surge-'));
  const ids = await prepare(await openPglite(dir));
  const r = await surge('PGlite (embedded, file-backed)', { DUCHA_DATA_DIR: dir }, ids);
  const n = await submittedCount(await openPglite(dir));
  console.log(`  submitted reports       ${n} of ${expected}`);
  failed ||= r.failures > 0 || n !== expected;
  fs.rmSync(dir, { recursive: true, force: true });
}

// ---- PostgreSQL ----
if (process.env.BENCH_PG !== '0' && (process.env.DATABASE_URL || pgBin)) {
  const cluster = process.env.DATABASE_URL ? undefined : startCluster(PG_PORT, 'ducha-bench-pg-');
  const serverUrl = process.env.DATABASE_URL ?? cluster!.url;
  const name = `ducha_surge_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    const ids = await prepare(await openPostgres(url.toString()));
    const r = await surge(
      `PostgreSQL (${cluster ? `local ${cluster.version}` : 'DATABASE_URL'})`,
      { DATABASE_URL: url.toString() },
      ids,
    );
    const n = await submittedCount(await openPostgres(url.toString()));
    console.log(`  submitted reports       ${n} of ${expected}`);
    failed ||= r.failures > 0 || n !== expected;
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    cluster?.stop();
  }
}
process.exit(failed ? 1 : 0);
