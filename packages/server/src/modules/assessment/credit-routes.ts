/**
 * Routes of assessment: enterprise credit (issue 15): the directory (list, export, one, admission,
 * edits, status), the quarterly evaluations (list, export, create), the credit records (list,
 * create) and the public list of admitted firms (no login).
 */
import {
  creditRecord,
  creditRecordCreate,
  creditRecordList,
  creditRecordQuery,
  enterprise,
  enterpriseCreate,
  enterpriseExportQuery,
  enterpriseList,
  enterpriseQuery,
  enterpriseStatusChange,
  enterpriseUpdate,
  evaluation,
  evaluationCreate,
  evaluationExportQuery,
  evaluationList,
  evaluationQuery,
  idParams,
  publicEnterpriseList,
  publicEnterpriseQuery,
} from '@ducha/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import type { Actor } from '../../platform/access/context.ts';
import { entityReaders } from '../../platform/audit/routes.ts';
import { sendXlsx } from '../../platform/files.ts';
import { directoryWorkbook, evaluationsWorkbook } from './credit-excel.ts';
import { publicEnterprises } from './credit-public.ts';
import { createCreditRecord, getCreditRecord, listCreditRecords } from './credit-records.ts';
import {
  allEnterprises,
  changeEnterpriseStatus,
  createEnterprise,
  getEnterprise,
  listEnterprises,
  readableEnterprise,
  updateEnterprise,
} from './enterprises.ts';
import { createEvaluation, getEvaluation, listEvaluations, quarterEvaluations } from './evaluations.ts';

const read = { access: 'score.read' } as const;
const write = { access: 'score.write' } as const;
const open = { access: 'public' } as const;
const tags = ['assessment'];
const xlsx = { 200: z.any().describe('.xlsx') };

export const creditRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    // the timelines (GET /api/audit) of a firm, an evaluation and a record: for whoever reads the firm
    const asCtx = (actor: Actor) => ({ actor, requestId: 'audit' });
    entityReaders.set('enterprise', async (d, a, id) => {
      await readableEnterprise(d, asCtx(a), Number(id) || -1);
    });
    entityReaders.set('enterprise_evaluation', async (d, a, id) => {
      await getEvaluation(d, asCtx(a), Number(id) || -1);
    });
    entityReaders.set('credit_record', async (d, a, id) => {
      await getCreditRecord(d, asCtx(a), Number(id) || -1);
    });
    app.get(
      '/api/enterprises',
      { config: read, schema: { tags, querystring: enterpriseQuery, response: { 200: enterpriseList } } },
      (req) => listEnterprises(db, req.ctx, req.query),
    );
    app.get(
      '/api/enterprises.xlsx',
      { config: read, schema: { tags, querystring: enterpriseExportQuery, response: xlsx } },
      async (req, reply) =>
        sendXlsx(reply, '企业名录', await directoryWorkbook(await allEnterprises(db, req.ctx, req.query))),
    );
    app.post(
      '/api/enterprises',
      { config: write, schema: { tags, body: enterpriseCreate, response: { 201: enterprise } } },
      async (req, reply) => reply.status(201).send(await createEnterprise(db, req.ctx, req.body)),
    );
    app.get(
      '/api/enterprises/:id',
      { config: read, schema: { tags, params: idParams, response: { 200: enterprise } } },
      (req) => getEnterprise(db, req.ctx, req.params.id),
    );
    app.patch(
      '/api/enterprises/:id',
      {
        config: write,
        schema: { tags, params: idParams, body: enterpriseUpdate, response: { 200: enterprise } },
      },
      (req) => updateEnterprise(db, req.ctx, req.params.id, req.body),
    );
    app.post(
      '/api/enterprises/:id/status',
      {
        config: write,
        schema: { tags, params: idParams, body: enterpriseStatusChange, response: { 200: enterprise } },
      },
      (req) => changeEnterpriseStatus(db, req.ctx, req.params.id, req.body),
    );
    app.get(
      '/api/enterprise-evaluations',
      { config: read, schema: { tags, querystring: evaluationQuery, response: { 200: evaluationList } } },
      (req) => listEvaluations(db, req.ctx, req.query),
    );
    app.get(
      '/api/enterprise-evaluations.xlsx',
      { config: read, schema: { tags, querystring: evaluationExportQuery, response: xlsx } },
      async (req, reply) => {
        const title = `${req.query.year}年第${req.query.quarter}季度代建考评情况`;
        return sendXlsx(
          reply,
          title,
          await evaluationsWorkbook(await quarterEvaluations(db, req.ctx, req.query), title),
        );
      },
    );
    app.post(
      '/api/enterprise-evaluations',
      { config: write, schema: { tags, body: evaluationCreate, response: { 201: evaluation } } },
      async (req, reply) => reply.status(201).send(await createEvaluation(db, req.ctx, req.body)),
    );
    app.get(
      '/api/credit-records',
      { config: read, schema: { tags, querystring: creditRecordQuery, response: { 200: creditRecordList } } },
      (req) => listCreditRecords(db, req.ctx, req.query),
    );
    app.post(
      '/api/credit-records',
      { config: write, schema: { tags, body: creditRecordCreate, response: { 201: creditRecord } } },
      async (req, reply) => reply.status(201).send(await createCreditRecord(db, req.ctx, req.body)),
    );
    app.get(
      '/api/public/enterprises',
      {
        config: open,
        schema: {
          tags: ['public'],
          querystring: publicEnterpriseQuery,
          response: { 200: publicEnterpriseList },
        },
      },
      (req) => publicEnterprises(db, req.query),
    );
  };
