/**
 * The 前期手续 checklist over HTTP against the real database (DOMAIN §3): templates applied once,
 * items added one by one, the done/done-date rules, the overdue flag computed against today in
 * China, optimistic versions, and who may edit (the office and the lead unit, never co-units).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../src/platform/time.ts';
import { cityProject, demoUnits, signInAs } from './factories.ts';
import { createTestApp, type Client, type TestApp, auditHelpers, expectError } from './helpers.ts';

let t: TestApp;
let office: Client;
let lindian: Client;
let unitUser: Client;
let reporter: Client;
let zjj: number;
let jtj: number;
let led: number; // led by 市住建局, the unit user's unit
let coop: number; // led by 市交通运输局, 市住建局 co-operates
let govTemplate: { id: number; name: string; items: { name: string; category: string | null }[] };
let entTemplate: typeof govTemplate;

const today = todayInChina();
const shift = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const yesterday = shift(today, -1);
const tomorrow = shift(today, 1);

beforeAll(async () => {
  t = await createTestApp();
  ({
    office,
    office_lindian: lindian,
    unit: unitUser,
    reporter,
  } = await signInAs(t, 'office', 'office_lindian', 'unit', 'reporter'));
  ({ zjj, jtj } = await demoUnits(t));
  led = await project('PROC-1', zjj, []);
  coop = await project('PROC-2', jtj, [zjj]);
  const templates = (await office.get('/api/procedure-templates')).json();
  govTemplate = templates.find((x: { name: string }) => x.name === '政府投资建设项目');
  entTemplate = templates.find((x: { name: string }) => x.name === '企业投资项目(备案类)');
});
afterAll(async () => {
  await t.close();
});

const { lastAuditOf, auditCount } = auditHelpers(() => t);

/** A city project led by `lead` (and co-operated on by `co`), created by the office. */
const project = async (code: string, lead: number, co: number[]) =>
  (
    await cityProject(office, {
      code,
      name: `${code} 前期手续测试项目`,
      sector: '基础设施',
      totalInvestment: '3000',
      responsibleUnitId: lead,
      coUnitIds: co,
    })
  ).id;

