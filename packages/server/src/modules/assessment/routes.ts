/**
 * Routes of assessment, by part: schemes (with their preview), the ledger (rows, manual rows,
 * exemptions, rankings, score cards, exports), the recompute and 红黄牌, and enterprise credit
 * (directory, evaluations, credit records, the public list of admitted firms).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/connection.ts';
import { cardRoutes } from './card-routes.ts';
import { creditRoutes } from './credit-routes.ts';
import { ledgerRoutes } from './ledger-routes.ts';
import { recomputeRoutes } from './recompute-routes.ts';
import { registerAssessmentHooks } from './recompute-runs.ts';
import { schemeRoutes } from './scheme-routes.ts';

export const assessmentRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    // the month close recomputes the closed month's ledger (lights' close hook: no import cycle)
    registerAssessmentHooks();
    await app.register(schemeRoutes(db));
    await app.register(ledgerRoutes(db));
    await app.register(recomputeRoutes(db));
    await app.register(cardRoutes(db));
    await app.register(creditRoutes(db));
  };
