/**
 * The steps of an inspection's procedure (DOMAIN §7, issue 14), one transaction each: the state
 * table and the guards (rules.ts) decide whether a step is in order, the policy who takes it; each
 * writes its document, bumps the version it was read at and records its audit event. The
 * rectification notice raises and assigns its items through the item engine in the same transaction.
 */
import {
  documentKindLabels,
  inspectionStatusLabels,
  type InspectionStatus,
  type InspectionStep,
} from '@ducha/contract';
import { sql } from 'kysely';
import { transaction, type Db, type Trx } from '../../db/connection.ts';
import { actorOf, type Ctx } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { loadCorrections } from '../../platform/calendar-corrections.ts';
import { DomainError, invalid, outOfScope } from '../../platform/errors.ts';
import { assertVersion } from '../../platform/records.ts';
import { todayInChina } from '../../platform/time.ts';
import { itemOpenOf } from '../items/index.ts';
import { formalReportBody, noticeBody } from './documents.ts';
import {
  addDocument,
  inspectionFacts,
  liveFindings,
  lockedInspection,
  siteRecordOf,
} from './inspection-repo.ts';
import { mayTake } from './policy.ts';
import { answer, numbered, opinion, rectify, type Patch, type StepCtx } from './procedure-writes.ts';
import {
  archiveBlockers,
  draftBlockers,
  formalBlockers,
  nextStatus,
  noticeInTime,
  opinionDue,
  steps,
} from './rules.ts';

const refuse = (messages: string[], status: string): never => {
  throw new DomainError(
    'INVALID_STATE',
    409,
    messages.map((message) => ({ path: 'action', message })),
    { status },
  );
};

/** Takes one step; returns the inspection's id. */
export async function takeInspectionStep(db: Db, ctx: Ctx, id: number, step: InspectionStep) {
  const actor = actorOf(ctx);
  return transaction(db, async (trx) => {
    const i = await lockedInspection(trx, actor, id);
    const status = i.status as InspectionStatus;
    if (!mayTake(actor, inspectionFacts(i), steps[step.action].by)) throw outOfScope();
    const to = nextStatus(status, step.action);
    if (to === null)
      refuse([`稽察处于“${inspectionStatusLabels[status]}”阶段，不能${label(step.action)}`], status);
    assertVersion(i.version, step.version);
    const s: StepCtx = { trx, ctx, actor, i, today: todayInChina() };
    const patch = await apply(s, step);
    await trx
      .updateTable('inspections')
      .set({ ...patch, status: to!, version: i.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'inspection',
      entityId: id,
      action: step.action,
      before: { status, version: i.version },
      after: { status: to, ...patch, step },
    });
    return id;
  });
}
const label = (a: InspectionStep['action']) =>
  ({
    notify: '发出稽察通知',
    start_site: '开始现场稽察',
    sign: '签字',
    confirm: '确认现场稽察记录',
    issue_draft: '印发征求意见稿',
    opinion: '提交书面反馈意见',
    answer: '答复反馈意见',
    formal_report: '印发正式稽察报告',
    rectify: '下达整改通知书',
    submit_results: '报送整改结果',
    plan_recheck: '安排复查',
    recheck_failed: '记录复查未通过',
    archive: '归档',
  })[a];

