/** Routes of lights: the board and overrides, a project's year of progress, light rules, the month close. */
import {
  idParams,
  light,
  lightOverride,
  lightQuery,
  lightRulesUpdate,
  lightRulesVersion,
  listOf,
  monthClose,
  monthCloseParams,
  monthCloseQuery,
  monthCloseSummary,
  progressMonth,
  projectStatus,
  projectStatusQuery,
  regionCode,
  yearMonth,
} from '@ducha/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { entityReaders } from '../../platform/audit/routes.ts';
import { notFound, outOfScope } from '../../platform/errors.ts';
import { sendXlsx } from '../../platform/files.ts';
import { getRegion } from '../../platform/regions.ts';
import { canReadClose } from './policy.ts';
import { exportLights, listLights, overrideLight } from './board.ts';
import { getClose, listCloses, publishClose, runCloseFor } from './closes.ts';
import { progress } from './progress.ts';
import { projectStatuses } from './status.ts';
import { addRules, listRules } from './settings.ts';

const read = { access: 'project.read' } as const;
const write = { access: 'project.write' } as const;
const tags = ['reports'];
const settings = ['settings'];
const yearParams = z.object({ regionCode, year: z.coerce.number().int().min(2000).max(2100) });

export const lightRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    // a close's timeline (`230600:2026-10`) is for who reads the close
    entityReaders.set('month_close', async (d, actor, id) => {
      const region = await getRegion(d, id.split(':')[0] ?? '');
      if (!region) throw notFound();
      if (!canReadClose(actor, region.path)) throw outOfScope();
    });
    app.get(
      '/api/projects/:id/progress',
      {
        config: read,
        schema: {
          tags,
          params: idParams,
          querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
          response: { 200: z.array(progressMonth) },
        },
      },
      (req) => progress(db, req.ctx, req.params.id, req.query.year),
    );

    app.get(
      '/api/projects/status',
      {
        config: read,
        schema: {
          tags,
          querystring: projectStatusQuery,
          response: { 200: z.array(projectStatus) },
        },
      },
      (req) => projectStatuses(db, req.ctx, req.query.projectIds),
    );

    const lightTags = ['lights'];
    app.get(
      '/api/lights',
      {
        config: read,
        schema: { tags: lightTags, querystring: lightQuery, response: { 200: listOf(light) } },
      },
      (req) => listLights(db, req.ctx, req.query),
    );
    app.get(
      '/api/lights/export.xlsx',
      { config: read, schema: { tags: lightTags, querystring: lightQuery } },
      async (req, reply) =>
        sendXlsx(reply, `亮灯-${req.query.month}`, await exportLights(db, req.ctx, req.query)),
    );
    const lightParams = z.object({ projectId: z.coerce.number().int().positive(), month: yearMonth });
    app.put(
      '/api/lights/:projectId/:month/override',
      {
        config: write,
        schema: { tags: lightTags, params: lightParams, body: lightOverride, response: { 200: light } },
      },
      (req) => overrideLight(db, req.ctx, req.params.projectId, req.params.month, req.body),
    );
    app.delete(
      '/api/lights/:projectId/:month/override',
      { config: write, schema: { tags: lightTags, params: lightParams, response: { 200: light } } },
      (req) => overrideLight(db, req.ctx, req.params.projectId, req.params.month, null),
    );

    app.get(
      '/api/light-rules/:regionCode/:year',
      {
        config: read,
        schema: { tags: settings, params: yearParams, response: { 200: z.array(lightRulesVersion) } },
      },
      (req) => listRules(db, req.ctx, req.params.regionCode, req.params.year),
    );
    app.post(
      '/api/light-rules/:regionCode/:year',
      {
        config: write,
        schema: {
          tags: settings,
          params: yearParams,
          body: lightRulesUpdate,
          response: { 200: lightRulesVersion },
        },
      },
      (req) => addRules(db, req.ctx, req.params.regionCode, req.params.year, req.body),
    );

    app.get(
      '/api/month-closes/:regionCode',
      {
        config: read,
        schema: {
          tags,
          params: z.object({ regionCode }),
          querystring: monthCloseQuery,
          response: { 200: z.array(monthCloseSummary) },
        },
      },
      (req) => listCloses(db, req.ctx, req.params.regionCode, req.query.inherit ?? false),
    );
    app.get(
      '/api/month-closes/:regionCode/:month',
      {
        config: read,
        schema: {
          tags,
          params: z.object({ regionCode, month: z.union([yearMonth, z.literal('latest')]) }),
          querystring: monthCloseQuery,
          response: { 200: monthClose },
        },
      },
      (req) => getClose(db, req.ctx, req.params.regionCode, req.params.month, req.query.inherit ?? false),
    );
    app.post(
      '/api/month-closes/:regionCode/:month/run',
      { config: write, schema: { tags, params: monthCloseParams, response: { 200: monthClose } } },
      (req) => runCloseFor(db, req.ctx, req.params.regionCode, req.params.month),
    );
    app.post(
      '/api/month-closes/:regionCode/:month/publish',
      { config: write, schema: { tags, params: monthCloseParams, response: { 200: monthClose } } },
      (req) => publishClose(db, req.ctx, req.params.regionCode, req.params.month),
    );
  };
