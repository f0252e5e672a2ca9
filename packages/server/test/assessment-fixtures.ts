/**
 * Assessment test fixtures: an active scheme for a region and year, written straight to the table
 * (the scheme use cases have their own tests), with the default config over the region's units
 * unless one is given.
 */
import type { SchemeConfig } from '@ducha/contract';
import type { OpenDb } from '../src/db/connection.ts';
import { defaultSchemeConfig } from '../src/modules/assessment/default-scheme.ts';
import { unitsOfRegion } from '../src/modules/org/index.ts';

type Db = OpenDb['db'];

export async function regionPath(db: Db, code: string) {
  return (await db.selectFrom('regions').select('path').where('code', '=', code).executeTakeFirstOrThrow())
    .path;
}

/** An active scheme (retiring any other active one of the region and year); its id. */
export async function activeTestScheme(
  db: Db,
  regionCode: string,
  year: number,
  config?: SchemeConfig | ((c: SchemeConfig) => SchemeConfig),
): Promise<number> {
  const base = defaultSchemeConfig(await unitsOfRegion(db, await regionPath(db, regionCode)), regionCode);
  const cfg = typeof config === 'function' ? config(base) : (config ?? base);
  await db
    .updateTable('assessment_schemes')
    .set({ status: 'retired' })
    .where('region_code', '=', regionCode)
    .where('year', '=', year)
    .where('status', '=', 'active')
    .execute();
  const last = await db
    .selectFrom('assessment_schemes')
    .select((e) => e.fn.max('revision').as('r'))
    .where('region_code', '=', regionCode)
    .where('year', '=', year)
    .executeTakeFirst();
  const row = await db
    .insertInto('assessment_schemes')
    .values({
      region_code: regionCode,
      year,
      revision: Number(last?.r ?? 0) + 1,
      name: `${year}年度重点项目考核方案`,
      status: 'active',
      config: JSON.stringify(cfg),
      activated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface RowSpec {
  unitId: number;
  month: number;
  rule: string;
  points: string;
  key?: string;
  causeKind?: 'report' | 'light' | 'item' | 'meeting' | 'inspection';
  causeId?: number | null;
  projectId?: number | null;
}

let seq = 0;
/**
 * Generated ledger rows written straight to the table (the recompute has its own tests): for the
 * ledger's reads, rankings and score cards.
 */
export async function insertRows(
  db: Db,
  schemeId: number,
  regionCode: string,
  year: number,
  rows: RowSpec[],
) {
  if (!rows.length) return [];
  const out = await db
    .insertInto('score_rows')
    .values(
      rows.map((r) => ({
        region_code: regionCode,
        year,
        month: r.month,
        unit_id: r.unitId,
        rule: r.rule,
        points: r.points,
        reason: `测试：${r.rule} ${r.points}`,
        cause_kind: r.causeKind ?? 'light',
        cause_id: r.causeId ?? null,
        project_id: r.projectId ?? null,
        fact_key: r.key ?? `test:${++seq}`,
        source: 'generated' as const,
        scheme_id: schemeId,
      })),
    )
    .returning('id')
    .execute();
  return out.map((r) => Number(r.id));
}

/** A recomputed month's unit paces, written straight to the table. */
export async function insertPaces(
  db: Db,
  schemeId: number,
  regionCode: string,
  year: number,
  month: number,
  paces: [unitId: number, pace: string | null][],
) {
  await db
    .insertInto('score_unit_months')
    .values(
      paces.map(([unit_id, pace]) => ({
        region_code: regionCode,
        year,
        month,
        unit_id,
        planned: '100.00',
        done: pace === null ? '0.00' : (Number(pace) * 100).toFixed(2),
        pace,
        scheme_id: schemeId,
        computed_at: new Date(),
      })),
    )
    .execute();
}