async function apply(s: StepCtx, step: InspectionStep): Promise<Patch> {
  const { trx, actor, i, today } = s;
  const doc = (
    kind: Parameters<typeof addDocument>[3],
    number: string | null,
    body: Record<string, unknown>,
  ) => addDocument(trx, actor.id, i.id, kind, number, { title: documentKindLabels[kind], ...body });
  switch (step.action) {
    case 'notify': {
      if (!noticeInTime(today, step.siteOn, await loadCorrections(trx)))
        refuse(['稽察通知应至少提前 3 个工作日发出，请调整现场稽察日期'], i.status);
      const number = await numbered(trx, '稽察通知', today);
      await doc('notice', number, await noticeBody(trx, actor, i, step.siteOn, today, step.note));
      return { site_on: step.siteOn, notice_on: today };
    }
    case 'start_site':
      return {};
    case 'sign': {
      const own = actor.role === 'expert';
      if (!own && !step.memberId) throw invalid('body.memberId', '请选择签字的专家');
      const r = await sql`update inspection_members m set signed_at = now()
        from inspection_experts e where e.id = m.expert_id and m.inspection_id = ${i.id}
        and m.signed_at is null and ${own ? sql`e.user_id = ${actor.id}` : sql`m.id = ${step.memberId!} and e.user_id is null`}`.execute(
        trx,
      );
      if (!Number(r.numAffectedRows))
        refuse([own ? '您已签字' : '该专家已签字，或须由专家本人登录签字'], i.status);
      return {};
    }
    case 'confirm': {
      if (await siteRecordOf(trx, i.id)) refuse(['现场稽察记录已确认'], i.status);
      const unsigned = await unsignedExperts(trx, i.id);
      if (unsigned) refuse([`尚有 ${unsigned} 名专家未签字，不能确认`], i.status);
      const findings = await liveFindings(trx, i.id);
      await doc('site_record', null, {
        confirmedBy: actor.displayName,
        confirmedOn: today,
        note: step.note,
        findings: findings.map((f) => ({ kind: f.kind, category: f.category, content: f.content })),
      });
      return {};
    }
    case 'issue_draft': {
      const blockers = draftBlockers({
        unsignedExperts: await unsignedExperts(trx, i.id),
        confirmed: !!(await siteRecordOf(trx, i.id)),
      });
      if (blockers.length) refuse(blockers, i.status);
      const due = opinionDue(today, await loadCorrections(trx));
      await doc('draft_report', null, {
        ...(await formalReportBody(trx, actor, i, today)),
        opinionDue: due,
        note: step.note,
      });
      return { opinion_due: due };
    }
    case 'opinion':
      return opinion(s, step);
    case 'answer':
      return answer(s, step);
    case 'formal_report': {
      const unanswered = await trx
        .selectFrom('inspection_findings')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('inspection_id', '=', i.id)
        .where('unit_agrees', '=', false)
        .where('answer', 'is', null)
        .where('withdrawn_at', 'is', null)
        .executeTakeFirstOrThrow();
      const blockers = formalBlockers({
        status: i.status as InspectionStatus,
        today,
        opinionDue: i.opinion_due,
        unanswered: Number(unanswered.n),
      });
      if (blockers.length) refuse(blockers, i.status);
      const number = await numbered(trx, '稽察报告', today);
      await doc('formal_report', number, {
        ...(await formalReportBody(trx, actor, i, today)),
        summary: step.summary,
        note: step.note,
      });
      return { summary: step.summary };
    }
    case 'rectify':
      return rectify(s, step);
    case 'submit_results':
      await doc('results', null, {
        summary: step.summary,
        submittedBy: actor.displayName,
        submittedOn: today,
      });
      return {};
    case 'plan_recheck':
      if (step.recheckOn < today) throw invalid('body.recheckOn', '复查日期不能早于今天');
      return { recheck_on: step.recheckOn };
    case 'recheck_failed':
      if (i.recheck_on === null) refuse(['尚未安排复查'], i.status);
      await doc('recheck', null, { passed: false, summary: step.note, on: today });
      return {};
    case 'archive': {
      const problems = (await liveFindings(trx, i.id)).filter((f) => f.kind === 'problem').length;
      const open = await trx
        .selectFrom('inspection_findings as f')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('f.inspection_id', '=', i.id)
        .where('f.item_id', 'is not', null)
        .where(itemOpenOf('f.item_id'))
        .executeTakeFirstOrThrow();
      const blockers = archiveBlockers({
        status: i.status as InspectionStatus,
        problems,
        recheckOn: i.recheck_on,
        openItems: Number(open.n),
      });
      if (blockers.length) refuse(blockers, i.status);
      await doc('recheck', null, { passed: true, summary: step.summary, on: today });
      return { archived_on: today };
    }
  }
}

const unsignedExperts = async (trx: Trx, id: number) =>
  Number(
    (
      await trx
        .selectFrom('inspection_members')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('inspection_id', '=', id)
        .where('role', '=', 'expert')
        .where('signed_at', 'is', null)
        .executeTakeFirstOrThrow()
    ).n,
  );
