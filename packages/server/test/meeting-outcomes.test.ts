/**
 * An outcome that escalates an existing item (issue 13), over HTTP: the item's rung rises by one,
 * the escalation's reason is the outcome's note, the step is on the item's own timeline (办理过程)
 * and the meeting on its audit timeline; all in one transaction, so an escalation the items engine
 * refuses (the item already at the ladder's top) leaves no outcome, no entry change, no trail.
 * The timelines label a meeting's events with meeting words (a closed meeting is 会议结束, not 销号).
 */
import { auditActionKey, meetingEventLabels, type AuditEvent, type MeetingDetail } from '@ducha/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cityProject, demoUnits, signInAs, supervisedItem } from './factories.ts';
import { createTestApp, expectError, type Client, type TestApp } from './helpers.ts';

let t: TestApp;
let office: Client;
let u: Awaited<ReturnType<typeof demoUnits>>;
let projectId: number;

const ok = <T>(res: { statusCode: number; body: string; json: () => unknown }, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};
type ItemView = {
  item: { id: number; level: number; version: number };
  events: { action: string; note: string | null }[];
};
const itemOf = async (id: number) => ok<ItemView>(await office.get(`/api/items/${id}`));

/** A 专题协调会 in progress with one entry on item `itemId`. */
async function meetingOn(itemId: number) {
  const m = ok<MeetingDetail>(
    await office.post('/api/meetings', {
      type: 'coordination',
      title: '征地拆迁专题协调会',
      regionCode: '230600',
      heldOn: '2026-12-02',
    }),
    201,
  );
  let d = ok<MeetingDetail>(
    await office.post(`/api/meetings/${m.meeting.id}/entries`, {
      version: m.meeting.version,
      title: '征地拆迁进度滞后',
      itemId,
    }),
    201,
  );
  for (const action of ['schedule', 'start'])
    d = ok<MeetingDetail>(
      await office.post(`/api/meetings/${d.meeting.id}/transitions`, { action, version: d.meeting.version }),
    );
  return { d, entry: d.entries.find((e) => e.section === 'manual' && e.item?.id === itemId)! };
}

beforeAll(async () => {
  t = await createTestApp();
  ({ office } = await signInAs(t, 'office'));
  u = await demoUnits(t);
  projectId = (await cityProject(office, { responsibleUnitId: u.zjj, name: '丁 棚户区改造' })).id;
});
afterAll(() => t.close());

