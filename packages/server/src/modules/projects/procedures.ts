/**
 * The 前期手续 checklist of a project: items come from a template (or are added one by one), each
 * with status, planned and done dates, document number and handling unit. An item whose planned
 * date has passed while it is neither done nor waived is overdue.
 */
import type { Procedure, procedureCreate, procedureTemplateCreate, procedureUpdate } from '@ducha/contract';
import type { z } from 'zod';
import { transaction, type Db, type Executor } from '../../db/connection.ts';
import { actorOf, type Ctx } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { forbidden, invalid, notFound } from '../../platform/errors.ts';
import { assertVersion, patchOf } from '../../platform/records.ts';
import { todayInChina } from '../../platform/time.ts';
import { unitNameOf } from '../org/index.ts';
import { canEditProject } from './policy.ts';
import { readableProject } from './projects.ts';
import { projectFacts } from './repo.ts';

/** Overdue: planned date before today and still open. Pure, so lists and exports agree. */
export const isProcedureOverdue = (p: { status: string; planned_date: string | null }, today: string) =>
  (p.status === 'pending' || p.status === 'in_progress') && p.planned_date !== null && p.planned_date < today;

const select = (db: Executor) =>
  db
    .selectFrom('project_procedures as pp')
    .select([
      'pp.id',
      'pp.project_id',
      'pp.seq',
      'pp.name',
      'pp.category',
      'pp.status',
      'pp.planned_date',
      'pp.done_date',
      'pp.doc_no',
      'pp.unit_id',
      unitNameOf('pp.unit_id').as('unit_name'),
      'pp.note',
      'pp.version',
    ]);

type Row = Awaited<ReturnType<ReturnType<typeof select>['execute']>>[number];
const present = (r: Row, today: string): Procedure => ({
  id: r.id,
  projectId: r.project_id,
  seq: r.seq,
  name: r.name,
  category: r.category,
  status: r.status as Procedure['status'],
  plannedDate: r.planned_date,
  doneDate: r.done_date,
  docNo: r.doc_no,
  unitId: r.unit_id,
  unitName: r.unit_name,
  note: r.note,
  overdue: isProcedureOverdue(r, today),
  version: r.version,
});

export async function listProcedures(db: Db, ctx: Ctx, projectId: number): Promise<Procedure[]> {
  await readableProject(db, actorOf(ctx), projectId);
  const rows = await select(db).where('pp.project_id', '=', projectId).orderBy('pp.seq').execute();
  const today = todayInChina();
  return rows.map((r) => present(r, today));
}

async function editableProject(trx: Executor, ctx: Ctx, projectId: number) {
  const actor = actorOf(ctx);
  const project = await readableProject(trx, actor, projectId);
  if (!canEditProject(actor, projectFacts(project))) throw forbidden();
}

/** Adds a template's items that the project does not have yet (by name); returns the checklist. */
export async function applyProcedureTemplate(db: Db, ctx: Ctx, projectId: number, templateId: number) {
  await transaction(db, async (trx) => {
    await editableProject(trx, ctx, projectId);
    const template = await trx
      .selectFrom('procedure_templates')
      .selectAll()
      .where('id', '=', templateId)
      .where('active', '=', true)
      .executeTakeFirst();
    if (!template) throw invalid('body.templateId', '模板不存在或已停用');
    const existing = await trx
      .selectFrom('project_procedures')
      .select(['name', 'seq'])
      .where('project_id', '=', projectId)
      .execute();
    let seq = Math.max(0, ...existing.map((e) => e.seq));
    const fresh = template.items.filter((i) => !existing.some((e) => e.name === i.name));
    if (fresh.length) {
      await trx
        .insertInto('project_procedures')
        .values(fresh.map((i) => ({ project_id: projectId, seq: ++seq, name: i.name, category: i.category })))
        .execute();
    }
    await recordAudit(trx, ctx, {
      entity: 'project',
      entityId: projectId,
      action: 'apply_procedure_template',
      after: { template: template.name, added: fresh.map((i) => i.name) },
    });
  });
  return listProcedures(db, ctx, projectId);
}

export async function addProcedure(
  db: Db,
  ctx: Ctx,
  projectId: number,
  input: z.infer<typeof procedureCreate>,
): Promise<Procedure> {
  return transaction(db, async (trx) => {
    await editableProject(trx, ctx, projectId);
    const last = await trx
      .selectFrom('project_procedures')
      .select((eb) => eb.fn.max('seq').as('n'))
      .where('project_id', '=', projectId)
      .executeTakeFirst();
    const { id } = await trx
      .insertInto('project_procedures')
      .values({
        project_id: projectId,
        seq: Number(last?.n ?? 0) + 1,
        name: input.name,
        category: input.category ?? null,
        planned_date: input.plannedDate ?? null,
        unit_id: input.unitId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const row = await select(trx).where('pp.id', '=', id).executeTakeFirstOrThrow();
    const item = present(row, todayInChina());
    await recordAudit(trx, ctx, {
      entity: 'project',
      entityId: projectId,
      action: 'add_procedure',
      after: item,
    });
    return item;
  });
}

export async function updateProcedure(
  db: Db,
  ctx: Ctx,
  id: number,
  input: z.infer<typeof procedureUpdate>,
): Promise<Procedure> {
  return transaction(db, async (trx) => {
    const row = await select(trx).where('pp.id', '=', id).executeTakeFirst();
    if (!row) throw notFound();
    await editableProject(trx, ctx, row.project_id);
    await trx
      .selectFrom('project_procedures')
      .select('id')
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    assertVersion(row.version, input.version);
    const status = input.status ?? row.status;
    if (status !== 'done' && input.doneDate) throw invalid('body.status', '填写办结日期时状态应为已办结');
    // an item that is not done has no done date: leaving 办结 clears it
    const doneDate = status !== 'done' ? null : input.doneDate === undefined ? row.done_date : input.doneDate;
    if (status === 'done' && !doneDate) throw invalid('body.doneDate', '已办结的手续须填写办结日期');
    if (doneDate && doneDate > todayInChina()) throw invalid('body.doneDate', '办结日期不能晚于今天');
    await trx
      .updateTable('project_procedures')
      .set({
        ...patchOf(input, {
          status: 'status',
          plannedDate: 'planned_date',
          doneDate: 'done_date',
          docNo: 'doc_no',
          unitId: 'unit_id',
          note: 'note',
        }),
        done_date: doneDate,
        version: row.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    const today = todayInChina();
    const after = present(await select(trx).where('pp.id', '=', id).executeTakeFirstOrThrow(), today);
    await recordAudit(trx, ctx, {
      entity: 'project',
      entityId: row.project_id,
      action: 'update_procedure',
      before: present(row, today),
      after,
    });
    return after;
  });
}

export const templatesInUse = (db: Db) =>
  db
    .selectFrom('procedure_templates')
    .select(['id', 'name', 'items', 'active'])
    .where('active', '=', true)
    .orderBy('id')
    .execute();

/** Adds a checklist template (the office's). */
export async function createTemplate(db: Db, ctx: Ctx, input: z.infer<typeof procedureTemplateCreate>) {
  const actor = actorOf(ctx);
  if (actor.role !== 'admin' && actor.role !== 'office') throw forbidden();
  return transaction(db, async (trx) => {
    const row = await trx
      .insertInto('procedure_templates')
      .values({ name: input.name, items: JSON.stringify(input.items) })
      .returning(['id', 'name', 'items', 'active'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      entity: 'procedure_template',
      entityId: row.id,
      action: 'create',
      after: { name: row.name, items: input.items },
    });
    return row;
  });
}
