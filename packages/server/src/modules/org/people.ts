/** People (人员): names, unit, phone, positions held, whether they have an account. */
import type { Person, personCreate, personQuery, personUpdate } from '@ducha/contract';
import { sql } from 'kysely';
import type { z } from 'zod';
import { transaction, type Db, type Executor } from '../../db/connection.ts';
import { actorOf, type Actor, type Ctx } from '../../platform/access/context.ts';
import { scopeKind } from '../../platform/access/scope.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { forbidden, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { assertVersion, editAction, paged, patchOf, containing } from '../../platform/records.ts';
import { canReadPerson, canWritePerson } from './policy.ts';
import { findUnitRow } from './units.ts';
import { regionCodeInScope, regionPathOf } from '../../platform/regions.ts';
import { hasAccountSql } from '../../platform/auth/accounts.ts';

const base = (db: Executor) => db.selectFrom('people as p').leftJoin('units as u', 'u.id', 'p.unit_id');

const columns = [
  'p.id',
  'p.name',
  'p.unit_id',
  'u.name as unit_name',
  regionPathOf('u.region_code').as('region_path'),
  'p.title',
  'p.phone',
  'p.active',
  'p.version',
  sql<{ id: number; name: string }[]>`coalesce((
    select json_agg(json_build_object('id', pos.id, 'name', pos.name) order by pos.id)
    from position_holdings ph join positions pos on pos.id = ph.position_id
    where ph.person_id = p.id and ph.end_date is null), '[]'::json)`.as('positions'),
  hasAccountSql('p.id').as('has_account'),
] as const;

type Row = {
  id: number;
  name: string;
  unit_id: number | null;
  unit_name: string | null;
  region_path: string | null;
  title: string | null;
  phone: string | null;
  active: boolean;
  version: number;
  positions: { id: number; name: string }[];
  has_account: boolean;
};

const present = (r: Row): Person => ({
  id: r.id,
  name: r.name,
  unitId: r.unit_id,
  unitName: r.unit_name,
  title: r.title,
  phone: r.phone,
  positions: r.positions,
  hasAccount: r.has_account,
  active: r.active,
  version: r.version,
});

const facts = (r: Row) => ({ id: r.id, unitId: r.unit_id, regionPath: r.region_path });
const findRow = (db: Executor, id: number) =>
  base(db).select(columns).where('p.id', '=', id).executeTakeFirst() as Promise<Row | undefined>;

export async function readablePerson(db: Executor, actor: Actor, id: number): Promise<Row> {
  const row = await findRow(db, id);
  if (!row) throw notFound();
  if (!canReadPerson(actor, facts(row))) throw outOfScope();
  return row;
}

export async function listPeople(db: Db, ctx: Ctx, q: z.infer<typeof personQuery>) {
  const actor = actorOf(ctx);
  let query = base(db);
  const kind = scopeKind(actor);
  if (kind === 'region') query = query.where(regionCodeInScope(actor, 'u.region_code'));
  if (kind === 'unit') query = query.where('p.unit_id', '=', actor.unitId ?? -1);
  if (kind === 'own') query = query.where('p.id', '=', actor.personId ?? -1);
  if (!q.includeInactive) query = query.where('p.active', '=', true);
  if (q.unitId) query = query.where('p.unit_id', '=', q.unitId);
  if (q.q)
    query = query.where((eb) =>
      eb.or([eb('p.name', 'like', containing(q.q)), eb('p.phone', 'like', containing(q.q))]),
    );
  return paged(db, query, (b) => b.select(columns).orderBy('p.unit_id').orderBy('p.id'), {
    ...q,
    present: (r) => present(r as Row),
  });
}

export async function getPerson(db: Db, ctx: Ctx, id: number): Promise<Person> {
  return present(await readablePerson(db, actorOf(ctx), id));
}

async function targetUnit(trx: Executor, actor: Actor, unitId: number) {
  const unit = await findUnitRow(trx, unitId);
  if (!unit) throw invalid('body.unitId', '单位不存在');
  if (!canWritePerson(actor, { unitId, regionPath: unit.region_path })) throw outOfScope();
  return unit;
}

export async function createPerson(db: Db, ctx: Ctx, input: z.infer<typeof personCreate>): Promise<Person> {
  const actor = actorOf(ctx);
  return transaction(db, async (trx) => {
    await targetUnit(trx, actor, input.unitId);
    const { id } = await trx
      .insertInto('people')
      .values({
        name: input.name,
        unit_id: input.unitId,
        title: input.title ?? null,
        phone: input.phone ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const person = present((await findRow(trx, id))!);
    await recordAudit(trx, ctx, { entity: 'person', entityId: id, action: 'create', after: person });
    return person;
  });
}

export async function updatePerson(
  db: Db,
  ctx: Ctx,
  id: number,
  input: z.infer<typeof personUpdate>,
): Promise<Person> {
  const actor = actorOf(ctx);
  return transaction(db, async (trx) => {
    await trx.selectFrom('people').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
    const row = await readablePerson(trx, actor, id);
    if (!canWritePerson(actor, facts(row))) throw forbidden();
    assertVersion(row.version, input.version);
    if (input.unitId && input.unitId !== row.unit_id) await targetUnit(trx, actor, input.unitId);
    const patch = patchOf(input, {
      name: 'name',
      unitId: 'unit_id',
      title: 'title',
      phone: 'phone',
      active: 'active',
    });
    await trx
      .updateTable('people')
      .set({ ...patch, version: row.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    const before = present(row);
    const after = present((await findRow(trx, id))!);
    const action = editAction(before.active, input.active);
    await recordAudit(trx, ctx, { entity: 'person', entityId: id, action, before, after });
    return after;
  });
}

export async function auditReadPerson(db: Db, actor: Actor, id: string) {
  await readablePerson(db, actor, Number(id) || -1);
}
