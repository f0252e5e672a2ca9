/**
 * Routes of inspections' libraries: the contracted firms, the experts and the inspectors (CRUD with
 * versions, delete refused when referenced: deactivate), and their .xlsx export (the filtered list)
 * and all-or-nothing import (raw .xlsx body, `?regionCode=`). The three are one shape of resource,
 * registered by `libraryResource`.
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
import { actorOf, type Ctx } from '../../platform/access/context.ts';
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

type App = Parameters<FastifyPluginAsyncZod>[0];
/* eslint-disable @typescript-eslint/no-explicit-any -- the use cases are typed by their own files */
interface Resource {
  path: string;
  /** the sheet's name in an export */
  sheet: string;
  schemas: { query: z.ZodType; row: z.ZodType; create: z.ZodType; update: z.ZodType };
  list: (db: Db, ctx: Ctx, q: any) => Promise<any>;
  exportRows: (db: Db, ctx: Ctx, q: any) => Promise<Buffer>;
  importRows: (db: Db, ctx: Ctx, region: string, body: Buffer) => Promise<any>;
  create: (db: Db, ctx: Ctx, body: any) => Promise<number>;
  get: (db: Db, ctx: Ctx, id: number) => Promise<any>;
  update: (db: Db, ctx: Ctx, id: number, body: any) => Promise<any>;
  remove: (db: Db, ctx: Ctx, id: number) => Promise<any>;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

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

/** list, export, import, create, read, update (versioned) and delete of one library. */
function libraryResource(app: App, db: Db, r: Resource) {
  const { query, row, create, update } = r.schemas;
  app.get(
    r.path,
    { config: read, schema: { tags, querystring: query, response: { 200: listOf(row) } } },
    (req) => r.list(db, req.ctx, req.query),
  );
  app.get(
    `${r.path}/export.xlsx`,
    { config: read, schema: { tags, querystring: query, response: file } },
    async (req, reply) => sendXlsx(reply, r.sheet, await r.exportRows(db, req.ctx, req.query)),
  );
  app.post(
    `${r.path}/import`,
    {
      config: write,
      bodyLimit: 20 * 1024 * 1024,
      schema: { tags, querystring: importQuery, response: { 200: libraryImportResult } },
    },
    (req) => {
      const q = req.query as z.infer<typeof importQuery>;
      return r.importRows(db, req.ctx, regionOf(q.regionCode, actorOf(req.ctx).regionCode), upload(req.body));
    },
  );
  app.post(
    r.path,
    { config: write, schema: { tags, body: create, response: { 201: row } } },
    async (req, reply) =>
      reply.status(201).send(await r.get(db, req.ctx, await r.create(db, req.ctx, req.body))),
  );
  const byId = (req: { params: unknown }) => (req.params as { id: number }).id;
  app.get(
    `${r.path}/:id`,
    { config: read, schema: { tags, params: idParams, response: { 200: row } } },
    (req) => r.get(db, req.ctx, byId(req)),
  );
  app.patch(
    `${r.path}/:id`,
    { config: write, schema: { tags, params: idParams, body: update, response: { 200: row } } },
    async (req) => {
      await r.update(db, req.ctx, byId(req), req.body);
      return r.get(db, req.ctx, byId(req));
    },
  );
  app.delete(
    `${r.path}/:id`,
    { config: write, schema: { tags, params: idParams, response: { 200: okBody } } },
    async (req) => {
      await r.remove(db, req.ctx, byId(req));
      return { ok: true as const };
    },
  );
}

export const libraryPeopleRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    for (const type of [XLSX_TYPE, 'application/octet-stream'])
      app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 }, (_req, body, done) =>
        done(null, body),
      );
    libraryResource(app, db, {
      path: '/api/inspection-firms',
      sheet: '技术机构',
      schemas: { query: firmQuery, row: firm, create: firmCreate, update: firmUpdate },
      list: listFirms,
      exportRows: exportFirms,
      importRows: importFirms,
      create: createFirm,
      get: getFirm,
      update: updateFirm,
      remove: deleteFirm,
    });
    libraryResource(app, db, {
      path: '/api/experts',
      sheet: '专家库',
      schemas: { query: expertQuery, row: expert, create: expertCreate, update: expertUpdate },
      list: listExperts,
      exportRows: exportExperts,
      importRows: importExperts,
      create: createExpert,
      get: getExpert,
      update: updateExpert,
      remove: deleteExpert,
    });
    libraryResource(app, db, {
      path: '/api/inspectors',
      sheet: '稽察人员名录',
      schemas: { query: inspectorQuery, row: inspector, create: inspectorCreate, update: inspectorUpdate },
      list: listInspectors,
      exportRows: exportInspectors,
      importRows: importInspectors,
      create: createInspector,
      get: getInspector,
      update: updateInspector,
      remove: deleteInspector,
    });
  };
