/**
 * Quarterly evaluations of firms (代建考评, issue 15; seed 003: 随机抽查 + 重点检查): one per firm,
 * quarter and project, optionally from an inspection of that project, scored 0–100 and graded by
 * the rules. An 优秀 writes a good credit record and a 不合格 a bad one in the same transaction,
 * linked to the evaluation (cause `evaluation`). Written by the office over the project.
 */
import type { evaluationCreate, evaluationExportQuery, evaluationQuery } from '@ducha/contract';
import { sql } from 'kysely';
import type { z } from 'zod';
import { transaction, type Db, type Executor } from '../../db/connection.ts';
import { actorOf, type Ctx } from '../../platform/access/context.ts';
import { userNameOf } from '../../platform/auth/accounts.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { paged } from '../../platform/records.ts';
import { regionCodeUnderCode } from '../../platform/regions.ts';
import { readableInspection } from '../inspections/index.ts';
import { unitNameOf } from '../org/index.ts';
import { projectNameOf, projectRegionPaths } from '../projects/index.ts';
import { canEvaluate } from './credit-policy.ts';
import {
  creditOfGrade,
  evaluable,
  evaluatedTooEarly,
  evaluationReason,
  gradeOf,
  quarterStart,
} from './credit-rules.ts';
import { enterpriseScopeSql, readableEnterprise } from './enterprises.ts';

const columns = [
  'v.id',
  'v.enterprise_id',
  'v.year',
  'v.quarter',
  'v.kind',
  'v.project_id',
  'v.inspection_id',
  'v.score',
  'v.grade',
  'v.evaluated_on',
  'v.notes',
] as const;
const display = [
  sql<string | null>`(select ${unitNameOf('e.unit_id')} from enterprises e where e.id = v.enterprise_id)`.as(
    'enterprise_name',
  ),
  projectNameOf('v.project_id').as('project_name'),
  userNameOf('v.created_by').as('creator'),
  sql<number | null>`(select c.id from credit_records c where c.enterprise_id = v.enterprise_id
    and c.cause_kind = 'evaluation' and c.cause_id = v.id)`.as('credit_record_id'),
] as const;

const selectEvaluation = (db: Executor) =>
  db.selectFrom('enterprise_evaluations as v').select(columns).select(display);
type Row = Awaited<ReturnType<ReturnType<typeof selectEvaluation>['executeTakeFirstOrThrow']>>;

export const presentEvaluation = (r: Row) => ({
  id: r.id,
  enterpriseId: r.enterprise_id,
  enterpriseName: r.enterprise_name ?? String(r.enterprise_id),
  year: r.year,
  quarter: r.quarter,
  kind: r.kind,
  projectId: r.project_id,
  projectName: r.project_name,
  inspectionId: r.inspection_id,
  score: Number(r.score).toFixed(2),
  grade: r.grade,
  evaluatedOn: r.evaluated_on,
  notes: r.notes,
  creditRecordId: r.credit_record_id,
  createdBy: r.creator,
});

export async function getEvaluation(db: Executor, ctx: Ctx, id: number) {
  const r = await selectEvaluation(db).where('v.id', '=', id).executeTakeFirst();
  if (!r) throw notFound();
  await readableEnterprise(db, ctx, r.enterprise_id);
  return presentEvaluation(r);
}

type Filters = Partial<z.infer<typeof evaluationExportQuery>> &
  Omit<z.infer<typeof evaluationQuery>, 'page' | 'pageSize' | 'year' | 'quarter' | 'regionCode'>;

function filtered(db: Executor, ctx: Ctx, q: Filters) {
  let base = db.selectFrom('enterprise_evaluations as v').where(enterpriseScopeSql(ctx, 'v.enterprise_id'));
  if (q.enterpriseId) base = base.where('v.enterprise_id', '=', q.enterpriseId);
  if (q.regionCode) {
    const code = q.regionCode;
    base = base.where(
      sql<boolean>`exists (select 1 from enterprises r where r.id = v.enterprise_id and ${regionCodeUnderCode('r.region_code', code)})`,
    );
  }
  if (q.year) base = base.where('v.year', '=', q.year);
  if (q.quarter) base = base.where('v.quarter', '=', q.quarter);
  if (q.kind) base = base.where('v.kind', '=', q.kind);
  if (q.grade) base = base.where('v.grade', '=', q.grade);
  return base;
}

