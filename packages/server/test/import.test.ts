/**
 * The 责任分解表 import as the user meets it: 55 林甸县 projects; a bad copy shows every row
 * error and writes nothing; the fixed copy commits in one go; each project is then found with its
 * leader, unit, plan and milestones; importing the same file again changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildResponsibilitySheet } from '../src/modules/projects/excel/build.ts';
import { demoRows } from '../src/modules/projects/demo-projects.ts';
import { signInAs } from './factories.ts';
import { createTestApp, type Client, type TestApp } from './helpers.ts';

let t: TestApp;
let office: Client;
let lindian: Client;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const upload = (c: Client, file: Buffer, mode: 'dry-run' | 'commit') =>
  c.request({
    method: 'POST',
    url: `/api/projects/import?mode=${mode}`,
    payload: file,
    headers: { 'content-type': XLSX },
  });
const count = async (table: 'projects' | 'audit_events' | 'annual_plans' | 'project_list_members') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

// the 55 projects of seed 001, without a list (none exists in this database)
const rows = demoRows().lindian.map(({ listName: _l, batch: _b, ...r }) => r);

beforeAll(async () => {
  t = await createTestApp();
  ({ office, office_lindian: lindian } = await signInAs(t, 'office', 'office_lindian'));
});
afterAll(() => t.close());

describe('a bad copy', () => {
  it('lists every problem by row and column, in Chinese, and writes nothing — on dry run and on commit', async () => {
    const bad = rows.map((r) => ({ ...r }));
    bad[2]!.responsibleUnit = '林甸县不存在局'; // row 4
    bad[5]!.total = '12万'; // row 7
    bad[9]!.code = bad[8]!.code!; // row 11 repeats row 10's code
    bad[12]!.m1 = '100'; // row 14: the twelve months no longer sum to the annual plan
    bad[14]!.m1 = '100'; // row 16: one month of twelve
    bad[20]!.plannedStart = '2026-02-30'; // row 22
    bad[30]!.leader = ''; // row 32
    bad[40]!.region = '230699'; // row 42
    const file = await buildResponsibilitySheet(bad);
    const before = await Promise.all([count('projects'), count('audit_events')]);
    for (const mode of ['dry-run', 'commit'] as const) {
      const res = await upload(lindian, file, mode);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ mode, rows: 55, committed: false });
      const found = body.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`);
      expect(found).toEqual(
        expect.arrayContaining([
          '4:牵头单位',
          '7:总投资(万元)',
          '11:项目编号',
          '14:12月计划(万元)',
          '16:2月计划(万元)',
          '22:计划开工',
          '32:责任领导(职务)',
          '42:所属区划',
        ]),
      );
      expect(body.errors.find((e: { row: number }) => e.row === 11).message).toBe('与第 10 行的项目编号重复');
      expect(body.errors.find((e: { row: number }) => e.row === 7)).toMatchObject({
        value: '12万',
        message: '应为不小于 0 的数字(万元，最多两位小数)',
      });
      expect(body.errors.find((e: { row: number }) => e.row === 14).message).toContain('不一致');
      expect(new Set(body.errors.map((e: { row: number }) => e.row)).size).toBe(8);
    }
    expect(await Promise.all([count('projects'), count('audit_events')])).toEqual(before);
  });

  it('refuses a file that is not a spreadsheet, or one without the required columns', async () => {
    const notXlsx = await upload(office, Buffer.from('not a workbook'), 'dry-run');
    expect(notXlsx.json().errors[0].message).toContain('.xlsx');
    const { buildResponsibilitySheet: build } = await import('../src/modules/projects/excel/build.ts');
    expect((await upload(office, await build([]), 'dry-run')).json()).toMatchObject({ rows: 0, errors: [] });
  });

  it('a county office may not import projects into the city', async () => {
    const res = await upload(
      lindian,
      await buildResponsibilitySheet([{ ...rows[0]!, code: 'X-1', region: '230600' }]),
      'dry-run',
    );
    expect(res.json().errors[0]).toMatchObject({
      row: 2,
      column: '所属区划',
      message: '该区划不在您的管理范围内',
    });
  });
});

describe('the fixed copy', () => {
  it('commits all 55 rows at once, each with its audit event', async () => {
    const before = await count('audit_events');
    const res = await upload(lindian, await buildResponsibilitySheet(rows), 'commit');
    expect(res.json()).toMatchObject({
      rows: 55,
      created: 55,
      updated: 0,
      unchanged: 0,
      errors: [],
      committed: true,
    });
    expect(await count('projects')).toBe(55);
    expect(await count('annual_plans')).toBe(55);
    expect((await count('audit_events')) - before).toBe(55);
  });

  it('finds each project with its leader, unit, plan and milestones', async () => {
    const list = (await lindian.get('/api/projects?pageSize=100')).json();
    expect(list.total).toBe(55);
    for (const r of rows) {
      const p = list.items.find((x: { code: string }) => x.code === r.code);
      expect(p, r.code).toMatchObject({
        name: r.name,
        totalInvestment: r.total,
        responsibility: { leaderPositionName: r.leader, responsibleUnitName: r.responsibleUnit },
      });
    }
    const sample = list.items.find((x: { code: string }) => x.code === rows[0]!.code);
    const [plan] = (await lindian.get(`/api/projects/${sample.id}/plans?year=2026`)).json();
    expect(plan).toMatchObject({ status: 'draft', plannedInvestment: rows[0]!.planned });
    expect(plan.milestones.map((m: { name: string }) => m.name)).toEqual(
      rows[0]!.milestones!.split('；').map((m) => m.split('@')[0]),
    );
    const sum = plan.monthly.reduce((s: number, m: string) => s + Math.round(Number(m) * 100), 0);
    expect(sum).toBe(Math.round(Number(rows[0]!.planned) * 100));
  });

  it('importing the same file again changes nothing; a changed row updates only that project', async () => {
    const before = await count('audit_events');
    const again = await upload(lindian, await buildResponsibilitySheet(rows), 'commit');
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 55, committed: true });
    expect(await count('audit_events')).toBe(before);
    const changed = rows.map((r, i) => (i === 3 ? { ...r, total: '99999.99' } : r));
    const res = await upload(lindian, await buildResponsibilitySheet(changed), 'commit');
    expect(res.json()).toMatchObject({ created: 0, updated: 1, unchanged: 54 });
    const p = (await lindian.get(`/api/projects?q=${rows[3]!.code}`)).json().items[0];
    expect(p.totalInvestment).toBe('99999.99');
  });
});
