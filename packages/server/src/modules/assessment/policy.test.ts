/**
 * Table tests of assessment's policies: every demo role against schemes, rows, rankings and cards
 * of regions in and out of its subtree and of units its own or not. Expectations are written out
 * by hand from DOMAIN §1 and §9 (see policy.ts), not computed from the code under test.
 * The unit user's unit is 10 (region CITY); the unit staff of a county unit sits in CITY too, so a
 * county scheme is below it and not on its line.
 */
import { describe, expect, it } from 'vitest';
import {
  canAskExemption,
  canDecide,
  canManageScores,
  canReadCard,
  canReadRanking,
  canReadRow,
  canReadScheme,
  rowScope,
} from './policy.ts';
import { CITY, LINDIAN, OTHER_CITY, PROVINCE, TRAP, type Who, actors, matrix } from '../../../test/actors.ts';

interface Row<F> {
  note: string;
  facts: F;
  ok: readonly Who[];
}

const run = <F>(title: string, rows: Row<F>[], fn: (who: Who, f: F) => boolean) =>
  describe(title, () => {
    it.each(matrix<F, Row<F>>(rows, (r) => r.ok))('%s: %s → %s', (_n, who, facts, expected) => {
      expect(fn(who, facts)).toBe(expected);
    });
  });

type SchemeF = { path: string; status: 'draft' | 'active' | 'retired' };
run<SchemeF>(
  'canReadScheme: offices and leaders their subtree, unit staff the active schemes on their line',
  [
    {
      note: 'the city active scheme',
      facts: { path: CITY, status: 'active' },
      ok: ['admin', 'office', 'leader', 'unit'],
    },
    { note: 'a city draft', facts: { path: CITY, status: 'draft' }, ok: ['admin', 'office', 'leader'] },
    {
      note: 'a city retired revision',
      facts: { path: CITY, status: 'retired' },
      ok: ['admin', 'office', 'leader'],
    },
    {
      note: 'the county active scheme (below the unit user)',
      facts: { path: LINDIAN, status: 'active' },
      ok: ['admin', 'office', 'office_lindian', 'leader', 'leader_lindian'],
    },
    {
      note: 'the province active scheme (above the city)',
      facts: { path: PROVINCE, status: 'active' },
      ok: ['admin', 'unit'],
    },
    { note: 'prefix trap', facts: { path: TRAP, status: 'active' }, ok: ['admin', 'office', 'leader'] },
    { note: 'another city', facts: { path: OTHER_CITY, status: 'active' }, ok: ['admin'] },
  ],
  (w, f) => canReadScheme(actors[w], f.path, f.status),
);

run<string>(
  'canManageScores: the office over the region and the admin',
  [
    { note: 'city', facts: CITY, ok: ['admin', 'office'] },
    { note: 'county', facts: LINDIAN, ok: ['admin', 'office', 'office_lindian'] },
    { note: 'province', facts: PROVINCE, ok: ['admin'] },
    { note: 'prefix trap', facts: TRAP, ok: ['admin', 'office'] },
  ],
  (w, p) => canManageScores(actors[w], p),
);

type RowF = { path: string; unitId: number };
run<RowF>(
  "canReadRow: regional roles their subtree, unit staff their own unit's rows anywhere",
  [
    {
      note: "a city row of the unit user's unit",
      facts: { path: CITY, unitId: 10 },
      ok: ['admin', 'office', 'leader', 'unit'],
    },
    {
      note: "a city row of the reporter's unit",
      facts: { path: CITY, unitId: 20 },
      ok: ['admin', 'office', 'leader'],
    },
    {
      note: "a county row of the unit user's unit",
      facts: { path: LINDIAN, unitId: 10 },
      ok: ['admin', 'office', 'office_lindian', 'leader', 'leader_lindian', 'unit'],
    },
    { note: 'another city row of another unit', facts: { path: OTHER_CITY, unitId: 11 }, ok: ['admin'] },
  ],
  (w, f) => canReadRow(actors[w], f.path, f.unitId),
);

run<string>(
  'canDecide: the office over the region, leaders of its subtree, the admin',
  [
    { note: 'city', facts: CITY, ok: ['admin', 'office', 'leader'] },
    { note: 'county', facts: LINDIAN, ok: ['admin', 'office', 'office_lindian', 'leader', 'leader_lindian'] },
    { note: 'another city', facts: OTHER_CITY, ok: ['admin'] },
  ],
  (w, p) => canDecide(actors[w], p),
);

run<RowF>(
  "canAskExemption: the office over the region or the row's unit staff",
  [
    {
      note: "city row of the unit user's unit",
      facts: { path: CITY, unitId: 10 },
      ok: ['admin', 'office', 'unit'],
    },
    { note: 'city row of another unit', facts: { path: CITY, unitId: 11 }, ok: ['admin', 'office'] },
    {
      note: 'county row of another unit',
      facts: { path: LINDIAN, unitId: 11 },
      ok: ['admin', 'office', 'office_lindian'],
    },
  ],
  (w, f) => canAskExemption(actors[w], f.path, f.unitId),
);

run<string>(
  'canReadRanking: regional roles their subtree, unit staff the regions on their line (晾晒)',
  [
    { note: 'city', facts: CITY, ok: ['admin', 'office', 'leader', 'unit'] },
    { note: 'county', facts: LINDIAN, ok: ['admin', 'office', 'office_lindian', 'leader', 'leader_lindian'] },
    { note: 'province', facts: PROVINCE, ok: ['admin', 'unit'] },
    { note: 'another city', facts: OTHER_CITY, ok: ['admin'] },
  ],
  (w, p) => canReadRanking(actors[w], p),
);

run<RowF>(
  'canReadCard: regional roles their subtree, unit staff their own unit only',
  [
    {
      note: "the unit user's unit in the city",
      facts: { path: CITY, unitId: 10 },
      ok: ['admin', 'office', 'leader', 'unit'],
    },
    {
      note: 'another unit in the city',
      facts: { path: CITY, unitId: 11 },
      ok: ['admin', 'office', 'leader'],
    },
    { note: 'another city', facts: { path: OTHER_CITY, unitId: 10 }, ok: ['admin', 'unit'] },
  ],
  (w, f) => canReadCard(actors[w], f.path, f.unitId),
);

describe('rowScope: the ledger list filter by role', () => {
  it.each([
    ['admin', { kind: 'all' }],
    ['office', { kind: 'region', path: CITY }],
    ['leader_lindian', { kind: 'region', path: LINDIAN }],
    ['unit', { kind: 'unit', unitId: 10 }],
    ['reporter', { kind: 'none' }],
    ['inspector', { kind: 'none' }],
    ['expert', { kind: 'none' }],
  ] as [Who, unknown][])('%s', (who, expected) => {
    expect(rowScope(actors[who])).toEqual(expected);
  });
});
