/** Routes of inspections: the public pages (一公开): no login, read only. */
import {
  idParams,
  pageQuery,
  publicDraw,
  publicDrawList,
  publicPlan,
  publicPlanList,
  publicResultList,
} from '@ducha/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/connection.ts';
import * as q from './public-queries.ts';

const open = { access: 'public' } as const;
const tags = ['public'];

export const publicRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/public/plans',
      { config: open, schema: { tags, querystring: pageQuery, response: { 200: publicPlanList } } },
      (req) => q.publicPlans(db, req.query),
    );
    app.get(
      '/api/public/plans/:id',
      { config: open, schema: { tags, params: idParams, response: { 200: publicPlan } } },
      (req) => q.publicPlan(db, req.params.id),
    );
    app.get(
      '/api/public/draws',
      { config: open, schema: { tags, querystring: pageQuery, response: { 200: publicDrawList } } },
      (req) => q.publicDraws(db, req.query),
    );
    app.get(
      '/api/public/draws/:id',
      { config: open, schema: { tags, params: idParams, response: { 200: publicDraw } } },
      (req) => q.publicDraw(db, req.params.id),
    );
    app.get(
      '/api/public/results',
      { config: open, schema: { tags, querystring: pageQuery, response: { 200: publicResultList } } },
      (req) => q.publicResults(db, req.query),
    );
  };
