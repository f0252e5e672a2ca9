/** The Kysely view of the database: one interface per table, in the shape the drivers return. */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type {
  GroupSiteRecordAttachmentsTable,
  GroupSiteRecordsTable,
  InspectionAttachmentsTable,
  InspectionCheckItemsTable,
  InspectionCountersTable,
  InspectionDocumentsTable,
  InspectionDrawPicksTable,
  InspectionDrawPoolTable,
  InspectionDrawsTable,
  InspectionExpertsTable,
  InspectionFindingsTable,
  InspectionFirmsTable,
  InspectionGroupMembersTable,
  InspectionGroupProjectsTable,
  InspectionGroupsTable,
  InspectionMembersTable,
  InspectionPlansTable,
  InspectionThemesTable,
  InspectionsTable,
  InspectorsTable,
  LeadingGroupsTable,
} from './types-inspections.ts';
import type {
  AssessmentSchemesTable,
  CreditRecordsTable,
  EnterpriseEvaluationsTable,
  EnterprisesTable,
  ScoreRowsTable,
  ScoreUnitMonthsTable,
  WarningCardsTable,
} from './types-assessment.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** Dates are parsed to 'YYYY-MM-DD' strings by both drivers (see connection.ts). */
type DateString = ColumnType<string, string, string>;

