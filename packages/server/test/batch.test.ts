/**
 * Batch actions over HTTP against the real database (issue 10): the office verifies a set of
 * reports, sends 催报 to every unit with a missing or late report, reminds (催办) a set of items, and
 * approves a set of plan drafts after an import. Each record goes through the single action's use
 * case: the valid ones are done, each with its own audit event, and the others are listed with the
 * error the single action gives (stale version, wrong status, out of scope); a batch refused for
 * access on every record answers 403 as the single action would.
 */
import type { ReportRemindResult } from '@ducha/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../src/platform/time.ts';
import { cityProject, demoUnits, monthlyReport, signInAs, supervisedItem } from './factories.ts';
import { createTestApp, expectError, type Client, type TestApp } from './helpers.ts';

let t: TestApp;
let office: Client;
let officeLindian: Client;
let leader: Client;
let unitUser: Client;
let reporter: Client;
let zjj: number; // 大庆市住房和城乡建设局: the `unit` user's unit
let jtj: number; // 大庆市交通运输局
let ctgs: number; // 城投公司: the `reporter` user's unit
let ldZjj: number; // 林甸县住房和城乡建设局

const today = todayInChina();
const shift = (ym: string, n: number) => {
  const d = new Date(Date.UTC(Number(ym.slice(0, 4)), Number(ym.slice(5, 7)) - 1 + n, 1));
  return d.toISOString().slice(0, 7);
};
/** Two months back: its deadline (in the month after) has surely passed. */
const pastMonth = shift(today.slice(0, 7), -2);
/** This month: due next month, so nothing is late yet. */
const thisMonth = today.slice(0, 7);

beforeAll(async () => {
  t = await createTestApp();
  ({
    office,
    office_lindian: officeLindian,
    leader,
    unit: unitUser,
    reporter,
  } = await signInAs(t, 'office', 'office_lindian', 'leader', 'unit', 'reporter'));
  ({ zjj, jtj, ctgs, ldZjj } = await demoUnits(t));
});
afterAll(async () => {
  await t.close();
});

const db = () => t.database.db;
let seq = 0;
const project = async (o: Record<string, unknown> = {}) =>
  (
    await cityProject(office, {
      code: `BATCH-${++seq}`,
      name: `批量测试项目${seq}`,
      responsibleUnitId: zjj,
      ownerUnitId: ctgs,
      ...o,
    })
  ).id;

const ok = <T = { done: number; refused: number; results: Outcome[] }>(res: {
  statusCode: number;
  body: string;
  json: () => unknown;
}) => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};
interface Outcome {
  id: number;
  ok: boolean;
  error: {
    code: string;
    status: number;
    message: string;
    details: { path: string; message: string }[];
    currentVersion?: number;
  } | null;
}
const byId = (results: Outcome[]) => new Map(results.map((r) => [r.id, r]));

const audits = (entity: string, id: number, action: string) =>
  db()
    .selectFrom('audit_events')
    .selectAll()
    .where('entity', '=', entity)
    .where('entity_id', '=', String(id))
    .where('action', '=', action)
    .execute();

const userIdsOf = async (unitIds: number[]) =>
  (
    await db()
      .selectFrom('users')
      .select('id')
      .where('unit_id', 'in', unitIds)
      .where('active', '=', true)
      .where('role', 'in', ['unit', 'reporter'])
      .execute()
  ).map((u) => u.id);

