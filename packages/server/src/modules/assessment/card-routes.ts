/**
 * Routes of 红黄牌 (issue 15): the list (filtered, paged) and its .xlsx register, one card and its
 * 警示通知 as .docx, a card issued by hand, the unit's acknowledgement and the office's lifting.
 */
import {
  cardAcknowledge,
  cardCreate,
  cardExportQuery,
  cardLift,
  cardQuery,
  idParams,
  warningCard,
  warningCardList,
} from '@ducha/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { entityReaders } from '../../platform/audit/routes.ts';
import { sendFile, sendXlsx } from '../../platform/files.ts';
import { cardsWorkbook, noticeDocx } from './card-files.ts';
import { acknowledgeCard, allCards, createCard, getCard, liftCard, listCards } from './cards.ts';

const read = { access: 'score.read' } as const;
const write = { access: 'score.write' } as const;
const tags = ['assessment'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const cardRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    // a card's trail is read by whoever reads the card
    entityReaders.set('warning_card', async (d, actor, id) => {
      await getCard(d, { actor, requestId: 'audit' }, Number(id) || -1);
    });
    app.get(
      '/api/warning-cards',
      { config: read, schema: { tags, querystring: cardQuery, response: { 200: warningCardList } } },
      (req) => listCards(db, req.ctx, req.query),
    );
    app.get(
      '/api/warning-cards.xlsx',
      {
        config: read,
        schema: { tags, querystring: cardExportQuery, response: { 200: z.any().describe('.xlsx') } },
      },
      async (req, reply) => {
        const title = `${req.query.year ? `${req.query.year}年` : ''}红黄牌警示台账`;
        return sendXlsx(reply, title, await cardsWorkbook(await allCards(db, req.ctx, req.query), title));
      },
    );
    app.get(
      '/api/warning-cards/:id',
      { config: read, schema: { tags, params: idParams, response: { 200: warningCard } } },
      (req) => getCard(db, req.ctx, req.params.id),
    );
    app.get(
      '/api/warning-cards/:id/notice.docx',
      { config: read, schema: { tags, params: idParams, response: { 200: z.any().describe('.docx') } } },
      async (req, reply) => {
        const card = await getCard(db, req.ctx, req.params.id);
        return sendFile(reply, {
          name: `${card.noticeNo} ${card.unitName}.docx`,
          type: DOCX,
          body: await noticeDocx(card),
        });
      },
    );
    app.post(
      '/api/warning-cards',
      { config: write, schema: { tags, body: cardCreate, response: { 201: warningCard } } },
      async (req, reply) => reply.status(201).send(await createCard(db, req.ctx, req.body)),
    );
    app.post(
      '/api/warning-cards/:id/acknowledge',
      {
        config: write,
        schema: { tags, params: idParams, body: cardAcknowledge, response: { 200: warningCard } },
      },
      (req) => acknowledgeCard(db, req.ctx, req.params.id, req.body),
    );
    app.post(
      '/api/warning-cards/:id/lift',
      { config: write, schema: { tags, params: idParams, body: cardLift, response: { 200: warningCard } } },
      (req) => liftCard(db, req.ctx, req.params.id, req.body),
    );
  };
