/**
 * Routes of inspections: one inspection through its procedure, from notice to archive — the list
 * (我的稽察 for experts and inspectors), creating one by hand, its page, its findings, the steps
 * (one route, the body names the action) and its documents as Word.
 */
import {
  findingCreate,
  idParams,
  inspectionCreate,
  inspectionDetail,
  inspectionDocParams,
  inspectionQuery,
  inspectionStep,
  inspectionSummary,
  itemAttachment,
  listOf,
  okBody,
} from '@ducha/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connection.ts';
import { actorOf, type Ctx } from '../../platform/access/context.ts';
import { entityReaders } from '../../platform/audit/routes.ts';
import { notFound } from '../../platform/errors.ts';
import { acceptRawFiles, sendFile, uploadedFile } from '../../platform/files.ts';
import { inspectionAttachments } from './attachments.ts';
import { documentDocx, type DocBody } from './documents.ts';
import { readableInspection } from './inspection-repo.ts';
import { addFinding, createInspection } from './inspections.ts';
import { takeInspectionStep } from './procedure-steps.ts';
import { inspectionDetail as detail, inspectionDocument, listInspections } from './queries.ts';

const read = { access: 'inspection.read' } as const;
const write = { access: 'inspection.write' } as const;
const tags = ['inspections'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const procedureRoutes =
  (db: Db, config: Config): FastifyPluginAsyncZod =>
  async (app) => {
    acceptRawFiles(app);
    entityReaders.set('inspection', async (d, actor, id) => {
      await readableInspection(d, actor, Number(id) || -1);
    });
    const show = (req: { ctx: Ctx }, id: number) => detail(db, actorOf(req.ctx), id);

    app.get(
      '/api/inspections',
      {
        config: read,
        schema: { tags, querystring: inspectionQuery, response: { 200: listOf(inspectionSummary) } },
      },
      (req) => listInspections(db, req.ctx, req.query),
    );
    app.post(
      '/api/inspections',
      { config: write, schema: { tags, body: inspectionCreate, response: { 201: inspectionDetail } } },
      async (req, reply) =>
        reply.status(201).send(await show(req, await createInspection(db, req.ctx, req.body))),
    );
    app.get(
      '/api/inspections/:id',
      { config: read, schema: { tags, params: idParams, response: { 200: inspectionDetail } } },
      (req) => show(req, req.params.id),
    );
    app.post(
      '/api/inspections/:id/findings',
      {
        config: write,
        schema: { tags, params: idParams, body: findingCreate, response: { 201: inspectionDetail } },
      },
      async (req, reply) => {
        await addFinding(db, req.ctx, req.params.id, req.body);
        return reply.status(201).send(await show(req, req.params.id));
      },
    );
    app.post(
      '/api/inspections/:id/steps',
      {
        config: write,
        schema: { tags, params: idParams, body: inspectionStep, response: { 200: inspectionDetail } },
      },
      async (req) => show(req, await takeInspectionStep(db, req.ctx, req.params.id, req.body)),
    );
    app.get(
      '/api/inspections/:id/documents/:docId',
      { config: read, schema: { tags, params: inspectionDocParams } },
      async (req, reply) => {
        const found = await inspectionDocument(db, actorOf(req.ctx), req.params.id, req.params.docId);
        if (!found) throw notFound();
        const body = found.d.body as DocBody;
        return sendFile(reply, {
          name: `${found.i.code} ${body.title}.docx`,
          type: DOCX,
          body: await documentDocx(body, found.d.number, found.i.code),
        });
      },
    );
    app.post(
      '/api/inspections/:id/attachments',
      { config: write, schema: { tags, params: idParams, response: { 201: itemAttachment } } },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            await inspectionAttachments.add(db, req.ctx, config.dataDir, req.params.id, uploadedFile(req)),
          ),
    );
    app.get(
      '/api/inspection-attachments/:id',
      { config: read, schema: { tags, params: idParams } },
      async (req, reply) =>
        sendFile(reply, await inspectionAttachments.get(db, req.ctx, config.dataDir, req.params.id)),
    );
    app.delete(
      '/api/inspection-attachments/:id',
      { config: write, schema: { tags, params: idParams, response: { 200: okBody } } },
      (req) => inspectionAttachments.remove(db, req.ctx, req.params.id),
    );
  };
