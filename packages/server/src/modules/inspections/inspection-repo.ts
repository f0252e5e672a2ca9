/**
 * Reading one inspection for the procedure: the row with its region path and the accounts of its
 * expert and inspector members (the policy's facts), plain or locked for a step.
 */
import { sql } from 'kysely';
import type { Executor, Trx } from '../../db/connection.ts';
import type { Actor } from '../../platform/access/context.ts';
import { notFound, outOfScope } from '../../platform/errors.ts';
import { regionPathOf } from '../../platform/regions.ts';
import { canReadInspection, type InspectionFacts } from './policy.ts';

export async function findInspection(db: Executor, id: number) {
  return db
    .selectFrom('inspections as i')
    .selectAll('i')
    .select(regionPathOf('i.region_code').as('region_path'))
    .select(
      sql<number[]>`array(select e.user_id from inspection_members m join inspection_experts e
        on e.id = m.expert_id where m.inspection_id = i.id and e.user_id is not null)`.as('expert_user_ids'),
    )
    .select(
      sql<number[]>`array(select s.user_id from inspection_members m join inspectors s
        on s.id = m.inspector_id where m.inspection_id = i.id and s.user_id is not null)`.as(
        'inspector_user_ids',
      ),
    )
    .where('i.id', '=', id)
    .executeTakeFirst();
}
export type InspectionRow = NonNullable<Awaited<ReturnType<typeof findInspection>>>;

export const inspectionFacts = (r: InspectionRow): InspectionFacts => ({
  regionPath: r.region_path,
  inspectedUnitId: r.inspected_unit_id,
  expertUserIds: r.expert_user_ids,
  inspectorUserIds: r.inspector_user_ids,
});

/** An inspection the actor may read, or 404/403. */
export async function readableInspection(db: Executor, actor: Actor, id: number) {
  const row = await findInspection(db, id);
  if (!row) throw notFound();
  if (!canReadInspection(actor, inspectionFacts(row))) throw outOfScope();
  return row;
}

/** The same, locked for a step in this transaction. */
export async function lockedInspection(trx: Trx, actor: Actor, id: number) {
  const locked = await trx
    .selectFrom('inspections')
    .select('id')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!locked) throw notFound();
  return readableInspection(trx, actor, id);
}

/** Problems and suggestions still standing (not withdrawn), in their order. */
export const liveFindings = (db: Executor, inspectionId: number) =>
  db
    .selectFrom('inspection_findings')
    .selectAll()
    .where('inspection_id', '=', inspectionId)
    .where('withdrawn_at', 'is', null)
    .orderBy('sort')
    .execute();

/** Writes a step's document. */
export async function addDocument(
  trx: Trx,
  actorId: number,
  inspectionId: number,
  kind:
    | 'notice'
    | 'site_record'
    | 'draft_report'
    | 'opinion'
    | 'formal_report'
    | 'rectification_notice'
    | 'results'
    | 'recheck',
  number: string | null,
  body: Record<string, unknown>,
) {
  return trx
    .insertInto('inspection_documents')
    .values({ inspection_id: inspectionId, kind, number, body: JSON.stringify(body), created_by: actorId })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** The unit's confirmation of the on-site record (its document), if given. */
export const siteRecordOf = (db: Executor, inspectionId: number) =>
  db
    .selectFrom('inspection_documents')
    .select(['id', 'created_at'])
    .where('inspection_id', '=', inspectionId)
    .where('kind', '=', 'site_record')
    .executeTakeFirst();
