/** The light rules in force for a region and year: versioned, inherited from the nearest ancestor. */
import { defaultLightRules, lightRules, type LightRules } from '@ducha/contract';
import { transaction, type Db, type Executor } from '../../db/connection.ts';
import { actorOf, type Ctx } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { userNameOf } from '../../platform/auth/accounts.ts';
import { nearestSetting, settingsRegion } from '../../platform/regions.ts';

export async function rulesFor(
  db: Executor,
  regionPath: string,
  year: number,
): Promise<{ rules: LightRules; version: number; regionCode: string | null }> {
  const rows = await db
    .selectFrom('light_rules')
    .select(['region_code', 'version', 'rules'])
    .where('region_code', 'in', regionPath.split('.'))
    .where('year', '=', year)
    .orderBy('version', 'desc')
    .execute();
  const own = nearestSetting(rows, regionPath);
  if (!own) return { rules: defaultLightRules, version: 0, regionCode: null };
  const latest = rows.filter((r) => r.region_code === own.region_code)[0]!;
  return { rules: lightRules.parse(latest.rules), version: latest.version, regionCode: latest.region_code };
}

export async function listRules(db: Db, ctx: Ctx, code: string, year: number) {
  await settingsRegion(db, actorOf(ctx), code, false);
  const rows = await db
    .selectFrom('light_rules as lr')
    .select([
      'lr.region_code',
      'lr.year',
      'lr.version',
      'lr.rules',
      'lr.reason',
      userNameOf('lr.created_by').as('display_name'),
      'lr.created_at',
    ])
    .where('lr.region_code', '=', code)
    .where('lr.year', '=', year)
    .orderBy('lr.version', 'desc')
    .execute();
  const versions = rows.map((r) => ({
    regionCode: r.region_code,
    year: r.year,
    version: r.version,
    rules: lightRules.parse(r.rules),
    reason: r.reason,
    createdBy: r.display_name,
    createdAt: r.created_at.toISOString(),
  }));
  return versions.length
    ? versions
    : [
        {
          regionCode: code,
          year,
          version: 0,
          rules: defaultLightRules,
          reason: '默认规则',
          createdBy: null,
          createdAt: new Date(0).toISOString(),
        },
      ];
}

/** Rules are versioned: a change is a new version with its reason; closes record the version they used. */
export async function addRules(
  db: Db,
  ctx: Ctx,
  code: string,
  year: number,
  input: { rules: LightRules; reason: string },
) {
  await settingsRegion(db, actorOf(ctx), code, true);
  await transaction(db, async (trx) => {
    const last = await trx
      .selectFrom('light_rules')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('region_code', '=', code)
      .where('year', '=', year)
      .executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    await trx
      .insertInto('light_rules')
      .values({
        region_code: code,
        year,
        version,
        rules: JSON.stringify(input.rules),
        reason: input.reason,
        created_by: actorOf(ctx).id,
      })
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'light_rules',
      entityId: `${code}:${year}`,
      action: 'create',
      after: { version, ...input.rules },
      reason: input.reason,
    });
  });
  return (await listRules(db, ctx, code, year))[0]!;
}
