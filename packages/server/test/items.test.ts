/**
 * Supervised items (DOMAIN §6) over HTTP against the real database: raising (from a report, a
 * project, on its own; who may raise which kind), the state machine walked for every status and
 * actor (refused steps answer 409 INVALID_STATE with the status and the allowed steps, the wrong
 * actor 403, a stale version 409), each step's effects (deadlines, notices, levels, listing,
 * merging, editing), evidence, settings, escalation proposals, the due-soon job, the inbox,
 * indicators on a constructed set, the .xlsx ledger, data scope for every role, and the audit
 * trail of every change.
 */
import type { Item, ItemAction, ItemStatus } from '@ducha/contract';
import type { LightMyRequestResponse as Response } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyDueSoon } from '../src/modules/items/jobs.ts';
import { ExcelJS, XLSX_TYPE } from '../src/platform/excel.ts';
import { addWorkingDays, workingDaysBetween } from '../src/platform/calendar.ts';
import { todayInChina } from '../src/platform/time.ts';
import { cityProject, demoUnits, monthlyReport, signInAs } from './factories.ts';
import { auditHelpers, createTestApp, expectError, type Client, type TestApp } from './helpers.ts';

let t: TestApp;
let admin: Client;
let office: Client;
let officeLd: Client;
let leader: Client;
let unitUser: Client;
let reporter: Client;
let inspector: Client;
let expert: Client;

let zjj: number; // 大庆市住房和城乡建设局: the `unit` user's unit
let jtj: number; // 大庆市交通运输局: a unit without the demo accounts' involvement
let swj: number; // 大庆市水务局
let ctgs: number; // 大庆市城市建设投资开发有限公司: the `reporter` user's unit (owner of projA)
let jttz: number; // 大庆市交通投资集团有限公司: another owner
let ldZjj: number; // 林甸县住房和城乡建设局

let projA: number; // city, owner ctgs, lead zjj
let projB: number; // city, owner jttz, lead jtj
let projLd: number; // 林甸县, lead ldZjj
let reportA: number; // projA's report of this month, filled by the reporter

