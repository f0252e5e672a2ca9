/**
 * Taking a step on an item: the state machine of rules.ts decides whether it may happen; one
 * function per step (a table) says what it changes; this applies it under the item's row lock in
 * the caller's transaction, records the handling event and the audit event, and tells the units
 * (in the same transaction, so a refused step tells nobody).
 */
import {
  itemActionLabels,
  itemStatusLabels,
  type ItemKind,
  type ItemSettings,
  type ItemStatus,
  type ItemStep,
} from '@ducha/contract';
import { type Updateable } from 'kysely';
import type { Trx } from '../../db/connection.ts';
import type { ItemsTable } from '../../db/types.ts';
import { actorOf, type Actor, type Ctx } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, forbidden, invalid } from '../../platform/errors.ts';
import { notifyUnits, type Notice } from '../../platform/notify.ts';
import { assertVersion } from '../../platform/records.ts';
import { todayInChina } from '../../platform/time.ts';
import { loadCorrections } from '../../platform/calendar-corrections.ts';
import { assertActive, positionExists } from '../org/index.ts';
import { projectLeaderPosition } from '../projects/index.ts';
import { checkCategory, itemFacts, lockedItem, readableItem } from './items.ts';
import { standing } from './policy.ts';
import { addItemEvent, replaceCoUnits, updateItem, type ItemRow } from './repo.ts';
import { allowedActions, dueDate, responseDays, responseDue, steps } from './rules.ts';
import { loadItemSettings } from './settings.ts';

interface Applied {
  set: Updateable<ItemsTable>;
  note: string | null;
  notice?: Omit<Notice, 'entity' | 'entityId'> & { units: number[] };
}

type Action = ItemStep['action'];
type StepOf<A extends Action> = Extract<ItemStep, { action: A }>;

/** What a step function is given: the locked row, the step's input, today and the settings. */
interface StepContext<A extends Action> {
  trx: Trx;
  actor: Actor;
  row: ItemRow;
  step: StepOf<A>;
  today: string;
  settings: ItemSettings;
}

const notFuture = (path: string, date: string | null | undefined, today: string) => {
  if (date && date < today) throw invalid(path, '日期不能早于今天');
};

function refuse(row: ItemRow, allowed: string[], message: string): never {
  throw new DomainError('INVALID_STATE', 409, [{ path: 'action', message }], {
    status: row.status,
    allowed,
  });
}

/** 办理时限 after a change: the listing deadline while listed, else the promise, else the assignment's. */
const dueAfter = (row: ItemRow, over: Partial<Parameters<typeof dueDate>[0]>) =>
  dueDate({
    listed: row.listed,
    listedDue: row.listed_due,
    promisedDate: row.promised_date,
    resolutionDue: row.resolution_due,
    ...over,
  });
const leadOf = (row: ItemRow) => (row.responsible_unit_id === null ? [] : [row.responsible_unit_id]);
const leadAndCo = (row: ItemRow) => [...leadOf(row), ...row.co_units.map((u) => u.id)];

/**
 * One function per step: what it changes, what it writes besides the item, and whom it tells.
 * Validation that needs the database happens here; the state machine (rules.ts) has already
 * decided that the step may be taken.
 */
