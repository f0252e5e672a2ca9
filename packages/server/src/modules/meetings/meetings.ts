/**
 * The meetings' use cases: series and meetings, moving one, the state machine, the agenda (generated,
 * then edited), outcomes (notes, steps on items, decision items raised through the items engine in
 * the same transaction), dispositions of the 对照检查 entries, and attendance. Every write checks the
 * version it was read at and records its audit event in its transaction.
 */
import {
  dispositionLabels,
  meetingActionLabels,
  meetingStatusLabels,
  meetingTypeDefaults,
  type attendanceUpdate,
  type Disposition,
  type dispositionSet,
  type entryCreate,
  type ItemStatus,
  type MeetingAction,
  type meetingCreate,
  type MeetingStatus,
  type meetingUpdate,
  type OutcomeCreate,
  type seriesCreate,
} from '@ducha/contract';
import type { z } from 'zod';
import { transaction, type Db, type Trx } from '../../db/connection.ts';
import { actorOf, type Actor, type Ctx } from '../../platform/access/context.ts';
import { recordAudit, recordAudits } from '../../platform/audit/audit.ts';
import { DomainError, invalid, outOfScope } from '../../platform/errors.ts';
import { assertVersion } from '../../platform/records.ts';
import { getRegion } from '../../platform/regions.ts';
import { raiseItem, readableItem, takeStep } from '../items/index.ts';
import { assertActive, positionExists } from '../org/index.ts';
import { readableProject } from '../projects/index.ts';
import { generateAgenda } from './agenda.ts';
import { canManageMeeting } from './policy.ts';
import { bumpMeeting, findEntry, lockedMeeting, nextNumber, type MeetingRow } from './repo.ts';
import {
  closeBlockers,
  dispositionEffect,
  firstYearEnd,
  keepsTracking,
  minutesKey,
  seriesBoundary,
  seriesDates,
  stateAllows,
  transitions,
} from './rules.ts';

function refuseState(status: MeetingStatus, message: string): never {
  throw new DomainError('INVALID_STATE', 409, [{ path: 'status', message }], { status });
}
const stateName = (s: string) => meetingStatusLabels[s as MeetingStatus];

/** The region a new series or meeting goes to, managed by the actor, or 400/403. */
async function managedRegion(db: Db | Trx, actor: Actor, code: string) {
  const region = await getRegion(db, code);
  if (!region) throw invalid('body.regionCode', '区划不存在');
  if (!canManageMeeting(actor, region.path)) throw outOfScope();
  return region;
}

export async function checkOrg(
  db: Db | Trx,
  input: { chairPositionId?: number | null; attendeeUnitIds?: number[] },
) {
  if (input.chairPositionId && !(await positionExists(db, input.chairPositionId)))
    throw invalid('body.chairPositionId', '职务不存在');
  if (input.attendeeUnitIds?.length)
    await assertActive(db, 'units', input.attendeeUnitIds, 'body.attendeeUnitIds', '单位不存在或已停用');
}

function requireManage(actor: Actor, m: MeetingRow) {
  if (!canManageMeeting(actor, m.region_path)) throw outOfScope();
}

// ---- series and meetings ----

/**
 * A series with its meetings laid out (scheduled), from its start to its end or a year ahead of its
 * start's month (the daily job then keeps a never-ending one a year ahead of today: `series.ts`).
 */
export async function createSeries(db: Db, ctx: Ctx, input: z.infer<typeof seriesCreate>) {
  const actor = actorOf(ctx);
  await managedRegion(db, actor, input.regionCode);
  await checkOrg(db, input);
  const dates = seriesDates(input.startsOn, input.recurrence, input.end);
  if (!dates.length) throw invalid('body.end', '按此规则没有会议日期');
  const t = meetingTypeDefaults[input.type];
  const level = input.level ?? t.level;
  return transaction(db, async (trx) => {
    const series = await trx
      .insertInto('meeting_series')
      .values({
        type: input.type,
        title: input.title,
        region_code: input.regionCode,
        level,
        sections: [...t.sections],
        chair_position_id: input.chairPositionId ?? null,
        meet_time: input.time,
        place: input.place,
        starts_on: input.startsOn,
        recurrence: JSON.stringify(input.recurrence),
        ends: JSON.stringify(input.end),
        attendee_unit_ids: input.attendeeUnitIds,
        // every date of the rhythm up to its end (a never-ending one: a year from its start's month)
        laid_out_through: seriesBoundary(input, firstYearEnd(input.startsOn)),
        created_by: actor.id,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const meetings = await trx
      .insertInto('meetings')
      .values(
        dates.map((d, i) => ({
          series_id: series.id,
          seq: i + 1,
          type: input.type,
          title: input.title,
          region_code: input.regionCode,
          level,
          sections: [...t.sections],
          chair_position_id: input.chairPositionId ?? null,
          held_on: d,
          rhythm_on: d,
          meet_time: input.time,
          place: input.place,
          attendee_unit_ids: input.attendeeUnitIds,
          status: 'scheduled',
          created_by: actor.id,
        })),
      )
      .returning(['id', 'held_on', 'seq'])
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'meeting_series',
      entityId: series.id,
      action: 'create',
      after: series,
    });
    await recordAudits(
      trx,
      ctx,
      meetings.map((m) => ({ entity: 'meeting', entityId: m.id, action: 'create', after: m })),
    );
    return series.id;
  });
}

