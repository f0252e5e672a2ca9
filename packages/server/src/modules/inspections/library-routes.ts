/** Routes of inspections: the annual plan, its themes and check items, the libraries (firms, experts, inspectors) and the figures. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/connection.ts';

export const libraryRoutes =
  (_db: Db): FastifyPluginAsyncZod =>
  async () => {};
