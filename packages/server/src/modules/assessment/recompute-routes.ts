/** Routes of the ledger engine (issue 15): the office's 重新计算 of a region's month, or of several in one pass. */
import { recomputeBody, recomputeMonthsBody, recomputeMonthsResult, recomputeResult } from '@ducha/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/connection.ts';
import { recompute, recomputeMonthRange } from './recompute-runs.ts';

export const recomputeRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/scores/recompute',
      {
        config: { access: 'score.write' },
        schema: { tags: ['assessment'], body: recomputeBody, response: { 200: recomputeResult } },
      },
      (req) => recompute(db, req.ctx, req.body),
    );
    app.post(
      '/api/scores/recompute-months',
      {
        config: { access: 'score.write' },
        schema: { tags: ['assessment'], body: recomputeMonthsBody, response: { 200: recomputeMonthsResult } },
      },
      (req) => recomputeMonthRange(db, req.ctx, req.body),
    );
  };
