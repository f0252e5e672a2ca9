/**
 * Reading schemes: the active revision of a region and year (what the recompute, the rankings and
 * the score cards apply) and one scheme by id. Writes are the use cases of schemes.ts.
 */
import type { SchemeConfig } from '@ducha/contract';
import type { Executor } from '../../db/connection.ts';

export interface SchemeRecord {
  id: number;
  regionCode: string;
  year: number;
  revision: number;
  name: string;
  status: 'draft' | 'active' | 'retired';
  config: SchemeConfig;
  version: number;
}

const columns = ['id', 'region_code', 'year', 'revision', 'name', 'status', 'config', 'version'] as const;

const toRecord = (r: {
  id: number;
  region_code: string;
  year: number;
  revision: number;
  name: string;
  status: SchemeRecord['status'];
  config: SchemeConfig;
  version: number;
}): SchemeRecord => ({
  id: r.id,
  regionCode: r.region_code,
  year: r.year,
  revision: r.revision,
  name: r.name,
  status: r.status,
  config: r.config,
  version: r.version,
});

/** The active scheme of a region and year, or undefined. */
export async function activeScheme(db: Executor, regionCode: string, year: number) {
  const r = await db
    .selectFrom('assessment_schemes')
    .select(columns)
    .where('region_code', '=', regionCode)
    .where('year', '=', year)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return r && toRecord(r);
}

/** Every active scheme of a year; of the regions `codes` only, when given (the regions a close covers). */
export async function activeSchemesOf(db: Executor, year: number, codes?: readonly string[]) {
  if (codes && !codes.length) return [];
  let q = db
    .selectFrom('assessment_schemes')
    .select(columns)
    .where('year', '=', year)
    .where('status', '=', 'active');
  if (codes) q = q.where('region_code', 'in', [...codes]);
  return (await q.orderBy('region_code').execute()).map(toRecord);
}

export async function schemeById(db: Executor, id: number) {
  const r = await db.selectFrom('assessment_schemes').select(columns).where('id', '=', id).executeTakeFirst();
  return r && toRecord(r);
}