const today = todayInChina();
const year = Number(today.slice(0, 4));
const month = today.slice(0, 7);
const plusDays = (date: string, n: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const later = (n: number) => addWorkingDays(today, n);
/** The latest date with exactly `n` working days after it up to today. */
const workingDaysAgo = (n: number) => {
  let d = plusDays(today, -1);
  while (workingDaysBetween(d, today) < n) d = plusDays(d, -1);
  return d;
};

const db = () => t.database.db;
const { lastAuditOf, auditCount } = auditHelpers(() => t);

interface Detail {
  item: Item;
  allowedActions: ItemAction[];
  events: {
    action: string;
    note: string | null;
    fromStatus: ItemStatus | null;
    toStatus: ItemStatus | null;
  }[];
  attachments: { id: number; name: string; size: number; type: string; sha256: string }[];
  duplicates: { id: number; code: string; title: string }[];
}
interface Notice {
  id: number;
  kind: string;
  title: string;
  body: string | null;
  entity: string;
  entityId: string;
  readAt: string | null;
}

function ok<T = Detail>(res: Response, status = 200): T {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

beforeAll(async () => {
  t = await createTestApp();
  ({
    admin,
    office,
    office_lindian: officeLd,
    leader,
    unit: unitUser,
    reporter,
    inspector,
    expert,
  } = await signInAs(t));
  ({ zjj, jtj, swj, ctgs, jttz, ldZjj } = await demoUnits(t));
  const project = async (code: string, regionCode: string, ownerUnitId: number | null, lead: number) =>
    (
      await cityProject(office, {
        code,
        name: `${code} 督办测试项目`,
        regionCode,
        ownerUnitId,
        stage: 'preliminary',
        responsibleUnitId: lead,
      })
    ).id;
  projA = await project('ITEM-A', '230600', ctgs, zjj);
  projB = await project('ITEM-B', '230600', jttz, jtj);
  projLd = await project('ITEM-LD', '230623', null, ldZjj);
  reportA = (
    await monthlyReport(reporter, projA, month, {
      fields: { investmentMonth: '100', physicalProgress: '场地平整', problems: '管线迁改未完成' },
      until: 'draft',
    })
  ).id;
});
afterAll(() => t.close());

// ---- helpers ----

const raiseBody = (over: Record<string, unknown> = {}) => ({
  projectId: projA,
  category: '资金',
  title: '配套资金未到位',
  description: '市级配套资金 2000 万元尚未拨付',
  ...over,
});
async function raise(c: Client = office, over: Record<string, unknown> = {}): Promise<Detail> {
  return ok(await c.post('/api/items', raiseBody(over)), 201);
}
const versionOf = async (id: number) =>
  (await db().selectFrom('items').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
/** Takes a step with the item's current version unless one is given. */
async function step(c: Client, id: number, body: Record<string, unknown>) {
  return c.post(`/api/items/${id}/steps`, { version: await versionOf(id), ...body });
}
/** Takes a step that must succeed and leave its audit event. */
async function act(c: Client, id: number, body: Record<string, unknown>): Promise<Detail> {
  const d = ok(await step(c, id, body));
  const audit = await lastAuditOf('item', id);
  expect(audit.action).toBe(body.action);
  expect(audit.actor_name).toBeTruthy();
  return d;
}
const get = async (c: Client, id: number) => ok(await c.get(`/api/items/${id}`));
const list = async (c: Client, query = '') =>
  ok<{ items: Item[]; total: number }>(await c.get(`/api/items?pageSize=500${query}`));
const ids = async (c: Client, query = '') => (await list(c, query)).items.map((i) => i.id);

async function assignedItem(over: Record<string, unknown> = {}, assign: Record<string, unknown> = {}) {
  const d = await raise(office, over);
  return act(office, d.item.id, { action: 'assign', responsibleUnitId: zjj, ...assign });
}
async function respondedItem(over: Record<string, unknown> = {}) {
  const d = await assignedItem(over);
  return act(unitUser, d.item.id, { action: 'respond', plan: '协调财政局拨付', promisedDate: later(10) });
}
async function resolvedItem(over: Record<string, unknown> = {}) {
  const d = await respondedItem(over);
  return act(unitUser, d.item.id, { action: 'resolve', resolution: '资金已全部拨付到位' });
}

async function notices(c: Client, query = '') {
  return ok<{ items: Notice[]; total: number }>(await c.get(`/api/notifications?pageSize=500${query}`)).items;
}
const noticesOf = async (c: Client, id: number, kind: string) =>
  (await notices(c)).filter((n) => n.entity === 'item' && n.entityId === String(id) && n.kind === kind);

/** Step bodies valid under the schema, for trying every action on an item. */
const bodies = (targetId: number): Record<ItemAction, Record<string, unknown>> => ({
  assign: { responsibleUnitId: zjj },
  respond: { plan: '协调推进', promisedDate: later(10) },
  resolve: { resolution: '已经解决完毕' },
  return: { reason: '佐证材料不全' },
  close: {},
  merge: { targetId, reason: '重复提出' },
  escalate: { reason: '久拖不决' },
  list: { due: later(15), reason: '挂牌督办' },
  remind: {},
  edit: { reason: '更正标题', title: '更正后的标题' },
});

// ---- raising ----

describe('raising an item', () => {
  it('a reporter raises a problem from its own monthly report: level 1, the report and project linked', async () => {
    const before = await auditCount();
    const d = await raise(reporter, {
      projectId: undefined,
      source: 'report',
      reportId: reportA,
      category: '管线迁改',
      title: '管线迁改滞后',
    });
    expect(d.item).toMatchObject({
      kind: 'problem',
      source: 'report',
      reportId: reportA,
      reportMonth: month,
      project: { id: projA, code: 'ITEM-A' },
      regionCode: '230600',
      category: '管线迁改',
      status: 'new',
      level: 1,
      levelLabel: '项目业主',
      raisedBy: '宋凯文',
      raisedByUnit: { id: ctgs, name: '大庆市城市建设投资开发有限公司' },
      responsibleUnit: null,
      reminderCount: 0,
      listed: false,
      version: 1,
    });
    expect(d.item.code).toMatch(new RegExp(`^WT-${year}-\\d{4}$`));
    expect(d.allowedActions).toEqual([]);
    expect(d.events.map((e) => [e.action, e.toStatus])).toEqual([['raise', 'new']]);
    expect(await auditCount()).toBe(before + 1);
    const audit = await lastAuditOf('item', d.item.id);
    expect(audit).toMatchObject({ action: 'create', actor_name: '宋凯文' });
  });

  it('a report id alone takes the project from the report, even with source "project"', async () => {
    const d = await raise(reporter, { projectId: undefined, reportId: reportA });
    expect(d.item).toMatchObject({ source: 'report', reportId: reportA, project: { id: projA } });
  });

  it("a reporter may not raise on someone else's project, nor without a project", async () => {
    const other = await reporter.post('/api/items', raiseBody({ projectId: projB }));
    expect(other.statusCode, other.body).toBe(403);
    expectError(await reporter.post('/api/items', raiseBody({ projectId: undefined })), 403, 'FORBIDDEN');
  });

  it('validates the category, the report and the region with field paths', async () => {
    expectError(
      await office.post('/api/items', raiseBody({ category: '不存在的类别' })),
      400,
      'VALIDATION',
      'body.category',
    );
    expectError(
      await reporter.post('/api/items', raiseBody({ projectId: projB, reportId: reportA })),
      400,
      'VALIDATION',
      'body.projectId',
    );
    expectError(
      await office.post('/api/items', raiseBody({ projectId: undefined, source: 'report' })),
      400,
      'VALIDATION',
      'body.reportId',
    );
    expectError(
      await office.post('/api/items', raiseBody({ projectId: undefined, reportId: 999999 })),
      400,
      'VALIDATION',
      'body.reportId',
    );
    expectError(
      await office.post('/api/items', raiseBody({ projectId: undefined, regionCode: '999999' })),
      400,
      'VALIDATION',
      'body.regionCode',
    );
    expectError(await office.post('/api/items', raiseBody({ title: 'x' })), 400, 'VALIDATION', 'body.title');
    // a county office cannot place an item in the city
    expectError(
      await officeLd.post('/api/items', raiseBody({ projectId: undefined, regionCode: '230600' })),
      403,
      'OUT_OF_SCOPE',
    );
  });

  it('instructions come only from offices and leaders, at the leader rung; decisions only from offices', async () => {
    const instruction = { kind: 'instruction', source: 'leader' };
    expectError(await unitUser.post('/api/items', raiseBody(instruction)), 403, 'FORBIDDEN');
    expectError(await reporter.post('/api/items', raiseBody(instruction)), 403, 'FORBIDDEN');
    expectError(await inspector.post('/api/items', raiseBody(instruction)), 403, 'FORBIDDEN');
    const byLeader = await raise(leader, instruction);
    expect(byLeader.item).toMatchObject({ kind: 'instruction', level: 4, levelLabel: '分管领导' });
    expect(byLeader.item.code).toMatch(new RegExp(`^PS-${year}-\\d{4}$`));
    const byOffice = await raise(office, instruction);
    expect(Number(byOffice.item.code.slice(-4))).toBe(Number(byLeader.item.code.slice(-4)) + 1);

    expectError(await leader.post('/api/items', raiseBody({ kind: 'decision' })), 403, 'FORBIDDEN');
    expectError(await unitUser.post('/api/items', raiseBody({ kind: 'rectification' })), 403, 'FORBIDDEN');
    const decision = await raise(office, { kind: 'decision', source: 'meeting' });
    expect(decision.item).toMatchObject({ kind: 'decision', level: 3 });
    expect(decision.item.code).toMatch(new RegExp(`^YD-${year}-\\d{4}$`));
    const rect = await raise(admin, { kind: 'rectification', source: 'inspection' });
    expect(rect.item.code).toMatch(new RegExp(`^ZG-${year}-\\d{4}$`));
    // a unit raises problems, on its rung
    const byUnit = await raise(unitUser);
    expect(byUnit.item).toMatchObject({ level: 2, raisedByUnit: { id: zjj } });
  });

  it('codes WT-YYYY-NNNN count up one by one', async () => {
    const a = await raise(office);
    const b = await raise(unitUser);
    const c = await raise(admin, { projectId: undefined });
    const n = [a, b, c].map((d) => d.item.code);
    for (const code of n) expect(code).toMatch(new RegExp(`^WT-${year}-\\d{4}$`));
    expect(n.map((code) => Number(code.slice(-4)))).toEqual([
      Number(n[0]!.slice(-4)),
      Number(n[0]!.slice(-4)) + 1,
      Number(n[0]!.slice(-4)) + 2,
    ]);
    // without a project the item sits in the raiser's region
    expect(c.item).toMatchObject({ project: null, regionCode: '230600', regionName: '大庆市' });
  });
});

// ---- the state machine, for every status and actor ----

/**
 * By hand from DOMAIN §6, for an item the reporter raised on projA and the office assigned to the
 * `unit` user's unit: what each of office, leader, unit (responsible) and reporter (raiser) may do.
 * null: cannot read the item at all.
 */
type Who = 'office' | 'leader' | 'unit' | 'reporter';
const expected: Record<ItemStatus, Record<Who, ItemAction[] | null>> = {
  new: { office: ['assign', 'merge', 'edit'], leader: [], unit: null, reporter: [] },
  assigned: {
    office: ['assign', 'merge', 'escalate', 'list', 'remind', 'edit'],
    leader: ['remind'],
    unit: ['respond', 'escalate'],
    reporter: [],
  },
  responded: {
    office: ['return', 'merge', 'escalate', 'list', 'remind', 'edit'],
    leader: ['remind'],
    unit: ['resolve', 'escalate'],
    reporter: ['return'],
  },
  resolved: {
    office: ['return', 'close', 'merge', 'edit'],
    leader: [],
    unit: [],
    reporter: ['return', 'close'],
  },
  returned: {
    office: ['merge', 'escalate', 'list', 'remind', 'edit'],
    leader: ['remind'],
    unit: ['respond', 'resolve', 'escalate'],
    reporter: [],
  },
  closed: { office: [], leader: [], unit: [], reporter: [] },
  merged: { office: [], leader: [], unit: [], reporter: [] },
};
/** The statuses each step starts from. */
const from: Record<ItemAction, ItemStatus[]> = {
  assign: ['new', 'assigned'],
  respond: ['assigned', 'returned'],
  resolve: ['responded', 'returned'],
  return: ['responded', 'resolved'],
  close: ['resolved'],
  merge: ['new', 'assigned', 'responded', 'returned', 'resolved'],
  escalate: ['assigned', 'responded', 'returned'],
  list: ['assigned', 'responded', 'returned'],
  remind: ['assigned', 'responded', 'returned'],
  edit: ['new', 'assigned', 'responded', 'returned', 'resolved'],
};
const actions = Object.keys(from) as ItemAction[];

describe('the state machine over HTTP', () => {
  let target: number; // an open item to merge into

  beforeAll(async () => {
    target = (await raise(office, { title: '合并目标事项' })).item.id;
  });

  /** Every actor: the offered steps, and every other step refused with the right answer, nothing changed. */
  async function check(id: number, status: ItemStatus) {
    const clients: Record<Who, Client> = { office, leader, unit: unitUser, reporter };
    for (const who of Object.keys(clients) as Who[]) {
      const c = clients[who];
      const want = expected[status][who];
      const read = await c.get(`/api/items/${id}`);
      if (want === null) {
        expectError(read, 403, 'OUT_OF_SCOPE');
      } else {
        const d = ok(read);
        expect(d.item.status).toBe(status);
        expect(d.allowedActions, `${who} on ${status}`).toEqual(want);
      }
      const before = await auditCount();
      const version = await versionOf(id);
      for (const a of actions) {
        if (want?.includes(a)) continue;
        const res = await step(c, id, { action: a, ...bodies(target)[a] });
        const body = res.json() as { error: { code: string; status?: string; allowed?: string[] } };
        const what = `${who} ${a} on ${status}: ${res.body}`;
        if (want === null) {
          expect(res.statusCode, what).toBe(403);
          expect(body.error.code, what).toBe('OUT_OF_SCOPE');
        } else if (!from[a].includes(status)) {
          expect(res.statusCode, what).toBe(409);
          expect(body.error, what).toMatchObject({ code: 'INVALID_STATE', status, allowed: want });
        } else {
          expect(res.statusCode, what).toBe(403);
          expect(body.error.code, what).toBe('FORBIDDEN');
        }
      }
      // refusals change nothing and leave no trace
      expect(await versionOf(id)).toBe(version);
      expect(await auditCount()).toBe(before);
    }
  }

  it('walks new → assigned → responded → resolved → returned → resolved → closed, checking every actor on the way', async () => {
    const id = (await raise(reporter, { title: '状态机测试事项' })).item.id;
    await check(id, 'new');
    // the raiser (a reporter) may not assign: that is the office's
    expectError(await step(reporter, id, { action: 'assign', responsibleUnitId: zjj }), 403, 'FORBIDDEN');
    let d = await act(office, id, { action: 'assign', responsibleUnitId: zjj });
    expect(d.item).toMatchObject({ status: 'assigned', level: 2, responsibleUnit: { id: zjj } });
    await check(id, 'assigned');
    d = await act(unitUser, id, { action: 'respond', plan: '协调财政局拨付', promisedDate: later(10) });
    expect(d.item).toMatchObject({ status: 'responded', respondedOn: today, promisedDate: later(10) });
    await check(id, 'responded');
    d = await act(unitUser, id, { action: 'resolve', resolution: '资金已拨付' });
    expect(d.item).toMatchObject({ status: 'resolved', resolvedOn: today, resolution: '资金已拨付' });
    await check(id, 'resolved');
    // the raiser sends it back
    d = await act(reporter, id, { action: 'return', reason: '仅拨付一半' });
    expect(d.item).toMatchObject({ status: 'returned', resolvedOn: null, returnReason: '仅拨付一半' });
    await check(id, 'returned');
    d = await act(unitUser, id, { action: 'resolve', resolution: '剩余资金已拨付' });
    expect(d.item).toMatchObject({ status: 'resolved', returnReason: null, resolvedOn: today });
    // the raiser confirms: closed out
    d = await act(reporter, id, { action: 'close', note: '核实无误' });
    expect(d.item).toMatchObject({ status: 'closed', closedOn: today });
    await check(id, 'closed');
    expect(d.events.map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ['raise', null, 'new'],
      ['assign', 'new', 'assigned'],
      ['respond', 'assigned', 'responded'],
      ['resolve', 'responded', 'resolved'],
      ['return', 'resolved', 'returned'],
      ['resolve', 'returned', 'resolved'],
      ['close', 'resolved', 'closed'],
    ]);
  });

  it('a merged duplicate: no one may do anything more', async () => {
    const id = (await raise(reporter, { title: '重复事项' })).item.id;
    await act(office, id, { action: 'assign', responsibleUnitId: zjj });
    const d = await act(office, id, { action: 'merge', targetId: target, reason: '与已有事项重复' });
    expect(d.item.status).toBe('merged');
    await check(id, 'merged');
  });

  it('a stale version is refused with 409 VERSION_CONFLICT and the current version', async () => {
    const d = await assignedItem();
    const res = await unitUser.post(`/api/items/${d.item.id}/steps`, {
      action: 'respond',
      version: d.item.version - 1,
      plan: '协调推进',
      promisedDate: later(5),
    });
    expectError(res, 409, 'VERSION_CONFLICT', 'version');
    expect(res.json().error.currentVersion).toBe(d.item.version);
    expect((await get(office, d.item.id)).item.status).toBe('assigned');
  });

  it('escalate is refused at the top of the ladder (409), and list when already listed', async () => {
    const d = await assignedItem();
    await db().updateTable('items').set({ level: 5 }).where('id', '=', d.item.id).execute();
    const top = await step(office, d.item.id, { action: 'escalate', reason: '再升级' });
    expectError(top, 409, 'INVALID_STATE');
    expect(top.json().error).toMatchObject({
      status: 'assigned',
      allowed: ['assign', 'merge', 'list', 'remind', 'edit'],
    });
    await act(office, d.item.id, { action: 'list', due: later(20), reason: '挂牌督办' });
    const again = await step(office, d.item.id, { action: 'list', due: later(25), reason: '再次挂牌' });
    expectError(again, 409, 'INVALID_STATE');
    expect(again.json().error.allowed).toEqual(['assign', 'merge', 'remind', 'edit']);
  });

  it('resolve from returned needs a response on record', async () => {
    const d = await assignedItem();
    // returned before any response (written directly: the lifecycle only returns responded items)
    await db().updateTable('items').set({ status: 'returned' }).where('id', '=', d.item.id).execute();
    expect((await get(unitUser, d.item.id)).allowedActions).toEqual(['respond', 'escalate']);
    const res = await step(unitUser, d.item.id, { action: 'resolve', resolution: '已经解决完毕' });
    expectError(res, 409, 'INVALID_STATE');
    expect(res.json().error).toMatchObject({ status: 'returned', allowed: ['respond', 'escalate'] });
  });
});

// ---- each step's effects ----

describe('assign', () => {
  it('sets the response deadline 4 working days out, raises the level, and tells the unit and co-units', async () => {
    const d0 = await raise(reporter, { title: '交办通知测试' });
    expect(d0.item.level).toBe(1);
    const d = await act(office, d0.item.id, {
      action: 'assign',
      responsibleUnitId: zjj,
      coUnitIds: [ctgs, ctgs, zjj],
      resolutionDue: later(30),
      note: '请抓紧办理',
    });
    expect(d.item).toMatchObject({
      status: 'assigned',
      level: 2,
      levelLabel: '责任单位',
      assignedOn: today,
      responseDue: addWorkingDays(today, 4),
      resolutionDue: later(30),
      dueDate: later(30),
      responsibleUnit: { id: zjj, name: '大庆市住房和城乡建设局' },
      coUnits: [{ id: ctgs, name: '大庆市城市建设投资开发有限公司' }],
      version: 2,
    });
    const toUnit = await noticesOf(unitUser, d.item.id, 'assigned');
    expect(toUnit).toHaveLength(1);
    expect(toUnit[0]).toMatchObject({
      title: '交办：交办通知测试',
      body: `请于 ${addWorkingDays(today, 4)} 前答复`,
      readAt: null,
    });
    expect(await noticesOf(reporter, d.item.id, 'assigned')).toHaveLength(1);
    expect(await noticesOf(leader, d.item.id, 'assigned')).toHaveLength(0);
  });

  it('honours an explicit response deadline, and re-assigning moves the item (and its scope)', async () => {
    const d = await assignedItem({}, { responseDue: later(2) });
    expect(d.item.responseDue).toBe(later(2));
    const moved = await act(office, d.item.id, {
      action: 'assign',
      responsibleUnitId: jtj,
      coUnitIds: [swj],
    });
    expect(moved.item).toMatchObject({
      responsibleUnit: { id: jtj },
      coUnits: [{ id: swj }],
      status: 'assigned',
    });
    expectError(await unitUser.get(`/api/items/${d.item.id}`), 403, 'OUT_OF_SCOPE');
  });

  it('validates the units and dates with field paths', async () => {
    const d = await raise(office);
    const id = d.item.id;
    expectError(
      await step(office, id, { action: 'assign', responsibleUnitId: 999999 }),
      400,
      'VALIDATION',
      'body.responsibleUnitId',
    );
    expectError(
      await step(office, id, { action: 'assign', responsibleUnitId: zjj, coUnitIds: [999999] }),
      400,
      'VALIDATION',
      'body.coUnitIds',
    );
    await db().updateTable('units').set({ active: false }).where('id', '=', swj).execute();
    expectError(
      await step(office, id, { action: 'assign', responsibleUnitId: swj }),
      400,
      'VALIDATION',
      'body.responsibleUnitId',
    );
    await db().updateTable('units').set({ active: true }).where('id', '=', swj).execute();
    expectError(
      await step(office, id, { action: 'assign', responsibleUnitId: zjj, responseDue: '2020-01-01' }),
      400,
      'VALIDATION',
      'body.responseDue',
    );
    expectError(
      await step(office, id, {
        action: 'assign',
        responsibleUnitId: zjj,
        resolutionDue: plusDays(today, -1),
      }),
      400,
      'VALIDATION',
      'body.resolutionDue',
    );
    expectError(
      await step(office, id, { action: 'assign', responsibleUnitId: zjj, responseDue: '2026-02-30' }),
      400,
      'VALIDATION',
      'body.responseDue',
    );
    // nothing happened, nobody was told
    expect((await get(office, id)).item).toMatchObject({ status: 'new', version: 1 });
    expect(await noticesOf(unitUser, id, 'assigned')).toHaveLength(0);
    // today itself is allowed
    const d2 = await act(office, id, { action: 'assign', responsibleUnitId: zjj, responseDue: today });
    expect(d2.item.responseDue).toBe(today);
  });
});

describe('remind', () => {
  it('counts up, needs no fresh version, keeps the version, and tells the lead unit each time', async () => {
    const d = await assignedItem({}, { coUnitIds: [ctgs] });
    const id = d.item.id;
    const v = d.item.version;
    let r = ok(
      await office.post(`/api/items/${id}/steps`, { action: 'remind', version: 1, note: '请尽快答复' }),
    );
    expect(r.item).toMatchObject({ reminderCount: 1, lastRemindedOn: today, version: v });
    expect((await lastAuditOf('item', id)).action).toBe('remind');
    r = ok(await leader.post(`/api/items/${id}/steps`, { action: 'remind', version: 1 }));
    expect(r.item).toMatchObject({ reminderCount: 2, version: v });
    const toUnit = await noticesOf(unitUser, id, 'reminded');
    expect(toUnit.map((n) => n.body).sort()).toEqual(['第 2 次催办', '请尽快答复'].sort());
    // the lead unit only, not the co-units
    expect(await noticesOf(reporter, id, 'reminded')).toHaveLength(0);
    expect(r.events.filter((e) => e.action === 'remind')).toHaveLength(2);
    expectError(await step(unitUser, id, { action: 'remind' }), 403, 'FORBIDDEN');
    // the version still works for a real step
    ok(
      await unitUser.post(`/api/items/${id}/steps`, {
        action: 'respond',
        version: v,
        plan: '协调推进',
        promisedDate: later(5),
      }),
    );
  });
});

describe('respond, resolve, return', () => {
  it('respond records the plan and the promise, which becomes the due date; a past promise is refused', async () => {
    const d = await assignedItem({}, { resolutionDue: later(30) });
    expectError(
      await step(unitUser, d.item.id, {
        action: 'respond',
        plan: '协调推进',
        promisedDate: plusDays(today, -1),
      }),
      400,
      'VALIDATION',
      'body.promisedDate',
    );
    expectError(
      await step(unitUser, d.item.id, { action: 'respond', plan: '', promisedDate: later(3) }),
      400,
      'VALIDATION',
      'body.plan',
    );
    const r = await act(unitUser, d.item.id, {
      action: 'respond',
      plan: '协调推进',
      promisedDate: later(12),
    });
    expect(r.item).toMatchObject({
      status: 'responded',
      responsePlan: '协调推进',
      promisedDate: later(12),
      respondedOn: today,
      resolutionDue: later(30),
      dueDate: later(12),
      flags: { responseOverdue: false, resolutionOverdue: false, overdueDays: 0 },
    });
    expect(r.events.at(-1)!.note).toBe(`协调推进（承诺 ${later(12)} 前办结）`);
  });

  it('return clears the resolution date, keeps the first response date, and tells the unit', async () => {
    const d = await resolvedItem();
    const id = d.item.id;
    await db().updateTable('items').set({ responded_on: '2026-01-05' }).where('id', '=', id).execute();
    const r = await act(office, id, { action: 'return', reason: '现场核查未完成' });
    expect(r.item).toMatchObject({
      status: 'returned',
      resolvedOn: null,
      resolution: '资金已全部拨付到位',
      returnReason: '现场核查未完成',
    });
    const told = await noticesOf(unitUser, id, 'returned');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ title: `退回：${d.item.title}`, body: '现场核查未完成' });
    expectError(await step(office, id, { action: 'return', reason: '再次退回' }), 409, 'INVALID_STATE');
    // answering again keeps the first response date (on-time response is judged on it)
    const again = await act(unitUser, id, {
      action: 'respond',
      plan: '重新制定方案',
      promisedDate: later(8),
    });
    expect(again.item).toMatchObject({
      status: 'responded',
      respondedOn: '2026-01-05',
      returnReason: null,
      promisedDate: later(8),
    });
  });

  it('a responded item can be returned too, and resolved straight from returned', async () => {
    const d = await respondedItem();
    await act(office, d.item.id, { action: 'return', reason: '方案不可行' });
    const r = await act(unitUser, d.item.id, { action: 'resolve', resolution: '已按新方案解决' });
    expect(r.item).toMatchObject({ status: 'resolved', resolvedOn: today, returnReason: null });
    const c = await act(office, d.item.id, { action: 'close' });
    expect(c.item).toMatchObject({ status: 'closed', closedOn: today });
  });
});

