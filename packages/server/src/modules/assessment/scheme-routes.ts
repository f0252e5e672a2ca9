/** Routes of assessment: scheme (issue 15). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/connection.ts';

export const schemeRoutes =
  (_db: Db): FastifyPluginAsyncZod =>
  async () => {};
