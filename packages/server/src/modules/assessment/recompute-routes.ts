/** Routes of assessment: recompute (issue 15). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/connection.ts';

export const recomputeRoutes =
  (_db: Db): FastifyPluginAsyncZod =>
  async () => {};