describe('merge', () => {
  it('folds a duplicate into an open item: the duplicate shows mergedInto, the target the merge_in', async () => {
    const target = await assignedItem({ title: '主事项' });
    const dup = await raise(unitUser, { title: '重复提出的事项' });
    const d = await act(office, dup.item.id, {
      action: 'merge',
      targetId: target.item.id,
      reason: '同一问题',
    });
    expect(d.item).toMatchObject({
      status: 'merged',
      mergedInto: { id: target.item.id, code: target.item.code },
      flags: { responseOverdue: false, resolutionOverdue: false, overdueDays: 0, dueSoon: false },
    });
    expect(d.events.at(-1)).toMatchObject({ action: 'merge', note: `并入 ${target.item.code}：同一问题` });
    const t2 = await get(office, target.item.id);
    expect(t2.events.at(-1)).toMatchObject({
      action: 'merge_in',
      note: `${dup.item.code} 重复提出的事项：同一问题`,
    });
    expect(t2.duplicates).toEqual([{ id: dup.item.id, code: dup.item.code, title: '重复提出的事项' }]);
    expect(t2.item.status).toBe('assigned');
  });

  it('refuses merging into itself, into a closed item, into a merged item, or into nothing', async () => {
    const d = await raise(office);
    const id = d.item.id;
    expectError(
      await step(office, id, { action: 'merge', targetId: id, reason: '重复' }),
      400,
      'VALIDATION',
      'body.targetId',
    );
    const closed = await resolvedItem();
    await act(office, closed.item.id, { action: 'close' });
    expectError(
      await step(office, id, { action: 'merge', targetId: closed.item.id, reason: '重复' }),
      400,
      'VALIDATION',
      'body.targetId',
    );
    const other = await raise(office);
    const merged = await raise(office);
    await act(office, merged.item.id, { action: 'merge', targetId: other.item.id, reason: '重复' });
    expectError(
      await step(office, id, { action: 'merge', targetId: merged.item.id, reason: '重复' }),
      400,
      'VALIDATION',
      'body.targetId',
    );
    expectError(
      await step(office, id, { action: 'merge', targetId: 999999, reason: '重复' }),
      400,
      'VALIDATION',
      'body.targetId',
    );
    // a target out of the actor's reach counts as not found
    const ld = await raise(officeLd, { projectId: projLd });
    const city = await raise(office);
    expectError(
      await step(officeLd, ld.item.id, { action: 'merge', targetId: city.item.id, reason: '重复' }),
      400,
      'VALIDATION',
      'body.targetId',
    );
    expect((await get(office, id)).item.status).toBe('new');
    expect((await get(office, id)).item.version).toBe(1);
  });
});

