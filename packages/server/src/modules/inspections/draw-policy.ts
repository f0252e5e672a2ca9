/**
 * Who may see and run which draw, and which expert may not inspect which project (pure). The office
 * over the draw's region drafts, publishes, draws and records declines (the admin anywhere); offices
 * and leaders read the draws of their region subtree; everybody else sees a draw only through the
 * public pages (一公开) once it is published.
 */
import type { Actor } from '../../platform/access/context.ts';
import { inRegionSubtree, officeOver, scopeKind } from '../../platform/access/scope.ts';

export function canReadDraw(a: Actor, regionPath: string): boolean {
  if (scopeKind(a) === 'global') return true;
  return (a.role === 'office' || a.role === 'leader') && inRegionSubtree(a, regionPath);
}

export const canManageDraw = (a: Actor, regionPath: string): boolean => officeOver(a, regionPath);

/** The conflict facts of an expert of the library. */
export interface ExpertConflictFacts {
  employerUnitId: number | null;
  conflictUnitIds: readonly number[];
  conflictProjectIds: readonly number[];
}

/** The parties of a project the conflict rules look at. */
export interface ProjectPartyFacts {
  id: number;
  ownerUnitId: number | null;
  contractorUnitId: number | null;
  supervisorUnitId: number | null;
  designerUnitId: number | null;
  agentUnitId: number | null;
  /** the lead (responsible) unit: "the same unit as the inspected" */
  responsibleUnitId: number | null;
}

export type ConflictReason = 'employer_party' | 'employer_lead' | 'declared_unit' | 'declared_project';

export const conflictReasonLabels: Record<ConflictReason, string> = {
  employer_party: '专家所在单位是项目的建设、施工、监理、设计或代建单位',
  employer_lead: '专家所在单位是项目的责任单位（与被稽察单位为同一单位）',
  declared_unit: '专家申报的回避单位是项目的参建或责任单位',
  declared_project: '专家申报回避该项目',
};

const parties = (p: ProjectPartyFacts) =>
  [p.ownerUnitId, p.contractorUnitId, p.supervisorUnitId, p.designerUnitId, p.agentUnitId].filter(
    (u): u is number => u !== null,
  );

/** Why an expert may not inspect a project, or null when it may. */
export function conflictOf(e: ExpertConflictFacts, p: ProjectPartyFacts): ConflictReason | null {
  const units = parties(p);
  if (e.employerUnitId !== null && units.includes(e.employerUnitId)) return 'employer_party';
  if (e.employerUnitId !== null && e.employerUnitId === p.responsibleUnitId) return 'employer_lead';
  if (e.conflictProjectIds.includes(p.id)) return 'declared_project';
  const all = p.responsibleUnitId === null ? units : [...units, p.responsibleUnitId];
  if (e.conflictUnitIds.some((u) => all.includes(u))) return 'declared_unit';
  return null;
}

/** Is an expert available on the planned site date? No windows: always; no date: yes. */
export function availableOn(windows: readonly { from: string; to: string }[], on: string | null): boolean {
  if (!on || !windows.length) return true;
  return windows.some((w) => w.from <= on && on <= w.to);
}

/** The rules in words, as the published document states them. */
export const drawRulesText = (siteOn: string | null): string[] => [
  '按 RFC 3797 公开可验证随机抽取：关键字串由各随机源的值组成（每个源的数字去掉前导零、除有序源外按数值升序排列、每个数字后加“.”、每个源以“/”结束）；第 i 步（i 从 0 起）计算 MD5(i 的两字节大端 ‖ 关键字串 ‖ i 的两字节大端)，作为 128 位无符号整数除以剩余候选数取余，余数 r 即剩余候选中按编号升序的第 r+1 个（r 从 0 起），抽中后移出。',
  '先按公布顺序逐个专题抽取项目，再按公布顺序逐个专业抽取专家，抽取序号 i 全程连续。',
  '专家在以下情形须回避，不参与其所冲突的已抽中项目所在抽取：所在单位是项目的建设、施工、监理、设计或代建单位；所在单位是项目的责任单位（与被稽察单位为同一单位）；专家申报回避该项目或其参建、责任单位。名单中每名专家后列出其须回避的项目编号；凡与任一已抽中项目冲突的专家不参加该专业的抽取。',
  siteOn
    ? `现场检查日期为 ${siteOn}，该日不在可用时段内的专家、已停用的专家不列入候选名单。`
    : '未定现场检查日期；已停用的专家不列入候选名单。',
  '抽中专家回避或谢绝的，记录原因，并以下一个抽取序号 i 从该专业剩余的符合条件专家中递补。',
  '公布内容（本文件 published 部分）按键名排序、无空白的 JSON（UTF-8）计算 SHA-256，公布后候选名单不得更改。',
];
