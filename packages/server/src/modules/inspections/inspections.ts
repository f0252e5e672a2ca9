/**
 * The use cases of one inspection (DOMAIN §7, issue 14): create it by hand (the office over the
 * project's region, with its members) and record its findings on site. The steps of the procedure
 * are in `procedure-steps.ts`. Every write runs in one transaction with its audit event.
 */
import type { findingCreate, inspectionCreate } from '@ducha/contract';
import type { z } from 'zod';
import { transaction, type Db, type Trx } from '../../db/connection.ts';
import { actorOf, type Ctx } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, invalid, outOfScope } from '../../platform/errors.ts';
import { assertVersion } from '../../platform/records.ts';
import { todayInChina } from '../../platform/time.ts';
import { assertActive } from '../org/index.ts';
import { readableProject } from '../projects/index.ts';
import { inspectionFacts, lockedInspection, siteRecordOf } from './inspection-repo.ts';
import { canManageInspection, mayAddFinding } from './policy.ts';
import { nextInspectionCode } from './repo.ts';

async function checkIds(trx: Trx, table: 'inspection_experts' | 'inspectors', ids: number[], path: string) {
  if (!ids.length) return;
  const rows = await trx
    .selectFrom(table)
    .select('id')
    .where('id', 'in', ids)
    .where('active', '=', true)
    .execute();
  if (rows.length !== new Set(ids).size)
    throw invalid(path, table === 'inspectors' ? '稽察人员不存在或已停用' : '专家不存在或已停用');
}

async function checkPlan(trx: Trx, planId: number | null, themeId: number | null) {
  if (themeId !== null) {
    const t = await trx
      .selectFrom('inspection_themes')
      .select('plan_id')
      .where('id', '=', themeId)
      .executeTakeFirst();
    if (!t) throw invalid('body.themeId', '稽察专题不存在');
    if (planId !== null && t.plan_id !== planId) throw invalid('body.themeId', '专题不属于所选的年度计划');
    return t.plan_id;
  }
  if (planId !== null) {
    const p = await trx
      .selectFrom('inspection_plans')
      .select('id')
      .where('id', '=', planId)
      .executeTakeFirst();
    if (!p) throw invalid('body.planId', '年度稽察计划不存在');
  }
  return planId;
}

/** A new inspection in state planned, numbered JC-<year>-NNN. Returns its id. */
export async function createInspection(db: Db, ctx: Ctx, input: z.infer<typeof inspectionCreate>) {
  const actor = actorOf(ctx);
  return transaction(db, async (trx) => {
    const p = await readableProject(trx, actor, input.projectId);
    if (!canManageInspection(actor, p.region_path)) throw outOfScope();
    const planId = await checkPlan(trx, input.planId ?? null, input.themeId ?? null);
    const unitId = input.inspectedUnitId ?? p.responsible_unit_id;
    if (unitId === null) throw invalid('body.inspectedUnitId', '项目尚未明确责任单位，请指定被稽察单位');
    await assertActive(trx, 'units', [unitId], 'body.inspectedUnitId', '单位不存在或已停用');
    await checkIds(trx, 'inspection_experts', input.expertIds, 'body.expertIds');
    const inspectorIds = [...input.inspectorIds];
    await checkIds(
      trx,
      'inspectors',
      [...inspectorIds, ...(input.leaderInspectorId ? [input.leaderInspectorId] : [])],
      'body.inspectorIds',
    );
    const code = await nextInspectionCode(trx, Number(todayInChina().slice(0, 4)));
    const row = await trx
      .insertInto('inspections')
      .values({
        region_code: p.region_code,
        plan_id: planId,
        theme_id: input.themeId ?? null,
        project_id: p.id,
        inspected_unit_id: unitId,
        code,
        kind: input.kind,
        site_on: input.siteOn ?? null,
        summary: input.summary,
        created_by: actor.id,
        updated_at: new Date(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const members = [
      ...(input.leaderInspectorId
        ? [{ role: 'leader' as const, inspector_id: input.leaderInspectorId }]
        : []),
      ...[...new Set(input.expertIds)].map((e) => ({ role: 'expert' as const, expert_id: e })),
      ...[...new Set(inspectorIds)]
        .filter((i) => i !== input.leaderInspectorId)
        .map((i) => ({ role: 'inspector' as const, inspector_id: i })),
    ];
    if (members.length)
      await trx
        .insertInto('inspection_members')
        .values(members.map((m) => ({ inspection_id: row.id, ...m })))
        .execute();
    await recordAudit(trx, ctx, {
      entity: 'inspection',
      entityId: row.id,
      action: 'create',
      after: { ...row, members },
    });
    return row.id;
  });
}

/** A problem or suggestion of the on-site record, by the office or an expert or inspector member. */
export async function addFinding(db: Db, ctx: Ctx, id: number, input: z.infer<typeof findingCreate>) {
  const actor = actorOf(ctx);
  return transaction(db, async (trx) => {
    const i = await lockedInspection(trx, actor, id);
    if (!mayAddFinding(actor, inspectionFacts(i), i.status)) {
      if (i.status !== 'on_site')
        throw new DomainError('INVALID_STATE', 409, [
          { path: 'status', message: '只能在现场稽察阶段记录问题和建议' },
        ]);
      throw outOfScope();
    }
    assertVersion(i.version, input.version);
    if (await siteRecordOf(trx, id))
      throw new DomainError('INVALID_STATE', 409, [
        { path: 'status', message: '现场稽察记录已经被稽察单位确认，不能再增加' },
      ]);
    const { max } = await trx
      .selectFrom('inspection_findings')
      .select((eb) => eb.fn.max('sort').as('max'))
      .where('inspection_id', '=', id)
      .executeTakeFirstOrThrow();
    const row = await trx
      .insertInto('inspection_findings')
      .values({
        inspection_id: id,
        kind: input.kind,
        sort: (Number(max) || 0) + 1,
        category: input.category,
        content: input.content,
        basis: input.basis,
        created_by: actor.id,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    // a finding changes the record the experts signed: their sign-offs are taken again
    await trx
      .updateTable('inspection_members')
      .set({ signed_at: null })
      .where('inspection_id', '=', id)
      .execute();
    await trx
      .updateTable('inspections')
      .set({ version: i.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx, { entity: 'inspection', entityId: id, action: 'add_finding', after: row });
    return row.id;
  });
}
