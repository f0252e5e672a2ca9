/** Project queries: one select that carries every field and the 五个一 chain, and the scope in SQL. */
import type { Project } from '@ducha/contract';
import { Decimal } from '@ducha/contract';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../../db/connection.ts';
import type { Actor } from '../../platform/access/context.ts';
import { scopeKind } from '../../platform/access/scope.ts';
import { regionCodeInScope, regionNameOf, regionPathOf, withRegionNames } from '../../platform/regions.ts';
import {
  currentHolderNameOf,
  personNameOf,
  positionNameOf,
  teamJson,
  unitNameOf,
  unitsJson,
} from '../org/index.ts';
import type { ProjectFacts } from './policy.ts';
import { reportsFromMonth } from './rules.ts';

export const projectBase = (db: Executor) => db.selectFrom('projects as p');

/** A project's columns and the names beside it, but its region's (a list's rows take those from the cached tree). */
const projectPageColumns = [
  'p.id',
  'p.code',
  'p.name',
  'p.region_code',
  'p.address',
  'p.longitude',
  'p.latitude',
  'p.sector',
  'p.scale',
  'p.investment_nature',
  'p.funding_sources',
  'p.total_investment',
  'p.owner_unit_id',
  unitNameOf('p.owner_unit_id').as('owner_name'),
  'p.contractor_unit_id',
  unitNameOf('p.contractor_unit_id').as('contractor_name'),
  'p.supervisor_unit_id',
  unitNameOf('p.supervisor_unit_id').as('supervisor_name'),
  'p.agent_unit_id',
  unitNameOf('p.agent_unit_id').as('agent_name'),
  'p.designer_unit_id',
  unitNameOf('p.designer_unit_id').as('designer_name'),
  'p.basis_doc',
  'p.basis_doc_no',
  'p.tags',
  'p.stage',
  'p.planned_start',
  'p.planned_completion',
  'p.planned_production',
  'p.actual_start',
  'p.actual_completion',
  'p.actual_production',
  'p.reports_from',
  'p.leader_position_id',
  positionNameOf('p.leader_position_id').as('leader_position_name'),
  currentHolderNameOf('p.leader_position_id').as('leader_name'),
  'p.responsible_unit_id',
  unitNameOf('p.responsible_unit_id').as('responsible_unit_name'),
  'p.responsible_person_id',
  personNameOf('p.responsible_person_id').as('responsible_person_name'),
  'p.handling_officer_id',
  personNameOf('p.handling_officer_id').as('handling_officer_name'),
  'p.active',
  'p.version',
  unitsJson(sql`select unit_id from project_co_units where project_id = p.id`).as('co_units'),
  teamJson(sql`select person_id, duty from project_team where project_id = p.id`).as('team'),
] as const;

/** Every column of `ProjectRow`, the region's name and path looked up in SQL (one project, an export, a transaction). */
export const projectColumns = [
  ...projectPageColumns,
  regionNameOf('p.region_code').as('region_name'),
  regionPathOf('p.region_code').as('region_path'),
] as const;

export type ProjectRow = {
  id: number;
  code: string;
  name: string;
  region_code: string;
  region_name: string;
  region_path: string;
  address: string | null;
  longitude: string | null;
  latitude: string | null;
  sector: string;
  scale: string | null;
  investment_nature: string;
  funding_sources: string[];
  total_investment: string;
  owner_unit_id: number | null;
  owner_name: string | null;
  contractor_unit_id: number | null;
  contractor_name: string | null;
  supervisor_unit_id: number | null;
  supervisor_name: string | null;
  agent_unit_id: number | null;
  agent_name: string | null;
  designer_unit_id: number | null;
  designer_name: string | null;
  basis_doc: string | null;
  basis_doc_no: string | null;
  tags: string[];
  stage: string;
  planned_start: string | null;
  planned_completion: string | null;
  planned_production: string | null;
  actual_start: string | null;
  actual_completion: string | null;
  actual_production: string | null;
  reports_from: string;
  leader_position_id: number | null;
  leader_position_name: string | null;
  leader_name: string | null;
  responsible_unit_id: number | null;
  responsible_unit_name: string | null;
  responsible_person_id: number | null;
  responsible_person_name: string | null;
  handling_officer_id: number | null;
  handling_officer_name: string | null;
  active: boolean;
  version: number;
  co_units: { id: number; name: string }[];
  team: { personId: number; name: string; duty: string | null }[];
};