/** One meeting (a 专题协调会, a 现场办公会), on its own or appended to a series; starts as a draft. */
export async function createMeeting(db: Db, ctx: Ctx, input: z.infer<typeof meetingCreate>) {
  const actor = actorOf(ctx);
  await managedRegion(db, actor, input.regionCode);
  await checkOrg(db, input);
  return transaction(db, async (trx) => {
    let seq: number | null = null;
    let t = meetingTypeDefaults[input.type];
    let sections: string[] = [...t.sections];
    let level = input.level ?? t.level;
    if (input.seriesId) {
      const s = await trx
        .selectFrom('meeting_series')
        .select(['id', 'type', 'level', 'sections', 'region_code'])
        .where('id', '=', input.seriesId)
        .forUpdate()
        .executeTakeFirst();
      if (!s) throw invalid('body.seriesId', '会议系列不存在');
      if (s.region_code !== input.regionCode || s.type !== input.type)
        throw invalid('body.seriesId', '会议类型和区划须与系列一致');
      t = meetingTypeDefaults[s.type as keyof typeof meetingTypeDefaults];
      sections = s.sections;
      level = input.level ?? s.level;
      const max = await trx
        .selectFrom('meetings')
        .select((e) => e.fn.max('seq').as('seq'))
        .where('series_id', '=', s.id)
        .executeTakeFirst();
      seq = Number(max?.seq ?? 0) + 1;
    }
    const row = await trx
      .insertInto('meetings')
      .values({
        series_id: input.seriesId ?? null,
        seq,
        type: input.type,
        title: input.title,
        region_code: input.regionCode,
        level,
        sections,
        chair_position_id: input.chairPositionId ?? null,
        held_on: input.heldOn,
        meet_time: input.time,
        place: input.place,
        attendee_unit_ids: input.attendeeUnitIds,
        created_by: actor.id,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { entity: 'meeting', entityId: row.id, action: 'create', after: row });
    return row.id;
  });
}

/** Moves or edits one meeting being planned; the other meetings of its series stay where they are. */
export async function updateMeeting(db: Db, ctx: Ctx, id: number, input: z.infer<typeof meetingUpdate>) {
  const actor = actorOf(ctx);
  await checkOrg(db, input);
  await transaction(db, async (trx) => {
    const m = await lockedMeeting(trx, actor, id);
    requireManage(actor, m);
    assertVersion(m.version, input.version);
    if (!stateAllows.plan(m.status as MeetingStatus))
      refuseState(m.status as MeetingStatus, `「${stateName(m.status)}」的会议不能再修改时间地点`);
    const set = {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.heldOn !== undefined && { held_on: input.heldOn }),
      ...(input.time !== undefined && { meet_time: input.time }),
      ...(input.place !== undefined && { place: input.place }),
      ...(input.chairPositionId !== undefined && { chair_position_id: input.chairPositionId }),
      ...(input.attendeeUnitIds !== undefined && { attendee_unit_ids: input.attendeeUnitIds }),
    };
    const moved = input.heldOn !== undefined && input.heldOn !== m.held_on && m.series_id !== null;
    await trx
      .updateTable('meetings')
      .set({ ...set, ...(moved && { moved: true }), version: m.version + 1 })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'meeting',
      entityId: id,
      action: moved ? 'move' : 'update',
      before: {
        held_on: m.held_on,
        meet_time: m.meet_time,
        place: m.place,
        title: m.title,
        chair_position_id: m.chair_position_id,
        attendee_unit_ids: m.attendee_unit_ids,
      },
      after: set,
    });
  });
}

