/** Routes of inspections: one inspection through its procedure, from notice to archive. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/connection.ts';

export const procedureRoutes =
  (_db: Db): FastifyPluginAsyncZod =>
  async () => {};
