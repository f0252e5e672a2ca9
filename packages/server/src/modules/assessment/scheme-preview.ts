/**
 * A scheme's preview (issue 15): the scheme, draft or not, applied to a month's facts without
 * writing anything: the rows it would generate, by rule, and the ranking they give. The office
 * tries a change on last month before activating it. The same `buildMonthRows` as the recompute,
 * so what the preview shows is what a recompute under the scheme then writes.
 */
import { scoreRules, Decimal, type Preview, type previewBody } from '@ducha/contract';
import type { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import type { Ctx } from '../../platform/access/context.ts';
import { notFound } from '../../platform/errors.ts';
import { getRegion } from '../../platform/regions.ts';
import { unitsOfRegion } from '../org/index.ts';
import { rankRows } from './rankings.ts';
import { buildMonthRows } from './recompute.ts';
import { schemeById } from './scheme-store.ts';
import { getScheme } from './schemes.ts';

export async function previewScheme(
  db: Db,
  ctx: Ctx,
  id: number,
  body: z.infer<typeof previewBody>,
): Promise<Preview> {
  await getScheme(db, ctx, id); // who may read the scheme may preview it
  const scheme = await schemeById(db, id);
  const region = scheme && (await getRegion(db, scheme.regionCode));
  if (!scheme || !region) throw notFound();
  const { rows, units } = await buildMonthRows(db, scheme, body.year, body.month);
  const names = new Map((await unitsOfRegion(db, region.path)).map((u) => [u.id, u.name]));
  const pace = new Map(units.map((u) => [u.unitId, u.pace]));
  const byRule = scoreRules
    .map((rule) => {
      const of = rows.filter((r) => r.rule === rule);
      return {
        rule,
        rows: of.length,
        points: of.reduce((s, r) => s.plus(r.points), new Decimal(0)).toFixed(2),
      };
    })
    .filter((r) => r.rows > 0);
  return {
    regionCode: region.code,
    regionName: region.name,
    period: `${body.year}-${String(body.month).padStart(2, '0')}`,
    schemeId: scheme.id,
    schemeName: scheme.name,
    baseScore: scheme.config.baseScore,
    months: [`${body.year}-${String(body.month).padStart(2, '0')}`],
    groups: rankRows(scheme.config, names, rows, pace),
    byRule,
  };
}
