/** The 月度信息报表 in Excel: the month's prefilled sheet and its two-step import (dry run, commit). */
import { reportImportQuery, reportImportResult, reportSheetQuery } from '@ducha/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../db/connection.ts';
import { actorOf } from '../../../platform/access/context.ts';
import { forbidden, invalid } from '../../../platform/errors.ts';
import { sendXlsx, XLSX_TYPE } from '../../../platform/files.ts';
import { mayImportReports } from '../policy.ts';
import { importReports } from './importer.ts';
import { monthSheet } from './sheet.ts';

const tags = ['reports'];

/** Registered by the reports plugin, whose scope already takes .xlsx bodies (`acceptRawFiles`). */
export function reportExcelRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/reports/import/sheet',
    {
      config: { access: 'project.write' },
      schema: { tags, querystring: reportSheetQuery, response: { 200: z.any().describe('.xlsx') } },
    },
    async (req, reply) => {
      if (!mayImportReports(actorOf(req.ctx))) throw forbidden();
      const { name, file } = await monthSheet(db, req.ctx, req.query.month);
      return sendXlsx(reply, name, file);
    },
  );
  r.post(
    '/api/reports/import',
    {
      config: { access: 'project.write' },
      schema: { tags, querystring: reportImportQuery, response: { 200: reportImportResult } },
    },
    async (req) => {
      if (!mayImportReports(actorOf(req.ctx))) throw forbidden();
      if (!Buffer.isBuffer(req.body) || !req.body.length)
        throw invalid('body', `请上传 .xlsx 文件(Content-Type: ${XLSX_TYPE})`);
      return importReports(db, req.ctx, req.body, {
        month: req.query.month,
        mode: req.query.mode,
        verify: req.query.verify ?? false,
      });
    },
  );
}
