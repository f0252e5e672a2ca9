/**
 * PGlite's type parsers, shared by the in-thread database and the worker thread
 * (`pglite-worker.ts`) so both return the same shapes as the PostgreSQL path: int8 as number,
 * date as 'YYYY-MM-DD', numeric as string (PGlite's default), timestamptz as Date.
 */
import type { PGliteOptions } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

export const DATE_OID = 1082;
export const INT8_OID = 20;
export const NUMERIC_ARRAY_OID = 1231;

export const pgliteTypes = {
  parsers: {
    [DATE_OID]: (v: string) => v,
    [INT8_OID]: (v: string) => Number(v),
  },
  serializers: { [DATE_OID]: (v: unknown) => String(v) },
} satisfies Pick<PGliteOptions, 'parsers' | 'serializers'>;

/** The extensions the migrations create (pg_trgm: trigram indexes for text search), loaded by both threads. */
export const pgliteExtensions = { pg_trgm } satisfies PGliteOptions['extensions'];
