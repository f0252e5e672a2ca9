/** /api/auth (sign in/out, me, password) and /api/tokens (personal API tokens). */
import {
  apiToken,
  apiTokenCreate,
  apiTokenCreated,
  changePasswordBody,
  errorBody,
  idParams,
  listOf,
  loginBody,
  me,
  okBody,
  session,
} from '@ducha/contract';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connection.ts';
import { actorOf } from '../access/context.ts';
import { authenticate, CSRF_COOKIE, SESSION_COOKIE } from '../access/guard.ts';
import { changePassword, describeMe, login, logout, type NameLookup } from './service.ts';
import { IpThrottle } from './throttle.ts';
import { createToken, listTokens, revokeToken } from './tokens.ts';

/** The sign-in's answers as OpenAPI lists them: clients must handle the lock (423, `lockedUntil`). */
const loginResponses = {
  200: me,
  400: errorBody.describe('VALIDATION：用户名或密码未填'),
  401: errorBody.describe('BAD_CREDENTIALS：用户名或密码错误（未知账号、已停用账号同样回答）'),
  423: errorBody.describe('ACCOUNT_LOCKED：连续失败后账号临时锁定，lockedUntil 为解锁时间'),
  429: errorBody.describe('TOO_MANY_REQUESTS：同一地址尝试过于频繁'),
};

export const authRoutes =
  (db: Db, config: Config, names: NameLookup): FastifyPluginAsyncZod =>
  async (app) => {
    const throttle = new IpThrottle();
    const cookieBase = { path: '/', sameSite: 'lax', secure: config.secureCookies } as const;
    const setCookies = (reply: FastifyReply, session: string, csrf: string) => {
      reply.setCookie(SESSION_COOKIE, session, {
        ...cookieBase,
        httpOnly: true,
        maxAge: config.sessionHours * 3600,
      });
      reply.setCookie(CSRF_COOKIE, csrf, {
        ...cookieBase,
        httpOnly: false,
        maxAge: config.sessionHours * 3600,
      });
    };
    const tags = ['auth'];

    app.post(
      '/api/auth/login',
      { config: { access: 'public' }, schema: { tags, body: loginBody, response: loginResponses } },
      async (req, reply) => {
        const result = await login(db, req.ctx, {
          ...req.body,
          userAgent: req.headers['user-agent'],
          sessionHours: config.sessionHours,
          throttle,
        });
        setCookies(reply, result.sessionToken, result.csrfToken);
        return describeMe(db, result.actor, names);
      },
    );

    app.post(
      '/api/auth/logout',
      {
        config: { access: 'authenticated', allowTempPassword: true },
        schema: { tags, response: { 200: okBody } },
      },
      async (req, reply) => {
        const token = req.cookies[SESSION_COOKIE];
        if (token) await logout(db, req.ctx, token);
        reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );

    app.get(
      '/api/auth/me',
      {
        config: { access: 'authenticated', allowTempPassword: true },
        schema: { tags, response: { 200: me } },
      },
      async (req) => describeMe(db, actorOf(req.ctx), names),
    );

    // What the web client asks on every page load, the sign-in page included: answering 200 with
    // null instead of 401 keeps a normal "not signed in" out of the browser's console as an error.
    app.get(
      '/api/auth/session',
      { config: { access: 'public' }, schema: { tags, response: { 200: session } } },
      async (req) => {
        await authenticate(db, req).catch(() => undefined);
        const actor = req.ctx.actor;
        return { user: actor ? await describeMe(db, actor, names) : null };
      },
    );

    app.post(
      '/api/auth/password',
      {
        config: { access: 'authenticated', allowTempPassword: true },
        schema: { tags, body: changePasswordBody, response: { 200: okBody } },
      },
      async (req) => {
        await changePassword(db, req.ctx, { ...req.body, keepSessionToken: req.cookies[SESSION_COOKIE] });
        return { ok: true as const };
      },
    );

    app.get(
      '/api/tokens',
      { config: { access: 'token.own' }, schema: { tags, response: { 200: listOf(apiToken) } } },
      async (req) => {
        const items = await listTokens(db, req.ctx);
        return { items, total: items.length };
      },
    );

    app.post(
      '/api/tokens',
      {
        config: { access: 'token.own' },
        schema: { tags, body: apiTokenCreate, response: { 201: apiTokenCreated } },
      },
      async (req, reply) => {
        const created = await createToken(db, req.ctx, { userId: actorOf(req.ctx).id, ...req.body });
        return reply.status(201).send(created);
      },
    );

    app.delete(
      '/api/tokens/:id',
      { config: { access: 'token.own' }, schema: { tags, params: idParams, response: { 200: apiToken } } },
      async (req) => revokeToken(db, req.ctx, req.params.id),
    );
  };
