/**
 * Routes of assessment schemes (issue 15): list, create (the default from the seeds without a
 * config), read, edit a draft, revise, activate, delete a draft, and preview on a month.
 */
import {
  idParams,
  listOf,
  okBody,
  preview,
  previewBody,
  scheme,
  schemeActivate,
  schemeCreate,
  schemeDeleteQuery,
  schemeQuery,
  schemeRevise,
  schemeSummary,
  schemeUpdate,
} from '@ducha/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/connection.ts';
import { previewScheme } from './scheme-preview.ts';
import {
  activateScheme,
  createScheme,
  deleteScheme,
  getScheme,
  listSchemes,
  reviseScheme,
  updateScheme,
} from './schemes.ts';

const read = { access: 'score.read' } as const;
const write = { access: 'score.write' } as const;
const tags = ['assessment'];

export const schemeRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/assessment-schemes',
      { config: read, schema: { tags, querystring: schemeQuery, response: { 200: listOf(schemeSummary) } } },
      (req) => listSchemes(db, req.ctx, req.query),
    );
    app.post(
      '/api/assessment-schemes',
      { config: write, schema: { tags, body: schemeCreate, response: { 201: scheme } } },
      async (req, reply) => reply.status(201).send(await createScheme(db, req.ctx, req.body)),
    );
    app.get(
      '/api/assessment-schemes/:id',
      { config: read, schema: { tags, params: idParams, response: { 200: scheme } } },
      (req) => getScheme(db, req.ctx, req.params.id),
    );
    app.patch(
      '/api/assessment-schemes/:id',
      { config: write, schema: { tags, params: idParams, body: schemeUpdate, response: { 200: scheme } } },
      (req) => updateScheme(db, req.ctx, req.params.id, req.body),
    );
    app.post(
      '/api/assessment-schemes/:id/revise',
      { config: write, schema: { tags, params: idParams, body: schemeRevise, response: { 201: scheme } } },
      async (req, reply) =>
        reply.status(201).send(await reviseScheme(db, req.ctx, req.params.id, req.body.version)),
    );
    app.post(
      '/api/assessment-schemes/:id/activate',
      { config: write, schema: { tags, params: idParams, body: schemeActivate, response: { 200: scheme } } },
      (req) => activateScheme(db, req.ctx, req.params.id, req.body.version),
    );
    app.delete(
      '/api/assessment-schemes/:id',
      {
        config: write,
        schema: { tags, params: idParams, querystring: schemeDeleteQuery, response: { 200: okBody } },
      },
      (req) => deleteScheme(db, req.ctx, req.params.id, req.query.version),
    );
    app.post(
      '/api/assessment-schemes/:id/preview',
      { config: read, schema: { tags, params: idParams, body: previewBody, response: { 200: preview } } },
      (req) => previewScheme(db, req.ctx, req.params.id, req.body),
    );
  };
