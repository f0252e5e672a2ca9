/**
 * `npm run bench:reads-floor`: the floor under bench:reads' latency targets on this machine. How
 * fast can anything answer at 50 connections, with autocannon on the same cores? Three answers
 * from a bare `node:http` server in its own process, each through `pg` where it reads:
 *
 * - `static`: a fixed JSON answer the size of a ledger page (29 KB), no database;
 * - `one`: `select 1`, a round trip to PostgreSQL and nothing else;
 * - `rows`: the ledger's 25 rows alone (the office's region subtree, newest first, one prepared
 *   statement): no session, no count, no names, no presentation: less than the bare query.
 *
 * If `rows` misses p99 < 100 ms, no ledger page can meet it here (issue 12, bench/README.md).
 * DATABASE_URL is a generated province (`npm run bench:province`); BENCH_FLOOR_PATH is the office's
 * region path (default: the city with the most items); BENCH_DURATION seconds per run (default 10).
 */
import { fork } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import autocannon from 'autocannon';
import pg from 'pg';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL: the generated province on PostgreSQL');
const port = 3950;

/** The child: the bare server. */
async function serve(path: string) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const page = JSON.stringify({
    items: Array.from({ length: 25 }, (_, id) => ({ id, text: 'x'.repeat(1150) })),
    total: 3800,
  });
  const rows = {
    name: 'floor-rows',
    text: `select i.* from items i
      where i.region_code in (select code from regions where path = $1 or path like $1 || '.%')
      order by i.raised_at desc, i.id desc limit 25`,
    values: [path],
  };
  const answers: Record<string, () => Promise<string>> = {
    '/static': async () => page,
    '/one': async () => JSON.stringify((await pool.query('select 1 as n')).rows),
    '/rows': async () => JSON.stringify({ items: (await pool.query(rows)).rows }),
  };
  http
    .createServer(async (req, res) => {
      const body = await answers[req.url ?? '']?.();
      res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' }).end(body);
    })
    .listen(port, '127.0.0.1', () => process.send?.('ready'));
}

async function officePath(): Promise<string> {
  if (process.env.BENCH_FLOOR_PATH) return process.env.BENCH_FLOOR_PATH;
  const client = new pg.Client(url);
  await client.connect();
  const { rows } = await client.query<{ path: string }>(
    `select c.path from regions c join regions r on r.path = c.path or r.path like c.path || '.%'
       join items i on i.region_code = r.code
     where c.level = 'city' group by c.path order by count(*) desc limit 1`,
  );
  await client.end();
  return rows[0]!.path;
}

if (process.argv[2] === 'serve') await serve(process.argv[3]!);
else {
  const path = await officePath();
  const duration = Number(process.env.BENCH_DURATION ?? 10);
  const child = fork(import.meta.filename, ['serve', path], { execArgv: ['--import', 'tsx'] });
  await new Promise((r) => child.once('message', r));
  console.log(
    `bench:reads-floor ${new Date().toISOString().slice(0, 10)} · ${os.cpus().length} cores · Node ${process.versions.node}` +
      ` · office ${path} · 50 connections × ${duration} s · load ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
  );
  for (const answer of ['static', 'one', 'rows']) {
    const r = await autocannon({ url: `http://127.0.0.1:${port}/${answer}`, connections: 50, duration });
    const bad = r.non2xx + r.errors + r.timeouts;
    console.log(
      `  ${answer.padEnd(7)} ${r.requests.average.toFixed(1).padStart(9)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms` +
        `  ${(r.throughput.average / r.requests.average / 1024).toFixed(1)} KB/answer${bad ? `  FAILED ${bad}` : ''}`,
    );
    if (bad) process.exitCode = 1;
  }
  child.kill();
}
