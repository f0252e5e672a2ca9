/**
 * The libraries (issue 14): firms, experts and inspectors with versions, filters and scope, delete
 * refused once referenced (deactivate), phones whole to the office and masked to leaders, logins
 * of the right role only, and the .xlsx export round trip and all-or-nothing import.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExcelJS, openWorkbook } from '../src/platform/excel.ts';
import { XLSX_TYPE } from '../src/platform/files.ts';
import { cityProject, demoUnits, signInAs } from './factories.ts';
import { auditHelpers, createTestApp, expectError, type Client, type TestApp } from './helpers.ts';

let t: TestApp;
let c: Record<'admin' | 'office' | 'office_lindian' | 'leader' | 'unit' | 'expert' | 'inspector', Client>;
let units: Awaited<ReturnType<typeof demoUnits>>;
let expertUser: number;
let inspectorUser: number;
const { lastAuditOf } = auditHelpers(() => t);

beforeAll(async () => {
  t = await createTestApp();
  c = await signInAs(t, 'admin', 'office', 'office_lindian', 'leader', 'unit', 'expert', 'inspector');
  units = await demoUnits(t);
  const ids = await t.database.db.selectFrom('users').select(['id', 'username']).execute();
  expertUser = ids.find((u) => u.username === 'expert')!.id;
  inspectorUser = ids.find((u) => u.username === 'inspector')!.id;
}, 120_000);
afterAll(() => t.close());

const upload = (cl: Client, url: string, body: Buffer) =>
  cl.request({ method: 'POST', url, payload: body, headers: { 'content-type': XLSX_TYPE } });

async function sheet(headers: string[], rows: (string | null)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('专家库');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('firms and experts', () => {
  it('CRUD with versions, scope, phone masking, delete refused once referenced', async () => {
    const f = await c.office.post('/api/inspection-firms', {
      regionCode: '230600',
      name: '大庆工程咨询有限公司',
      phone: '0459-1234567',
    });
    expect(f.statusCode, f.body).toBe(201);
    const firm = f.json() as { id: number; version: number };
    expectError(
      await c.office.post('/api/inspection-firms', { regionCode: '230600', name: '大庆工程咨询有限公司' }),
      409,
      'DUPLICATE',
      'body.name',
    );
    expectError(
      await c.office_lindian.post('/api/inspection-firms', { regionCode: '230600', name: 'x' }),
      403,
      'OUT_OF_SCOPE',
    );

    const e = await c.office.post('/api/experts', {
      regionCode: '230600',
      name: '王建国',
      specialty: '工程造价',
      title: '高级工程师',
      employer: '大庆市城市建设投资开发有限公司',
      employerUnitId: units.ctgs,
      firmId: firm.id,
      phone: '13800001234',
      availability: [{ from: '2026-03-01', to: '2026-06-30' }],
      conflictUnitIds: [units.jtj],
      userId: expertUser,
    });
    expect(e.statusCode, e.body).toBe(201);
    const ex = e.json() as {
      id: number;
      version: number;
      firm: string;
      phone: string;
      employerUnit: string;
      username: string;
    };
    expect(ex).toMatchObject({ firm: '大庆工程咨询有限公司', phone: '13800001234', username: 'expert' });
    expect((await lastAuditOf('inspection_expert', ex.id)).action).toBe('create');
    expectError(
      await c.office.post('/api/experts', { regionCode: '230600', name: 'x', specialty: '占卜' }),
      400,
      'VALIDATION',
      'body.specialty',
    );
    expectError(
      await c.office.post('/api/experts', {
        regionCode: '230600',
        name: 'x',
        specialty: '工程造价',
        userId: inspectorUser,
      }),
      400,
      'VALIDATION',
      'body.userId',
    );
    expectError(
      await c.office.post('/api/experts', {
        regionCode: '230600',
        name: 'x',
        specialty: '工程造价',
        userId: expertUser,
      }),
      400,
      'VALIDATION',
      'body.userId',
    );
    expectError(
      await c.office.post('/api/experts', {
        regionCode: '230600',
        name: 'x',
        specialty: '工程造价',
        availability: [{ from: '2026-05-01', to: '2026-04-01' }],
      }),
      400,
      'VALIDATION',
    );

    // phones: the office whole, leaders masked, the expert its own; the county office reads the city's library
    expect(((await c.leader.get(`/api/experts/${ex.id}`)).json() as { phone: string }).phone).toBe(
      '138****1234',
    );
    expect(((await c.expert.get(`/api/experts/${ex.id}`)).json() as { phone: string }).phone).toBe(
      '13800001234',
    );
    expect((await c.office_lindian.get(`/api/experts/${ex.id}`)).statusCode).toBe(200);
    expectError(
      await c.office_lindian.patch(`/api/experts/${ex.id}`, { version: ex.version, title: '正高级工程师' }),
      403,
      'OUT_OF_SCOPE',
    );
    expect((await c.unit.get('/api/experts')).statusCode).toBe(403);
    expect((await c.inspector.get(`/api/experts/${ex.id}`)).statusCode).toBe(403);

    // filters
    const q = async (s: string) =>
      ((await c.office.get(`/api/experts?${s}`)).json() as { total: number }).total;
    expect(await q('specialty=工程造价')).toBe(1);
    expect(await q('specialty=给排水')).toBe(0);
    expect(await q(`firmId=${firm.id}`)).toBe(1);
    expect(await q('q=建国')).toBe(1);
    expect(await q('active=false')).toBe(0);

    // versions
    const up = await c.office.patch(`/api/experts/${ex.id}`, { version: ex.version, title: '正高级工程师' });
    expect(up.statusCode, up.body).toBe(200);
    expectError(
      await c.office.patch(`/api/experts/${ex.id}`, { version: ex.version, title: '高级工程师' }),
      409,
      'VERSION_CONFLICT',
    );

    // a firm with experts stays; deactivate instead
    expectError(await c.office.delete(`/api/inspection-firms/${firm.id}`), 409, 'IN_USE');
    const off = await c.office.patch(`/api/inspection-firms/${firm.id}`, {
      version: firm.version,
      active: false,
    });
    expect(off.json().active).toBe(false);

    // an expert in an inspection stays
    const proj = await cityProject(c.admin, {});
    const ins = await t.database.db
      .insertInto('inspections')
      .values({ region_code: '230600', project_id: proj.id, code: 'LIB-T-1' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('inspection_members')
      .values({ inspection_id: ins.id, role: 'expert', expert_id: ex.id })
      .execute();
    expectError(await c.office.delete(`/api/experts/${ex.id}`), 409, 'IN_USE');
    const other = (
      await c.office.post('/api/experts', { regionCode: '230600', name: '李四', specialty: '给排水' })
    ).json() as { id: number };
    expect((await c.office.delete(`/api/experts/${other.id}`)).statusCode).toBe(200);
    expect((await lastAuditOf('inspection_expert', other.id)).action).toBe('delete');
  });

  it('export round trip and all-or-nothing import with per-row errors', async () => {
    await c.office.post('/api/inspection-firms', { regionCode: '230600', name: '黑龙江造价事务所' });
    const good = await sheet(
      ['姓名', '专业', '职称', '工作单位', '技术机构', '电话', '可用时段', '回避说明', '状态'],
      [
        [
          '赵一',
          '土建工程',
          '高级工程师',
          '某设计院',
          '黑龙江造价事务所',
          '13900000001',
          '2026-01-01~2026-06-30；2026-09-01~2026-12-31',
          '',
          '在库',
        ],
        ['钱二', '财务审计', '高级会计师', '', '', '', '', '', '停用'],
      ],
    );
    const res = await upload(c.office, '/api/experts/import', good);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 2, updated: 0 });
    const zhao = (
      (await c.office.get('/api/experts?q=赵一')).json() as {
        items: { availability: unknown; firm: string; active: boolean }[];
      }
    ).items[0]!;
    expect(zhao.availability).toEqual([
      { from: '2026-01-01', to: '2026-06-30' },
      { from: '2026-09-01', to: '2026-12-31' },
    ]);
    expect(zhao.firm).toBe('黑龙江造价事务所');
    expect(
      ((await c.office.get('/api/experts?q=钱二')).json() as { items: { active: boolean }[] }).items[0]!
        .active,
    ).toBe(false);

    // the export of the filtered list, imported again, changes nothing but matches every row
    const x = await c.office.get('/api/experts/export.xlsx?specialty=土建工程');
    expect(x.statusCode).toBe(200);
    const ws = (await openWorkbook(x.rawPayload)).worksheets[0]!;
    expect(ws.getRow(2).getCell(1).value).toBe('赵一');
    expect(ws.getRow(2).getCell(7).value).toBe('2026-01-01~2026-06-30；2026-09-01~2026-12-31');
    const again = await upload(c.office, '/api/experts/import', x.rawPayload);
    expect(again.json()).toEqual({ created: 0, updated: 1 });

    // one bad row: nothing is written, every error named by row and field
    const before = ((await c.office.get('/api/experts')).json() as { total: number }).total;
    const bad = await sheet(
      ['姓名', '专业', '技术机构', '电话', '可用时段'],
      [
        ['孙三', '工程造价', '', '', ''],
        ['周四', '看风水', '不存在的所', 'abc', '2026-13-01'],
        ['孙三', '工程造价', '', '', ''],
      ],
    );
    const r = await upload(c.office, '/api/experts/import', bad);
    expectError(r, 400, 'VALIDATION');
    const paths = (r.json().error.details as { path: string }[]).map((d) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'rows[3].specialty',
        'rows[3].firm',
        'rows[3].phone',
        'rows[3].availability',
        'rows[4].name',
      ]),
    );
    expect(((await c.office.get('/api/experts')).json() as { total: number }).total).toBe(before);
    expectError(
      await upload(c.office, '/api/experts/import', Buffer.from('not a workbook')),
      400,
      'VALIDATION',
      'body',
    );
    expect((await upload(c.leader, '/api/experts/import', good)).statusCode).toBe(403);
    expect((await upload(c.office_lindian, '/api/experts/import?regionCode=230600', good)).statusCode).toBe(
      403,
    );
  });
});

describe('inspectors', () => {
  it('CRUD, role list, login of role inspector, import and export', async () => {
    const r = await c.office.post('/api/inspectors', {
      regionCode: '230600',
      name: '刘特派',
      role: '稽察特派员',
      unitId: units.fgw,
      userId: inspectorUser,
      phone: '13700000000',
    });
    expect(r.statusCode, r.body).toBe(201);
    const i = r.json() as { id: number; version: number; unit: string };
    expect(i.unit).toBe('大庆市发展和改革委员会');
    expectError(
      await c.office.post('/api/inspectors', { regionCode: '230600', name: 'x', role: '路人' }),
      400,
      'VALIDATION',
      'body.role',
    );
    expectError(
      await c.office.post('/api/inspectors', {
        regionCode: '230600',
        name: 'x',
        role: '稽察办人员',
        userId: expertUser,
      }),
      400,
      'VALIDATION',
      'body.userId',
    );
    expect(((await c.inspector.get(`/api/inspectors/${i.id}`)).json() as { phone: string }).phone).toBe(
      '13700000000',
    );
    expect((await c.expert.get(`/api/inspectors/${i.id}`)).statusCode).toBe(403);
    expect(((await c.office.get('/api/inspectors?role=稽察特派员')).json() as { total: number }).total).toBe(
      1,
    );
    expectError(
      await c.office.patch(`/api/inspectors/${i.id}`, { version: 99, name: 'y' }),
      409,
      'VERSION_CONFLICT',
    );
    const x = await c.office.get('/api/inspectors/export.xlsx');
    const ws = (await openWorkbook(x.rawPayload)).worksheets[0]!;
    expect(ws.getRow(2).getCell(2).value).toBe('稽察特派员');
    const imp = await upload(
      c.office,
      '/api/inspectors/import',
      await sheet(
        ['姓名', '角色', '电话'],
        [
          ['刘特派', '稽察特派员', '13700000000'],
          ['新人', '督考办人员', ''],
        ],
      ),
    );
    expect(imp.json()).toEqual({ created: 1, updated: 1 });
    const bad = await upload(
      c.office,
      '/api/inspectors/import',
      await sheet(['姓名', '角色'], [['甲', '无此角色']]),
    );
    expectError(bad, 400, 'VALIDATION', 'rows[2].role');
    expect((await c.office.delete(`/api/inspectors/${i.id}`)).statusCode).toBe(200);
  });
});

describe('firms in and out of .xlsx', () => {
  it('exports the list and imports all or nothing, matched by name', async () => {
    const good = await sheet(
      ['名称', '联系人', '电话', '合同起始', '合同截止', '状态'],
      [
        ['导入机构甲', '张经理', '0459-1111111', '2026/1/1', '2027年12月31日', '在库'],
        ['导入机构乙', '', '', '', '', '停用'],
      ],
    );
    const res = await upload(c.office, '/api/inspection-firms/import', good);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 2, updated: 0 });
    const x = await c.office.get('/api/inspection-firms/export.xlsx?q=导入机构');
    const ws = (await openWorkbook(x.rawPayload)).worksheets[0]!;
    const jia = [2, 3].map((r) => ws.getRow(r)).find((r) => r.getCell(1).value === '导入机构甲')!;
    expect(jia.getCell(4).value).toBe('2026-01-01');
    expect(jia.getCell(5).value).toBe('2027-12-31');
    expect((await upload(c.office, '/api/inspection-firms/import', x.rawPayload)).json()).toEqual({
      created: 0,
      updated: 2,
    });
    const bad = await upload(
      c.office,
      '/api/inspection-firms/import',
      await sheet(
        ['名称', '合同起始', '合同截止'],
        [
          ['导入机构丙', '2026-02-30', ''],
          ['导入机构丁', '2027-01-01', '2026-01-01'],
        ],
      ),
    );
    expectError(bad, 400, 'VALIDATION', 'rows[2].contractFrom');
    expect((bad.json().error.details as { path: string }[]).map((d) => d.path)).toContain(
      'rows[3].contractTo',
    );
    expect(((await c.office.get('/api/inspection-firms?q=导入机构')).json() as { total: number }).total).toBe(
      2,
    );
  });
});
