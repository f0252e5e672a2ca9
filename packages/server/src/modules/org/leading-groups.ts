/**
 * Leading groups (领导小组, DOMAIN §2): a region's 重点项目建设领导小组 with its head and deputies (positions,
 * so a change of post moves the seat), member units and its office (办公室设在…). The office over the
 * region keeps them; whoever sees the region's organisation reads them, and unit staff read the
 * groups their unit sits in.
 */
import type {
  LeadingGroup,
  leadingGroupCreate,
  leadingGroupQuery,
  leadingGroupUpdate,
} from '@ducha/contract';
import { sql } from 'kysely';
import type { z } from 'zod';
import { transaction, type Db, type Executor } from '../../db/connection.ts';
import { actorOf, type Actor, type Ctx } from '../../platform/access/context.ts';
import { officeOver, scopeKind, seesRegion } from '../../platform/access/scope.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { forbidden, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { assertVersion, containing, paged } from '../../platform/records.ts';
import { getRegion, regionCodeUnderCode, regionNameOf, regionPathOf } from '../../platform/regions.ts';
import { assertActive, currentHolderNameOf, positionNameOf, unitsJson } from './lookups.ts';

export interface LeadingGroupFacts {
  regionPath: string;
  unitIds: readonly number[];
}

/** Read: the admin; offices and leaders of the region, its subtree or above it; unit staff of a member or office unit. */
export function canReadLeadingGroup(a: Actor, g: LeadingGroupFacts): boolean {
  switch (scopeKind(a)) {
    case 'global':
      return true;
    case 'region':
      return seesRegion(a, g.regionPath);
    case 'unit':
      return a.unitId !== null && g.unitIds.includes(a.unitId);
    case 'own':
      return false;
  }
}

const positionJson = (col: string) =>
  sql<{
    id: number;
    name: string;
    holderName: string | null;
  } | null>`(case when ${sql.ref(col)} is null then null
    else json_build_object('id', ${sql.ref(col)}, 'name', ${positionNameOf(col)}, 'holderName', ${currentHolderNameOf(col)}) end)`;

const columns = [
  'g.id',
  'g.region_code',
  regionNameOf('g.region_code').as('region_name'),
  regionPathOf('g.region_code').as('region_path'),
  'g.name',
  positionJson('g.head_position_id').as('head'),
  sql<LeadingGroup['deputies']>`coalesce((select json_agg(json_build_object('id', d.id, 'name', d.name,
    'holderName', ${currentHolderNameOf('d.id')}) order by x.n) from unnest(g.deputy_position_ids) with ordinality as x(id, n)
    join positions d on d.id = x.id), '[]'::json)`.as('deputies'),
  unitsJson(sql`select unnest(g.member_unit_ids)`).as('member_units'),
  sql<{
    id: number;
    name: string;
  } | null>`(select json_build_object('id', u.id, 'name', u.name) from units u where u.id = g.office_unit_id)`.as(
    'office_unit',
  ),
  'g.duties',
  'g.active',
  'g.version',
  'g.member_unit_ids',
  'g.office_unit_id',
] as const;

type Row = {
  id: number;
  region_code: string;
  region_name: string;
  region_path: string;
  name: string;
  head: LeadingGroup['head'];
  deputies: LeadingGroup['deputies'];
  member_units: { id: number; name: string }[];
  office_unit: { id: number; name: string } | null;
  duties: string;
  active: boolean;
  version: number;
  member_unit_ids: number[];
  office_unit_id: number | null;
};

const present = (r: Row): LeadingGroup => ({
  id: r.id,
  regionCode: r.region_code,
  regionName: r.region_name,
  name: r.name,
  head: r.head,
  deputies: r.deputies,
  memberUnits: r.member_units,
  officeUnit: r.office_unit,
  duties: r.duties,
  active: r.active,
  version: r.version,
});
const facts = (r: Row): LeadingGroupFacts => ({
  regionPath: r.region_path,
  unitIds: r.office_unit_id === null ? r.member_unit_ids : [...r.member_unit_ids, r.office_unit_id],
});

async function readable(db: Executor, actor: Actor, id: number): Promise<Row> {
  const r = await db
    .selectFrom('leading_groups as g')
    .select(columns)
    .where('g.id', '=', id)
    .executeTakeFirst();
  if (!r) throw notFound();
  if (!canReadLeadingGroup(actor, facts(r))) throw outOfScope();
  return r;
}

