/**
 * Monthly reports from Excel (issue 10 point 5): the office downloads a month's 月度信息报表
 * prefilled with its projects and last month's figures, imports the filled sheet (a dry run with
 * row errors, all or nothing, idempotent, the form's rules) and back-fills past months with their
 * original submission dates, so timeliness (on the report, in lists and in the month close) is right.
 * Sheets come from exceljs (the download, filled here), from openpyxl and from LibreOffice headless
 * (fixtures made by test/fixtures/xlsx/make-fixtures.sh).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ReportImportResult, ReportMonth } from '@ducha/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExcelJS } from '../src/platform/excel.ts';
import { todayInChina } from '../src/platform/time.ts';
import { cityProject, demoUnits, monthlyReport, signInAs } from './factories.ts';
import { createTestApp, type Client, type TestApp } from './helpers.ts';

/** The server's today (Asia/Shanghai): what an empty or future 报送日期 is measured against. */
const today = todayInChina();

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures/xlsx', name));

let t: TestApp;
let office: Client;
let lindian: Client;
let unit: Client;

beforeAll(async () => {
  t = await createTestApp();
  ({ office, office_lindian: lindian, unit } = await signInAs(t, 'office', 'office_lindian', 'unit'));
});
afterAll(() => t.close());

const download = async (c: Client, month: string) => {
  const res = await c.get(`/api/reports/import/sheet?month=${month}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain(XLSX);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb;
};
const upload = async (
  c: Client,
  file: Buffer,
  month: string,
  mode: 'dry-run' | 'commit' = 'dry-run',
  verify = false,
) => {
  const res = await c.request({
    method: 'POST',
    url: `/api/reports/import?month=${month}&mode=${mode}${verify ? '&verify=true' : ''}`,
    payload: file,
    headers: { 'content-type': XLSX },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ReportImportResult;
};
const toBuffer = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

/** The sheet's header texts (row 2) by column number, without the required mark. */
function headerMap(ws: ExcelJS.Worksheet) {
  const out = new Map<string, number>();
  ws.getRow(2).eachCell((c, col) => out.set(String(c.value).replace(/\*$/, ''), col));
  return out;
}
/** The row of a project code. */
function rowOf(ws: ExcelJS.Worksheet, code: string) {
  const col = headerMap(ws).get('项目编号')!;
  for (let r = 3; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(col).value === code) return r;
  throw new Error(`no row for ${code}`);
}
/** Sets cells of a project's row by header. */
function fill(ws: ExcelJS.Worksheet, code: string, values: Record<string, ExcelJS.CellValue>) {
  const h = headerMap(ws);
  const r = rowOf(ws, code);
  for (const [header, v] of Object.entries(values)) {
    const col = h.get(header);
    if (!col) throw new Error(`no column ${header}`);
    ws.getRow(r).getCell(col).value = v;
  }
  return r;
}
const cell = (ws: ExcelJS.Worksheet, code: string, header: string) =>
  ws.getRow(rowOf(ws, code)).getCell(headerMap(ws).get(header)!).value;
const month = async (c: Client, projectId: number, ym: string) => {
  const res = await c.get(`/api/projects/${projectId}/reports/${ym}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ReportMonth;
};
const reportCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('monthly_reports')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const auditCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('the month sheet to download', () => {
  it("is prefilled with the office's projects, last month's figures and the year's milestones", async () => {
    const { zjj } = await demoUnits(t);
    const p = await cityProject(office, {
      code: 'MI-SHEET',
      responsibleUnitId: zjj,
      baseline: { milestones: [{ name: '主体封顶', plannedDate: '2026-11-30' }] },
    });
    await monthlyReport(office, p.id, '2026-08', { fields: { investmentMonth: '80' } });
    await monthlyReport(office, p.id, '2026-09', {
      fields: { investmentMonth: '1,200.50', physicalProgress: '主体施工至 8 层' },
    });
    const wb = await download(office, '2026-10');
    const ws = wb.getWorksheet('月度信息报表')!;
    expect(String(ws.getCell(1, 1).value)).toBe('2026年10月 月度信息报表(大庆市)');
    const headers = [...headerMap(ws).keys()];
    expect(headers.slice(0, 9)).toEqual([
      '序号',
      '项目编号',
      '项目名称',
      '牵头单位',
      '系统状态',
      '上月完成投资(万元)',
      '截至上月累计完成投资(万元)',
      '上月形象进度',
      '本月完成投资(万元)',
    ]);
    // a column per funding source, then the rest of the form
    expect(headers).toContain('到位资金-中央资金(万元)');
    expect(headers).toContain('到位资金-银行贷款(万元)');
    for (const h of [
      '形象进度',
      '完成比例(%)',
      '本月完成节点',
      '本年计划节点',
      '存在问题',
      '报送日期',
      '更正原因',
    ])
      expect(headers).toContain(h);
    // every header says what it takes
    ws.getRow(2).eachCell((c) => expect(c.note).toBeTruthy());
    expect(cell(ws, 'MI-SHEET', '项目名称')).toBe('MI-SHEET 测试项目');
    expect(cell(ws, 'MI-SHEET', '牵头单位')).toBe('大庆市住房和城乡建设局');
    expect(cell(ws, 'MI-SHEET', '系统状态')).toBe('未填报');
    expect(cell(ws, 'MI-SHEET', '上月完成投资(万元)')).toBe(1200.5);
    expect(cell(ws, 'MI-SHEET', '截至上月累计完成投资(万元)')).toBe(1280.5);
    expect(cell(ws, 'MI-SHEET', '上月形象进度')).toBe('主体施工至 8 层');
    expect(cell(ws, 'MI-SHEET', '本年计划节点')).toBe('主体封顶(计划 2026-11-30)');
    expect(cell(ws, 'MI-SHEET', '本月完成投资(万元)')).toBeNull();
    // the city office's sheet holds the city's and the counties' projects; a county's only its own
    const codes = (w: ExcelJS.Worksheet) => {
      const col = headerMap(w).get('项目编号')!;
      const out: string[] = [];
      for (let r = 3; r <= w.rowCount; r++) out.push(String(w.getRow(r).getCell(col).value));
      return out;
    };
    await cityProject(lindian, { code: 'MI-COUNTY', regionCode: '230623', responsibleUnitId: zjj });
    const city = codes((await download(office, '2026-10')).getWorksheet('月度信息报表')!);
    const county = codes((await download(lindian, '2026-10')).getWorksheet('月度信息报表')!);
    expect(city).toEqual(expect.arrayContaining(['MI-SHEET', 'MI-COUNTY']));
    expect(county).toContain('MI-COUNTY');
    expect(county).not.toContain('MI-SHEET');
    expect(county.every((c) => city.includes(c))).toBe(true);
  });

  it('is refused to unit staff (the office files on their behalf)', async () => {
    expect((await unit.get('/api/reports/import/sheet?month=2026-10')).statusCode).toBe(403);
  });
});

describe('importing a filled sheet', () => {
  let a: number;
  let b: number;
  let file: Buffer;
  beforeAll(async () => {
    const { zjj } = await demoUnits(t);
    a = (
      await cityProject(office, {
        code: 'MI-A',
        responsibleUnitId: zjj,
        baseline: { milestones: [{ name: '开工建设', plannedDate: '2026-11-10' }] },
      })
    ).id;
    b = (await cityProject(office, { code: 'MI-B', responsibleUnitId: zjj })).id;
    await cityProject(office, { code: 'MI-EMPTY', responsibleUnitId: zjj });
  });

  it('a dry run lists every problem by row and column, and writes nothing', async () => {
    const wb = await download(office, '2026-11');
    const ws = wb.getWorksheet('月度信息报表')!;
    const rowA = fill(ws, 'MI-A', {
      '本月完成投资(万元)': '12,5',
      '完成比例(%)': 120,
      本月完成节点: '主体封顶@2026-11-20',
      报送日期: '2026-12-31',
    });
    const rowB = fill(ws, 'MI-B', { '本月完成投资(万元)': 300, 报送日期: '2026-10-31' });
    // a project of another office (or none at all) cannot be filed from this sheet
    const other = ws.addRow([]);
    other.getCell(headerMap(ws).get('项目编号')!).value = 'NO-SUCH-CODE';
    other.getCell(headerMap(ws).get('本月完成投资(万元)')!).value = 10;
    other.getCell(headerMap(ws).get('形象进度')!).value = '施工';
    const before = await reportCount();
    const r = await upload(office, await toBuffer(wb), '2026-11');
    expect(r.errors).toEqual([
      { row: rowA, column: '完成比例(%)', value: '120', message: '应为 0-100 的数字，如 45 或 45%' },
      {
        row: rowA,
        column: '本月完成节点',
        value: '主体封顶@2026-11-20',
        message: '「主体封顶」不是本年度计划中的节点(可选：开工建设)',
      },
      {
        row: rowA,
        column: '报送日期',
        value: expect.any(String),
        message: `报送日期不能晚于今天(${today})`,
      },
      { row: rowA, column: '本月完成投资(万元)', value: '12,5', message: '金额中的逗号只能用作千位分隔符' },
      { row: rowA, column: '形象进度', value: null, message: '必填项不能为空' },
      {
        row: rowB,
        column: '报送日期',
        value: '2026-10-31',
        message: '报送日期不能早于该月 1 日(2026-11-01)',
      },
      { row: rowB, column: '形象进度', value: null, message: '必填项不能为空' },
      {
        row: other.number,
        column: '项目编号',
        value: 'NO-SUCH-CODE',
        message: '找不到该项目编号，或该项目不在您的管理范围内',
      },
    ]);
    expect(r.committed).toBe(false);
    // a commit of the same file is refused as a whole
    const c = await upload(office, await toBuffer(wb), '2026-11', 'commit');
    expect(c.committed).toBe(false);
    expect(c.errors).toHaveLength(8);
    expect(await reportCount()).toBe(before);
  });

  it('all or nothing: one bad row keeps the good ones out; fixed, the sheet commits as submitted reports', async () => {
    const wb = await download(office, '2026-11');
    const ws = wb.getWorksheet('月度信息报表')!;
    fill(ws, 'MI-A', {
      '本月完成投资(万元)': 150.25,
      '到位资金-银行贷款(万元)': 100,
      形象进度: '基础施工完成',
      '完成比例(%)': '35%',
      本月完成节点: '开工建设@2026/11/8',
      存在问题: '用地指标待批复',
      签发人: '王建',
    });
    const rowB = fill(ws, 'MI-B', { '本月完成投资(万元)': -50, 形象进度: '核减' });
    const before = await reportCount();
    const bad = await upload(office, await toBuffer(wb), '2026-11', 'commit');
    expect(bad.committed).toBe(false);
    expect(bad.errors).toEqual([
      {
        row: rowB,
        column: '本月完成投资(万元)',
        value: '-50',
        message: '自开工累计完成投资不能为负：此前累计 0.00 万元，本月 -50.00 万元',
      },
    ]);
    expect(await reportCount()).toBe(before);

    fill(ws, 'MI-B', {
      '本月完成投资(万元)': 60,
      形象进度: '场地平整',
      报送日期: new Date('2026-12-01T00:00:00Z'),
    });
    file = await toBuffer(wb);
    const dry = await upload(office, file, '2026-11');
    expect(dry.errors).toEqual([]);
    expect(dry.created).toBe(2);
    expect(dry.preview.filter((p) => ['MI-A', 'MI-B', 'MI-EMPTY'].includes(p.code))).toEqual([
      expect.objectContaining({
        code: 'MI-A',
        action: 'create',
        status: 'submitted',
        submittedOn: today,
        timeliness: 'on_time',
      }),
      expect.objectContaining({
        code: 'MI-B',
        action: 'create',
        status: 'submitted',
        submittedOn: '2026-12-01',
        timeliness: 'on_time',
      }),
      expect.objectContaining({ code: 'MI-EMPTY', action: 'skipped', status: null }),
    ]);
    // empty rows are months not reported: skipped, not written
    expect(dry.skipped).toBeGreaterThanOrEqual(1);
    const done = await upload(office, file, '2026-11', 'commit');
    expect(done).toMatchObject({ committed: true, created: 2, errors: [] });
    expect(await reportCount()).toBe(before + 2);

    const ma = await month(office, a, '2026-11');
    expect(ma.current).toMatchObject({
      status: 'submitted',
      investmentMonth: '150.25',
      fundsInPlace: { 银行贷款: '100.00' },
      physicalProgress: '基础施工完成',
      percentComplete: 35,
      problems: '用地指标待批复',
      signer: '王建',
      milestonesReached: [{ name: '开工建设', actualDate: '2026-11-08' }],
      source: 'import',
      importedBy: expect.any(String),
      timeliness: 'on_time',
    });
    expect(ma.current!.importedAt).toBeTruthy();
    // the sheet's 报送日期 (a date cell) is the report's submission
    const mb = await month(office, b, '2026-11');
    expect(mb.current).toMatchObject({ investmentMonth: '60.00', timeliness: 'on_time', source: 'import' });
    expect(mb.current!.submittedAt).toBe('2026-12-01T04:00:00.000Z');
    const audit = await t.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity', '=', 'report')
      .where('entity_id', '=', String(ma.current!.id))
      .execute();
    expect(audit.map((e) => [e.action, e.reason])).toEqual([['report_import', 'Excel 导入']]);
    // the office verifies them in the queue as any other
    const queue = (await office.get('/api/reports?month=2026-11&status=submitted')).json();
    expect(queue.items.map((r: { projectCode: string }) => r.projectCode)).toEqual(
      expect.arrayContaining(['MI-A', 'MI-B']),
    );
    const listed = queue.items.find((r: { projectCode: string }) => r.projectCode === 'MI-A');
    expect(listed).toMatchObject({ source: 'import', importedBy: ma.current!.importedBy });
  });

  it('is idempotent: the same file again, or the sheet downloaded now, changes nothing and says so', async () => {
    const reports = await reportCount();
    const events = await auditCount();
    const again = await upload(office, file, '2026-11', 'commit');
    expect(again).toMatchObject({
      committed: true,
      created: 0,
      updated: 0,
      amended: 0,
      verified: 0,
      errors: [],
    });
    expect(again.unchanged).toBe(2);
    const fresh = await download(office, '2026-11');
    const ws = fresh.getWorksheet('月度信息报表')!;
    expect(cell(ws, 'MI-A', '本月完成投资(万元)')).toBe(150.25);
    expect(cell(ws, 'MI-A', '本月完成节点')).toBe('开工建设@2026-11-08');
    expect(cell(ws, 'MI-A', '系统状态')).toBe('已报送(导入)');
    const round = await upload(office, await toBuffer(fresh), '2026-11', 'commit');
    expect(round).toMatchObject({ committed: true, created: 0, updated: 0, errors: [] });
    expect(round.unchanged).toBeGreaterThanOrEqual(2);
    expect(await reportCount()).toBe(reports);
    expect(await auditCount()).toBe(events);
  });

  it('a changed row: refused on a submitted report, an amendment with its reason on a verified one', async () => {
    const wb = await download(office, '2026-11');
    const ws = wb.getWorksheet('月度信息报表')!;
    const rowA = fill(ws, 'MI-A', { '本月完成投资(万元)': 160 });
    const r = await upload(office, await toBuffer(wb), '2026-11');
    expect(r.errors).toEqual([
      {
        row: rowA,
        column: '本月完成投资(万元)',
        value: '160',
        message:
          '该月报已报送待审核，表中的本月完成投资(万元)与系统不同：如需修改，请先在系统中退回，或在审核时核对',
      },
    ]);
    // a submission date already on record is not rewritten
    fill(ws, 'MI-A', { '本月完成投资(万元)': 150.25, 报送日期: '2026-11-30' });
    expect((await upload(office, await toBuffer(wb), '2026-11')).errors).toEqual([
      expect.objectContaining({
        row: rowA,
        column: '报送日期',
        message: `该月报已于 ${today} 报送，报送日期不能更改`,
      }),
    ]);

    // verified: an import "with verification" verifies unchanged submitted rows and records the milestone
    fill(ws, 'MI-A', { 报送日期: null });
    const v = await upload(office, await toBuffer(wb), '2026-11', 'commit', true);
    expect(v).toMatchObject({ committed: true, verified: 2, errors: [] });
    const ma = await month(office, a, '2026-11');
    expect(ma.current).toMatchObject({ status: 'verified', verifiedBy: expect.any(String) });
    expect(ma.milestones).toEqual([expect.objectContaining({ name: '开工建设', actualDate: '2026-11-08' })]);

    fill(ws, 'MI-A', { '本月完成投资(万元)': 170 });
    expect((await upload(office, await toBuffer(wb), '2026-11')).errors).toEqual([
      expect.objectContaining({
        row: rowA,
        column: '更正原因',
        message: '该月报已审核，表中的本月完成投资(万元)与系统不同：如需更正，请在「更正原因」列写明原因',
      }),
    ]);
    fill(ws, 'MI-A', { 更正原因: '单位更正统计口径' });
    const amended = await upload(office, await toBuffer(wb), '2026-11', 'commit');
    expect(amended).toMatchObject({ committed: true, amended: 1, errors: [] });
    const after = await month(office, a, '2026-11');
    expect(after.current).toMatchObject({
      amendment: 1,
      status: 'verified',
      investmentMonth: '170.00',
      amendmentReason: '单位更正统计口径',
      source: 'import',
      timeliness: 'on_time',
    });
    expect(after.versions.map((x) => x.investmentMonth)).toEqual(['170.00', '150.25']);
  });

  it('a draft the unit started in Ducha is overwritten by the sheet and submitted', async () => {
    const { zjj } = await demoUnits(t);
    const p = await cityProject(office, { code: 'MI-DRAFT', responsibleUnitId: zjj });
    await monthlyReport(unit, p.id, '2026-11', { until: 'draft', fields: { investmentMonth: '5' } });
    const wb = await download(office, '2026-11');
    const ws = wb.getWorksheet('月度信息报表')!;
    expect(cell(ws, 'MI-DRAFT', '系统状态')).toBe('草稿');
    expect(cell(ws, 'MI-DRAFT', '本月完成投资(万元)')).toBeNull();
    fill(ws, 'MI-DRAFT', { '本月完成投资(万元)': 50, 形象进度: '按单位报表' });
    const r = await upload(office, await toBuffer(wb), '2026-11', 'commit');
    expect(r).toMatchObject({ committed: true, updated: 1, errors: [] });
    expect((await month(office, p.id, '2026-11')).current).toMatchObject({
      status: 'submitted',
      investmentMonth: '50.00',
      source: 'import',
    });
  });

  it('refuses a sheet of another month, a future month, and a file that is not a sheet', async () => {
    const wb = await download(office, '2026-10');
    const other = await upload(office, await toBuffer(wb), '2026-09');
    expect(other.errors).toEqual([
      {
        row: 0,
        column: '',
        value: null,
        message: '文件是 2026年10月 的月度信息报表，与所选月份 2026年9月 不一致',
      },
    ]);
    expect((await upload(office, await toBuffer(wb), '2027-01')).errors[0]!.message).toBe(
      '不能导入未来月份(2027年1月)的月报',
    );
    expect(
      (await upload(office, Buffer.from('项目编号,本月完成投资\n'), '2026-10')).errors[0]!.message,
    ).toMatch(/^无法读取文件：/);
  });
});

describe('back-filling past months with their original submission dates', () => {
  let p: number;
  beforeAll(async () => {
    const { zjj } = await demoUnits(t);
    p = (await cityProject(lindian, { code: 'MI-BACK', regionCode: '230623', responsibleUnitId: zjj })).id;
  });

  it('timeliness follows the 报送日期: on time by the deadline, late after, and now when left empty', async () => {
    const cases: [string, string | null, string][] = [
      ['2026-05', '2026-06-05', 'on_time'],
      ['2026-06', '2026-07-20', 'late'],
      ['2026-07', null, 'late'],
    ];
    for (const [ym, date, expected] of cases) {
      const wb = await download(lindian, ym);
      const ws = wb.getWorksheet('月度信息报表')!;
      fill(ws, 'MI-BACK', { '本月完成投资(万元)': 100, 形象进度: `${ym} 进度`, 报送日期: date });
      const r = await upload(lindian, await toBuffer(wb), ym, 'commit', true);
      expect(r.errors).toEqual([]);
      expect(r.preview.find((x) => x.code === 'MI-BACK')).toMatchObject({
        timeliness: expected,
        status: 'verified',
      });
      const m = await month(lindian, p, ym);
      expect(m.current).toMatchObject({ timeliness: expected, source: 'import', status: 'verified' });
      if (date) expect(m.current!.submittedAt!.slice(0, 10)).toBe(date);
    }
    // the year-to-date totals add up the back-filled months
    expect((await month(lindian, p, '2026-07')).current!.investmentYtd).toBe('300.00');
  });

  it('the month close counts an imported report at its original date (no REPORT_MISSING, on time)', async () => {
    const wb = await download(office, '2026-10');
    const ws = wb.getWorksheet('月度信息报表')!;
    fill(ws, 'MI-BACK', { '本月完成投资(万元)': 100, 形象进度: '十月进度', 报送日期: '2026-11-06' });
    expect((await upload(office, await toBuffer(wb), '2026-10', 'commit')).errors).toEqual([]);
    const run = await office.post('/api/month-closes/230600/2026-10/run');
    expect(run.statusCode, run.body).toBe(200);
    const light = await t.database.db
      .selectFrom('lights')
      .select(['timeliness', 'reasons'])
      .where('project_id', '=', p)
      .where('year', '=', 2026)
      .where('month', '=', 10)
      .executeTakeFirstOrThrow();
    expect(light.timeliness).toBe('on_time');
    expect(JSON.stringify(light.reasons)).not.toContain('REPORT_MISSING');
  });
});

describe('sheets saved by other programs', () => {
  // October rows for projects of the demo city (missing or drafts there), written by openpyxl and
  // saved again by LibreOffice Calc (headless): both import alike; the browser flow imports the
  // LibreOffice one into the demo
  const codes = ['DQ-2026-060', 'DQ-2026-008', 'DQ-2026-032', 'DQ-2026-005'];
  const ids = new Map<string, number>();
  beforeAll(async () => {
    const { jtj } = await demoUnits(t);
    for (const code of codes) ids.set(code, (await cityProject(office, { code, responsibleUnitId: jtj })).id);
  });

  it.each(['monthly-openpyxl.xlsx', 'monthly-libreoffice.xlsx'])(
    '%s: a dry run finds three reports and one row not reported, no problem',
    async (name) => {
      const r = await upload(office, fixture(name), '2026-10');
      expect(r.errors).toEqual([]);
      expect(r).toMatchObject({ created: 3, skipped: 1 });
      expect(r.preview.map((x) => [x.code, x.action, x.timeliness, x.submittedOn])).toEqual([
        ['DQ-2026-060', 'create', 'on_time', '2026-11-05'],
        ['DQ-2026-008', 'create', 'late', '2026-11-16'],
        ['DQ-2026-032', 'create', 'late', today], // its 报送日期 is empty: today
        ['DQ-2026-005', 'skipped', null, null],
      ]);
    },
  );

  it('the LibreOffice sheet commits with its figures as written', async () => {
    const r = await upload(office, fixture('monthly-libreoffice.xlsx'), '2026-10', 'commit');
    expect(r).toMatchObject({ committed: true, created: 3 });
    expect((await month(office, ids.get('DQ-2026-060')!, '2026-10')).current).toMatchObject({
      investmentMonth: '1250.50',
      fundsInPlace: { 银行贷款: '800.00' },
      physicalProgress: '一期厂房主体完工，\n二期基础施工',
      percentComplete: 45,
      problems: '设备采购资金缺口',
      nextMonthPlan: '二期主体施工',
      signer: '李明',
      timeliness: 'on_time',
      source: 'import',
    });
    expect((await month(office, ids.get('DQ-2026-008')!, '2026-10')).current).toMatchObject({
      investmentMonth: '3600.00',
      percentComplete: 62,
      landProgress: '沿线拆迁完成 80%',
      timeliness: 'late',
    });
    expect((await month(office, ids.get('DQ-2026-005')!, '2026-10')).current).toBeNull();
    // and the openpyxl one is now the same reports: nothing changes
    expect(await upload(office, fixture('monthly-openpyxl.xlsx'), '2026-10', 'commit')).toMatchObject({
      committed: true,
      created: 0,
      unchanged: 3,
    });
  });
});
