/**
 * Access cases of assessment: 红黄牌 (see ../access-inspections/harness.ts). Offices and leaders
 * read the cards of their region subtree, unit staff their own unit's; the office over the region
 * issues cards by hand and lifts them; the unit's staff (or the office for them) acknowledge;
 * leaders only read; reporters, inspectors and experts hold no `score.*` permission. Year 2028
 * keeps these fixtures apart from the other parts'.
 */
import { transaction } from '../../src/db/connection.ts';
import { insertCards } from '../../src/modules/assessment/card-issue.ts';
import { activeTestScheme } from '../assessment-fixtures.ts';
import type { AccessPart, Base, U } from '../access-inspections/harness.ts';
import { cityOffice } from '../access-inspections/harness.ts';

interface F extends Base {
  unitCard: number;
  otherCard: number;
  lindianCard: number;
  cur: number;
}

const Y = 2028;
const cityReaders: readonly U[] = ['admin', 'office', 'leader', 'unit'];
const regional: readonly U[] = ['admin', 'office', 'office_lindian', 'leader'];
const lindianOffice: readonly U[] = ['admin', 'office', 'office_lindian'];

/** A fresh 黄牌 kept for `regionCode` about `unitId`, issued as the recompute does. */
async function card(f: Base, regionCode: string, unitId: number) {
  const [id] = await transaction(f.t.database.db, (trx) =>
    insertCards(trx, { actor: null, requestId: 'test' }, { regionCode, name: '考核方案' }, Y, 3, [
      {
        unitId,
        unitName: '测试单位',
        color: 'yellow',
        trigger: 'manual',
        factKey: `test:${f.seq.n++}`,
        detail: '测试',
      },
    ]),
  );
  return id!;
}

const manual = (regionCode: string, unitId: number) => ({
  regionCode,
  unitId,
  color: 'yellow',
  year: Y,
  month: 3,
  reason: '月报连续迟报',
});

export const cards: AccessPart<F> = {
  name: 'cards',
  setup: async (base) => {
    const db = base.t.database.db;
    await activeTestScheme(db, '230600', Y, (c) => ({
      ...c,
      groups: [{ code: 'dept', name: '市直部门和国有企业', unitIds: [base.unitCity, base.reporterUnit] }],
    }));
    await activeTestScheme(db, '230623', Y, (c) => ({
      ...c,
      groups: [{ code: 'dept', name: '县直部门', unitIds: [base.unitLindian] }],
    }));
    return {
      ...base,
      unitCard: await card(base, '230600', base.unitCity),
      otherCard: await card(base, '230600', base.reporterUnit),
      lindianCard: await card(base, '230623', base.unitLindian),
      cur: 0,
    };
  },
  cases: [
    {
      route: 'GET /api/warning-cards',
      url: () => `/api/warning-cards?year=${Y}`,
      ok: [...regional, 'unit'],
      note: 'each their scope',
    },
    {
      route: 'GET /api/warning-cards.xlsx',
      url: () => `/api/warning-cards.xlsx?year=${Y}`,
      ok: [...regional, 'unit'],
      note: 'the register of their scope',
    },
    {
      route: 'GET /api/warning-cards/:id',
      url: (f) => `/api/warning-cards/${f.unitCard}`,
      ok: cityReaders,
      note: 'a city card of the unit user’s unit',
    },
    {
      route: 'GET /api/warning-cards/:id',
      url: (f) => `/api/warning-cards/${f.otherCard}`,
      ok: ['admin', 'office', 'leader'],
      note: 'a city card of another unit',
    },
    {
      route: 'GET /api/warning-cards/:id',
      url: (f) => `/api/warning-cards/${f.lindianCard}`,
      ok: regional,
      note: 'a 林甸 card',
    },
    {
      route: 'GET /api/warning-cards/:id/notice.docx',
      url: (f) => `/api/warning-cards/${f.unitCard}/notice.docx`,
      ok: cityReaders,
      note: 'the notice of a city card of the unit user’s unit',
    },
    {
      route: 'GET /api/warning-cards/:id/notice.docx',
      url: (f) => `/api/warning-cards/${f.otherCard}/notice.docx`,
      ok: ['admin', 'office', 'leader'],
      note: 'the notice of another unit’s card',
    },
    {
      route: 'POST /api/warning-cards',
      url: () => '/api/warning-cards',
      body: (f) => manual('230600', f.unitCity),
      ok: cityOffice,
      note: 'a city card by hand: the city office',
    },
    {
      route: 'POST /api/warning-cards',
      url: () => '/api/warning-cards',
      body: (f) => manual('230623', f.unitLindian),
      ok: lindianOffice,
      note: 'a 林甸 card by hand: the city office and 林甸’s',
    },
    {
      route: 'POST /api/warning-cards/:id/acknowledge',
      url: (f) => `/api/warning-cards/${f.cur}/acknowledge`,
      before: async (f) => {
        f.cur = await card(f, '230600', f.unitCity);
      },
      body: () => ({ version: 1, note: '已制定整改措施' }),
      ok: ['admin', 'office', 'unit'],
      note: 'acknowledge a city card of the unit user’s unit',
    },
    {
      route: 'POST /api/warning-cards/:id/acknowledge',
      url: (f) => `/api/warning-cards/${f.cur}/acknowledge`,
      before: async (f) => {
        f.cur = await card(f, '230623', f.unitLindian);
      },
      body: () => ({ version: 1, note: '已制定整改措施' }),
      ok: lindianOffice,
      note: 'acknowledge a 林甸 card of another unit: the offices over it',
    },
    {
      route: 'POST /api/warning-cards/:id/lift',
      url: (f) => `/api/warning-cards/${f.cur}/lift`,
      before: async (f) => {
        f.cur = await card(f, '230600', f.unitCity);
      },
      body: () => ({ version: 1, reason: '已整改到位' }),
      ok: cityOffice,
      note: 'lift a city card (not its unit, not a leader)',
    },
    {
      route: 'POST /api/warning-cards/:id/lift',
      url: (f) => `/api/warning-cards/${f.cur}/lift`,
      before: async (f) => {
        f.cur = await card(f, '230623', f.unitLindian);
      },
      body: () => ({ version: 1, reason: '已整改到位' }),
      ok: lindianOffice,
      note: 'lift a 林甸 card',
    },
  ],
};
