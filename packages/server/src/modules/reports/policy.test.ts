/**
 * Table-driven tests of the monthly-report policies: every role against projects in and out of the
 * actor's region subtree, led by / co-operated on / owned by the actor's unit or not. Expectations
 * are written out by hand from DOMAIN §1 and §4 and the policy's header (the lead unit and the
 * owner's reporter fill the report, the office in its subtree may too; only the office verifies,
 * returns and amends; a co-unit reads the project but never files), not computed from the code
 * under test. Regions:
 *   230000 黑龙江省 ─ 230600 大庆市 ─ 230623 林甸县 ─ 230623100 林甸镇
 *                              └──── 230621 肇州县 (sibling county)
 *           └──── 230100 (another city)
 * plus the prefix trap '230000.230600.2306231', which is NOT under 230623.
 */
import fc from 'fast-check';
import type { Role } from '@ducha/contract';
import { describe, expect, it } from 'vitest';
import { canReadProject, type ProjectFacts } from '../projects/policy.ts';
import { canFileReport, canVerifyReport, mayRemindReports, seesOverdueReports } from './policy.ts';
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
  /** exactly these actors may fill and submit the month's report */
  file: readonly Who[];
  /** exactly these actors may verify, return and amend it */
  verify: readonly Who[];
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
    file: ['admin', 'office', 'unit', 'reporter'],
    verify: ['admin', 'office'],
  },
  {
    note: "city project the unit user's unit only co-operates on (reads it, never files)",
    facts: project(CITY, 11, [12, 10], null),
    file: ['admin', 'office'],
    verify: ['admin', 'office'],
  },
  {
    note: "city project the reporter's unit co-operates on, owned by another unit",
    facts: project(CITY, 11, [20], 21),
    file: ['admin', 'office'],
    verify: ['admin', 'office'],
  },
  {
    note: "city project neither led, co-operated on nor owned by the actors' units",
    facts: project(CITY, 11, [12], 21),
    file: ['admin', 'office'],
    verify: ['admin', 'office'],
  },
  {
    note: "city project led by the inspector's unit, owned by the expert's (they still file nothing)",
    facts: project(CITY, 30, [40], 40),
    file: ['admin', 'office'],
    verify: ['admin', 'office'],
  },
  {
    note: "city project led by the leader's unit (a leader never files)",
    facts: project(CITY, 4, [5], 4),
    file: ['admin', 'office'],
    verify: ['admin', 'office'],
  },
  {
    note: "city project led (not owned) by the reporter's unit: the reporter files for owners only",
    facts: project(CITY, 20, [], 11),
    file: ['admin', 'office'],
    verify: ['admin', 'office'],
  },
  {
    note: "city project owned by the unit user's unit (owning is the reporter's link, not the unit's)",
    facts: project(CITY, 11, [], 10),
    file: ['admin', 'office'],
    verify: ['admin', 'office'],
  },
  {
    note: "city project owned by the reporter's unit, the unit user's a co-unit",
    facts: project(CITY, 11, [10], 20),
    file: ['admin', 'office', 'reporter'],
    verify: ['admin', 'office'],
  },
  {
    note: "county 230623 project led by the unit user's unit, owned by the reporter's",
    facts: project(LINDIAN, 10, [], 20),
    file: ['admin', 'office', 'office_lindian', 'unit', 'reporter'],
    verify: ['admin', 'office', 'office_lindian'],
  },
  {
    note: 'town project under 230623',
    facts: project(TOWN, 50, [51], 52),
    file: ['admin', 'office', 'office_lindian'],
    verify: ['admin', 'office', 'office_lindian'],
  },
  {
    note: "sibling county 230621 project led by the unit user's unit",
    facts: project(SIBLING, 10, [], null),
    file: ['admin', 'office', 'unit'],
    verify: ['admin', 'office'],
  },
  {
    note: "prefix trap 2306231 (not under 230623), owned by the reporter's unit",
    facts: project(TRAP, 50, [], 20),
    file: ['admin', 'office', 'reporter'],
    verify: ['admin', 'office'],
  },
  {
    note: "prefix trap 2306231 project led by the unit user's unit",
    facts: project(TRAP, 10, [], null),
    file: ['admin', 'office', 'unit'],
    verify: ['admin', 'office'],
  },
  {
    note: "another city's project the unit user's unit co-operates on and the reporter's unit owns",
    facts: project(OTHER_CITY, 11, [10], 20),
    file: ['admin', 'reporter'],
    verify: ['admin'],
  },
  {
    note: "another city's project led by the unit user's unit",
    facts: project(OTHER_CITY, 10, [], null),
    file: ['admin', 'unit'],
    verify: ['admin'],
  },
  {
    note: 'a province-level project (above the city)',
    facts: project(PROVINCE, 11, [], null),
    file: ['admin'],
    verify: ['admin'],
  },
  {
    note: 'a city project with no lead unit and no owner',
    facts: project(CITY, null, [], null),
    file: ['admin', 'office'],
    verify: ['admin', 'office'],
  },
];

