/** Writes the changed rows of an import in one transaction: bulk inserts, per-row updates, one audit batch. */
import { sql } from 'kysely';
import { insertJson } from '../../../db/bulk.ts';
import type { Trx } from '../../../db/connection.ts';
import { actorOf, type Ctx } from '../../../platform/access/context.ts';
import { recordAudits, type AuditInput } from '../../../platform/audit/audit.ts';
import { todayInChina } from '../../../platform/time.ts';
import { planPart, projectPart, type Diff } from './diff.ts';
import type { Stage } from '@ducha/contract';
import { impliedDate } from '../rules.ts';
import type { ProjectPart } from './types.ts';

/** The day a row's stage began, as the project edit records it (`impliedDate`). */
const stageDate = (p: ProjectPart, today: string) =>
  impliedDate(
    p.stage as Stage,
    {
      actualStart: p.actual_start,
      actualCompletion: p.actual_completion,
      actualProduction: p.actual_production,
    },
    today,
  );

export async function write(trx: Trx, ctx: Ctx, diffs: Diff[]) {
  const today = todayInChina();
  const ids = new Map<string, number>();
  const creates = diffs.filter((d) => d.action === 'create');
  for (let i = 0; i < creates.length; i += 2000) {
    const chunk = creates.slice(i, i + 2000);
    const rows = await insertJson<'projects', { id: number; code: string }>(
      trx,
      'projects',
      chunk.map((d) => ({ code: d.item.code, ...projectPart(d.item, null) })),
      ['id', 'code'],
    );
    for (const r of rows) ids.set(r.code.toLowerCase(), r.id);
  }
  const idOf = (d: Diff) => d.existing?.id ?? ids.get(d.item.code.toLowerCase())!;
  if (creates.length) {
    await insertChunks(
      trx,
      'project_stage_events',
      creates.map((d) => ({
        project_id: idOf(d),
        stage: projectPart(d.item, null).stage,
        date: stageDate(projectPart(d.item, null), today),
        reason: '责任分解表导入',
      })),
    );
  }
  for (const d of diffs.filter((x) => x.action === 'update' && x.project)) {
    const part = projectPart(d.item, d.existing!.project.stage);
    await trx
      .updateTable('projects')
      .set({ ...part, version: sql`version + 1`, updated_at: new Date() })
      .where('id', '=', d.existing!.id)
      .execute();
    if (part.stage !== d.existing!.project.stage) {
      await trx
        .insertInto('project_stage_events')
        .values({
          project_id: d.existing!.id,
          stage: part.stage,
          date: stageDate(part, today),
          reason: '责任分解表导入',
        })
        .execute();
    }
  }
  const linked = diffs.filter((d) => d.links);
  const linkedIds = linked.filter((d) => d.existing).map(idOf);
  if (linkedIds.length) {
    await trx.deleteFrom('project_co_units').where('project_id', 'in', linkedIds).execute();
    await trx.deleteFrom('project_team').where('project_id', 'in', linkedIds).execute();
  }
  await insertChunks(
    trx,
    'project_co_units',
    linked.flatMap((d) => d.item.coUnitIds.map((u) => ({ project_id: idOf(d), unit_id: u }))),
  );
  await insertChunks(
    trx,
    'project_team',
    linked.flatMap((d) => d.item.team.map((p) => ({ project_id: idOf(d), person_id: p, duty: null }))),
  );
  await writePlans(
    trx,
    ctx,
    diffs.filter((d) => d.plan),
    idOf,
  );
  await insertChunks(
    trx,
    'project_list_members',
    diffs
      .filter((d) => d.member)
      .map((d) => ({
        list_id: d.item.list!.id,
        project_id: idOf(d),
        batch: d.item.list!.batch,
        reason: '责任分解表导入',
      })),
  );
  const audits: AuditInput[] = diffs.map((d) => ({
    entity: 'project',
    entityId: idOf(d),
    action: d.action === 'create' ? 'create' : 'update',
    before: d.existing
      ? { ...d.existing.project, coUnitIds: d.existing.coUnitIds, team: d.existing.team }
      : {},
    after: {
      code: d.item.code,
      ...projectPart(d.item, d.existing?.project.stage ?? null),
      coUnitIds: d.item.coUnitIds,
      team: d.item.team,
      plan: planPart(d.item) ?? undefined,
    },
    reason: '责任分解表导入',
  }));
  await recordAudits(trx, ctx, audits);
}

/**
 * Plans arrive as drafts. A project-year without a draft gets a new one (all inserted in bulk);
 * one with a draft has it replaced (row by row: few, since re-imports are mostly unchanged).
 */
async function writePlans(trx: Trx, ctx: Ctx, diffs: Diff[], idOf: (d: Diff) => number) {
  const actor = actorOf(ctx);
  const values = (d: Diff) => ({
    planned_investment: d.item.plan!.planned,
    monthly: d.item.plan!.monthly,
    physical_target: d.item.plan!.target,
    target_start: d.item.plannedStart,
    target_completion: d.item.plannedCompletion,
    target_production: d.item.plannedProduction,
  });
  const withDraft = diffs.filter((d) => d.existing?.planStatus === 'draft');
  const fresh = diffs.filter((d) => d.existing?.planStatus !== 'draft');
  const milestones: { plan_id: number; seq: number; name: string; planned_date: string }[] = [];
  const addMilestones = (planId: number, d: Diff) =>
    d.item.plan!.milestones.forEach((m, i) =>
      milestones.push({ plan_id: planId, seq: i + 1, name: m.name, planned_date: m.date }),
    );
  for (let i = 0; i < fresh.length; i += 2000) {
    const chunk = fresh.slice(i, i + 2000);
    const rows = await insertJson<'annual_plans', { id: number; project_id: number }>(
      trx,
      'annual_plans',
      chunk.map((d) => ({
        ...values(d),
        project_id: idOf(d),
        year: d.item.plan!.year,
        baseline_no: 0,
        status: 'draft',
        created_by: actor.id,
        change_reason: d.existing?.planStatus === 'approved' ? '按责任分解表导入调整' : null,
      })),
      ['id', 'project_id'],
    );
    const byProject = new Map(rows.map((r) => [r.project_id, r.id]));
    for (const d of chunk) addMilestones(byProject.get(idOf(d))!, d);
  }
  for (const d of withDraft) {
    const draft = await trx
      .selectFrom('annual_plans')
      .select(['id', 'version'])
      .where('project_id', '=', idOf(d))
      .where('year', '=', d.item.plan!.year)
      .where('status', '=', 'draft')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('annual_plans')
      .set({ ...values(d), version: draft.version + 1 })
      .where('id', '=', draft.id)
      .execute();
    await trx.deleteFrom('plan_milestones').where('plan_id', '=', draft.id).execute();
    addMilestones(draft.id, d);
  }
  await insertChunks(trx, 'plan_milestones', milestones);
}

async function insertChunks(
  trx: Trx,
  table:
    'project_co_units' | 'project_team' | 'project_list_members' | 'plan_milestones' | 'project_stage_events',
  rows: Record<string, unknown>[],
) {
  for (let i = 0; i < rows.length; i += 5000) await insertJson(trx, table, rows.slice(i, i + 5000));
}
