/**
 * The project export is a 责任分解表 in the import's layout, with the plan columns (year, annual
 * plan, 12 months, target, milestones) and real date cells: exporting the demo registry and
 * importing the file back as a dry run changes nothing (issue 10).
 */
import { importColumns } from '@ducha/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoProjects } from '../src/modules/projects/demo-projects.ts';
import { ExcelJS } from '../src/platform/excel.ts';
import { todayInChina } from '../src/platform/time.ts';
import { signInAs } from './factories.ts';
import { createTestApp, type Client, type TestApp } from './helpers.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let t: TestApp;
let office: Client;
let lindian: Client;
/** Two 林甸 projects the demo has under way, moved on to 竣工 and to 投产 (the demo has neither stage). */
interface Finished {
  id: number;
  code: string;
  stage: string;
  actualStart: string;
  actualCompletion: string;
  actualProduction: string | null;
}
let completed: Finished;
let operating: Finished;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoProjects(t.database.db);
  ({ office, office_lindian: lindian } = await signInAs(t, 'office', 'office_lindian'));
  const started = (await lindian.get('/api/projects?stage=continuing&pageSize=2')).json().items;
  const finish = async (p: { id: number; version: number; actualStart: string }, dates: object) =>
    (await lindian.patch(`/api/projects/${p.id}`, { version: p.version, ...dates })).json();
  // completion the day it started (the earliest allowed), production today (the latest)
  completed = await finish(started[0], { actualCompletion: started[0].actualStart });
  operating = await finish(started[1], {
    actualCompletion: started[1].actualStart,
    actualProduction: todayInChina(),
  });
  expect([completed.stage, operating.stage]).toEqual(['completed', 'operating']);
});
afterAll(() => t.close());

const exported = async (c: Client, query = '') => {
  const res = await c.get(`/api/projects/export.xlsx${query}`);
  expect(res.statusCode).toBe(200);
  return res.rawPayload;
};
const dryRun = async (c: Client, file: Buffer) =>
  (
    await c.request({
      method: 'POST',
      url: '/api/projects/import?mode=dry-run',
      payload: file,
      headers: { 'content-type': XLSX },
    })
  ).json();

describe('export, then import', () => {
  it('the city office: every project of the demo comes back unchanged, with no problem', async () => {
    const total = (await office.get('/api/projects?pageSize=1')).json().total;
    const result = await dryRun(office, await exported(office));
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({ rows: total, created: 0, updated: 0, unchanged: total });
  });

  it('the county office, and a filtered export by list, come back unchanged too', async () => {
    const lists = (await lindian.get('/api/project-lists')).json();
    const list = (lists.items ?? lists).find((l: { name: string }) => l.name.includes('林甸'));
    for (const query of ['', `?listId=${list.id}`]) {
      const result = await dryRun(lindian, await exported(lindian, query));
      expect(result.errors, query).toEqual([]);
      expect(result, query).toMatchObject({ created: 0, updated: 0, unchanged: 55 });
    }
  });

  it('carries the plan columns in the import layout, with date and number cells', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exported(lindian)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    expect(headers.slice(0, importColumns.length + 1)).toEqual([
      '序号',
      ...importColumns.map((c) => (c.required ? `${c.header}*` : c.header)),
    ]);
    const at = (row: number, header: string) => ws.getRow(row).getCell(headers.indexOf(header) + 1).value;
    // LD-2026-001: a 2026 plan with its twelve months and its milestones
    const row = [...Array(ws.rowCount).keys()]
      .map((i) => i + 1)
      .find((r) => at(r, '项目编号*') === 'LD-2026-001')!;
    // the figures as the registry holds them (the demo's amounts are generated)
    const id = (await lindian.get('/api/projects?q=LD-2026-001')).json().items[0].id;
    const project = (await lindian.get(`/api/projects/${id}`)).json();
    const plans = (await lindian.get(`/api/projects/${id}/plans?year=2026`)).json();
    const plan = plans.find((p: { status: string }) => p.status === 'draft') ?? plans[0];
    expect(at(row, '计划年度')).toBe(2026);
    expect(at(row, '年度计划投资(万元)')).toBe(Number(plan.plannedInvestment));
    expect(at(row, '5月计划(万元)')).toBe(Number(plan.monthly[4]));
    expect(at(row, '计划开工')).toEqual(new Date(`${project.plannedStart}T00:00:00Z`));
    expect(at(row, '实际开工')).toBeInstanceOf(Date);
    for (const m of plan.milestones as { name: string; plannedDate: string }[])
      expect(String(at(row, '倒排工期节点'))).toContain(`${m.name}@${m.plannedDate}`);
    expect(at(row, '计划状态(仅供查看)')).toMatch(/基线|草稿/);
  });

  it('a changed cell in the export is the one update', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exported(lindian)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const col = (ws.getRow(1).values as unknown[]).indexOf('年度形象进度目标');
    ws.getRow(2).getCell(col).value = '完成主体工程并试运行';
    const result = await dryRun(lindian, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(result).toMatchObject({ errors: [], created: 0, updated: 1, unchanged: 54 });
  });

  it('a project at 竣工 and one at 投产 carry their actual dates as date cells', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exported(lindian)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    const rowOf = (code: string) =>
      ws.getRow([...Array(ws.rowCount).keys()].find((i) => ws.getRow(i + 1).getCell(2).value === code)! + 1);
    const cells = (code: string) =>
      ['项目阶段', '实际开工', '实际竣工', '实际投产'].map(
        (h) => rowOf(code).getCell(headers.indexOf(h) + 1).value,
      );
    const day = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null);
    for (const [p, stage] of [
      [completed, '竣工'],
      [operating, '投产'],
    ] as const)
      expect(cells(p.code)).toEqual([
        stage,
        ...[p.actualStart, p.actualCompletion, p.actualProduction].map(day),
      ]);
  });

  it('an older sheet without 实际竣工 and 实际投产 changes nothing and keeps the recorded dates', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exported(lindian)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    for (const h of ['实际投产', '实际竣工'])
      ws.spliceColumns((ws.getRow(1).values as unknown[]).indexOf(h), 1);
    const file = async () => Buffer.from(await wb.xlsx.writeBuffer());
    expect(await dryRun(lindian, await file())).toMatchObject({ errors: [], updated: 0, unchanged: 55 });
    // an edit of another cell of the 投产 project is written, and its dates stay
    const col = (ws.getRow(1).values as unknown[]).indexOf('年度形象进度目标');
    const row = [...Array(ws.rowCount).keys()].find(
      (i) => ws.getRow(i + 1).getCell(2).value === operating.code,
    )!;
    ws.getRow(row + 1).getCell(col).value = '投产达效';
    const res = await lindian.request({
      method: 'POST',
      url: '/api/projects/import?mode=commit',
      payload: await file(),
      headers: { 'content-type': XLSX },
    });
    expect(res.json()).toMatchObject({ errors: [], committed: true, updated: 1 });
    expect((await lindian.get(`/api/projects/${operating.id}`)).json()).toMatchObject({
      stage: 'operating',
      actualStart: operating.actualStart,
      actualCompletion: operating.actualCompletion,
      actualProduction: operating.actualProduction,
    });
  });
});
