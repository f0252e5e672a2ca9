/**
 * Table-driven tests of the project policies: every role against projects in and out of the actor's
 * region subtree, led by / co-operated on / owned by the actor's unit or not. Expectations are
 * written out by hand from DOMAIN §1 and §3, not computed from the code under test. Regions:
 *   230000 黑龙江省 ─ 230600 大庆市 ─ 230623 林甸县 ─ 230623100 林甸镇
 *                              └──── 230621 肇州县 (sibling county)
 *           └──── 230100 (another city)
 * plus the prefix trap '230000.230600.2306231', which is NOT under 230623.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canEditProject, canManageProject, canReadProject, type ProjectFacts } from './policy.ts';
import {
  CITY,
  LINDIAN,
  OTHER_CITY,
  PROVINCE,
  SIBLING,
  TOWN,
  TRAP,
  type Who,
  actor,
  actors,
  everyone,
  matrix,
} from '../../../test/actors.ts';

interface Row {
  note: string;
  facts: ProjectFacts;
  /** exactly these actors may read; every other one is refused */
  read: readonly Who[];
  /** exactly these actors may edit the registry fields */
  edit: readonly Who[];
}

const project = (
  regionPath: string,
  responsibleUnitId: number | null,
  coUnitIds: number[],
  ownerUnitId: number | null,
): ProjectFacts => ({ regionPath, responsibleUnitId, coUnitIds, ownerUnitId });

const rows: Row[] = [
  {
    note: "city project led by the unit user's unit, owned by the reporter's unit",
    facts: project(CITY, 10, [], 20),
    read: ['admin', 'office', 'leader', 'unit', 'reporter'],
    edit: ['admin', 'office', 'unit'],
  },
  {
    note: "city project the unit user's unit co-operates on (read only)",
    facts: project(CITY, 11, [12, 10], null),
    read: ['admin', 'office', 'leader', 'unit'],
    edit: ['admin', 'office'],
  },
  {
    note: "city project neither led, co-operated on nor owned by the actors' units",
    facts: project(CITY, 11, [12], 21),
    read: ['admin', 'office', 'leader'],
    edit: ['admin', 'office'],
  },
  {
    note: "city project led by the inspector's unit, owned by the expert's (they still see nothing)",
    facts: project(CITY, 30, [40], 40),
    read: ['admin', 'office', 'leader'],
    edit: ['admin', 'office'],
  },
  {
    note: "city project led (not owned) by the reporter's unit",
    facts: project(CITY, 20, [20], 11),
    read: ['admin', 'office', 'leader'],
    edit: ['admin', 'office'],
  },
  {
    note: "city project owned by the unit user's unit (owning is the reporter's link, not the unit's)",
    facts: project(CITY, 11, [], 10),
    read: ['admin', 'office', 'leader'],
    edit: ['admin', 'office'],
  },
  {
    note: "county 230623 project led by the unit user's unit, owned by the reporter's",
    facts: project(LINDIAN, 10, [], 20),
    read: ['admin', 'office', 'office_lindian', 'leader', 'leader_lindian', 'unit', 'reporter'],
    edit: ['admin', 'office', 'office_lindian', 'unit'],
  },
  {
    note: 'town project under 230623',
    facts: project(TOWN, 50, [51], 52),
    read: ['admin', 'office', 'office_lindian', 'leader', 'leader_lindian'],
    edit: ['admin', 'office', 'office_lindian'],
  },
  {
    note: "sibling county 230621 project led by the unit user's unit",
    facts: project(SIBLING, 10, [], null),
    read: ['admin', 'office', 'leader', 'unit'],
    edit: ['admin', 'office', 'unit'],
  },
  {
    note: 'prefix trap 2306231 (not under 230623)',
    facts: project(TRAP, 50, [], 20),
    read: ['admin', 'office', 'leader', 'reporter'],
    edit: ['admin', 'office'],
  },
  {
    note: "another city's project the unit user's unit co-operates on and the reporter's unit owns",
    facts: project(OTHER_CITY, 11, [10], 20),
    read: ['admin', 'unit', 'reporter'],
    edit: ['admin'],
  },
  {
    note: 'a province-level project (above the city)',
    facts: project(PROVINCE, 11, [], null),
    read: ['admin'],
    edit: ['admin'],
  },
  {
    note: 'a project with no lead unit and no owner',
    facts: project(CITY, null, [], null),
    read: ['admin', 'office', 'leader'],
    edit: ['admin', 'office'],
  },
];

