/** Routes of inspections: the double-random draws: draft, publish (pool frozen and hashed, sources named), enter the sources, draw, decline and substitute. */
import {
  drawCreate,
  drawDecline,
  drawDetail,
  drawDocument,
  drawEnter,
  drawInspectionsCreated,
  drawList,
  drawPickParams,
  drawQuery,
  drawUpdate,
  drawVerification,
  drawVersion,
  idParams,
} from '@ducha/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/connection.ts';
import { actorOf } from '../../platform/access/context.ts';
import { entityReaders } from '../../platform/audit/routes.ts';
import { drawDetail as detail, listDraws, readableDraw, verifyStoredDraw } from './draw-queries.ts';
import { createDrawInspections, declinePick, runDraw } from './draw-run.ts';
import { createDraw, publishDraw, updateDraw } from './draws.ts';

const read = { access: 'inspection.read' } as const;
const write = { access: 'inspection.write' } as const;
const tags = ['inspections'];

export const drawRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    entityReaders.set('inspection_draw', async (d, actor, id) => {
      await readableDraw(d, actor, Number(id) || -1);
    });
    const show = (req: { ctx: Parameters<typeof actorOf>[0] }, id: number) =>
      detail(db, actorOf(req.ctx), id);

    app.get(
      '/api/draws',
      { config: read, schema: { tags, querystring: drawQuery, response: { 200: drawList } } },
      (req) => listDraws(db, req.ctx, req.query),
    );
    app.post(
      '/api/draws',
      { config: write, schema: { tags, body: drawCreate, response: { 201: drawDetail } } },
      async (req, reply) => reply.status(201).send(await show(req, await createDraw(db, req.ctx, req.body))),
    );
    app.get(
      '/api/draws/:id',
      { config: read, schema: { tags, params: idParams, response: { 200: drawDetail } } },
      (req) => show(req, req.params.id),
    );
    app.put(
      '/api/draws/:id',
      { config: write, schema: { tags, params: idParams, body: drawUpdate, response: { 200: drawDetail } } },
      async (req) => {
        await updateDraw(db, req.ctx, req.params.id, req.body);
        return show(req, req.params.id);
      },
    );
    app.post(
      '/api/draws/:id/publish',
      { config: write, schema: { tags, params: idParams, body: drawVersion, response: { 200: drawDetail } } },
      async (req) => {
        await publishDraw(db, req.ctx, req.params.id, req.body.version);
        return show(req, req.params.id);
      },
    );
    app.post(
      '/api/draws/:id/draw',
      { config: write, schema: { tags, params: idParams, body: drawEnter, response: { 200: drawDetail } } },
      async (req) => {
        await runDraw(db, req.ctx, req.params.id, req.body);
        return show(req, req.params.id);
      },
    );
    app.post(
      '/api/draws/:id/picks/:ordinal/decline',
      {
        config: write,
        schema: { tags, params: drawPickParams, body: drawDecline, response: { 200: drawDetail } },
      },
      async (req) => {
        await declinePick(db, req.ctx, req.params.id, req.params.ordinal, req.body);
        return show(req, req.params.id);
      },
    );
    app.post(
      '/api/draws/:id/inspections',
      {
        config: write,
        schema: { tags, params: idParams, body: drawVersion, response: { 201: drawInspectionsCreated } },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send({ inspectionIds: await createDrawInspections(db, req.ctx, req.params.id, req.body.version) }),
    );
    app.get(
      '/api/draws/:id/verify',
      { config: read, schema: { tags, params: idParams, response: { 200: drawVerification } } },
      async (req) => {
        await readableDraw(db, actorOf(req.ctx), req.params.id);
        return verifyStoredDraw(db, req.params.id);
      },
    );
    app.get(
      '/api/draws/:id/document',
      { config: read, schema: { tags, params: idParams, response: { 200: drawDocument.nullable() } } },
      async (req) => ((await readableDraw(db, actorOf(req.ctx), req.params.id)).document as never) ?? null,
    );
  };
