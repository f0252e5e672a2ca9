/**
 * Settings every request reads (the item settings, the working-day corrections, …), kept in this
 * process per database instead of read per request (issue 12). A write through this process
 * invalidates its key once its transaction has committed; the entry of a load that began before
 * the commit is dropped with it, so no answer older than the write is kept. Another server process
 * on the same PostgreSQL sees a change within `TTL_MS`. Inside a transaction the cache is bypassed:
 * a transaction reads what it sees. Cached values are shared by every caller: never mutate them.
 */
import type { Executor } from '../db/connection.ts';

const TTL_MS = 30_000;

interface Entry {
  value: Promise<unknown>;
  at: number;
}

const stores = new WeakMap<object, Map<string, Entry>>();

function storeOf(db: Executor): Map<string, Entry> {
  let s = stores.get(db);
  if (!s) stores.set(db, (s = new Map()));
  return s;
}

/** The cached value of `key` for this database, loading it (once, however many ask) when missing. */
export function cachedRead<T>(db: Executor, key: string, load: () => Promise<T>): Promise<T> {
  if (db.isTransaction) return load();
  const s = storeOf(db);
  const hit = s.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value as Promise<T>;
  const value = load();
  // the entry is set before the load runs, so an invalidation during the load removes it
  s.set(key, { value, at: Date.now() });
  value.catch(() => {
    if (s.get(key)?.value === value) s.delete(key);
  });
  return value;
}

/** Forgets `key` for this database: call it after the transaction that changed it has committed. */
export function invalidate(db: Executor, key: string): void {
  storeOf(db).delete(key);
}
