/** Routes of project lists, their members and adjustments. Thin: validate, call the service. */
import {
  adjustmentDecision,
  idParams,
  listAdjustment,
  listCreate,
  listDetailQuery,
  listMemberPage,
  listMembersQuery,
  listMemberParams,
  listOf,
  listPublish,
  listQuery,
  memberAdd,
  memberChange,
  memberChangeResult,
  memberRemove,
  projectList,
  projectListRead,
  projectMembership,
} from '@ducha/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { entityReaders } from '../../platform/audit/routes.ts';
import { changeMember, decideAdjustment } from './list-adjustments.ts';
import {
  auditReadList,
  getList,
  listAdjustments,
  listLists,
  listMembers,
  projectMemberships,
} from './list-queries.ts';
import { createList, publishList } from './lists.ts';

const read = { access: 'project.read' } as const;
const write = { access: 'project.write' } as const;
const tags = ['project-lists'];

export const listRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    entityReaders.set('project_list', auditReadList);

    app.get(
      '/api/project-lists',
      { config: read, schema: { tags, querystring: listQuery, response: { 200: listOf(projectList) } } },
      (req) => listLists(db, req.ctx, req.query),
    );
    app.get(
      '/api/project-lists/:id',
      {
        config: read,
        schema: { tags, params: idParams, querystring: listDetailQuery, response: { 200: projectListRead } },
      },
      (req) => getList(db, req.ctx, req.params.id, req.query),
    );
    app.get(
      '/api/project-lists/:id/members',
      {
        config: read,
        schema: { tags, params: idParams, querystring: listMembersQuery, response: { 200: listMemberPage } },
      },
      (req) => listMembers(db, req.ctx, req.params.id, req.query),
    );
    app.post(
      '/api/project-lists',
      { config: write, schema: { tags, body: listCreate, response: { 201: projectList } } },
      async (req, reply) => reply.status(201).send(await createList(db, req.ctx, req.body)),
    );
    app.post(
      '/api/project-lists/:id/publish',
      {
        config: write,
        schema: { tags, params: idParams, body: listPublish, response: { 200: projectList } },
      },
      (req) => publishList(db, req.ctx, req.params.id, req.body.version),
    );
    app.post(
      '/api/project-lists/:id/members',
      {
        config: write,
        schema: { tags, params: idParams, body: memberAdd, response: { 200: memberChangeResult } },
      },
      (req) =>
        changeMember(db, req.ctx, req.params.id, {
          kind: 'add',
          projectId: req.body.projectId,
          batch: req.body.batch,
          reason: req.body.reason ?? null,
        }),
    );
    app.patch(
      '/api/project-lists/:id/members/:projectId',
      {
        config: write,
        schema: { tags, params: listMemberParams, body: memberChange, response: { 200: memberChangeResult } },
      },
      (req) =>
        changeMember(db, req.ctx, req.params.id, {
          kind: 'change_batch',
          projectId: req.params.projectId,
          batch: req.body.batch,
          reason: req.body.reason ?? null,
        }),
    );
    app.post(
      '/api/project-lists/:id/members/:projectId/remove',
      {
        config: write,
        schema: { tags, params: listMemberParams, body: memberRemove, response: { 200: memberChangeResult } },
      },
      (req) =>
        changeMember(db, req.ctx, req.params.id, {
          kind: 'remove',
          projectId: req.params.projectId,
          batch: null,
          reason: req.body.reason ?? null,
        }),
    );
    app.get(
      '/api/project-lists/:id/adjustments',
      { config: read, schema: { tags, params: idParams, response: { 200: z.array(listAdjustment) } } },
      (req) => listAdjustments(db, req.ctx, req.params.id),
    );
    app.post(
      '/api/list-adjustments/:id/decide',
      {
        config: write,
        schema: { tags, params: idParams, body: adjustmentDecision, response: { 200: listAdjustment } },
      },
      (req) => decideAdjustment(db, req.ctx, req.params.id, req.body.approve, req.body.note ?? null),
    );

    app.get(
      '/api/projects/:id/lists',
      { config: read, schema: { tags, params: idParams, response: { 200: z.array(projectMembership) } } },
      (req) => projectMemberships(db, req.ctx, req.params.id),
    );
  };
