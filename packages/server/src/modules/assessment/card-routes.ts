/** Routes of assessment: card (issue 15). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/connection.ts';

export const cardRoutes =
  (_db: Db): FastifyPluginAsyncZod =>
  async () => {};
