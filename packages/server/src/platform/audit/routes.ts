/** GET /api/audit: an entity's timeline (for anyone who may read the entity) or the whole log (admin). */
import { auditEvent, auditQuery, listOf, type AuditEvent } from '@ducha/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/connection.ts';
import { actorOf, type Actor } from '../access/context.ts';
import { can } from '@ducha/contract';
import { forbidden } from '../errors.ts';
import { totalOf } from '../records.ts';

/**
 * Throws unless the actor may read the entity's timeline: each module registers one for each of its
 * entity types at startup, applying the entity's own read rule (a project's, a list's, an item's…).
 * A type nobody registered is refused to everyone but the holders of `audit.list` (the admin, who
 * reads the whole log anyway): deny by default.
 */
export type EntityReader = (db: Db, actor: Actor, id: string) => Promise<void>;
export const entityReaders = new Map<string, EntityReader>();

type Row = {
  seq: number;
  at: Date;
  actor_id: number | null;
  actor_name: string | null;
  entity: string;
  entity_id: string;
  action: string;
  diff: AuditEvent['diff'];
  reason: string | null;
  request_id: string | null;
};
const present = (r: Row): AuditEvent => ({
  id: r.seq,
  at: r.at.toISOString(),
  actorId: r.actor_id,
  actorName: r.actor_name,
  entity: r.entity,
  entityId: r.entity_id,
  action: r.action,
  diff: r.diff,
  reason: r.reason,
  requestId: r.request_id,
});

export const auditRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/audit',
      {
        config: { access: 'audit.read' },
        schema: { tags: ['audit'], querystring: auditQuery, response: { 200: listOf(auditEvent) } },
      },
      async (req) => {
        const actor = actorOf(req.ctx);
        const { entity, id, actorId, page, pageSize } = req.query;
        if (can(actor.role, 'audit.list')) {
          // the whole log, or any part of it
        } else if (entity && id) {
          const reader = entityReaders.get(entity);
          if (!reader) throw forbidden();
          await reader(db, actor, id);
        } else {
          throw forbidden();
        }
        let q = db.selectFrom('audit_events');
        if (entity) q = q.where('entity', '=', entity);
        if (id) q = q.where('entity_id', '=', id);
        if (actorId) q = q.where('actor_id', '=', actorId);
        // the page off the (entity, entity_id, seq), (entity, seq), (actor_id, seq) or seq index;
        // the total counted up to 10,000 and estimated past it (the whole log has millions)
        const [rows, total] = await Promise.all([
          q
            .select([
              'seq',
              'at',
              'actor_id',
              'actor_name',
              'entity',
              'entity_id',
              'action',
              'diff',
              'reason',
              'request_id',
            ])
            .orderBy('seq', 'desc')
            .limit(pageSize)
            .offset((page - 1) * pageSize)
            .execute(),
          totalOf(db, q),
        ]);
        return { items: rows.map(present), ...total };
      },
    );
  };
