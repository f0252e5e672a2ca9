/**
 * Positions (职务) and their holders. Responsibility attaches to the position: changing the holder
 * closes the outgoing term and opens the new one, and everything that points at the position
 * follows at once (DOMAIN §2, seed 004 "由接任者自行替补，不再发文明确").
 */
import type {
  Position,
  positionCreate,
  positionHolderChange,
  positionQuery,
  positionUpdate,
} from '@ducha/contract';
import { sql } from 'kysely';
import type { z } from 'zod';
import { transaction, type Db, type Executor, type Trx } from '../../db/connection.ts';
import { actorOf, type Actor, type Ctx } from '../../platform/access/context.ts';
import { scopeKind } from '../../platform/access/scope.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { forbidden, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { assertVersion, editAction, paged, patchOf, containing } from '../../platform/records.ts';
import { todayInChina } from '../../platform/time.ts';
import { readablePerson } from './people.ts';
import { canReadPosition, canWritePosition } from './policy.ts';
import { dayBefore, successionError } from './rules.ts';
import { findUnitRow } from './units.ts';
import { regionCodeInScope, regionCodeUnderCode, regionPathOf } from '../../platform/regions.ts';

const base = (db: Executor) =>
  db
    .selectFrom('positions as pos')
    .innerJoin('units as u', 'u.id', 'pos.unit_id')
    .leftJoin('position_holdings as h', (j) =>
      j.onRef('h.position_id', '=', 'pos.id').on('h.end_date', 'is', null),
    )
    .leftJoin('people as holder', 'holder.id', 'h.person_id');

const columns = [
  'pos.id',
  'pos.name',
  'pos.unit_id',
  'u.name as unit_name',
  'u.region_code',
  regionPathOf('u.region_code').as('region_path'),
  'h.person_id as holder_id',
  'holder.name as holder_name',
  'h.start_date as holder_since',
  'pos.active',
  'pos.version',
] as const;

type Row = {
  id: number;
  name: string;
  unit_id: number;
  unit_name: string;
  region_code: string;
  region_path: string;
  holder_id: number | null;
  holder_name: string | null;
  holder_since: string | null;
  active: boolean;
  version: number;
};

const present = (r: Row): Position => ({
  id: r.id,
  name: r.name,
  unitId: r.unit_id,
  unitName: r.unit_name,
  regionCode: r.region_code,
  holderId: r.holder_id,
  holderName: r.holder_name,
  active: r.active,
  version: r.version,
});
const facts = (r: Row) => ({ unitId: r.unit_id, regionPath: r.region_path });
const findRow = (db: Executor, id: number) =>
  base(db).select(columns).where('pos.id', '=', id).executeTakeFirst();

async function readable(db: Executor, actor: Actor, id: number): Promise<Row> {
  const row = await findRow(db, id);
  if (!row) throw notFound();
  if (!canReadPosition(actor, facts(row))) throw outOfScope();
  return row;
}

export async function listPositions(db: Db, ctx: Ctx, q: z.infer<typeof positionQuery>) {
  const actor = actorOf(ctx);
  let query = base(db);
  const kind = scopeKind(actor);
  if (kind === 'region') query = query.where(regionCodeInScope(actor, 'u.region_code'));
  if (kind === 'unit') query = query.where('pos.unit_id', '=', actor.unitId ?? -1);
  if (kind === 'own') query = query.where(sql<boolean>`false`);
  if (!q.includeInactive) query = query.where('pos.active', '=', true);
  if (q.unitId) query = query.where('pos.unit_id', '=', q.unitId);
  if (q.regionCode) query = query.where(regionCodeUnderCode('u.region_code', q.regionCode));
  if (q.q)
    query = query.where((eb) =>
      eb.or([eb('pos.name', 'like', containing(q.q)), eb('holder.name', 'like', containing(q.q))]),
    );
  return paged(db, query, (b) => b.select(columns).orderBy(regionPathOf('u.region_code')).orderBy('pos.id'), {
    ...q,
    present,
  });
}

async function holders(db: Executor, positionId: number) {
  const rows = await db
    .selectFrom('position_holdings as h')
    .innerJoin('people as p', 'p.id', 'h.person_id')
    .select(['h.person_id', 'p.name', 'h.start_date', 'h.end_date', 'h.reason'])
    .where('h.position_id', '=', positionId)
    .orderBy('h.start_date', 'desc')
    .execute();
  return rows.map((h) => ({
    personId: h.person_id,
    personName: h.name,
    startDate: h.start_date,
    endDate: h.end_date,
    reason: h.reason,
  }));
}

