/** Use cases of identity: sign in and out, the current user, change password, personal API tokens. */
import { rolePermissions, type Me } from '@ducha/contract';
import { transaction, type Db } from '../../db/connection.ts';
import { actorOf, type Actor, type Ctx } from '../access/context.ts';
import { getRegion } from '../regions.ts';
import { recordAudit } from '../audit/audit.ts';
import { DomainError, notFound } from '../errors.ts';
import { actorById, findShadow, findUserForLogin, saveShadow, toActor } from './repo.ts';
import { burnPasswordCheck, hashPassword, randomToken, sha256, verifyPassword } from './secrets.ts';
import { afterFailure, type IpThrottle } from './throttle.ts';

export interface LoginResult {
  actor: Actor;
  sessionToken: string;
  csrfToken: string;
}

/**
 * Signs in. Every refusal answers as if the account might not exist: an unknown username, a
 * deactivated account (right password or not) and a wrong password answer the same 401
 * BAD_CREDENTIALS, and the fifth failure in a row locks the name — an account's on its row, an
 * unknown one's in `login_shadows` — with the same 423 ACCOUNT_LOCKED and `lockedUntil`. Each
 * attempt costs one argon2 verification, against a dummy hash when there is no account, so the
 * time taken does not tell either. Only the per-address counter (429) sees across names, and a
 * success does not clear it.
 */
export async function login(
  db: Db,
  ctx: Ctx,
  input: {
    username: string;
    password: string;
    userAgent?: string;
    sessionHours: number;
    throttle: IpThrottle;
  },
): Promise<LoginResult> {
  const ip = ctx.ip ?? 'unknown';
  if (input.throttle.blocked(ip)) throw new DomainError('TOO_MANY_REQUESTS', 429);
  const name = input.username.toLowerCase();
  const user = await findUserForLogin(db, input.username);
  const shadow = user ? undefined : await findShadow(db, name);
  const good = user
    ? await verifyPassword(user.password_hash, input.password)
    : await burnPasswordCheck(input.password);
  const now = new Date();
  const lockedUntil = user ? user.locked_until : (shadow?.locked_until ?? null);
  if (lockedUntil && lockedUntil > now)
    throw new DomainError('ACCOUNT_LOCKED', 423, [], { lockedUntil: lockedUntil.toISOString() });
  if (!user || !good || !user.active) {
    input.throttle.fail(ip);
    const next = afterFailure(user ? user.failed_attempts : (shadow?.failed_attempts ?? 0), now);
    if (user) {
      await transaction(db, async (trx) => {
        await trx
          .updateTable('users')
          .set({ failed_attempts: next.failedAttempts, locked_until: next.lockedUntil })
          .where('id', '=', user.id)
          .execute();
        const action = next.lockedUntil ? 'locked' : 'login_failed';
        await recordAudit(
          trx,
          { ...ctx, actor: null },
          { entity: 'user', entityId: user.id, action, after: { ip, lockedUntil: next.lockedUntil } },
        );
      });
    } else await saveShadow(db, name, next);
    if (next.lockedUntil)
      throw new DomainError('ACCOUNT_LOCKED', 423, [], { lockedUntil: next.lockedUntil.toISOString() });
    throw new DomainError('BAD_CREDENTIALS', 401);
  }
  const sessionToken = randomToken();
  const csrfToken = randomToken(24);
  return transaction(db, async (trx) => {
    await trx
      .updateTable('users')
      .set({ failed_attempts: 0, locked_until: null, last_login_at: now })
      .where('id', '=', user.id)
      .execute();
    await trx
      .insertInto('sessions')
      .values({
        id: sha256(sessionToken),
        user_id: user.id,
        csrf_token: csrfToken,
        expires_at: new Date(now.getTime() + input.sessionHours * 3600_000),
        ip,
        user_agent: input.userAgent?.slice(0, 300) ?? null,
      })
      .execute();
    const actor = toActor((await actorById(trx, user.id))!, 'session');
    await recordAudit(
      trx,
      { ...ctx, actor },
      { entity: 'user', entityId: user.id, action: 'login', after: { ip } },
    );
    return { actor, sessionToken, csrfToken };
  });
}

export async function logout(db: Db, ctx: Ctx, sessionToken: string): Promise<void> {
  const actor = actorOf(ctx);
  await transaction(db, async (trx) => {
    await trx.deleteFrom('sessions').where('id', '=', sha256(sessionToken)).execute();
    await recordAudit(trx, ctx, { entity: 'user', entityId: actor.id, action: 'logout' });
  });
}

/** Names the platform does not own (the org module's units), provided by the application shell. */
export interface NameLookup {
  unitName: (db: Db, id: number) => Promise<string | null>;
}

export async function describeMe(db: Db, actor: Actor, names: NameLookup): Promise<Me> {
  const region = actor.regionCode ? await getRegion(db, actor.regionCode) : undefined;
  const row = {
    region_name: region?.name ?? null,
    unit_name: actor.unitId === null ? null : await names.unitName(db, actor.unitId),
  };
  return {
    id: actor.id,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    regionCode: actor.regionCode,
    regionName: row.region_name,
    unitId: actor.unitId,
    unitName: row.unit_name,
    mustChangePassword: actor.mustChangePassword,
    permissions: [...rolePermissions[actor.role]],
  };
}

/** Changes the caller's own password; every other session of the account is signed out. */
export async function changePassword(
  db: Db,
  ctx: Ctx,
  input: { currentPassword: string; newPassword: string; keepSessionToken?: string },
): Promise<void> {
  const actor = actorOf(ctx);
  if (actor.via !== 'session')
    throw new DomainError('FORBIDDEN', 403, [{ path: 'authorization', message: 'API 令牌不能修改密码' }]);
  const user = await db
    .selectFrom('users')
    .select(['password_hash'])
    .where('id', '=', actor.id)
    .executeTakeFirst();
  if (!user) throw notFound();
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new DomainError('PASSWORD_MISMATCH', 400, [
      { path: 'body.currentPassword', message: '原密码不正确' },
    ]);
  }
  if (input.currentPassword === input.newPassword) {
    throw new DomainError('PASSWORD_WEAK', 400, [
      { path: 'body.newPassword', message: '新密码不能与原密码相同' },
    ]);
  }
  const hash = await hashPassword(input.newPassword);
  await transaction(db, async (trx) => {
    await trx
      .updateTable('users')
      .set({
        password_hash: hash,
        must_change_password: false,
        password_changed_at: new Date(),
        version: (eb) => eb('version', '+', 1),
      })
      .where('id', '=', actor.id)
      .execute();
    let others = trx.deleteFrom('sessions').where('user_id', '=', actor.id);
    if (input.keepSessionToken) others = others.where('id', '!=', sha256(input.keepSessionToken));
    await others.execute();
    await recordAudit(trx, ctx, { entity: 'user', entityId: actor.id, action: 'change_password' });
  });
}