export const listEvaluations = (db: Db, ctx: Ctx, q: z.infer<typeof evaluationQuery>) =>
  paged(
    db,
    filtered(db, ctx, q),
    (b) =>
      b
        .select(columns)
        .select(display)
        .orderBy('v.year', 'desc')
        .orderBy('v.quarter', 'desc')
        .orderBy('v.id', 'desc'),
    { page: q.page, pageSize: q.pageSize, present: presentEvaluation },
  );

/** A quarter's evaluations, best score first, for the 考评情况 export. */
export const quarterEvaluations = async (db: Db, ctx: Ctx, q: z.infer<typeof evaluationExportQuery>) =>
  (
    await filtered(db, ctx, q)
      .select(columns)
      .select(display)
      .orderBy('v.score', 'desc')
      .orderBy('v.id')
      .limit(10_000)
      .execute()
  ).map(presentEvaluation);

const refused = (path: string, message: string) => new DomainError('INVALID_STATE', 409, [{ path, message }]);

export async function createEvaluation(db: Db, ctx: Ctx, input: z.infer<typeof evaluationCreate>) {
  const a = actorOf(ctx);
  const firm = await readableEnterprise(db, ctx, input.enterpriseId).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === 'NOT_FOUND') throw invalid('body.enterpriseId', '企业不存在');
    throw e;
  });
  const projectPath = (await projectRegionPaths(db, [input.projectId])).get(input.projectId);
  if (projectPath === undefined) throw invalid('body.projectId', '项目不存在');
  if (!canEvaluate(a, projectPath)) throw outOfScope();
  if (!evaluable(firm.status)) throw refused('body.enterpriseId', '已清出的企业不再考评');
  if (evaluatedTooEarly(input.year, input.quarter, input.evaluatedOn))
    throw invalid(
      'body.evaluatedOn',
      `考评日期不能早于所评季度的首日 ${quarterStart(input.year, input.quarter)}`,
    );
  if (input.inspectionId !== null) {
    const inspection = await readableInspection(db, a, input.inspectionId).catch((e: unknown) => {
      if (e instanceof DomainError && e.code === 'NOT_FOUND')
        throw invalid('body.inspectionId', '稽察不存在');
      throw e;
    });
    if (inspection.project_id !== input.projectId)
      throw invalid('body.inspectionId', '该稽察不是对所评项目的稽察');
  }
  const grade = gradeOf(input.score);
  const id = await transaction(db, async (trx) => {
    const dup = await trx
      .selectFrom('enterprise_evaluations')
      .select('id')
      .where('enterprise_id', '=', input.enterpriseId)
      .where('year', '=', input.year)
      .where('quarter', '=', input.quarter)
      .where('project_id', '=', input.projectId)
      .executeTakeFirst();
    if (dup) throw refused('body.projectId', '该企业本季度在此项目上已有考评');
    const row = await trx
      .insertInto('enterprise_evaluations')
      .values({
        enterprise_id: input.enterpriseId,
        year: input.year,
        quarter: input.quarter,
        kind: input.kind,
        project_id: input.projectId,
        inspection_id: input.inspectionId,
        score: input.score,
        grade,
        evaluated_on: input.evaluatedOn,
        notes: input.notes,
        created_by: a.id,
      })
      .returning(['id', 'enterprise_id', 'year', 'quarter', 'kind', 'project_id', 'score', 'grade'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      entity: 'enterprise_evaluation',
      entityId: row.id,
      action: 'create',
      after: row,
    });
    const credit = creditOfGrade(grade);
    if (credit) {
      const name = (await selectEvaluation(trx).where('v.id', '=', row.id).executeTakeFirstOrThrow())
        .project_name;
      const rec = await trx
        .insertInto('credit_records')
        .values({
          enterprise_id: input.enterpriseId,
          kind: credit,
          cause_kind: 'evaluation',
          cause_id: row.id,
          reason: evaluationReason({ ...input, grade, projectName: name }),
          recorded_on: input.evaluatedOn,
          created_by: a.id,
        })
        .returning(['id', 'enterprise_id', 'kind', 'cause_kind', 'cause_id', 'reason'])
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        entity: 'credit_record',
        entityId: rec.id,
        action: 'create',
        after: rec,
      });
    }
    return row.id;
  });
  return getEvaluation(db, ctx, id);
}
