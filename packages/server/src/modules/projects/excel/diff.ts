/** Compares a checked row with what the database holds: create, update (which parts) or unchanged. */
import type { ImportError } from '@ducha/contract';
import { canonicalJson } from '../../../platform/audit/chain.ts';
import type { ImportItem } from './import-rules.ts';
import type { Existing, ProjectPart } from './types.ts';

/** The parts of a project the sheet describes, in a comparable form. */
export function projectPart(i: ImportItem, currentStage: string | null): ProjectPart {
  return {
    name: i.name,
    region_code: i.regionCode,
    sector: i.sector,
    investment_nature: i.nature,
    total_investment: i.total,
    scale: i.scale,
    address: i.address,
    owner_unit_id: i.ownerUnitId,
    stage: i.stage ?? currentStage ?? 'preliminary',
    actual_start: i.actualStart,
    actual_completion: i.actualCompletion,
    actual_production: i.actualProduction,
    reports_from: i.reportsFrom,
    planned_start: i.plannedStart,
    planned_completion: i.plannedCompletion,
    planned_production: i.plannedProduction,
    leader_position_id: i.leaderPositionId,
    responsible_unit_id: i.responsibleUnitId,
    responsible_person_id: i.responsibleId,
    handling_officer_id: i.officerId,
  };
}
export const planPart = (i: ImportItem) =>
  i.plan && {
    planned: i.plan.planned,
    monthly: i.plan.monthly,
    target: i.plan.target,
    milestones: i.plan.milestones,
    start: i.plannedStart,
    completion: i.plannedCompletion,
    production: i.plannedProduction,
  };

export type Action = 'create' | 'update' | 'unchanged';
export interface Diff {
  item: ImportItem;
  existing: Existing | undefined;
  action: Action;
  project: boolean;
  links: boolean;
  plan: boolean;
  member: boolean;
}

export function diff(item: ImportItem, existing: Existing | undefined, errors: ImportError[]): Diff {
  if (!existing)
    return {
      item,
      existing,
      action: 'create',
      project: true,
      links: true,
      plan: !!item.plan,
      member: !!item.list,
    };
  const project =
    canonicalJson(projectPart(item, existing.project.stage)) !== canonicalJson(existing.project);
  const links =
    canonicalJson([item.coUnitIds, item.team]) !== canonicalJson([existing.coUnitIds, existing.team]);
  const plan = !!item.plan && canonicalJson(planPart(item)) !== canonicalJson(existing.plan);
  const current = item.list ? existing.memberships.get(item.list.id) : undefined;
  const member = !!item.list && current !== item.list.batch;
  if (member && item.list?.published) {
    errors.push({
      row: item.row,
      column: '名单',
      value: null,
      message: '名单已发布，调入或调整批次请走名单调整审批',
    });
  }
  if (!existing.editable)
    errors.push({ row: item.row, column: '项目编号', value: item.code, message: '该项目不在您的管理范围内' });
  const action = project || links || plan || member ? 'update' : 'unchanged';
  return { item, existing, action, project, links, plan, member };
}