describe('batch verification of monthly reports', () => {
  it('verifies every report sent, each through the single step with its own audit event and milestones', async () => {
    const ids = [await project(), await project(), await project()];
    const reports = [];
    for (const id of ids) reports.push(await monthlyReport(office, id, pastMonth, { until: 'submitted' }));
    const res = ok(
      await office.post('/api/reports/verify', {
        reports: reports.map((r) => ({ id: r.id, version: r.version })),
      }),
    );
    expect(res).toMatchObject({ done: 3, refused: 0 });
    expect(res.results.map((r) => [r.id, r.ok, r.error])).toEqual(reports.map((r) => [r.id, true, null]));
    const requestIds = new Set<string | null>();
    for (const r of reports) {
      const row = await db()
        .selectFrom('monthly_reports')
        .select(['status', 'verified_by', 'version'])
        .where('id', '=', r.id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'verified', version: r.version + 1 });
      const events = await audits('report', r.id, 'report_verify');
      expect(events).toHaveLength(1);
      expect(events[0]!.diff).toMatchObject({ status: { before: 'submitted', after: 'verified' } });
      requestIds.add(events[0]!.request_id);
    }
    // one request: every event of the batch carries its request id
    expect(requestIds.size).toBe(1);
  });

  it('marks the milestones a report reached, as a single verification does', async () => {
    const id = await project({ baseline: { milestones: [{ name: '桩基完成', plannedDate: '2026-03-31' }] } });
    const plan = (await office.get(`/api/projects/${id}/plans?year=2026`)).json()[0];
    const milestoneId = plan.milestones[0].id;
    const r = await monthlyReport(office, id, pastMonth, {
      until: 'submitted',
      fields: { milestonesReached: [{ milestoneId, actualDate: '2026-03-30' }] },
    });
    ok(await office.post('/api/reports/verify', { reports: [{ id: r.id, version: r.version }] }));
    const m = await db()
      .selectFrom('plan_milestones')
      .select('actual_date')
      .where('id', '=', milestoneId)
      .executeTakeFirstOrThrow();
    expect(m.actual_date).toBe('2026-03-30');
    expect(await audits('project', id, 'milestone_actual')).toHaveLength(1);
  });

  it('lists the refused ones with why (stale version, not submitted, missing) and still verifies the rest', async () => {
    const [a, b, c, d] = [await project(), await project(), await project(), await project()];
    const ra = await monthlyReport(office, a, pastMonth, { until: 'submitted' });
    const rb = await monthlyReport(office, b, pastMonth, { until: 'submitted' });
    const rc = await monthlyReport(office, c, pastMonth, { until: 'draft' });
    const rd = await monthlyReport(office, d, pastMonth, { until: 'submitted' });
    const res = ok(
      await office.post('/api/reports/verify', {
        reports: [
          { id: ra.id, version: ra.version },
          { id: rb.id, version: rb.version - 1 }, // read before its submission
          { id: rc.id, version: rc.version }, // still a draft
          { id: 999999, version: 1 },
          { id: rd.id, version: rd.version },
        ],
      }),
    );
    expect(res).toMatchObject({ done: 2, refused: 3 });
    const out = byId(res.results);
    expect(res.results.map((r) => r.id)).toEqual([ra.id, rb.id, rc.id, 999999, rd.id]);
    expect(out.get(ra.id)!.ok).toBe(true);
    expect(out.get(rd.id)!.ok).toBe(true);
    expect(out.get(rb.id)!.error).toMatchObject({
      code: 'VERSION_CONFLICT',
      status: 409,
      currentVersion: rb.version,
    });
    expect(out.get(rc.id)!.error).toMatchObject({ code: 'INVALID_STATE', status: 409 });
    expect(out.get(rc.id)!.error!.details[0]!.path).toBe('status');
    expect(out.get(999999)!.error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    // the refused ones are untouched and have no verification event
    for (const r of [rb, rc]) {
      const row = await db()
        .selectFrom('monthly_reports')
        .select(['status', 'version'])
        .where('id', '=', r.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ status: r.status, version: r.version });
      expect(await audits('report', r.id, 'report_verify')).toHaveLength(0);
    }
    // verifying again: no longer submitted
    const again = ok(
      await office.post('/api/reports/verify', { reports: [{ id: ra.id, version: ra.version + 1 }] }),
    );
    expect(again.results[0]!.error).toMatchObject({ code: 'INVALID_STATE' });
    expect(again.results[0]!.error!.details[0]!.message).toContain('已审核');
  });

  it('speaks English to English callers', async () => {
    const r = await monthlyReport(office, await project(), pastMonth, { until: 'submitted' });
    const res = await office.request({
      method: 'POST',
      url: '/api/reports/verify',
      payload: { reports: [{ id: r.id, version: 1 }] },
      headers: { 'accept-language': 'en' },
    });
    expect(ok(res).results[0]!.error!.message).toBe(
      'The record was changed by someone else; reload and try again',
    );
  });

  it('refuses out-of-scope reports as a single verification does: 403 when none is in reach', async () => {
    const city = await monthlyReport(office, await project(), pastMonth, { until: 'submitted' });
    const ld = await cityProject(office, {
      code: `BATCH-LD-${++seq}`,
      regionCode: '230623',
      responsibleUnitId: ldZjj,
    });
    const county = await monthlyReport(office, ld.id, pastMonth, { until: 'submitted' });
    const both = {
      reports: [
        { id: city.id, version: city.version },
        { id: county.id, version: county.version },
      ],
    };
    // the county office: the city report is out of scope, its own county's is verified
    const res = ok(await officeLindian.post('/api/reports/verify', both));
    expect(res).toMatchObject({ done: 1, refused: 1 });
    expect(byId(res.results).get(city.id)!.error).toMatchObject({ code: 'OUT_OF_SCOPE', status: 403 });
    // none in reach: the batch answers 403 as a whole
    expectError(
      await officeLindian.post('/api/reports/verify', { reports: [{ id: city.id, version: city.version }] }),
      403,
      'OUT_OF_SCOPE',
    );
    // the lead unit files its reports but never verifies them; a leader never writes reports
    expectError(
      await unitUser.post('/api/reports/verify', { reports: [{ id: city.id, version: city.version }] }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await leader.post('/api/reports/verify', { reports: [{ id: city.id, version: 1 }] }),
      403,
      'FORBIDDEN',
    );
    expect(await audits('report', city.id, 'report_verify')).toHaveLength(0);
  });

  it('validates the batch: at least one, each once, at most 200', async () => {
    expectError(await office.post('/api/reports/verify', { reports: [] }), 400, 'VALIDATION', 'body.reports');
    expectError(
      await office.post('/api/reports/verify', {
        reports: [
          { id: 1, version: 1 },
          { id: 1, version: 2 },
        ],
      }),
      400,
      'VALIDATION',
      'body.reports',
    );
    const many = Array.from({ length: 201 }, (_, i) => ({ id: i + 1, version: 1 }));
    expectError(
      await office.post('/api/reports/verify', { reports: many }),
      400,
      'VALIDATION',
      'body.reports',
    );
  });
});

