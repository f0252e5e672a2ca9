/**
 * Opens the database: embedded PGlite under the data directory by default, or a PostgreSQL server
 * when DATABASE_URL is set. Both speak the same SQL and return the same shapes: int8 as number,
 * numeric as string (exact decimals), date as 'YYYY-MM-DD', timestamptz as Date.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, type LogEvent, type Transaction } from 'kysely';
import pg from 'pg';
import { migrations } from './migrations/index.ts';
import { preparedPool } from './pg-prepared.ts';
import { startPgliteWorker } from './pglite-client.ts';
import { insideTransaction, PGliteDialect, type PGliteRunner } from './pglite-dialect.ts';
import { DATE_OID, INT8_OID, NUMERIC_ARRAY_OID, pgliteExtensions, pgliteTypes } from './pglite-options.ts';
import type { Database } from './types.ts';

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Anything that runs queries: the root db or a transaction. Repos take this. */
export type Executor = Kysely<Database>;

/**
 * Test-only: observers of every statement run on a database opened here, with its parameters (the
 * EXPLAIN test captures what each request asks, test/explain.test.ts). None are registered outside
 * tests, and then the hook does nothing.
 */
export const statementObservers = new Set<(sql: string, parameters: readonly unknown[]) => void>();
const observe = (e: LogEvent) => {
  if (e.level === 'query' && statementObservers.size)
    for (const o of statementObservers) o(e.query.sql, e.query.parameters);
};

export interface OpenDb {
  db: Db;
  kind: 'pglite' | 'postgres';
  close: () => Promise<void>;
}

/**
 * One process at a time may open an embedded database directory: a second writer would corrupt it.
 * The lock file holds the owner's pid; a lock left by a dead process is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, 'ducha.lock');
  try {
    const pid = Number(fs.readFileSync(file, 'utf8'));
    if (pid && pid !== process.pid) {
      try {
        process.kill(pid, 0);
        throw new Error(
          `数据目录 ${dataDir} 正被进程 ${pid} 使用(服务器在运行？)。请先停止它，或改用 DATABASE_URL 连接 PostgreSQL。`,
        );
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e;
      }
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  fs.writeFileSync(file, String(process.pid));
  return () => fs.rmSync(file, { force: true });
}

/**
 * `dataDir` undefined means in memory (tests). With `worker`, PGlite runs in a worker thread
 * (`pglite-client.ts`) so its statements never block the main thread's event loop: the server
 * does this (`openDatabase`); tests and scripts that only query keep it in this thread.
 */
export async function openPglite(
  dataDir: string | undefined,
  opts: { worker?: boolean } = {},
): Promise<OpenDb> {
  let unlock = () => {};
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    unlock = lockDataDir(dataDir);
  }
  const pgdata = dataDir ? path.join(dataDir, 'pgdata') : undefined;
  let runner: PGliteRunner;
  try {
    runner = opts.worker
      ? await startPgliteWorker(pgdata)
      : inThread(await PGlite.create({ dataDir: pgdata, ...pgliteTypes, extensions: pgliteExtensions }));
  } catch (e) {
    unlock();
    throw e;
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(runner), log: observe });
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await db.destroy();
      unlock();
    },
  };
}

const inThread = (pglite: PGlite): PGliteRunner => ({
  query: (sql, params) => pglite.query(sql, params as unknown[], { rowMode: 'object' }),
  close: () => pglite.close(),
});

let pgTypesSet = false;
export async function openPostgres(url: string, max = 10): Promise<OpenDb> {
  if (!pgTypesSet) {
    pg.types.setTypeParser(DATE_OID, (v) => v);
    pg.types.setTypeParser(INT8_OID, (v) => Number(v));
    // numeric[] as strings too (pg's default parses its elements to floats); elements hold no commas
    pg.types.setTypeParser(NUMERIC_ARRAY_OID as never, (v: string) =>
      v === '{}'
        ? []
        : v
            .slice(1, -1)
            .split(',')
            .map((x) => (x === 'NULL' ? null : x)),
    );
    pgTypesSet = true;
  }
  const pool = new pg.Pool({ connectionString: url, max });
  // an idle connection dropped by the server (restart, failover, admin shutdown) must not crash
  // the process: the pool discards it and the next query opens a new one
  pool.on('error', (err: Error & { code?: string }) => {
    if (err.code !== '57P01') console.warn(`PostgreSQL connection lost: ${err.message}`);
  });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: preparedPool(pool) }),
    log: observe,
  });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

/** The server's database: PostgreSQL when a URL is given, else PGlite in a worker thread unless `pgliteWorker` is false. */
export async function openDatabase(opts: {
  databaseUrl?: string;
  dataDir?: string;
  pgliteWorker?: boolean;
}): Promise<OpenDb> {
  return opts.databaseUrl
    ? openPostgres(opts.databaseUrl)
    : openPglite(opts.dataDir, { worker: opts.pgliteWorker ?? true });
}

/** Applies pending migrations; returns the names applied. Throws on the first failure. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Runs `fn` in one transaction. Every mutating use case goes through here, so the audit event is
 * written in the same transaction as the change, and the embedded driver can catch a stray use of
 * the root `db` inside the callback (which would otherwise wait forever for its single connection).
 */
export function transaction<T>(db: Db, fn: (trx: Trx) => Promise<T>): Promise<T> {
  return db.transaction().execute((trx) => insideTransaction.run(true, () => fn(trx)));
}