/**
 * A step of the state machine. Starting a meeting without an agenda generates it; closing needs a
 * disposition for every 对照检查 entry, numbers the minutes (once) and marks the entries not reached
 * (the next meeting of the series carries them); reopening needs a reason and keeps every outcome.
 */
export async function transitionMeeting(
  db: Db,
  ctx: Ctx,
  id: number,
  input: { action: MeetingAction; version: number; reason?: string | null },
) {
  const actor = actorOf(ctx);
  await transaction(db, async (trx) => {
    const m = await lockedMeeting(trx, actor, id);
    requireManage(actor, m);
    const status = m.status as MeetingStatus;
    const rule = transitions[input.action];
    if (!rule.from.includes(status))
      refuseState(status, `「${stateName(status)}」的会议不能${meetingActionLabels[input.action]}`);
    assertVersion(m.version, input.version);
    const set: Record<string, unknown> = { status: rule.to, version: m.version + 1 };
    if (input.action === 'start' && m.agenda_generated_at === null) await generateAgenda(trx, m);
    if (input.action === 'close') {
      const review = await trx
        .selectFrom('meeting_entries')
        .select('disposition')
        .where('meeting_id', '=', id)
        .where('section', '=', 'review')
        .execute();
      const open = closeBlockers(review.map((r) => ({ disposition: r.disposition as Disposition | null })));
      if (open > 0)
        throw new DomainError('MEETING_UNDISPOSED', 409, [
          { path: 'entries', message: `还有 ${open} 项上次会议议定事项未作处理` },
        ]);
      await trx
        .updateTable('meeting_entries')
        .set((e) => ({
          status: e
            .case()
            .when(
              e.exists(
                e
                  .selectFrom('meeting_outcomes as o')
                  .select('o.id')
                  .whereRef('o.entry_id', '=', 'meeting_entries.id'),
              ),
            )
            .then('reached')
            .else('not_reached')
            .end(),
        }))
        .where('meeting_id', '=', id)
        .where('section', '<>', 'review')
        .execute();
      if (m.minutes_seq === null) {
        const year = Number(m.held_on.slice(0, 4));
        set.minutes_year = year;
        set.minutes_seq = await nextNumber(trx, minutesKey(m), year);
      }
    }
    if (input.action === 'reopen') {
      if (!input.reason || input.reason.length < 2) throw invalid('body.reason', '重新打开会议须说明原因');
      set.reopen_count = m.reopen_count + 1;
      await trx
        .updateTable('meeting_entries')
        .set({ status: 'open' })
        .where('meeting_id', '=', id)
        .where('status', '=', 'not_reached')
        .execute();
    }
    await trx.updateTable('meetings').set(set).where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      entity: 'meeting',
      entityId: id,
      action: input.action,
      before: { status },
      after: { status: rule.to, minutes_seq: set.minutes_seq },
      reason: input.reason ?? null,
    });
  });
}

/** Regenerates the agenda of a meeting being planned (hand-added entries stay). */
export async function regenerateAgenda(db: Db, ctx: Ctx, id: number, version: number) {
  const actor = actorOf(ctx);
  return transaction(db, async (trx) => {
    const m = await lockedMeeting(trx, actor, id);
    requireManage(actor, m);
    assertVersion(m.version, version);
    if (!stateAllows.plan(m.status as MeetingStatus))
      refuseState(m.status as MeetingStatus, `「${stateName(m.status)}」的会议不能重新生成议程`);
    const counts = await generateAgenda(trx, m);
    await bumpMeeting(trx, id, m.version);
    await recordAudit(trx, ctx, {
      entity: 'meeting',
      entityId: id,
      action: 'generate_agenda',
      after: { ...counts },
    });
    return counts;
  });
}

// ---- agenda entries ----

