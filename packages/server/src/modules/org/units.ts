/** Units (单位): departments, towns, zones, companies. Lists, detail, create, edit, deactivate. */
import type { Unit, unitCreate, unitQuery, unitUpdate } from '@ducha/contract';
import { sql } from 'kysely';
import type { z } from 'zod';
import { transaction, type Db, type Executor } from '../../db/connection.ts';
import { actorOf, type Actor, type Ctx } from '../../platform/access/context.ts';
import { scopeKind } from '../../platform/access/scope.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { forbidden, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { assertVersion, editAction, paged, patchOf, containing } from '../../platform/records.ts';
import { canCreateUnit, canReadUnit, canWriteUnit } from './policy.ts';
import {
  getRegion,
  regionCodeInScope,
  regionCodeUnderCode,
  regionNameOf,
  regionPathOf,
} from '../../platform/regions.ts';

const base = (db: Executor) =>
  db
    .selectFrom('units as u')
    .leftJoin('people as h', 'h.id', 'u.head_person_id')
    .leftJoin('people as l', 'l.id', 'u.liaison_person_id');

const columns = [
  'u.id',
  'u.name',
  'u.short_name',
  'u.type',
  'u.region_code',
  regionNameOf('u.region_code').as('region_name'),
  regionPathOf('u.region_code').as('region_path'),
  'u.parent_id',
  'u.head_person_id',
  'h.name as head_name',
  'u.liaison_person_id',
  'l.name as liaison_name',
  'u.phone',
  'u.active',
  'u.version',
] as const;

type Row = {
  id: number;
  name: string;
  short_name: string | null;
  type: string;
  region_code: string;
  region_name: string;
  region_path: string;
  parent_id: number | null;
  head_person_id: number | null;
  head_name: string | null;
  liaison_person_id: number | null;
  liaison_name: string | null;
  phone: string | null;
  active: boolean;
  version: number;
};

export const presentUnit = (r: Row): Unit => ({
  id: r.id,
  name: r.name,
  shortName: r.short_name,
  type: r.type as Unit['type'],
  regionCode: r.region_code,
  regionName: r.region_name,
  parentId: r.parent_id,
  headPersonId: r.head_person_id,
  headPersonName: r.head_name,
  liaisonPersonId: r.liaison_person_id,
  liaisonPersonName: r.liaison_name,
  phone: r.phone,
  active: r.active,
  version: r.version,
});

export const findUnitRow = (db: Executor, id: number) =>
  base(db).select(columns).where('u.id', '=', id).executeTakeFirst();

const facts = (r: Row) => ({ id: r.id, regionPath: r.region_path });

/** A unit the actor may read, or 404/403. Used by other org services (people, positions, users). */
export async function readableUnit(db: Executor, actor: Actor, id: number): Promise<Row> {
  const row = await findUnitRow(db, id);
  if (!row) throw notFound();
  if (!canReadUnit(actor, facts(row))) throw outOfScope();
  return row;
}

export async function listUnits(db: Db, ctx: Ctx, q: z.infer<typeof unitQuery>) {
  const actor = actorOf(ctx);
  let query = base(db);
  const kind = scopeKind(actor);
  if (kind === 'region') query = query.where(regionCodeInScope(actor, 'u.region_code'));
  if (kind === 'unit' || kind === 'own') query = query.where('u.id', '=', actor.unitId ?? -1);
  if (!q.includeInactive) query = query.where('u.active', '=', true);
  if (q.regionCode) query = query.where(regionCodeUnderCode('u.region_code', q.regionCode));
  if (q.type) query = query.where('u.type', '=', q.type);
  if (q.q)
    query = query.where((eb) =>
      eb.or([eb('u.name', 'like', containing(q.q)), eb('u.short_name', 'like', containing(q.q))]),
    );
  return paged(db, query, (b) => b.select(columns).orderBy(regionPathOf('u.region_code')).orderBy('u.id'), {
    ...q,
    present: presentUnit,
  });
}

