/**
 * The ledger's reads at province size (issue 12): an index for every filter and sort the items
 * queries use, each sort with its tie-break (the newest id first among equals), partial indexes
 * where a filter is constant (the overdue rule's arms, listed items, duplicates), and bigram
 * indexes for the text search (ILIKE '%…%' over code, title, description and the project's name).
 * It also creates `pg_trgm` for the lists' trigram indexes: the extension ships with PostgreSQL's
 * contrib (a trusted extension: the database owner may create it) and with PGlite (loaded in
 * `db/pglite-options.ts`).
 */
import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create extension if not exists pg_trgm;

    -- sorts: order by <column> <direction>, id desc (the code is unique and needs no tie-break)
    create index items_raised_idx on items (raised_at, id); -- -raisedAt, read backwards
    create index items_raised_asc_idx on items (raised_at, id desc); -- raisedAt
    create index items_due_idx on items (due_date, id desc); -- due
    create index items_level_idx on items (level, id); -- -level, read backwards
    create index items_level_asc_idx on items (level, id desc); -- level

    -- filters and scopes
    create index items_region_idx on items (region_code);
    create index items_raised_by_idx on items (raised_by);
    create index items_raised_by_unit_idx on items (raised_by_unit_id);
    create index items_raised_on_idx on items (raised_on); -- month and year as date ranges
    create index items_kind_idx on items (kind);
    create index items_category_idx on items (category);
    create index items_listed_idx on items (id) where listed;
    -- the duplicates merged into an item (its page)
    create index items_merged_into_idx on items (merged_into) where merged_into is not null;

    -- the overdue rule (repo.ts overdueSql), one index per arm: a response owed and late, a
    -- resolution owed and late, a response that came late, a resolution that came late
    create index items_response_owed_idx on items (response_due)
      where responded_on is null and status in ('assigned', 'returned');
    create index items_resolution_owed_idx on items (due_date)
      where status in ('assigned', 'responded', 'returned');
    create index items_late_response_idx on items (id)
      where responded_on > response_due and status <> 'merged';
    create index items_late_resolution_idx on items (id)
      where status in ('resolved', 'closed') and resolved_on > due_date;

    -- the text search (platform/text-search.ts): a GIN index over the bigrams of the lower-cased
    -- text, since a trigram index serves no search shorter than three characters (拆迁, 资金)
    create function text_bigrams(t text) returns text[] language sql immutable strict parallel safe
      as $$ select array(select substr(t, n, 2) from generate_series(1, length(t) - 1) n) $$;
    create index items_text_bigram_idx on items
      using gin (text_bigrams(lower(code || ' ' || title || ' ' || description)));
    -- and the projects' names the ledger also searches (projects/reads.ts projectIdsNamed)
    create index projects_name_bigram_idx on projects using gin (text_bigrams(lower(name)));
  `,
  );
}
