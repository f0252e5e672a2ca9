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
  return (await db.selectFrom('regions').select('path').where('code', '=', code).executeTakeFirstOrThrow()).path;
}

/** An active scheme (retiring any other active one of the region and year); its id. */
export async function activeTestScheme(
  db: Db,
  regionCode: string,
  year: number,
  config?: SchemeConfig | ((c: SchemeConfig) => SchemeConfig),
): Promise<number> {
  const base = defaultSchemeConfig(await unitsOfRegion(db, await regionPath(db, regionCode)));
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
