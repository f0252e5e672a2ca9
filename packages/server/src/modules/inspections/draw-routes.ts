/** Routes of inspections: the double-random draws: draft, publish (pool frozen and hashed, sources named), enter the sources, draw, decline and substitute. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/connection.ts';

export const drawRoutes =
  (_db: Db): FastifyPluginAsyncZod =>
  async () => {};
