/**
 * Access cases of assessment: enterprise credit (see ../access-inspections/harness.ts). The office
 * over a firm's region keeps its entry and records; an evaluation is the office's over the
 * project; offices and leaders read the directories of their subtree and above; unit staff read
 * their own firm only; reporters, inspectors and experts hold no `score.*` permission; the public
 * list answers without a session. Firms are written straight to the table: the one over the unit
 * user's unit (a department, which admission would refuse) stands for a firm's own staff.
 */
import type { AccessPart, Base, U } from '../access-inspections/harness.ts';
import { cityOffice } from '../access-inspections/harness.ts';

interface F extends Base {
  ownFirm: number; // over the unit user's unit, region 230600
  cityFirm: number; // over the reporter's unit (城投), region 230600
  countyFirm: number; // over 林甸住建局, region 230623
  freshUnit: number;
}

const readers: readonly U[] = ['admin', 'office', 'office_lindian', 'leader', 'unit'];
const regional: readonly U[] = ['admin', 'office', 'office_lindian', 'leader'];
const countyOffice: readonly U[] = ['admin', 'office', 'office_lindian'];

async function firm(b: Base, unitId: number, regionCode: string) {
  const row = await b.t.database.db
    .insertInto('enterprises')
    .values({
      unit_id: unitId,
      region_code: regionCode,
      kind: 'agent',
      grade: 'A',
      admitted_on: '2026-01-01',
      status_on: '2026-01-01',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const version = async (f: F, id: number) =>
  (
    await f.t.database.db
      .selectFrom('enterprises')
      .select('version')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).version;

/** A new enterprise unit for each admission attempt (a unit enters a directory once per kind). */
const freshUnit = (f: F, regionCode: string) => async () => {
  const row = await f.t.database.db
    .insertInto('units')
    .values({ name: `测试代建企业${f.seq.n++}`, type: 'enterprise', region_code: regionCode })
    .returning('id')
    .executeTakeFirstOrThrow();
  f.freshUnit = row.id;
};

/** No evaluation of the city firm yet, so each role's attempt is its first of the quarter. */
const unevaluated = (f: F) => async () => {
  await f.t.database.db
    .deleteFrom('enterprise_evaluations')
    .where('enterprise_id', '=', f.cityFirm)
    .execute();
};

/** Back to admitted before each attempt, so every role tries the same step. */
const admitted = (f: F, id: number) => async () => {
  await f.t.database.db.updateTable('enterprises').set({ status: 'admitted' }).where('id', '=', id).execute();
};

const admission = (regionCode: string) => (f: F) => ({
  unitId: f.freshUnit,
  regionCode,
  kind: 'agent',
  admittedOn: '2026-02-01',
});
const evaluation = (f: F, projectId: number) => ({
  enterpriseId: f.cityFirm,
  year: 2026,
  quarter: 1,
  kind: 'random',
  projectId,
  score: '80',
  evaluatedOn: '2026-03-28',
});
const record = (enterpriseId: number) => ({
  enterpriseId,
  kind: 'bad',
  causeKind: 'manual',
  reason: '未按合同配备现场管理人员',
  recordedOn: '2026-05-01',
});

export const credit: AccessPart<F> = {
  name: 'credit',
  setup: async (base) => ({
    ...base,
    ownFirm: await firm(base, base.unitCity, '230600'),
    cityFirm: await firm(base, base.reporterUnit, '230600'),
    countyFirm: await firm(base, base.unitLindian, '230623'),
    freshUnit: 0,
  }),
  publicRoutes: ['GET /api/public/enterprises'],
  cases: [
    {
      route: 'GET /api/enterprises',
      url: () => '/api/enterprises',
      ok: readers,
      note: 'each their scope (unit staff their own firm)',
    },
    {
      route: 'GET /api/enterprises.xlsx',
      url: () => '/api/enterprises.xlsx',
      ok: readers,
      note: 'the directory of their scope',
    },
    {
      route: 'POST /api/enterprises',
      url: () => '/api/enterprises',
      before: (f) => freshUnit(f, '230600')(),
      body: admission('230600'),
      ok: cityOffice,
      note: 'admit to the city directory',
    },
    {
      route: 'POST /api/enterprises',
      url: () => '/api/enterprises',
      before: (f) => freshUnit(f, '230623')(),
      body: admission('230623'),
      ok: countyOffice,
      note: 'admit to 林甸’s directory',
    },
    {
      route: 'GET /api/enterprises/:id',
      url: (f) => `/api/enterprises/${f.ownFirm}`,
      ok: readers,
      note: 'the unit user’s own firm',
    },
    {
      route: 'GET /api/enterprises/:id',
      url: (f) => `/api/enterprises/${f.cityFirm}`,
      ok: regional,
      note: 'another city firm (林甸 reads the directory above it)',
    },
    {
      route: 'GET /api/enterprises/:id',
      url: (f) => `/api/enterprises/${f.countyFirm}`,
      ok: regional,
      note: 'a 林甸 firm',
    },
    {
      route: 'PATCH /api/enterprises/:id',
      url: (f) => `/api/enterprises/${f.cityFirm}`,
      body: async (f) => ({ version: await version(f, f.cityFirm), notes: '更新联系人' }),
      ok: cityOffice,
      note: 'edit a city firm',
    },
    {
      route: 'PATCH /api/enterprises/:id',
      url: (f) => `/api/enterprises/${f.countyFirm}`,
      body: async (f) => ({ version: await version(f, f.countyFirm), notes: '更新联系人' }),
      ok: countyOffice,
      note: 'edit a 林甸 firm',
    },
    {
      route: 'POST /api/enterprises/:id/status',
      url: (f) => `/api/enterprises/${f.cityFirm}/status`,
      before: (f) => admitted(f, f.cityFirm)(),
      body: async (f) => ({
        version: await version(f, f.cityFirm),
        status: 'suspended',
        on: '2026-06-01',
        reason: '考评不合格',
      }),
      ok: cityOffice,
      note: 'suspend a city firm',
    },
    {
      route: 'POST /api/enterprises/:id/status',
      url: (f) => `/api/enterprises/${f.countyFirm}/status`,
      before: (f) => admitted(f, f.countyFirm)(),
      body: async (f) => ({
        version: await version(f, f.countyFirm),
        status: 'suspended',
        on: '2026-06-01',
        reason: '考评不合格',
      }),
      ok: countyOffice,
      note: 'suspend a 林甸 firm',
    },
    {
      route: 'GET /api/enterprise-evaluations',
      url: () => '/api/enterprise-evaluations',
      ok: readers,
      note: 'each their scope',
    },
    {
      route: 'GET /api/enterprise-evaluations.xlsx',
      url: () => '/api/enterprise-evaluations.xlsx?year=2026&quarter=1',
      ok: readers,
      note: 'a quarter of their scope',
    },
    {
      route: 'POST /api/enterprise-evaluations',
      url: () => '/api/enterprise-evaluations',
      before: (f) => unevaluated(f)(),
      body: (f) => evaluation(f, f.projCity),
      ok: cityOffice,
      note: 'a city firm on a city project',
    },
    {
      route: 'POST /api/enterprise-evaluations',
      url: () => '/api/enterprise-evaluations',
      before: (f) => unevaluated(f)(),
      body: (f) => evaluation(f, f.projLindian),
      ok: countyOffice,
      note: 'a city firm on a 林甸 project: the office over the project',
    },
    {
      route: 'GET /api/credit-records',
      url: () => '/api/credit-records',
      ok: readers,
      note: 'each their scope',
    },
    {
      route: 'POST /api/credit-records',
      url: () => '/api/credit-records',
      body: (f) => record(f.cityFirm),
      ok: cityOffice,
      note: 'a manual record of a city firm',
    },
    {
      route: 'POST /api/credit-records',
      url: () => '/api/credit-records',
      body: (f) => record(f.countyFirm),
      ok: countyOffice,
      note: 'a manual record of a 林甸 firm',
    },
  ],
};
