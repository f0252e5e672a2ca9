/**
 * The configurable dictionaries (sectors, funding sources, tags, item categories) over HTTP: the
 * defaults with their English labels and the seeds' sectors; the office adds entries and edits
 * their labels, order and status with the version read (a stale one is 409 and writes nothing);
 * labels name one entry only; deactivating keeps old projects and items valid but refuses new
 * uses; a county list using the seeds' sectors, or an edited label, imports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DictionaryKind } from '@ducha/contract';
import { buildResponsibilitySheet } from '../src/modules/projects/excel/build.ts';
import { demoRows } from '../src/modules/projects/demo-projects.ts';
import { cityProject, demoUnits, signInAs, supervisedItem } from './factories.ts';
import { auditHelpers, createTestApp, expectError, type Client, type TestApp } from './helpers.ts';

let t: TestApp;
let admin: Client;
let office: Client;
let lindian: Client;
let leader: Client;
let unitUser: Client;
let zjj: number;

beforeAll(async () => {
  t = await createTestApp();
  ({
    admin,
    office,
    office_lindian: lindian,
    leader,
    unit: unitUser,
  } = await signInAs(t, 'admin', 'office', 'office_lindian', 'leader', 'unit'));
  ({ zjj } = await demoUnits(t));
});
afterAll(() => t.close());

const { lastAuditOf, auditCount } = auditHelpers(() => t);

interface Entry {
  kind: DictionaryKind;
  code: string;
  label: string;
  labelEn: string | null;
  sort: number;
  active: boolean;
  version: number;
}
const list = async (kind: DictionaryKind): Promise<Entry[]> =>
  (await office.get(`/api/dictionaries?kind=${kind}`)).json();
const entry = async (kind: DictionaryKind, code: string) => (await list(kind)).find((e) => e.code === code)!;
const patchUrl = (kind: DictionaryKind, code: string) =>
  `/api/dictionaries/${kind}/${encodeURIComponent(code)}`;

describe('the defaults', () => {
  it('sectors come with English labels, in order, including the seeds’ 第三产业 and 现代服务业', async () => {
    const sectors = await list('sector');
    expect(sectors.map((s) => [s.code, s.labelEn])).toEqual([
      ['工业', 'Industry'],
      ['农业', 'Agriculture'],
      ['现代服务业', 'Modern services'],
      ['基础设施', 'Infrastructure'],
      ['城乡建设', 'Urban and rural development'],
      ['社会事业', 'Social development'],
      ['旅游商贸物流', 'Tourism, trade and logistics'],
      ['第三产业', 'Tertiary industry'],
    ]);
    expect(sectors.every((s) => s.active && s.version === 1 && s.label === s.code)).toBe(true);
  });

  it('every default entry of every kind has an English label', async () => {
    for (const kind of ['funding_source', 'tag', 'item_category'] as const)
      expect((await list(kind)).filter((e) => !e.labelEn)).toEqual([]);
  });

  it('a county list using 第三产业 passes the dry run', async () => {
    const row = {
      ...demoRows().lindian[0]!,
      listName: null,
      batch: null,
      code: 'LD-T3-1',
      sector: '第三产业',
    };
    const res = await lindian.request({
      method: 'POST',
      url: '/api/projects/import?mode=dry-run',
      payload: await buildResponsibilitySheet([row]),
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
    expect(res.json()).toMatchObject({ rows: 1, errors: [], created: 1 });
  });
});

describe('adding an entry', () => {
  it('an office adds a sector with its English label: code = label, version 1, audit "create"', async () => {
    const res = await office.post('/api/dictionaries', {
      kind: 'sector',
      label: '数字经济',
      labelEn: 'Digital economy',
      sort: 9,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({
      kind: 'sector',
      code: '数字经济',
      label: '数字经济',
      labelEn: 'Digital economy',
      sort: 9,
      active: true,
      version: 1,
    });
    expect(await lastAuditOf('dictionary', 'sector:数字经济')).toMatchObject({ action: 'create' });
    // usable at once
    await cityProject(office, { code: 'DICT-1', sector: '数字经济' });
  });

  it('without an English label it is null (the Chinese label is shown)', async () => {
    // (issue 11: a county office no longer extends the shared dictionaries, the city office does)
    expectError(
      await lindian.post('/api/dictionaries', { kind: 'tag', label: '县级重点' }),
      403,
      'FORBIDDEN',
    );
    const res = await office.post('/api/dictionaries', { kind: 'tag', label: '县级重点' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ labelEn: null, sort: 100 });
  });

  it('a label another entry has (as label or code, any case) is 409 DUPLICATE at body.label', async () => {
    const before = await auditCount();
    expectError(
      await office.post('/api/dictionaries', { kind: 'sector', label: '工业' }),
      409,
      'DUPLICATE',
      'body.label',
    );
    await office.post('/api/dictionaries', { kind: 'tag', label: 'PPP示范' });
    expectError(
      await office.post('/api/dictionaries', { kind: 'tag', label: 'ppp示范' }),
      409,
      'DUPLICATE',
      'body.label',
    );
    expect(await auditCount()).toBe(before + 1);
  });

  it('the same label in another kind is fine', async () => {
    expect((await office.post('/api/dictionaries', { kind: 'tag', label: '工业' })).statusCode).toBe(201);
  });

  it('leaders and unit staff may not add entries (403); an empty label is 400', async () => {
    expectError(await leader.post('/api/dictionaries', { kind: 'tag', label: '领导关注' }), 403, 'FORBIDDEN');
    expectError(
      await unitUser.post('/api/dictionaries', { kind: 'tag', label: '单位关注' }),
      403,
      'FORBIDDEN',
    );
    expectError(await office.post('/api/dictionaries', { kind: 'tag', label: '  ' }), 400, 'VALIDATION');
  });
});

describe('editing an entry', () => {
  it('label, English label and order change with the version read; the code stays; audit "update"', async () => {
    const e = await entry('sector', '社会事业');
    const res = await office.patch(patchUrl('sector', '社会事业'), {
      version: e.version,
      label: '社会事业(民生)',
      labelEn: 'Social development and livelihood',
      sort: 6,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      code: '社会事业',
      label: '社会事业(民生)',
      labelEn: 'Social development and livelihood',
      version: e.version + 1,
    });
    const audit = await lastAuditOf('dictionary', 'sector:社会事业');
    expect(audit).toMatchObject({
      action: 'update',
      diff: {
        label: { before: '社会事业', after: '社会事业(民生)' },
        labelEn: { before: 'Social development', after: 'Social development and livelihood' },
      },
    });
  });

  it('a stale version is 409 VERSION_CONFLICT with the current one, and nothing is written', async () => {
    const e = await entry('sector', '农业');
    expect((await admin.patch(patchUrl('sector', '农业'), { version: e.version, sort: 2 })).statusCode).toBe(
      200,
    );
    const before = await auditCount();
    const res = await office.patch(patchUrl('sector', '农业'), { version: e.version, label: '现代农业' });
    expectError(res, 409, 'VERSION_CONFLICT');
    expect(res.json().error.currentVersion).toBe(e.version + 1);
    expect((await entry('sector', '农业')).label).toBe('农业');
    expect(await auditCount()).toBe(before);
  });

  it('a label already used by another entry is 409 DUPLICATE; an unknown entry is 404', async () => {
    const e = await entry('sector', '农业');
    expectError(
      await office.patch(patchUrl('sector', '农业'), { version: e.version, label: '工业' }),
      409,
      'DUPLICATE',
      'body.label',
    );
    expectError(await office.patch(patchUrl('sector', '不存在'), { version: 1, sort: 1 }), 404, 'NOT_FOUND');
  });

  it('an edited label imports as its code: the template’s label and the old code both map to it', async () => {
    const base = { ...demoRows().lindian[0]!, listName: null, batch: null };
    const sheet = await buildResponsibilitySheet([
      { ...base, code: 'LD-ED-1', name: '标签导入一', sector: '社会事业(民生)' },
      { ...base, code: 'LD-ED-2', name: '标签导入二', sector: '社会事业' },
    ]);
    const res = await lindian.request({
      method: 'POST',
      url: '/api/projects/import?mode=commit',
      payload: sheet,
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
    expect(res.json()).toMatchObject({ errors: [], created: 2, committed: true });
    const sectors = await t.database.db
      .selectFrom('projects')
      .select('sector')
      .where('code', 'in', ['LD-ED-1', 'LD-ED-2'])
      .execute();
    expect(sectors.map((s) => s.sector)).toEqual(['社会事业', '社会事业']);
  });
});

describe('deactivating an entry', () => {
  let projectId: number;
  let version: number;

  it('keeps it listed (inactive) with audit "deactivate"', async () => {
    const p = await cityProject(office, {
      code: 'DICT-OLD',
      sector: '旅游商贸物流',
      fundingSources: ['社会资本'],
      tags: ['招商引资'],
      responsibleUnitId: zjj,
    });
    projectId = p.id;
    version = p.version;
    for (const [kind, code] of [
      ['sector', '旅游商贸物流'],
      ['funding_source', '社会资本'],
      ['tag', '招商引资'],
    ] as const) {
      const e = await entry(kind, code);
      const res = await office.patch(patchUrl(kind, code), { version: e.version, active: false });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ active: false, version: e.version + 1 });
    }
    expect(await lastAuditOf('dictionary', 'sector:旅游商贸物流')).toMatchObject({
      action: 'deactivate',
      diff: { active: { before: true, after: false } },
    });
    expect((await entry('sector', '旅游商贸物流')).active).toBe(false);
  });

  it('an old project stays valid: it reads, and an edit that keeps its values passes', async () => {
    expect((await office.get(`/api/projects/${projectId}`)).json()).toMatchObject({ sector: '旅游商贸物流' });
    const res = await office.patch(`/api/projects/${projectId}`, {
      version,
      name: 'DICT-OLD 改名',
      sector: '旅游商贸物流',
      fundingSources: ['社会资本', '银行贷款'],
      tags: ['招商引资'],
    });
    expect(res.statusCode, res.body).toBe(200);
    version = res.json().version;
  });

  it('new uses are refused: a new project, or an old one switched to it (400 at the field)', async () => {
    const create = await office.post('/api/projects', {
      code: 'DICT-NEW',
      name: 'DICT-NEW 测试项目',
      regionCode: '230600',
      sector: '旅游商贸物流',
      investmentNature: 'government',
      totalInvestment: '100',
    });
    expectError(create, 400, 'VALIDATION', 'body.sector');
    const other = await cityProject(office, { code: 'DICT-OTHER' });
    expectError(
      await office.patch(`/api/projects/${other.id}`, { version: other.version, tags: ['招商引资'] }),
      400,
      'VALIDATION',
      'body.tags',
    );
    expectError(
      await office.patch(`/api/projects/${other.id}`, { version: other.version, sector: '旅游商贸物流' }),
      400,
      'VALIDATION',
      'body.sector',
    );
  });

  it('an item keeps its deactivated category through an edit; a new item may not use it', async () => {
    const item = await supervisedItem(office, { category: '管线迁改' });
    const e = await entry('item_category', '管线迁改');
    await office.patch(patchUrl('item_category', '管线迁改'), { version: e.version, active: false });
    const edit = await office.post(`/api/items/${item.item.id}/steps`, {
      action: 'edit',
      version: item.item.version,
      category: '管线迁改',
      title: '配套资金未到位(改)',
      reason: '补充标题',
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expectError(
      await office.post('/api/items', {
        category: '管线迁改',
        title: '新问题',
        description: '管线迁改未完成',
      }),
      400,
      'VALIDATION',
      'body.category',
    );
  });

  it('reactivated, it is offered again (audit "activate")', async () => {
    const e = await entry('sector', '旅游商贸物流');
    await office.patch(patchUrl('sector', '旅游商贸物流'), { version: e.version, active: true });
    expect(await lastAuditOf('dictionary', 'sector:旅游商贸物流')).toMatchObject({ action: 'activate' });
    await cityProject(office, { code: 'DICT-AGAIN', sector: '旅游商贸物流' });
  });
});