const stepFns: { [A in Action]: (c: StepContext<A>) => Promise<Applied> | Applied } = {
  async assign({ trx, row, step, today, settings }) {
    const co = [...new Set(step.coUnitIds)].filter((u) => u !== step.responsibleUnitId);
    await assertActive(
      trx,
      'units',
      [step.responsibleUnitId],
      'body.responsibleUnitId',
      '单位不存在或已停用',
    );
    await assertActive(trx, 'units', co, 'body.coUnitIds', '单位不存在或已停用');
    if (step.responsibleLeaderPositionId && !(await positionExists(trx, step.responsibleLeaderPositionId)))
      throw invalid('body.responsibleLeaderPositionId', '职务不存在');
    // an item on a project inherits the project's responsible leader unless one is named
    const position =
      step.responsibleLeaderPositionId ??
      (row.project_id !== null ? await projectLeaderPosition(trx, row.project_id) : null);
    notFuture('body.responseDue', step.responseDue, today);
    notFuture('body.resolutionDue', step.resolutionDue, today);
    const respDue =
      step.responseDue ??
      responseDue(
        today,
        responseDays(settings, row.kind as ItemKind, row.category),
        await loadCorrections(trx),
      );
    await replaceCoUnits(trx, row.id, co);
    const resolutionDue = step.resolutionDue ?? null;
    return {
      set: {
        responsible_unit_id: step.responsibleUnitId,
        responsible_position_id: position,
        assigned_on: today,
        response_due: respDue,
        resolution_due: resolutionDue,
        due_date: dueAfter(row, { resolutionDue }),
        level: Math.max(row.level, 2),
      },
      note: step.note ?? null,
      notice: {
        kind: 'assigned',
        title: `交办：${row.title}`,
        body: `请于 ${respDue} 前答复`,
        units: [step.responsibleUnitId, ...co],
      },
    };
  },
  respond({ row, step, today }) {
    notFuture('body.promisedDate', step.promisedDate, today);
    return {
      set: {
        response_plan: step.plan,
        promised_date: step.promisedDate,
        responded_on: row.responded_on ?? today,
        return_reason: null,
        due_date: dueAfter(row, { promisedDate: step.promisedDate }),
      },
      note: `${step.plan}（承诺 ${step.promisedDate} 前办结）`,
    };
  },
  resolve: ({ step, today }) => ({
    set: { resolution: step.resolution, resolved_on: today, return_reason: null },
    note: step.resolution,
  }),
  return: ({ row, step }) => ({
    set: { return_reason: step.reason, resolved_on: null },
    note: step.reason,
    notice: { kind: 'returned', title: `退回：${row.title}`, body: step.reason, units: leadOf(row) },
  }),
  close: ({ actor, step, today }) => ({
    set: { closed_on: today, closed_by: actor.id },
    note: step.note ?? null,
  }),
  async merge({ trx, actor, row, step }) {
    if (step.targetId === row.id) throw invalid('body.targetId', '不能合并到自身');
    const target = await readableItem(trx, actor, step.targetId).catch(() => {
      throw invalid('body.targetId', '目标事项不存在或无权访问');
    });
    if (target.status === 'closed' || target.status === 'merged')
      throw invalid('body.targetId', '目标事项已销号或已合并');
    if (target.merged_into !== null) throw invalid('body.targetId', '目标事项已合并');
    await addItemEvent(trx, {
      item_id: target.id,
      actor_id: actor.id,
      action: 'merge_in',
      note: `${row.code} ${row.title}：${step.reason}`,
    });
    return { set: { merged_into: target.id }, note: `并入 ${target.code}：${step.reason}` };
  },
  escalate({ row, step, settings }) {
    const level = row.level + 1;
    const label = settings.ladder[level - 1] ?? `第${level}级`;
    return {
      set: { level },
      note: `升级至「${label}」：${step.reason}`,
      notice: {
        kind: 'escalated',
        title: `升级：${row.title}`,
        body: `已升级至${label}。${step.reason}`,
        units: leadAndCo(row),
      },
    };
  },
  list({ row, step, today }) {
    notFuture('body.due', step.due, today);
    return {
      set: {
        listed: true,
        listed_on: today,
        listed_due: step.due,
        listed_reason: step.reason,
        due_date: dueAfter(row, { listed: true, listedDue: step.due }),
      },
      note: `挂牌督办，限 ${step.due} 前办结：${step.reason}`,
      notice: {
        kind: 'listed',
        title: `挂牌督办：${row.title}`,
        body: `限 ${step.due} 前办结`,
        units: leadAndCo(row),
      },
    };
  },
  remind: ({ row, step, today }) => ({
    set: { reminder_count: row.reminder_count + 1, last_reminded_on: today },
    note: step.note ?? null,
    notice: {
      kind: 'reminded',
      title: `催办：${row.title}`,
      body: step.note ?? `第 ${row.reminder_count + 1} 次催办`,
      units: leadOf(row),
    },
  }),
  async edit({ trx, row, step, today }) {
    notFuture('body.responseDue', step.responseDue, today);
    notFuture('body.resolutionDue', step.resolutionDue, today);
    // the item's own category stays valid after its entry was deactivated; a new one must be active
    if (step.category && step.category !== row.category) await checkCategory(trx, step.category);
    const set: Updateable<ItemsTable> = {};
    if (step.category !== undefined) set.category = step.category;
    if (step.title !== undefined) set.title = step.title;
    if (step.description !== undefined) set.description = step.description;
    if (step.responseDue !== undefined) set.response_due = step.responseDue;
    if (step.resolutionDue !== undefined) {
      set.resolution_due = step.resolutionDue;
      set.due_date = dueAfter(row, { resolutionDue: step.resolutionDue });
    }
    return { set, note: step.reason };
  },
};

