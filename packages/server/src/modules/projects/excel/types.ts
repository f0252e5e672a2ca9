/** The shapes an import compares: a sheet row's project part and what the database holds for it. */
import type { ImportItem } from './import-rules.ts';

/** The parts of a project the sheet describes, in a comparable form (column names of `projects`). */
export interface ProjectPart {
  name: string;
  region_code: string;
  sector: string;
  investment_nature: ImportItem['nature'];
  total_investment: string;
  scale: string | null;
  address: string | null;
  owner_unit_id: number | null;
  stage: string;
  actual_start: string | null;
  actual_completion: string | null;
  actual_production: string | null;
  reports_from: string;
  planned_start: string | null;
  planned_completion: string | null;
  planned_production: string | null;
  leader_position_id: number;
  responsible_unit_id: number;
  responsible_person_id: number | null;
  handling_officer_id: number | null;
}

/** What the database holds for one project of an import (see `loadState`). */
export interface Existing {
  id: number;
  project: ProjectPart;
  coUnitIds: number[];
  team: number[];
  plan: object | null;
  planStatus: string | null;
  memberships: Map<number, string>;
  editable: boolean;
}
