/**
 * The steps of the procedure that write findings and items (DOMAIN §7): the unit's written opinion,
 * the office's answers to its disagreements, and the rectification notice raising its items through
 * the item engine in the step's transaction. Called by `procedure-steps.ts` inside its transaction.
 */
import { documentKindLabels, type InspectionStep } from '@ducha/contract';
import type { Trx } from '../../db/connection.ts';
import type { Actor, Ctx } from '../../platform/access/context.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
import { raiseItem, takeStep } from '../items/index.ts';
import { assertActive } from '../org/index.ts';
import { rectificationBody } from './documents.ts';
import { addDocument, liveFindings, type InspectionRow } from './inspection-repo.ts';
import { nextNumber } from './repo.ts';
import { rectifyBlockers } from './rules.ts';

export interface StepCtx {
  trx: Trx;
  ctx: Ctx;
  actor: Actor;
  i: InspectionRow;
  today: string;
}
export type Patch = Partial<{
  site_on: string;
  notice_on: string;
  opinion_due: string;
  rectification_due: string;
  recheck_on: string;
  archived_on: string;
  summary: string;
}>;

const refuse = (messages: string[], status: string): never => {
  throw new DomainError(
    'INVALID_STATE',
    409,
    messages.map((message) => ({ path: 'action', message })),
    { status },
  );
};
export const numbered = async (trx: Trx, prefix: string, today: string) => {
  const year = Number(today.slice(0, 4));
  return `${prefix}〔${year}〕${await nextNumber(trx, prefix, year)}号`;
};

/** The unit's written opinion: agree or disagree (with its reason) on each problem of the draft. */
export async function opinion(
  s: StepCtx,
  step: Extract<InspectionStep, { action: 'opinion' }>,
): Promise<Patch> {
  const { trx, i, today, actor } = s;
  const problems = (await liveFindings(trx, i.id)).filter((f) => f.kind === 'problem');
  const given = new Map(step.opinions.map((o) => [o.findingId, o]));
  for (const [fid] of given)
    if (!problems.some((p) => p.id === fid)) throw invalid('body.opinions', '反馈意见所指的问题不在报告中');
  for (const p of problems) {
    const o = given.get(p.id);
    if (o && !o.agrees && o.reason.length < 2) throw invalid('body.opinions', '不同意的问题须说明理由');
    await trx
      .updateTable('inspection_findings')
      .set({ unit_agrees: o ? o.agrees : true, unit_opinion: o?.reason || null, version: p.version + 1 })
      .where('id', '=', p.id)
      .execute();
  }
  await addDocument(trx, actor.id, i.id, 'opinion', null, {
    title: documentKindLabels.opinion,
    on: today,
    late: i.opinion_due !== null && today > i.opinion_due,
    note: step.note,
    opinions: problems.map((p) => ({
      findingId: p.id,
      agrees: given.get(p.id)?.agrees ?? true,
      reason: given.get(p.id)?.reason ?? '',
    })),
  });
  return {};
}

/** The office's answer to a disagreement: the finding kept, amended or withdrawn. */
export async function answer(
  s: StepCtx,
  step: Extract<InspectionStep, { action: 'answer' }>,
): Promise<Patch> {
  const { trx, i } = s;
  const f = await trx
    .selectFrom('inspection_findings')
    .selectAll()
    .where('id', '=', step.findingId)
    .where('inspection_id', '=', i.id)
    .executeTakeFirst();
  if (!f || f.withdrawn_at) throw invalid('body.findingId', '问题不存在或已撤回');
  if (f.unit_agrees !== false) throw invalid('body.findingId', '被稽察单位对此问题没有不同意见');
  if (step.outcome === 'amend' && !(step.content && step.content.length >= 2))
    throw invalid('body.content', '请填写修改后的问题内容');
  await trx
    .updateTable('inspection_findings')
    .set({
      answer: step.answer,
      content: step.outcome === 'amend' ? step.content! : f.content,
      withdrawn_at: step.outcome === 'withdraw' ? new Date() : null,
      version: f.version + 1,
    })
    .where('id', '=', f.id)
    .execute();
  return {};
}

/**
 * The rectification notice: each standing problem becomes a rectification item, raised and assigned
 * to the responsible unit with the deadline through the item engine, in this transaction.
 */
export async function rectify(
  s: StepCtx,
  step: Extract<InspectionStep, { action: 'rectify' }>,
): Promise<Patch> {
  const { trx, ctx, actor, i, today } = s;
  const problems = (await liveFindings(trx, i.id)).filter((f) => f.kind === 'problem');
  const blockers = rectifyBlockers({ problems: problems.length, today, due: step.rectificationDue });
  if (blockers.length) refuse(blockers, i.status);
  const unitId = step.responsibleUnitId ?? i.inspected_unit_id;
  if (unitId === null) throw invalid('body.responsibleUnitId', '请指定整改责任单位');
  await assertActive(trx, 'units', [unitId], 'body.responsibleUnitId', '单位不存在或已停用');
  const number = await numbered(trx, '整改通知', today);
  for (const p of problems) {
    const raised = await raiseItem(trx, ctx, {
      kind: 'rectification',
      source: 'inspection',
      projectId: i.project_id,
      category: p.category,
      title: p.content.length > 60 ? `${p.content.slice(0, 59)}…` : p.content,
      description: `${i.code} 稽察发现：${p.content}${p.basis ? `（依据：${p.basis}）` : ''}`,
    });
    await takeStep(trx, ctx, raised.id, {
      action: 'assign',
      version: 1, // a new item's first version
      responsibleUnitId: unitId,
      coUnitIds: [],
      responsibleLeaderPositionId: null,
      resolutionDue: step.rectificationDue,
      note: `${number}`,
    });
    await trx.updateTable('inspection_findings').set({ item_id: raised.id }).where('id', '=', p.id).execute();
  }
  await addDocument(trx, actor.id, i.id, 'rectification_notice', number, {
    title: documentKindLabels.rectification_notice,
    ...(await rectificationBody(trx, actor, i, today, step.rectificationDue, step.note)),
  });
  return { rectification_due: step.rectificationDue };
}
