/**
 * Routes of inspections: the annual plan, its themes (with their pools) and check items, and the
 * figures; the libraries (firms, experts, inspectors) are in library-people-routes.ts, registered here.
 */
import {
  checkItem,
  checkItemCreate,
  checkItemUpdate,
  figures,
  figuresQuery,
  idParams,
  inspectionPlan,
  inspectionPlanApprove,
  inspectionPlanCreate,
  inspectionPlanDetail,
  inspectionPlanQuery,
  inspectionPlanUpdate,
  inspectionTheme,
  inspectionThemeCreate,
  inspectionThemeUpdate,
  listOf,
  okBody,
  poolProject,
  poolQuery,
} from '@ducha/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { actorOf } from '../../platform/access/context.ts';
import { sendXlsx } from '../../platform/files.ts';
import { exportFigures, inspectionFigures } from './figures.ts';
import { libraryPeopleRoutes } from './library-people-routes.ts';
import { approvePlan, createPlan, listPlans, updatePlan } from './plans.ts';
import {
  createCheckItem,
  createTheme,
  deleteCheckItem,
  deleteTheme,
  planDetail,
  themePool,
  updateCheckItem,
  updateTheme,
} from './themes.ts';

const read = { access: 'inspection.read' } as const;
const write = { access: 'inspection.write' } as const;
const tags = ['inspections'];

export const libraryRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(libraryPeopleRoutes(db));

    app.get(
      '/api/inspection-plans',
      {
        config: read,
        schema: { tags, querystring: inspectionPlanQuery, response: { 200: listOf(inspectionPlan) } },
      },
      (req) => listPlans(db, req.ctx, req.query),
    );
    app.post(
      '/api/inspection-plans',
      {
        config: write,
        schema: { tags, body: inspectionPlanCreate, response: { 201: inspectionPlanDetail } },
      },
      async (req, reply) => {
        const id = await createPlan(db, req.ctx, req.body);
        return reply.status(201).send(await planDetail(db, actorOf(req.ctx), id));
      },
    );
    app.get(
      '/api/inspection-plans/:id',
      { config: read, schema: { tags, params: idParams, response: { 200: inspectionPlanDetail } } },
      (req) => planDetail(db, actorOf(req.ctx), req.params.id),
    );
    app.patch(
      '/api/inspection-plans/:id',
      {
        config: write,
        schema: {
          tags,
          params: idParams,
          body: inspectionPlanUpdate,
          response: { 200: inspectionPlanDetail },
        },
      },
      async (req) => {
        await updatePlan(db, req.ctx, req.params.id, req.body);
        return planDetail(db, actorOf(req.ctx), req.params.id);
      },
    );
    app.post(
      '/api/inspection-plans/:id/approve',
      {
        config: write,
        schema: {
          tags,
          params: idParams,
          body: inspectionPlanApprove,
          response: { 200: inspectionPlanDetail },
        },
      },
      async (req) => {
        await approvePlan(db, req.ctx, req.params.id, req.body.version);
        return planDetail(db, actorOf(req.ctx), req.params.id);
      },
    );
    app.post(
      '/api/inspection-plans/:id/themes',
      {
        config: write,
        schema: { tags, params: idParams, body: inspectionThemeCreate, response: { 201: inspectionTheme } },
      },
      async (req, reply) => reply.status(201).send(await createTheme(db, req.ctx, req.params.id, req.body)),
    );
    app.patch(
      '/api/inspection-themes/:id',
      {
        config: write,
        schema: { tags, params: idParams, body: inspectionThemeUpdate, response: { 200: inspectionTheme } },
      },
      (req) => updateTheme(db, req.ctx, req.params.id, req.body),
    );
    app.delete(
      '/api/inspection-themes/:id',
      { config: write, schema: { tags, params: idParams, response: { 200: okBody } } },
      async (req) => {
        await deleteTheme(db, req.ctx, req.params.id);
        return { ok: true as const };
      },
    );
    app.get(
      '/api/inspection-themes/:id/pool',
      {
        config: read,
        schema: { tags, params: idParams, querystring: poolQuery, response: { 200: listOf(poolProject) } },
      },
      (req) => themePool(db, actorOf(req.ctx), req.params.id, req.query),
    );
    app.post(
      '/api/inspection-plans/:id/check-items',
      {
        config: write,
        schema: { tags, params: idParams, body: checkItemCreate, response: { 201: checkItem } },
      },
      async (req, reply) =>
        reply.status(201).send(await createCheckItem(db, req.ctx, req.params.id, req.body)),
    );
    app.patch(
      '/api/inspection-check-items/:id',
      {
        config: write,
        schema: { tags, params: idParams, body: checkItemUpdate, response: { 200: checkItem } },
      },
      (req) => updateCheckItem(db, req.ctx, req.params.id, req.body),
    );
    app.delete(
      '/api/inspection-check-items/:id',
      { config: write, schema: { tags, params: idParams, response: { 200: okBody } } },
      async (req) => {
        await deleteCheckItem(db, req.ctx, req.params.id);
        return { ok: true as const };
      },
    );
    app.get(
      '/api/inspection-figures',
      { config: read, schema: { tags, querystring: figuresQuery, response: { 200: figures } } },
      (req) => inspectionFigures(db, req.ctx, req.query),
    );
    app.get(
      '/api/inspection-figures/export.xlsx',
      {
        config: read,
        schema: { tags, querystring: figuresQuery, response: { 200: z.any().describe('.xlsx') } },
      },
      async (req, reply) =>
        sendXlsx(reply, `${req.query.year}年稽察统计`, await exportFigures(db, req.ctx, req.query)),
    );
  };
