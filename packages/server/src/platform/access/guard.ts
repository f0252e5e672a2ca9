/**
 * The central authorization layer, deny by default. Every /api route must declare `config.access`:
 * 'public', 'authenticated', or a permission from the contract; a route without one refuses to
 * register. Each request is authenticated (Bearer token or session cookie + CSRF header), then the
 * declared permission is checked here; record-level scope is checked by each module's policy.
 */
import { can, type Permission } from '@ducha/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../db/connection.ts';
import { actorBySession, actorByToken, toActor } from '../auth/repo.ts';
import { safeEqual, sha256 } from '../auth/secrets.ts';
import { DomainError } from '../errors.ts';
import type { Ctx } from './context.ts';

export type Access = Permission | 'public' | 'authenticated';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Reachable while the account still has to change its initial password. */
    allowTempPassword?: boolean;
  }
  interface FastifyRequest {
    ctx: Ctx;
  }
}

export const SESSION_COOKIE = 'ducha_session';
export const CSRF_COOKIE = 'ducha_csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Routes that serve the API docs come from a plugin; they are static and public. */
const docsPrefix = '/api/docs';

/** Sets `req.ctx.actor` from a Bearer token or a session cookie (with its CSRF header on writes). */
export async function authenticate(db: Db, req: FastifyRequest): Promise<void> {
  const auth = req.headers.authorization;
  if (auth) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    if (!m)
      throw new DomainError('UNAUTHENTICATED', 401, [{ path: 'authorization', message: '应为 Bearer 令牌' }]);
    const row = await actorByToken(db, sha256(m[1]!));
    if (!row)
      throw new DomainError('UNAUTHENTICATED', 401, [
        { path: 'authorization', message: '令牌无效、已过期或已吊销' },
      ]);
    req.ctx.actor = toActor(row, 'token');
    // last-use time is informational: written at most once a minute, outside any request transaction
    if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60_000) {
      await db
        .updateTable('api_tokens')
        .set({ last_used_at: new Date() })
        .where('id', '=', row.token_id)
        .execute();
    }
    return;
  }
  const cookie = req.cookies[SESSION_COOKIE];
  if (!cookie) return;
  const row = await actorBySession(db, sha256(cookie));
  if (!row) return;
  if (!SAFE_METHODS.has(req.method)) {
    const header = req.headers['x-csrf-token'];
    if (typeof header !== 'string' || !safeEqual(header, row.csrf_token)) throw new DomainError('CSRF', 403);
  }
  req.ctx.actor = toActor(row, 'session');
}

/** Every API route and its rule, as registered: the access test walks this list. */
export const apiRoutes = new Map<string, Access>();

export function installAccess(app: FastifyInstance, db: Db): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api') || route.url.startsWith(docsPrefix)) return;
    const access = route.config?.access;
    if (!access) throw new Error(`${String(route.method)} ${route.url} declares no access rule`);
    for (const m of [route.method].flat()) if (m !== 'HEAD') apiRoutes.set(`${m} ${route.url}`, access);
  });

  app.addHook('onRequest', async (req) => {
    req.ctx = { actor: null, requestId: req.id, ip: req.ip };
    const config = req.routeOptions.config;
    const access = config?.access;
    if (!access || access === 'public') return;
    await authenticate(db, req);
    const actor = req.ctx.actor;
    if (!actor) throw new DomainError('UNAUTHENTICATED', 401);
    if (actor.mustChangePassword && actor.via === 'session' && !config.allowTempPassword) {
      throw new DomainError('PASSWORD_CHANGE_REQUIRED', 403);
    }
    if (access !== 'authenticated' && !can(actor.role, access)) throw new DomainError('FORBIDDEN', 403);
  });
}
