/**
 * A Kysely dialect for embedded PGlite. PGlite has exactly one connection, so the driver hands it
 * out under a mutex: a transaction holds it from BEGIN to COMMIT and every other query waits.
 * That serializes concurrent requests the way PostgreSQL's isolation would, with no interleaving.
 * Taking the connection again from inside a transaction (using the root `db` in a `trx` callback)
 * would wait forever, so it is detected and thrown as a programming error instead.
 *
 * The dialect runs queries through a `PGliteRunner`: PGlite itself in this thread (tests, scripts),
 * or a client of PGlite in a worker thread (`pglite-worker.ts`, the server). The mutex stays here in
 * either case, so the worker only ever sees one statement at a time.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

/** Runs one statement on PGlite's single connection; `close` shuts the database down. */
export interface PGliteRunner {
  query<R>(sql: string, params: readonly unknown[]): Promise<{ rows: R[]; affectedRows?: number }>;
  close(): Promise<void>;
}

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly pg: PGliteRunner) {}

  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    const res = await this.pg.query<R>(q.sql, q.parameters);
    const affected = res.affectedRows === undefined ? undefined : BigInt(res.affectedRows);
    return { rows: res.rows, numAffectedRows: affected };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite dialect does not stream');
  }
}

/** Marks the async context of a transaction callback (set by `transaction()` in connection.ts). */
export const insideTransaction = new AsyncLocalStorage<true>();

class PGliteDriver implements Driver {
  private queue: Promise<void> = Promise.resolve();
  private readonly connection: PGliteConnection;
  private release_: (() => void) | undefined;

  constructor(private readonly pg: PGliteRunner) {
    this.connection = new PGliteConnection(pg);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    if (insideTransaction.getStore()) {
      throw new Error('Nested use of the database inside a transaction: use the trx executor, not db');
    }
    const previous = this.queue;
    let release!: () => void;
    this.queue = new Promise<void>((r) => (release = r));
    await previous;
    this.release_ = release;
    return this.connection;
  }

  async beginTransaction(c: DatabaseConnection, s: TransactionSettings): Promise<void> {
    const iso = s.isolationLevel ? ` isolation level ${s.isolationLevel}` : '';
    await c.executeQuery(CompiledQuery.raw(`begin${iso}`));
  }
  async commitTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('commit'));
  }
  async rollbackTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(): Promise<void> {
    const r = this.release_;
    this.release_ = undefined;
    r?.();
  }

  async destroy(): Promise<void> {
    await this.pg.close();
  }
}

export class PGliteDialect implements Dialect {
  constructor(private readonly pg: PGliteRunner) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pg);
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}
