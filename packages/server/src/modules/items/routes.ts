/** Routes of supervised items and their settings. Thin: validate, call the service. */
import {
  batchResult,
  dismissProposal as dismissBody,
  escalationProposal,
  idParams,
  itemAttachment,
  itemBatchRemind,
  itemCreate,
  itemDetail,
  itemIndicatorQuery,
  itemIndicatorRow,
  itemQuery,
  itemSettings,
  itemSettingsUpdate,
  itemStep,
  listOf,
  item,
  okBody,
} from '@ducha/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { transaction, type Db } from '../../db/connection.ts';
import { entityReaders } from '../../platform/audit/routes.ts';
import { batchOptions } from '../../platform/batch.ts';
import { acceptRawFiles, sendFile, sendXlsx, uploadedFile } from '../../platform/files.ts';
import { itemAttachments } from './attachments.ts';
import { remindItems } from './batch.ts';
import { itemDetail as detail, raiseItem, readableItem } from './items.ts';
import { escalationProposals, exportItems, itemIndicators, listItems } from './queries.ts';
import { loadItemSettings, updateItemSettings } from './settings.ts';
import { dismissProposal, takeStep } from './steps.ts';
import { actorOf } from '../../platform/access/context.ts';

const read = { access: 'item.read' } as const;
const write = { access: 'item.write' } as const;
const tags = ['items'];

export const itemRoutes =
  (db: Db, config: Config): FastifyPluginAsyncZod =>
  async (app) => {
    entityReaders.set('item', async (d, actor, id) => {
      await readableItem(d, actor, Number(id) || -1);
    });
    acceptRawFiles(app);

    app.get(
      '/api/items',
      { config: read, schema: { tags, querystring: itemQuery, response: { 200: listOf(item) } } },
      (req) => listItems(db, req.ctx, req.query),
    );
    app.get(
      '/api/items/export',
      { config: read, schema: { tags, querystring: itemQuery } },
      async (req, reply) => sendXlsx(reply, '问题台账', await exportItems(db, req.ctx, req.query)),
    );
    app.get(
      '/api/items/indicators',
      {
        config: read,
        schema: { tags, querystring: itemIndicatorQuery, response: { 200: z.array(itemIndicatorRow) } },
      },
      (req) => itemIndicators(db, req.ctx, req.query),
    );
    app.get(
      '/api/items/escalations',
      { config: read, schema: { tags, response: { 200: z.array(escalationProposal) } } },
      (req) => escalationProposals(db, req.ctx),
    );
    app.post(
      '/api/items',
      { config: write, schema: { tags, body: itemCreate, response: { 201: itemDetail } } },
      async (req, reply) => {
        const { id } = await transaction(db, (trx) => raiseItem(trx, req.ctx, req.body));
        return reply.status(201).send(await detail(db, actorOf(req.ctx), id));
      },
    );
    app.post(
      '/api/items/remind',
      { config: write, schema: { tags, body: itemBatchRemind, response: { 200: batchResult } } },
      (req) => remindItems(db, req.ctx, req.body.items, req.body.note, batchOptions(req)),
    );
    app.get(
      '/api/items/:id',
      { config: read, schema: { tags, params: idParams, response: { 200: itemDetail } } },
      (req) => detail(db, actorOf(req.ctx), req.params.id),
    );
    app.post(
      '/api/items/:id/steps',
      { config: write, schema: { tags, params: idParams, body: itemStep, response: { 200: itemDetail } } },
      async (req) => {
        await transaction(db, (trx) => takeStep(trx, req.ctx, req.params.id, req.body));
        return detail(db, actorOf(req.ctx), req.params.id);
      },
    );
    app.post(
      '/api/items/:id/dismiss-proposal',
      { config: write, schema: { tags, params: idParams, body: dismissBody, response: { 200: okBody } } },
      async (req) => {
        await transaction(db, (trx) => dismissProposal(trx, req.ctx, req.params.id, req.body.reason));
        return { ok: true as const };
      },
    );
    app.post(
      '/api/items/:id/attachments',
      { config: write, schema: { tags, params: idParams, response: { 201: itemAttachment } } },
      async (req, reply) =>
        reply
          .status(201)
          .send(await itemAttachments.add(db, req.ctx, config.dataDir, req.params.id, uploadedFile(req))),
    );
    app.get(
      '/api/item-attachments/:id',
      { config: read, schema: { tags, params: idParams } },
      async (req, reply) =>
        sendFile(reply, await itemAttachments.get(db, req.ctx, config.dataDir, req.params.id)),
    );
    app.delete(
      '/api/item-attachments/:id',
      { config: write, schema: { tags, params: idParams, response: { 200: okBody } } },
      (req) => itemAttachments.remove(db, req.ctx, req.params.id),
    );
    app.get('/api/item-settings', { config: read, schema: { tags, response: { 200: itemSettings } } }, () =>
      loadItemSettings(db),
    );
    app.put(
      '/api/item-settings',
      { config: write, schema: { tags, body: itemSettingsUpdate, response: { 200: itemSettings } } },
      (req) => updateItemSettings(db, req.ctx, req.body),
    );
  };
