/**
 * A draw's pool, frozen at publication: the candidate projects per theme and the active, available
 * experts per specialty, numbered (projects 1…P across the themes in their published order, each
 * theme's by code; experts 1…E across the specialties, each by id), each expert with the pool
 * numbers of the projects it may not inspect. Also the reverse: the published part rebuilt from the
 * stored pool rows, so a changed row shows as a changed SHA-256.
 */
import type { DrawPublished, DrawStratum } from '@ducha/contract';
import type { Executor } from '../../db/connection.ts';
import type { AvailabilityWindow } from '../../db/types-inspections.ts';
import { invalid } from '../../platform/errors.ts';
import { inPath } from '../../platform/access/scope.ts';
import { projectParties } from '../projects/index.ts';
import { availableOn, conflictOf, drawRulesText } from './draw-policy.ts';

/** A draft's strata as stored in `inspection_draws.counts`. */
export interface DraftStrata {
  projects: { themeId: number; count: number; projectIds: number[] }[];
  experts: { specialty: string; count: number }[];
}

export interface DraftFacts {
  id: number;
  title: string;
  regionCode: string;
  regionName: string;
  regionPath: string;
  planId: number;
  planYear: number;
  siteOn: string | null;
  strata: DraftStrata;
  sources: DrawPublished['sources'];
}

/** The themes of a plan, by id (a draft's strata must name the plan's own themes). */
export async function planThemes(db: Executor, planId: number) {
  const rows = await db
    .selectFrom('inspection_themes')
    .select(['id', 'name', 'sort'])
    .where('plan_id', '=', planId)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Checks a draft's strata against the plan's themes and the region's projects (400 at the field). */
export async function checkStrata(db: Executor, planId: number, regionPath: string, strata: DraftStrata) {
  const themes = await planThemes(db, planId);
  const seen = new Set<number>();
  strata.projects.forEach((s, n) => {
    if (!themes.has(s.themeId)) throw invalid(`body.projects.${n}.themeId`, '专题不属于该年度计划');
    if (seen.has(s.themeId)) throw invalid(`body.projects.${n}.themeId`, '同一专题只能设置一次');
    seen.add(s.themeId);
    if (new Set(s.projectIds).size !== s.projectIds.length)
      throw invalid(`body.projects.${n}.projectIds`, '候选项目有重复');
  });
  const ids = [...new Set(strata.projects.flatMap((s) => s.projectIds))];
  const parties = new Map((await projectParties(db, ids)).map((p) => [p.id, p]));
  strata.projects.forEach((s, n) =>
    s.projectIds.forEach((id) => {
      const p = parties.get(id);
      if (!p || !p.active || !inPath(p.region_path, regionPath))
        throw invalid(`body.projects.${n}.projectIds`, `项目 ${id} 不存在、已停用或不在本区划内`);
    }),
  );
  const specs = strata.experts.map((e) => e.specialty);
  if (new Set(specs).size !== specs.length) throw invalid('body.experts', '同一专业只能设置一次');
  return themes;
}

/** The published part of a draft: its pool numbered and its experts' conflicts computed. */
export async function buildPublished(
  db: Executor,
  d: DraftFacts,
  publishedOn: string,
): Promise<DrawPublished> {
  const themes = await checkStrata(db, d.planId, d.regionPath, d.strata);
  const ids = [...new Set(d.strata.projects.flatMap((s) => s.projectIds))];
  const parties = new Map((await projectParties(db, ids)).map((p) => [p.id, p]));
  let seq = 0;
  const projects: DrawStratum[] = d.strata.projects.map((s) => ({
    stratum: themes.get(s.themeId)!.name,
    themeId: s.themeId,
    count: s.count,
    pool: s.projectIds
      .map((id) => parties.get(id)!)
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.id - b.id))
      .map((p) => ({ seq: ++seq, id: p.id, label: `${p.code} ${p.name}` })),
  }));
  const projectSeqs = projects.flatMap((s) => s.pool.map((e) => ({ seq: e.seq, p: parties.get(e.id)! })));
  const specialties = d.strata.experts.map((e) => e.specialty);
  const experts = specialties.length
    ? await db
        .selectFrom('inspection_experts')
        .select(['id', 'name', 'title', 'employer', 'specialty', 'employer_unit_id'])
        .select(['conflict_unit_ids', 'conflict_project_ids', 'availability'])
        .where('region_code', '=', d.regionCode)
        .where('specialty', 'in', specialties)
        .where('active', '=', true)
        .orderBy('id')
        .execute()
    : [];
  let eseq = 0;
  const expertStrata: DrawStratum[] = d.strata.experts.map((s) => ({
    stratum: s.specialty,
    count: s.count,
    pool: experts
      .filter((e) => e.specialty === s.specialty)
      .filter((e) => availableOn(e.availability as AvailabilityWindow[], d.siteOn))
      .map((e) => {
        const facts = {
          employerUnitId: e.employer_unit_id,
          conflictUnitIds: e.conflict_unit_ids,
          conflictProjectIds: e.conflict_project_ids,
        };
        const conflicts = projectSeqs
          .filter(({ p }) =>
            conflictOf(facts, {
              id: p.id,
              ownerUnitId: p.owner_unit_id,
              contractorUnitId: p.contractor_unit_id,
              supervisorUnitId: p.supervisor_unit_id,
              designerUnitId: p.designer_unit_id,
              agentUnitId: p.agent_unit_id,
              responsibleUnitId: p.responsible_unit_id,
            }),
          )
          .map(({ seq: n }) => n);
        const who = [e.title, e.employer].filter(Boolean).join('，');
        return { seq: ++eseq, id: e.id, label: who ? `${e.name}（${who}）` : e.name, conflicts };
      }),
  }));
  return {
    format: 'ducha-draw/1',
    drawId: d.id,
    title: d.title,
    regionCode: d.regionCode,
    regionName: d.regionName,
    planId: d.planId,
    planYear: d.planYear,
    siteOn: d.siteOn,
    publishedOn,
    rules: drawRulesText(d.siteOn),
    sources: d.sources,
    projects,
    experts: expertStrata,
  };
}