describe('escalate and list', () => {
  it('escalate raises the level by one rung and tells the unit and co-units; the unit may escalate too', async () => {
    const d = await assignedItem({}, { coUnitIds: [ctgs] });
    const id = d.item.id;
    let r = await act(office, id, { action: 'escalate', reason: '逾期未答复' });
    expect(r.item).toMatchObject({ level: 3, levelLabel: '重点办/协调会', status: 'assigned' });
    expect(r.events.at(-1)!.note).toBe('升级至「重点办/协调会」：逾期未答复');
    const told = await noticesOf(unitUser, id, 'escalated');
    expect(told).toHaveLength(1);
    expect(told[0]!.body).toBe('已升级至重点办/协调会。逾期未答复');
    expect(await noticesOf(reporter, id, 'escalated')).toHaveLength(1);
    r = await act(unitUser, id, { action: 'escalate', reason: '需分管领导协调' });
    expect(r.item).toMatchObject({ level: 4, levelLabel: '分管领导' });
    r = await act(office, id, { action: 'escalate', reason: '提请常务会' });
    expect(r.item).toMatchObject({ level: 5, levelLabel: '政府常务会' });
    expect(r.allowedActions).not.toContain('escalate');
  });

  it('list sets the listing deadline as the due date, over the promise, and tells the units', async () => {
    const d = await assignedItem({}, { resolutionDue: later(30) });
    const id = d.item.id;
    expectError(
      await step(office, id, { action: 'list', due: plusDays(today, -1), reason: '挂牌督办' }),
      400,
      'VALIDATION',
      'body.due',
    );
    let r = await act(office, id, { action: 'list', due: later(15), reason: '久拖不决' });
    expect(r.item).toMatchObject({
      listed: true,
      listedOn: today,
      listedDue: later(15),
      listedReason: '久拖不决',
      resolutionDue: later(30),
      dueDate: later(15),
    });
    expect(await noticesOf(unitUser, id, 'listed')).toHaveLength(1);
    // a later promise does not move the listing deadline
    r = await act(unitUser, id, { action: 'respond', plan: '加快推进', promisedDate: later(20) });
    expect(r.item).toMatchObject({ promisedDate: later(20), dueDate: later(15) });
    expect(await ids(office, '&listed=true&open=true')).toContain(id);
    expect(await ids(office, '&listed=false')).not.toContain(id);
  });
});

