/**
 * Routes of inspections' libraries: the contracted firms, the experts and the inspectors (CRUD with
 * versions, delete refused when referenced: deactivate), and the experts' and inspectors' .xlsx
 * export (the filtered list) and all-or-nothing import (raw .xlsx body, `?regionCode=`).
 */
import {
  expert,
  expertCreate,
  expertQuery,
  expertUpdate,
  firm,
  firmCreate,
  firmQuery,
  firmUpdate,
  idParams,
  inspector,
  inspectorCreate,
  inspectorQuery,
  inspectorUpdate,
  libraryImportResult,
  listOf,
  okBody,
  regionCode,
} from '@ducha/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { actorOf } from '../../platform/access/context.ts';
import { invalid } from '../../platform/errors.ts';
import { sendXlsx, XLSX_TYPE } from '../../platform/files.ts';
import { createExpert, deleteExpert, getExpert, listExperts, updateExpert } from './experts.ts';
import { exportFirms, importFirms } from './firms-excel.ts';
import { createFirm, deleteFirm, getFirm, listFirms, updateFirm } from './firms.ts';
import {
  createInspector,
  deleteInspector,
  getInspector,
  listInspectors,
  updateInspector,
} from './inspectors.ts';
import { exportExperts, exportInspectors, importExperts, importInspectors } from './library-excel.ts';

const read = { access: 'inspection.read' } as const;
const write = { access: 'inspection.write' } as const;
const tags = ['inspections'];
const file = { 200: z.any().describe('.xlsx') };
const importQuery = z.object({ regionCode: regionCode.optional() });
const ok = { ok: true as const };

