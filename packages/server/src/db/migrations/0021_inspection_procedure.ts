/**
 * The procedure of inspections (issue 14): a finding withdrawn after the unit's opinion is kept,
 * marked, not deleted (the draft report named it); and the check-item categories become item
 * categories, so a finding's rectification item carries its category into the ledger.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table inspection_findings add column withdrawn_at timestamptz;
    insert into dictionary_items (kind, code, label, sort, label_en) values
      ('item_category', '工程进度', '工程进度', 20, 'Progress'),
      ('item_category', '工程质量', '工程质量', 21, 'Quality'),
      ('item_category', '招投标', '招投标', 22, 'Bidding'),
      ('item_category', '财务管理', '财务管理', 23, 'Financial management'),
      ('item_category', '概算控制', '概算控制', 24, 'Budget control'),
      ('item_category', '安全生产', '安全生产', 25, 'Work safety')
    on conflict (kind, code) do nothing;
    `,
  );
}
