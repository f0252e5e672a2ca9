/**
 * Access cases of inspections: the plan, themes, check items, libraries and figures (see
 * harness.ts). The office over a region keeps its plan and libraries (the admin anywhere); plans
 * and figures are read by the offices and leaders of the plan's region subtree (the city office
 * reads 林甸's plan, 林甸's office not the city's); the libraries also by the regions below (林甸's
 * office reads the city's experts but keeps only its own). Experts and inspectors read their own
 * library record; unit staff and reporters none of it.
 */
import ExcelJS from 'exceljs';
import { XLSX_TYPE } from '../../src/platform/files.ts';
import type { AccessPart, Base, U } from './harness.ts';

const keepers: readonly U[] = ['admin', 'office'];
const cityReaders: readonly U[] = ['admin', 'office', 'leader'];
const libReaders: readonly U[] = ['admin', 'office', 'office_lindian', 'leader'];

interface F extends Base {
  admin: Base['clients'] extends Map<U, infer C> ? C : never;
  office: F['admin'];
  cityPlan: number;
  countyPlan: number;
  theme: number;
  checkItem: number;
  firm: number;
  countyFirm: number;
  expert: number;
  inspector: number;
  sheet: Buffer;
  firmSheet: Buffer;
  fresh: { plan: number; theme: number; item: number; firm: number; expert: number; inspector: number };
}

const json = async (res: Promise<{ statusCode: number; body: string; json: () => unknown }>) => {
  const r = await res;
  if (r.statusCode >= 300) throw new Error(r.body);
  return r.json() as { id: number; version: number };
};
const version = async (f: F, url: string) => (await json(f.admin.get(url))).version;

