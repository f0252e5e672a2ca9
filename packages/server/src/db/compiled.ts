/**
 * Queries built and compiled once (issue 12). Kysely builds an immutable tree for every query and
 * compiles it to SQL on every call: on an item's page at 50 connections that was a tenth of the
 * server's main thread, most of it for two statements whose text never changes (the session's
 * lookup, the item). A query whose shape does not depend on its values is built here once, with a
 * placeholder for each value, and each call only puts the values in the compiled parameters.
 *
 * The placeholders must reach the query as values (`where(col, '=', v.id)`, `sql`…${v.ids}…``);
 * one used to build the text (in a string, a condition on it) is refused at the first call.
 */
import type { CompiledQuery, Compilable } from 'kysely';
import type { Executor } from './connection.ts';

const slot = Symbol('placeholder');
type Placeholder = { readonly [slot]: string };
const isPlaceholder = (v: unknown): v is Placeholder => typeof v === 'object' && v !== null && slot in v;

interface Template<R> {
  query: CompiledQuery<R>;
  /** For each parameter, the name of the value it takes, or null for a constant of the query. */
  names: (string | null)[];
}

function compile<A extends object, R>(
  db: Executor,
  build: (db: Executor, values: A) => Compilable<R>,
): Template<R> {
  const asked = new Set<string>();
  const values = new Proxy({} as A, {
    get: (_, key) => {
      if (typeof key !== 'string') return undefined;
      asked.add(key);
      return { [slot]: key } satisfies Placeholder;
    },
  });
  const query = build(db, values).compile();
  const names = query.parameters.map((p) => (isPlaceholder(p) ? p[slot] : null));
  const missing = [...asked].filter((key) => !names.includes(key));
  if (missing.length || /\[object Object\]/.test(query.sql))
    throw new Error(
      `compiledOnce: ${missing.join(', ') || 'a value'} was used to build the query, not passed to it`,
    );
  return { query, names };
}

/**
 * `build` run once, at the first call (both our databases speak PostgreSQL's dialect, so the text
 * is the same for PGlite and `pg`, in a transaction or not); every call runs that text with its own
 * values and resolves to the rows.
 */
export function compiledOnce<A extends object, R>(
  build: (db: Executor, values: A) => Compilable<R>,
): (db: Executor, values: A) => Promise<R[]> {
  let template: Template<R> | undefined;
  return async (db, values) => {
    template ??= compile(db, build);
    const { query, names } = template;
    const parameters = names.map((name, n) =>
      name === null ? query.parameters[n] : values[name as keyof A],
    );
    return (await db.executeQuery<R>({ ...query, parameters })).rows;
  };
}
