/**
 * The inspector library (稽察人员名录库, issue 14): name, unit, role (稽察特派员, 稽察办人员 …),
 * phone and an optional login of role inspector (how the procedure scopes an inspector account).
 * Kept by the office over its region; one named by an inspection is deactivated, never deleted.
 */
import type { inspectorCreate, inspectorQuery, inspectorUpdate } from '@ducha/contract';
import type { z } from 'zod';
import { transaction, type Db, type Executor, type Trx } from '../../db/connection.ts';
import { actorOf, type Actor, type Ctx } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { usernameOf } from '../../platform/auth/accounts.ts';
import { notFound, outOfScope } from '../../platform/errors.ts';
import { assertVersion, containing, paged } from '../../platform/records.ts';
import { regionPathOf } from '../../platform/regions.ts';
import { assertActive, unitNameOf } from '../org/index.ts';
import { canManageLibrary, canReadLibrary, ownsRecord, readsLibraries } from './library-policy.ts';
import { assertLogin, libraryScope, managedRegion, refuseReferenced, shownPhone } from './library-repo.ts';

type Create = z.infer<typeof inspectorCreate>;
const columns = [
  'i.id',
  'i.region_code',
  'i.name',
  'i.unit_id',
  'i.role',
  'i.phone',
  'i.user_id',
  'i.active',
  'i.version',
] as const;
const extras = [
  unitNameOf('i.unit_id').as('unit'),
  usernameOf('i.user_id').as('username'),
  regionPathOf('i.region_code').as('region_path'),
] as const;
type Row = {
  id: number;
  region_code: string;
  name: string;
  unit_id: number | null;
  role: string;
  phone: string;
  user_id: number | null;
  active: boolean;
  version: number;
  unit: string | null;
  username: string | null;
  region_path: string;
};
const present = (a: Actor) => (r: Row) => ({
  id: r.id,
  regionCode: r.region_code,
  name: r.name,
  unitId: r.unit_id,
  unit: r.unit,
  role: r.role,
  phone: shownPhone(a, r.phone, ownsRecord(a, r.user_id)),
  userId: r.user_id,
  username: r.username,
  active: r.active,
  version: r.version,
});

export function inspectorBase(db: Executor, a: Actor, q: Partial<z.infer<typeof inspectorQuery>>) {
  if (!readsLibraries(a)) throw outOfScope();
  let base = db.selectFrom('inspectors as i').where(libraryScope(a, 'i.region_code'));
  if (q.regionCode) base = base.where('i.region_code', '=', q.regionCode);
  if (q.role) base = base.where('i.role', '=', q.role);
  if (q.unitId) base = base.where('i.unit_id', '=', q.unitId);
  if (q.active !== undefined) base = base.where('i.active', '=', q.active);
  if (q.q) base = base.where('i.name', 'ilike', containing(q.q));
  return base;
}

export async function listInspectors(db: Db, ctx: Ctx, q: z.infer<typeof inspectorQuery>) {
  const a = actorOf(ctx);
  return paged(
    db,
    inspectorBase(db, a, q),
    (b) => b.select(columns).select(extras).orderBy('i.region_code').orderBy('i.id'),
    {
      page: q.page,
      pageSize: q.pageSize,
      present: present(a),
    },
  );
}

export async function allInspectors(db: Db, a: Actor, q: Partial<z.infer<typeof inspectorQuery>>) {
  const rows = await inspectorBase(db, a, q)
    .select(columns)
    .select(extras)
    .orderBy('i.region_code')
    .orderBy('i.id')
    .execute();
  return rows.map(present(a));
}

async function row(db: Executor, id: number): Promise<Row> {
  const r = await db
    .selectFrom('inspectors as i')
    .select(columns)
    .select(extras)
    .where('i.id', '=', id)
    .executeTakeFirst();
  if (!r) throw notFound();
  return r;
}

export async function getInspector(db: Db, ctx: Ctx, id: number) {
  const a = actorOf(ctx);
  const r = await row(db, id);
  if (!canReadLibrary(a, r.region_path) && !ownsRecord(a, r.user_id)) throw outOfScope();
  return present(a)(r);
}

const holderOf = (db: Executor) => async (userId: number) =>
  (await db.selectFrom('inspectors').select('id').where('user_id', '=', userId).executeTakeFirst())?.id;

export async function checkInspector(db: Executor, input: Partial<Create>, self?: number) {
  if (input.unitId) await assertActive(db, 'units', [input.unitId], 'body.unitId', '单位不存在或已停用');
  await assertLogin(db, input.userId, 'inspector', 'body.userId', holderOf(db), self);
}

const values = (input: Partial<Create>) => ({
  ...(input.name !== undefined ? { name: input.name } : {}),
  ...(input.unitId !== undefined ? { unit_id: input.unitId } : {}),
  ...(input.role !== undefined ? { role: input.role } : {}),
  ...(input.phone !== undefined ? { phone: input.phone } : {}),
  ...(input.userId !== undefined ? { user_id: input.userId } : {}),
});

export async function insertInspector(trx: Trx, ctx: Ctx, input: Create) {
  const r = await trx
    .insertInto('inspectors')
    .values({ region_code: input.regionCode, name: input.name, role: input.role, ...values(input) })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, ctx, { entity: 'inspector', entityId: r.id, action: 'create', after: r });
  return r.id;
}

export async function createInspector(db: Db, ctx: Ctx, input: Create) {
  await managedRegion(db, actorOf(ctx), input.regionCode);
  return transaction(db, async (trx) => {
    await checkInspector(trx, input);
    return insertInspector(trx, ctx, input);
  });
}

export async function patchInspector(
  trx: Trx,
  ctx: Ctx,
  id: number,
  input: Partial<Create> & { active?: boolean },
  version?: number,
) {
  const r = await row(trx, id);
  if (!canManageLibrary(actorOf(ctx), r.region_path)) throw outOfScope();
  const before = await trx
    .selectFrom('inspectors')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (version !== undefined) assertVersion(before.version, version);
  await checkInspector(trx, input, id);
  const after = await trx
    .updateTable('inspectors')
    .set({
      ...values(input),
      ...(input.active !== undefined ? { active: input.active } : {}),
      version: before.version + 1,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, ctx, { entity: 'inspector', entityId: id, action: 'update', before, after });
}

export async function updateInspector(db: Db, ctx: Ctx, id: number, input: z.infer<typeof inspectorUpdate>) {
  const { version, ...rest } = input;
  await transaction(db, (trx) => patchInspector(trx, ctx, id, rest, version));
}

export async function deleteInspector(db: Db, ctx: Ctx, id: number) {
  await transaction(db, async (trx) => {
    const r = await row(trx, id);
    if (!canManageLibrary(actorOf(ctx), r.region_path)) throw outOfScope();
    const uses = await trx
      .selectFrom('inspection_members')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('inspector_id', '=', id)
      .executeTakeFirstOrThrow();
    refuseReferenced(Number(uses.n), '稽察人员');
    const before = await trx
      .deleteFrom('inspectors')
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { entity: 'inspector', entityId: id, action: 'delete', before });
  });
}