describe('edit', () => {
  it('changes the fields with a reason on the timeline; the deadline set moves the due date', async () => {
    const d = await assignedItem();
    const id = d.item.id;
    expectError(
      await step(office, id, { action: 'edit', title: '新标题内容' }),
      400,
      'VALIDATION',
      'body.reason',
    );
    expectError(
      await step(office, id, { action: 'edit', category: '不存在', reason: '更正类别' }),
      400,
      'VALIDATION',
      'body.category',
    );
    const r = await act(office, id, {
      action: 'edit',
      title: '配套资金拨付滞后',
      category: '要素保障(水电路气讯)',
      resolutionDue: later(25),
      responseDue: later(6),
      reason: '核实后更正',
    });
    expect(r.item).toMatchObject({
      title: '配套资金拨付滞后',
      category: '要素保障(水电路气讯)',
      description: d.item.description,
      resolutionDue: later(25),
      responseDue: later(6),
      dueDate: later(25),
      status: 'assigned',
    });
    expect(r.events.at(-1)).toMatchObject({
      action: 'edit',
      note: '核实后更正',
      fromStatus: 'assigned',
      toStatus: 'assigned',
    });
    const audit = await lastAuditOf('item', id);
    expect(audit.reason).toBe('核实后更正');
    expectError(
      await step(unitUser, id, { action: 'edit', title: '单位改标题', reason: '想改' }),
      403,
      'FORBIDDEN',
    );
  });
});

// ---- evidence ----

// a 1×1 PNG
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
const upload = (c: Client, id: number, body: Buffer = PNG, type = 'image/png') =>
  c.request({
    method: 'POST',
    url: `/api/items/${id}/attachments`,
    payload: body,
    headers: { 'content-type': type, 'x-file-name': encodeURIComponent('现场照片.png') },
  });

