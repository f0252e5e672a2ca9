/** Queries for accounts, sessions and API tokens. */
import type { Role } from '@ducha/contract';
import { compiledOnce } from '../../db/compiled.ts';
import type { Executor } from '../../db/connection.ts';
import type { Actor } from '../access/context.ts';

const actorColumns = [
  'users.id',
  'users.username',
  'users.display_name',
  'users.role',
  'users.region_code',
  'regions.path',
  'users.unit_id',
  'users.person_id',
  'users.must_change_password',
  'users.active',
] as const;

type ActorRow = {
  id: number;
  username: string;
  display_name: string;
  role: string;
  region_code: string | null;
  path: string | null;
  unit_id: number | null;
  person_id: number | null;
  must_change_password: boolean;
};

export function toActor(r: ActorRow, via: Actor['via']): Actor {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role as Role,
    regionCode: r.region_code,
    regionPath: r.path ?? '',
    unitId: r.unit_id,
    personId: r.person_id,
    mustChangePassword: r.must_change_password,
    via,
  };
}

const actorBase = (db: Executor) =>
  db.selectFrom('users').leftJoin('regions', 'regions.code', 'users.region_code').select(actorColumns);

export const findUserForLogin = (db: Executor, username: string) =>
  db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
    .executeTakeFirst();

/** The sign-in count of a username that has no account (`name` lower-cased). */
export const findShadow = (db: Executor, name: string) =>
  db.selectFrom('login_shadows').selectAll().where('name', '=', name).executeTakeFirst();

/**
 * Saves an unknown name's count after a failure. A row back at zero with its lock over is the
 * same as no row, so those are dropped on the way (the table holds only names being tried).
 */
export async function saveShadow(
  db: Executor,
  name: string,
  next: { failedAttempts: number; lockedUntil: Date | null },
) {
  const now = new Date();
  await db
    .deleteFrom('login_shadows')
    .where('failed_attempts', '=', 0)
    .where('locked_until', '<=', now)
    .execute();
  await db
    .insertInto('login_shadows')
    .values({ name, failed_attempts: next.failedAttempts, locked_until: next.lockedUntil, updated_at: now })
    .onConflict((oc) =>
      oc.column('name').doUpdateSet({
        failed_attempts: next.failedAttempts,
        locked_until: next.lockedUntil,
        updated_at: now,
      }),
    )
    .execute();
}

/** The session's actor (every request with a session cookie asks it: compiled once). */
const sessionActor = compiledOnce((db, v: { sessionId: string; now: Date }) =>
  actorBase(db)
    .innerJoin('sessions', 'sessions.user_id', 'users.id')
    .select(['sessions.csrf_token', 'sessions.last_seen_at'])
    .where('sessions.id', '=', v.sessionId)
    .where('sessions.expires_at', '>', v.now)
    .where('users.active', '=', true),
);

export async function actorBySession(db: Executor, sessionId: string) {
  return (await sessionActor(db, { sessionId, now: new Date() }))[0];
}

const tokenActor = compiledOnce((db, v: { tokenHash: string; now: Date }) =>
  actorBase(db)
    .innerJoin('api_tokens', 'api_tokens.user_id', 'users.id')
    .select(['api_tokens.id as token_id', 'api_tokens.last_used_at'])
    .where('api_tokens.token_hash', '=', v.tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('api_tokens.expires_at', 'is', null), eb('api_tokens.expires_at', '>', v.now)]))
    .where('users.active', '=', true),
);

export async function actorByToken(db: Executor, tokenHash: string) {
  return (await tokenActor(db, { tokenHash, now: new Date() }))[0];
}

export const actorById = (db: Executor, id: number) =>
  actorBase(db).where('users.id', '=', id).executeTakeFirst();