describe('催报: reminding the units of missing and late reports', () => {
  let missing: number; // no report: led by 市住建局, owned by 城投公司
  let draft: number; // a draft never submitted: led by 市住建局, no owner
  let returned: number; // returned, not resubmitted: led by 市交通运输局, owned by 城投公司
  let submitted: number;
  let verified: number;

  beforeAll(async () => {
    missing = await project();
    draft = await project({ ownerUnitId: null });
    returned = await project({ responsibleUnitId: jtj });
    submitted = await project();
    verified = await project();
    await monthlyReport(office, draft, pastMonth, { until: 'draft' });
    const r = await monthlyReport(office, returned, pastMonth, { until: 'submitted' });
    ok(
      await office.post(`/api/projects/${returned}/reports/${pastMonth}/return`, {
        version: r.version,
        reason: '数据有误，请核实',
      }),
    );
    await monthlyReport(office, submitted, pastMonth, { until: 'submitted' });
    await monthlyReport(office, verified, pastMonth);
  });

  it('lists the missing and late ones with their state and deadline, not the submitted or verified', async () => {
    const list = ok<{ projectId: number; state: string; deadline: string; reminderCount: number }[]>(
      await office.get(`/api/reports/overdue?month=${pastMonth}`),
    );
    const mine = new Map(list.map((x) => [x.projectId, x]));
    expect(mine.get(missing)).toMatchObject({ state: 'missing', reminderCount: 0 });
    expect(mine.get(draft)).toMatchObject({ state: 'draft' });
    expect(mine.get(returned)).toMatchObject({ state: 'returned' });
    expect(mine.has(submitted)).toBe(false);
    expect(mine.has(verified)).toBe(false);
    expect(mine.get(missing)!.deadline < today).toBe(true);
    // this month is not due yet: nothing of ours is late
    const now = ok<{ projectId: number }[]>(await office.get(`/api/reports/overdue?month=${thisMonth}`));
    expect(now.some((x) => x.projectId === missing)).toBe(false);
    // the unit and the reporter have their inbox; the overdue list is the office's and the leader's
    expectError(await unitUser.get(`/api/reports/overdue?month=${pastMonth}`), 403, 'FORBIDDEN');
    expect((await leader.get(`/api/reports/overdue?month=${pastMonth}`)).statusCode).toBe(200);
  });

  it('reminds each project once, counts it, puts it on the timeline, and sends each unit one notice listing its projects', async () => {
    const zjjUsers = await userIdsOf([zjj]);
    const ctgsUsers = await userIdsOf([ctgs]);
    const jtjUsers = await userIdsOf([jtj]);
    const res = ok<ReportRemindResult>(
      await office.post('/api/reports/remind', {
        month: pastMonth,
        projectIds: [missing, draft, returned, submitted],
        note: '请于本周内补报',
      }),
    );
    expect(res).toMatchObject({ done: 3, refused: 1, units: 3 });
    expect(res.accounts).toBe(zjjUsers.length + ctgsUsers.length + jtjUsers.length);
    expect(res.silentUnits).toBe([zjjUsers, ctgsUsers, jtjUsers].filter((u) => u.length === 0).length);
    expect(byId(res.results).get(submitted)!.error).toMatchObject({ code: 'INVALID_STATE', status: 409 });
    expect(byId(res.results).get(submitted)!.error!.details[0]!.path).toBe('status');
    // counted per project-month
    const rows = await db()
      .selectFrom('report_reminders')
      .selectAll()
      .where('project_id', 'in', [missing, draft, returned, submitted])
      .execute();
    expect(rows.map((r) => [r.project_id, r.count, r.last_reminded_on]).sort()).toEqual(
      [
        [missing, 1, today],
        [draft, 1, today],
        [returned, 1, today],
      ].sort(),
    );
    // on each project's timeline, with the note as its reason
    for (const id of [missing, draft, returned]) {
      const events = await audits('project', id, 'report_remind');
      expect(events).toHaveLength(1);
      expect(events[0]!.reason).toBe('请于本周内补报');
      expect(events[0]!.diff).toMatchObject({ reminders: { before: 0, after: 1 } });
    }
    expect(await audits('project', submitted, 'report_remind')).toHaveLength(0);
    // one notice per unit: 市住建局 hears of two projects, 城投公司 of two, 交通运输局 of one
    const notices = await db()
      .selectFrom('notifications')
      .selectAll()
      .where('kind', '=', 'report_reminded')
      .where('entity_id', '=', pastMonth)
      .execute();
    expect(notices).toHaveLength(res.accounts);
    const codes = async (ids: number[]) =>
      (await db().selectFrom('projects').select('code').where('id', 'in', ids).execute()).map((p) => p.code);
    const [cMissing, cDraft, cReturned] = [
      (await codes([missing]))[0]!,
      (await codes([draft]))[0]!,
      (await codes([returned]))[0]!,
    ];
    for (const n of notices.filter((x) => zjjUsers.includes(x.user_id))) {
      expect(n.title).toContain('2 个项目');
      expect(n.body).toContain(cMissing);
      expect(n.body).toContain(cDraft);
      expect(n.body).not.toContain(cReturned);
      expect(n.body).toContain('请于本周内补报');
    }
    for (const n of notices.filter((x) => ctgsUsers.includes(x.user_id))) {
      expect(n.body).toContain(cMissing);
      expect(n.body).toContain(cReturned);
      expect(n.body).not.toContain(cDraft);
    }
    // the unit user sees it in its notifications, linking to the month's tasks
    const mine = ok<{ items: { kind: string; entity: string; entityId: string }[] }>(
      await unitUser.get('/api/notifications?pageSize=50'),
    );
    expect(mine.items.filter((n) => n.kind === 'report_reminded')).toEqual([
      expect.objectContaining({ entity: 'report_month', entityId: pastMonth }),
    ]);
    // the counts show where people look: the unit's inbox, the report page, the queue's lists
    const inbox = ok<{ projectId: number }[]>(await unitUser.get(`/api/reports/inbox?month=${pastMonth}`));
    expect(inbox.some((x) => x.projectId === missing)).toBe(true);
    const counts = ok<{ projectId: number; count: number; lastRemindedOn: string }[]>(
      await unitUser.get(`/api/reports/reminders?month=${pastMonth}`),
    );
    expect(counts).toContainEqual({ projectId: missing, count: 1, lastRemindedOn: today });
    expect(counts).toContainEqual({ projectId: draft, count: 1, lastRemindedOn: today });
    // the unit does not lead the returned one (交通运输局 does): it sees only its own projects' counts
    expect(counts.some((x) => x.projectId === returned)).toBe(false);
    const page = ok<{ reminder: unknown }>(
      await office.get(`/api/projects/${returned}/reports/${pastMonth}`),
    );
    expect(page.reminder).toMatchObject({
      count: 1,
      lastRemindedOn: today,
      lastRemindedBy: expect.any(String),
    });
    const listed = ok<{ items: { reminderCount: number }[] }>(
      await office.get(`/api/reports?month=${pastMonth}&projectId=${returned}`),
    );
    expect(listed.items[0]!.reminderCount).toBe(1);
    const overdue = ok<{ projectId: number; reminderCount: number }[]>(
      await office.get(`/api/reports/overdue?month=${pastMonth}`),
    );
    expect(overdue.find((x) => x.projectId === draft)).toMatchObject({
      reminderCount: 1,
      lastRemindedOn: today,
    });
  });

  it('reminds a project-month once a day: the same day it is skipped and said so, the next day it counts again', async () => {
    const before = await db()
      .selectFrom('notifications')
      .select('id')
      .where('kind', '=', 'report_reminded')
      .execute();
    const again = ok<{ done: number; refused: number; results: Outcome[]; units: number; accounts: number }>(
      await office.post('/api/reports/remind', { month: pastMonth, projectIds: [missing, draft] }),
    );
    expect(again).toMatchObject({ done: 0, refused: 2, units: 0, accounts: 0 });
    expect(again.results[0]!.error).toMatchObject({ code: 'INVALID_STATE' });
    expect(again.results[0]!.error!.details[0]!.path).toBe('lastRemindedOn');
    const after = await db()
      .selectFrom('notifications')
      .select('id')
      .where('kind', '=', 'report_reminded')
      .execute();
    expect(after).toHaveLength(before.length);
    // a day later
    await db()
      .updateTable('report_reminders')
      .set({ last_reminded_on: '2026-01-01' })
      .where('project_id', '=', missing)
      .execute();
    const next = ok<{ done: number }>(
      await office.post('/api/reports/remind', { month: pastMonth, projectIds: [missing, draft] }),
    );
    expect(next.done).toBe(1);
    const row = await db()
      .selectFrom('report_reminders')
      .selectAll()
      .where('project_id', '=', missing)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ count: 2, last_reminded_on: today });
    const latest = await db()
      .selectFrom('notifications')
      .selectAll()
      .where('kind', '=', 'report_reminded')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(latest.body).toContain('第 2 次催报');
  });

  it('refuses what is not late yet, a project nobody can be told of, and what the office does not reach', async () => {
    const fresh = await project();
    const orphan = await project({ responsibleUnitId: undefined, ownerUnitId: null });
    const ld = await cityProject(office, {
      code: `BATCH-LD-${++seq}`,
      regionCode: '230623',
      responsibleUnitId: ldZjj,
    });
    const notDue = ok(await office.post('/api/reports/remind', { month: thisMonth, projectIds: [fresh] }));
    expect(notDue.results[0]!.error!.details[0]!.path).toBe('deadline');
    const nobody = ok(await office.post('/api/reports/remind', { month: pastMonth, projectIds: [orphan] }));
    expect(nobody.results[0]!.error!.details[0]!.path).toBe('responsibleUnitId');
    const mixed = ok(
      await officeLindian.post('/api/reports/remind', { month: pastMonth, projectIds: [fresh, ld.id] }),
    );
    expect(mixed).toMatchObject({ done: 1, refused: 1 });
    expect(byId(mixed.results).get(fresh)!.error).toMatchObject({ code: 'OUT_OF_SCOPE', status: 403 });
    expectError(
      await officeLindian.post('/api/reports/remind', { month: pastMonth, projectIds: [fresh] }),
      403,
      'OUT_OF_SCOPE',
    );
    // an id that names nothing is refused as a single action would be (404), the batch itself answers
    const none = ok(
      await officeLindian.post('/api/reports/remind', { month: pastMonth, projectIds: [999999] }),
    );
    expect(none.results[0]!.error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    // only offices send 催报
    expectError(await unitUser.post('/api/reports/remind', { month: pastMonth }), 403, 'FORBIDDEN');
    expectError(await reporter.post('/api/reports/remind', { month: pastMonth }), 403, 'FORBIDDEN');
    expectError(await leader.post('/api/reports/remind', { month: pastMonth }), 403, 'FORBIDDEN');
  });

  it('without a list, reminds every overdue project of the month in the office’s scope, and only those', async () => {
    for (let i = 0; i < 2; i++)
      await cityProject(office, {
        code: `BATCH-LD-${++seq}`,
        regionCode: '230623',
        responsibleUnitId: ldZjj,
      });
    const list = ok<{ projectId: number; lastRemindedOn: string | null }[]>(
      await officeLindian.get(`/api/reports/overdue?month=${pastMonth}`),
    );
    const due = list.filter((x) => x.lastRemindedOn !== today).map((x) => x.projectId);
    expect(due.length).toBeGreaterThan(0);
    const res = ok<{ done: number; refused: number; results: Outcome[]; units: number }>(
      await officeLindian.post('/api/reports/remind', { month: pastMonth }),
    );
    expect(res.results.map((r) => r.id).sort()).toEqual(list.map((x) => x.projectId).sort());
    expect(
      res.results
        .filter((r) => r.ok)
        .map((r) => r.id)
        .sort(),
    ).toEqual(due.sort());
    expect(res.units).toBeGreaterThan(0);
    // every one of them is a Lindian project
    const regions = await db()
      .selectFrom('projects')
      .select('region_code')
      .where(
        'id',
        'in',
        res.results.map((r) => r.id),
      )
      .execute();
    expect(regions.every((r) => r.region_code.startsWith('230623'))).toBe(true);
    // a second time today: nothing more is sent
    const again = ok<{ done: number; units: number }>(
      await officeLindian.post('/api/reports/remind', { month: pastMonth }),
    );
    expect(again).toMatchObject({ done: 0, units: 0 });
  });
});

