/**
 * User accounts, owned by the platform (sign-in, sessions and tokens stand on them). The org
 * module's account screens read and write them through these functions; other modules use the
 * expressions (a user's display name beside a row) and the small reads below.
 */
import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor, Trx } from '../../db/connection.ts';
import type { UsersTable } from '../../db/types.ts';

/** The accounts query (alias `us`), for the account screens to filter and select from. */
export const accountQuery = (db: Executor) => db.selectFrom('users as us');

export const lockAccount = (trx: Trx, id: number) =>
  trx.selectFrom('users').select('id').where('id', '=', id).forUpdate().executeTakeFirst();

export const accountIdByUsername = async (db: Executor, username: string) =>
  (
    await db
      .selectFrom('users')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
      .executeTakeFirst()
  )?.id;

/** The first active admin (the command line acts in its name). */
export const firstAdminId = async (db: Executor) =>
  (
    await db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'admin')
      .where('active', '=', true)
      .orderBy('id')
      .executeTakeFirst()
  )?.id;

export const insertAccount = async (trx: Trx, values: Insertable<UsersTable>) =>
  (await trx.insertInto('users').values(values).returning('id').executeTakeFirstOrThrow()).id;

export const updateAccount = (trx: Trx, id: number, set: Updateable<UsersTable>) =>
  trx.updateTable('users').set(set).where('id', '=', id).execute();

/** Signs the account out everywhere. */
export const endSessions = (trx: Trx, userId: number) =>
  trx.deleteFrom('sessions').where('user_id', '=', userId).execute();

/** Revokes every live API token of the account. */
export const revokeTokens = (trx: Trx, userId: number) =>
  trx
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();

export const tokenOwner = async (db: Executor, tokenId: number) =>
  (await db.selectFrom('api_tokens').select('user_id').where('id', '=', tokenId).executeTakeFirst())?.user_id;

/** The regions active office accounts work in (the scheduled close's candidates). */
export const officeRegions = (db: Executor) =>
  db
    .selectFrom('users as u')
    .innerJoin('regions as r', 'r.code', 'u.region_code')
    .select(['r.code', 'r.path'])
    .where('u.role', '=', 'office')
    .where('u.active', '=', true)
    .distinct()
    .execute();

/** SQL: the display name of the user whose id is in `idColumn`. */
export const userNameOf = (idColumn: string) =>
  sql<string | null>`(select display_name from users where id = ${sql.ref(idColumn)})`;

/** SQL: the username (login) of the user whose id is in `idColumn`. */
export const usernameOf = (idColumn: string) =>
  sql<string | null>`(select username from users where id = ${sql.ref(idColumn)})`;

/** SQL: the person whose id is in `personColumn` has an account. */
export const hasAccountSql = (personColumn: string) =>
  // a lookup per row by users_person_idx (a LIMIT the planner cannot turn into a hash of every account)
  sql<boolean>`((select 1 from users where users.person_id = ${sql.ref(personColumn)} limit 1) is not null)`;
