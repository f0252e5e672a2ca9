/** The workbench route: one request gives the home page every count it shows. */
import { workbench } from '@ducha/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/connection.ts';
import { workbenchOf } from './workbench.ts';

export const workbenchRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/workbench',
      { config: { access: 'authenticated' }, schema: { tags: ['workbench'], response: { 200: workbench } } },
      (req) => workbenchOf(db, req.ctx),
    );
  };
