/**
 * Access cases of inspections: procedure (see harness.ts). Fixtures written straight to the tables
 * (the library's rows, inspections in the state a case needs): a city inspection of the `unit`
 * user's unit with the demo expert and inspector as members, and a Lindian one with no members.
 * Steps change state, so each role's attempt at one gets a fresh inspection (`before`).
 */
import type { Base, U } from './harness.ts';
import type { AccessPart } from './harness.ts';
import { png } from '../files.ts';

interface F extends Base {
  expertId: number; // linked to the `expert` account
  paperExpertId: number; // no account
  inspectorId: number; // linked to the `inspector` account
  city: number;
  lindian: number;
  notice: number; // a document of `city`
  fresh: { id: number; paperMember: number };
  attachment: number;
  scratch: number;
}

async function inspection(
  f: Base & { expertId: number; paperExpertId: number; inspectorId: number },
  o: { status: string; region?: string; project?: number; unit?: number; members?: boolean },
) {
  const db = f.t.database.db;
  const row = await db
    .insertInto('inspections')
    .values({
      region_code: o.region ?? '230600',
      project_id: o.project ?? f.projCity,
      inspected_unit_id: o.unit ?? f.unitCity,
      code: `ACC-P-${f.seq.n++}`,
      status: o.status as 'planned',
      site_on: '2030-01-10',
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  let paperMember = 0;
  if (o.members !== false) {
    const m = await db
      .insertInto('inspection_members')
      .values([
        { inspection_id: row.id, role: 'expert', expert_id: f.expertId },
        { inspection_id: row.id, role: 'expert', expert_id: f.paperExpertId },
        { inspection_id: row.id, role: 'inspector', inspector_id: f.inspectorId },
      ])
      .returning('id')
      .execute();
    paperMember = m[1]!.id;
  }
  return { id: row.id, paperMember };
}

const PNG_HEADERS = (name: string) => ({
  'content-type': 'image/png',
  'x-file-name': encodeURIComponent(name),
});
/** A photo on the city inspection, added by the admin through the API (the file is stored). */
async function upload(f: Base & { city: number }, text: string) {
  const res = await f.clients.get('admin')!.request({
    method: 'POST',
    url: `/api/inspections/${f.city}/attachments`,
    payload: png(text),
    headers: PNG_HEADERS('现场照片.png'),
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return (res.json() as { id: number }).id;
}

const version = async (f: F, id: number) =>
  (
    await f.t.database.db
      .selectFrom('inspections')
      .select('version')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).version;

export const procedure: AccessPart<F> = {
  name: 'procedure',
  setup: async (base) => {
    const db = base.t.database.db;
    const [e1, e2] = await db
      .insertInto('inspection_experts')
      .values([
        {
          region_code: '230600',
          name: '访问专家',
          specialty: '工程质量',
          user_id: base.userIds.get('expert')!,
        },
        { region_code: '230600', name: '纸面专家', specialty: '财务管理' },
      ])
      .returning('id')
      .execute();
    const s = await db
      .insertInto('inspectors')
      .values({
        region_code: '230600',
        name: '访问稽察员',
        role: '稽察特派员',
        user_id: base.userIds.get('inspector')!,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const lib = { ...base, expertId: e1!.id, paperExpertId: e2!.id, inspectorId: s.id };
    const city = await inspection(lib, { status: 'on_site' });
    const lindian = await inspection(lib, {
      status: 'noticed',
      region: '230623',
      project: base.projLindian,
      unit: base.unitLindian,
      members: false,
    });
    const doc = await db
      .insertInto('inspection_documents')
      .values({
        inspection_id: city.id,
        kind: 'notice',
        number: '稽察通知〔2030〕1号',
        body: JSON.stringify({ title: '稽察通知' }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const f = {
      ...lib,
      city: city.id,
      lindian: lindian.id,
      notice: doc.id,
      fresh: city,
      attachment: 0,
      scratch: 0,
    };
    f.attachment = await upload(f, 'setup');
    return f;
  },
  cases: [
    {
      route: 'GET /api/inspections',
      url: () => '/api/inspections',
      ok: ['admin', 'office', 'office_lindian', 'leader', 'unit', 'inspector', 'expert'],
      note: 'the list, scoped in SQL; reporters hold no inspection permission',
    },
    {
      route: 'POST /api/inspections',
      url: () => '/api/inspections',
      body: (f) => ({ projectId: f.projCity, expertIds: [f.paperExpertId] }),
      ok: ['admin', 'office'],
      note: 'a city project: the office over its region',
    },
    {
      route: 'POST /api/inspections',
      url: () => '/api/inspections',
      body: (f) => ({ projectId: f.projLindian }),
      ok: ['admin', 'office', 'office_lindian'],
      note: 'a Lindian project: the city office and Lindian’s',
    },
    {
      route: 'GET /api/inspections/:id',
      url: (f) => `/api/inspections/${f.city}`,
      ok: ['admin', 'office', 'leader', 'unit', 'inspector', 'expert'],
      note: 'city, the unit inspected, expert and inspector members',
    },
    {
      route: 'GET /api/inspections/:id',
      url: (f) => `/api/inspections/${f.lindian}`,
      ok: ['admin', 'office', 'office_lindian', 'leader'],
      note: 'Lindian, no members: experts and inspectors see nothing',
    },
    {
      route: 'POST /api/inspections/:id/findings',
      url: (f) => `/api/inspections/${f.city}/findings`,
      body: async (f) => ({
        version: await version(f, f.city),
        kind: 'problem',
        category: '工程质量',
        content: '通道渗水',
      }),
      ok: ['admin', 'office', 'inspector', 'expert'],
      note: 'on site: the office and the members',
    },
    {
      route: 'POST /api/inspections/:id/steps',
      url: (f) => `/api/inspections/${f.fresh.id}/steps`,
      before: async (f) => {
        f.fresh = await inspection(f, { status: 'planned' });
      },
      body: async (f) => ({ action: 'notify', siteOn: '2030-01-10', version: await version(f, f.fresh.id) }),
      ok: ['admin', 'office'],
      note: 'the office’s step (notice) on a city inspection',
    },
    {
      route: 'POST /api/inspections/:id/steps',
      url: (f) => `/api/inspections/${f.fresh.id}/steps`,
      before: async (f) => {
        f.fresh = await inspection(f, { status: 'rectifying' });
      },
      body: async (f) => ({
        action: 'submit_results',
        summary: '已整改完毕',
        version: await version(f, f.fresh.id),
      }),
      ok: ['admin', 'unit'],
      note: 'the unit’s step (results): the inspected unit',
    },
    {
      route: 'POST /api/inspections/:id/steps',
      url: (f) => `/api/inspections/${f.fresh.id}/steps`,
      before: async (f) => {
        f.fresh = await inspection(f, { status: 'on_site' });
      },
      body: async (f, u: U) => ({
        action: 'sign',
        ...(u === 'expert' ? {} : { memberId: f.fresh.paperMember }),
        version: await version(f, f.fresh.id),
      }),
      ok: ['admin', 'office', 'expert'],
      note: 'a sign-off: the expert its own, the office a paper one',
    },
    {
      route: 'GET /api/inspections/:id/documents/:docId',
      url: (f) => `/api/inspections/${f.city}/documents/${f.notice}`,
      ok: ['admin', 'office', 'leader', 'unit', 'inspector', 'expert'],
      note: 'a document of a readable inspection, as Word',
    },
    {
      route: 'POST /api/inspections/:id/attachments',
      url: (f) => `/api/inspections/${f.city}/attachments`,
      body: (_f, u) => png(`access ${u}`),
      headers: PNG_HEADERS('现场照片.png'),
      ok: ['admin', 'office', 'inspector', 'expert'],
      note: 'photo evidence on site: the office and the members',
    },
    {
      route: 'GET /api/inspection-attachments/:id',
      url: (f) => `/api/inspection-attachments/${f.attachment}`,
      ok: ['admin', 'office', 'leader', 'unit', 'inspector', 'expert'],
      note: 'a photo of the city inspection: its readers',
    },
    {
      route: 'DELETE /api/inspection-attachments/:id',
      url: (f) => `/api/inspection-attachments/${f.scratch}`,
      before: async (f, u) => {
        f.scratch = await upload(f, `scratch ${u}`);
      },
      ok: ['admin', 'office', 'inspector', 'expert'],
      note: 'removing a photo on site: the office and the members',
    },
  ],
};
