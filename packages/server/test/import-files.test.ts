/**
 * The spreadsheets offices really have (issue 10): a 责任分解表 written by openpyxl (cell notes,
 * data validation, a merged title row, a marked example row, date cells beside text dates), the
 * same sheet saved by LibreOffice, and one carrying what WPS files are reported to carry, all
 * import with the same result; files that cannot be read say why. The fixtures are made once by
 * test/fixtures/xlsx/make-fixtures.sh and committed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMULA_WITHOUT_RESULT } from '../src/modules/projects/excel/import-rules.ts';
import { openWorkbook } from '../src/platform/excel.ts';
import { signInAs } from './factories.ts';
import { createTestApp, type Client, type TestApp } from './helpers.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures/xlsx', name));

let t: TestApp;
let lindian: Client;
const upload = (file: Buffer, mode: 'dry-run' | 'commit' = 'dry-run') =>
  lindian.request({
    method: 'POST',
    url: `/api/projects/import?mode=${mode}`,
    payload: file,
    headers: { 'content-type': XLSX },
  });

beforeAll(async () => {
  t = await createTestApp();
  ({ office_lindian: lindian } = await signInAs(t, 'office_lindian'));
});
afterAll(() => t.close());

const producers = ['openpyxl.xlsx', 'libreoffice.xlsx', 'wps-traits.xlsx'];

describe('sheets from other producers', () => {
  it.each(producers)(
    '%s: a dry run finds the three projects, skips the marked example row, and no problem',
    async (name) => {
      const res = await upload(fixture(name));
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        rows: 3,
        created: 3,
        errors: [],
        ignored: [3],
        preview: [
          { row: 4, code: 'LD-2026-901', action: 'create' },
          { row: 5, code: 'LD-2026-902', action: 'create' },
          { row: 6, code: 'LD-2026-903', action: 'create' },
        ],
      });
    },
  );

  it('keeps cell notes readable: openpyxl notes are repaired, not dropped', async () => {
    for (const name of ['openpyxl.xlsx', 'libreoffice.xlsx']) {
      const ws = (await openWorkbook(fixture(name))).getWorksheet('责任分解表')!;
      const note = ws.getCell('B2').note;
      const text = typeof note === 'string' ? note : note?.texts?.map((r) => r.text).join('');
      expect(text, name).toBe('唯一，重复导入按编号更新');
    }
  });

  it('the openpyxl sheet commits, with its date cells and text dates, numbers and short names as written', async () => {
    const res = await upload(fixture('openpyxl.xlsx'), 'commit');
    expect(res.json()).toMatchObject({ created: 3, committed: true });
    const list = (await lindian.get('/api/projects?pageSize=100&q=LD-2026-90')).json();
    const byCode = Object.fromEntries(list.items.map((p: { code: string }) => [p.code, p]));
    expect(byCode['LD-2026-901']).toMatchObject({
      name: '林甸县城区雨污分流改造工程',
      totalInvestment: '8650.50',
      stage: 'new_start',
      plannedStart: '2026-04-15',
      plannedCompletion: '2027-10-31',
      responsibility: {
        leaderPositionName: '林甸县常务副县长',
        responsibleUnitName: '林甸县住房和城乡建设局',
      },
    });
    expect(byCode['LD-2026-901'].responsibility.coUnits.map((u: { name: string }) => u.name).sort()).toEqual([
      '林甸县发展和改革局',
      '林甸县林甸镇人民政府',
    ]);
    expect(byCode['LD-2026-902']).toMatchObject({
      totalInvestment: '12800.00',
      stage: 'continuing',
      plannedStart: '2025-06-01',
      plannedCompletion: '2027-06-30',
      actualStart: '2025-09-15',
      owner: { name: '林甸县温泉文旅发展有限公司' },
    });
    expect(byCode['LD-2026-903']).toMatchObject({
      totalInvestment: '23456.78',
      plannedProduction: '2028-09-01',
    });
    const [plan] = (await lindian.get(`/api/projects/${byCode['LD-2026-901'].id}/plans?year=2026`)).json();
    expect(plan).toMatchObject({ plannedInvestment: '3600.00' });
    expect(plan.monthly.slice(2, 5)).toEqual(['150.00', '300.00', '400.00']);
    expect(
      plan.milestones.map((m: { name: string; plannedDate: string }) => `${m.name}@${m.plannedDate}`),
    ).toEqual(['开工建设@2026-04-15', '管网主体完工@2026-10-15']);
  });

  it('the LibreOffice and WPS-like copies of the same sheet then change nothing', async () => {
    for (const name of ['libreoffice.xlsx', 'wps-traits.xlsx']) {
      expect((await upload(fixture(name))).json(), name).toMatchObject({
        created: 0,
        updated: 0,
        unchanged: 3,
        errors: [],
      });
    }
  });
});

describe("an office's mistakes in a script-written sheet", () => {
  it('a day that does not exist, and twelve months off the annual plan as one problem over 1–12月', async () => {
    const body = (await upload(fixture('openpyxl-mistakes.xlsx'))).json();
    expect(body.errors).toEqual([
      {
        row: 4,
        column: '12月计划(万元)',
        columns: Array.from({ length: 12 }, (_, i) => `${i + 1}月计划(万元)`),
        value: '100、0、150、300、400、450、500、500、450、400、300、150',
        message: '分月计划合计 3700.00 万元，与年度计划 3600.00 万元不一致',
      },
      { row: 5, column: '计划开工', value: '2026-02-30', message: '日期不存在：2026 年 2 月只有 28 天' },
    ]);
  });
});

describe('formulas', () => {
  it('a script-written formula has no result: the cell says to open and save the file, nothing else', async () => {
    const body = (await upload(fixture('openpyxl-formulas.xlsx'))).json();
    expect(body.errors).toEqual([
      { row: 4, column: '年度计划投资(万元)', value: null, message: FORMULA_WITHOUT_RESULT },
      { row: 6, column: '总投资(万元)', value: null, message: FORMULA_WITHOUT_RESULT },
    ]);
  });

  it('saved by LibreOffice, the same sheet carries the results and passes', async () => {
    const body = (await upload(fixture('libreoffice-formulas.xlsx'))).json();
    expect(body).toMatchObject({ rows: 3, errors: [], ignored: [3] });
  });
});

describe('files that cannot be read say why', () => {
  const reasonOf = async (file: Buffer) => {
    const body = (await upload(file)).json();
    expect(body).toMatchObject({ rows: 0, committed: false });
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].message).toMatch(/^无法读取文件：/);
    return body.errors[0].message as string;
  };

  it.each([
    ['unreadable-encrypted.xlsx', '设置了打开密码'],
    ['unreadable-old.xls', '旧版 Excel 97-2003 工作簿(.xls)'],
    ['unreadable-opendocument.ods', 'OpenDocument 表格(.ods)'],
    ['unreadable-truncated.xlsx', '文件已损坏或不完整'],
    ['unreadable-html.xls', '网页(HTML)格式的表格'],
  ])('%s → %s', async (name, reason) => {
    expect(await reasonOf(fixture(name))).toContain(reason);
  });

  it('names an empty file, a CSV, a PDF and a Word document', async () => {
    expect((await upload(Buffer.alloc(0))).statusCode).toBe(400); // the route refuses an empty body
    await expect(openWorkbook(Buffer.alloc(0))).rejects.toMatchObject({ reason: '文件是空的(0 字节)' });
    expect(await reasonOf(Buffer.from('项目编号,项目名称\nLD-1,某项目\n'))).toContain('文本文件(如 CSV)');
    expect(await reasonOf(Buffer.from('%PDF-1.7\n…'))).toContain('PDF 文件');
    const { default: JSZip } = await import('jszip');
    const docx = new JSZip();
    docx.file('word/document.xml', '<w:document xmlns:w="urn:x"/>');
    expect(await reasonOf(await docx.generateAsync({ type: 'nodebuffer' }))).toContain('Word 文档(.docx)');
  });

  it('names a Strict Open XML workbook', async () => {
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(fixture('openpyxl.xlsx'));
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    zip.file(
      'xl/workbook.xml',
      workbook.replace(
        'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
        'http://purl.oclc.org/ooxml/spreadsheetml/main',
      ),
    );
    expect(await reasonOf(await zip.generateAsync({ type: 'nodebuffer' }))).toContain('Strict Open XML');
  });

  it('names the part that is not well-formed XML', async () => {
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(fixture('openpyxl.xlsx'));
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    zip.file('xl/worksheets/sheet1.xml', sheet.replace('</sheetData>', '</sheetDat>'));
    const reason = await reasonOf(await zip.generateAsync({ type: 'nodebuffer' }));
    expect(reason).toContain('工作表(xl/worksheets/sheet1.xml)不是有效的 XML');
  });

  it('drops notes it cannot read, and reads the sheet', async () => {
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(fixture('openpyxl.xlsx'));
    zip.file('xl/comments/comment1.xml', '<comments><commentList><comment ref="B2">');
    const body = (await upload(await zip.generateAsync({ type: 'nodebuffer' }))).json();
    expect(body).toMatchObject({ rows: 3, errors: [] });
  });
});