describe('batch 催办 of items', () => {
  it('reminds each item as a single 催办 does: count, handling record, audit event and a notice to the lead unit', async () => {
    const id = await project();
    const items = [];
    for (let i = 0; i < 3; i++)
      items.push(
        (
          await supervisedItem(office, {
            projectId: id,
            title: `批量催办${i}`,
            assign: { responsibleUnitId: zjj },
          })
        ).item,
      );
    const fresh = (await supervisedItem(office, { projectId: id, title: '未交办事项' })).item;
    const unitUsers = await userIdsOf([zjj]);
    const res = ok(
      await leader.post('/api/items/remind', {
        items: [...items, fresh].map((i) => ({ id: i.id, version: i.version })),
        note: '请加快办理',
      }),
    );
    expect(res).toMatchObject({ done: 3, refused: 1 });
    expect(byId(res.results).get(fresh.id)!.error).toMatchObject({ code: 'INVALID_STATE', status: 409 });
    for (const i of items) {
      const detail = ok<{
        item: { reminderCount: number; lastRemindedOn: string; version: number };
        events: { action: string; note: string | null }[];
      }>(await office.get(`/api/items/${i.id}`));
      // a reminder changes nothing anyone edits: the version stays
      expect(detail.item).toMatchObject({ reminderCount: 1, lastRemindedOn: today, version: i.version });
      expect(detail.events.filter((e) => e.action === 'remind')).toEqual([
        expect.objectContaining({ note: '请加快办理' }),
      ]);
      expect(await audits('item', i.id, 'remind')).toHaveLength(1);
      const notices = await db()
        .selectFrom('notifications')
        .select('user_id')
        .where('entity', '=', 'item')
        .where('entity_id', '=', String(i.id))
        .where('kind', '=', 'reminded')
        .execute();
      expect(notices.map((n) => n.user_id).sort()).toEqual([...unitUsers].sort());
    }
    expect(await audits('item', fresh.id, 'remind')).toHaveLength(0);
  });

  it('refuses items out of scope as a single 催办 does; the unit may not remind', async () => {
    const city = (
      await supervisedItem(office, { projectId: await project(), assign: { responsibleUnitId: zjj } })
    ).item;
    const ld = await cityProject(office, {
      code: `BATCH-LD-${++seq}`,
      regionCode: '230623',
      responsibleUnitId: ldZjj,
    });
    const county = (await supervisedItem(office, { projectId: ld.id, assign: { responsibleUnitId: ldZjj } }))
      .item;
    const res = ok(
      await officeLindian.post('/api/items/remind', {
        items: [city, county].map((i) => ({ id: i.id, version: i.version })),
      }),
    );
    expect(res).toMatchObject({ done: 1, refused: 1 });
    expect(byId(res.results).get(city.id)!.error).toMatchObject({ code: 'OUT_OF_SCOPE', status: 403 });
    expectError(
      await officeLindian.post('/api/items/remind', { items: [{ id: city.id, version: city.version }] }),
      403,
      'OUT_OF_SCOPE',
    );
    expectError(
      await unitUser.post('/api/items/remind', { items: [{ id: city.id, version: city.version }] }),
      403,
      'FORBIDDEN',
    );
  });
});

