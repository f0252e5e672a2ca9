/** Routes of the organisation's leading groups (领导小组). */
import {
  idParams,
  leadingGroup,
  leadingGroupCreate,
  leadingGroupQuery,
  leadingGroupUpdate,
  listOf,
} from '@ducha/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/connection.ts';
import { entityReaders } from '../../platform/audit/routes.ts';
import {
  createLeadingGroup,
  leadingGroupDetail,
  listLeadingGroups,
  readableLeadingGroup,
  updateLeadingGroup,
} from './leading-groups.ts';

const read = { access: 'org.read' } as const;
const write = { access: 'org.write' } as const;
const tags = ['org'];

export const leadingGroupRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    entityReaders.set('leading_group', async (d, actor, id) => {
      await readableLeadingGroup(d, actor, Number(id) || -1);
    });
    app.get(
      '/api/leading-groups',
      {
        config: read,
        schema: { tags, querystring: leadingGroupQuery, response: { 200: listOf(leadingGroup) } },
      },
      (req) => listLeadingGroups(db, req.ctx, req.query),
    );
    app.post(
      '/api/leading-groups',
      { config: write, schema: { tags, body: leadingGroupCreate, response: { 201: leadingGroup } } },
      async (req, reply) =>
        reply
          .status(201)
          .send(await leadingGroupDetail(db, req.ctx, await createLeadingGroup(db, req.ctx, req.body))),
    );
    app.get(
      '/api/leading-groups/:id',
      { config: read, schema: { tags, params: idParams, response: { 200: leadingGroup } } },
      (req) => leadingGroupDetail(db, req.ctx, req.params.id),
    );
    app.patch(
      '/api/leading-groups/:id',
      {
        config: write,
        schema: { tags, params: idParams, body: leadingGroupUpdate, response: { 200: leadingGroup } },
      },
      async (req) => {
        await updateLeadingGroup(db, req.ctx, req.params.id, req.body);
        return leadingGroupDetail(db, req.ctx, req.params.id);
      },
    );
  };
