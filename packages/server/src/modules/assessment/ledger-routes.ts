/** Routes of assessment: ledger (issue 15). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/connection.ts';

export const ledgerRoutes =
  (_db: Db): FastifyPluginAsyncZod =>
  async () => {};
