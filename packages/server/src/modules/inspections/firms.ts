/**
 * The contracted technical firms (签约专业技术机构, issue 14) whose experts the office draws: one
 * name per region, a contact and the contract's term. A firm with experts is deactivated, never
 * deleted.
 */
import type { firmCreate, firmQuery, firmUpdate } from '@ducha/contract';
import { sql } from 'kysely';
import type { z } from 'zod';
import { transaction, type Db, type Executor, type Trx } from '../../db/connection.ts';
import { actorOf, type Actor, type Ctx } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, notFound, outOfScope } from '../../platform/errors.ts';
import { assertVersion, containing, paged } from '../../platform/records.ts';
import { regionPathOf } from '../../platform/regions.ts';
import { canManageLibrary, canReadLibrary, readsLibraries } from './library-policy.ts';
import { libraryScope, managedRegion, refuseReferenced, shownPhone } from './library-repo.ts';

const columns = [
  'f.id',
  'f.region_code',
  'f.name',
  'f.contact',
  'f.phone',
  'f.contract_from',
  'f.contract_to',
  'f.active',
  'f.version',
] as const;
const extras = [
  sql<number>`(select count(*)::int from inspection_experts e where e.firm_id = f.id)`.as('experts'),
  regionPathOf('f.region_code').as('region_path'),
] as const;

type Row = {
  id: number;
  region_code: string;
  name: string;
  contact: string;
  phone: string;
  contract_from: string | null;
  contract_to: string | null;
  active: boolean;
  version: number;
  experts: number;
  region_path: string;
};
const day = (d: unknown) =>
  d == null ? null : d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10);
const present = (a: Actor) => (r: Row) => ({
  id: r.id,
  regionCode: r.region_code,
  name: r.name,
  contact: r.contact,
  phone: shownPhone(a, r.phone),
  contractFrom: day(r.contract_from),
  contractTo: day(r.contract_to),
  experts: r.experts,
  active: r.active,
  version: r.version,
});

export async function listFirms(db: Db, ctx: Ctx, q: z.infer<typeof firmQuery>) {
  const a = actorOf(ctx);
  if (!readsLibraries(a)) throw outOfScope();
  let base = db.selectFrom('inspection_firms as f').where(libraryScope(a, 'f.region_code'));
  if (q.regionCode) base = base.where('f.region_code', '=', q.regionCode);
  if (q.active !== undefined) base = base.where('f.active', '=', q.active);
  if (q.q) base = base.where('f.name', 'ilike', containing(q.q));
  return paged(
    db,
    base,
    (b) => b.select(columns).select(extras).orderBy('f.region_code').orderBy('f.name').orderBy('f.id'),
    {
      page: q.page,
      pageSize: q.pageSize,
      present: present(a),
    },
  );
}

async function row(db: Executor, id: number): Promise<Row> {
  const r = await db
    .selectFrom('inspection_firms as f')
    .select(columns)
    .select(extras)
    .where('f.id', '=', id)
    .executeTakeFirst();
  if (!r) throw notFound();
  return r;
}

export async function getFirm(db: Db, ctx: Ctx, id: number) {
  const a = actorOf(ctx);
  const r = await row(db, id);
  if (!canReadLibrary(a, r.region_path)) throw outOfScope();
  return present(a)(r);
}

const duplicate = (e: unknown): never => {
  if ((e as { code?: string }).code === '23505')
    throw new DomainError('DUPLICATE', 409, [{ path: 'body.name', message: '该区划已有同名技术机构' }]);
  throw e;
};

export async function createFirm(db: Db, ctx: Ctx, input: z.infer<typeof firmCreate>) {
  await managedRegion(db, actorOf(ctx), input.regionCode);
  return transaction(db, async (trx: Trx) => {
    const r = await trx
      .insertInto('inspection_firms')
      .values({
        region_code: input.regionCode,
        name: input.name,
        contact: input.contact,
        phone: input.phone,
        contract_from: input.contractFrom,
        contract_to: input.contractTo,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch(duplicate);
    await recordAudit(trx, ctx, { entity: 'inspection_firm', entityId: r.id, action: 'create', after: r });
    return r.id;
  });
}

export async function updateFirm(db: Db, ctx: Ctx, id: number, input: z.infer<typeof firmUpdate>) {
  await transaction(db, async (trx) => {
    const r = await row(trx, id);
    if (!canManageLibrary(actorOf(ctx), r.region_path)) throw outOfScope();
    const before = await trx
      .selectFrom('inspection_firms')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    assertVersion(before.version, input.version);
    const after = await trx
      .updateTable('inspection_firms')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.contact !== undefined ? { contact: input.contact } : {}),
        ...(input.phone !== undefined ? { phone: input.phone } : {}),
        ...(input.contractFrom !== undefined ? { contract_from: input.contractFrom } : {}),
        ...(input.contractTo !== undefined ? { contract_to: input.contractTo } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
        version: before.version + 1,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch(duplicate);
    await recordAudit(trx, ctx, { entity: 'inspection_firm', entityId: id, action: 'update', before, after });
  });
}

export async function deleteFirm(db: Db, ctx: Ctx, id: number) {
  await transaction(db, async (trx) => {
    const r = await row(trx, id);
    if (!canManageLibrary(actorOf(ctx), r.region_path)) throw outOfScope();
    refuseReferenced(r.experts, '技术机构');
    const before = await trx
      .deleteFrom('inspection_firms')
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { entity: 'inspection_firm', entityId: id, action: 'delete', before });
  });
}
