/**
 * The embedded database's own thread: PGlite (WebAssembly, synchronous while a statement runs)
 * lives here, so the main thread keeps accepting connections, parsing requests and serialising
 * answers while a statement runs. The protocol is one message per statement, answered in order:
 * `{ id, sql, params }` → `{ id, rows, affectedRows }` or `{ id, error }`; `{ id, close: true }`
 * closes the database. The main thread (`pglite-client.ts`) sends one statement at a time (its
 * driver's mutex holds PGlite's single connection through a transaction), so statements never
 * interleave here.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parse, PGlite, protocol } from '@electric-sql/pglite';
import { pgliteExtensions, pgliteTypes } from './pglite-options.ts';
import { statementKind } from './statement-kind.ts';

export type Request = { id: number; sql: string; params: unknown[] } | { id: number; close: true };
export type Reply =
  | { id: number; rows: unknown[]; affectedRows?: number }
  | { id: number; error: SerializedError }
  | { id: 0; ready: true }
  | { id: 0; error: SerializedError };
export type SerializedError = Record<string, unknown> & { message: string };

/** PGlite's DatabaseError carries its fields (code, constraint, detail, …) as own properties. */
function serialize(e: unknown): SerializedError {
  if (!(e instanceof Error)) return { message: String(e) };
  const fields: SerializedError = { message: e.message, stack: e.stack };
  for (const [k, v] of Object.entries(e)) if (v === undefined || typeof v !== 'object') fields[k] = v;
  return fields;
}

const port = parentPort!;
const { dataDir } = workerData as { dataDir: string | undefined };
let pg: PGlite;
try {
  pg = await PGlite.create({ dataDir, ...pgliteTypes, extensions: pgliteExtensions });
} catch (e) {
  port.postMessage({ id: 0, error: serialize(e) } satisfies Reply);
  process.exit(1);
}
port.postMessage({ id: 0, ready: true } satisfies Reply);

/**
 * A statement as one exchange with PGlite. `pg.query` enters WebAssembly six times per statement
 * (parse, describe the statement for its parameter types, bind, describe the portal, execute,
 * sync) and plans it afresh every time. Here a query (select, insert, update, delete, with) is
 * prepared once as a named statement and then only bound and executed — bind, describe, execute
 * and sync in one message, as a PostgreSQL client sends them — so PostgreSQL keeps its parse
 * tree and, after five runs, decides itself whether to keep a generic plan. Its parameter types
 * come from `describeQuery` the first time the text is seen (PGlite's own first step), so values
 * are serialised exactly as `pg.query` would (PGlite's serializer for the type, else
 * `toString`), and rows are parsed by PGlite's own result parser with the same type parsers.
 *
 * Every other statement (BEGIN, COMMIT, EXPLAIN, DDL, …) runs unnamed in one exchange; after one
 * that may change the schema (`statement-kind.ts`), every prepared statement is closed (a changed table must not meet a
 * plan made before the change: "cached plan must not change result type"), and again at a
 * rollback of a transaction that ran one. Statements that fail
 * to describe (syntax errors, an aborted transaction) and very long texts (bulk inserts, each one
 * of a kind) go through `pg.query` unchanged.
 */
const prepared = new Map<string, { types: number[]; name: string | undefined }>();
const PREPARED_TEXTS = 1000;
const PREPARED_LENGTH = 20_000;
/** Statements to close at the next exchange outside a transaction (a Close must not abort one). */
let toClose: string[] = [];
let nextName = 1;
let schemaChangedInTransaction = false;

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function forgetPrepared() {
  for (const s of prepared.values()) if (s.name) toClose.push(s.name);
  prepared.clear();
}

async function statementOf(text: string) {
  const known = prepared.get(text);
  if (known || text.length > PREPARED_LENGTH) return known;
  let types: number[];
  try {
    types = (await pg.describeQuery(text)).queryParams.map((p) => p.dataTypeID);
  } catch {
    return undefined; // pg.query will throw the statement's own error
  }
  if (prepared.size >= PREPARED_TEXTS) {
    const [oldest, s] = prepared.entries().next().value!;
    if (s.name) toClose.push(s.name);
    prepared.delete(oldest);
  }
  const s = { types, name: undefined };
  prepared.set(text, s);
  return s;
}

async function exchange(text: string, parts: Uint8Array[]) {
  const { serialize } = protocol;
  if (toClose.length && !pg.isInTransaction()) {
    parts.unshift(...toClose.map((name) => serialize.close({ type: 'S', name })));
    toClose = [];
  }
  parts.push(serialize.describe({ type: 'P' }), serialize.execute({}), serialize.sync());
  let messages;
  try {
    ({ messages } = await pg.execProtocol(concat(parts)));
  } catch (e) {
    // as pg.query reports it: the statement's text on the error
    if (e instanceof Error) Object.assign(e, { query: text });
    throw e;
  }
  const [result] = parse.parseResults(messages, pg.parsers, { rowMode: 'object' });
  return { rows: result?.rows ?? [], affectedRows: result?.affectedRows };
}

async function query(text: string, params: unknown[]): Promise<{ rows: unknown[]; affectedRows?: number }> {
  const { serialize } = protocol;
  const kind = statementKind(text);
  if (kind !== 'query') {
    if (params.length) return pg.query(text, params, { rowMode: 'object' });
    try {
      return await exchange(text, [serialize.parse({ text }), serialize.bind({ values: [] })]);
    } finally {
      if (kind === 'change') {
        forgetPrepared();
        schemaChangedInTransaction = pg.isInTransaction();
      } else if (kind === 'transaction') {
        // statements prepared after a change that is then rolled back must not outlive it either
        if (schemaChangedInTransaction && /^\s*rollback/i.test(text)) forgetPrepared();
        if (!pg.isInTransaction()) schemaChangedInTransaction = false;
      }
    }
  }
  const s = await statementOf(text);
  if (!s || s.types.length !== params.length) return pg.query(text, params, { rowMode: 'object' });
  const values = params.map((v, i) => {
    if (v === null || v === undefined) return null;
    const serializer = pg.serializers[s.types[i]!];
    return serializer ? serializer(v) : (v as { toString(): string }).toString();
  });
  const parts: Uint8Array[] = [];
  const name = s.name ?? `ducha_${nextName++}`;
  if (!s.name) parts.push(serialize.parse({ name, text }));
  try {
    const result = await exchange(text, [...parts, serialize.bind({ statement: name, values })]);
    s.name = name;
    return result;
  } catch (e) {
    // a failed exchange may or may not have left its new statement prepared: close it later
    if (!s.name) toClose.push(name);
    throw e;
  }
}

// one statement at a time, in arrival order (the client already serialises; this keeps it so)
let chain: Promise<void> = Promise.resolve();
port.on('message', (msg: Request) => {
  chain = chain.then(async () => {
    if ('close' in msg) {
      await pg.close();
      port.postMessage({ id: msg.id, rows: [] } satisfies Reply);
      port.close();
      return;
    }
    try {
      const res = await query(msg.sql, msg.params);
      port.postMessage({ id: msg.id, rows: res.rows, affectedRows: res.affectedRows } satisfies Reply);
    } catch (e) {
      port.postMessage({ id: msg.id, error: serialize(e) } satisfies Reply);
    }
  });
});