describe('batch approval of plan drafts', () => {
  const draftOf = async (
    projectId: number,
    body: Record<string, unknown> = { plannedInvestment: '1200' },
  ) => {
    const res = await office.put(`/api/projects/${projectId}/plans/2026/draft`, body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: number; version: number };
  };

  it('lists the year’s drafts in scope and approves the selected ones with one reason and date, each audited', async () => {
    const ids = [await project(), await project(), await project()];
    const drafts: { id: number; version: number }[] = [];
    for (const id of ids) drafts.push(await draftOf(id));
    const listed = ok<{
      items: { id: number; projectId: number; baselineNo: number | null; plannedInvestment: string }[];
      total: number;
    }>(await office.get('/api/plan-drafts?year=2026&q=BATCH&pageSize=100'));
    for (const d of drafts)
      expect(listed.items.find((x) => x.id === d.id)).toMatchObject({
        baselineNo: null,
        plannedInvestment: '1200.00',
      });
    const res = ok(
      await office.post('/api/plan-drafts/approve', {
        plans: drafts.map((d) => ({ id: d.id, version: d.version })),
        reason: '2026 年计划导入后集中批准',
        effectiveFrom: '2026-01-01',
      }),
    );
    expect(res).toMatchObject({ done: 3, refused: 0 });
    for (const d of drafts) {
      const row = await db()
        .selectFrom('annual_plans')
        .selectAll()
        .where('id', '=', d.id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'approved', baseline_no: 1, effective_from: '2026-01-01' });
      const events = await audits('annual_plan', d.id, 'approve_baseline');
      expect(events).toHaveLength(1);
      expect(events[0]!.reason).toBe('2026 年计划导入后集中批准');
    }
    // approved drafts leave the list
    const after = ok<{ items: { id: number }[] }>(
      await office.get('/api/plan-drafts?year=2026&q=BATCH&pageSize=100'),
    );
    expect(after.items.some((x) => drafts.some((d) => d.id === x.id))).toBe(false);
  });

  it('refuses a stale draft, one already approved and one out of reach; approves the others; keeps a change reason', async () => {
    const [a, b, c] = [await project(), await project(), await project()];
    const da = await draftOf(a);
    const db_ = await draftOf(b);
    const dbNewer = await draftOf(b, { version: db_.version, plannedInvestment: '1300' });
    const dc = await draftOf(c);
    ok(await office.post(`/api/projects/${c}/plans/2026/approve`, { version: dc.version }));
    // a second baseline for a: approve the first, then a changed draft with its reason
    ok(await office.post(`/api/projects/${a}/plans/2026/approve`, { version: da.version }));
    const da2 = await draftOf(a, { plannedInvestment: '1500', changeReason: '追加投资' });
    const ld = await cityProject(office, {
      code: `BATCH-LD-${++seq}`,
      regionCode: '230623',
      responsibleUnitId: ldZjj,
    });
    const res = ok(
      await officeLindian.post('/api/plan-drafts/approve', {
        plans: [
          { id: (await draftOf(ld.id)).id, version: 1 },
          { id: da2.id, version: da2.version },
        ],
        reason: '县级集中批准',
      }),
    );
    expect(res).toMatchObject({ done: 1, refused: 1 });
    expect(byId(res.results).get(da2.id)!.error).toMatchObject({ code: 'OUT_OF_SCOPE', status: 403 });
    const mixed = ok(
      await office.post('/api/plan-drafts/approve', {
        plans: [
          { id: da2.id, version: da2.version },
          { id: db_.id, version: db_.version }, // read before it was changed
          { id: dc.id, version: dc.version + 1 }, // already approved
        ],
        reason: '集中批准',
      }),
    );
    expect(mixed).toMatchObject({ done: 1, refused: 2 });
    expect(byId(mixed.results).get(db_.id)!.error).toMatchObject({
      code: 'VERSION_CONFLICT',
      currentVersion: dbNewer.version,
    });
    expect(byId(mixed.results).get(dc.id)!.error).toMatchObject({ code: 'INVALID_STATE', status: 409 });
    const ev = await audits('annual_plan', da2.id, 'approve_baseline');
    expect(ev).toHaveLength(1);
    expect(ev[0]!.reason).toBe('集中批准（调整原因：追加投资）');
    const row = await db()
      .selectFrom('annual_plans')
      .selectAll()
      .where('id', '=', da2.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'approved', baseline_no: 2, effective_from: today });
    // the unit prepares drafts but never approves them; a reason is required
    expectError(
      await unitUser.post('/api/plan-drafts/approve', {
        plans: [{ id: dbNewer.id, version: dbNewer.version }],
        reason: '批准',
      }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await office.post('/api/plan-drafts/approve', {
        plans: [{ id: dbNewer.id, version: dbNewer.version }],
        reason: '',
      }),
      400,
      'VALIDATION',
      'body.reason',
    );
  });
});
