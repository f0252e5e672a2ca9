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
import { PGlite } from '@electric-sql/pglite';
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
      const res = await pg.query(msg.sql, msg.params, { rowMode: 'object' });
      port.postMessage({ id: msg.id, rows: res.rows, affectedRows: res.affectedRows } satisfies Reply);
    } catch (e) {
      port.postMessage({ id: msg.id, error: serialize(e) } satisfies Reply);
    }
  });
});
