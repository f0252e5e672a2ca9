/**
 * Starts PGlite in a worker thread (`pglite-worker.ts`) and talks to it as a `PGliteRunner` for the
 * Kysely dialect. Why a thread: PGlite runs each statement synchronously in WebAssembly, and on the
 * main thread a queue of transactions hands the connection on in microtasks, so the event loop did
 * not accept or read a new connection until the queue drained (issue 11: new connections waited
 * up to 18 s under 50 filing clients). Here the main thread only waits for messages.
 *
 * The worker is referenced (keeps the process alive) only while a statement is outstanding, so a
 * script that forgets to close the database still exits, and one awaiting a query does not exit
 * under it. If the worker dies, every outstanding and later statement fails with its reason.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PGliteRunner } from './pglite-dialect.ts';
import type { Reply, Request, SerializedError } from './pglite-worker.ts';

/** The worker is TypeScript: it registers tsx (the server's runtime) before importing it. */
function bootstrap(): string {
  const tsx = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const worker = new URL('./pglite-worker.ts', import.meta.url).href;
  return `import(${JSON.stringify(pathToFileURL(tsx).href)})
    .then((tsx) => { tsx.register(); return import(${JSON.stringify(worker)}); })
    .catch((e) => { console.error(e); process.exit(1); });`;
}

/** A database error as the in-thread PGlite would throw it: message, code, constraint, detail, …. */
function revive(fields: SerializedError): Error {
  const { message, stack, ...rest } = fields;
  const e = Object.assign(new Error(message), rest);
  if (typeof stack === 'string') e.stack = `${e.stack}\n    -- in the database worker --\n${stack}`;
  return e;
}

export async function startPgliteWorker(dataDir: string | undefined): Promise<PGliteRunner> {
  const worker = new Worker(bootstrap(), { eval: true, workerData: { dataDir } });
  const pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let dead: Error | undefined;
  let closing = false;
  let started = false;

  const fail = (e: Error) => {
    dead ??= e;
    for (const p of pending.values()) p.reject(dead);
    pending.clear();
  };
  const ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (reply: Reply) => {
      if (reply.id === 0) {
        if ('error' in reply) reject(revive(reply.error));
        else resolve();
        return;
      }
      const p = pending.get(reply.id);
      pending.delete(reply.id);
      if (!pending.size) worker.unref();
      p?.resolve(reply);
    });
    worker.on('error', (e) => {
      reject(e);
      fail(e);
    });
    worker.on('exit', (code) => {
      const e = new Error(`嵌入式数据库线程已退出(代码 ${code})`);
      reject(e);
      if (started && !closing) console.error(e.message);
      fail(e);
    });
  });
  await ready;
  started = true;
  worker.unref();

  const send = (msg: Omit<Request, 'id'>) =>
    new Promise<Reply>((resolve, reject) => {
      if (dead) return reject(dead);
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ ...msg, id });
    });

  return {
    async query<R>(sql: string, params: readonly unknown[]) {
      const reply = await send({ sql, params: params as unknown[] });
      if ('error' in reply) throw revive(reply.error);
      const { rows, affectedRows } = reply as { rows: R[]; affectedRows?: number };
      return { rows, affectedRows };
    },
    async close() {
      if (dead) return;
      closing = true;
      const exited = new Promise((r) => worker.once('exit', r));
      await send({ close: true });
      worker.ref(); // until the thread has exited, or the process could end before the caller's unlock
      await exited;
    },
  };
}
