/**
 * Inspections' library (issue 14): check items get a version (edited by the office, 409 on a stale
 * one); the library lists' filters get their indexes (experts by region and firm or active, inspectors
 * by region and role); the experts' specialties become a dictionary (`expert_specialty`) with the
 * usual defaults, so offices add their own without a release.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table inspection_check_items add column version integer not null default 1;
    create index inspection_experts_region_firm_idx on inspection_experts (region_code, firm_id, id);
    create index inspection_experts_region_active_idx on inspection_experts (region_code, active, id);
    create index inspectors_region_role_idx on inspectors (region_code, role, id);
    create index inspection_themes_plan_idx on inspection_themes (plan_id, sort);
    create index inspection_plans_year_idx on inspection_plans (year, region_code);

    insert into dictionary_items (kind, code, label, label_en, sort) values
      ('expert_specialty', '工程造价', '工程造价', 'Cost engineering', 1),
      ('expert_specialty', '土建工程', '土建工程', 'Civil works', 2),
      ('expert_specialty', '市政道路桥梁', '市政道路桥梁', 'Roads and bridges', 3),
      ('expert_specialty', '给排水', '给排水', 'Water supply and drainage', 4),
      ('expert_specialty', '电气安装', '电气安装', 'Electrical installation', 5),
      ('expert_specialty', '水利工程', '水利工程', 'Hydraulic engineering', 6),
      ('expert_specialty', '财务审计', '财务审计', 'Finance and audit', 7),
      ('expert_specialty', '招标投标', '招标投标', 'Tendering', 8),
      ('expert_specialty', '安全生产', '安全生产', 'Work safety', 9),
      ('expert_specialty', '园林绿化', '园林绿化', 'Landscaping', 10)
    on conflict (kind, code) do nothing;
    `,
  );
}
