/**
 * The ledger's reads as rebuilt for province size (issue 12), over HTTP against a real database:
 * an item's page is one statement and answers what its three reads answered (the timeline,
 * evidence and duplicates, timestamps to the millisecond as the drivers cut them); the month
 * filter as a date range at month and year boundaries; the text search with the user's % and _
 * taken literally, two-character words, codes and project names; every sort, paged, the same as
 * the whole list sorted here (equals newest first); the unit filter through co-units; and the
 * workbench's counts equal to the lists they open.
 */
import type { Item } from '@ducha/contract';
import type { LightMyRequestResponse as Response } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { itemDetail } from '../src/modules/items/index.ts';
import { addDays } from '../src/platform/calendar.ts';
import { todayInChina } from '../src/platform/time.ts';
import { actor } from './actors.ts';
import { cityProject, demoUnits, signInAs } from './factories.ts';
import { createTestApp, type Client, type TestApp } from './helpers.ts';

let t: TestApp;
let office: Client;
let officeLd: Client;
let unitUser: Client;
let zjj: number;
let swj: number;
let projA: number;
let projB: number;
const db = () => t.database.db;
const today = todayInChina();

function ok<T>(res: Response, status = 200): T {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}
const versionOf = async (id: number) =>
  (await db().selectFrom('items').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
async function raise(over: Record<string, unknown> = {}): Promise<number> {
  const d = ok<{ item: Item }>(
    await office.post('/api/items', {
      projectId: projA,
      category: '资金',
      title: '配套资金未到位',
      description: '市级配套资金尚未拨付',
      ...over,
    }),
    201,
  );
  return d.item.id;
}
async function step(id: number, body: Record<string, unknown>, c: Client = office) {
  return ok(await c.post(`/api/items/${id}/steps`, { version: await versionOf(id), ...body }));
}
const list = async (c: Client, query: string) =>
  ok<{ items: Item[]; total: number }>(await c.get(`/api/items?pageSize=500${query}`));
const ids = async (c: Client, query: string) => (await list(c, query)).items.map((i) => i.id);

beforeAll(async () => {
  t = await createTestApp();
  ({
    office,
    office_lindian: officeLd,
    unit: unitUser,
  } = await signInAs(t, 'office', 'office_lindian', 'unit'));
  ({ zjj, swj } = await demoUnits(t));
  const project = async (code: string, name: string) =>
    (
      await cityProject(office, {
        code,
        name,
        regionCode: '230600',
        stage: 'preliminary',
        responsibleUnitId: zjj,
      })
    ).id;
  projA = await project('READ-A', '读取测试甲项目');
  projB = await project('READ-B', '滨洲湿地公园提档升级');
});
afterAll(() => t.close());

describe("an item's page", () => {
  it('is one statement, and answers what the timeline, evidence and duplicates reads answered', async () => {
    const id = await raise({ title: '一次读取' });
    await step(id, { action: 'assign', responsibleUnitId: zjj });
    const dupA = await raise({ title: '重复一' });
    const dupB = await raise({ title: '重复二' });
    await step(dupB, { action: 'merge', targetId: id, reason: '重复提出' });
    await step(dupA, { action: 'merge', targetId: id, reason: '重复提出' });
    // timestamps with microseconds (the drivers cut them to milliseconds), one before the others
    await sql`insert into item_events (item_id, at, action, note) values
      (${id}, '2026-01-02 03:04:05.678999+08', 'remind', '微秒'),
      (${id}, '2026-01-02 03:04:05.678001+08', 'remind', '同一毫秒'),
      (${id}, '2025-12-31 23:59:59.9999+00', 'remind', '年末')`.execute(db());
    await sql`insert into item_attachments (item_id, name, type, size, sha256, path, created_at) values
      (${id}, '现场照片.png', 'image/png', 2048, 'a1', 'x/a1', '2026-03-04 05:06:07.000999+08'),
      (${id}, '说明.pdf', 'application/pdf', 99, 'b2', 'x/b2', '2026-03-04 05:06:07.999+08')`.execute(db());

    // the three reads as they were before issue 12
    const events = await db()
      .selectFrom('item_events as e')
      .select([
        'e.id',
        'e.at',
        sql<string | null>`(select display_name from users where id = e.actor_id)`.as('actor'),
        'e.action',
        'e.from_status',
        'e.to_status',
        'e.note',
      ])
      .where('e.item_id', '=', id)
      .orderBy('e.at')
      .orderBy('e.id')
      .execute();
    const attachments = await db()
      .selectFrom('item_attachments')
      .select(['id', 'name', 'size', 'type', 'sha256', 'created_at'])
      .where('item_id', '=', id)
      .orderBy('id')
      .execute();
    const duplicates = await db()
      .selectFrom('items')
      .select(['id', 'code', 'title'])
      .where('merged_into', '=', id)
      .orderBy('id')
      .execute();
    expect(events.length).toBeGreaterThan(4);
    expect(duplicates.map((d) => d.id)).toEqual([dupA, dupB]);

    const page = ok<{
      events: unknown[];
      attachments: unknown[];
      duplicates: unknown[];
      item: Item;
    }>(await office.get(`/api/items/${id}`));
    expect(page.events).toEqual(
      events.map((e) => ({
        id: e.id,
        at: e.at.toISOString(),
        actor: e.actor,
        action: e.action,
        fromStatus: e.from_status,
        toStatus: e.to_status,
        note: e.note,
      })),
    );
    expect(page.events).toContainEqual(
      expect.objectContaining({ note: '微秒', at: '2026-01-01T19:04:05.678Z' }),
    );
    expect(page.attachments).toEqual(
      attachments.map((a) => ({
        id: a.id,
        name: a.name,
        size: a.size,
        type: a.type,
        sha256: a.sha256,
        createdAt: a.created_at.toISOString(),
      })),
    );
    expect(page.attachments).toContainEqual(
      expect.objectContaining({ createdAt: '2026-03-03T21:06:07.000Z' }),
    );
    expect(page.duplicates).toEqual(duplicates);
    expect(page.item.id).toBe(id);

    // one statement once the settings and the calendar are cached
    const admin = actor(1, 'admin', '');
    await itemDetail(db(), admin, id);
    const executor = db().getExecutor();
    const spy = vi.spyOn(executor, 'executeQuery');
    const again = await itemDetail(db(), admin, id);
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
    expect(JSON.parse(JSON.stringify(again))).toMatchObject({
      events: page.events,
      duplicates: page.duplicates,
    });
  });

  it('an item without events beyond its raising, evidence or duplicates has empty lists; a missing one is 404', async () => {
    const id = await raise({ title: '空的' });
    const page = ok<{ events: unknown[]; attachments: unknown[]; duplicates: unknown[] }>(
      await office.get(`/api/items/${id}`),
    );
    expect(page.events).toHaveLength(1);
    expect(page.attachments).toEqual([]);
    expect(page.duplicates).toEqual([]);
    expect((await office.get('/api/items/987654')).statusCode).toBe(404);
  });
});

describe("the ledger's and the registry's region names (from the cached region tree)", () => {
  it('follow a rename at once, and a region created since', async () => {
    const id = await raise({ title: '区划名称' });
    const { admin } = await signInAs(t, 'admin');
    const row = async () => (await list(office, '&q=区划名称')).items.find((i) => i.id === id)!;
    const page = async () => ok<{ item: Item }>(await office.get(`/api/items/${id}`)).item;
    const project = async () =>
      ok<{ items: { id: number; regionName: string }[] }>(
        await office.get('/api/projects?pageSize=100&q=READ-A'),
      ).items.find((p) => p.id === projA)!.regionName;
    expect((await row()).regionName).toBe((await page()).regionName);
    expect(await project()).toBe((await page()).regionName);
    const region = async () =>
      db()
        .selectFrom('regions')
        .select(['name', 'version'])
        .where('code', '=', '230600')
        .executeTakeFirstOrThrow();
    const before = await region();
    const rename = (name: string, version: number) => admin.patch('/api/regions/230600', { version, name });
    try {
      ok(await rename('大庆市（更名）', before.version));
      expect((await row()).regionName).toBe('大庆市（更名）');
      expect((await page()).regionName).toBe('大庆市（更名）');
      expect(await project()).toBe('大庆市（更名）');
    } finally {
      ok(await rename(before.name, before.version + 1));
    }
    expect((await row()).regionName).toBe(before.name);
    expect(await project()).toBe(before.name);
    // a region the cached tree has not seen (created by another process) is a miss that reloads it
    await sql`insert into regions (code, name, level, parent_code, path)
      select '230699', '测试新区', 'county', code, path || '.230699' from regions where code = '230600'`.execute(
      db(),
    );
    await db().updateTable('items').set({ region_code: '230699' }).where('id', '=', id).execute();
    expect((await row()).regionName).toBe('测试新区');
    await db().updateTable('items').set({ region_code: '230600' }).where('id', '=', id).execute();
  });
});

describe('the month filter', () => {
  it('takes the items raised from the first to the last day of the month, across a year boundary', async () => {
    const days = ['2025-12-31', '2026-01-01', '2026-01-31', '2026-02-01', '2026-02-28', '2026-03-01'];
    const byDay = new Map<string, number>();
    for (const day of days) {
      const id = await raise({ projectId: projB, title: `月份 ${day}` });
      await db().updateTable('items').set({ raised_on: day }).where('id', '=', id).execute();
      byDay.set(day, id);
    }
    const month = async (m: string) =>
      (await ids(office, `&projectId=${projB}&month=${m}`)).sort((a, b) => a - b);
    const of = (...ds: string[]) => ds.map((d) => byDay.get(d)!).sort((a, b) => a - b);
    expect(await month('2025-12')).toEqual(of('2025-12-31'));
    expect(await month('2026-01')).toEqual(of('2026-01-01', '2026-01-31'));
    expect(await month('2026-02')).toEqual(of('2026-02-01', '2026-02-28'));
    expect(await month('2026-03')).toEqual(of('2026-03-01'));
    expect(await month('2026-04')).toEqual([]);
  });
});

describe('the text search', () => {
  it('takes % and _ as themselves, finds two-character words, codes and project names', async () => {
    const percent = await raise({ title: '完成率100%未达标', description: '进度' });
    const hundred = await raise({ title: '完成率100个点', description: '进度' });
    const underscore = await raise({ title: 'pipe_a 管线', description: '迁改' });
    const lookalike = await raise({ title: 'pipexa 管线', description: '迁改' });
    const chaiqian = await raise({ title: '征地问题', description: '拆迁户补偿未谈妥' });
    const inB = await raise({ projectId: projB, title: '湿地公园配套', description: '设计变更' });
    const q = async (text: string) =>
      (await ids(office, `&q=${encodeURIComponent(text)}`)).sort((a, b) => a - b);
    const sorted = (...xs: number[]) => xs.sort((a, b) => a - b);
    expect(await q('100%')).toEqual([percent]);
    expect(await q('率100')).toEqual(sorted(percent, hundred));
    expect(await q('%')).toEqual([percent]);
    expect(await q('_')).toEqual([underscore]);
    expect(await q('pipe_a')).toEqual([underscore]);
    expect(await q('PIPE')).toEqual(sorted(underscore, lookalike));
    expect(await q('拆迁')).toEqual([chaiqian]);
    expect(await q('拆')).toEqual([chaiqian]);
    expect(await q('补偿未谈')).toEqual([chaiqian]);
    expect(await q('拆补')).toEqual([]);
    const code = ok<{ item: Item }>(await office.get(`/api/items/${inB}`)).item.code;
    expect(await q(code)).toEqual([inB]);
    expect(await q(code.toLowerCase())).toEqual([inB]);
    // the project's name: every item of 滨洲湿地公园提档升级, also those whose own text does not say so
    const ofB = (await ids(office, `&projectId=${projB}`)).sort((a, b) => a - b);
    expect(ofB.length).toBeGreaterThan(1);
    expect(await q('滨洲')).toEqual(ofB);
    expect(await q('湿地')).toEqual(ofB);
    expect((await list(office, `&q=${encodeURIComponent('滨洲')}`)).total).toBe(ofB.length);
  });
});

describe('every sort', () => {
  it('pages as the whole list sorted here: its column, then the newest id first', async () => {
    const made: number[] = [];
    for (let k = 0; k < 12; k++) made.push(await raise({ projectId: projB, title: `排序 ${k}` }));
    // ties on every column: the same instant, level and deadline for several items
    const at = new Date('2026-05-06T07:08:09.000Z');
    for (const [n, id] of made.entries())
      await db()
        .updateTable('items')
        .set({
          raised_at: n % 3 === 0 ? at : new Date(at.getTime() + n * 1000),
          level: 1 + (n % 3),
          due_date: n % 4 === 0 ? null : addDays(today, n % 2),
        })
        .where('id', '=', id)
        .execute();
    const all = (await list(office, `&projectId=${projB}`)).items;
    const keys = {
      raisedAt: (i: Item) => i.raisedAt,
      '-raisedAt': (i: Item) => i.raisedAt,
      due: (i: Item) => i.dueDate,
      level: (i: Item) => i.level,
      '-level': (i: Item) => i.level,
      code: (i: Item) => i.code,
    } as const;
    for (const [sort, key] of Object.entries(keys)) {
      const desc = sort.startsWith('-');
      const expected = [...all]
        .sort((a, b) => {
          const x = key(a);
          const y = key(b);
          // due: nulls last
          if (x !== y) {
            if (x === null) return 1;
            if (y === null) return -1;
            return (x < y ? -1 : 1) * (desc ? -1 : 1);
          }
          return b.id - a.id;
        })
        .map((i) => i.id);
      const whole = await ids(office, `&projectId=${projB}&sort=${sort}`);
      expect(whole, sort).toEqual(expected);
      const pages: number[] = [];
      for (let page = 1; pages.length < whole.length; page++) {
        const res = ok<{ items: Item[]; total: number }>(
          await office.get(`/api/items?projectId=${projB}&sort=${sort}&pageSize=5&page=${page}`),
        );
        expect(res.total).toBe(whole.length);
        expect(res.items.length).toBeGreaterThan(0);
        pages.push(...res.items.map((i) => i.id));
      }
      expect(pages, sort).toEqual(whole);
    }
  });
});

describe('the unit filter', () => {
  it('takes the items a unit leads and those it co-operates on, not the ones it only raised', async () => {
    const lead = await raise({ title: '单位牵头' });
    await step(lead, { action: 'assign', responsibleUnitId: swj });
    const co = await raise({ title: '单位协办' });
    await step(co, { action: 'assign', responsibleUnitId: zjj, coUnitIds: [swj] });
    const other = await raise({ title: '无关单位' });
    await step(other, { action: 'assign', responsibleUnitId: zjj });
    const raised = ok<{ item: Item }>(
      await unitUser.post('/api/items', {
        projectId: projA,
        category: '资金',
        title: '住建局提出',
        description: '住建局自己提出',
      }),
      201,
    ).item.id;
    const of = await ids(office, `&unitId=${swj}`);
    expect(of).toContain(lead);
    expect(of).toContain(co);
    expect(of).not.toContain(other);
    // the unit user's scope holds what its unit raised; the unit filter does not
    expect(await ids(unitUser, '')).toContain(raised);
    expect(await ids(office, `&unitId=${swj}`)).not.toContain(raised);
  });
});

describe("the workbench's item counts", () => {
  it('equal the lists they open: overdue open items, and escalation proposals', async () => {
    // items long overdue, some dismissed, one at the top of the ladder
    const overdue: number[] = [];
    for (let k = 0; k < 6; k++) {
      const id = await raise({ title: `久拖 ${k}` });
      await step(id, { action: 'assign', responsibleUnitId: zjj });
      overdue.push(id);
    }
    await db()
      .updateTable('items')
      .set({ response_due: addDays(today, -30), due_date: addDays(today, -20) })
      .where('id', 'in', overdue)
      .execute();
    await db().updateTable('items').set({ level: 5 }).where('id', '=', overdue[0]!).execute();
    await db()
      .updateTable('items')
      .set({ proposal_dismissed_level: 2 })
      .where('id', '=', overdue[1]!)
      .execute();
    for (const c of [office, officeLd]) {
      const wb = ok<{ office: { itemsOverdue: number; escalationProposals: number } }>(
        await c.get('/api/workbench'),
      );
      const proposals = ok<unknown[]>(await c.get('/api/items/escalations'));
      expect(wb.office.escalationProposals).toBe(proposals.length);
      expect(wb.office.itemsOverdue).toBe((await list(c, '&overdue=true&open=true')).total);
    }
    const proposals = ok<{ item: Item }[]>(await office.get('/api/items/escalations'));
    const proposed = proposals.map((p) => p.item.id);
    expect(proposed).toEqual(expect.arrayContaining(overdue.slice(2)));
    expect(proposed).not.toContain(overdue[0]);
    expect(proposed).not.toContain(overdue[1]);
  });
});