interface Item {
  id: number;
  seq: number;
  name: string;
  category: string | null;
  status: string;
  plannedDate: string | null;
  doneDate: string | null;
  overdue: boolean;
  version: number;
}
const checklist = async (projectId: number): Promise<Item[]> => {
  const res = await office.get(`/api/projects/${projectId}/procedures`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const addItem = async (
  projectId: number,
  body: Record<string, unknown>,
  by: Client = office,
): Promise<Item> => {
  const res = await by.post(`/api/projects/${projectId}/procedures`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
const update = (id: number, body: Record<string, unknown>, by: Client = office) =>
  by.patch(`/api/procedures/${id}`, body);

describe('templates', () => {
  it('the seeded templates are listed with their items', () => {
    expect(govTemplate.items.map((i) => i.name)).toEqual([
      '立项(可研)批复',
      '用地预审与选址意见书',
      '建设用地规划许可证',
      '建设工程规划许可证',
      '环评批复',
      '节能审查',
      '土地出让/划拨',
      '施工图审查',
      '施工许可证',
      '水电路气讯配套',
    ]);
    expect(entTemplate.items).toHaveLength(8);
  });

  it('applying a template adds its items in order, pending and not overdue; audit "apply_procedure_template"', async () => {
    const res = await office.post(`/api/projects/${led}/procedures/apply-template`, {
      templateId: govTemplate.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    const items: Item[] = res.json();
    expect(items.map((i) => [i.seq, i.name, i.category])).toEqual(
      govTemplate.items.map((i, n) => [n + 1, i.name, i.category]),
    );
    for (const i of items)
      expect(i).toMatchObject({
        status: 'pending',
        plannedDate: null,
        doneDate: null,
        overdue: false,
        version: 1,
      });
    const audit = await lastAuditOf('project', led);
    expect(audit).toMatchObject({ action: 'apply_procedure_template' });
    expect(audit.diff).toMatchObject({
      template: { after: '政府投资建设项目' },
      added: { after: govTemplate.items.map((i) => i.name) },
    });
    expect(await checklist(led)).toEqual(items);
  });

  it('applying it twice adds nothing new', async () => {
    const before = await checklist(led);
    const res = await office.post(`/api/projects/${led}/procedures/apply-template`, {
      templateId: govTemplate.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(before);
    expect(res.json()).toHaveLength(10);
  });

  it('a second template adds only the items the project lacks, after the existing ones', async () => {
    const res = await office.post(`/api/projects/${led}/procedures/apply-template`, {
      templateId: entTemplate.id,
    });
    const items: Item[] = res.json();
    expect(items).toHaveLength(13);
    expect(items.slice(10).map((i) => [i.seq, i.name])).toEqual([
      [11, '项目备案'],
      [12, '土地出让'],
      [13, '能评'],
    ]);
    expect(new Set(items.map((i) => i.name)).size).toBe(13);
    const audit = await lastAuditOf('project', led);
    expect(audit.diff).toMatchObject({ added: { after: ['项目备案', '土地出让', '能评'] } });
  });

  it('offices add their own templates; names are unique, items too; the lead unit may not add one', async () => {
    const body = {
      name: '工业项目(核准类)',
      items: [{ name: '项目核准', category: '审批' }, { name: '安全预评价' }],
    };
    const created = await office.post('/api/procedure-templates', body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: body.name,
      items: [
        { name: '项目核准', category: '审批' },
        { name: '安全预评价', category: null },
      ],
    });
    expect(await lastAuditOf('procedure_template', created.json().id)).toMatchObject({ action: 'create' });
    expectError(await office.post('/api/procedure-templates', body), 409, 'DUPLICATE', 'body.name');
    expectError(
      await office.post('/api/procedure-templates', {
        name: '重复项',
        items: [{ name: 'A' }, { name: 'A' }],
      }),
      400,
      'VALIDATION',
      'body.items',
    );
    expectError(
      await unitUser.post('/api/procedure-templates', { ...body, name: '单位模板' }),
      403,
      'FORBIDDEN',
    );
    const listed = (await office.get('/api/procedure-templates')).json();
    expect(listed.map((x: { name: string }) => x.name)).toContain(body.name);
  });

  it('an unknown template is 400 at body.templateId', async () => {
    expectError(
      await office.post(`/api/projects/${led}/procedures/apply-template`, { templateId: 999999 }),
      400,
      'VALIDATION',
      'body.templateId',
    );
  });
});

describe('items', () => {
  it('adds an item after the last one (201, audit "add_procedure")', async () => {
    const item = await addItem(led, {
      name: '人防审查',
      category: '审批',
      plannedDate: '2026-01-10',
      unitId: zjj,
    });
    expect(item).toMatchObject({
      projectId: led,
      seq: 14,
      name: '人防审查',
      category: '审批',
      status: 'pending',
      plannedDate: '2026-01-10',
      unitId: zjj,
      unitName: '大庆市住房和城乡建设局',
      version: 1,
    });
    const audit = await lastAuditOf('project', led);
    expect(audit).toMatchObject({ action: 'add_procedure' });
    expect(audit.diff).toMatchObject({ name: { before: null, after: '人防审查' } });
    // a project's first item starts at 1
    expect((await addItem(coop, { name: '立项(可研)批复' })).seq).toBe(1);
  });

  it('refuses the same item name twice on one project (409 DUPLICATE)', async () => {
    const res = await office.post(`/api/projects/${led}/procedures`, { name: '人防审查' });
    expectError(res, 409, 'DUPLICATE', 'body.name');
  });

  it('leaving 办结 clears the done date', async () => {
    const item = await addItem(led, { name: '规划核实' });
    const done = await update(item.id, { version: 1, status: 'done', doneDate: yesterday });
    expect(done.json()).toMatchObject({ status: 'done', doneDate: yesterday });
    const reopened = await update(item.id, { version: 2, status: 'in_progress' });
    expect(reopened.json()).toMatchObject({ status: 'in_progress', doneDate: null });
  });

  it('status done requires a done date (400 at body.doneDate), and a done date requires status done', async () => {
    const item = await addItem(led, { name: '消防设计审查', plannedDate: '2026-02-01' });
    const audits = await auditCount();
    const noDate = await update(item.id, { version: 1, status: 'done' });
    expectError(noDate, 400, 'VALIDATION', 'body.doneDate');
    expect(noDate.json().error.details[0].message).toBe('已办结的手续须填写办结日期');
    const cleared = await update(item.id, { version: 1, status: 'done', doneDate: null });
    expectError(cleared, 400, 'VALIDATION', 'body.doneDate');
    const wrongStatus = await update(item.id, { version: 1, status: 'in_progress', doneDate: yesterday });
    expectError(wrongStatus, 400, 'VALIDATION', 'body.status');
    expect(wrongStatus.json().error.details[0].message).toBe('填写办结日期时状态应为已办结');
    expect(await auditCount()).toBe(audits);
    expect((await checklist(led)).find((i) => i.id === item.id)).toMatchObject({
      status: 'pending',
      version: 1,
    });
  });

  it('a done date in the future is refused; today is fine (audit "update_procedure")', async () => {
    const item = await addItem(led, { name: '规划条件核实', plannedDate: yesterday });
    const future = await update(item.id, { version: 1, status: 'done', doneDate: tomorrow });
    expectError(future, 400, 'VALIDATION', 'body.doneDate');
    expect(future.json().error.details[0].message).toBe('办结日期不能晚于今天');
    const ok = await update(item.id, {
      version: 1,
      status: 'done',
      doneDate: today,
      docNo: '庆规核字[2026]8号',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      status: 'done',
      doneDate: today,
      docNo: '庆规核字[2026]8号',
      version: 2,
    });
    const audit = await lastAuditOf('project', led);
    expect(audit).toMatchObject({ action: 'update_procedure' });
    expect(audit.diff).toMatchObject({
      status: { before: 'pending', after: 'done' },
      doneDate: { before: null, after: today },
      overdue: { before: true, after: false },
      version: { before: 1, after: 2 },
    });
  });

  it('overdue: planned date before today while pending or in progress; never when done or not required', async () => {
    const cases: [string, string | null, string, boolean][] = [
      ['逾期未办', yesterday, 'pending', true],
      ['逾期办理中', '2025-12-31', 'in_progress', true],
      ['今日到期', today, 'pending', false],
      ['明日到期', tomorrow, 'in_progress', false],
      ['未定日期', null, 'pending', false],
      ['逾期但无需办理', yesterday, 'not_required', false],
    ];
    for (const [name, plannedDate, status] of cases) {
      const item = await addItem(led, { name, plannedDate });
      if (status !== 'pending') {
        const res = await update(item.id, { version: 1, status });
        expect(res.statusCode, res.body).toBe(200);
      }
    }
    const late = await addItem(led, { name: '逾期后办结', plannedDate: '2026-01-05' });
    expect(late.overdue).toBe(true);
    const done = await update(late.id, { version: 1, status: 'done', doneDate: yesterday });
    expect(done.json().overdue).toBe(false);

    const byName = new Map((await checklist(led)).map((i) => [i.name, i]));
    for (const [name, , status, overdue] of cases)
      expect(byName.get(name), name).toMatchObject({ status, overdue });
    expect(byName.get('逾期后办结')).toMatchObject({ status: 'done', overdue: false });
  });

  it('a stale version is 409 VERSION_CONFLICT and nothing changes', async () => {
    const item = await addItem(led, { name: '地下管线探测' });
    const first = await update(item.id, { version: 1, status: 'in_progress' });
    expect(first.json().version).toBe(2);
    const stale = await update(item.id, { version: 1, note: '旧版本的修改' });
    expectError(stale, 409, 'VERSION_CONFLICT', 'version');
    expect(stale.json().error.currentVersion).toBe(2);
    expect((await checklist(led)).find((i) => i.id === item.id)).toMatchObject({
      status: 'in_progress',
      version: 2,
      note: null,
    });
    expectError(await update(999999, { version: 1, note: 'x' }), 404, 'NOT_FOUND');
  });
});

describe('scope', () => {
  it('the lead unit adds and updates items', async () => {
    const added = await addItem(led, { name: '交通影响评价' }, unitUser);
    const res = await update(added.id, { version: 1, status: 'in_progress', note: '已报审' }, unitUser);
    expect(res.statusCode, res.body).toBe(200);
    expect((await lastAuditOf('project', led)).actor_name).toBe('许嘉宁');
  });

  it('a co-unit reads the checklist but may not edit it (403)', async () => {
    const [item] = await checklist(coop);
    const read = await unitUser.get(`/api/projects/${coop}/procedures`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toHaveLength(1);
    expectError(
      await update(item!.id, { version: item!.version, status: 'in_progress' }, unitUser),
      403,
      'FORBIDDEN',
    );
    expectError(
      await unitUser.post(`/api/projects/${coop}/procedures`, { name: '协办单位新增' }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await unitUser.post(`/api/projects/${coop}/procedures/apply-template`, { templateId: govTemplate.id }),
      403,
      'FORBIDDEN',
    );
    expect(await checklist(coop)).toEqual([item]);
  });

  it('other counties and reporters may not edit', async () => {
    const [item] = await checklist(coop);
    expectError(
      await update(item!.id, { version: item!.version, note: '越权' }, lindian),
      403,
      'OUT_OF_SCOPE',
    );
    expectError(await update(item!.id, { version: item!.version, note: '越权' }, reporter), 403, 'FORBIDDEN');
    expectError(await lindian.get(`/api/projects/${coop}/procedures`), 403, 'OUT_OF_SCOPE');
  });
});