describe('evidence attachments', () => {
  it('the responsible unit uploads, anyone in scope downloads, the unit deletes; closed items are frozen', async () => {
    const d = await respondedItem();
    const id = d.item.id;
    const a = ok<{ id: number; name: string; size: number; type: string; sha256: string }>(
      await upload(unitUser, id),
      201,
    );
    expect(a).toMatchObject({ name: '现场照片.png', size: PNG.length, type: 'image/png' });
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await lastAuditOf('item', id)).action).toBe('add_attachment');
    const detail = await get(office, id);
    expect(detail.attachments.map((x) => x.id)).toEqual([a.id]);
    expect(detail.events.at(-1)).toMatchObject({ action: 'attach', note: '现场照片.png' });

    const dl = await leader.get(`/api/item-attachments/${a.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toContain('image/png');
    expect(dl.rawPayload.equals(PNG)).toBe(true);
    expectError(await officeLd.get(`/api/item-attachments/${a.id}`), 403, 'OUT_OF_SCOPE');

    // wrong type, empty file
    expectError(
      await upload(unitUser, id, Buffer.from('hello'), 'application/octet-stream'),
      400,
      'VALIDATION',
      'content-type',
    );
    expectError(await upload(unitUser, id, Buffer.alloc(0)), 400, 'VALIDATION');
    // the leader reads but does not upload; the raiser-office does
    expectError(await upload(leader, id), 403, 'FORBIDDEN');
    const b = ok<{ id: number }>(await upload(office, id), 201);

    ok(await unitUser.delete(`/api/item-attachments/${b.id}`));
    expect((await lastAuditOf('item', id)).action).toBe('remove_attachment');
    expect((await get(office, id)).attachments.map((x) => x.id)).toEqual([a.id]);
    expectError(await unitUser.delete(`/api/item-attachments/${b.id}`), 404, 'NOT_FOUND');

    await act(unitUser, id, { action: 'resolve', resolution: '已解决' });
    await act(office, id, { action: 'close' });
    expectError(await upload(unitUser, id), 409, 'INVALID_STATE');
    expectError(await unitUser.delete(`/api/item-attachments/${a.id}`), 409, 'INVALID_STATE');
    expectError(await office.delete(`/api/item-attachments/${a.id}`), 409, 'INVALID_STATE');
    // still downloadable
    expect((await unitUser.get(`/api/item-attachments/${a.id}`)).statusCode).toBe(200);
  });

  it('not before assignment, and not by a co-unit', async () => {
    const fresh = await raise(office);
    expectError(await upload(office, fresh.item.id), 409, 'INVALID_STATE');
    const d = await assignedItem({ projectId: projB }, { responsibleUnitId: jtj, coUnitIds: [zjj] });
    expectError(await upload(unitUser, d.item.id), 403, 'FORBIDDEN');
    expectError(await upload(unitUser, 999999), 404, 'NOT_FOUND');
  });
});

// ---- settings ----

describe('item settings', () => {
  it('anyone who reads items reads them; only offices change them, with a version check', async () => {
    const s = ok<Record<string, unknown> & { version: number }>(await unitUser.get('/api/item-settings'));
    expect(s).toEqual({
      responseDays: 4,
      responseDaysByKind: {},
      responseDaysByCategory: {},
      ladder: ['项目业主', '责任单位', '重点办/协调会', '分管领导', '政府常务会'],
      escalateAfterDays: 5,
      dueSoonDays: 2,
      version: 1,
    });
    expect((await expert.get('/api/item-settings')).statusCode).toBe(403);
    const next = { ...s, responseDaysByCategory: { 市政配套: 10 }, responseDaysByKind: { instruction: 2 } };
    expectError(await unitUser.put('/api/item-settings', next), 403, 'FORBIDDEN');
    expectError(await leader.put('/api/item-settings', next), 403, 'FORBIDDEN');
    expectError(await office.put('/api/item-settings', { ...next, version: 7 }), 409, 'VERSION_CONFLICT');
    expectError(
      await office.put('/api/item-settings', { ...next, ladder: ['只有一级'] }),
      400,
      'VALIDATION',
      'body.ladder',
    );
    const saved = ok<{ version: number }>(await office.put('/api/item-settings', next));
    expect(saved).toMatchObject({ version: 2, responseDaysByCategory: { 市政配套: 10 } });
    expect((await lastAuditOf('item_settings', 1)).action).toBe('update');
    expectError(await office.put('/api/item-settings', next), 409, 'VERSION_CONFLICT');

    // the category override sets the response deadline; the kind override too; the default stays
    const byCategory = await assignedItem({ category: '市政配套' });
    expect(byCategory.item.responseDue).toBe(addWorkingDays(today, 10));
    const byKind = await assignedItem({ kind: 'instruction' });
    expect(byKind.item.responseDue).toBe(addWorkingDays(today, 2));
    const both = await assignedItem({ kind: 'instruction', category: '市政配套' });
    expect(both.item.responseDue).toBe(addWorkingDays(today, 10));
    const plain = await assignedItem({ category: '资金' });
    expect(plain.item.responseDue).toBe(addWorkingDays(today, 4));

    // a new ladder relabels the levels
    ok(
      await office.put('/api/item-settings', {
        ...s,
        ladder: ['业主', '部门', '重点办', '市领导', '常务会'],
        version: 2,
      }),
    );
    expect((await get(office, plain.item.id)).item.levelLabel).toBe('部门');
    // back to the defaults for the rest of the file
    ok(await office.put('/api/item-settings', { ...s, version: 3 }));
  });
});

// ---- escalation proposals ----

describe('escalation proposals', () => {
  it('proposes level + 1 at escalateAfterDays working days overdue; dismissal hides it until it moves up', async () => {
    const five = await assignedItem({ title: '逾期五个工作日' });
    const four = await assignedItem({ title: '逾期四个工作日' });
    await db()
      .updateTable('items')
      .set({ response_due: workingDaysAgo(5) })
      .where('id', '=', five.item.id)
      .execute();
    await db()
      .updateTable('items')
      .set({ response_due: workingDaysAgo(4) })
      .where('id', '=', four.item.id)
      .execute();
    type Proposal = { item: Item; proposedLevel: number; proposedLevelLabel: string };
    const proposals = async () => ok<Proposal[]>(await office.get('/api/items/escalations'));

    let p = await proposals();
    const mine = p.find((x) => x.item.id === five.item.id);
    expect(mine).toMatchObject({ proposedLevel: 3, proposedLevelLabel: '重点办/协调会' });
    expect(mine!.item.flags).toMatchObject({ responseOverdue: true, overdueDays: 5 });
    expect(p.map((x) => x.item.id)).not.toContain(four.item.id);
    // overdue, but not long enough
    expect((await get(office, four.item.id)).item.flags).toMatchObject({
      responseOverdue: true,
      overdueDays: 4,
    });
    expect(await ids(office, '&overdue=true')).toEqual(expect.arrayContaining([five.item.id, four.item.id]));

    // only offices see proposals and dismiss them
    expectError(await leader.get('/api/items/escalations'), 403, 'FORBIDDEN');
    expectError(await unitUser.get('/api/items/escalations'), 403, 'FORBIDDEN');
    expectError(
      await unitUser.post(`/api/items/${five.item.id}/dismiss-proposal`, { reason: '单位不同意' }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await office.post(`/api/items/${five.item.id}/dismiss-proposal`, { reason: '' }),
      400,
      'VALIDATION',
      'body.reason',
    );
    expectError(
      await office.post('/api/items/999999/dismiss-proposal', { reason: '暂缓升级' }),
      404,
      'NOT_FOUND',
    );
    // the county office does not reach a city item
    expectError(
      await officeLd.post(`/api/items/${five.item.id}/dismiss-proposal`, { reason: '暂缓升级' }),
      403,
      'OUT_OF_SCOPE',
    );
    expect(
      (await ok<Proposal[]>(await officeLd.get('/api/items/escalations'))).map((x) => x.item.id),
    ).not.toContain(five.item.id);

    expect(
      ok(await office.post(`/api/items/${five.item.id}/dismiss-proposal`, { reason: '已协调，暂缓升级' })),
    ).toEqual({
      ok: true,
    });
    expect(await lastAuditOf('item', five.item.id)).toMatchObject({
      action: 'dismiss_proposal',
      reason: '已协调，暂缓升级',
    });
    expect((await get(office, five.item.id)).events.at(-1)).toMatchObject({
      action: 'dismiss_proposal',
      note: '已协调，暂缓升级',
    });
    p = await proposals();
    expect(p.map((x) => x.item.id)).not.toContain(five.item.id);

    // escalated and still overdue: proposed again, one rung further
    await act(office, five.item.id, { action: 'escalate', reason: '提请协调会' });
    p = await proposals();
    expect(p.find((x) => x.item.id === five.item.id)).toMatchObject({
      proposedLevel: 4,
      proposedLevelLabel: '分管领导',
    });

    // answered in the meantime: no longer owed, no longer proposed
    await act(unitUser, five.item.id, { action: 'respond', plan: '加快推进', promisedDate: later(5) });
    expect((await proposals()).map((x) => x.item.id)).not.toContain(five.item.id);
  });
});

// ---- the due-soon job ----

describe('notifyDueSoon', () => {
  it('tells the responsible unit once per deadline; a moved deadline is a new notice', async () => {
    const d = await assignedItem({ title: '即将到期事项' }, { coUnitIds: [ctgs] });
    const id = d.item.id;
    // a quiet week of 2024 no other item uses: Monday 06-03, 2 working days ahead is 06-05
    await db().updateTable('items').set({ response_due: '2024-06-04' }).where('id', '=', id).execute();
    expect(await notifyDueSoon(db(), '2024-06-03')).toBe(1);
    expect(await notifyDueSoon(db(), '2024-06-03')).toBe(0);
    expect(await notifyDueSoon(db(), '2024-06-04')).toBe(0);
    let told = await noticesOf(unitUser, id, 'due_soon');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ title: '即将到期：即将到期事项', body: '答复时限 2024-06-04' });
    // the lead unit only
    expect(await noticesOf(reporter, id, 'due_soon')).toHaveLength(0);

    // beyond the window: nothing
    await db().updateTable('items').set({ response_due: '2024-06-06' }).where('id', '=', id).execute();
    expect(await notifyDueSoon(db(), '2024-06-03')).toBe(0);
    // the deadline moved into the window: a new notice
    await db().updateTable('items').set({ response_due: '2024-06-05' }).where('id', '=', id).execute();
    expect(await notifyDueSoon(db(), '2024-06-03')).toBe(1);
    // answered: the resolution deadline is what comes due
    await db()
      .updateTable('items')
      .set({ status: 'responded', responded_on: '2024-06-03', due_date: '2024-06-05' })
      .where('id', '=', id)
      .execute();
    expect(await notifyDueSoon(db(), '2024-06-04')).toBe(1);
    expect(await notifyDueSoon(db(), '2024-06-04')).toBe(0);
    told = await noticesOf(unitUser, id, 'due_soon');
    expect(told.map((n) => n.body).sort()).toEqual([
      '办结时限 2024-06-05',
      '答复时限 2024-06-04',
      '答复时限 2024-06-05',
    ]);
    // resolved items are not chased
    await db()
      .updateTable('items')
      .set({ status: 'resolved', due_date: '2024-06-06' })
      .where('id', '=', id)
      .execute();
    expect(await notifyDueSoon(db(), '2024-06-04')).toBe(0);
  });
});

// ---- the inbox ----

describe('notifications', () => {
  it('are per user: list, unread count, read one, read all; nobody marks another user’s', async () => {
    ok(await unitUser.post('/api/notifications/read-all'));
    expect(ok<{ count: number }>(await unitUser.get('/api/notifications/unread-count'))).toEqual({
      count: 0,
    });
    const a = await assignedItem({ title: '通知一' });
    const b = await assignedItem({ title: '通知二' });
    await act(office, a.item.id, { action: 'remind' });
    expect(ok<{ count: number }>(await unitUser.get('/api/notifications/unread-count')).count).toBe(3);
    const unread = await notices(unitUser, '&unread=true');
    expect(unread.map((n) => [n.kind, n.title])).toEqual([
      ['reminded', '催办：通知一'],
      ['assigned', '交办：通知二'],
      ['assigned', '交办：通知一'],
    ]);
    expect(unread.map((n) => n.entityId)).toEqual([String(a.item.id), String(b.item.id), String(a.item.id)]);

    // another user cannot see or mark them
    const target = unread[0]!;
    expect((await notices(reporter)).map((n) => n.id)).not.toContain(target.id);
    expectError(await reporter.post(`/api/notifications/${target.id}/read`), 404, 'NOT_FOUND');
    expectError(await office.post(`/api/notifications/${target.id}/read`), 404, 'NOT_FOUND');
    expect(ok<{ count: number }>(await unitUser.get('/api/notifications/unread-count')).count).toBe(3);

    ok(await unitUser.post(`/api/notifications/${target.id}/read`));
    expect((await lastAuditOf('notification', target.id)).action).toBe('read');
    expect(ok<{ count: number }>(await unitUser.get('/api/notifications/unread-count')).count).toBe(2);
    const all = await notices(unitUser);
    expect(all.find((n) => n.id === target.id)!.readAt).not.toBeNull();
    expect((await notices(unitUser, '&unread=true')).map((n) => n.id)).not.toContain(target.id);
    // reading it again is harmless
    ok(await unitUser.post(`/api/notifications/${target.id}/read`));

    // read-all for the reporter does not touch the unit's
    ok(await reporter.post('/api/notifications/read-all'));
    expect(ok<{ count: number }>(await unitUser.get('/api/notifications/unread-count')).count).toBe(2);
    expect(ok<{ count: number }>(await unitUser.post('/api/notifications/read-all'))).toEqual({ count: 2 });
    expect(ok<{ count: number }>(await unitUser.get('/api/notifications/unread-count')).count).toBe(0);
    expect(ok<{ count: number }>(await unitUser.post('/api/notifications/read-all'))).toEqual({ count: 0 });
    expectError(await unitUser.post('/api/notifications/999999/read'), 404, 'NOT_FOUND');
  });
});

// ---- indicators ----

describe('indicators', () => {
  // last year's items in 红岗区 (230605), written straight into their final state
  const Y = year - 1;
  let A: number, B: number, C: number, D: number, E: number, F: number;

  beforeAll(async () => {
    const make = async (kind: string, category: string) =>
      (await raise(office, { projectId: undefined, regionCode: '230605', kind, category })).item.id;
    A = await make('problem', '资金');
    B = await make('problem', '资金');
    C = await make('problem', '征地拆迁');
    D = await make('instruction', '征地拆迁');
    E = await make('problem', '资金');
    F = await make('problem', '其他');
    const set = (id: number, v: Record<string, unknown>) =>
      db()
        .updateTable('items')
        .set(v as never)
        .where('id', '=', id)
        .execute();
    // closed, answered on time, 10 days to close
    await set(A, {
      status: 'closed',
      level: 2,
      responsible_unit_id: jtj,
      raised_on: `${Y}-03-02`,
      assigned_on: `${Y}-03-02`,
      response_due: `${Y}-03-06`,
      responded_on: `${Y}-03-05`,
      due_date: `${Y}-03-31`,
      resolved_on: `${Y}-03-11`,
      closed_on: `${Y}-03-12`,
    });
    // closed, answered late, 20 days to close
    await set(B, {
      status: 'closed',
      level: 3,
      responsible_unit_id: jtj,
      raised_on: `${Y}-03-10`,
      assigned_on: `${Y}-03-10`,
      response_due: `${Y}-03-16`,
      responded_on: `${Y}-03-18`,
      due_date: `${Y}-04-30`,
      resolved_on: `${Y}-03-30`,
      closed_on: `${Y}-03-30`,
    });
    // open, never answered: overdue, listed
    await set(C, {
      status: 'assigned',
      level: 2,
      responsible_unit_id: jtj,
      raised_on: `${Y}-04-01`,
      assigned_on: `${Y}-04-01`,
      response_due: `${Y}-04-07`,
      listed: true,
      listed_on: `${Y}-04-20`,
      listed_due: `${Y + 5}-12-31`,
      due_date: `${Y + 5}-12-31`,
    });
    // open, answered on time, due far ahead
    await set(D, {
      status: 'responded',
      level: 4,
      responsible_unit_id: swj,
      raised_on: `${Y}-04-15`,
      assigned_on: `${Y}-04-15`,
      response_due: `${Y}-04-21`,
      responded_on: `${Y}-04-20`,
      promised_date: `${Y + 5}-12-31`,
      due_date: `${Y + 5}-12-31`,
    });
    // a duplicate merged into A: not counted anywhere
    await set(E, {
      status: 'merged',
      level: 2,
      responsible_unit_id: jtj,
      raised_on: `${Y}-03-03`,
      merged_into: A,
      response_due: `${Y}-03-07`,
    });
    // never assigned
    await set(F, { status: 'new', level: 2, raised_on: `${Y}-04-20` });
  });

  type Row = {
    key: string;
    label: string;
    total: number;
    closed: number;
    closeRate: number | null;
    responded: number;
    respondedOnTime: number;
    onTimeResponseRate: number | null;
    medianDaysToClose: number | null;
    open: number;
    overdue: number;
    listed: number;
  };
  const rows = async (by: string, c: Client = office) =>
    ok<Row[]>(await c.get(`/api/items/indicators?by=${by}&year=${Y}&regionCode=230605`));

  it('total', async () => {
    expect(await rows('total')).toEqual([
      {
        key: 'total',
        label: '合计',
        total: 5,
        closed: 2,
        closeRate: 0.4,
        responded: 3,
        respondedOnTime: 2,
        onTimeResponseRate: 0.5,
        medianDaysToClose: 15,
        open: 3,
        overdue: 1,
        listed: 1,
      },
    ]);
  });

  it('by unit', async () => {
    const r = await rows('unit');
    expect(r).toHaveLength(3);
    expect(r.find((x) => x.key === String(jtj))).toEqual({
      key: String(jtj),
      label: '大庆市交通运输局',
      total: 3,
      closed: 2,
      closeRate: 0.6667,
      responded: 2,
      respondedOnTime: 1,
      onTimeResponseRate: 0.3333,
      medianDaysToClose: 15,
      open: 1,
      overdue: 1,
      listed: 1,
    });
    expect(r.find((x) => x.key === String(swj))).toEqual({
      key: String(swj),
      label: '大庆市水务局',
      total: 1,
      closed: 0,
      closeRate: 0,
      responded: 1,
      respondedOnTime: 1,
      onTimeResponseRate: 1,
      medianDaysToClose: null,
      open: 1,
      overdue: 0,
      listed: 0,
    });
    expect(r.find((x) => x.key === '')).toEqual({
      key: '',
      label: '未交办',
      total: 1,
      closed: 0,
      closeRate: 0,
      responded: 0,
      respondedOnTime: 0,
      onTimeResponseRate: null,
      medianDaysToClose: null,
      open: 1,
      overdue: 0,
      listed: 0,
    });
  });

  it('by category', async () => {
    const r = await rows('category');
    expect(
      r.map((x) => [
        x.key,
        x.total,
        x.closed,
        x.closeRate,
        x.onTimeResponseRate,
        x.medianDaysToClose,
        x.overdue,
        x.listed,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['资金', 2, 2, 1, 0.5, 15, 0, 0],
        ['征地拆迁', 2, 0, 0, 0.5, null, 1, 1],
        ['其他', 1, 0, 0, null, null, 0, 0],
      ]),
    );
    expect(r).toHaveLength(3);
  });

  it('by level, labelled by the ladder', async () => {
    const r = await rows('level');
    expect(r.map((x) => [x.key, x.label, x.total, x.closed, x.overdue])).toEqual([
      ['2', '责任单位', 3, 1, 1],
      ['3', '重点办/协调会', 1, 1, 0],
      ['4', '分管领导', 1, 0, 0],
    ]);
  });

  it('by month raised and by kind', async () => {
    expect((await rows('month')).map((x) => [x.key, x.total, x.closed, x.medianDaysToClose, x.open])).toEqual(
      [
        [`${Y}-03`, 2, 2, 15, 0],
        [`${Y}-04`, 3, 0, null, 3],
      ],
    );
    expect((await rows('kind')).map((x) => [x.key, x.label, x.total, x.closed, x.responded])).toEqual([
      ['instruction', '领导批示', 1, 0, 1],
      ['problem', '问题', 4, 2, 2],
    ]);
  });

  it('counts only what the user may read, and only the year asked', async () => {
    // none of these involve the unit user's unit, none lie in 林甸县: no groups, and a zero total
    expect(await rows('unit', unitUser)).toEqual([]);
    expect(await rows('category', officeLd)).toEqual([]);
    expect((await rows('total', unitUser)).map((x) => [x.total, x.closeRate, x.onTimeResponseRate])).toEqual([
      [0, null, null],
    ]);
    expect((await rows('total', leader))[0]!.total).toBe(5);
    const thisYear = ok<Row[]>(
      await office.get(`/api/items/indicators?by=kind&year=${year}&regionCode=230605`),
    );
    expect(thisYear).toEqual([]);
    expectError(await office.get('/api/items/indicators?by=unit'), 400, 'VALIDATION');
    expect((await expert.get(`/api/items/indicators?year=${Y}`)).statusCode).toBe(403);
  });
});

// ---- export ----

describe('export', () => {
  it('writes the ledger in the offices’ layout, one row per item the filters match', async () => {
    const d = await assignedItem(
      { title: '导出测试事项', description: '污水管网未接通' },
      { coUnitIds: [jtj], resolutionDue: later(30) },
    );
    await act(unitUser, d.item.id, { action: 'respond', plan: '协调水务部门施工', promisedDate: later(12) });
    const res = await office.get(`/api/items/export?q=${encodeURIComponent('导出测试事项')}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX_TYPE);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('问题台账'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('问题台账');
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const wanted = [
      '序号',
      '项目名称',
      '问题描述',
      '责任单位',
      '责任领导',
      '交办时间',
      '办理时限',
      '办理情况',
      '是否销号',
    ];
    expect(header).toEqual(expect.arrayContaining(wanted));
    // in this order
    expect(wanted.map((h) => header.indexOf(h))).toEqual(
      [...wanted.map((h) => header.indexOf(h))].sort((a, b) => a - b),
    );
    expect(ws.rowCount).toBe(2);
    const row = Object.fromEntries(header.map((h, i) => [h as string, ws.getRow(2).getCell(i + 1).value]));
    expect(row).toMatchObject({
      序号: 1,
      编号: d.item.code,
      项目名称: 'ITEM-A 督办测试项目',
      问题描述: '【问题】导出测试事项：污水管网未接通',
      类别: '资金',
      责任单位: '大庆市住房和城乡建设局、大庆市交通运输局',
      交办时间: today,
      办理时限: later(12),
      办理情况: '答复：协调水务部门施工',
      是否销号: '否',
      状态: '已答复',
      催办次数: 0,
    });
    // scope: the county office's export does not hold it
    const ld = await officeLd.get(`/api/items/export?q=${encodeURIComponent('导出测试事项')}`);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(ld.rawPayload as unknown as ArrayBuffer);
    expect(wb2.worksheets[0]!.rowCount).toBe(1);
    expect((await expert.get('/api/items/export')).statusCode).toBe(403);
  });
});

