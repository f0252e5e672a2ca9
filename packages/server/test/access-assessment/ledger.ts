/**
 * Access cases of assessment: schemes, the ledger, rankings and score cards (see
 * ../access-inspections/harness.ts). The office over a region keeps its schemes and manual rows;
 * offices and leaders read their subtree and leaders decide; unit staff read their own unit's rows
 * and card and the rankings and active schemes of their region's line, and ask exemptions for their
 * unit; reporters, inspectors and experts hold no `score.*` permission. Year 2027 keeps these
 * fixtures apart from the other parts'.
 */
import { activeTestScheme, insertRows } from '../assessment-fixtures.ts';
import type { AccessPart, Base, U } from '../access-inspections/harness.ts';
import { cityOffice } from '../access-inspections/harness.ts';

interface F extends Base {
  cityScheme: number;
  countyScheme: number;
  cityDraft: number;
  countyDraft: number;
  unitRow: number;
  otherRow: number;
  cur: number;
}

const Y = 2027;
const cityReaders: readonly U[] = ['admin', 'office', 'leader', 'unit'];
const regional: readonly U[] = ['admin', 'office', 'office_lindian', 'leader'];

async function draftScheme(f: Base, regionCode: string, year: number) {
  const row = await f.t.database.db
    .insertInto('assessment_schemes')
    .values({
      region_code: regionCode,
      year,
      revision: 1,
      name: '草稿',
      config: JSON.stringify({
        baseScore: '100.00',
        rules: [
          {
            code: 'report_late',
            enabled: true,
            points: '-1.00',
            cap: null,
            perItemCap: null,
            weight: '1.0000',
          },
        ],
        groups: [
          { code: 'dept', name: '部门', unitIds: [regionCode === '230600' ? f.unitCity : f.unitLindian] },
        ],
        tieRule: 'shared',
        board: { redSize: 1, blackSize: 1, redMinPace: '1.0000', blackBelowPace: '1.0000' },
        cards: { yellowBelowPace: '0.6000', redAfterYellows: 2, redOnReferral: true },
      }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A fresh row of the city's ledger (generated, a deduction), with extra columns. */
async function row(f: F, unitId: number, extra: Record<string, unknown> = {}) {
  const [id] = await insertRows(f.t.database.db, f.cityScheme, '230600', Y, [
    { unitId, month: 3, rule: 'report_late', points: '-1.00' },
  ]);
  if (Object.keys(extra).length)
    await f.t.database.db.updateTable('score_rows').set(extra).where('id', '=', id!).execute();
  return id!;
}

const freshDraft = (f: F) => async () => {
  f.cur = await draftScheme(f, '230600', 2030 + f.seq.n++);
};

export const ledger: AccessPart<F> = {
  name: 'ledger',
  setup: async (base) => {
    const db = base.t.database.db;
    const f: F = {
      ...base,
      cityScheme: 0,
      countyScheme: 0,
      cityDraft: 0,
      countyDraft: 0,
      unitRow: 0,
      otherRow: 0,
      cur: 0,
    };
    f.cityScheme = await activeTestScheme(db, '230600', Y, (c) => ({
      ...c,
      groups: [{ code: 'dept', name: '市直部门和国有企业', unitIds: [base.unitCity, base.reporterUnit] }],
    }));
    f.countyScheme = await activeTestScheme(db, '230623', Y, (c) => ({
      ...c,
      groups: [{ code: 'dept', name: '县直部门', unitIds: [base.unitLindian] }],
    }));
    f.cityDraft = await draftScheme(base, '230600', Y + 1);
    f.countyDraft = await draftScheme(base, '230623', Y + 1);
    f.unitRow = await row(f, base.unitCity);
    f.otherRow = await row(f, base.reporterUnit);
    return f;
  },
  cases: [
    {
      route: 'GET /api/assessment-schemes',
      url: () => '/api/assessment-schemes',
      ok: [...regional, 'unit'],
      note: 'unit staff see the active ones of their line',
    },
    {
      route: 'POST /api/assessment-schemes',
      url: () => '/api/assessment-schemes',
      body: (f) => ({ regionCode: '230600', year: 2030 + f.seq.n++, name: '年度考核方案' }),
      ok: cityOffice,
      note: 'a city scheme: the city office',
    },
    {
      route: 'POST /api/assessment-schemes',
      url: () => '/api/assessment-schemes',
      body: (f) => ({ regionCode: '230623', year: 2030 + f.seq.n++, name: '年度考核方案' }),
      ok: ['admin', 'office', 'office_lindian'],
      note: 'a 林甸 scheme: the city office and 林甸’s',
    },
    {
      route: 'GET /api/assessment-schemes/:id',
      url: (f) => `/api/assessment-schemes/${f.cityScheme}`,
      ok: cityReaders,
      note: 'the city’s active scheme',
    },
    {
      route: 'GET /api/assessment-schemes/:id',
      url: (f) => `/api/assessment-schemes/${f.cityDraft}`,
      ok: ['admin', 'office', 'leader'],
      note: 'a city draft',
    },
    {
      route: 'GET /api/assessment-schemes/:id',
      url: (f) => `/api/assessment-schemes/${f.countyScheme}`,
      ok: regional,
      note: '林甸’s active scheme (below the unit user)',
    },
    {
      route: 'PATCH /api/assessment-schemes/:id',
      url: (f) => `/api/assessment-schemes/${f.cur}`,
      before: (f) => freshDraft(f)(),
      body: () => ({ version: 1, name: '修改' }),
      ok: cityOffice,
      note: 'edit a city draft',
    },
    {
      route: 'POST /api/assessment-schemes/:id/revise',
      url: (f) => `/api/assessment-schemes/${f.cur}/revise`,
      before: async (f) => {
        f.cur = await activeTestScheme(f.t.database.db, '230600', 2030 + f.seq.n++);
      },
      body: () => ({ version: 1 }),
      ok: cityOffice,
      note: 'revise a city active scheme',
    },
    {
      route: 'POST /api/assessment-schemes/:id/activate',
      url: (f) => `/api/assessment-schemes/${f.cur}/activate`,
      before: (f) => freshDraft(f)(),
      body: () => ({ version: 1 }),
      ok: cityOffice,
      note: 'activate a city draft',
    },
    {
      route: 'DELETE /api/assessment-schemes/:id',
      url: (f) => `/api/assessment-schemes/${f.cur}?version=1`,
      before: (f) => freshDraft(f)(),
      ok: cityOffice,
      note: 'delete a city draft',
    },
    {
      route: 'POST /api/assessment-schemes/:id/preview',
      url: (f) => `/api/assessment-schemes/${f.countyDraft}/preview`,
      body: () => ({ year: Y, month: 3 }),
      ok: regional,
      note: 'preview 林甸’s draft (those who read it)',
    },
    {
      route: 'GET /api/score-rows',
      url: () => `/api/score-rows?year=${Y}`,
      ok: [...regional, 'unit'],
      note: 'each their scope',
    },
    {
      route: 'GET /api/score-rows.xlsx',
      url: () => `/api/score-rows.xlsx?year=${Y}`,
      ok: [...regional, 'unit'],
      note: 'the export of their scope',
    },
    {
      route: 'GET /api/score-rows/:id',
      url: (f) => `/api/score-rows/${f.unitRow}`,
      ok: cityReaders,
      note: 'a city row of the unit user’s unit',
    },
    {
      route: 'GET /api/score-rows/:id',
      url: (f) => `/api/score-rows/${f.otherRow}`,
      ok: ['admin', 'office', 'leader'],
      note: 'a city row of another unit',
    },
    {
      route: 'POST /api/score-rows',
      url: () => '/api/score-rows',
      body: (f) => ({
        regionCode: '230600',
        year: Y,
        month: 3,
        unitId: f.unitCity,
        rule: 'manual_award',
        points: '1',
        reason: '通报表扬',
      }),
      ok: cityOffice,
      note: 'a city manual row: the city office',
    },
    {
      route: 'POST /api/score-rows/:id/decision',
      url: (f) => `/api/score-rows/${f.cur}/decision`,
      before: async (f) => {
        f.cur = await row(f, f.unitCity, {
          source: 'manual',
          status: 'pending',
          rule: 'manual_penalty',
          cause_kind: 'manual',
        });
      },
      body: () => ({ version: 1, approve: true }),
      ok: ['admin', 'office', 'leader'],
      note: 'decide a pending city manual row (its author is nobody here)',
    },
    {
      route: 'POST /api/score-rows/:id/exemption',
      url: (f) => `/api/score-rows/${f.cur}/exemption`,
      before: async (f) => {
        f.cur = await row(f, f.unitCity);
      },
      body: () => ({ version: 1, reason: '不可抗力' }),
      ok: ['admin', 'office', 'unit'],
      note: 'ask an exemption for the unit user’s unit’s deduction',
    },
    {
      route: 'POST /api/score-rows/:id/exemption/decision',
      url: (f) => `/api/score-rows/${f.cur}/exemption/decision`,
      before: async (f) => {
        f.cur = await row(f, f.unitCity, { exemption_status: 'requested', exemption_reason: '暴雨' });
      },
      body: () => ({ version: 1, approve: true }),
      ok: ['admin', 'office', 'leader'],
      note: 'decide an asked exemption of a city row',
    },
    {
      route: 'GET /api/scores/rankings',
      url: () => `/api/scores/rankings?regionCode=230600&period=${Y}-03`,
      ok: cityReaders,
      note: 'the city’s ranking (晾晒 to its units)',
    },
    {
      route: 'GET /api/scores/rankings',
      url: () => `/api/scores/rankings?regionCode=230623&period=${Y}`,
      ok: regional,
      note: '林甸’s ranking',
    },
    {
      route: 'GET /api/scores/rankings.xlsx',
      url: () => `/api/scores/rankings.xlsx?regionCode=230600&period=${Y}-H1`,
      ok: cityReaders,
      note: 'the city’s ranking export',
    },
    {
      route: 'GET /api/scores/card',
      url: (f) => `/api/scores/card?regionCode=230600&year=${Y}&unitId=${f.unitCity}`,
      ok: cityReaders,
      note: 'the unit user’s unit’s card',
    },
    {
      route: 'GET /api/scores/card',
      url: (f) => `/api/scores/card?regionCode=230600&year=${Y}&unitId=${f.reporterUnit}`,
      ok: ['admin', 'office', 'leader'],
      note: 'another unit’s card',
    },
    {
      route: 'GET /api/scores/card.xlsx',
      url: (f) => `/api/scores/card.xlsx?regionCode=230600&year=${Y}&unitId=${f.unitCity}`,
      ok: cityReaders,
      note: 'the card export',
    },
  ],
};
