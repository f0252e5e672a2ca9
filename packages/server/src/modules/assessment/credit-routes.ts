/** Routes of assessment: credit (issue 15). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/connection.ts';

export const creditRoutes =
  (_db: Db): FastifyPluginAsyncZod =>
  async () => {};
