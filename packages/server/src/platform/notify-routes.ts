/** The signed-in user's own notifications. */
import { countBody, idParams, listOf, notification, notificationQuery, okBody } from '@ducha/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../db/connection.ts';
import { listNotifications, markRead, unreadCount } from './notify.ts';

const own = { access: 'authenticated' } as const;
const tags = ['notifications'];

export const notificationRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/notifications',
      {
        config: own,
        schema: { tags, querystring: notificationQuery, response: { 200: listOf(notification) } },
      },
      (req) => listNotifications(db, req.ctx, req.query),
    );
    app.get(
      '/api/notifications/unread-count',
      { config: own, schema: { tags, response: { 200: countBody } } },
      (req) => unreadCount(db, req.ctx),
    );
    app.post(
      '/api/notifications/:id/read',
      { config: own, schema: { tags, params: idParams, response: { 200: okBody } } },
      async (req) => {
        await markRead(db, req.ctx, req.params.id);
        return { ok: true as const };
      },
    );
    app.post(
      '/api/notifications/read-all',
      { config: own, schema: { tags, response: { 200: countBody } } },
      async (req) => ({ count: await markRead(db, req.ctx, 'all') }),
    );
  };