async function xlsx(
  rows: string[][] = [
    ['姓名', '专业', '角色'],
    ['访问测试专家', '工程造价', '稽察办人员'],
  ],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('专家库');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let planYear = 2100;
const nextName = (f: F, what: string) => `${what}${f.seq.n++}`;

export const library: AccessPart<F> = {
  name: 'library',
  setup: async (base) => {
    const admin = base.clients.get('admin')!;
    const office = base.clients.get('office')!;
    const officeLd = base.clients.get('office_lindian')!;
    const cityPlan = (
      await json(office.post('/api/inspection-plans', { regionCode: '230600', year: 2030, title: '市计划' }))
    ).id;
    const countyPlan = (
      await json(
        officeLd.post('/api/inspection-plans', { regionCode: '230623', year: 2030, title: '县计划' }),
      )
    ).id;
    const theme = (await json(office.post(`/api/inspection-plans/${cityPlan}/themes`, { name: '访问专题' })))
      .id;
    const checkItem = (
      await json(
        office.post(`/api/inspection-plans/${cityPlan}/check-items`, { category: '其他', content: '访问' }),
      )
    ).id;
    const firm = (
      await json(office.post('/api/inspection-firms', { regionCode: '230600', name: '访问机构' }))
    ).id;
    const countyFirm = (
      await json(officeLd.post('/api/inspection-firms', { regionCode: '230623', name: '县访问机构' }))
    ).id;
    const expert = (
      await json(
        office.post('/api/experts', {
          regionCode: '230600',
          name: '访问专家',
          specialty: '工程造价',
          userId: base.userIds.get('expert'),
        }),
      )
    ).id;
    const inspector = (
      await json(
        office.post('/api/inspectors', {
          regionCode: '230600',
          name: '访问稽察员',
          role: '稽察办人员',
          userId: base.userIds.get('inspector'),
        }),
      )
    ).id;
    const fresh = { plan: 0, theme: 0, item: 0, firm: 0, expert: 0, inspector: 0 };
    return {
      ...base,
      admin,
      office,
      cityPlan,
      countyPlan,
      theme,
      checkItem,
      firm,
      countyFirm,
      expert,
      inspector,
      sheet: await xlsx(),
      firmSheet: await xlsx([
        ['名称', '联系人'],
        ['访问导入机构', '王经理'],
      ]),
      fresh,
    };
  },
  cases: [
    // ---- plans ----
    {
      route: 'GET /api/inspection-plans',
      url: () => '/api/inspection-plans',
      ok: libReaders,
      note: 'each its subtree',
    },
    {
      route: 'POST /api/inspection-plans',
      url: () => '/api/inspection-plans',
      body: () => ({ regionCode: '230600', year: planYear--, title: '计划' }),
      ok: keepers,
      note: 'the city office drafts the city plan',
    },
    {
      route: 'GET /api/inspection-plans/:id',
      url: (f) => `/api/inspection-plans/${f.cityPlan}`,
      ok: cityReaders,
      note: 'city plan: not 林甸',
    },
    {
      route: 'GET /api/inspection-plans/:id',
      url: (f) => `/api/inspection-plans/${f.countyPlan}`,
      ok: libReaders,
      note: '林甸 plan: the city reads it too',
    },
    {
      route: 'PATCH /api/inspection-plans/:id',
      url: (f) => `/api/inspection-plans/${f.cityPlan}`,
      body: async (f) => ({ version: await version(f, `/api/inspection-plans/${f.cityPlan}`), notes: 'x' }),
      ok: keepers,
      note: 'the city plan: its office',
    },
    {
      route: 'PATCH /api/inspection-plans/:id',
      url: (f) => `/api/inspection-plans/${f.countyPlan}`,
      body: async (f) => ({ version: await version(f, `/api/inspection-plans/${f.countyPlan}`), notes: 'x' }),
      ok: ['admin', 'office', 'office_lindian'],
      note: '林甸 plan: its office and the city office over it',
    },
    {
      route: 'POST /api/inspection-plans/:id/approve',
      before: async (f) => {
        f.fresh.plan = (
          await json(
            f.office.post('/api/inspection-plans', { regionCode: '230600', year: planYear--, title: '待审' }),
          )
        ).id;
      },
      url: (f) => `/api/inspection-plans/${f.fresh.plan}/approve`,
      body: () => ({ version: 1 }),
      ok: ['admin'],
      note: 'drafted by the city office: another approver (four eyes)',
    },
    {
      route: 'POST /api/inspection-plans/:id/themes',
      url: (f) => `/api/inspection-plans/${f.cityPlan}/themes`,
      body: (f) => ({ name: nextName(f, '专题') }),
      ok: keepers,
      note: 'city plan',
    },
    {
      route: 'PATCH /api/inspection-themes/:id',
      url: (f) => `/api/inspection-themes/${f.theme}`,
      body: async (f) => {
        const plan = (await json(f.admin.get(`/api/inspection-plans/${f.cityPlan}`))) as unknown as {
          themes: { id: number; version: number }[];
        };
        return { version: plan.themes.find((t) => t.id === f.theme)!.version, description: 'x' };
      },
      ok: keepers,
      note: 'city plan',
    },
    {
      route: 'DELETE /api/inspection-themes/:id',
      before: async (f) => {
        f.fresh.theme = (
          await json(f.office.post(`/api/inspection-plans/${f.cityPlan}/themes`, { name: nextName(f, '删') }))
        ).id;
      },
      url: (f) => `/api/inspection-themes/${f.fresh.theme}`,
      ok: keepers,
      note: 'city plan, draft',
    },
    {
      route: 'GET /api/inspection-themes/:id/pool',
      url: (f) => `/api/inspection-themes/${f.theme}/pool`,
      ok: cityReaders,
      note: 'city plan',
    },
    {
      route: 'POST /api/inspection-plans/:id/check-items',
      url: (f) => `/api/inspection-plans/${f.cityPlan}/check-items`,
      body: () => ({ category: '工程质量', content: '质量' }),
      ok: keepers,
      note: 'city plan',
    },
    {
      route: 'PATCH /api/inspection-check-items/:id',
      url: (f) => `/api/inspection-check-items/${f.checkItem}`,
      body: async (f) => {
        const plan = (await json(f.admin.get(`/api/inspection-plans/${f.cityPlan}`))) as unknown as {
          checkItems: { id: number; version: number }[];
        };
        return { version: plan.checkItems.find((t) => t.id === f.checkItem)!.version, basis: 'x' };
      },
      ok: keepers,
      note: 'city plan',
    },
    {
      route: 'DELETE /api/inspection-check-items/:id',
      before: async (f) => {
        f.fresh.item = (
          await json(
            f.office.post(`/api/inspection-plans/${f.cityPlan}/check-items`, {
              category: '其他',
              content: '删',
            }),
          )
        ).id;
      },
      url: (f) => `/api/inspection-check-items/${f.fresh.item}`,
      ok: keepers,
      note: 'city plan',
    },
    // ---- figures ----
    {
      route: 'GET /api/inspection-figures',
      url: () => '/api/inspection-figures?year=2026&regionCode=230600',
      ok: cityReaders,
      note: 'the city',
    },
    {
      route: 'GET /api/inspection-figures',
      url: () => '/api/inspection-figures?year=2026&regionCode=230623',
      ok: libReaders,
      note: '林甸: its office and the city',
    },
    {
      route: 'GET /api/inspection-figures/export.xlsx',
      url: () => '/api/inspection-figures/export.xlsx?year=2026&regionCode=230600',
      ok: cityReaders,
      note: 'the city',
    },
    // ---- firms ----
    {
      route: 'GET /api/inspection-firms',
      url: () => '/api/inspection-firms',
      ok: libReaders,
      note: 'subtree and above',
    },
    {
      route: 'POST /api/inspection-firms',
      url: () => '/api/inspection-firms',
      body: (f) => ({ regionCode: '230600', name: nextName(f, '机构') }),
      ok: keepers,
      note: 'city library',
    },
    {
      route: 'GET /api/inspection-firms/:id',
      url: (f) => `/api/inspection-firms/${f.firm}`,
      ok: libReaders,
      note: 'city firm: 林甸 reads it',
    },
    {
      route: 'PATCH /api/inspection-firms/:id',
      url: (f) => `/api/inspection-firms/${f.countyFirm}`,
      body: async (f) => ({
        version: await version(f, `/api/inspection-firms/${f.countyFirm}`),
        contact: 'x',
      }),
      ok: ['admin', 'office', 'office_lindian'],
      note: '林甸 firm',
    },
    {
      route: 'DELETE /api/inspection-firms/:id',
      before: async (f) => {
        f.fresh.firm = (
          await json(
            f.office.post('/api/inspection-firms', { regionCode: '230600', name: nextName(f, '删机构') }),
          )
        ).id;
      },
      url: (f) => `/api/inspection-firms/${f.fresh.firm}`,
      ok: keepers,
      note: 'city firm without experts',
    },
    {
      route: 'GET /api/inspection-firms/export.xlsx',
      url: () => '/api/inspection-firms/export.xlsx',
      ok: libReaders,
      note: 'the list as seen',
    },
    {
      route: 'POST /api/inspection-firms/import',
      url: () => '/api/inspection-firms/import?regionCode=230600',
      body: (f) => f.firmSheet,
      headers: { 'content-type': XLSX_TYPE },
      ok: keepers,
      note: 'into the city library',
    },
    // ---- experts ----
    { route: 'GET /api/experts', url: () => '/api/experts', ok: libReaders, note: 'subtree and above' },
    {
      route: 'GET /api/experts/export.xlsx',
      url: () => '/api/experts/export.xlsx',
      ok: libReaders,
      note: 'the list as seen',
    },
    {
      route: 'POST /api/experts/import',
      url: () => '/api/experts/import?regionCode=230600',
      body: (f) => f.sheet,
      headers: { 'content-type': XLSX_TYPE },
      ok: keepers,
      note: 'into the city library',
    },
    {
      route: 'POST /api/experts',
      url: () => '/api/experts',
      body: (f) => ({ regionCode: '230600', name: nextName(f, '专家'), specialty: '给排水' }),
      ok: keepers,
      note: 'city library',
    },
    {
      route: 'GET /api/experts/:id',
      url: (f) => `/api/experts/${f.expert}`,
      ok: [...libReaders, 'expert'],
      note: 'the expert reads its own record',
    },
    {
      route: 'PATCH /api/experts/:id',
      url: (f) => `/api/experts/${f.expert}`,
      body: async (f) => ({ version: await version(f, `/api/experts/${f.expert}`), title: '高级工程师' }),
      ok: keepers,
      note: 'city library',
    },
    {
      route: 'DELETE /api/experts/:id',
      before: async (f) => {
        f.fresh.expert = (
          await json(
            f.office.post('/api/experts', {
              regionCode: '230600',
              name: nextName(f, '删专家'),
              specialty: '给排水',
            }),
          )
        ).id;
      },
      url: (f) => `/api/experts/${f.fresh.expert}`,
      ok: keepers,
      note: 'unreferenced',
    },
    // ---- inspectors ----
    { route: 'GET /api/inspectors', url: () => '/api/inspectors', ok: libReaders, note: 'subtree and above' },
    {
      route: 'GET /api/inspectors/export.xlsx',
      url: () => '/api/inspectors/export.xlsx',
      ok: libReaders,
      note: 'the list as seen',
    },
    {
      route: 'POST /api/inspectors/import',
      url: () => '/api/inspectors/import?regionCode=230600',
      body: (f) => f.sheet,
      headers: { 'content-type': XLSX_TYPE },
      ok: keepers,
      note: 'into the city library',
    },
    {
      route: 'POST /api/inspectors',
      url: () => '/api/inspectors',
      body: (f) => ({ regionCode: '230600', name: nextName(f, '稽察员'), role: '督考办人员' }),
      ok: keepers,
      note: 'city library',
    },
    {
      route: 'GET /api/inspectors/:id',
      url: (f) => `/api/inspectors/${f.inspector}`,
      ok: [...libReaders, 'inspector'],
      note: 'the inspector reads its own record',
    },
    {
      route: 'PATCH /api/inspectors/:id',
      url: (f) => `/api/inspectors/${f.inspector}`,
      body: async (f) => ({ version: await version(f, `/api/inspectors/${f.inspector}`), phone: '1' }),
      ok: keepers,
      note: 'city library',
    },
    {
      route: 'DELETE /api/inspectors/:id',
      before: async (f) => {
        f.fresh.inspector = (
          await json(
            f.office.post('/api/inspectors', {
              regionCode: '230600',
              name: nextName(f, '删员'),
              role: '督考办人员',
            }),
          )
        ).id;
      },
      url: (f) => `/api/inspectors/${f.fresh.inspector}`,
      ok: keepers,
      note: 'unreferenced',
    },
  ],
};
