/** Routes of the organisation module: regions, units, people, positions, users. Thin: validate, call the service. */
import {
  idParams,
  listOf,
  person,
  personCreate,
  personQuery,
  personUpdate,
  position,
  positionCreate,
  positionDetail,
  positionHolderChange,
  positionQuery,
  positionUpdate,
  region,
  regionCode,
  regionCreate,
  regionQuery,
  regionUpdate,
  unit,
  unitCreate,
  unitQuery,
  unitUpdate,
  user,
  userCreate,
  userQuery,
  userUpdate,
  userWithPassword,
} from '@ducha/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { entityReaders } from '../../platform/audit/routes.ts';
import { auditReadPerson, createPerson, getPerson, listPeople, updatePerson } from './people.ts';
import {
  auditReadPosition,
  changeHolder,
  createPosition,
  getPosition,
  listPositions,
  updatePosition,
} from './positions.ts';
import { auditReadRegion, createRegion, listRegions, updateRegion } from './regions.ts';
import { auditReadUnit, createUnit, getUnit, listUnits, updateUnit } from './units.ts';
import {
  auditReadToken,
  auditReadUser,
  createUser,
  getUser,
  listUsers,
  resetPassword,
  unlockUser,
  updateUser,
} from './users.ts';

const read = { access: 'org.read' } as const;
const write = { access: 'org.write' } as const;

export const orgRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    entityReaders.set('region', auditReadRegion);
    entityReaders.set('unit', auditReadUnit);
    entityReaders.set('person', auditReadPerson);
    entityReaders.set('position', auditReadPosition);
    entityReaders.set('user', auditReadUser);
    entityReaders.set('api_token', auditReadToken);

    const codeParams = z.object({ code: regionCode });
    let tags = ['regions'];
    app.get(
      '/api/regions',
      { config: read, schema: { tags, querystring: regionQuery, response: { 200: listOf(region) } } },
      (req) => listRegions(db, req.ctx, req.query),
    );
    app.post(
      '/api/regions',
      { config: { access: 'region.write' }, schema: { tags, body: regionCreate, response: { 201: region } } },
      async (req, reply) => reply.status(201).send(await createRegion(db, req.ctx, req.body)),
    );
    app.patch(
      '/api/regions/:code',
      {
        config: { access: 'region.write' },
        schema: { tags, params: codeParams, body: regionUpdate, response: { 200: region } },
      },
      (req) => updateRegion(db, req.ctx, req.params.code, req.body),
    );

    tags = ['units'];
    app.get(
      '/api/units',
      { config: read, schema: { tags, querystring: unitQuery, response: { 200: listOf(unit) } } },
      (req) => listUnits(db, req.ctx, req.query),
    );
    app.get(
      '/api/units/:id',
      { config: read, schema: { tags, params: idParams, response: { 200: unit } } },
      (req) => getUnit(db, req.ctx, req.params.id),
    );
    app.post(
      '/api/units',
      { config: write, schema: { tags, body: unitCreate, response: { 201: unit } } },
      async (req, reply) => reply.status(201).send(await createUnit(db, req.ctx, req.body)),
    );
    app.patch(
      '/api/units/:id',
      { config: write, schema: { tags, params: idParams, body: unitUpdate, response: { 200: unit } } },
      (req) => updateUnit(db, req.ctx, req.params.id, req.body),
    );

    tags = ['people'];
    app.get(
      '/api/people',
      { config: read, schema: { tags, querystring: personQuery, response: { 200: listOf(person) } } },
      (req) => listPeople(db, req.ctx, req.query),
    );
    app.get(
      '/api/people/:id',
      { config: read, schema: { tags, params: idParams, response: { 200: person } } },
      (req) => getPerson(db, req.ctx, req.params.id),
    );
    app.post(
      '/api/people',
      { config: write, schema: { tags, body: personCreate, response: { 201: person } } },
      async (req, reply) => reply.status(201).send(await createPerson(db, req.ctx, req.body)),
    );
    app.patch(
      '/api/people/:id',
      { config: write, schema: { tags, params: idParams, body: personUpdate, response: { 200: person } } },
      (req) => updatePerson(db, req.ctx, req.params.id, req.body),
    );

    tags = ['positions'];
    app.get(
      '/api/positions',
      { config: read, schema: { tags, querystring: positionQuery, response: { 200: listOf(position) } } },
      (req) => listPositions(db, req.ctx, req.query),
    );
    app.get(
      '/api/positions/:id',
      { config: read, schema: { tags, params: idParams, response: { 200: positionDetail } } },
      (req) => getPosition(db, req.ctx, req.params.id),
    );
    app.post(
      '/api/positions',
      { config: write, schema: { tags, body: positionCreate, response: { 201: position } } },
      async (req, reply) => reply.status(201).send(await createPosition(db, req.ctx, req.body)),
    );
    app.patch(
      '/api/positions/:id',
      {
        config: write,
        schema: { tags, params: idParams, body: positionUpdate, response: { 200: position } },
      },
      (req) => updatePosition(db, req.ctx, req.params.id, req.body),
    );
    app.post(
      '/api/positions/:id/holder',
      {
        config: write,
        schema: { tags, params: idParams, body: positionHolderChange, response: { 200: positionDetail } },
      },
      (req) => changeHolder(db, req.ctx, req.params.id, req.body),
    );

    tags = ['users'];
    const manage = { access: 'user.write' } as const;
    app.get(
      '/api/users',
      {
        config: { access: 'user.read' },
        schema: { tags, querystring: userQuery, response: { 200: listOf(user) } },
      },
      (req) => listUsers(db, req.ctx, req.query),
    );
    app.get(
      '/api/users/:id',
      { config: { access: 'user.read' }, schema: { tags, params: idParams, response: { 200: user } } },
      (req) => getUser(db, req.ctx, req.params.id),
    );
    app.post(
      '/api/users',
      { config: manage, schema: { tags, body: userCreate, response: { 201: userWithPassword } } },
      async (req, reply) => reply.status(201).send(await createUser(db, req.ctx, req.body)),
    );
    app.patch(
      '/api/users/:id',
      { config: manage, schema: { tags, params: idParams, body: userUpdate, response: { 200: user } } },
      (req) => updateUser(db, req.ctx, req.params.id, req.body),
    );
    app.post(
      '/api/users/:id/reset-password',
      { config: manage, schema: { tags, params: idParams, response: { 200: userWithPassword } } },
      (req) => resetPassword(db, req.ctx, req.params.id),
    );
    app.post(
      '/api/users/:id/unlock',
      { config: manage, schema: { tags, params: idParams, response: { 200: user } } },
      (req) => unlockUser(db, req.ctx, req.params.id),
    );
  };
