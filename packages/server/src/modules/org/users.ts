/** User accounts: create with a one-time password, edit role and scope, deactivate, reset, unlock. */
import type { User, userCreate, userQuery, userUpdate } from '@ducha/contract';
import type { z } from 'zod';
import { transaction, type Db, type Executor, type Trx } from '../../db/connection.ts';
import { actorOf, type Actor, type Ctx } from '../../platform/access/context.ts';
import { inPath, inRegionSubtree } from '../../platform/access/scope.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import {
  accountIdByUsername,
  accountQuery,
  endSessions,
  insertAccount,
  lockAccount,
  revokeTokens,
  tokenOwner,
  updateAccount,
} from '../../platform/auth/accounts.ts';
import { hashPassword, temporaryPassword } from '../../platform/auth/secrets.ts';
import { DomainError, forbidden, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { assertVersion, editAction, iso, paged, patchOf, containing } from '../../platform/records.ts';
import { canReadUser, canWriteUser } from './policy.ts';
import { getRegion, regionCodeInScope, regionNameOf, regionPathOf } from '../../platform/regions.ts';
import { findUnitRow } from './units.ts';
import { unitNameOf } from './lookups.ts';

// no join: the count reads the accounts alone, the unit's name is looked up for the page's rows
const base = (db: Executor) => accountQuery(db);

const columns = [
  'us.id',
  'us.username',
  'us.display_name',
  'us.role',
  'us.region_code',
  regionNameOf('us.region_code').as('region_name'),
  regionPathOf('us.region_code').as('region_path'),
  'us.unit_id',
  unitNameOf('us.unit_id').as('unit_name'),
  'us.person_id',
  'us.active',
  'us.must_change_password',
  'us.locked_until',
  'us.last_login_at',
  'us.version',
] as const;

type Row = {
  id: number;
  username: string;
  display_name: string;
  role: string;
  region_code: string | null;
  region_name: string | null;
  region_path: string | null;
  unit_id: number | null;
  unit_name: string | null;
  person_id: number | null;
  active: boolean;
  must_change_password: boolean;
  locked_until: Date | null;
  last_login_at: Date | null;
  version: number;
};

const present = (r: Row): User => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role as User['role'],
  regionCode: r.region_code,
  regionName: r.region_name,
  unitId: r.unit_id,
  unitName: r.unit_name,
  personId: r.person_id,
  active: r.active,
  mustChangePassword: r.must_change_password,
  lockedUntil: r.locked_until && r.locked_until > new Date() ? iso(r.locked_until) : null,
  lastLoginAt: iso(r.last_login_at),
  version: r.version,
});
const facts = (r: Row) => ({ id: r.id, role: r.role as User['role'], regionPath: r.region_path ?? '' });
const findRow = (db: Executor, id: number) =>
  base(db).select(columns).where('us.id', '=', id).executeTakeFirst();

async function readable(db: Executor, actor: Actor, id: number): Promise<Row> {
  const row = await findRow(db, id);
  if (!row) throw notFound();
  if (!canReadUser(actor, facts(row))) throw outOfScope();
  return row;
}

export async function listUsers(db: Db, ctx: Ctx, q: z.infer<typeof userQuery>) {
  const actor = actorOf(ctx);
  let query = base(db);
  if (actor.role !== 'admin') query = query.where(regionCodeInScope(actor, 'us.region_code'));
  if (!q.includeInactive) query = query.where('us.active', '=', true);
  if (q.role) query = query.where('us.role', '=', q.role);
  if (q.unitId) query = query.where('us.unit_id', '=', q.unitId);
  if (q.q)
    query = query.where((eb) =>
      eb.or([eb('us.username', 'like', containing(q.q)), eb('us.display_name', 'like', containing(q.q))]),
    );
  return paged(db, query, (b) => b.select(columns).orderBy('us.id'), { ...q, present });
}

export const getUser = async (db: Db, ctx: Ctx, id: number) => present(await readable(db, actorOf(ctx), id));

/** Role, region, unit and person must fit together and lie within what the actor may manage. */
async function checkScope(
  trx: Executor,
  actor: Actor,
  s: { role: User['role']; regionCode: string | null; unitId: number | null; personId: number | null },
) {
  if (!s.regionCode && s.role !== 'admin')
    throw invalid('body.regionCode', '除系统管理员外，账号须指定所属行政区划');
  const region = s.regionCode ? await getRegion(trx, s.regionCode) : undefined;
  if (s.regionCode && !region) throw invalid('body.regionCode', '行政区划不存在');
  if (!canWriteUser(actor, { role: s.role, regionPath: region?.path ?? '' })) throw outOfScope();
  if ((s.role === 'unit' || s.role === 'reporter') && !s.unitId)
    throw invalid('body.unitId', '责任单位和填报员账号须指定所属单位');
  // the account's unit and person must lie inside both the account's region and the actor's scope,
  // or an account could be made that reads beyond what its maker may read
  const within = (path: string | null) =>
    path !== null &&
    (!region || inPath(path, region.path)) &&
    (actor.role === 'admin' || inRegionSubtree(actor, path));
  if (s.unitId) {
    const unit = await findUnitRow(trx, s.unitId);
    if (!unit || !unit.active) throw invalid('body.unitId', '单位不存在或已停用');
    if (!within(unit.region_path)) throw invalid('body.unitId', '单位应在账号所属行政区划及您的管理范围内');
  }
  if (s.personId) {
    const person = await trx
      .selectFrom('people as p')
      .leftJoin('units as u', 'u.id', 'p.unit_id')
      .select(['p.unit_id', regionPathOf('u.region_code').as('path')])
      .where('p.id', '=', s.personId)
      .executeTakeFirst();
    if (!person) throw invalid('body.personId', '人员不存在');
    if (s.unitId && person.unit_id !== s.unitId) throw invalid('body.personId', '人员不属于所选单位');
    if (!within(person.path)) throw invalid('body.personId', '人员应在账号所属行政区划及您的管理范围内');
  }
}

