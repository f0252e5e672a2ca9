/**
 * bench:province — fills a database with the generated province (issue 12):
 *
 *   npm run bench:province -- --pglite <dir> [--scale N] [--today YYYY-MM-DD]
 *   npm run bench:province -- --pg postgres://user@host:port/db [--scale N]
 *
 * `--pglite` writes a file-backed embedded database in the layout the server opens with
 * DUCHA_DATA_DIR=<dir> (the directory must be new or empty); `--pg` creates the database when it
 * does not exist (it must be empty when it does). Migrates first, then prints the time per phase,
 * the row counts and the database's size; the accounts to sign in as are printed at the end.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import {
  migrateToLatest,
  openPglite,
  openPostgres,
  type OpenDb,
} from '../../packages/server/src/db/connection.ts';
import { generateProvince } from './generate.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

const pgliteDir = arg('pglite');
const pgUrl = arg('pg');
const scale = Number(arg('scale') ?? 1);
const today = arg('today');
if (!pgliteDir === !pgUrl || !(scale > 0 && scale <= 1)) {
  console.error(
    'usage: npm run bench:province -- (--pglite <dir> | --pg <postgres url>) [--scale 0..1] [--today YYYY-MM-DD]',
  );
  process.exit(2);
}

async function open(): Promise<OpenDb> {
  if (pgliteDir) {
    if (fs.existsSync(pgliteDir) && fs.readdirSync(pgliteDir).length)
      throw new Error(`${pgliteDir} is not empty: the province needs a new data directory`);
    return openPglite(pgliteDir);
  }
  const url = new URL(pgUrl!);
  const name = decodeURIComponent(url.pathname.slice(1)) || 'postgres';
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  const exists = await c.query('select 1 from pg_database where datname = $1', [name]);
  if (!exists.rowCount) {
    await c.query(`create database "${name.replaceAll('"', '""')}"`);
    console.log(`created database ${name}`);
  }
  await c.end();
  return openPostgres(url.toString());
}

function dirSize(dir: string): number {
  let n = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    n += e.isDirectory() ? dirSize(p) : fs.statSync(p).size;
  }
  return n;
}

const database = await open();
const t0 = performance.now();
try {
  const applied = await migrateToLatest(database.db);
  console.log(`${database.kind}: ${applied.length} migrations applied, scale ${scale}`);
  const summary = await generateProvince(database.db, { scale, today, log: (l) => console.log(`  ${l}`) });
  const total = (performance.now() - t0) / 1000;
  console.log(
    `\nrows (${summary.today}, months ${summary.months.first} … ${summary.months.last}, closed to ${summary.months.latestClosed}):`,
  );
  for (const [t, n] of Object.entries(summary.counts).sort((a, b) => b[1] - a[1]))
    if (n) console.log(`  ${t.padEnd(22)} ${n.toLocaleString('en').padStart(11)}`);
  const size =
    database.kind === 'postgres'
      ? Number(
          (await sql<{ n: number }>`select pg_database_size(current_database()) as n`.execute(database.db))
            .rows[0]!.n,
        )
      : null;
  await database.close();
  const bytes = size ?? dirSize(path.join(pgliteDir!, 'pgdata'));
  console.log(`\ntotal ${total.toFixed(1)} s; database ${(bytes / 2 ** 30).toFixed(2)} GiB`);
  console.log(`accounts (password ${summary.accounts.password}): ${JSON.stringify(summary.accounts)}`);
  console.log(`users by role: ${JSON.stringify(summary.usersByRole)}; ids: ${JSON.stringify(summary.ids)}`);
  if (pgliteDir) console.log(`serve it: DUCHA_DATA_DIR=${pgliteDir} npm start`);
} catch (e) {
  await database.close().catch(() => {});
  throw e;
}
