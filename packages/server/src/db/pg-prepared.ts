/**
 * The `pg` pool as Kysely's PostgreSQL dialect sees it, with every query prepared once per
 * connection as a named statement (issue 12). Sent unnamed, PostgreSQL parses and plans each
 * statement on every request: `pg_stat_statements` on the province put planning at a third of the
 * ledger's database time and two thirds of an item page's, and the session's lookup at 0.44 ms of
 * planning for 0.03 ms of execution. Named, a statement is parsed once per connection and, after
 * five runs, PostgreSQL itself decides whether a generic plan is as cheap as the custom ones (as
 * the PGlite worker already does, `pglite-worker.ts`).
 *
 * Bounded: at most `NAMED_TEXTS` texts get a name (the rest, such as `in ($1, $2, …)` lists of
 * every length, run unnamed), and very long texts (bulk inserts) are never named. After any
 * statement that may change the schema (DDL, SET: `statement-kind.ts`), the names start afresh,
 * so a statement prepared before a table changed is not run again ("cached plan must not change
 * result type"); the old ones stay prepared on their connection until it closes.
 */
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';
import { statementKind } from './statement-kind.ts';

const NAMED_TEXTS = 2000;
const NAMED_LENGTH = 20_000;

export function preparedPool(pool: pg.Pool): PostgresPool {
  let names = new Map<string, string>();
  let generation = 0;
  const nameOf = (text: string) => {
    const kind = statementKind(text);
    if (kind !== 'query') {
      if (kind === 'change') {
        generation += 1;
        names = new Map();
      }
      return undefined;
    }
    if (text.length > NAMED_LENGTH) return undefined;
    let name = names.get(text);
    if (!name && names.size < NAMED_TEXTS) names.set(text, (name = `d${generation}_${names.size}`));
    return name;
  };
  return {
    connect: async () => {
      const client = await pool.connect();
      const wrapped: PostgresPoolClient = {
        query: ((textOrCursor: unknown, values?: readonly unknown[]) => {
          if (typeof textOrCursor !== 'string') return client.query(textOrCursor as never);
          const name = nameOf(textOrCursor);
          return client.query(
            name ? { name, text: textOrCursor, values: values as unknown[] } : textOrCursor,
            name ? undefined : (values as unknown[]),
          );
        }) as unknown as PostgresPoolClient['query'],
        release: () => client.release(),
      };
      return wrapped;
    },
    end: () => pool.end(),
  };
}
