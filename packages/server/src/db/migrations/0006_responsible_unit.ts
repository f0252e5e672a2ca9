/**
 * One name per concept (DOMAIN: `responsibleUnit`): a project's lead unit (牵头, 负总责) is its
 * responsible unit, as an item's is. The column and its index take the name items already use.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table projects rename column lead_unit_id to responsible_unit_id;
    alter index projects_lead_unit_idx rename to projects_responsible_unit_idx;
  `,
  );
}
