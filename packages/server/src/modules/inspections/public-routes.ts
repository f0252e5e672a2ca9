/** Routes of inspections: the public pages (一公开): no login, read only. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/connection.ts';

export const publicRoutes =
  (_db: Db): FastifyPluginAsyncZod =>
  async () => {};