/** An entry added by hand, at the end of 其他议题 (during the meeting too). */
export async function addEntry(db: Db, ctx: Ctx, meetingId: number, input: z.infer<typeof entryCreate>) {
  const actor = actorOf(ctx);
  return transaction(db, async (trx) => {
    const m = await lockedMeeting(trx, actor, meetingId);
    requireManage(actor, m);
    assertVersion(m.version, input.version);
    if (!stateAllows.addEntry(m.status as MeetingStatus))
      refuseState(m.status as MeetingStatus, '已结束的会议不能增加议题');
    let projectId = input.projectId ?? null;
    let unitId = input.unitId ?? null;
    if (input.itemId) {
      const item = await readableItem(trx, actor, input.itemId);
      projectId ??= item.project_id;
      unitId ??= item.responsible_unit_id;
    }
    if (projectId) await readableProject(trx, actor, projectId);
    if (unitId) await assertActive(trx, 'units', [unitId], 'body.unitId', '单位不存在或已停用');
    const max = await trx
      .selectFrom('meeting_entries')
      .select((e) => e.fn.max('sort').as('sort'))
      .where('meeting_id', '=', meetingId)
      .where('section', '=', 'manual')
      .executeTakeFirst();
    const row = await trx
      .insertInto('meeting_entries')
      .values({
        meeting_id: meetingId,
        section: 'manual',
        sort: Number(max?.sort ?? 0) + 1,
        title: input.title,
        detail: JSON.stringify(input.note ? { note: input.note } : {}),
        item_id: input.itemId ?? null,
        project_id: projectId,
        unit_id: unitId,
        generated: false,
      })
      .returning(['id', 'title', 'item_id', 'project_id', 'unit_id'])
      .executeTakeFirstOrThrow();
    await bumpMeeting(trx, meetingId, m.version);
    await recordAudit(trx, ctx, { entity: 'meeting', entityId: meetingId, action: 'add_entry', after: row });
    return row.id;
  });
}

async function entryWithMeeting(trx: Trx, actor: Actor, entryId: number) {
  const entry = await trx
    .selectFrom('meeting_entries')
    .select('meeting_id')
    .where('id', '=', entryId)
    .executeTakeFirst();
  if (!entry) throw new DomainError('NOT_FOUND', 404);
  const m = await lockedMeeting(trx, actor, entry.meeting_id);
  requireManage(actor, m);
  const e = await findEntry(trx, entryId);
  return { m, e: e! };
}

/** Removes an entry from a meeting being planned (nothing has been recorded on it yet). */
export async function removeEntry(db: Db, ctx: Ctx, entryId: number, version: number) {
  const actor = actorOf(ctx);
  return transaction(db, async (trx) => {
    const { m, e } = await entryWithMeeting(trx, actor, entryId);
    assertVersion(m.version, version);
    if (!stateAllows.plan(m.status as MeetingStatus))
      refuseState(m.status as MeetingStatus, '会议开始后不能删除议题');
    if (e.section === 'review') throw invalid('entry', '对照检查事项须逐项作出处理，不能删除');
    await trx.deleteFrom('meeting_entries').where('id', '=', entryId).execute();
    await bumpMeeting(trx, m.id, m.version);
    await recordAudit(trx, ctx, {
      entity: 'meeting',
      entityId: m.id,
      action: 'remove_entry',
      before: { id: e.id, section: e.section, title: e.title },
    });
    return m.id;
  });
}

/** Moves an entry up or down within its section. */
export async function moveEntry(
  db: Db,
  ctx: Ctx,
  entryId: number,
  version: number,
  direction: 'up' | 'down',
) {
  const actor = actorOf(ctx);
  return transaction(db, async (trx) => {
    const { m, e } = await entryWithMeeting(trx, actor, entryId);
    assertVersion(m.version, version);
    if (!stateAllows.plan(m.status as MeetingStatus))
      refuseState(m.status as MeetingStatus, '会议开始后不能调整议程顺序');
    const other = await trx
      .selectFrom('meeting_entries')
      .select(['id', 'sort'])
      .where('meeting_id', '=', m.id)
      .where('section', '=', e.section)
      .where('sort', direction === 'up' ? '<' : '>', e.sort)
      .orderBy('sort', direction === 'up' ? 'desc' : 'asc')
      .limit(1)
      .executeTakeFirst();
    if (other) {
      await trx.updateTable('meeting_entries').set({ sort: other.sort }).where('id', '=', e.id).execute();
      await trx.updateTable('meeting_entries').set({ sort: e.sort }).where('id', '=', other.id).execute();
    }
    await bumpMeeting(trx, m.id, m.version);
    await recordAudit(trx, ctx, {
      entity: 'meeting',
      entityId: m.id,
      action: 'move_entry',
      after: { id: e.id, direction },
    });
    return m.id;
  });
}

