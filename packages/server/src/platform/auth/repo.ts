/** Queries for accounts, sessions and API tokens. */
import type { Role } from '@ducha/contract';
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

export async function actorBySession(db: Executor, sessionId: string) {
  return actorBase(db)
    .innerJoin('sessions', 'sessions.user_id', 'users.id')
    .select(['sessions.csrf_token', 'sessions.last_seen_at'])
    .where('sessions.id', '=', sessionId)
    .where('sessions.expires_at', '>', new Date())
    .where('users.active', '=', true)
    .executeTakeFirst();
}

export async function actorByToken(db: Executor, tokenHash: string) {
  return actorBase(db)
    .innerJoin('api_tokens', 'api_tokens.user_id', 'users.id')
    .select(['api_tokens.id as token_id', 'api_tokens.last_used_at'])
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .where((eb) =>
      eb.or([eb('api_tokens.expires_at', 'is', null), eb('api_tokens.expires_at', '>', new Date())]),
    )
    .where('users.active', '=', true)
    .executeTakeFirst();
}

export const actorById = (db: Executor, id: number) =>
  actorBase(db).where('users.id', '=', id).executeTakeFirst();
