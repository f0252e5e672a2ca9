/** Excel in and out of the registry: the template, the two-step import, and exports of list pages. */
import { idParams, importMode, importResult, projectQuery } from '@ducha/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../db/connection.ts';
import { actorOf } from '../../../platform/access/context.ts';
import { forbidden, invalid } from '../../../platform/errors.ts';
import { exportList, exportProjects } from './export.ts';
import { importProjects } from './importer.ts';
import { sendXlsx, XLSX_TYPE } from '../../../platform/files.ts';
import { importTemplate } from './template.ts';

const tags = ['projects'];
const file = { 200: z.any().describe('.xlsx') };

export const excelRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    // spreadsheets arrive as raw bodies (up to 20 MiB), not JSON
    for (const type of [XLSX_TYPE, 'application/octet-stream']) {
      app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 }, (_req, body, done) =>
        done(null, body),
      );
    }

    app.get(
      '/api/projects/import/template',
      { config: { access: 'project.write' }, schema: { tags, response: file } },
      async (req, reply) => sendXlsx(reply, '重点项目责任分解表模板', await importTemplate(db, req.ctx)),
    );

    app.post(
      '/api/projects/import',
      {
        config: { access: 'project.write' },
        bodyLimit: 20 * 1024 * 1024,
        schema: {
          tags,
          querystring: z.object({ mode: importMode.default('dry-run') }),
          response: { 200: importResult },
        },
      },
      async (req) => {
        const actor = actorOf(req.ctx);
        if (actor.role !== 'admin' && actor.role !== 'office') throw forbidden();
        if (!Buffer.isBuffer(req.body) || !req.body.length)
          throw invalid('body', `请上传 .xlsx 文件(Content-Type: ${XLSX_TYPE})`);
        return importProjects(db, req.ctx, req.body, req.query.mode);
      },
    );

    app.get(
      '/api/projects/export.xlsx',
      { config: { access: 'project.read' }, schema: { tags, querystring: projectQuery, response: file } },
      async (req, reply) => sendXlsx(reply, '重点项目清单', await exportProjects(db, req.ctx, req.query)),
    );

    app.get(
      '/api/project-lists/:id/export.xlsx',
      { config: { access: 'project.read' }, schema: { tags, params: idParams, response: file } },
      async (req, reply) => {
        const { name, file: body } = await exportList(db, req.ctx, req.params.id);
        return sendXlsx(reply, name, body);
      },
    );
  };
