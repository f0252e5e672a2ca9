/**
 * Routes of the score ledger (issue 15): the rows (list, export, one), manual rows and their
 * decision, exemptions and their decision, the rankings (红黑榜) and a unit's score card, with
 * their exports.
 */
import {
  exemptionRequest,
  idParams,
  manualRowCreate,
  ranking,
  rankingQuery,
  rowDecision,
  scoreCard,
  scoreCardQuery,
  scoreRow,
  scoreRowExportQuery,
  scoreRowList,
  scoreRowQuery,
} from '@ducha/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { sendXlsx } from '../../platform/files.ts';
import { allRows, getRow, listRows } from './ledger.ts';
import { cardWorkbook, ledgerWorkbook, rankingWorkbook } from './ledger-excel.ts';
import { askExemption, createManualRow, decideExemption, decideManualRow } from './manual-rows.ts';
import { ranking as rankingOf, scoreCard as cardOf } from './rankings.ts';

const read = { access: 'score.read' } as const;
const write = { access: 'score.write' } as const;
const tags = ['assessment'];
const xlsx = { 200: z.any().describe('.xlsx') };

const periodLabel = (p: string) =>
  p.length === 4
    ? `${p}年`
    : p.endsWith('H1')
      ? `${p.slice(0, 4)}年上半年`
      : p.endsWith('H2')
        ? `${p.slice(0, 4)}年下半年`
        : `${p.slice(0, 4)}年${Number(p.slice(5))}月`;

export const ledgerRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/score-rows',
      { config: read, schema: { tags, querystring: scoreRowQuery, response: { 200: scoreRowList } } },
      (req) => listRows(db, req.ctx, req.query),
    );
    app.get(
      '/api/score-rows.xlsx',
      { config: read, schema: { tags, querystring: scoreRowExportQuery, response: xlsx } },
      async (req, reply) => {
        const title = `${req.query.year}年${req.query.month ? `${req.query.month}月` : ''}考核台账`;
        return sendXlsx(reply, title, await ledgerWorkbook(await allRows(db, req.ctx, req.query), title));
      },
    );
    app.get(
      '/api/score-rows/:id',
      { config: read, schema: { tags, params: idParams, response: { 200: scoreRow } } },
      (req) => getRow(db, req.ctx, req.params.id),
    );
    app.post(
      '/api/score-rows',
      { config: write, schema: { tags, body: manualRowCreate, response: { 201: scoreRow } } },
      async (req, reply) => reply.status(201).send(await createManualRow(db, req.ctx, req.body)),
    );
    app.post(
      '/api/score-rows/:id/decision',
      { config: write, schema: { tags, params: idParams, body: rowDecision, response: { 200: scoreRow } } },
      (req) => decideManualRow(db, req.ctx, req.params.id, req.body),
    );
    app.post(
      '/api/score-rows/:id/exemption',
      {
        config: write,
        schema: { tags, params: idParams, body: exemptionRequest, response: { 200: scoreRow } },
      },
      (req) => askExemption(db, req.ctx, req.params.id, req.body),
    );
    app.post(
      '/api/score-rows/:id/exemption/decision',
      { config: write, schema: { tags, params: idParams, body: rowDecision, response: { 200: scoreRow } } },
      (req) => decideExemption(db, req.ctx, req.params.id, req.body),
    );
    app.get(
      '/api/scores/rankings',
      { config: read, schema: { tags, querystring: rankingQuery, response: { 200: ranking } } },
      (req) => rankingOf(db, req.ctx, req.query),
    );
    app.get(
      '/api/scores/rankings.xlsx',
      { config: read, schema: { tags, querystring: rankingQuery, response: xlsx } },
      async (req, reply) => {
        const r = await rankingOf(db, req.ctx, req.query);
        const label = periodLabel(req.query.period);
        return sendXlsx(reply, `${r.regionName}${label}考核排名`, await rankingWorkbook(r, label));
      },
    );
    app.get(
      '/api/scores/card',
      { config: read, schema: { tags, querystring: scoreCardQuery, response: { 200: scoreCard } } },
      (req) => cardOf(db, req.ctx, req.query),
    );
    app.get(
      '/api/scores/card.xlsx',
      { config: read, schema: { tags, querystring: scoreCardQuery, response: xlsx } },
      async (req, reply) => {
        const c = await cardOf(db, req.ctx, req.query);
        return sendXlsx(reply, `${c.unitName}${c.year}年考核卡`, await cardWorkbook(c));
      },
    );
  };
