/**
 * Routes of inspections, by part: the plan and libraries, the draws, the procedure, the groups,
 * and the public pages' reads (一公开, no login).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connection.ts';
import { drawRoutes } from './draw-routes.ts';
import { groupRoutes } from './group-routes.ts';
import { libraryRoutes } from './library-routes.ts';
import { procedureRoutes } from './procedure-routes.ts';
import { publicRoutes } from './public-routes.ts';

export const inspectionRoutes =
  (db: Db, config: Config): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(libraryRoutes(db));
    await app.register(drawRoutes(db));
    await app.register(procedureRoutes(db, config));
    await app.register(groupRoutes(db, config));
    await app.register(publicRoutes(db));
  };