// ---- scope ----

describe('data scope', () => {
  let cityB: number; // on projB, assigned to jtj only
  let cityA: number; // on projA (owned by the reporter's unit), assigned to zjj
  let ld: number; // 林甸县, raised by the county office
  let inspectorsOwn: number;

  beforeAll(async () => {
    cityB = (await assignedItem({ projectId: projB, title: '他单位事项' }, { responsibleUnitId: jtj })).item
      .id;
    cityA = (await assignedItem({ title: '本单位事项' })).item.id;
    ld = (await raise(officeLd, { projectId: projLd, title: '林甸事项' })).item.id;
    const inspectorId = (
      await db()
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'inspector')
        .executeTakeFirstOrThrow()
    ).id;
    inspectorsOwn = (
      await db()
        .insertInto('items')
        .values({
          code: 'ZG-TEST-0001',
          kind: 'rectification',
          source: 'inspection',
          region_code: '230600',
          category: '施工组织',
          title: '督查发现的问题',
          description: '现场安全防护不到位',
          raised_by: inspectorId,
          raised_on: today,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  });

  it("a unit never sees another unit's items, unless it is a co-unit: then it reads but cannot respond", async () => {
    expectError(await unitUser.get(`/api/items/${cityB}`), 403, 'OUT_OF_SCOPE');
    // nor its trace in the audit log, which the office reads
    expect((await unitUser.get(`/api/audit?entity=item&id=${cityB}`)).statusCode).toBe(403);
    const trace = ok<{ items: { action: string; entity: string }[] }>(
      await office.get(`/api/audit?entity=item&id=${cityB}`),
    );
    expect(trace.items.map((e) => e.action).sort()).toEqual(['assign', 'create']);
    expect(await ids(unitUser)).not.toContain(cityB);
    expect(await ids(unitUser)).toContain(cityA);
    expectError(
      await step(unitUser, cityB, { action: 'respond', plan: '越权答复', promisedDate: later(3) }),
      403,
      'OUT_OF_SCOPE',
    );

    await act(office, cityB, { action: 'assign', responsibleUnitId: jtj, coUnitIds: [zjj] });
    const d = await get(unitUser, cityB);
    expect(d.allowedActions).toEqual([]);
    expect(d.item.coUnits).toEqual([{ id: zjj, name: '大庆市住房和城乡建设局' }]);
    expect(await ids(unitUser)).toContain(cityB);
    expect(await ids(unitUser, `&unitId=${zjj}`)).toContain(cityB);
    expectError(
      await step(unitUser, cityB, { action: 'respond', plan: '协办单位答复', promisedDate: later(3) }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await step(unitUser, cityB, { action: 'escalate', reason: '协办单位升级' }),
      403,
      'FORBIDDEN',
    );
    // every item the unit lists involves it
    for (const i of (await list(unitUser)).items) {
      const involved =
        i.responsibleUnit?.id === zjj || i.coUnits.some((u) => u.id === zjj) || i.raisedByUnit?.id === zjj;
      expect(involved, i.code).toBe(true);
    }
  });

  it('the county office sees only 林甸县 items; the city office sees the county too', async () => {
    const mine = await list(officeLd);
    expect(mine.items.map((i) => i.id)).toContain(ld);
    expect(mine.items.every((i) => i.regionCode.startsWith('230623'))).toBe(true);
    expect(mine.total).toBe(mine.items.length);
    expectError(await officeLd.get(`/api/items/${cityA}`), 403, 'OUT_OF_SCOPE');
    expectError(await step(officeLd, cityA, { action: 'remind' }), 403, 'OUT_OF_SCOPE');
    const d = await get(office, ld);
    expect(d.item).toMatchObject({ regionCode: '230623', regionName: '林甸县' });
    expect(d.allowedActions).toEqual(['assign', 'merge', 'edit']);
    await act(officeLd, ld, { action: 'assign', responsibleUnitId: ldZjj });
    expect(await ids(office, '&regionCode=230623')).toContain(ld);
    expect(await ids(office, '&regionCode=230623')).not.toContain(cityA);
  });

  it('a leader reads its region and reminds, but does not assign', async () => {
    const all = await ids(leader);
    expect(all).toEqual(expect.arrayContaining([cityA, cityB, ld, inspectorsOwn]));
    const d = await get(leader, cityA);
    expect(d.allowedActions).toEqual(['remind']);
    expectError(await step(leader, cityA, { action: 'assign', responsibleUnitId: jtj }), 403, 'FORBIDDEN');
  });

  it('an inspector sees only what it raised, and cannot raise through the API', async () => {
    expect(await ids(inspector)).toEqual([inspectorsOwn]);
    expect((await get(inspector, inspectorsOwn)).allowedActions).toEqual([]);
    expectError(await inspector.get(`/api/items/${cityA}`), 403, 'OUT_OF_SCOPE');
    expectError(await inspector.post('/api/items', raiseBody()), 403, 'FORBIDDEN');
    expectError(
      await step(inspector, inspectorsOwn, { action: 'edit', reason: '修改', title: '改个标题' }),
      403,
      'FORBIDDEN',
    );
  });

  it("a reporter sees what it raised, its owned projects' items and its unit's assignments — nothing else", async () => {
    const own = await ids(reporter);
    expect(own).toContain(cityA); // on projA, owned by its unit
    expect(own).not.toContain(cityB);
    expect(own).not.toContain(ld);
    expectError(await reporter.get(`/api/items/${cityB}`), 403, 'OUT_OF_SCOPE');
    // its unit made responsible for an item on someone else's project: now it sees it
    await act(office, cityB, { action: 'assign', responsibleUnitId: ctgs });
    expect(await ids(reporter)).toContain(cityB);
    expect((await get(reporter, cityB)).allowedActions).toEqual(['respond', 'escalate']);
    for (const i of (await list(reporter)).items) {
      const mine = i.raisedBy === '宋凯文' || i.responsibleUnit?.id === ctgs || i.project?.id === projA;
      expect(mine, i.code).toBe(true);
    }
  });

  it('an expert has no access to items; nobody reads a missing item', async () => {
    expect((await expert.get('/api/items')).statusCode).toBe(403);
    expect((await expert.get(`/api/items/${cityA}`)).statusCode).toBe(403);
    expectError(await office.get('/api/items/999999'), 404, 'NOT_FOUND');
    expectError(
      await office.post('/api/items/999999/steps', { action: 'remind', version: 1 }),
      404,
      'NOT_FOUND',
    );
  });
});

// ---- list filters ----

describe('the list', () => {
  it('filters by status, kind, category, project, level, month, and the text', async () => {
    const d = await assignedItem({ title: '筛选专用事项', category: '审批手续' });
    const id = d.item.id;
    expect(await ids(office, '&status=assigned')).toContain(id);
    expect(await ids(office, '&status=new')).not.toContain(id);
    expect(await ids(office, '&kind=problem&category=审批手续')).toContain(id);
    expect(await ids(office, '&kind=instruction')).not.toContain(id);
    expect(await ids(office, `&projectId=${projA}&level=2`)).toContain(id);
    expect(await ids(office, `&projectId=${projB}`)).not.toContain(id);
    expect(await ids(office, `&month=${month}`)).toContain(id);
    expect(await ids(office, `&q=${encodeURIComponent('筛选专用')}`)).toEqual([id]);
    expect(await ids(office, `&q=${encodeURIComponent(d.item.code)}`)).toEqual([id]);
    expect(await ids(office, '&open=false')).not.toContain(id);
    const page = ok<{ items: Item[]; total: number }>(await office.get('/api/items?pageSize=2&page=1'));
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);
  });
});
