/**
 * The procedure of one inspection through the API (issue 14): created by hand with its members,
 * noticed (3 working days ahead, numbered, as Word), on site (findings by members, sign-offs, the
 * unit's confirmation), the draft and the unit's opinion with a disagreement answered, the formal
 * report, the rectification notice raising its items in the same transaction (a refused one leaves
 * nothing), results, a failed and a passed re-check to archive; out-of-order steps refused; the
 * audit rows; and an expert seeing only the inspection it is a member of.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays } from '../src/platform/calendar.ts';
import { todayInChina } from '../src/platform/time.ts';
import { cityProject, demoUnits, signInAs, type DemoRole } from './factories.ts';
import { png } from './files.ts';
import { createTestApp, expectError, lastAudit, type Client, type TestApp } from './helpers.ts';
import {
  insertLibrary,
  ok,
  runTo,
  siteDay,
  userIdOf,
  type Library,
} from './inspection-procedure-fixtures.ts';

let t: TestApp;
let c: Record<DemoRole, Client>;
let lib: Library;
let units: Awaited<ReturnType<typeof demoUnits>>;
let projCity: number;
let projLindian: number;

beforeAll(async () => {
  t = await createTestApp();
  c = await signInAs(t);
  units = await demoUnits(t);
  lib = await insertLibrary(t, await userIdOf(t, 'expert'), await userIdOf(t, 'inspector'));
  projCity = (await cityProject(c.admin, { responsibleUnitId: units.zjj, ownerUnitId: units.ctgs })).id;
  projLindian = (await cityProject(c.admin, { regionCode: '230623', responsibleUnitId: units.ldZjj })).id;
}, 120_000);
afterAll(() => t.close());

const create = async (who: Client, body: Record<string, unknown>) => who.post('/api/inspections', body);
const members = () => ({
  expertIds: [lib.expertLinked, lib.expertPaper],
  inspectorIds: [lib.inspectorLinked],
});

describe('the procedure, planned to archived', () => {
  it('runs one inspection through every step', async () => {
    let d = ok(await create(c.office, { projectId: projCity, kind: 'special', ...members() }), 201);
    expect(d.inspection.status).toBe('planned');
    expect(d.inspection.code).toMatch(/^JC-\d{4}-\d{3}$/);
    expect(d.inspection.inspectedUnitId).toBe(units.zjj);
    expect(d.members.map((m) => m.role).sort()).toEqual(['expert', 'expert', 'inspector']);
    expect((await lastAudit(t)).action).toBe('create');
    const id = d.inspection.id;
    const step = (who: Client, body: Record<string, unknown>) =>
      who.post(`/api/inspections/${id}/steps`, { version: d.inspection.version, ...body });

    // the notice: 3 working days ahead at least
    const early = await step(c.office, { action: 'notify', siteOn: addWorkingDays(todayInChina(), 2) });
    expectError(early, 409, 'INVALID_STATE');
    expectError(await step(c.office, { action: 'start_site' }), 409, 'INVALID_STATE');
    expectError(await step(c.unit, { action: 'notify', siteOn: siteDay() }), 403, 'OUT_OF_SCOPE');
    d = ok(await step(c.office, { action: 'notify', siteOn: siteDay() }));
    expect(d.inspection.status).toBe('noticed');
    expect(d.inspection.siteOn).toBe(siteDay());
    const notice = d.documents.find((x) => x.kind === 'notice')!;
    expect(notice.number).toMatch(/^稽察通知〔\d{4}〕\d+号$/);
    const docx = await c.unit.get(`/api/inspections/${id}/documents/${notice.id}`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await lastAudit(t)).action).toBe('notify');
    // a stale version is refused
    expectError(await step(c.office, { action: 'start_site', version: 1 }), 409, 'VERSION_CONFLICT');
    d = ok(await step(c.office, { action: 'start_site' }));

    // on site: members record findings; the unit does not
    const finding = (who: Client, body: Record<string, unknown>) =>
      who.post(`/api/inspections/${id}/findings`, { version: d.inspection.version, ...body });
    d = ok(
      await finding(c.expert, {
        kind: 'problem',
        category: '工程质量',
        content: '窗户玻璃未按规范使用钢化玻璃',
      }),
      201,
    );
    d = ok(
      await finding(c.inspector, {
        kind: 'problem',
        category: '工程进度',
        content: '地下通道渗水，未及时处理',
      }),
      201,
    );
    d = ok(
      await finding(c.office, { kind: 'suggestion', category: '其他', content: '建议完善工程变更台账' }),
      201,
    );
    expectError(
      await finding(c.unit, { kind: 'problem', category: '其他', content: '单位自报问题' }),
      403,
      'OUT_OF_SCOPE',
    );
    expect(d.findings.map((f) => f.kind)).toEqual(['problem', 'problem', 'suggestion']);

    // sign-offs, then the unit's confirmation
    expectError(await step(c.unit, { action: 'confirm' }), 409, 'INVALID_STATE');
    expectError(await step(c.office, { action: 'issue_draft' }), 409, 'INVALID_STATE');
    d = ok(await step(c.expert, { action: 'sign' }));
    expectError(await step(c.expert, { action: 'sign' }), 409, 'INVALID_STATE');
    const linked = d.members.find((m) => m.expertId === lib.expertLinked)!;
    expectError(await step(c.office, { action: 'sign', memberId: linked.id }), 409, 'INVALID_STATE');
    const paper = d.members.find((m) => m.expertId === lib.expertPaper)!;
    d = ok(await step(c.office, { action: 'sign', memberId: paper.id }));
    expect(d.members.filter((m) => m.role === 'expert').every((m) => m.signedAt)).toBe(true);
    d = ok(await step(c.unit, { action: 'confirm' }));
    expect(d.inspection.confirmedAt).not.toBeNull();
    expectError(
      await finding(c.expert, { kind: 'problem', category: '其他', content: '补充问题' }),
      409,
      'INVALID_STATE',
    );

    // the draft, the unit's opinion within 5 working days
    d = ok(await step(c.office, { action: 'issue_draft' }));
    expect(d.inspection.status).toBe('draft_report');
    expect(d.inspection.opinionDue).toBe(addWorkingDays(todayInChina(), 5));
    expectError(await step(c.office, { action: 'formal_report', summary: '报告摘要' }), 409, 'INVALID_STATE');
    const [p1, p2] = d.findings;
    expect(
      (await step(c.unit, { action: 'opinion', opinions: [{ findingId: p2!.id, agrees: false }] }))
        .statusCode,
    ).toBe(400);
    d = ok(
      await step(c.unit, {
        action: 'opinion',
        opinions: [
          { findingId: p1!.id, agrees: true },
          { findingId: p2!.id, agrees: false, reason: '渗水系雨季临时积水，已处理' },
        ],
      }),
    );
    expect(d.inspection.status).toBe('opinion_received');
    expectError(await step(c.office, { action: 'formal_report', summary: '报告摘要' }), 409, 'INVALID_STATE');
    expectError(
      await step(c.office, { action: 'answer', findingId: p1!.id, outcome: 'keep', answer: '维持' }),
      400,
      'VALIDATION',
    );
    d = ok(
      await step(c.office, {
        action: 'answer',
        findingId: p2!.id,
        outcome: 'withdraw',
        answer: '经核实，同意撤回',
      }),
    );
    expect(d.findings.find((f) => f.id === p2!.id)!.withdrawn).toBe(true);
    d = ok(await step(c.office, { action: 'formal_report', summary: '发现问题 1 个、建议 1 条。' }));
    const report = d.documents.find((x) => x.kind === 'formal_report')!;
    expect(report.summary).toBe('发现问题 1 个、建议 1 条。');
    expect(report.number).toMatch(/^稽察报告〔\d{4}〕\d+号$/);
    expect((await c.leader.get(`/api/inspections/${id}/documents/${report.id}`)).statusCode).toBe(200);

    // the rectification notice: one item per standing problem, in the same transaction
    const itemsBefore = await countItems();
    await t.database.db
      .updateTable('dictionary_items')
      .set({ active: false })
      .where('kind', '=', 'item_category')
      .where('code', '=', '工程质量')
      .execute();
    const refused = await step(c.office, {
      action: 'rectify',
      rectificationDue: addWorkingDays(todayInChina(), 20),
    });
    expect(refused.statusCode).toBe(400);
    await t.database.db
      .updateTable('dictionary_items')
      .set({ active: true })
      .where('kind', '=', 'item_category')
      .where('code', '=', '工程质量')
      .execute();
    expect(await countItems()).toBe(itemsBefore);
    expect(ok(await c.office.get(`/api/inspections/${id}`)).inspection.status).toBe('formal_report');
    d = ok(await step(c.office, { action: 'rectify', rectificationDue: addWorkingDays(todayInChina(), 20) }));
    expect(d.inspection.status).toBe('rectifying');
    expect(await countItems()).toBe(itemsBefore + 1);
    const item = d.findings.find((f) => f.id === p1!.id)!.item!;
    expect(item).toMatchObject({ status: 'assigned', responsibleUnit: '大庆市住房和城乡建设局' });
    const row = await t.database.db
      .selectFrom('items')
      .selectAll()
      .where('id', '=', item.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      kind: 'rectification',
      source: 'inspection',
      project_id: projCity,
      category: '工程质量',
    });
    expect(d.findings.find((f) => f.id === p2!.id)!.item).toBeNull();
    expect(d.documents.find((x) => x.kind === 'rectification_notice')!.number).toMatch(
      /^整改通知〔\d{4}〕\d+号$/,
    );

    // results, a failed re-check, results again, the item closed out, archive
    d = ok(await step(c.unit, { action: 'submit_results', summary: '已全部更换为钢化玻璃' }));
    expect(d.inspection.status).toBe('rechecking');
    expectError(await step(c.office, { action: 'archive', summary: '通过' }), 409, 'INVALID_STATE');
    d = ok(await step(c.office, { action: 'plan_recheck', recheckOn: addWorkingDays(todayInChina(), 1) }));
    expectError(await step(c.office, { action: 'archive', summary: '通过' }), 409, 'INVALID_STATE');
    d = ok(await step(c.office, { action: 'recheck_failed', note: '抽查发现仍有两处未更换' }));
    expect(d.inspection.status).toBe('rectifying');
    d = ok(await step(c.unit, { action: 'submit_results', summary: '剩余两处已更换' }));
    d = ok(await step(c.office, { action: 'plan_recheck', recheckOn: addWorkingDays(todayInChina(), 2) }));
    await closeItem(item.id);
    d = ok(await step(c.office, { action: 'archive', summary: '复查通过，整改到位。' }));
    expect(d.inspection.status).toBe('archived');
    expect(d.inspection.archivedOn).toBe(todayInChina());
    expect(d.findings[0]!.item!.status).toBe('closed');
    const audit = await lastAudit(t);
    expect(audit).toMatchObject({ entity: 'inspection', entity_id: String(id), action: 'archive' });
    expectError(await step(c.office, { action: 'archive', summary: '再来' }), 409, 'INVALID_STATE');
  }, 60_000);

  it('is created only by the office over the project, with library members', async () => {
    expectError(await create(c.office_lindian, { projectId: projCity }), 403, 'OUT_OF_SCOPE');
    expectError(await create(c.unit, { projectId: projCity }), 403, 'OUT_OF_SCOPE');
    const bad = await create(c.office, { projectId: projCity, expertIds: [999999] });
    expectError(bad, 400, 'VALIDATION', 'body.expertIds');
    ok(await create(c.office_lindian, { projectId: projLindian }), 201);
  });

  it('archives a report without problems straight away, and refuses rectifying it', async () => {
    let d = ok(await create(c.office, { projectId: projCity, expertIds: [lib.expertPaper] }), 201);
    const id = d.inspection.id;
    const step = async (body: Record<string, unknown>, who = c.office) =>
      who.post(`/api/inspections/${id}/steps`, { version: d.inspection.version, ...body });
    d = ok(await step({ action: 'notify', siteOn: siteDay() }));
    d = ok(await step({ action: 'start_site' }));
    d = ok(await step({ action: 'sign', memberId: d.members[0]!.id }));
    d = ok(await step({ action: 'confirm' }, c.unit));
    d = ok(await step({ action: 'issue_draft' }));
    d = ok(await step({ action: 'opinion', opinions: [] }, c.unit));
    d = ok(await step({ action: 'formal_report', summary: '未发现问题。' }));
    expectError(
      await step({ action: 'rectify', rectificationDue: addWorkingDays(todayInChina(), 10) }),
      409,
      'INVALID_STATE',
    );
    d = ok(await step({ action: 'archive', summary: '无需整改，归档。' }));
    expect(d.inspection.status).toBe('archived');
  });
});

describe('scope: members, the unit, offices and leaders', () => {
  it('an expert sees only the inspections it is a member of', async () => {
    const mine = ok(await create(c.office, { projectId: projCity, expertIds: [lib.expertLinked] }), 201);
    const other = ok(await create(c.office, { projectId: projCity, expertIds: [lib.expertPaper] }), 201);
    const list = (who: Client, q = '') => who.get(`/api/inspections?pageSize=200${q}`);
    const ids = (res: Awaited<ReturnType<typeof list>>) =>
      (res.json() as { items: { id: number }[] }).items.map((x) => x.id);
    const expertIds = ids(await list(c.expert));
    expect(expertIds).toContain(mine.inspection.id);
    expect(expertIds).not.toContain(other.inspection.id);
    expect((await c.expert.get(`/api/inspections/${mine.inspection.id}`)).statusCode).toBe(200);
    expectError(await c.expert.get(`/api/inspections/${other.inspection.id}`), 403, 'OUT_OF_SCOPE');
    expectError(await c.inspector.get(`/api/inspections/${other.inspection.id}`), 403, 'OUT_OF_SCOPE');
    // the office and the city's leader see both; Lindian's office neither; the reporter nothing
    for (const who of [c.office, c.leader, c.admin, c.unit])
      expect(ids(await list(who))).toEqual(expect.arrayContaining([mine.inspection.id, other.inspection.id]));
    expect(ids(await list(c.office_lindian))).not.toContain(mine.inspection.id);
    expectError(await c.office_lindian.get(`/api/inspections/${mine.inspection.id}`), 403, 'OUT_OF_SCOPE');
    expect((await list(c.reporter)).statusCode).toBe(403);
    // its audit trail reads under the inspection's own rule
    const trail = await c.leader.get(`/api/audit?entity=inspection&id=${mine.inspection.id}`);
    expect(trail.statusCode, trail.body).toBe(200);
    expect((trail.json() as { items: { action: string }[] }).items.map((e) => e.action)).toContain('create');
    expectError(
      await c.office_lindian.get(`/api/audit?entity=inspection&id=${mine.inspection.id}`),
      403,
      'OUT_OF_SCOPE',
    );
    // filters
    expect(ids(await list(c.office, '&status=archived'))).not.toContain(mine.inspection.id);
    expect(ids(await list(c.office, `&q=${encodeURIComponent(mine.inspection.code)}`))).toEqual([
      mine.inspection.id,
    ]);
  });

  it('the unit takes only its own steps; a member expert may add findings on site', async () => {
    let d = ok(await create(c.office, { projectId: projCity, expertIds: [lib.expertLinked] }), 201);
    d = await runTo({ office: c.office, unit: c.unit, expert: c.expert }, d, 'on_site');
    expect(d.inspection.status).toBe('on_site');
    const asExpert = ok(await c.expert.get(`/api/inspections/${d.inspection.id}`));
    expect(asExpert.allowedActions).toEqual(['add_finding', 'sign', 'add_attachment']);
    const asUnit = ok(await c.unit.get(`/api/inspections/${d.inspection.id}`));
    expect(asUnit.allowedActions).toEqual(['confirm']);
    expect(ok(await c.leader.get(`/api/inspections/${d.inspection.id}`)).allowedActions).toEqual([]);
  });
});

describe('photo evidence on site', () => {
  it('members upload photos on site; readers download them; not before or after the site', async () => {
    let d = ok(await create(c.office, { projectId: projCity, ...members() }), 201);
    const id = d.inspection.id;
    const upload = (who: Client, text: string) =>
      who.request({
        method: 'POST',
        url: `/api/inspections/${id}/attachments`,
        payload: png(text),
        headers: { 'content-type': 'image/png', 'x-file-name': encodeURIComponent('通道渗水.png') },
      });
    expectError(await upload(c.office, 'early'), 409, 'INVALID_STATE');
    d = await runTo({ office: c.office, unit: c.unit, expert: c.expert }, d, 'on_site');
    const res = await upload(c.inspector, 'one');
    expect(res.statusCode, res.body).toBe(201);
    expect((await lastAudit(t)).action).toBe('add_attachment');
    expectError(await upload(c.unit, 'two'), 403, 'OUT_OF_SCOPE');
    d = ok(await c.office.get(`/api/inspections/${id}`));
    expect(d.attachments.map((a) => a.name)).toEqual(['通道渗水.png']);
    const got = await c.leader.get(`/api/inspection-attachments/${d.attachments[0]!.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(png('one'))).toBe(true);
    expectError(
      await c.reporter.get(`/api/inspection-attachments/${d.attachments[0]!.id}`),
      403,
      'FORBIDDEN',
    );
  });
});

async function countItems() {
  const r = await t.database.db
    .selectFrom('items')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The unit responds and resolves, the office closes: the item engine's own steps. */
async function closeItem(id: number) {
  const get = async () => (await c.office.get(`/api/items/${id}`)).json() as { item: { version: number } };
  const stepOn = async (who: Client, body: Record<string, unknown>) => {
    const res = await who.post(`/api/items/${id}/steps`, { version: (await get()).item.version, ...body });
    expect(res.statusCode, res.body).toBe(200);
  };
  await stepOn(c.unit, {
    action: 'respond',
    plan: '全部更换为钢化玻璃',
    promisedDate: addWorkingDays(todayInChina(), 5),
  });
  await stepOn(c.unit, { action: 'resolve', resolution: '已更换完毕' });
  await stepOn(c.office, { action: 'close' });
}
