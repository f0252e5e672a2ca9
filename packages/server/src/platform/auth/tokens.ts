/** Personal API tokens for scripts: `Authorization: Bearer dch_…`. The secret is shown once; only its hash is kept. */
import type { ApiToken } from '@ducha/contract';
import { transaction, type Db } from '../../db/connection.ts';
import { actorOf, type Ctx } from '../access/context.ts';
import { recordAudit } from '../audit/audit.ts';
import { DomainError, notFound, outOfScope } from '../errors.ts';
import { randomToken, sha256 } from './secrets.ts';

export const TOKEN_PREFIX = 'dch_';

type Row = {
  id: number;
  name: string;
  prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  expires_at: Date | null;
  revoked_at: Date | null;
};
const iso = (d: Date | null) => (d ? d.toISOString() : null);
export const presentToken = (r: Row): ApiToken => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  createdAt: r.created_at.toISOString(),
  lastUsedAt: iso(r.last_used_at),
  expiresAt: iso(r.expires_at),
  revokedAt: iso(r.revoked_at),
});
const columns = ['id', 'name', 'prefix', 'created_at', 'last_used_at', 'expires_at', 'revoked_at'] as const;

/** Creates a token for `userId` (the caller's own, or any user's from the CLI). */
export async function createToken(
  db: Db,
  ctx: Ctx,
  input: { userId: number; name: string; expiresInDays?: number | null },
): Promise<{ token: string; apiToken: ApiToken }> {
  if (ctx.actor && ctx.actor.via === 'token') {
    throw new DomainError('FORBIDDEN', 403, [{ path: 'authorization', message: 'API 令牌不能再创建令牌' }]);
  }
  const token = TOKEN_PREFIX + randomToken();
  const expires = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  return transaction(db, async (trx) => {
    const row = await trx
      .insertInto('api_tokens')
      .values({
        user_id: input.userId,
        name: input.name,
        token_hash: sha256(token),
        prefix: token.slice(0, 10),
        expires_at: expires,
      })
      .returning(columns)
      .executeTakeFirstOrThrow();
    const apiToken = presentToken(row);
    await recordAudit(trx, ctx, {
      entity: 'api_token',
      entityId: row.id,
      action: 'create_token',
      after: { userId: input.userId, name: row.name, prefix: row.prefix, expiresAt: apiToken.expiresAt },
    });
    return { token, apiToken };
  });
}

export async function listTokens(db: Db, ctx: Ctx): Promise<ApiToken[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .select(columns)
    .where('user_id', '=', actorOf(ctx).id)
    .orderBy('id', 'desc')
    .execute();
  return rows.map(presentToken);
}

/** Revokes one of the caller's tokens (an admin may revoke anyone's). Revoked tokens stay listed. */
export async function revokeToken(db: Db, ctx: Ctx, id: number): Promise<ApiToken> {
  const actor = actorOf(ctx);
  return transaction(db, async (trx) => {
    const row = await trx
      .selectFrom('api_tokens')
      .select([...columns, 'user_id'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound();
    if (row.user_id !== actor.id && actor.role !== 'admin') throw outOfScope();
    if (row.revoked_at) return presentToken(row);
    const updated = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: new Date() })
      .where('id', '=', id)
      .returning(columns)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      entity: 'api_token',
      entityId: id,
      action: 'revoke_token',
      before: { revokedAt: null },
      after: { revokedAt: iso(updated.revoked_at) },
    });
    return presentToken(updated);
  });
}