export async function createUser(db: Db, ctx: Ctx, input: z.infer<typeof userCreate>) {
  const actor = actorOf(ctx);
  const password = temporaryPassword();
  const hash = await hashPassword(password);
  return transaction(db, async (trx) => {
    await checkScope(trx, actor, {
      role: input.role,
      regionCode: input.regionCode,
      unitId: input.unitId ?? null,
      personId: input.personId ?? null,
    });
    if ((await accountIdByUsername(trx, input.username)) !== undefined)
      throw new DomainError('DUPLICATE', 409, [{ path: 'body.username', message: '用户名已被使用' }]);
    const id = await insertAccount(trx, {
      username: input.username,
      display_name: input.displayName,
      role: input.role,
      region_code: input.regionCode,
      unit_id: input.unitId ?? null,
      person_id: input.personId ?? null,
      password_hash: hash,
      must_change_password: true,
    });
    const user = present((await findRow(trx, id))!);
    await recordAudit(trx, ctx, { entity: 'user', entityId: id, action: 'create', after: user });
    return { user, temporaryPassword: password };
  });
}

async function lockedWritable(trx: Trx, actor: Actor, id: number): Promise<Row> {
  await lockAccount(trx, id);
  const row = await readable(trx, actor, id);
  if (!canWriteUser(actor, facts(row))) throw forbidden();
  return row;
}

export async function updateUser(
  db: Db,
  ctx: Ctx,
  id: number,
  input: z.infer<typeof userUpdate>,
): Promise<User> {
  const actor = actorOf(ctx);
  return transaction(db, async (trx) => {
    const row = await lockedWritable(trx, actor, id);
    assertVersion(row.version, input.version);
    if (id === actor.id && (input.active === false || (input.role && input.role !== row.role))) {
      throw invalid(input.active === false ? 'body.active' : 'body.role', '不能停用自己或修改自己的角色');
    }
    const next = {
      role: input.role ?? (row.role as User['role']),
      regionCode: input.regionCode === undefined ? row.region_code : input.regionCode,
      unitId: input.unitId === undefined ? row.unit_id : input.unitId,
      personId: input.personId === undefined ? row.person_id : input.personId,
    };
    await checkScope(trx, actor, next);
    const patch = patchOf(input, {
      displayName: 'display_name',
      role: 'role',
      regionCode: 'region_code',
      unitId: 'unit_id',
      personId: 'person_id',
      active: 'active',
    });
    await updateAccount(trx, id, { ...patch, version: row.version + 1, updated_at: new Date() });
    // a change of role, scope or status takes effect at once: sign the account out everywhere
    if (
      input.active === false ||
      input.role ||
      input.regionCode !== undefined ||
      input.unitId !== undefined
    ) {
      await endSessions(trx, id);
    }
    const after = present((await findRow(trx, id))!);
    await recordAudit(trx, ctx, {
      entity: 'user',
      entityId: id,
      action: editAction(row.active, input.active),
      before: present(row),
      after,
    });
    return after;
  });
}

/** A new one-time password: the account is unlocked, signed out, and must change it at next sign-in. */
export async function resetPassword(db: Db, ctx: Ctx, id: number) {
  const actor = actorOf(ctx);
  const password = temporaryPassword();
  const hash = await hashPassword(password);
  return transaction(db, async (trx) => {
    const row = await lockedWritable(trx, actor, id);
    await updateAccount(trx, id, {
      password_hash: hash,
      must_change_password: true,
      failed_attempts: 0,
      locked_until: null,
      version: row.version + 1,
      updated_at: new Date(),
    });
    await endSessions(trx, id);
    // a reset means the credentials may be in the wrong hands: the account's API tokens go too
    await revokeTokens(trx, id);
    await recordAudit(trx, ctx, { entity: 'user', entityId: id, action: 'reset_password' });
    return { user: present((await findRow(trx, id))!), temporaryPassword: password };
  });
}

export async function unlockUser(db: Db, ctx: Ctx, id: number): Promise<User> {
  const actor = actorOf(ctx);
  return transaction(db, async (trx) => {
    const row = await lockedWritable(trx, actor, id);
    await updateAccount(trx, id, { failed_attempts: 0, locked_until: null, version: row.version + 1 });
    const after = present((await findRow(trx, id))!);
    await recordAudit(trx, ctx, {
      entity: 'user',
      entityId: id,
      action: 'unlock',
      before: { lockedUntil: present(row).lockedUntil },
      after: { lockedUntil: null },
    });
    return after;
  });
}

export async function auditReadUser(db: Db, actor: Actor, id: string) {
  await readable(db, actor, Number(id) || -1);
}

export async function auditReadToken(db: Db, actor: Actor, id: string) {
  const owner = await tokenOwner(db, Number(id) || -1);
  if (owner === undefined) throw notFound();
  if (owner !== actor.id && actor.role !== 'admin') throw outOfScope();
}