// ---- outcomes and dispositions ----

/**
 * The meeting on the timelines of what it touched: the item and the entry's project, with what the
 * meeting did (`kind`: the outcome's kind, or `disposition`), which the timelines label it by.
 */
async function touch(
  trx: Trx,
  ctx: Ctx,
  m: MeetingRow,
  e: { project_id: number | null },
  itemId: number | null,
  what: string,
  kind: 'note' | 'item' | 'decision' | 'disposition',
) {
  const after = { meetingId: m.id, meeting: meetingName(m), heldOn: m.held_on, outcome: what, kind };
  const events = [];
  if (itemId !== null) events.push({ entity: 'item', entityId: itemId, action: 'meeting', after });
  if (e.project_id !== null)
    events.push({ entity: 'project', entityId: e.project_id, action: 'meeting', after });
  await recordAudits(trx, ctx, events);
}

function recordable(m: MeetingRow) {
  if (!stateAllows.record(m.status as MeetingStatus))
    refuseState(
      m.status as MeetingStatus,
      m.status === 'closed' ? '会议已结束，记录为只读' : '会议开始后才能记录会议意见',
    );
}

const meetingName = (m: MeetingRow) => (m.seq ? `${m.title}（第${m.seq}次）` : m.title);

/**
 * Records an outcome of an entry: a note; a link to an existing item (with a step taken on it); or
 * a new decision item raised and assigned through the items engine, in this same transaction.
 */
export async function addOutcome(db: Db, ctx: Ctx, entryId: number, input: OutcomeCreate) {
  const actor = actorOf(ctx);
  return transaction(db, async (trx) => {
    const { m, e } = await entryWithMeeting(trx, actor, entryId);
    recordable(m);
    assertVersion(e.version, input.version);
    let itemId: number | null = null;
    let step: string | null = null;
    if (input.kind === 'item') {
      const item = await readableItem(trx, actor, input.itemId);
      itemId = item.id;
      if (input.step !== 'none') {
        // the outcome's note is the reminder's note, or the escalation's reason
        const text = input.note.slice(0, 500);
        await takeStep(
          trx,
          ctx,
          item.id,
          input.step === 'remind'
            ? { action: 'remind', version: item.version, note: text }
            : { action: 'escalate', version: item.version, reason: text },
        );
        step = input.step;
      }
    } else if (input.kind === 'decision') {
      const raised = await raiseItem(trx, ctx, {
        kind: 'decision',
        source: 'meeting',
        projectId: e.project_id,
        category: input.category,
        title: input.title,
        description: input.note,
        regionCode: e.project_id === null ? m.region_code : undefined,
      });
      await takeStep(trx, ctx, raised.id, {
        action: 'assign',
        version: 1, // a new item's first version
        responsibleUnitId: input.responsibleUnitId,
        coUnitIds: input.coUnitIds,
        responsibleLeaderPositionId: input.responsibleLeaderPositionId ?? null,
        resolutionDue: input.resolutionDue,
        note: `${meetingName(m)}议定`,
      });
      itemId = raised.id;
      step = 'assign';
    }
    const note = input.kind === 'decision' ? `${input.title}：${input.note}` : input.note;
    const outcome = await trx
      .insertInto('meeting_outcomes')
      .values({
        meeting_id: m.id,
        entry_id: e.id,
        kind: input.kind,
        note,
        item_id: itemId,
        step,
        tracked: itemId !== null,
        created_by: actor.id,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('meeting_entries')
      .set({ status: 'reached', version: e.version + 1 })
      .where('id', '=', e.id)
      .execute();
    await recordAudit(trx, ctx, { entity: 'meeting', entityId: m.id, action: 'outcome', after: outcome });
    await touch(trx, ctx, m, e, itemId, note, input.kind);
    return m.id;
  });
}

/**
 * The disposition of a 对照检查 entry: done (a resolved item is closed out), extended (a new deadline
 * with a reason), escalated (one rung up), or dropped with a reason. Given once; the item's step is
 * taken through the items engine in this transaction.
 */
export async function setDisposition(
  db: Db,
  ctx: Ctx,
  entryId: number,
  input: z.infer<typeof dispositionSet>,
) {
  const actor = actorOf(ctx);
  return transaction(db, async (trx) => {
    const { m, e } = await entryWithMeeting(trx, actor, entryId);
    recordable(m);
    assertVersion(e.version, input.version);
    if (e.section !== 'review') throw invalid('body.disposition', '只有对照检查事项需要作出处理');
    if (e.disposition !== null)
      throw new DomainError('INVALID_STATE', 409, [
        { path: 'body.disposition', message: '该事项已作出处理' },
      ]);
    const item = e.item_id !== null ? await readableItem(trx, actor, e.item_id) : null;
    const effect = dispositionEffect(input.disposition, (item?.status as ItemStatus | undefined) ?? null);
    if ('refuse' in effect)
      throw new DomainError('INVALID_STATE', 409, [{ path: 'body.disposition', message: effect.refuse }]);
    const reason = input.reason ?? null;
    if (item && effect.step === 'close')
      await takeStep(trx, ctx, item.id, {
        action: 'close',
        version: item.version,
        note: reason ?? `${meetingName(m)}确认落实`,
      });
    if (item && effect.step === 'edit')
      await takeStep(trx, ctx, item.id, {
        action: 'edit',
        version: item.version,
        resolutionDue: input.newDeadline!,
        reason: reason!,
      });
    if (item && effect.step === 'escalate')
      await takeStep(trx, ctx, item.id, { action: 'escalate', version: item.version, reason: reason! });
    await trx
      .updateTable('meeting_entries')
      .set({
        disposition: input.disposition,
        disposition_note: reason,
        disposition_date: input.disposition === 'extended' ? input.newDeadline! : null,
        disposed_by: actor.id,
        status: 'reached',
        version: e.version + 1,
      })
      .where('id', '=', e.id)
      .execute();
    const label = dispositionLabels[input.disposition];
    const note =
      input.disposition === 'extended'
        ? `${label}至 ${input.newDeadline}：${reason}`
        : reason
          ? `${label}：${reason}`
          : label;
    await trx
      .insertInto('meeting_outcomes')
      .values({
        meeting_id: m.id,
        entry_id: e.id,
        kind: 'disposition',
        note,
        item_id: e.item_id,
        step: effect.step === 'none' ? null : effect.step,
        tracked: e.item_id !== null && keepsTracking(input.disposition),
        created_by: actor.id,
      })
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'meeting',
      entityId: m.id,
      action: 'disposition',
      after: {
        entryId: e.id,
        itemId: e.item_id,
        disposition: input.disposition,
        newDeadline: input.newDeadline,
      },
      reason,
    });
    await touch(trx, ctx, m, e, e.item_id, note, 'disposition');
    return m.id;
  });
}