export interface RegionsTable {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county' | 'town';
  parent_code: string | null;
  path: string;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface UnitsTable {
  id: Generated<number>;
  name: string;
  short_name: string | null;
  type: string;
  region_code: string;
  parent_id: number | null;
  head_person_id: number | null;
  liaison_person_id: number | null;
  phone: string | null;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface PeopleTable {
  id: Generated<number>;
  name: string;
  unit_id: number | null;
  title: string | null;
  phone: string | null;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface PositionsTable {
  id: Generated<number>;
  name: string;
  unit_id: number;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface PositionHoldingsTable {
  id: Generated<number>;
  position_id: number;
  person_id: number;
  start_date: DateString;
  end_date: DateString | null;
  reason: string | null;
  created_at: CreatedAt;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: string;
  region_code: string | null;
  unit_id: number | null;
  person_id: number | null;
  password_hash: string;
  must_change_password: Generated<boolean>;
  failed_attempts: Generated<number>;
  locked_until: Date | null;
  last_login_at: Date | null;
  password_changed_at: Date | null;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: Date;
  last_seen_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: CreatedAt;
  last_used_at: Date | null;
  expires_at: Date | null;
  revoked_at: Date | null;
}

export interface AuditEventsTable {
  seq: number;
  at: Date;
  actor_id: number | null;
  actor_name: string | null;
  entity: string;
  entity_id: string;
  action: string;
  diff: ColumnType<Record<string, { before: unknown; after: unknown }>, string, never>;
  reason: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: Generated<boolean>;
  seq: number;
  hash: string;
}

/** numeric comes back as a string (exact); written as a string too. */
type Numeric = ColumnType<string, string, string>;
type Created = ColumnType<Date, Date | string | undefined, never>;

export interface DictionaryItemsTable {
  kind: string;
  code: string;
  label: string;
  label_en: string | null;
  sort: Generated<number>;
  active: Generated<boolean>;
  version: Generated<number>;
}

export interface ProjectsTable {
  id: Generated<number>;
  code: string;
  name: string;
  region_code: string;
  address: string | null;
  longitude: Numeric | null;
  latitude: Numeric | null;
  sector: string;
  scale: string | null;
  investment_nature: string;
  funding_sources: Generated<string[]>;
  total_investment: Numeric;
  owner_unit_id: number | null;
  contractor_unit_id: number | null;
  supervisor_unit_id: number | null;
  agent_unit_id: number | null;
  designer_unit_id: number | null;
  basis_doc: string | null;
  basis_doc_no: string | null;
  tags: Generated<string[]>;
  stage: string;
  planned_start: DateString | null;
  planned_completion: DateString | null;
  planned_production: DateString | null;
  actual_start: DateString | null;
  actual_completion: DateString | null;
  actual_production: DateString | null;
  /** 起报月份: the first day of the first month the project owes a report */
  reports_from: ColumnType<string, string | undefined, string>;
  leader_position_id: number | null;
  responsible_unit_id: number | null;
  responsible_person_id: number | null;
  handling_officer_id: number | null;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Created;
  updated_at: Timestamp;
}

export interface ProjectCoUnitsTable {
  project_id: number;
  unit_id: number;
}

export interface ProjectTeamTable {
  project_id: number;
  person_id: number;
  duty: string | null;
}

export interface ProjectStageEventsTable {
  id: Generated<number>;
  project_id: number;
  stage: string;
  date: DateString;
  reason: string | null;
  created_at: Created;
}

export interface ProjectListsTable {
  id: Generated<number>;
  year: number;
  level: string;
  name: string;
  region_code: string;
  batch_scheme: string;
  status: Generated<string>;
  published_at: Date | null;
  version: Generated<number>;
  created_at: Created;
  updated_at: Timestamp;
}

export interface ProjectListMembersTable {
  id: Generated<number>;
  list_id: number;
  project_id: number;
  batch: string;
  added_at: Timestamp;
  removed_at: Date | null;
  reason: string | null;
  /** The project's code, kept beside the membership for the members' page order (0027; set on insert). */
  project_code: Generated<string>;
}

export interface ListAdjustmentsTable {
  id: Generated<number>;
  list_id: number;
  project_id: number;
  kind: string;
  batch: string | null;
  reason: string;
  status: Generated<string>;
  requested_by: number | null;
  requested_at: Timestamp;
  decided_by: number | null;
  decided_at: Date | null;
  decision_note: string | null;
}

export interface AnnualPlansTable {
  id: Generated<number>;
  project_id: number;
  year: number;
  baseline_no: number;
  status: string;
  planned_investment: Numeric;
  monthly: ColumnType<string[], string[], string[]>;
  physical_target: string | null;
  target_start: DateString | null;
  target_completion: DateString | null;
  target_production: DateString | null;
  change_reason: string | null;
  created_by: number | null;
  created_at: Created;
  approved_by: number | null;
  approved_at: Date | null;
  effective_from: DateString | null;
  version: Generated<number>;
}

export interface PlanMilestonesTable {
  id: Generated<number>;
  plan_id: number;
  seq: number;
  name: string;
  planned_date: DateString;
  actual_date: DateString | null;
}

export interface ProcedureTemplatesTable {
  id: Generated<number>;
  name: string;
  items: ColumnType<{ name: string; category: string | null }[], string, string>;
  active: Generated<boolean>;
  version: Generated<number>;
}

export interface ProjectProceduresTable {
  id: Generated<number>;
  project_id: number;
  seq: number;
  name: string;
  category: string | null;
  status: Generated<string>;
  planned_date: DateString | null;
  done_date: DateString | null;
  doc_no: string | null;
  unit_id: number | null;
  note: string | null;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface SavedViewsTable {
  id: Generated<number>;
  user_id: number;
  page: string;
  name: string;
  query: ColumnType<Record<string, unknown>, string, string>;
  created_at: Created;
}

export interface ReportingCalendarsTable {
  region_code: string;
  year: number;
  deadline_day: Generated<number>;
  aggregation_day: Generated<number>;
  roll_to_working_day: Generated<boolean>;
  version: Generated<number>;
}

export interface CalendarCorrectionsTable {
  date: DateString;
  work: boolean;
  note: string | null;
}

export interface MonthlyReportsTable {
  id: Generated<number>;
  project_id: number;
  year: number;
  month: number;
  amendment: Generated<number>;
  current: Generated<boolean>;
  status: string;
  investment_month: Numeric;
  funds_in_place: ColumnType<Record<string, string>, string | undefined, string>;
  physical_progress: string;
  percent_complete: Numeric | null;
  land_progress: string | null;
  milestones_reached: ColumnType<{ milestoneId: number; actualDate: string }[], string | undefined, string>;
  problems: string | null;
  next_month_plan: string | null;
  signer: string | null;
  first_submitted_at: Date | null;
  submitted_at: Date | null;
  return_reason: string | null;
  amendment_reason: string | null;
  verified_by: number | null;
  verified_at: Date | null;
  created_by: number | null;
  created_at: Created;
  updated_at: Timestamp;
  version: Generated<number>;
  /** 'form' (filed in Ducha) or 'import' (a row of an imported 月度信息报表) */
  source: Generated<string>;
  imported_by: number | null;
  imported_at: Date | null;
}

export interface ReportAttachmentsTable {
  id: Generated<number>;
  report_id: number;
  name: string;
  type: string;
  size: number;
  sha256: string;
  path: string;
  created_by: number | null;
  created_at: Created;
}

export interface ReportRemindersTable {
  project_id: number;
  year: number;
  month: number;
  count: number;
  last_reminded_on: DateString;
  last_reminded_at: Generated<Date>;
  last_reminded_by: number | null;
}

export interface LightRulesTable {
  region_code: string;
  year: number;
  version: number;
  rules: ColumnType<Record<string, unknown>, string, string>;
  reason: string | null;
  created_by: number | null;
  created_at: Created;
}

export interface LightsTable {
  project_id: number;
  year: number;
  month: number;
  computed: string;
  reasons: ColumnType<
    { code: string; values: Record<string, string | number | null>; text: string }[],
    string,
    string
  >;
  streak: number;
  red_streak: number;
  referral: boolean;
  planned_to_date: Numeric;
  done_to_date: Numeric;
  annual_plan: Numeric | null;
  pace_ratio: Numeric | null;
  annual_ratio: Numeric | null;
  timeliness: string | null;
  override_color: string | null;
  override_justification: string | null;
  override_by: number | null;
  override_at: Date | null;
  closed_by_region: string;
  /** the project's code, for the board's order (codes never change) */
  project_code: string | null;
  /** the project's region code and active flag, kept by the database (migration 0028) */
  region_code: Generated<string>;
  project_active: Generated<boolean>;
}

export interface MonthClosesTable {
  region_code: string;
  year: number;
  month: number;
  status: string;
  computed_at: Date;
  published_at: Date | null;
  rules_version: number;
  indicators: ColumnType<Record<string, unknown[]>, string, string>;
  /** region code → that region's indicators in this close (every region below the close's with projects) */
  region_indicators: ColumnType<Record<string, Record<string, unknown[]>>, string | undefined, string>;
}

export interface JobRunsTable {
  id: Generated<number>;
  job: string;
  started_at: Created;
  finished_at: Date | null;
  status: string;
  detail: ColumnType<Record<string, unknown> | null, string | null, string | null>;
}

export interface ItemsTable {
  id: Generated<number>;
  code: string;
  kind: string;
  source: string;
  report_id: number | null;
  project_id: number | null;
  region_code: string;
  category: string;
  title: string;
  description: string;
  raised_by: number | null;
  raised_by_unit_id: number | null;
  raised_at: Timestamp;
  raised_on: DateString;
  responsible_unit_id: number | null;
  responsible_position_id: number | null;
  level: Generated<number>;
  status: Generated<string>;
  assigned_on: DateString | null;
  response_due: DateString | null;
  resolution_due: DateString | null;
  due_date: DateString | null;
  response_plan: string | null;
  promised_date: DateString | null;
  responded_on: DateString | null;
  resolution: string | null;
  resolved_on: DateString | null;
  closed_on: DateString | null;
  closed_by: number | null;
  return_reason: string | null;
  merged_into: number | null;
  reminder_count: Generated<number>;
  last_reminded_on: DateString | null;
  listed: Generated<boolean>;
  listed_on: DateString | null;
  listed_due: DateString | null;
  listed_reason: string | null;
  proposal_dismissed_level: number | null;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface ItemCoUnitsTable {
  item_id: number;
  unit_id: number;
}

export interface ItemEventsTable {
  id: Generated<number>;
  item_id: number;
  at: Timestamp;
  actor_id: number | null;
  action: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
}

export interface ItemAttachmentsTable {
  id: Generated<number>;
  item_id: number;
  name: string;
  type: string;
  size: number;
  sha256: string;
  path: string;
  created_by: number | null;
  created_at: Created;
}

export interface ItemCountersTable {
  prefix: string;
  year: number;
  last: number;
}

export interface ItemSettingsTable {
  id: number;
  settings: ColumnType<Record<string, unknown>, string, string>;
  version: number;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  title: string;
  body: string | null;
  entity: string;
  entity_id: string;
  dedupe_key: string | null;
  created_at: Created;
  read_at: Date | null;
}

/** Sign-in failures of usernames without an account (migration 0011): the same lock as an account's. */
export interface LoginShadowsTable {
  name: string;
  failed_attempts: number;
  locked_until: Date | null;
  updated_at: Generated<Date>;
}

export interface MeetingSeriesTable {
  id: Generated<number>;
  type: string;
  title: string;
  region_code: string;
  level: number;
  sections: string[];
  chair_position_id: number | null;
  meet_time: Generated<string>;
  place: Generated<string>;
  starts_on: DateString;
  recurrence: ColumnType<Record<string, unknown>, string, string>;
  ends: ColumnType<Record<string, unknown>, string, string>;
  attendee_unit_ids: Generated<number[]>;
  /** every date of the rhythm up to this one has been laid out (migration 0018; null: none yet) */
  laid_out_through: DateString | null;
  created_by: number | null;
  created_at: CreatedAt;
  version: Generated<number>;
}

export interface MeetingsTable {
  id: Generated<number>;
  series_id: number | null;
  seq: number | null;
  type: string;
  title: string;
  region_code: string;
  level: number;
  sections: string[];
  chair_position_id: number | null;
  held_on: DateString;
  meet_time: Generated<string>;
  place: Generated<string>;
  attendee_unit_ids: Generated<number[]>;
  status: Generated<string>;
  moved: Generated<boolean>;
  minutes_year: number | null;
  minutes_seq: number | null;
  agenda_generated_at: Date | null;
  previous_id: number | null;
  /** the rhythm's date it was laid out for (kept when moved; null when added by hand) */
  rhythm_on: DateString | null;
  reopen_count: Generated<number>;
  created_by: number | null;
  created_at: CreatedAt;
  version: Generated<number>;
}

export interface MeetingEntriesTable {
  id: Generated<number>;
  meeting_id: number;
  section: string;
  sort: number;
  title: string;
  detail: ColumnType<Record<string, unknown>, string | undefined, string>;
  item_id: number | null;
  project_id: number | null;
  unit_id: number | null;
  status: Generated<string>;
  disposition: string | null;
  disposition_note: string | null;
  disposition_date: DateString | null;
  disposed_by: number | null;
  carried_from_entry_id: number | null;
  carried_times: Generated<number>;
  generated: Generated<boolean>;
  version: Generated<number>;
}

export interface MeetingOutcomesTable {
  id: Generated<number>;
  meeting_id: number;
  entry_id: number;
  kind: string;
  note: string;
  item_id: number | null;
  step: string | null;
  tracked: Generated<boolean>;
  created_by: number | null;
  created_at: CreatedAt;
}

export interface MeetingAttendanceTable {
  meeting_id: number;
  unit_id: number;
  person_name: Generated<string>;
  status: string;
  delegate: string | null;
  reason: string | null;
}

export interface MeetingCountersTable {
  key: string;
  year: number;
  last: number;
}

export interface Database {
  regions: RegionsTable;
  units: UnitsTable;
  people: PeopleTable;
  positions: PositionsTable;
  position_holdings: PositionHoldingsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_events: AuditEventsTable;
  audit_head: AuditHeadTable;
  dictionary_items: DictionaryItemsTable;
  projects: ProjectsTable;
  project_co_units: ProjectCoUnitsTable;
  project_team: ProjectTeamTable;
  project_stage_events: ProjectStageEventsTable;
  project_lists: ProjectListsTable;
  project_list_members: ProjectListMembersTable;
  list_adjustments: ListAdjustmentsTable;
  annual_plans: AnnualPlansTable;
  plan_milestones: PlanMilestonesTable;
  procedure_templates: ProcedureTemplatesTable;
  project_procedures: ProjectProceduresTable;
  saved_views: SavedViewsTable;
  reporting_calendars: ReportingCalendarsTable;
  calendar_corrections: CalendarCorrectionsTable;
  monthly_reports: MonthlyReportsTable;
  report_attachments: ReportAttachmentsTable;
  report_reminders: ReportRemindersTable;
  light_rules: LightRulesTable;
  lights: LightsTable;
  month_closes: MonthClosesTable;
  job_runs: JobRunsTable;
  items: ItemsTable;
  item_co_units: ItemCoUnitsTable;
  item_events: ItemEventsTable;
  item_attachments: ItemAttachmentsTable;
  item_counters: ItemCountersTable;
  item_settings: ItemSettingsTable;
  notifications: NotificationsTable;
  login_shadows: LoginShadowsTable;
  meeting_series: MeetingSeriesTable;
  meetings: MeetingsTable;
  meeting_entries: MeetingEntriesTable;
  meeting_outcomes: MeetingOutcomesTable;
  meeting_attendance: MeetingAttendanceTable;
  meeting_counters: MeetingCountersTable;
  leading_groups: LeadingGroupsTable;
  inspection_firms: InspectionFirmsTable;
  inspection_experts: InspectionExpertsTable;
  inspectors: InspectorsTable;
  inspection_plans: InspectionPlansTable;
  inspection_themes: InspectionThemesTable;
  inspection_check_items: InspectionCheckItemsTable;
  inspection_draws: InspectionDrawsTable;
  inspection_draw_pool: InspectionDrawPoolTable;
  inspection_draw_picks: InspectionDrawPicksTable;
  inspections: InspectionsTable;
  inspection_members: InspectionMembersTable;
  inspection_findings: InspectionFindingsTable;
  inspection_documents: InspectionDocumentsTable;
  inspection_attachments: InspectionAttachmentsTable;
  inspection_counters: InspectionCountersTable;
  inspection_groups: InspectionGroupsTable;
  inspection_group_members: InspectionGroupMembersTable;
  inspection_group_projects: InspectionGroupProjectsTable;
  group_site_records: GroupSiteRecordsTable;
  group_site_record_attachments: GroupSiteRecordAttachmentsTable;
  assessment_schemes: AssessmentSchemesTable;
  score_rows: ScoreRowsTable;
  score_unit_months: ScoreUnitMonthsTable;
  warning_cards: WarningCardsTable;
  enterprises: EnterprisesTable;
  enterprise_evaluations: EnterpriseEvaluationsTable;
  credit_records: CreditRecordsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