export async function getUnit(db: Db, ctx: Ctx, id: number): Promise<Unit> {
  return presentUnit(await readableUnit(db, actorOf(ctx), id));
}

/** The parent must be another unit, readable, and not below this one (no cycles). */
async function checkParent(trx: Executor, actor: Actor, id: number | null, parentId: number) {
  if (id === parentId) throw invalid('body.parentId', '上级单位不能是本单位');
  await readableUnit(trx, actor, parentId).catch(() => {
    throw invalid('body.parentId', '上级单位不存在或不在权限范围内');
  });
  if (id === null) return;
  const cycle = await sql<{ id: number }>`
    with recursive up(id, parent_id) as (
      select id, parent_id from units where id = ${parentId}
      union all select u.id, u.parent_id from units u join up on u.id = up.parent_id
    ) select id from up where id = ${id}`.execute(trx);
  if (cycle.rows.length) throw invalid('body.parentId', '上级单位不能是本单位的下级');
}

async function checkMember(trx: Executor, unitId: number, personId: number, field: string) {
  const p = await trx
    .selectFrom('people')
    .select(['unit_id', 'active'])
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!p || p.unit_id !== unitId || !p.active) throw invalid(`body.${field}`, '应选择本单位在职人员');
}

export async function createUnit(db: Db, ctx: Ctx, input: z.infer<typeof unitCreate>): Promise<Unit> {
  const actor = actorOf(ctx);
  return transaction(db, async (trx) => {
    const region = await getRegion(trx, input.regionCode);
    if (!region) throw invalid('body.regionCode', '行政区划不存在');
    if (!canCreateUnit(actor, region.path)) throw outOfScope();
    if (input.parentId) await checkParent(trx, actor, null, input.parentId);
    const { id } = await trx
      .insertInto('units')
      .values({
        name: input.name,
        short_name: input.shortName ?? null,
        type: input.type,
        region_code: input.regionCode,
        parent_id: input.parentId ?? null,
        phone: input.phone ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const unit = presentUnit((await findUnitRow(trx, id))!);
    await recordAudit(trx, ctx, { entity: 'unit', entityId: id, action: 'create', after: unit });
    return unit;
  });
}

export async function updateUnit(
  db: Db,
  ctx: Ctx,
  id: number,
  input: z.infer<typeof unitUpdate>,
): Promise<Unit> {
  const actor = actorOf(ctx);
  return transaction(db, async (trx) => {
    await trx.selectFrom('units').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
    const row = await readableUnit(trx, actor, id);
    if (!canWriteUnit(actor, facts(row))) throw forbidden();
    assertVersion(row.version, input.version);
    // unit staff may keep contact details, not reorganise the unit
    if (
      actor.role === 'unit' &&
      (input.type !== undefined ||
        input.parentId !== undefined ||
        input.active !== undefined ||
        input.name !== undefined)
    ) {
      throw forbidden();
    }
    if (input.parentId) await checkParent(trx, actor, id, input.parentId);
    if (input.headPersonId) await checkMember(trx, id, input.headPersonId, 'headPersonId');
    if (input.liaisonPersonId) await checkMember(trx, id, input.liaisonPersonId, 'liaisonPersonId');
    const patch = patchOf(input, {
      name: 'name',
      shortName: 'short_name',
      type: 'type',
      parentId: 'parent_id',
      headPersonId: 'head_person_id',
      liaisonPersonId: 'liaison_person_id',
      phone: 'phone',
      active: 'active',
    });
    await trx
      .updateTable('units')
      .set({ ...patch, version: row.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    const before = presentUnit(row);
    const after = presentUnit((await findUnitRow(trx, id))!);
    const action = editAction(before.active, input.active);
    await recordAudit(trx, ctx, { entity: 'unit', entityId: id, action, before, after });
    return after;
  });
}

export async function auditReadUnit(db: Db, actor: Actor, id: string) {
  await readableUnit(db, actor, Number(id) || -1);
}
