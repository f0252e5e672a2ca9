/** The Kysely view of the inspections tables (migration 0019) and the organisation's leading groups. */
import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateString = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string | undefined, string>;

export interface LeadingGroupsTable {
  id: Generated<number>;
  region_code: string;
  name: string;
  head_position_id: number | null;
  deputy_position_ids: Generated<number[]>;
  member_unit_ids: Generated<number[]>;
  office_unit_id: number | null;
  duties: Generated<string>;
  active: Generated<boolean>;
  created_at: CreatedAt;
  version: Generated<number>;
}

export interface InspectionFirmsTable {
  id: Generated<number>;
  region_code: string;
  name: string;
  contact: Generated<string>;
  phone: Generated<string>;
  contract_from: DateString | null;
  contract_to: DateString | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
  version: Generated<number>;
}

/** An availability window: the expert can be drawn for site dates from `from` to `to` inclusive. */
export interface AvailabilityWindow {
  from: string;
  to: string;
}

export interface InspectionExpertsTable {
  id: Generated<number>;
  region_code: string;
  name: string;
  specialty: string;
  title: Generated<string>;
  employer: Generated<string>;
  employer_unit_id: number | null;
  firm_id: number | null;
  phone: Generated<string>;
  availability: Json<AvailabilityWindow[]>;
  conflict_unit_ids: Generated<number[]>;
  conflict_project_ids: Generated<number[]>;
  conflict_note: Generated<string>;
  user_id: number | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
  version: Generated<number>;
}

export interface InspectorsTable {
  id: Generated<number>;
  region_code: string;
  name: string;
  person_id: number | null;
  unit_id: number | null;
  role: string;
  phone: Generated<string>;
  user_id: number | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
  version: Generated<number>;
}

export interface InspectionPlansTable {
  id: Generated<number>;
  region_code: string;
  year: number;
  title: string;
  notes: Generated<string>;
  status: Generated<'draft' | 'approved'>;
  approved_by: number | null;
  approved_at: Date | null;
  created_by: number | null;
  created_at: CreatedAt;
  version: Generated<number>;
}

export interface InspectionThemesTable {
  id: Generated<number>;
  plan_id: number;
  sort: number;
  name: string;
  description: Generated<string>;
  rule: Json<Record<string, unknown>>;
  quarter_counts: Generated<number[]>;
  created_at: CreatedAt;
  version: Generated<number>;
}

export interface InspectionCheckItemsTable {
  id: Generated<number>;
  plan_id: number;
  theme_id: number | null;
  sort: number;
  category: string;
  content: string;
  basis: Generated<string>;
  /** migration 0022 */
  version: Generated<number>;
}

export interface InspectionDrawsTable {
  id: Generated<number>;
  plan_id: number;
  region_code: string;
  title: string;
  status: Generated<'draft' | 'published' | 'drawn'>;
  counts: Json<unknown>;
  rules: Json<unknown>;
  sources: Json<unknown>;
  source_values: ColumnType<unknown, string | null | undefined, string | null>;
  key_string: string | null;
  pool_sha256: string | null;
  document: ColumnType<unknown, string | null | undefined, string | null>;
  published_by: number | null;
  published_at: Date | null;
  drawn_by: number | null;
  drawn_at: Date | null;
  created_by: number | null;
  created_at: CreatedAt;
  version: Generated<number>;
}

export interface InspectionDrawPoolTable {
  draw_id: number;
  kind: 'project' | 'expert';
  stratum: string;
  seq: number;
  ref_id: number;
  label: string;
  conflicts: Generated<number[]>;
}

export interface InspectionDrawPicksTable {
  draw_id: number;
  ordinal: number;
  kind: 'project' | 'expert';
  stratum: string;
  pool_seq: number;
  ref_id: number;
  declined_at: Date | null;
  decline_reason: string | null;
  substitute_ordinal: number | null;
  recorded_by: number | null;
}

export type InspectionStatus =
  | 'planned'
  | 'noticed'
  | 'on_site'
  | 'draft_report'
  | 'opinion_received'
  | 'formal_report'
  | 'rectifying'
  | 'rechecking'
  | 'archived';

export interface InspectionsTable {
  id: Generated<number>;
  region_code: string;
  plan_id: number | null;
  theme_id: number | null;
  draw_id: number | null;
  project_id: number;
  inspected_unit_id: number | null;
  code: string;
  kind: Generated<string>;
  status: Generated<InspectionStatus>;
  site_on: DateString | null;
  notice_on: DateString | null;
  opinion_due: DateString | null;
  rectification_due: DateString | null;
  recheck_on: DateString | null;
  archived_on: DateString | null;
  summary: Generated<string>;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface InspectionMembersTable {
  id: Generated<number>;
  inspection_id: number;
  role: 'leader' | 'expert' | 'inspector';
  expert_id: number | null;
  inspector_id: number | null;
  signed_at: Date | null;
}

export interface InspectionFindingsTable {
  id: Generated<number>;
  inspection_id: number;
  kind: 'problem' | 'suggestion';
  sort: number;
  category: string;
  content: string;
  basis: Generated<string>;
  unit_opinion: string | null;
  unit_agrees: boolean | null;
  answer: string | null;
  item_id: number | null;
  withdrawn_at: Date | null;
  created_by: number | null;
  created_at: CreatedAt;
  version: Generated<number>;
}

export interface InspectionDocumentsTable {
  id: Generated<number>;
  inspection_id: number;
  kind:
    | 'notice'
    | 'site_record'
    | 'draft_report'
    | 'opinion'
    | 'formal_report'
    | 'rectification_notice'
    | 'results'
    | 'recheck';
  number: string | null;
  body: Json<Record<string, unknown>>;
  created_by: number | null;
  created_at: CreatedAt;
}

interface AttachmentColumns {
  id: Generated<number>;
  name: string;
  type: string;
  size: number;
  sha256: string;
  path: string;
  created_by: number | null;
  created_at: CreatedAt;
}

export interface InspectionAttachmentsTable extends AttachmentColumns {
  inspection_id: number;
}

export interface InspectionCountersTable {
  prefix: string;
  year: number;
  last: Generated<number>;
}

export interface InspectionGroupsTable {
  id: Generated<number>;
  region_code: string;
  year: number;
  name: string;
  sector: string;
  leader_person_id: number | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
  version: Generated<number>;
}

export interface InspectionGroupMembersTable {
  group_id: number;
  person_id: number;
  role: Generated<string>;
}

export interface InspectionGroupProjectsTable {
  group_id: number;
  project_id: number;
}

export interface GroupSiteRecordsTable {
  id: Generated<number>;
  group_id: number;
  project_id: number;
  week_of: DateString;
  progress: string;
  problems: Generated<string>;
  next_week: Generated<string>;
  item_ids: Generated<number[]>;
  created_by: number | null;
  created_at: CreatedAt;
  version: Generated<number>;
}

export interface GroupSiteRecordAttachmentsTable extends AttachmentColumns {
  record_id: number;
}
