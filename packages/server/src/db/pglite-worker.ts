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
import { pgliteTypes } from './pglite-options.ts';

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
  pg = await PGlite.create({ dataDir, ...pgliteTypes });
} catch (e) {
  port.postMessage({ id: 0, error: serialize(e) } satisfies Reply);
  process.exit(1);
}
port.postMessage({ id: 0, ready: true } satisfies Reply);

/**
 * A statement as one exchange with PGlite. `pg.query` enters WebAssembly six times per statement
 * (parse, describe the statement for its parameter types, bind, describe the portal, execute,
 * sync); here parse, bind, describe, execute and sync go in one message, as a PostgreSQL client
 * sends them, which measured 1.5–4× cheaper per statement. The parameter types come from
 * `describeQuery` the first time a statement text is seen (PGlite's own first step) and are kept,
 * so values are serialised exactly as `pg.query` would (PGlite's serializer for the type, else
 * `toString`), and rows are parsed by PGlite's own result parser with the same type parsers.
 * Statements that fail to describe (syntax errors, an aborted transaction) and very long texts
 * (bulk inserts, each one of a kind) go through `pg.query` unchanged.
 */
const paramTypes = new Map<string, number[]>();
const CACHED_TEXTS = 2000;
const CACHED_LENGTH = 20_000;

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

async function typesOf(text: string): Promise<number[] | undefined> {
  const known = paramTypes.get(text);
  if (known || text.length > CACHED_LENGTH) return known;
  let types: number[];
  try {
    types = (await pg.describeQuery(text)).queryParams.map((p) => p.dataTypeID);
  } catch {
    return undefined; // pg.query will throw the statement's own error
  }
  if (paramTypes.size >= CACHED_TEXTS) paramTypes.delete(paramTypes.keys().next().value!);
  paramTypes.set(text, types);
  return types;
}

async function query(text: string, params: unknown[]): Promise<{ rows: unknown[]; affectedRows?: number }> {
  const types = await typesOf(text);
  if (!types || types.length !== params.length) return pg.query(text, params, { rowMode: 'object' });
  const values = params.map((v, i) => {
    if (v === null || v === undefined) return null;
    const serializer = pg.serializers[types[i]!];
    return serializer ? serializer(v) : (v as { toString(): string }).toString();
  });
  const { serialize } = protocol;
  const message = concat([
    serialize.parse({ text }),
    serialize.bind({ values }),
    serialize.describe({ type: 'P' }),
    serialize.execute({}),
    serialize.sync(),
  ]);
  let messages;
  try {
    ({ messages } = await pg.execProtocol(message));
  } catch (e) {
    // as pg.query reports it: the statement's text on the error
    if (e instanceof Error) Object.assign(e, { query: text });
    throw e;
  }
  const [result] = parse.parseResults(messages, pg.parsers, { rowMode: 'object' });
  return { rows: result?.rows ?? [], affectedRows: result?.affectedRows };
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
