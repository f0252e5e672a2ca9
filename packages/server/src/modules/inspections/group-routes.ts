/** Routes of inspections: the inspection groups (督查组), their members and projects, weekly site records and the month summary. */
import {
  groupMonthQuery,
  groupMonthSummary,
  idParams,
  inspectionGroupCreate,
  inspectionGroupDetail,
  inspectionGroupQuery,
  inspectionGroupSummary,
  itemAttachment,
  listOf,
  okBody,
  siteRecord,
  siteRecordCreate,
  siteRecordQuery,
  siteRecordUpdate,
  inspectionGroupUpdate,
} from '@ducha/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connection.ts';
import { actorOf } from '../../platform/access/context.ts';
import { entityReaders } from '../../platform/audit/routes.ts';
import { acceptRawFiles, sendFile, uploadedFile } from '../../platform/files.ts';
import { createGroup, groupDetail, listGroups, readableGroup, updateGroup } from './groups.ts';
import {
  createRecord,
  listRecords,
  monthSummary,
  readableRecord,
  recordAttachments,
  recordPhotos,
  updateRecord,
} from './site-records.ts';

const read = { access: 'inspection.read' } as const;
const write = { access: 'inspection.write' } as const;
const tags = ['inspections'];
const groupRecordParams = z.object({ id: idParams.shape.id });
const photo = itemAttachment;

export const groupRoutes =
  (db: Db, config: Config): FastifyPluginAsyncZod =>
  async (app) => {
    entityReaders.set('inspection_group', async (d, actor, id) => {
      await readableGroup(d, actor, Number(id) || -1);
    });
    entityReaders.set('group_site_record', async (d, actor, id) => {
      await readableRecord(d, actor, Number(id) || -1);
    });
    acceptRawFiles(app);
    const show = (req: { ctx: Parameters<typeof actorOf>[0] }, id: number) =>
      groupDetail(db, actorOf(req.ctx), id);

    app.get(
      '/api/inspection-groups',
      {
        config: read,
        schema: {
          tags,
          querystring: inspectionGroupQuery,
          response: { 200: listOf(inspectionGroupSummary) },
        },
      },
      (req) => listGroups(db, req.ctx, req.query),
    );
    app.post(
      '/api/inspection-groups',
      {
        config: write,
        schema: { tags, body: inspectionGroupCreate, response: { 201: inspectionGroupDetail } },
      },
      async (req, reply) => reply.status(201).send(await show(req, await createGroup(db, req.ctx, req.body))),
    );
    app.get(
      '/api/inspection-groups/:id',
      { config: read, schema: { tags, params: idParams, response: { 200: inspectionGroupDetail } } },
      (req) => show(req, req.params.id),
    );
    app.patch(
      '/api/inspection-groups/:id',
      {
        config: write,
        schema: {
          tags,
          params: idParams,
          body: inspectionGroupUpdate,
          response: { 200: inspectionGroupDetail },
        },
      },
      async (req) => {
        await updateGroup(db, req.ctx, req.params.id, req.body);
        return show(req, req.params.id);
      },
    );
    app.get(
      '/api/inspection-groups/:id/records',
      {
        config: read,
        schema: {
          tags,
          params: groupRecordParams,
          querystring: siteRecordQuery,
          response: { 200: listOf(siteRecord) },
        },
      },
      (req) => listRecords(db, req.ctx, req.params.id, req.query),
    );
    app.post(
      '/api/inspection-groups/:id/records',
      {
        config: write,
        schema: { tags, params: groupRecordParams, body: siteRecordCreate, response: { 201: siteRecord } },
      },
      async (req, reply) => {
        const id = await createRecord(db, req.ctx, req.params.id, req.body);
        return reply.status(201).send(await readableRecord(db, actorOf(req.ctx), id));
      },
    );
    app.get(
      '/api/inspection-groups/:id/summary',
      {
        config: read,
        schema: {
          tags,
          params: groupRecordParams,
          querystring: groupMonthQuery,
          response: { 200: groupMonthSummary },
        },
      },
      (req) => monthSummary(db, req.ctx, req.params.id, req.query.month),
    );
    app.get(
      '/api/inspection-records/:id',
      {
        config: read,
        schema: { tags, params: idParams, response: { 200: siteRecord.extend({ photos: z.array(photo) }) } },
      },
      async (req) => ({
        ...(await readableRecord(db, actorOf(req.ctx), req.params.id)),
        photos: (await recordPhotos(db, req.params.id)).map(({ created_at, ...p }) => ({
          ...p,
          createdAt: created_at.toISOString(),
        })),
      }),
    );
    app.patch(
      '/api/inspection-records/:id',
      {
        config: write,
        schema: { tags, params: idParams, body: siteRecordUpdate, response: { 200: siteRecord } },
      },
      async (req) => {
        await updateRecord(db, req.ctx, req.params.id, req.body);
        return readableRecord(db, actorOf(req.ctx), req.params.id);
      },
    );
    app.post(
      '/api/inspection-records/:id/photos',
      { config: write, schema: { tags, params: idParams, response: { 201: photo } } },
      async (req, reply) =>
        reply
          .status(201)
          .send(await recordAttachments.add(db, req.ctx, config.dataDir, req.params.id, uploadedFile(req))),
    );
    app.get(
      '/api/inspection-record-photos/:id',
      { config: read, schema: { tags, params: idParams } },
      async (req, reply) =>
        sendFile(reply, await recordAttachments.get(db, req.ctx, config.dataDir, req.params.id)),
    );
    app.delete(
      '/api/inspection-record-photos/:id',
      { config: write, schema: { tags, params: idParams, response: { 200: okBody } } },
      (req) => recordAttachments.remove(db, req.ctx, req.params.id),
    );
  };
