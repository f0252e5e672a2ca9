/** Routes of inspections: the inspection groups (督查组), their members and projects, and weekly site records. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/connection.ts';

export const groupRoutes =
  (_db: Db): FastifyPluginAsyncZod =>
  async () => {};
