/**
 * Access cases of assessment: the recompute (see ../access-inspections/harness.ts). Only the office
 * over the region (the admin anywhere) recomputes its months: the city office the city's and its
 * counties', 林甸's office only 林甸's; leaders and unit staff hold `score.write` for other steps
 * but not this one; reporters, inspectors and experts hold no `score.*` permission. Year 2025 keeps
 * these fixtures apart from the other parts' (a past month, so the recompute runs).
 */
import { activeTestScheme } from '../assessment-fixtures.ts';
import type { AccessPart, Base } from '../access-inspections/harness.ts';
import { cityOffice } from '../access-inspections/harness.ts';

const Y = 2025;

export const recompute: AccessPart<Base> = {
  name: 'recompute',
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
    return base;
  },
  cases: [
    {
      route: 'POST /api/scores/recompute',
      url: () => '/api/scores/recompute',
      body: () => ({ regionCode: '230600', year: Y, month: 10 }),
      ok: cityOffice,
      note: 'the city’s month: the city office',
    },
    {
      route: 'POST /api/scores/recompute',
      url: () => '/api/scores/recompute',
      body: () => ({ regionCode: '230623', year: Y, month: 10 }),
      ok: ['admin', 'office', 'office_lindian'],
      note: '林甸’s month: the city office and 林甸’s',
    },
    {
      route: 'POST /api/scores/recompute-months',
      url: () => '/api/scores/recompute-months',
      body: () => ({ regionCode: '230600', year: Y, from: 9, to: 10 }),
      ok: cityOffice,
      note: 'the city’s months in one pass: the city office',
    },
    {
      route: 'POST /api/scores/recompute-months',
      url: () => '/api/scores/recompute-months',
      body: () => ({ regionCode: '230623', year: Y, from: 1, to: 12 }),
      ok: ['admin', 'office', 'office_lindian'],
      note: '林甸’s year: the city office and 林甸’s',
    },
  ],
};