/**
 * Takes one step on an item inside the caller's transaction (a meeting closes out a decision with
 * its own writes): checks the state machine and the actor's standing, applies the step, records
 * the handling event and the audit event, and tells the units. The HTTP route wraps it.
 */
export async function takeStep(trx: Trx, ctx: Ctx, id: number, step: ItemStep): Promise<void> {
  const actor = actorOf(ctx);
  const today = todayInChina();
  const row = await lockedItem(trx, actor, id);
  const settings = await loadItemSettings(trx);
  const status = row.status as ItemStatus;
  const who = standing(actor, itemFacts(row));
  const allowed = allowedActions(
    who,
    { status, level: row.level, listed: row.listed, respondedOn: row.responded_on },
    settings.ladder.length,
  );
  const rule = steps[step.action];
  const label = itemActionLabels[step.action];
  if (!rule.from.includes(status)) refuse(row, allowed, `「${itemStatusLabels[status]}」状态下不能${label}`);
  if (!allowed.includes(step.action)) {
    // the status permits the step, but not for this user, or not once more
    const permitsUser = rule.who.some((w) => w(who));
    if (!permitsUser) throw forbidden();
    refuse(row, allowed, `当前不能${label}`);
  }
  // reminders change nothing anyone edits, so a stale version does not stop one
  if (step.action !== 'remind') assertVersion(row.version, step.version);
  const fn = stepFns[step.action] as (c: StepContext<Action>) => Promise<Applied> | Applied;
  const applied = await fn({ trx, actor, row, step, today, settings });
  const to = rule.to ?? status;
  const bump = step.action === 'remind' ? 0 : 1;
  await updateItem(trx, id, {
    ...applied.set,
    status: to,
    version: row.version + bump,
    updated_at: new Date(),
  });
  await addItemEvent(trx, {
    item_id: id,
    actor_id: actor.id,
    action: step.action,
    from_status: status,
    to_status: to,
    note: applied.note,
  });
  const before = Object.fromEntries(
    Object.keys(applied.set).map((k) => [k, row[k as keyof ItemRow] ?? null]),
  );
  await recordAudit(trx, ctx, {
    entity: 'item',
    entityId: id,
    action: step.action,
    before: { ...before, status },
    after: { ...applied.set, status: to },
    reason: applied.note,
  });
  if (applied.notice) {
    const { units, ...notice } = applied.notice;
    await notifyUnits(trx, [...new Set(units)], { ...notice, entity: 'item', entityId: id });
  }
}

/** The office keeps an overdue item at its rung for now: not proposed again until it moves up. */
export async function dismissProposal(trx: Trx, ctx: Ctx, id: number, reason: string) {
  const actor = actorOf(ctx);
  const row = await lockedItem(trx, actor, id);
  if (!standing(actor, itemFacts(row)).office) throw forbidden();
  await updateItem(trx, id, { proposal_dismissed_level: row.level });
  await addItemEvent(trx, { item_id: id, actor_id: actor.id, action: 'dismiss_proposal', note: reason });
  await recordAudit(trx, ctx, {
    entity: 'item',
    entityId: id,
    action: 'dismiss_proposal',
    before: { proposal_dismissed_level: row.proposal_dismissed_level },
    after: { proposal_dismissed_level: row.level },
    reason,
  });
}
