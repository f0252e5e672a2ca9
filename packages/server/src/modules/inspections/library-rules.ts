/**
 * The plan's and libraries' pure rules (issue 14): a theme's eligible-project rule evaluated on a
 * project's facts (the SQL form is `projects/pool.ts`; a test holds them equal), the plan's approval
 * (four eyes) and freeze, phone masking, and the figures' definitions.
 */
import Decimal from 'decimal.js';
import type { InspectionStatus } from '../../db/types-inspections.ts';
import type { ProjectCriteria } from '../projects/index.ts';

export interface PoolFacts {
  active: boolean;
  regionPath: string;
  investmentNature: string;
  totalInvestment: string;
  plannedStart: string | null;
  actualStart: string | null;
  stage: string;
  sector: string;
  tags: readonly string[];
  fundingSources: readonly string[];
  leaderPositionId: number | null;
  /** the levels of the lists of `year` the project is currently on */
  listLevels: readonly string[];
}

const any = (want: readonly string[] | undefined, have: readonly string[]) =>
  !want?.length || want.some((w) => have.includes(w));
const inYear = (d: string | null, year: number) => d !== null && d.slice(0, 4) === String(year);

/** Whether a project of region `p.regionPath` is in the pool of region `root` under `rule` in `year`. */
export function ruleMatches(p: PoolFacts, rule: ProjectCriteria, root: string, year: number): boolean {
  if (!p.active) return false;
  if (!(p.regionPath === root || p.regionPath.startsWith(root + '.'))) return false;
  if (!any(rule.investmentNatures, [p.investmentNature])) return false;
  if (rule.minTotalInvestment !== undefined && new Decimal(p.totalInvestment).lt(rule.minTotalInvestment))
    return false;
  if (rule.startedInYear && !inYear(p.plannedStart, year) && !inYear(p.actualStart, year)) return false;
  if (!any(rule.stages, [p.stage])) return false;
  if (!any(rule.listLevels, p.listLevels)) return false;
  if (rule.leaderLinked && p.leaderPositionId === null && !p.listLevels.includes('leader')) return false;
  if (!any(rule.sectors, [p.sector])) return false;
  if (!any(rule.tags, p.tags)) return false;
  if (!any(rule.fundingSources, p.fundingSources)) return false;
  return true;
}

/** Why a plan's themes, counts and check items may not change now (null: they may). */
export const frozenReason = (status: 'draft' | 'approved'): string | null =>
  status === 'approved' ? '计划已审批，专题、计划数和检查事项已冻结，不能修改' : null;

/**
 * Four eyes: a draft is approved by the admin or by an office over the plan's region, never by the
 * one who drafted it (the admin included). Answers the refusal, or null.
 */
export function approvalRefusal(
  plan: { status: 'draft' | 'approved'; createdBy: number | null },
  actorId: number,
  overRegion: boolean,
): { status: 403 | 409; message: string } | null {
  if (!overRegion) return { status: 403, message: '只有本级或上级重点办（或系统管理员）可以审批计划' };
  if (plan.status === 'approved') return { status: 409, message: '计划已审批' };
  if (plan.createdBy === actorId)
    return { status: 403, message: '不能审批自己编制的计划，须由另一名重点办人员审批' };
  return null;
}

/** 138****5678: the first three and last four digits of a number long enough to have them. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (!digits) return '';
  if (digits.length < 8) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** An inspection is done once past its on-site step. */
export const doneStatuses: readonly InspectionStatus[] = [
  'draft_report',
  'opinion_received',
  'formal_report',
  'rectifying',
  'rechecking',
  'archived',
];
/** Its report is issued from the formal report on. */
export const reportedStatuses: readonly InspectionStatus[] = [
  'formal_report',
  'rectifying',
  'rechecking',
  'archived',
];

/** rectified / all, to 4 places; null when nothing is to be rectified. */
export const rectificationRate = (rectified: number, all: number): number | null =>
  all === 0 ? null : Math.round((rectified / all) * 10_000) / 10_000;
