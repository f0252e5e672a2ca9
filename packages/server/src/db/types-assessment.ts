/** The Kysely view of the assessment tables (migration 0023): schemes, the score ledger, 红黄牌, enterprise credit. */
import type { ColumnType, Generated } from 'kysely';
import type { SchemeConfig } from '@ducha/contract';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateString = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;
type Numeric = ColumnType<string, string, string>;

export interface AssessmentSchemesTable {
  id: Generated<number>;
  region_code: string;
  year: number;
  revision: Generated<number>;
  name: string;
  status: Generated<'draft' | 'active' | 'retired'>;
  config: Json<SchemeConfig>;
  notes: Generated<string>;
  created_by: number | null;
  created_at: CreatedAt;
  activated_by: number | null;
  activated_at: Date | null;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ScoreRowsTable {
  id: Generated<number>;
  region_code: string;
  year: number;
  month: number;
  unit_id: number;
  rule: string;
  points: Numeric;
  reason: string;
  cause_kind: 'report' | 'light' | 'item' | 'meeting' | 'inspection' | 'manual';
  cause_id: number | null;
  project_id: number | null;
  fact_key: string;
  source: 'generated' | 'manual';
  scheme_id: number;
  status: Generated<'effective' | 'pending' | 'rejected'>;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  decided_by: number | null;
  decided_at: Date | null;
  decision_note: string | null;
  exemption_status: 'requested' | 'approved' | 'rejected' | null;
  exemption_reason: string | null;
  exemption_requested_by: number | null;
  exemption_requested_at: Date | null;
  exemption_decided_by: number | null;
  exemption_decided_at: Date | null;
  exemption_note: string | null;
  version: Generated<number>;
}

export interface ScoreUnitMonthsTable {
  region_code: string;
  year: number;
  month: number;
  unit_id: number;
  planned: Numeric;
  done: Numeric;
  pace: Numeric | null;
  scheme_id: number;
  computed_at: Timestamp;
}

export interface WarningCardsTable {
  id: Generated<number>;
  region_code: string;
  unit_id: number;
  color: 'yellow' | 'red';
  year: number;
  month: number;
  trigger: string;
  trigger_detail: string;
  fact_key: string;
  notice_seq: number;
  notice: string;
  status: Generated<'issued' | 'acknowledged' | 'lifted'>;
  issued_by: number | null;
  issued_at: Timestamp;
  acknowledged_by: number | null;
  acknowledged_at: Date | null;
  acknowledgement: string | null;
  lifted_by: number | null;
  lifted_at: Date | null;
  lift_reason: string | null;
  version: Generated<number>;
}

export interface EnterprisesTable {
  id: Generated<number>;
  unit_id: number;
  region_code: string;
  kind: 'agent' | 'contractor' | 'supervisor';
  grade: 'A' | 'B' | null;
  specialties: Generated<string[]>;
  status: Generated<'admitted' | 'suspended' | 'removed'>;
  admitted_on: DateString;
  status_on: DateString;
  status_reason: string | null;
  notes: Generated<string>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface EnterpriseEvaluationsTable {
  id: Generated<number>;
  enterprise_id: number;
  year: number;
  quarter: number;
  kind: 'random' | 'focused';
  project_id: number;
  inspection_id: number | null;
  score: Numeric;
  grade: 'excellent' | 'good' | 'pass' | 'fail';
  evaluated_on: DateString;
  notes: Generated<string>;
  created_by: number | null;
  created_at: CreatedAt;
}

export interface CreditRecordsTable {
  id: Generated<number>;
  enterprise_id: number;
  kind: 'good' | 'bad';
  cause_kind: 'evaluation' | 'inspection' | 'item' | 'manual';
  cause_id: number | null;
  reason: string;
  recorded_on: DateString;
  created_by: number | null;
  created_at: CreatedAt;
}