export async function getPosition(db: Db, ctx: Ctx, id: number) {
  const row = await readable(db, actorOf(ctx), id);
  return { ...present(row), holders: await holders(db, id) };
}

async function holderCandidate(trx: Executor, actor: Actor, personId: number) {
  const person = await readablePerson(trx, actor, personId).catch(() => {
    throw invalid('body.personId', '人员不存在或不在权限范围内');
  });
  if (!person.active) throw invalid('body.personId', '该人员已停用');
  return person;
}

export async function createPosition(
  db: Db,
  ctx: Ctx,
  input: z.infer<typeof positionCreate>,
): Promise<Position> {
  const actor = actorOf(ctx);
  return transaction(db, async (trx) => {
    const unit = await findUnitRow(trx, input.unitId);
    if (!unit) throw invalid('body.unitId', '单位不存在');
    if (!canWritePosition(actor, { unitId: unit.id, regionPath: unit.region_path })) throw outOfScope();
    const { id } = await trx
      .insertInto('positions')
      .values({ name: input.name, unit_id: input.unitId })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.holderId) {
      await holderCandidate(trx, actor, input.holderId);
      const today = todayInChina();
      await trx
        .insertInto('position_holdings')
        .values({ position_id: id, person_id: input.holderId, start_date: today, reason: '设立职务' })
        .execute();
    }
    const position = present((await findRow(trx, id))!);
    await recordAudit(trx, ctx, { entity: 'position', entityId: id, action: 'create', after: position });
    return position;
  });
}

async function lockedWritable(trx: Trx, actor: Actor, id: number, version: number): Promise<Row> {
  await trx.selectFrom('positions').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  const row = await readable(trx, actor, id);
  if (!canWritePosition(actor, facts(row))) throw forbidden();
  assertVersion(row.version, version);
  return row;
}

export async function updatePosition(
  db: Db,
  ctx: Ctx,
  id: number,
  input: z.infer<typeof positionUpdate>,
): Promise<Position> {
  const actor = actorOf(ctx);
  return transaction(db, async (trx) => {
    const row = await lockedWritable(trx, actor, id, input.version);
    const patch = patchOf(input, { name: 'name', active: 'active' });
    await trx
      .updateTable('positions')
      .set({ ...patch, version: row.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    const after = present((await findRow(trx, id))!);
    await recordAudit(trx, ctx, {
      entity: 'position',
      entityId: id,
      action: editAction(row.active, input.active),
      before: present(row),
      after,
    });
    return after;
  });
}

/** Hands the position to a new holder (or leaves it vacant with personId null) from `startDate`. */
export async function changeHolder(
  db: Db,
  ctx: Ctx,
  id: number,
  input: z.infer<typeof positionHolderChange>,
) {
  const actor = actorOf(ctx);
  return transaction(db, async (trx) => {
    const row = await lockedWritable(trx, actor, id, input.version);
    if (input.personId === row.holder_id)
      throw invalid('body.personId', input.personId === null ? '该职务已空缺' : '该人员已是现任');
    const latest = await trx
      .selectFrom('position_holdings')
      .select((eb) => eb.fn.max(eb.fn.coalesce('end_date', 'start_date')).as('last'))
      .where('position_id', '=', id)
      .executeTakeFirst();
    const problem = successionError(latest?.last ?? null, input.startDate);
    if (problem) throw invalid('body.startDate', problem);
    if (input.personId !== null) await holderCandidate(trx, actor, input.personId);
    if (row.holder_id !== null) {
      await trx
        .updateTable('position_holdings')
        .set({ end_date: dayBefore(input.startDate) })
        .where('position_id', '=', id)
        .where('end_date', 'is', null)
        .execute();
    }
    if (input.personId !== null) {
      await trx
        .insertInto('position_holdings')
        .values({
          position_id: id,
          person_id: input.personId,
          start_date: input.startDate,
          reason: input.reason,
        })
        .execute();
    }
    await trx
      .updateTable('positions')
      .set({ version: row.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    const after = present((await findRow(trx, id))!);
    await recordAudit(trx, ctx, {
      entity: 'position',
      entityId: id,
      action: 'change_holder',
      before: { holderId: row.holder_id, holderName: row.holder_name },
      after: { holderId: after.holderId, holderName: after.holderName, startDate: input.startDate },
      reason: input.reason,
    });
    return { ...after, holders: await holders(trx, id) };
  });
}

export async function auditReadPosition(db: Db, actor: Actor, id: string) {
  await readable(db, actor, Number(id) || -1);
}