// ---- attendance ----

/** The attendance sheet, replaced as a whole (per unit and person). */
export async function saveAttendance(db: Db, ctx: Ctx, id: number, input: z.infer<typeof attendanceUpdate>) {
  const actor = actorOf(ctx);
  const units = [...new Set(input.rows.map((r) => r.unitId))];
  if (units.length) await assertActive(db, 'units', units, 'body.rows', '单位不存在或已停用');
  const keys = new Set<string>();
  input.rows.forEach((r, i) => {
    const k = `${r.unitId}|${r.personName}`;
    if (keys.has(k)) throw invalid(`body.rows.${i}.personName`, '同一单位同一人只能登记一次');
    keys.add(k);
  });
  await transaction(db, async (trx) => {
    const m = await lockedMeeting(trx, actor, id);
    requireManage(actor, m);
    assertVersion(m.version, input.version);
    if (!stateAllows.attendance(m.status as MeetingStatus))
      refuseState(m.status as MeetingStatus, '会议已结束，签到表为只读');
    const before = await trx
      .selectFrom('meeting_attendance')
      .selectAll()
      .where('meeting_id', '=', id)
      .execute();
    await trx.deleteFrom('meeting_attendance').where('meeting_id', '=', id).execute();
    if (input.rows.length)
      await trx
        .insertInto('meeting_attendance')
        .values(
          input.rows.map((r) => ({
            meeting_id: id,
            unit_id: r.unitId,
            person_name: r.personName,
            status: r.status,
            delegate: r.status === 'delegated' ? (r.delegate ?? null) : null,
            reason: r.status === 'absent_excused' || r.status === 'absent' ? (r.reason ?? null) : null,
          })),
        )
        .execute();
    await bumpMeeting(trx, id, m.version);
    await recordAudit(trx, ctx, {
      entity: 'meeting',
      entityId: id,
      action: 'attendance',
      before: { rows: before.length },
      after: { rows: input.rows },
    });
  });
}