describe('an outcome escalating an existing item', () => {
  it('raises its rung with the outcome’s note as the reason, on the item’s timelines', async () => {
    const item = (
      await supervisedItem(office, {
        projectId,
        title: '征地拆迁未完成',
        assign: { responsibleUnitId: u.zjj },
      })
    ).item;
    const { d, entry } = await meetingOn(item.id);
    const before = await itemOf(item.id);
    const note = '责任单位协调不了，提请分管领导调度';
    const after = ok<MeetingDetail>(
      await office.post(`/api/meeting-entries/${entry.id}/outcomes`, {
        kind: 'item',
        version: entry.version,
        itemId: item.id,
        step: 'escalate',
        note,
      }),
      201,
    );
    const outcome = after.entries.find((e) => e.id === entry.id)!.outcomes[0]!;
    expect(outcome).toMatchObject({ kind: 'item', note, step: 'escalate' });
    expect(outcome.item?.id).toBe(item.id);
    // the rung rose by one; the escalation's reason is the note
    const now = await itemOf(item.id);
    expect(now.item.level).toBe(before.item.level + 1);
    const escalation = now.events.filter((e) => e.action === 'escalate');
    expect(escalation.length).toBe(1);
    expect(escalation[0]!.note).toContain(note);
    // the meeting is on the item's audit timeline, and the escalation too
    const trail = ok<{ items: { action: string; diff: Record<string, { after: unknown }> }[] }>(
      await office.get(`/api/audit?entity=item&id=${item.id}`),
    );
    const meeting = trail.items.find((e) => e.action === 'meeting')!;
    expect(meeting.diff.meetingId!.after).toBe(d.meeting.id);
    expect(meeting.diff.outcome!.after).toBe(note);
    expect(trail.items.some((e) => e.action === 'escalate')).toBe(true);
  });

  it('an escalation refused at the ladder’s top leaves no outcome, no entry change and no trail', async () => {
    const item = (
      await supervisedItem(office, { projectId, title: '资金未到位', assign: { responsibleUnitId: u.zjj } })
    ).item;
    // already at the top rung (政府常务会)
    await t.database.db.updateTable('items').set({ level: 5 }).where('id', '=', item.id).execute();
    const { d, entry } = await meetingOn(item.id);
    const before = await itemOf(item.id);
    const count = async (entity: string, id: number) =>
      Number(
        (
          await t.database.db
            .selectFrom('audit_events')
            .select((e) => e.fn.countAll().as('n'))
            .where('entity', '=', entity)
            .where('entity_id', '=', String(id))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const trails = [await count('item', item.id), await count('meeting', d.meeting.id)];
    expectError(
      await office.post(`/api/meeting-entries/${entry.id}/outcomes`, {
        kind: 'item',
        version: entry.version,
        itemId: item.id,
        step: 'escalate',
        note: '提请政府常务会研究',
      }),
      409,
      'INVALID_STATE',
    );
    const again = ok<MeetingDetail>(await office.get(`/api/meetings/${d.meeting.id}`));
    const e = again.entries.find((x) => x.id === entry.id)!;
    expect(e.outcomes).toEqual([]);
    expect([e.version, e.status]).toEqual([entry.version, entry.status]);
    const outcomes = await t.database.db
      .selectFrom('meeting_outcomes')
      .select('id')
      .where('meeting_id', '=', d.meeting.id)
      .execute();
    expect(outcomes).toEqual([]);
    const now = await itemOf(item.id);
    expect([now.item.level, now.item.version, now.events.length]).toEqual([
      5,
      before.item.version,
      before.events.length,
    ]);
    expect([await count('item', item.id), await count('meeting', d.meeting.id)]).toEqual(trails);
  });

  it('labels the meeting’s events with meeting words on every timeline', async () => {
    const item = (
      await supervisedItem(office, { projectId, title: '管线迁改', assign: { responsibleUnitId: u.zjj } })
    ).item;
    const { d, entry } = await meetingOn(item.id);
    const after = ok<MeetingDetail>(
      await office.post(`/api/meeting-entries/${entry.id}/outcomes`, {
        kind: 'decision',
        version: entry.version,
        title: '月底前完成管线迁改',
        note: '市住建局牵头，月底前完成',
        category: '征地拆迁',
        responsibleUnitId: u.zjj,
        resolutionDue: '2026-12-31',
      }),
      201,
    );
    ok(
      await office.post(`/api/meetings/${d.meeting.id}/transitions`, {
        action: 'close',
        version: after.meeting.version,
      }),
    );
    const words = async (entity: string, id: number) =>
      ok<{ items: AuditEvent[] }>(await office.get(`/api/audit?entity=${entity}&id=${id}`)).items.map(
        (e) => meetingEventLabels[auditActionKey(e)] ?? e.action,
      );
    // the meeting's own timeline: held and closed, never 销号
    const own = await words('meeting', d.meeting.id);
    expect(own).toEqual(expect.arrayContaining(['会议召开', '会议结束', '会议议定事项']));
    expect(own).not.toContain('close');
    // the project's timeline: the meeting decided something
    expect(await words('project', projectId)).toContain('会议议定事项');
    // the meeting's mark says which meeting (with its number when it has one) and what it did
    const mark = ok<{ items: AuditEvent[] }>(
      await office.get(`/api/audit?entity=project&id=${projectId}`),
    ).items.find((e) => e.action === 'meeting')!;
    expect(mark.diff.kind!.after).toBe('decision');
    expect(mark.diff.meeting!.after).toBe('征地拆迁专题协调会');
  });
});
