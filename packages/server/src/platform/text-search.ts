/**
 * Searching text a list shows (ILIKE '%…%') through an index (issue 12). A trigram index (pg_trgm)
 * cannot serve a search shorter than three characters, and Chinese words mostly have two (拆迁,
 * 资金, 用地), so searched text is also kept as its bigrams: `text_bigrams(lower(x))` (migration
 * 0012: the overlapping pairs of characters), stored in a generated column under a GIN index
 * (migration 0015: computing the bigrams row by row costs a scan eight times an ILIKE). A text that
 * contains the searched one (ILIKE compares the lower-cased texts) contains all of its pairs, so
 * the index finds every match and some texts that only share the pairs: keep the exact ILIKE
 * beside it.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';

/**
 * SQL: `bigrams`, a column holding `text_bigrams(lower(x))`, includes every bigram of `text`: a
 * necessary condition for `x ILIKE containing(text)`, answered by the column's GIN index. A single
 * character has no bigram: then nothing is narrowed.
 */
export function bigramsCover(bigrams: RawBuilder<unknown>, text: string): RawBuilder<SqlBool> {
  if ([...text].length < 2) return sql<SqlBool>`true`;
  return sql<SqlBool>`${bigrams} @> text_bigrams(lower(${text}))`;
}
