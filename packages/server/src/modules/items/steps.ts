/**
 * Taking a step on an item: the state machine of rules.ts decides whether it may happen; this
 * applies it under the item's row lock, records the handling event and the audit event, and tells
 * the responsible unit (in the same transaction, so a refused step tells nobody).
 */
import {
  itemActionLabels,
  itemStatusLabels,
  type ItemKind,
  type ItemSettings,
  type ItemStatus,
  type ItemStep,
} from '@ducha/contract';
import { sql } from 'kysely';
import { transaction, type Db, type Trx } from '../../db/connection.ts';
import { actorOf, type Actor, type Ctx } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, forbidden, invalid } from '../../platform/errors.ts';
import { notifyUnits, type Notice } from '../../platform/notify.ts';
import { assertVersion } from '../../platform/records.ts';
import { todayInChina } from '../../platform/time.ts';
import { loadCorrections } from '../reports/settings.ts';
import { checkCategory, itemDetail, itemFacts, lockedItem, readableItem } from './items.ts';
import { standing } from './policy.ts';
import type { ItemRow } from './repo.ts';
import { allowedActions, dueDate, responseDays, responseDue, steps } from './rules.ts';
import { loadItemSettings } from './settings.ts';

type Changes = Record<string, unknown>;

interface Applied {
  set: Changes;
  note: string | null;
  notice?: Omit<Notice, 'entity' | 'entityId'> & { units: number[] };
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

async function activeUnits(trx: Trx, ids: number[], path: string) {
  if (ids.length === 0) return;
  const found = await trx
    .selectFrom('units')
    .select('id')
    .where('id', 'in', ids)
    .where('active', '=', true)
    .execute();
  const missing = ids.findIndex((id) => !found.some((u) => u.id === id));
  if (missing >= 0) throw invalid(path, '单位不存在或已停用');
}

/** What a step changes, and whom it tells. Validation that needs the database happens here. */
async function apply(
  trx: Trx,
  actor: Actor,
  row: ItemRow,
  step: ItemStep,
  today: string,
  settings: ItemSettings,
): Promise<Applied> {
  const due = (over: Partial<Parameters<typeof dueDate>[0]>) =>
    dueDate({
      listed: row.listed,
      listedDue: row.listed_due,
      promisedDate: row.promised_date,
      resolutionDue: row.resolution_due,
      ...over,
    });
  const unitAndCo = (lead: number | null) =>
    [lead, ...row.co_units.map((u) => u.id)].filter((u): u is number => u !== null);
  const lead = row.responsible_unit_id === null ? [] : [row.responsible_unit_id];
  switch (step.action) {
    case 'assign': {
      const co = [...new Set(step.coUnitIds)].filter((u) => u !== step.responsibleUnitId);
      await activeUnits(trx, [step.responsibleUnitId], 'body.responsibleUnitId');
      await activeUnits(trx, co, 'body.coUnitIds');
      let position = step.responsibleLeaderPositionId ?? null;
      if (position === null && row.project_id !== null) {
        const p = await trx
          .selectFrom('projects')
          .select('leader_position_id')
          .where('id', '=', row.project_id)
          .executeTakeFirst();
        position = p?.leader_position_id ?? null;
      }
      if (step.responsibleLeaderPositionId) {
        const pos = await trx
          .selectFrom('positions')
          .select('id')
          .where('id', '=', step.responsibleLeaderPositionId)
          .executeTakeFirst();
        if (!pos) throw invalid('body.responsibleLeaderPositionId', '职务不存在');
      }
      notFuture('body.responseDue', step.responseDue, today);
      notFuture('body.resolutionDue', step.resolutionDue, today);
      const respDue =
        step.responseDue ??
        responseDue(
          today,
          responseDays(settings, row.kind as ItemKind, row.category),
          await loadCorrections(trx),
        );
      await trx.deleteFrom('item_co_units').where('item_id', '=', row.id).execute();
      if (co.length)
        await trx
          .insertInto('item_co_units')
          .values(co.map((unit_id) => ({ item_id: row.id, unit_id })))
          .execute();
      const resolutionDue = step.resolutionDue ?? null;
      return {
        set: {
          responsible_unit_id: step.responsibleUnitId,
          responsible_position_id: position,
          assigned_on: today,
          response_due: respDue,
          resolution_due: resolutionDue,
          due_date: due({ resolutionDue }),
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
    }
    case 'respond':
      notFuture('body.promisedDate', step.promisedDate, today);
      return {
        set: {
          response_plan: step.plan,
          promised_date: step.promisedDate,
          responded_on: row.responded_on ?? today,
          return_reason: null,
          due_date: due({ promisedDate: step.promisedDate }),
        },
        note: `${step.plan}（承诺 ${step.promisedDate} 前办结）`,
      };
    case 'resolve':
      return {
        set: { resolution: step.resolution, resolved_on: today, return_reason: null },
        note: step.resolution,
      };
    case 'return':
      return {
        set: { return_reason: step.reason, resolved_on: null },
        note: step.reason,
        notice: { kind: 'returned', title: `退回：${row.title}`, body: step.reason, units: lead },
      };
    case 'close':
      return { set: { closed_on: today, closed_by: actor.id }, note: step.note ?? null };
    case 'merge': {
      if (step.targetId === row.id) throw invalid('body.targetId', '不能合并到自身');
      const target = await readableItem(trx, actor, step.targetId).catch(() => {
        throw invalid('body.targetId', '目标事项不存在或无权访问');
      });
      if (target.status === 'closed' || target.status === 'merged')
        throw invalid('body.targetId', '目标事项已销号或已合并');
      if (target.merged_into !== null) throw invalid('body.targetId', '目标事项已合并');
      await trx
        .insertInto('item_events')
        .values({
          item_id: target.id,
          actor_id: actor.id,
          action: 'merge_in',
          note: `${row.code} ${row.title}：${step.reason}`,
        })
        .execute();
      return { set: { merged_into: target.id }, note: `并入 ${target.code}：${step.reason}` };
    }
    case 'escalate': {
      const level = row.level + 1;
      const label = settings.ladder[level - 1] ?? `第${level}级`;
      return {
        set: { level },
        note: `升级至「${label}」：${step.reason}`,
        notice: {
          kind: 'escalated',
          title: `升级：${row.title}`,
          body: `已升级至${label}。${step.reason}`,
          units: unitAndCo(row.responsible_unit_id),
        },
      };
    }
    case 'list':
      notFuture('body.due', step.due, today);
      return {
        set: {
          listed: true,
          listed_on: today,
          listed_due: step.due,
          listed_reason: step.reason,
          due_date: due({ listed: true, listedDue: step.due }),
        },
        note: `挂牌督办，限 ${step.due} 前办结：${step.reason}`,
        notice: {
          kind: 'listed',
          title: `挂牌督办：${row.title}`,
          body: `限 ${step.due} 前办结`,
          units: unitAndCo(row.responsible_unit_id),
        },
      };
    case 'remind':
      return {
        set: { reminder_count: row.reminder_count + 1, last_reminded_on: today },
        note: step.note ?? null,
        notice: {
          kind: 'reminded',
          title: `催办：${row.title}`,
          body: step.note ?? `第 ${row.reminder_count + 1} 次催办`,
          units: lead,
        },
      };
    case 'edit': {
      notFuture('body.responseDue', step.responseDue, today);
      notFuture('body.resolutionDue', step.resolutionDue, today);
      if (step.category) await checkCategory(trx, step.category);
      const set: Changes = {};
      if (step.category !== undefined) set.category = step.category;
      if (step.title !== undefined) set.title = step.title;
      if (step.description !== undefined) set.description = step.description;
      if (step.responseDue !== undefined) set.response_due = step.responseDue;
      if (step.resolutionDue !== undefined) {
        set.resolution_due = step.resolutionDue;
        set.due_date = due({ resolutionDue: step.resolutionDue });
      }
      return { set, note: step.reason };
    }
  }
}

export async function takeStep(db: Db, ctx: Ctx, id: number, step: ItemStep) {
  const actor = actorOf(ctx);
  const today = todayInChina();
  await transaction(db, async (trx) => {
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
    if (!rule.from.includes(status))
      refuse(row, allowed, `「${itemStatusLabels[status]}」状态下不能${label}`);
    if (!allowed.includes(step.action)) {
      // the status permits the step, but not for this user, or not once more
      const permitsUser = rule.who.some((w) => w(who));
      if (!permitsUser) throw forbidden();
      refuse(row, allowed, `当前不能${label}`);
    }
    // reminders change nothing anyone edits, so a stale version does not stop one
    if (step.action !== 'remind') assertVersion(row.version, step.version);
    const applied = await apply(trx, actor, row, step, today, settings);
    const to = rule.to ?? status;
    const bump = step.action === 'remind' ? 0 : 1;
    await trx
      .updateTable('items')
      .set({ ...applied.set, status: to, version: sql`version + ${bump}`, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await trx
      .insertInto('item_events')
      .values({
        item_id: id,
        actor_id: actor.id,
        action: step.action,
        from_status: status,
        to_status: to,
        note: applied.note,
      })
      .execute();
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
  });
  return itemDetail(db, actor, id);
}

/** The office keeps an overdue item at its rung for now: not proposed again until it moves up. */
export async function dismissProposal(db: Db, ctx: Ctx, id: number, reason: string) {
  const actor = actorOf(ctx);
  await transaction(db, async (trx) => {
    const row = await lockedItem(trx, actor, id);
    if (!standing(actor, itemFacts(row)).office) throw forbidden();
    await trx
      .updateTable('items')
      .set({ proposal_dismissed_level: row.level })
      .where('id', '=', id)
      .execute();
    await trx
      .insertInto('item_events')
      .values({ item_id: id, actor_id: actor.id, action: 'dismiss_proposal', note: reason })
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'item',
      entityId: id,
      action: 'dismiss_proposal',
      before: { proposal_dismissed_level: row.proposal_dismissed_level },
      after: { proposal_dismissed_level: row.level },
      reason,
    });
  });
  return { ok: true as const };
}