export const leadingGroupDetail = async (db: Executor, ctx: Ctx, id: number) =>
  present(await readable(db, actorOf(ctx), id));

export async function listLeadingGroups(db: Db, ctx: Ctx, q: z.infer<typeof leadingGroupQuery>) {
  const actor = actorOf(ctx);
  let query = db.selectFrom('leading_groups as g');
  const kind = scopeKind(actor);
  if (kind === 'region')
    query = query.where(
      sql<boolean>`(${regionPathOf('g.region_code')} = ${actor.regionPath} or ${regionPathOf('g.region_code')} like ${actor.regionPath + '.%'}
        or ${actor.regionPath} like ${regionPathOf('g.region_code')} || '.%')`,
    );
  if (kind === 'unit')
    query = query.where((eb) =>
      eb.or([
        eb('g.office_unit_id', '=', actor.unitId ?? -1),
        sql<boolean>`${actor.unitId ?? -1} = any(g.member_unit_ids)`,
      ]),
    );
  if (kind === 'own') query = query.where(sql<boolean>`false`);
  if (q.regionCode) query = query.where(regionCodeUnderCode('g.region_code', q.regionCode));
  if (q.q) query = query.where('g.name', 'like', containing(q.q));
  return paged(db, query, (b) => b.select(columns).orderBy('g.region_code').orderBy('g.id'), {
    ...q,
    present,
  });
}

async function checkRefs(db: Executor, i: Partial<z.infer<typeof leadingGroupCreate>>) {
  const positions = [...(i.headPositionId ? [i.headPositionId] : []), ...(i.deputyPositionIds ?? [])];
  await assertActive(db, 'positions', positions, 'body.deputyPositionIds', '职务不存在或已停用');
  const units = [...(i.memberUnitIds ?? []), ...(i.officeUnitId ? [i.officeUnitId] : [])];
  await assertActive(db, 'units', units, 'body.memberUnitIds', '单位不存在或已停用');
}

export async function createLeadingGroup(db: Db, ctx: Ctx, input: z.infer<typeof leadingGroupCreate>) {
  const actor = actorOf(ctx);
  return transaction(db, async (trx) => {
    const region = await getRegion(trx, input.regionCode);
    if (!region) throw invalid('body.regionCode', '区划不存在');
    if (!officeOver(actor, region.path)) throw forbidden();
    await checkRefs(trx, input);
    const row = await trx
      .insertInto('leading_groups')
      .values({
        region_code: input.regionCode,
        name: input.name,
        head_position_id: input.headPositionId,
        deputy_position_ids: input.deputyPositionIds,
        member_unit_ids: [...new Set(input.memberUnitIds)],
        office_unit_id: input.officeUnitId,
        duties: input.duties,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { entity: 'leading_group', entityId: row.id, action: 'create', after: row });
    return row.id;
  });
}

export async function updateLeadingGroup(
  db: Db,
  ctx: Ctx,
  id: number,
  input: z.infer<typeof leadingGroupUpdate>,
) {
  const actor = actorOf(ctx);
  return transaction(db, async (trx) => {
    const before = await readable(trx, actor, id);
    if (!officeOver(actor, before.region_path)) throw forbidden();
    assertVersion(before.version, input.version);
    await checkRefs(trx, {
      ...input,
      headPositionId: input.headPositionId ?? undefined,
      officeUnitId: input.officeUnitId ?? undefined,
    });
    const after = await trx
      .updateTable('leading_groups')
      .set({
        ...(input.name !== undefined && { name: input.name }),
        ...(input.headPositionId !== undefined && { head_position_id: input.headPositionId }),
        ...(input.deputyPositionIds !== undefined && { deputy_position_ids: input.deputyPositionIds }),
        ...(input.memberUnitIds !== undefined && { member_unit_ids: [...new Set(input.memberUnitIds)] }),
        ...(input.officeUnitId !== undefined && { office_unit_id: input.officeUnitId }),
        ...(input.duties !== undefined && { duties: input.duties }),
        ...(input.active !== undefined && { active: input.active }),
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      entity: 'leading_group',
      entityId: id,
      action: 'update',
      before: present(before),
      after,
    });
  });
}

/** The entity reader of a leading group's timeline. */
export const readableLeadingGroup = (db: Executor, actor: Actor, id: number) => readable(db, actor, id);