const cases = (pick: (r: Row) => readonly Who[]) => matrix<ProjectFacts, Row>(rows, pick);

describe("canFileReport: the lead unit, the owner's reporter and the office in its subtree; never a co-unit", () => {
  it.each(cases((r) => r.file))('%s: %s → %s', (_note, who, facts, expected) => {
    expect(canFileReport(actors[who], facts)).toBe(expected);
  });
});

describe('canVerifyReport: only the office over the region, and the admin', () => {
  it.each(cases((r) => r.verify))('%s: %s → %s', (_note, who, facts, expected) => {
    expect(canVerifyReport(actors[who], facts)).toBe(expected);
  });
});

describe('actors without a unit', () => {
  const unitless = actor(11, 'unit', CITY, null);
  const ownerless = actor(12, 'reporter', CITY, null);
  const orphan = project(CITY, null, [], null);

  it('a unit account with no unit files nothing, even on a project with no lead unit', () => {
    expect(canFileReport(unitless, orphan)).toBe(false);
    expect(canFileReport(unitless, project(CITY, 10, [10], 10))).toBe(false);
    expect(canVerifyReport(unitless, orphan)).toBe(false);
  });

  it('a reporter with no unit files nothing, even on a project with no owner', () => {
    expect(canFileReport(ownerless, orphan)).toBe(false);
    expect(canVerifyReport(ownerless, orphan)).toBe(false);
  });
});

describe('consistency', () => {
  const paths = [PROVINCE, CITY, LINDIAN, TOWN, SIBLING, TRAP, OTHER_CITY];
  const unitIdArb = fc.option(fc.constantFrom(4, 10, 11, 20, 30, 40, 50), { nil: null });
  const factsArb = fc.record({
    regionPath: fc.constantFrom(...paths),
    responsibleUnitId: unitIdArb,
    coUnitIds: fc.uniqueArray(fc.constantFrom(4, 10, 11, 12, 20, 30, 40, 50), { maxLength: 3 }),
    ownerUnitId: unitIdArb,
  });

  it('whoever verifies a report may file it; whoever files it may read the project', () => {
    fc.assert(
      fc.property(factsArb, fc.constantFrom(...everyone), (facts, who) => {
        const a = actors[who];
        if (canVerifyReport(a, facts)) expect(canFileReport(a, facts)).toBe(true);
        if (canFileReport(a, facts)) expect(canReadProject(a, facts)).toBe(true);
      }),
    );
  });

  it('leaders, inspectors and experts never file or verify; units and reporters never verify', () => {
    fc.assert(
      fc.property(
        factsArb,
        fc.constantFrom<Who>('leader', 'leader_lindian', 'inspector', 'expert'),
        (facts, who) => {
          expect(canFileReport(actors[who], facts)).toBe(false);
          expect(canVerifyReport(actors[who], facts)).toBe(false);
        },
      ),
    );
    fc.assert(
      fc.property(factsArb, fc.constantFrom<Who>('unit', 'reporter'), (facts, who) => {
        expect(canVerifyReport(actors[who], facts)).toBe(false);
      }),
    );
  });

  it('a co-unit never files, though it reads the project', () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        const f = {
          ...facts,
          responsibleUnitId: facts.responsibleUnitId === 10 ? 11 : facts.responsibleUnitId,
          coUnitIds: facts.coUnitIds.includes(10) ? facts.coUnitIds : [...facts.coUnitIds, 10],
        };
        expect(canReadProject(actors.unit, f)).toBe(true);
        expect(canFileReport(actors.unit, f)).toBe(false);
      }),
    );
  });

  it('no office outside the project’s region verifies, and a unit or reporter whose unit is unrelated never files', () => {
    fc.assert(
      fc.property(factsArb, fc.constantFrom<Role>('unit', 'reporter'), (facts, role) => {
        expect(canFileReport(actor(13, role, CITY, 99), facts)).toBe(false);
      }),
    );
    for (const path of [PROVINCE, CITY, SIBLING, TRAP, OTHER_CITY]) {
      expect(canVerifyReport(actors.office_lindian, project(path, 10, [], 20))).toBe(false);
      expect(canFileReport(actors.office_lindian, project(path, 10, [], 20))).toBe(false);
    }
  });
});

describe('催报 and the overdue list: the office sends, the office and leaders see', () => {
  // per project, a reminder also needs canVerifyReport (the office over the project's region)
  const send: readonly Who[] = ['admin', 'office', 'office_lindian'];
  const see: readonly Who[] = ['admin', 'office', 'office_lindian', 'leader', 'leader_lindian'];
  it.each(everyone.map((w) => [w, send.includes(w)] as const))('mayRemindReports: %s → %s', (w, expected) => {
    expect(mayRemindReports(actors[w])).toBe(expected);
  });
  it.each(everyone.map((w) => [w, see.includes(w)] as const))(
    'seesOverdueReports: %s → %s',
    (w, expected) => {
      expect(seesOverdueReports(actors[w])).toBe(expected);
    },
  );
});
