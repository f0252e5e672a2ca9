/**
 * Access cases of inspections: the groups (督查组) and their weekly site records, and the
 * organisation's leading groups (see harness.ts). The city group has the `inspector` user's person
 * as a member and supervises the city and the 林甸 project; the 林甸 group has none of the cast.
 */
import { addDays } from '../../src/platform/calendar.ts';
import { todayInChina } from '../../src/platform/time.ts';
import type { AccessPart, Base } from './harness.ts';

interface F extends Base {
  cityGroup: number;
  lindianGroup: number;
  record: number;
  photo: number;
  scratchPhoto: number;
  leading: number;
}

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const readers = ['admin', 'office', 'office_lindian', 'leader', 'unit', 'inspector', 'expert'] as const;
const cityGroupReaders = ['admin', 'office', 'leader', 'inspector'] as const;
const recorders = ['admin', 'office', 'inspector'] as const;
const version = async (
  f: F,
  table: 'inspection_groups' | 'group_site_records' | 'leading_groups',
  id: number,
) =>
  (await f.t.database.db.selectFrom(table).select('version').where('id', '=', id).executeTakeFirstOrThrow())
    .version;

export const groups: AccessPart<F> = {
  name: 'groups',
  setup: async (base) => {
    const db = base.t.database.db;
    const inspector = await db
      .selectFrom('users')
      .select('person_id')
      .where('username', '=', 'inspector')
      .executeTakeFirstOrThrow();
    const make = async (region: string, name: string, people: number[], projects: number[]) => {
      const g = await db
        .insertInto('inspection_groups')
        .values({ region_code: region, year: 2026, name, sector: '城乡建设' })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const p of people)
        await db.insertInto('inspection_group_members').values({ group_id: g.id, person_id: p }).execute();
      for (const p of projects)
        await db.insertInto('inspection_group_projects').values({ group_id: g.id, project_id: p }).execute();
      return g.id;
    };
    const cityGroup = await make(
      '230600',
      '市城建项目督查组',
      [inspector.person_id!],
      [base.projCity, base.projLindian],
    );
    const lindianGroup = await make('230623', '林甸县社会事业项目督查组', [], [base.projLindian]);
    const record = (
      await db
        .insertInto('group_site_records')
        .values({
          group_id: cityGroup,
          project_id: base.projCity,
          week_of: '2026-01-05',
          progress: '桩基施工',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const up = await base.clients.get('office')!.request({
      method: 'POST',
      url: `/api/inspection-records/${record}/photos`,
      payload: PNG,
      headers: { 'content-type': 'image/png' },
    });
    const leading = (
      await db
        .insertInto('leading_groups')
        .values({ region_code: '230600', name: '市重点项目建设领导小组', member_unit_ids: [base.unitCity] })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    return { ...base, cityGroup, lindianGroup, record, photo: up.json().id, scratchPhoto: 0, leading };
  },
  cases: [
    {
      route: 'GET /api/inspection-groups',
      url: () => '/api/inspection-groups',
      ok: readers,
      note: 'a list of what each sees (the reporter has no inspection.read)',
    },
    {
      route: 'POST /api/inspection-groups',
      url: () => '/api/inspection-groups',
      body: (f) => ({ regionCode: '230600', year: 2026, name: `临时督查组${f.seq.n++}`, sector: '工业' }),
      ok: ['admin', 'office'],
      note: 'a city group: the city office (林甸 out of scope)',
    },
    {
      route: 'GET /api/inspection-groups/:id',
      url: (f) => `/api/inspection-groups/${f.cityGroup}`,
      ok: cityGroupReaders,
      note: 'the city group: its region and its member, the inspector',
    },
    {
      route: 'GET /api/inspection-groups/:id',
      url: (f) => `/api/inspection-groups/${f.lindianGroup}`,
      ok: ['admin', 'office', 'office_lindian', 'leader'],
      note: 'the 林甸 group: the county and the city above',
    },
    {
      route: 'PATCH /api/inspection-groups/:id',
      url: (f) => `/api/inspection-groups/${f.cityGroup}`,
      body: async (f) => ({
        version: await version(f, 'inspection_groups', f.cityGroup),
        sector: '城乡建设',
      }),
      ok: ['admin', 'office'],
      note: 'edited by the city office only (members record, not manage)',
    },
    {
      route: 'GET /api/inspection-groups/:id/records',
      url: (f) => `/api/inspection-groups/${f.cityGroup}/records`,
      ok: cityGroupReaders,
      note: "the city group's records",
    },
    {
      route: 'POST /api/inspection-groups/:id/records',
      url: (f) => `/api/inspection-groups/${f.cityGroup}/records`,
      body: (f) => ({
        projectId: f.projCity,
        weekOf: addDays(todayInChina(), -7 * f.seq.n++),
        progress: '主体施工',
      }),
      ok: recorders,
      note: 'a week of the city project: the office and the member',
    },
    {
      route: 'POST /api/inspection-groups/:id/records',
      url: (f) => `/api/inspection-groups/${f.lindianGroup}/records`,
      body: (f) => ({
        projectId: f.projLindian,
        weekOf: addDays(todayInChina(), -7 * f.seq.n++),
        progress: '主体施工',
      }),
      ok: ['admin', 'office', 'office_lindian'],
      note: 'a week of the 林甸 group: the county office and the city above',
    },
    {
      route: 'GET /api/inspection-groups/:id/summary',
      url: (f) => `/api/inspection-groups/${f.cityGroup}/summary?month=2026-01`,
      ok: cityGroupReaders,
      note: "the city group's month",
    },
    {
      route: 'GET /api/inspection-records/:id',
      url: (f) => `/api/inspection-records/${f.record}`,
      ok: cityGroupReaders,
      note: 'a record of the city group',
    },
    {
      route: 'PATCH /api/inspection-records/:id',
      url: (f) => `/api/inspection-records/${f.record}`,
      body: async (f) => ({
        version: await version(f, 'group_site_records', f.record),
        nextWeek: '完成验收',
      }),
      ok: recorders,
      note: 'corrected by the office and the member',
    },
    {
      route: 'POST /api/inspection-records/:id/photos',
      url: (f) => `/api/inspection-records/${f.record}/photos`,
      body: () => PNG,
      headers: { 'content-type': 'image/png' },
      ok: recorders,
      note: 'a photo on the city record',
    },
    {
      route: 'GET /api/inspection-record-photos/:id',
      url: (f) => `/api/inspection-record-photos/${f.photo}`,
      ok: cityGroupReaders,
      note: 'a photo of the city record',
    },
    {
      route: 'DELETE /api/inspection-record-photos/:id',
      url: (f) => `/api/inspection-record-photos/${f.scratchPhoto}`,
      before: async (f) => {
        const r = await f.t.database.db
          .insertInto('group_site_record_attachments')
          .values({
            record_id: f.record,
            name: '临时.png',
            type: 'image/png',
            size: 1,
            sha256: 'x',
            path: 'x',
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        f.scratchPhoto = r.id;
      },
      ok: recorders,
      note: 'a fresh photo for each attempt',
    },
    {
      route: 'GET /api/leading-groups',
      url: () => '/api/leading-groups',
      ok: ['admin', 'office', 'office_lindian', 'leader', 'unit', 'reporter', 'inspector'],
      note: 'org.read: a list of what each sees',
    },
    {
      route: 'POST /api/leading-groups',
      url: () => '/api/leading-groups',
      body: (f) => ({ regionCode: '230600', name: `临时领导小组${f.seq.n++}` }),
      ok: ['admin', 'office'],
      note: "the city's: the city office",
    },
    {
      route: 'GET /api/leading-groups/:id',
      url: (f) => `/api/leading-groups/${f.leading}`,
      ok: ['admin', 'office', 'office_lindian', 'leader', 'unit'],
      note: "the city's: its subtree and above, and unitCity, a member",
    },
    {
      route: 'PATCH /api/leading-groups/:id',
      url: (f) => `/api/leading-groups/${f.leading}`,
      body: async (f) => ({ version: await version(f, 'leading_groups', f.leading), duties: '统筹推进' }),
      ok: ['admin', 'office'],
      note: 'the city office',
    },
  ],
};
