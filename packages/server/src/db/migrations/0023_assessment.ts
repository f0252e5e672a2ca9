/**
 * Assessment (考核, DOMAIN §9, issue 15). The assessment module owns these tables:
 * - `assessment_schemes`: a region's scheme for a year as versioned configuration (revisions 1, 2, …;
 *   one active at a time; the config is the contract's `schemeConfig` as JSON);
 * - `score_rows`: the score ledger, one row per bonus or deduction. Generated rows carry a
 *   `fact_key` that names their fact, so recomputing a month writes the same rows; manual rows are
 *   `manual:<uuid>` and need an approver other than their author; an exemption (不可抗力) is asked
 *   and decided on the row and keeps across recomputes;
 * - `score_unit_months`: per assessed unit and recomputed month, its plan, done and 序时完成率;
 * - `warning_cards`: 红黄牌, formal warnings to units with their trigger, notice, acknowledgement
 *   and lifting;
 * - `enterprises`, `enterprise_evaluations`, `credit_records`: the directory of agent-builders,
 *   contractors and supervisors (class 甲/乙, specialties, admission, suspension, removal), their
 *   quarterly evaluations (random and focused checks) and good and bad credit records.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table assessment_schemes (
      id serial primary key,
      region_code text not null references regions(code),
      year integer not null check (year between 2000 and 2100),
      revision integer not null default 1,
      name text not null,
      status text not null default 'draft' check (status in ('draft', 'active', 'retired')),
      config jsonb not null,
      notes text not null default '',
      created_by integer references users(id),
      created_at timestamptz not null default now(),
      activated_by integer references users(id),
      activated_at timestamptz,
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      unique (region_code, year, revision)
    );
    create unique index assessment_schemes_active_idx on assessment_schemes (region_code, year) where status = 'active';
    create index assessment_schemes_year_idx on assessment_schemes (year, region_code);

    create table score_rows (
      id bigserial primary key,
      region_code text not null references regions(code),
      year integer not null,
      month integer not null check (month between 1 and 12),
      unit_id integer not null references units(id),
      rule text not null,
      points numeric(8,2) not null,
      reason text not null,
      cause_kind text not null check (cause_kind in ('report', 'light', 'item', 'meeting', 'inspection', 'manual')),
      cause_id bigint,
      project_id integer references projects(id),
      fact_key text not null,
      source text not null check (source in ('generated', 'manual')),
      scheme_id integer not null references assessment_schemes(id),
      status text not null default 'effective' check (status in ('effective', 'pending', 'rejected')),
      created_by integer references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      decided_by integer references users(id),
      decided_at timestamptz,
      decision_note text,
      exemption_status text check (exemption_status in ('requested', 'approved', 'rejected')),
      exemption_reason text,
      exemption_requested_by integer references users(id),
      exemption_requested_at timestamptz,
      exemption_decided_by integer references users(id),
      exemption_decided_at timestamptz,
      exemption_note text,
      version integer not null default 1
    );
    create unique index score_rows_fact_idx on score_rows (region_code, year, month, fact_key);
    create index score_rows_period_unit_idx on score_rows (region_code, year, month, unit_id, id);
    create index score_rows_unit_idx on score_rows (unit_id, year, month);
    create index score_rows_period_rule_idx on score_rows (region_code, year, rule, month);
    create index score_rows_pending_idx on score_rows (region_code, status) where status = 'pending';
    create index score_rows_exemption_idx on score_rows (region_code, exemption_status) where exemption_status = 'requested';

    -- one row per assessed unit and recomputed month: the month's plan and done over the unit's
    -- lead projects (its 序时完成率, for the 红黑榜 and 红黄牌) and when the month was recomputed
    create table score_unit_months (
      region_code text not null references regions(code),
      year integer not null,
      month integer not null check (month between 1 and 12),
      unit_id integer not null references units(id),
      planned numeric(16,2) not null default 0,
      done numeric(16,2) not null default 0,
      pace numeric(8,4),
      scheme_id integer not null references assessment_schemes(id),
      computed_at timestamptz not null,
      primary key (region_code, year, month, unit_id)
    );
    create index score_unit_months_unit_idx on score_unit_months (unit_id, year, month);

    create table warning_cards (
      id serial primary key,
      region_code text not null references regions(code),
      unit_id integer not null references units(id),
      color text not null check (color in ('yellow', 'red')),
      year integer not null,
      month integer not null check (month between 1 and 12),
      trigger text not null,
      trigger_detail text not null,
      fact_key text not null,
      notice_seq integer not null,
      notice text not null,
      status text not null default 'issued' check (status in ('issued', 'acknowledged', 'lifted')),
      issued_by integer references users(id),
      issued_at timestamptz not null default now(),
      acknowledged_by integer references users(id),
      acknowledged_at timestamptz,
      acknowledgement text,
      lifted_by integer references users(id),
      lifted_at timestamptz,
      lift_reason text,
      version integer not null default 1,
      unique (region_code, year, notice_seq)
    );
    create unique index warning_cards_fact_idx on warning_cards (region_code, year, fact_key);
    create index warning_cards_region_idx on warning_cards (region_code, year, month, id);
    create index warning_cards_status_idx on warning_cards (region_code, status, id);
    create index warning_cards_unit_idx on warning_cards (unit_id, year, month);

    create table enterprises (
      id serial primary key,
      unit_id integer not null references units(id),
      region_code text not null references regions(code),
      kind text not null check (kind in ('agent', 'contractor', 'supervisor')),
      grade text check (grade in ('A', 'B')),
      specialties text[] not null default '{}',
      status text not null default 'admitted' check (status in ('admitted', 'suspended', 'removed')),
      admitted_on date not null,
      status_on date not null,
      status_reason text,
      notes text not null default '',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      unique (unit_id, kind)
    );
    create index enterprises_region_idx on enterprises (region_code, kind, status, id);

    create table enterprise_evaluations (
      id serial primary key,
      enterprise_id integer not null references enterprises(id),
      year integer not null,
      quarter integer not null check (quarter between 1 and 4),
      kind text not null check (kind in ('random', 'focused')),
      project_id integer not null references projects(id),
      inspection_id integer references inspections(id),
      score numeric(5,2) not null check (score between 0 and 100),
      grade text not null check (grade in ('excellent', 'good', 'pass', 'fail')),
      evaluated_on date not null,
      notes text not null default '',
      created_by integer references users(id),
      created_at timestamptz not null default now(),
      unique (enterprise_id, year, quarter, project_id)
    );
    create index enterprise_evaluations_period_idx on enterprise_evaluations (year, quarter, enterprise_id);
    create index enterprise_evaluations_enterprise_idx on enterprise_evaluations (enterprise_id, year, quarter);

    create table credit_records (
      id serial primary key,
      enterprise_id integer not null references enterprises(id),
      kind text not null check (kind in ('good', 'bad')),
      cause_kind text not null check (cause_kind in ('evaluation', 'inspection', 'item', 'manual')),
      cause_id bigint,
      reason text not null,
      recorded_on date not null,
      created_by integer references users(id),
      created_at timestamptz not null default now()
    );
    create unique index credit_records_cause_idx on credit_records (cause_kind, cause_id) where cause_kind <> 'manual';
    create index credit_records_enterprise_idx on credit_records (enterprise_id, recorded_on desc, id);

    insert into dictionary_items (kind, code, label, label_en, sort) values
      ('enterprise_specialty', '房屋建筑', '房屋建筑', 'Buildings', 1),
      ('enterprise_specialty', '市政公用', '市政公用', 'Municipal works', 2),
      ('enterprise_specialty', '交通道路', '交通道路', 'Roads and transport', 3),
      ('enterprise_specialty', '水利水务', '水利水务', 'Water works', 4),
      ('enterprise_specialty', '园林绿化', '园林绿化', 'Landscaping', 5),
      ('enterprise_specialty', '港口航道', '港口航道', 'Ports and waterways', 6),
      ('enterprise_specialty', '轨道交通', '轨道交通', 'Rail transit', 7)
    on conflict (kind, code) do nothing;
    `,
  );
}