const cases = (pick: (r: Row) => readonly Who[]) => matrix<ProjectFacts, Row>(rows, pick);

describe('canReadProject: region roles their subtree, unit staff lead + co projects, reporters owned ones', () => {
  it.each(cases((r) => r.read))('%s: %s → %s', (_note, who, facts, expected) => {
    expect(canReadProject(actors[who], facts)).toBe(expected);
  });
});

describe('canEditProject: the office in its subtree and the lead unit, never co-units, leaders or reporters', () => {
  it.each(cases((r) => r.edit))('%s: %s → %s', (_note, who, facts, expected) => {
    expect(canEditProject(actors[who], facts)).toBe(expected);
  });
});

describe('canManageProject: the office over the region, and the admin', () => {
  const paths: [string, string, readonly Who[]][] = [
    ['city 230600', CITY, ['admin', 'office']],
    ['county 230623', LINDIAN, ['admin', 'office', 'office_lindian']],
    ['town under 230623', TOWN, ['admin', 'office', 'office_lindian']],
    ['sibling county 230621', SIBLING, ['admin', 'office']],
    ['prefix trap 2306231', TRAP, ['admin', 'office']],
    ["string prefix of 230623's path", '230000.230600.23062', ['admin', 'office']],
    ['another city', OTHER_CITY, ['admin']],
    ['the province (above the city office)', PROVINCE, ['admin']],
  ];
  const cases = paths.flatMap(([note, path, allow]) =>
    everyone.map((w) => [note, w, path, allow.includes(w)] as const),
  );
  it.each(cases)('%s: %s → %s', (_note, who, path, expected) => {
    expect(canManageProject(actors[who], path)).toBe(expected);
  });
});

describe('actors without a unit', () => {
  const unitless = actor(11, 'unit', CITY, null);
  const ownerless = actor(12, 'reporter', CITY, null);
  const orphan = project(CITY, null, [], null);

  it('a unit account with no unit reads and edits nothing, even projects with no lead unit', () => {
    expect(canReadProject(unitless, orphan)).toBe(false);
    expect(canEditProject(unitless, orphan)).toBe(false);
    expect(canReadProject(unitless, project(CITY, 10, [10], 10))).toBe(false);
  });

  it('a reporter with no unit reads nothing, even projects with no owner', () => {
    expect(canReadProject(ownerless, orphan)).toBe(false);
    expect(canEditProject(ownerless, orphan)).toBe(false);
  });
});

describe('consistency', () => {
  const paths = [PROVINCE, CITY, LINDIAN, TOWN, SIBLING, TRAP, OTHER_CITY];
  const unitIdArb = fc.option(fc.constantFrom(10, 11, 20, 30, 40, 50), { nil: null });
  const factsArb = fc.record({
    regionPath: fc.constantFrom(...paths),
    responsibleUnitId: unitIdArb,
    coUnitIds: fc.uniqueArray(fc.constantFrom(10, 11, 12, 20, 30, 40, 50), { maxLength: 3 }),
    ownerUnitId: unitIdArb,
  });

  it('whoever may edit a project may read it; whoever manages its region may edit it', () => {
    fc.assert(
      fc.property(factsArb, fc.constantFrom(...everyone), (facts, who) => {
        const a = actors[who];
        if (canEditProject(a, facts)) expect(canReadProject(a, facts)).toBe(true);
        if (canManageProject(a, facts.regionPath)) expect(canEditProject(a, facts)).toBe(true);
      }),
    );
  });

  it('leaders, reporters, inspectors and experts never edit or manage', () => {
    fc.assert(
      fc.property(
        factsArb,
        fc.constantFrom<Who>('leader', 'leader_lindian', 'reporter', 'inspector', 'expert'),
        (facts, who) => {
          expect(canEditProject(actors[who], facts)).toBe(false);
          expect(canManageProject(actors[who], facts.regionPath)).toBe(false);
        },
      ),
    );
  });

  it('inspectors and experts never read a project', () => {
    fc.assert(
      fc.property(factsArb, fc.constantFrom<Who>('inspector', 'expert'), (facts, who) => {
        expect(canReadProject(actors[who], facts)).toBe(false);
      }),
    );
  });
});
