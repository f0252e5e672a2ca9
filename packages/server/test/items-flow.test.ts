/**
 * The done-means path of supervised items (DOMAIN §6) over HTTP: a reporter raises a problem in a
 * monthly report, the office assigns it, the unit answers late and the item shows overdue, the
 * office escalates and lists it, the unit resolves it, the office closes it; the whole path is on
 * the item's timeline, the unit was notified, and the indicators count it.
 */
import type { Item } from '@ducha/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays } from '../src/platform/calendar.ts';
import { todayInChina } from '../src/platform/time.ts';
import { cityProject, demoUnits, monthlyReport, signInAs } from './factories.ts';
import { createTestApp, type Client, type TestApp } from './helpers.ts';

let t: TestApp;
let office: Client;
let unitUser: Client;
let reporter: Client;
let zjj: number;
let ctgs: number;
const today = todayInChina();
const month = today.slice(0, 7);

beforeAll(async () => {
  t = await createTestApp();
  ({ office, unit: unitUser, reporter } = await signInAs(t, 'office', 'unit', 'reporter'));
  ({ zjj, ctgs } = await demoUnits(t));
});
afterAll(() => t.close());

async function ok(res: { statusCode: number; body: string; json: () => unknown }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as { item: Item; allowedActions: string[]; events: { action: string }[] };
}

describe('a problem from a monthly report, to close-out', () => {
  it('runs the whole path and leaves it on the timeline and in the indicators', async () => {
    const project = await cityProject(office, {
      code: 'WT-FLOW-1',
      name: '问题流程测试项目',
      ownerUnitId: ctgs,
      stage: 'preliminary',
      responsibleUnitId: zjj,
      coUnitIds: [],
    });
    const report = await monthlyReport(reporter, project.id, month, {
      fields: { investmentMonth: '100', physicalProgress: '场地平整', problems: '征地拆迁尚未完成' },
      until: 'draft',
    });

    // the reporter raises it from the report
    let d = await ok(
      await reporter.post('/api/items', {
        source: 'report',
        reportId: report.id,
        category: '征地拆迁',
        title: '征地拆迁滞后',
        description: '红线内 12 户未签约，影响场地移交',
      }),
      201,
    );
    expect(d.item).toMatchObject({ status: 'new', source: 'report', reportId: report.id, level: 1 });
    expect(d.item.project?.id).toBe(project.id);
    expect(d.item.code).toMatch(/^WT-\d{4}-\d{4}$/);
    expect(d.allowedActions).toEqual([]);
    const id = d.item.id as number;

    // the office assigns it: response due in 4 working days
    d = await ok(await office.get(`/api/items/${id}`));
    expect(d.allowedActions).toContain('assign');
    d = await ok(
      await office.post(`/api/items/${id}/steps`, {
        action: 'assign',
        version: d.item.version,
        responsibleUnitId: zjj,
      }),
    );
    expect(d.item).toMatchObject({ status: 'assigned', level: 2, responseDue: addWorkingDays(today, 4) });
    const unread = await unitUser.get('/api/notifications/unread-count');
    expect(unread.json().count).toBeGreaterThanOrEqual(1);

    // the deadline passes before the unit answers
    await t.database.db
      .updateTable('items')
      .set({ response_due: '2026-01-05', assigned_on: '2025-12-29' })
      .where('id', '=', id)
      .execute();
    d = await ok(await unitUser.get(`/api/items/${id}`));
    expect(d.item.flags.responseOverdue).toBe(true);
    expect(d.allowedActions).toEqual(expect.arrayContaining(['respond', 'escalate']));
    const overdue = await office.get('/api/items?overdue=true&pageSize=100');
    expect(overdue.json().items.map((i: { id: number }) => i.id)).toContain(id);

    d = await ok(
      await unitUser.post(`/api/items/${id}/steps`, {
        action: 'respond',
        version: d.item.version,
        plan: '协调区征收办加快签约',
        promisedDate: addWorkingDays(today, 10),
      }),
    );
    expect(d.item.status).toBe('responded');
    expect(d.item.flags.responseOverdue).toBe(true); // answered late stays on the record

    // the office escalates and lists it
    d = await ok(
      await office.post(`/api/items/${id}/steps`, {
        action: 'escalate',
        version: d.item.version,
        reason: '逾期答复，提请协调会',
      }),
    );
    expect(d.item.level).toBe(3);
    d = await ok(
      await office.post(`/api/items/${id}/steps`, {
        action: 'list',
        version: d.item.version,
        due: addWorkingDays(today, 15),
        reason: '久拖不决',
      }),
    );
    expect(d.item).toMatchObject({ listed: true, dueDate: addWorkingDays(today, 15) });
    const board = await office.get('/api/items?listed=true&open=true');
    expect(board.json().items.map((i: { id: number }) => i.id)).toContain(id);

    // the unit resolves, the office closes
    d = await ok(
      await unitUser.post(`/api/items/${id}/steps`, {
        action: 'resolve',
        version: d.item.version,
        resolution: '12 户全部签约，场地已移交',
      }),
    );
    expect(d.item.status).toBe('resolved');
    d = await ok(await office.post(`/api/items/${id}/steps`, { action: 'close', version: d.item.version }));
    expect(d.item).toMatchObject({ status: 'closed', closedOn: today });
    expect(d.events.map((e) => e.action)).toEqual([
      'raise',
      'assign',
      'respond',
      'escalate',
      'list',
      'resolve',
      'close',
    ]);

    const ind = await office.get(`/api/items/indicators?by=unit&year=${today.slice(0, 4)}`);
    expect(ind.statusCode, ind.body).toBe(200);
    const row = ind.json().find((r: { key: string }) => r.key === String(zjj));
    expect(row).toMatchObject({
      total: 1,
      closed: 1,
      closeRate: 1,
      responded: 1,
      respondedOnTime: 0,
      listed: 1,
    });

    const xlsx = await office.get('/api/items/export?q=征地拆迁滞后');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });
});
