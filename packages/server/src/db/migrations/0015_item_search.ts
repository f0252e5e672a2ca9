/**
 * The items' text search reads a stored column (issue 12): the bigrams of the lower-cased code,
 * title and description, which PostgreSQL keeps on every write (a generated column), under a GIN
 * index. Migration 0012 indexed the expression instead; a plan that scans (a common word, found
 * in a third of the items) then computed `text_bigrams` for every row it read, some 20 µs a row,
 * eight times an ILIKE: a second for one search at province size. Projects' names are searched by
 * ILIKE alone, which the project list's trigram index serves (0013); their bigram index goes.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table items add column search_bigrams text[]
      generated always as (text_bigrams(lower(code || ' ' || title || ' ' || description))) stored;
    create index items_search_bigrams_idx on items using gin (search_bigrams);
    drop index items_text_bigram_idx;
    drop index projects_name_bigram_idx;
  `,
  );
}
