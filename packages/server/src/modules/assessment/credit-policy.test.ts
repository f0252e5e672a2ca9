/**
 * Table tests of enterprise credit's policy: every demo role against firms of regions in, above,
 * beside and out of its subtree, and of units its own or not. Expectations written out by hand
 * from credit-policy.ts's header (DOMAIN §1, §9). The unit user's unit is 10 (region CITY).
 */
import { describe, expect, it } from 'vitest';
import { canEvaluate, canKeepEnterprise, canReadEnterprise, enterpriseScope } from './credit-policy.ts';
import {
  CITY,
  LINDIAN,
  OTHER_CITY,
  PROVINCE,
  SIBLING,
  TRAP,
  type Who,
  actors,
  matrix,
} from '../../../test/actors.ts';

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

type ReadF = { path: string; unitId: number };
run<ReadF>(
  'canReadEnterprise: offices and leaders their subtree and above; unit staff their own firm',
  [
    {
      note: 'a city firm of another unit',
      facts: { path: CITY, unitId: 99 },
      ok: ['admin', 'office', 'office_lindian', 'leader', 'leader_lindian'],
    },
    {
      note: 'a city firm over the unit user’s unit',
      facts: { path: CITY, unitId: 10 },
      ok: ['admin', 'office', 'office_lindian', 'leader', 'leader_lindian', 'unit'],
    },
    {
      note: 'a 林甸 firm',
      facts: { path: LINDIAN, unitId: 99 },
      ok: ['admin', 'office', 'office_lindian', 'leader', 'leader_lindian'],
    },
    {
      note: 'a firm of a sibling county (not on 林甸’s line)',
      facts: { path: SIBLING, unitId: 99 },
      ok: ['admin', 'office', 'leader'],
    },
    {
      note: 'a province firm (above everyone regional)',
      facts: { path: PROVINCE, unitId: 99 },
      ok: ['admin', 'office', 'office_lindian', 'leader', 'leader_lindian'],
    },
    { note: 'prefix trap', facts: { path: TRAP, unitId: 99 }, ok: ['admin', 'office', 'leader'] },
    { note: 'another city', facts: { path: OTHER_CITY, unitId: 99 }, ok: ['admin'] },
    {
      note: 'the unit user’s firm in another city',
      facts: { path: OTHER_CITY, unitId: 10 },
      ok: ['admin', 'unit'],
    },
  ],
  (who, f) => canReadEnterprise(actors[who], f.path, f.unitId),
);

run<string>(
  'canKeepEnterprise: the office over the firm’s region and the admin; leaders and units never',
  [
    { note: 'a city firm', facts: CITY, ok: ['admin', 'office'] },
    { note: 'a 林甸 firm', facts: LINDIAN, ok: ['admin', 'office', 'office_lindian'] },
    { note: 'a province firm (above the city office)', facts: PROVINCE, ok: ['admin'] },
    { note: 'prefix trap', facts: TRAP, ok: ['admin', 'office'] },
    { note: 'another city', facts: OTHER_CITY, ok: ['admin'] },
  ],
  (who, path) => canKeepEnterprise(actors[who], path),
);

run<string>(
  'canEvaluate: the office over the project evaluated',
  [
    { note: 'a city project', facts: CITY, ok: ['admin', 'office'] },
    { note: 'a 林甸 project', facts: LINDIAN, ok: ['admin', 'office', 'office_lindian'] },
    { note: 'a sibling county’s project', facts: SIBLING, ok: ['admin', 'office'] },
    { note: 'another city’s project', facts: OTHER_CITY, ok: ['admin'] },
  ],
  (who, path) => canEvaluate(actors[who], path),
);

describe('enterpriseScope: the lists’ filter per role', () => {
  it.each<[Who, ReturnType<typeof enterpriseScope>]>([
    ['admin', { kind: 'all' }],
    ['office', { kind: 'line', path: CITY }],
    ['office_lindian', { kind: 'line', path: LINDIAN }],
    ['leader', { kind: 'line', path: CITY }],
    ['unit', { kind: 'unit', unitId: 10 }],
    ['reporter', { kind: 'none' }],
    ['inspector', { kind: 'none' }],
    ['expert', { kind: 'none' }],
  ])('%s', (who, scope) => expect(enterpriseScope(actors[who])).toEqual(scope));
});
