/**
 * The 五个一 responsibility chain: leader (a position), lead unit, co-operating units, working team,
 * responsible person, handling officer. The office sets the chain; the lead unit names its own
 * team and officers. Every change is one audited event on the project's timeline.
 */
import type { Project, responsibilityUpdate } from '@ducha/contract';
import type { z } from 'zod';
import { transaction, type Db } from '../../db/connection.ts';
import { actorOf, type Ctx } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { forbidden, invalid } from '../../platform/errors.ts';
import { assertVersion } from '../../platform/records.ts';
import { assertActive } from '../org/index.ts';
import { canEditProject, canManageProject } from './policy.ts';
import { findProjectRow, presentProject, projectFacts } from './repo.ts';
import { readableProject } from './projects.ts';

type Input = z.infer<typeof responsibilityUpdate>;
const chainFields = ['leaderPositionId', 'responsibleUnitId', 'coUnitIds'] as const;

export async function updateResponsibility(db: Db, ctx: Ctx, id: number, input: Input): Promise<Project> {
  const actor = actorOf(ctx);
  return transaction(db, async (trx) => {
    await trx.selectFrom('projects').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
    const row = await readableProject(trx, actor, id);
    const office = canManageProject(actor, row.region_path);
    if (!office && !canEditProject(actor, projectFacts(row))) throw forbidden();
    if (!office && chainFields.some((f) => input[f] !== undefined)) throw forbidden();
    assertVersion(row.version, input.version);

    if (input.leaderPositionId)
      await assertActive(trx, 'positions', [input.leaderPositionId], 'body.leaderPositionId');
    if (input.responsibleUnitId)
      await assertActive(trx, 'units', [input.responsibleUnitId], 'body.responsibleUnitId');
    const lead = input.responsibleUnitId === undefined ? row.responsible_unit_id : input.responsibleUnitId;
    if (input.coUnitIds) {
      if (lead && input.coUnitIds.includes(lead)) throw invalid('body.coUnitIds', '协办单位不能包含牵头单位');
      await assertActive(trx, 'units', input.coUnitIds, 'body.coUnitIds');
    }
    const people = [
      input.responsiblePersonId,
      input.handlingOfficerId,
      ...(input.team ?? []).map((t) => t.personId),
    ].filter((v): v is number => !!v);
    await assertActive(trx, 'people', [...new Set(people)], 'body.team');

    const patch: Record<string, unknown> = {};
    if (input.leaderPositionId !== undefined) patch.leader_position_id = input.leaderPositionId;
    if (input.responsibleUnitId !== undefined) patch.responsible_unit_id = input.responsibleUnitId;
    if (input.responsiblePersonId !== undefined) patch.responsible_person_id = input.responsiblePersonId;
    if (input.handlingOfficerId !== undefined) patch.handling_officer_id = input.handlingOfficerId;
    await trx
      .updateTable('projects')
      .set({ ...patch, version: row.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    if (input.coUnitIds) {
      await trx.deleteFrom('project_co_units').where('project_id', '=', id).execute();
      if (input.coUnitIds.length)
        await trx
          .insertInto('project_co_units')
          .values([...new Set(input.coUnitIds)].map((u) => ({ project_id: id, unit_id: u })))
          .execute();
    }
    if (input.team) {
      await trx.deleteFrom('project_team').where('project_id', '=', id).execute();
      const unique = [...new Map(input.team.map((t) => [t.personId, t])).values()];
      if (unique.length)
        await trx
          .insertInto('project_team')
          .values(unique.map((t) => ({ project_id: id, person_id: t.personId, duty: t.duty ?? null })))
          .execute();
    }
    const before = presentProject(row);
    const after = presentProject((await findProjectRow(trx, id))!);
    await recordAudit(trx, ctx, {
      entity: 'project',
      entityId: id,
      action: 'change_responsibility',
      before: { ...before.responsibility },
      after: { ...after.responsibility },
      reason: input.reason ?? null,
    });
    return after;
  });
}
