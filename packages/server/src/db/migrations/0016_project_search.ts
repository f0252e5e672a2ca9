/**
 * Projects' text search by bigrams (issue 12), as the items' (0015): the project list's search and
 * the ledger's "project name contains" both read `projects.search_bigrams`, the bigrams of the
 * lower-cased code and name, under a GIN index. 0013's trigram indexes cannot serve a search of two
 * characters (拆迁, 施工 — most Chinese words), so they go: the bigram index serves every length
 * from two characters up.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table projects add column search_bigrams text[]
      generated always as (text_bigrams(lower(code || ' ' || name))) stored;
    create index projects_search_bigrams_idx on projects using gin (search_bigrams);
    drop index projects_code_trgm_idx;
    drop index projects_name_trgm_idx;
  `,
  );
}