const coord = (v: string | null) => (v === null ? null : new Decimal(v).toString());

export const presentProject = (r: ProjectRow): Project => ({
  id: r.id,
  code: r.code,
  name: r.name,
  regionCode: r.region_code,
  regionName: r.region_name,
  address: r.address,
  longitude: coord(r.longitude),
  latitude: coord(r.latitude),
  sector: r.sector,
  scale: r.scale,
  investmentNature: r.investment_nature as Project['investmentNature'],
  fundingSources: r.funding_sources,
  totalInvestment: new Decimal(r.total_investment).toFixed(2),
  owner: { id: r.owner_unit_id, name: r.owner_name },
  contractor: { id: r.contractor_unit_id, name: r.contractor_name },
  supervisor: { id: r.supervisor_unit_id, name: r.supervisor_name },
  agent: { id: r.agent_unit_id, name: r.agent_name },
  designer: { id: r.designer_unit_id, name: r.designer_name },
  basisDoc: r.basis_doc,
  basisDocNo: r.basis_doc_no,
  tags: r.tags,
  stage: r.stage as Project['stage'],
  plannedStart: r.planned_start,
  plannedCompletion: r.planned_completion,
  plannedProduction: r.planned_production,
  actualStart: r.actual_start,
  actualCompletion: r.actual_completion,
  actualProduction: r.actual_production,
  reportsFrom: reportsFromMonth(r.reports_from),
  responsibility: {
    leaderPositionId: r.leader_position_id,
    leaderPositionName: r.leader_position_name,
    leaderName: r.leader_name,
    responsibleUnitId: r.responsible_unit_id,
    responsibleUnitName: r.responsible_unit_name,
    coUnits: r.co_units,
    team: r.team,
    responsiblePersonId: r.responsible_person_id,
    responsiblePersonName: r.responsible_person_name,
    handlingOfficerId: r.handling_officer_id,
    handlingOfficerName: r.handling_officer_name,
  },
  active: r.active,
  version: r.version,
});

export const projectFacts = (r: ProjectRow): ProjectFacts => ({
  regionPath: r.region_path,
  responsibleUnitId: r.responsible_unit_id,
  coUnitIds: r.co_units.map((u) => u.id),
  ownerUnitId: r.owner_unit_id,
});

export const findProjectRow = (db: Executor, id: number) =>
  projectBase(db).select(projectColumns).where('p.id', '=', id).executeTakeFirst() as Promise<
    ProjectRow | undefined
  >;

/** Every field of the projects with these ids (any order; a page's rows: the regions' names from the cached tree). */
export const projectRowsByIds = async (db: Executor, ids: readonly number[]): Promise<ProjectRow[]> =>
  ids.length
    ? withRegionNames(
        db,
        (await projectBase(db).select(projectPageColumns).where('p.id', 'in', ids).execute()) as Omit<
          ProjectRow,
          'region_name' | 'region_path'
        >[],
      )
    : [];

/**
 * SQL: the project `p` is one the unit leads (责任单位) or co-operates on (配合单位). An id list of
 * both, each from its index, rather than `or exists (…)`, which can only be checked row by row;
 * computed once as an array, so the projects are then fetched by id (an `in (subquery)` was
 * planned as a hash join against every project).
 */
export const unitProjectsSql = (unitId: number) =>
  sql<SqlBool>`p.id = any(array(select id from projects where responsible_unit_id = ${unitId}
    union all select project_id from project_co_units where unit_id = ${unitId}))`;

/** The projects an actor may read, as SQL over the `projectBase` aliases (same rules as policy.ts). */
export function projectScopeSql(a: Actor): Expression<SqlBool> | null {
  switch (scopeKind(a)) {
    case 'global':
      return null;
    case 'region':
      return regionCodeInScope(a, 'p.region_code');
    case 'unit':
      return unitProjectsSql(a.unitId ?? -1);
    case 'own':
      return a.role === 'reporter' ? sql<SqlBool>`p.owner_unit_id = ${a.unitId ?? -1}` : sql<SqlBool>`false`;
  }
}