export const libraryPeopleRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    for (const type of [XLSX_TYPE, 'application/octet-stream'])
      app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 }, (_req, body, done) =>
        done(null, body),
      );
    const upload = (body: unknown) => {
      if (!Buffer.isBuffer(body) || !body.length)
        throw invalid('body', `请上传 .xlsx 文件(Content-Type: ${XLSX_TYPE})`);
      return body;
    };
    const regionOf = (code: string | undefined, actorRegion: string | null) => {
      const c = code ?? actorRegion;
      if (!c) throw invalid('query.regionCode', '请指定导入到哪个区划的库');
      return c;
    };

    // ---- firms ----
    app.get(
      '/api/inspection-firms',
      { config: read, schema: { tags, querystring: firmQuery, response: { 200: listOf(firm) } } },
      (req) => listFirms(db, req.ctx, req.query),
    );
    app.get(
      '/api/inspection-firms/export.xlsx',
      { config: read, schema: { tags, querystring: firmQuery, response: file } },
      async (req, reply) => sendXlsx(reply, '技术机构', await exportFirms(db, req.ctx, req.query)),
    );
    app.post(
      '/api/inspection-firms/import',
      {
        config: write,
        bodyLimit: 20 * 1024 * 1024,
        schema: { tags, querystring: importQuery, response: { 200: libraryImportResult } },
      },
      (req) =>
        importFirms(
          db,
          req.ctx,
          regionOf(req.query.regionCode, actorOf(req.ctx).regionCode),
          upload(req.body),
        ),
    );
    app.post(
      '/api/inspection-firms',
      { config: write, schema: { tags, body: firmCreate, response: { 201: firm } } },
      async (req, reply) =>
        reply.status(201).send(await getFirm(db, req.ctx, await createFirm(db, req.ctx, req.body))),
    );
    app.get(
      '/api/inspection-firms/:id',
      { config: read, schema: { tags, params: idParams, response: { 200: firm } } },
      (req) => getFirm(db, req.ctx, req.params.id),
    );
    app.patch(
      '/api/inspection-firms/:id',
      { config: write, schema: { tags, params: idParams, body: firmUpdate, response: { 200: firm } } },
      async (req) => {
        await updateFirm(db, req.ctx, req.params.id, req.body);
        return getFirm(db, req.ctx, req.params.id);
      },
    );
    app.delete(
      '/api/inspection-firms/:id',
      { config: write, schema: { tags, params: idParams, response: { 200: okBody } } },
      async (req) => {
        await deleteFirm(db, req.ctx, req.params.id);
        return ok;
      },
    );

    // ---- experts ----
    app.get(
      '/api/experts',
      { config: read, schema: { tags, querystring: expertQuery, response: { 200: listOf(expert) } } },
      (req) => listExperts(db, req.ctx, req.query),
    );
    app.get(
      '/api/experts/export.xlsx',
      { config: read, schema: { tags, querystring: expertQuery, response: file } },
      async (req, reply) => sendXlsx(reply, '专家库', await exportExperts(db, req.ctx, req.query)),
    );
    app.post(
      '/api/experts/import',
      {
        config: write,
        bodyLimit: 20 * 1024 * 1024,
        schema: { tags, querystring: importQuery, response: { 200: libraryImportResult } },
      },
      (req) =>
        importExperts(
          db,
          req.ctx,
          regionOf(req.query.regionCode, actorOf(req.ctx).regionCode),
          upload(req.body),
        ),
    );
    app.post(
      '/api/experts',
      { config: write, schema: { tags, body: expertCreate, response: { 201: expert } } },
      async (req, reply) =>
        reply.status(201).send(await getExpert(db, req.ctx, await createExpert(db, req.ctx, req.body))),
    );
    app.get(
      '/api/experts/:id',
      { config: read, schema: { tags, params: idParams, response: { 200: expert } } },
      (req) => getExpert(db, req.ctx, req.params.id),
    );
    app.patch(
      '/api/experts/:id',
      { config: write, schema: { tags, params: idParams, body: expertUpdate, response: { 200: expert } } },
      async (req) => {
        await updateExpert(db, req.ctx, req.params.id, req.body);
        return getExpert(db, req.ctx, req.params.id);
      },
    );
    app.delete(
      '/api/experts/:id',
      { config: write, schema: { tags, params: idParams, response: { 200: okBody } } },
      async (req) => {
        await deleteExpert(db, req.ctx, req.params.id);
        return ok;
      },
    );

    // ---- inspectors ----
    app.get(
      '/api/inspectors',
      { config: read, schema: { tags, querystring: inspectorQuery, response: { 200: listOf(inspector) } } },
      (req) => listInspectors(db, req.ctx, req.query),
    );
    app.get(
      '/api/inspectors/export.xlsx',
      { config: read, schema: { tags, querystring: inspectorQuery, response: file } },
      async (req, reply) => sendXlsx(reply, '稽察人员名录', await exportInspectors(db, req.ctx, req.query)),
    );
    app.post(
      '/api/inspectors/import',
      {
        config: write,
        bodyLimit: 20 * 1024 * 1024,
        schema: { tags, querystring: importQuery, response: { 200: libraryImportResult } },
      },
      (req) =>
        importInspectors(
          db,
          req.ctx,
          regionOf(req.query.regionCode, actorOf(req.ctx).regionCode),
          upload(req.body),
        ),
    );
    app.post(
      '/api/inspectors',
      { config: write, schema: { tags, body: inspectorCreate, response: { 201: inspector } } },
      async (req, reply) =>
        reply.status(201).send(await getInspector(db, req.ctx, await createInspector(db, req.ctx, req.body))),
    );
    app.get(
      '/api/inspectors/:id',
      { config: read, schema: { tags, params: idParams, response: { 200: inspector } } },
      (req) => getInspector(db, req.ctx, req.params.id),
    );
    app.patch(
      '/api/inspectors/:id',
      {
        config: write,
        schema: { tags, params: idParams, body: inspectorUpdate, response: { 200: inspector } },
      },
      async (req) => {
        await updateInspector(db, req.ctx, req.params.id, req.body);
        return getInspector(db, req.ctx, req.params.id);
      },
    );
    app.delete(
      '/api/inspectors/:id',
      { config: write, schema: { tags, params: idParams, response: { 200: okBody } } },
      async (req) => {
        await deleteInspector(db, req.ctx, req.params.id);
        return ok;
      },
    );
  };