/** The pool rows of a published part, for `inspection_draw_pool`. */
export const poolRows = (drawId: number, pub: DrawPublished) => [
  ...pub.projects.flatMap((s) =>
    s.pool.map((e) => ({
      draw_id: drawId,
      kind: 'project' as const,
      stratum: s.stratum,
      seq: e.seq,
      ref_id: e.id,
      label: e.label,
    })),
  ),
  ...pub.experts.flatMap((s) =>
    s.pool.map((e) => ({
      draw_id: drawId,
      kind: 'expert' as const,
      stratum: s.stratum,
      seq: e.seq,
      ref_id: e.id,
      label: e.label,
      conflicts: e.conflicts ?? [],
    })),
  ),
];

/** The published part with its pool read back from the stored rows (what the draw really uses). */
export async function publishedFromRows(
  db: Executor,
  drawId: number,
  pub: DrawPublished,
): Promise<DrawPublished> {
  const rows = await db
    .selectFrom('inspection_draw_pool')
    .select(['kind', 'stratum', 'seq', 'ref_id', 'label', 'conflicts'])
    .where('draw_id', '=', drawId)
    .orderBy('kind')
    .orderBy('seq')
    .execute();
  const of = (kind: 'project' | 'expert', s: DrawStratum): DrawStratum => ({
    ...s,
    pool: rows
      .filter((r) => r.kind === kind && r.stratum === s.stratum)
      .map((r) => ({
        seq: r.seq,
        id: r.ref_id,
        label: r.label,
        ...(kind === 'expert' ? { conflicts: r.conflicts } : {}),
      })),
  });
  return {
    ...pub,
    projects: pub.projects.map((s) => of('project', s)),
    experts: pub.experts.map((s) => of('expert', s)),
  };
}
