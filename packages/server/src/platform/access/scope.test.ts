/**
 * Table tests of the region-subtree predicates, at and around the prefix trap: '230000.230600.2306231'
 * starts with the string '230000.230600.230623' but is NOT under 230623 (a path is cut at the dots).
 * Expectations are written out by hand from DOMAIN §1-2 (a city office manages its counties and
 * towns, never a sibling, a parent or another city), not computed from the code under test.
 *   230000 黑龙江省 ─ 230600 大庆市 ─ 230623 林甸县 ─ 230623100 林甸镇
 *                              └──── 230621 肇州县 (sibling county)
 *           └──── 230100 (another city)
 */
import fc from 'fast-check';
import type { Role } from '@ducha/contract';
import { describe, expect, it } from 'vitest';
import { inPath, inRegionSubtree, officeOver } from './scope.ts';
import type { Actor } from './context.ts';
import { CITY, LINDIAN, OTHER_CITY, PROVINCE, SIBLING, TOWN, TRAP } from '../../../test/actors.ts';

const UNDER_TRAP = '230000.230600.2306231.2306231001';
const SHORT = '230000.230600.23062';

function actor(id: number, role: Role, regionPath: string): Actor {
  return {
    id,
    username: `u${id}`,
    displayName: `用户${id}`,
    role,
    regionCode: regionPath.split('.').pop() || null,
    regionPath,
    unitId: 10 + id,
    personId: 100 + id,
    mustChangePassword: false,
    via: 'session',
  };
}

const actors = {
  admin: actor(1, 'admin', ''),
  office: actor(2, 'office', CITY),
  office_lindian: actor(3, 'office', LINDIAN),
  office_trap: actor(4, 'office', TRAP),
  /** a misconfigured office account without a region: over nothing */
  office_nowhere: actor(5, 'office', ''),
  leader: actor(6, 'leader', CITY),
  leader_lindian: actor(7, 'leader', LINDIAN),
  unit: actor(8, 'unit', CITY),
  reporter: actor(9, 'reporter', CITY),
  inspector: actor(10, 'inspector', CITY),
  expert: actor(11, 'expert', CITY),
};
type Who = keyof typeof actors;
const everyone = Object.keys(actors) as Who[];

describe('officeOver: the admin anywhere, an office over its own subtree only', () => {
  const paths: [string, string | null, readonly Who[]][] = [
    ['the province (above every office)', PROVINCE, ['admin']],
    ['the city 230600', CITY, ['admin', 'office']],
    ['the county 230623', LINDIAN, ['admin', 'office', 'office_lindian']],
    ['a town under 230623', TOWN, ['admin', 'office', 'office_lindian']],
    ['the sibling county 230621', SIBLING, ['admin', 'office']],
    ['the prefix trap 2306231 (not under 230623)', TRAP, ['admin', 'office', 'office_trap']],
    ['a region under the trap', UNDER_TRAP, ['admin', 'office', 'office_trap']],
    ["a string prefix of 230623's path", SHORT, ['admin', 'office']],
    ['another city', OTHER_CITY, ['admin']],
    ['a record without a region', null, ['admin']],
  ];
  const cases = paths.flatMap(([note, path, allow]) =>
    everyone.map((w) => [note, w, path, allow.includes(w)] as const),
  );
  it.each(cases)('%s: %s → %s', (_note, who, path, expected) => {
    expect(officeOver(actors[who], path)).toBe(expected);
  });
});

describe('inRegionSubtree and inPath: a subtree is cut at the dots', () => {
  const rows: [string, string, boolean][] = [
    [LINDIAN, LINDIAN, true],
    [TOWN, LINDIAN, true],
    [TRAP, LINDIAN, false],
    [LINDIAN, TRAP, false],
    [UNDER_TRAP, LINDIAN, false],
    [UNDER_TRAP, TRAP, true],
    [SHORT, LINDIAN, false],
    [LINDIAN, SHORT, false],
    [CITY, LINDIAN, false],
    [LINDIAN, CITY, true],
    [TRAP, CITY, true],
    [OTHER_CITY, CITY, false],
    [CITY, PROVINCE, true],
  ];
  it.each(rows)('inPath(%s, %s) → %s', (path, root, expected) => {
    expect(inPath(path, root)).toBe(expected);
  });
  it.each(rows.map(([path, root, expected]) => [root, path, expected] as const))(
    'a leader at %s: inRegionSubtree(%s) → %s',
    (root, path, expected) => {
      expect(inRegionSubtree(actor(20, 'leader', root), path)).toBe(expected);
    },
  );
  it('an actor without a region (the admin) has no subtree', () => {
    expect(inRegionSubtree(actors.admin, CITY)).toBe(false);
    expect(inRegionSubtree(actors.admin, '')).toBe(false);
  });
});

describe('consistency', () => {
  const pathArb = fc.option(
    fc.constantFrom(PROVINCE, CITY, LINDIAN, TOWN, SIBLING, TRAP, UNDER_TRAP, SHORT, OTHER_CITY),
    {
      nil: null,
    },
  );

  it('only the admin and office users are ever over a record; the admin always is', () => {
    fc.assert(
      fc.property(pathArb, fc.constantFrom(...everyone), (path, who) => {
        const a = actors[who];
        if (a.role === 'admin') expect(officeOver(a, path)).toBe(true);
        else if (a.role !== 'office') expect(officeOver(a, path)).toBe(false);
      }),
    );
  });

  it('an office over a region is over every region below it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(CITY, LINDIAN, TRAP, OTHER_CITY),
        fc.array(fc.constantFrom('1', '230623', '2306231', '230623100'), { minLength: 1, maxLength: 3 }),
        fc.constantFrom<Who>('office', 'office_lindian', 'office_trap'),
        (path, tail, who) => {
          const below = [path, ...tail].join('.');
          if (officeOver(actors[who], path)) expect(officeOver(actors[who], below)).toBe(true);
        },
      ),
    );
  });
});
