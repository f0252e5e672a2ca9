/**
 * The template as a county office downloads it (issue 10): a note on every column with its formats,
 * drop-down lists from the dictionaries and the office's own region, an example row marked 示例
 * that the import skips, and a 字典 sheet holding only the office's region.
 */
import { importColumns } from '@ducha/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExcelJS } from '../src/platform/excel.ts';
import { signInAs } from './factories.ts';
import { createTestApp, type Client, type TestApp } from './helpers.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let t: TestApp;
let lindian: Client;
let city: Client;

beforeAll(async () => {
  t = await createTestApp();
  ({ office_lindian: lindian, office: city } = await signInAs(t, 'office_lindian', 'office'));
});
afterAll(() => t.close());

async function template(c: Client) {
  const res = await c.get('/api/projects/import/template');
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return { wb, file: res.rawPayload };
}
const noteText = (note: ExcelJS.Comment | string | undefined) =>
  typeof note === 'string' ? note : (note?.texts?.map((r) => r.text).join('') ?? '');
const dictionary = (wb: ExcelJS.Workbook, category: string) => {
  const out: string[] = [];
  wb.getWorksheet('字典')!.eachRow((row, r) => {
    if (r > 1 && row.getCell(1).value === category) out.push(String(row.getCell(2).value));
  });
  return out;
};

describe('the template', () => {
  it('has a note on every column, with the accepted formats of dates and money', async () => {
    const { wb } = await template(lindian);
    const ws = wb.getWorksheet('责任分解表')!;
    const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    expect(headers).toEqual(['序号', ...importColumns.map((c) => (c.required ? `${c.header}*` : c.header))]);
    headers.forEach((h, i) => expect(noteText(ws.getRow(1).getCell(i + 1).note), h).not.toBe(''));
    const note = (header: string) => noteText(ws.getRow(1).getCell(headers.indexOf(header) + 1).note);
    for (const h of ['计划开工', '计划竣工', '计划投产', '实际开工'])
      expect(note(h)).toContain('2026-03-01、2026/3/1、2026年3月1日');
    expect(note('总投资(万元)*')).toContain('万元');
    expect(note('牵头单位*')).toContain('下拉');
  });

  it('offers drop-down lists from the dictionaries and the 字典 sheet', async () => {
    const { wb } = await template(lindian);
    const ws = wb.getWorksheet('责任分解表')!;
    const col = (header: string) =>
      ws.getColumn((ws.getRow(1).values as unknown[]).findIndex((v) => v === header)).letter;
    const validation = (header: string) =>
      (
        ws as unknown as { dataValidations: { find(a: string): ExcelJS.DataValidation | undefined } }
      ).dataValidations.find(`${col(header)}3`);
    expect(validation('行业类别*')).toMatchObject({ type: 'list', errorStyle: 'stop' });
    expect(validation('行业类别*')!.formulae[0]).toMatch(/^'字典'!\$B\$\d+:\$B\$\d+$/);
    expect(validation('投资性质*')).toMatchObject({ type: 'list' });
    expect(validation('牵头单位*')).toMatchObject({ type: 'list', errorStyle: 'warning' });
    expect(validation('责任领导(职务)*')).toMatchObject({ type: 'list' });
    expect(validation('总投资(万元)*')).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual' });
    expect(validation('计划年度')).toMatchObject({ type: 'whole' });
    // the range a drop-down names holds exactly the dictionary's values
    const [, from, to] = /\$B\$(\d+):\$B\$(\d+)/.exec(validation('行业类别*')!.formulae[0] as string)!;
    const dict = wb.getWorksheet('字典')!;
    const values = Array.from({ length: Number(to) - Number(from) + 1 }, (_, i) =>
      String(dict.getRow(Number(from) + i).getCell(2).value),
    );
    expect(values).toEqual(dictionary(wb, '行业类别'));
  });

  it('limits the 字典 to the office region: a county sees its units and positions, the city sees more', async () => {
    const county = (await template(lindian)).wb;
    const units = dictionary(county, '单位');
    expect(units).toContain('林甸县发展和改革局');
    expect(units.some((u) => u.startsWith('大庆市'))).toBe(false);
    expect(dictionary(county, '责任领导(职务)')).toContain('林甸县常务副县长');
    expect(dictionary(county, '责任领导(职务)').some((p) => p.includes('市长'))).toBe(false);
    expect(dictionary(county, '所属区划')[0]).toBe('林甸县');
    const cityUnits = dictionary((await template(city)).wb, '单位');
    expect(cityUnits).toContain('大庆市住房和城乡建设局');
    expect(cityUnits).toContain('林甸县发展和改革局');
  });

  it('marks its example row 示例, and the import skips it', async () => {
    const { wb, file } = await template(lindian);
    const ws = wb.getWorksheet('责任分解表')!;
    expect(ws.getRow(2).getCell(1).value).toBe('示例');
    const res = await lindian.request({
      method: 'POST',
      url: '/api/projects/import?mode=dry-run',
      payload: file,
      headers: { 'content-type': XLSX },
    });
    expect(res.json()).toMatchObject({ rows: 0, ignored: [2], errors: [], preview: [] });
  });

  it('with the example row filled in as data (示例 removed) the row imports without a problem', async () => {
    const { wb } = await template(lindian);
    const ws = wb.getWorksheet('责任分解表')!;
    ws.getRow(2).getCell(1).value = 1;
    const res = await lindian.request({
      method: 'POST',
      url: '/api/projects/import?mode=dry-run',
      payload: Buffer.from(await wb.xlsx.writeBuffer()),
      headers: { 'content-type': XLSX },
    });
    expect(res.json()).toMatchObject({ rows: 1, created: 1, errors: [], ignored: [] });
  });
});
