/**
 * Searching text a list shows (ILIKE '%…%') through an index (issue 12). A trigram index (pg_trgm)
 * cannot serve a search shorter than three characters, and Chinese words mostly have two (拆迁,
 * 资金, 用地), so searched text is indexed by its bigrams instead: `text_bigrams(lower(x))`
 * (migration 0012: the overlapping pairs of characters) in a GIN index. A text that contains the
 * searched one (ILIKE compares the lower-cased texts) contains all of its pairs, so the index finds
 * every match and some texts that only share the pairs: keep the exact ILIKE beside it.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';

/**
 * SQL: the bigrams of `indexed` (lower-cased) include every bigram of `text`: a necessary
 * condition for `indexed ILIKE containing(text)`, answered by a GIN index on exactly
 * `text_bigrams(lower(<indexed>))`. A single character has no bigram: then nothing is narrowed.
 */
export function bigramsCover(indexed: RawBuilder<unknown>, text: string): RawBuilder<SqlBool> {
  if ([...text].length < 2) return sql<SqlBool>`true`;
  return sql<SqlBool>`text_bigrams(lower(${indexed})) @> text_bigrams(lower(${text}))`;
}
