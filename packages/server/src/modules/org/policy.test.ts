/**
 * Table-driven tests of the organisation policies: every policy function against every role, with
 * records in and out of the actor's region subtree, in and out of the actor's unit, and the actor's
 * own person record. Expectations are written out by hand from DOMAIN §1-2 (who sees what), not
 * computed from the code under test. The region tree follows the demo city:
 *   230000 黑龙江省 ─ 230600 大庆市 ─ 230623 林甸县 ─ 230623100 林甸镇
 *                              └──── 230621 肇州县 (sibling county)
 *           └──── 230100 (another city)
 * plus a prefix trap '230000.230600.2306231', which is NOT under 230623 (a string prefix, not a path).
 */
import fc from 'fast-check';
import type { Role } from '@ducha/contract';
import { describe, expect, it } from 'vitest';
import {
  canCreateUnit,
  canReadPerson,
  canReadPosition,
  canReadRegion,
  canReadUnit,
  canReadUser,
  canWritePerson,
  canWritePosition,
  canWriteRegion,
  canWriteUnit,
  canWriteUser,
  type PersonFacts,
  type PositionFacts,
  type UnitFacts,
  type UserFacts,
} from './policy.ts';
import {
  CITY,
  LINDIAN,
  OTHER_CITY,
  PROVINCE,
  SIBLING,
  TOWN,
  TRAP,
  actor,
  matrix,
} from '../../../test/actors.ts';

// Unit ids: 10 the unit user's unit, 20 the reporter's, 30 the inspector's, 40 the expert's.
const actors = {
  admin: actor(1, 'admin', '', 1, 101),
  office: actor(2, 'office', CITY, 2, 102),
  office_lindian: actor(3, 'office', LINDIAN, 3, 103),
  leader: actor(4, 'leader', CITY, 4, 104),
  leader_lindian: actor(5, 'leader', LINDIAN, 5, 105),
  unit: actor(6, 'unit', CITY, 10, 106),
  reporter: actor(7, 'reporter', CITY, 20, 107),
  inspector: actor(8, 'inspector', CITY, 30, 108),
  expert: actor(9, 'expert', CITY, 40, 109),
};
type Who = keyof typeof actors;
const everyone = Object.keys(actors) as Who[];

interface Row<F> {
  note: string;
  facts: F;
  /** Exactly these actors are allowed; every other one is refused. */
  allow: readonly Who[];
}

/** Expands each row into one case per actor, so a failure names the actor and the record. */
const cases = <F>(rows: Row<F>[]) => matrix<F, Row<F>, Who>(rows, (r) => r.allow, everyone);

describe('canReadRegion: own subtree plus the ancestors (so the tree has its root)', () => {
  const rows: Row<string>[] = [
    { note: 'province 230000 (ancestor of every demo user)', facts: PROVINCE, allow: everyone },
    { note: 'city 230600', facts: CITY, allow: everyone },
    { note: 'county 230623', facts: LINDIAN, allow: everyone },
    { note: 'town under 230623', facts: TOWN, allow: everyone },
    {
      note: 'sibling county 230621',
      facts: SIBLING,
      allow: everyone.filter((w) => w !== 'office_lindian' && w !== 'leader_lindian'),
    },
    {
      note: 'prefix trap 2306231',
      facts: TRAP,
      allow: everyone.filter((w) => w !== 'office_lindian' && w !== 'leader_lindian'),
    },
    { note: 'another city 230100', facts: OTHER_CITY, allow: ['admin'] },
    {
      note: "string prefix of 230623's path, not an ancestor",
      facts: '230000.230600.23062',
      allow: everyone.filter((w) => w !== 'office_lindian' && w !== 'leader_lindian'),
    },
    { note: "string prefix of 230600's path, not an ancestor", facts: '230000.2306', allow: ['admin'] },
  ];
  it.each(cases(rows))('%s: %s → %s', (_note, who, path, expected) => {
    expect(canReadRegion(actors[who], path)).toBe(expected);
  });
});

describe('canWriteRegion: the region tree is the administrator’s', () => {
  it.each(everyone.map((w) => [w, w === 'admin'] as const))('%s → %s', (who, expected) => {
    expect(canWriteRegion(actors[who])).toBe(expected);
  });
});

const units = {
  unitOwn: { id: 10, regionPath: CITY }, // the unit user's unit
  cityOther: { id: 11, regionPath: CITY },
  reporterUnit: { id: 20, regionPath: CITY },
  inspectorUnit: { id: 30, regionPath: CITY },
  lindian: { id: 50, regionPath: LINDIAN },
  town: { id: 51, regionPath: TOWN },
  sibling: { id: 52, regionPath: SIBLING },
  trap: { id: 53, regionPath: TRAP },
  otherCity: { id: 54, regionPath: OTHER_CITY },
  province: { id: 55, regionPath: PROVINCE },
} satisfies Record<string, UnitFacts>;

describe('canReadUnit: region roles their subtree, unit staff and own-scope roles their own unit', () => {
  const rows: Row<UnitFacts>[] = [
    {
      note: "the unit user's unit (city)",
      facts: units.unitOwn,
      allow: ['admin', 'office', 'leader', 'unit'],
    },
    { note: 'another city unit', facts: units.cityOther, allow: ['admin', 'office', 'leader'] },
    {
      note: "the reporter's unit (city)",
      facts: units.reporterUnit,
      allow: ['admin', 'office', 'leader', 'reporter'],
    },
    {
      note: "the inspector's unit (city)",
      facts: units.inspectorUnit,
      allow: ['admin', 'office', 'leader', 'inspector'],
    },
    {
      note: 'county 230623 unit',
      facts: units.lindian,
      allow: ['admin', 'office', 'office_lindian', 'leader', 'leader_lindian'],
    },
    {
      note: 'town unit under 230623',
      facts: units.town,
      allow: ['admin', 'office', 'office_lindian', 'leader', 'leader_lindian'],
    },
    { note: 'sibling county 230621 unit', facts: units.sibling, allow: ['admin', 'office', 'leader'] },
    { note: 'prefix-trap unit', facts: units.trap, allow: ['admin', 'office', 'leader'] },
    { note: 'another city unit (230100)', facts: units.otherCity, allow: ['admin'] },
    { note: 'province-level unit (an ancestor region)', facts: units.province, allow: ['admin'] },
  ];
  it.each(cases(rows))('%s: %s → %s', (_note, who, facts, expected) => {
    expect(canReadUnit(actors[who], facts)).toBe(expected);
  });
});

describe('canCreateUnit: admin, or an office over the region', () => {
  const rows: Row<string>[] = [
    { note: 'city 230600', facts: CITY, allow: ['admin', 'office'] },
    { note: 'county 230623', facts: LINDIAN, allow: ['admin', 'office', 'office_lindian'] },
    { note: 'town under 230623', facts: TOWN, allow: ['admin', 'office', 'office_lindian'] },
    { note: 'sibling county 230621', facts: SIBLING, allow: ['admin', 'office'] },
    { note: 'prefix trap', facts: TRAP, allow: ['admin', 'office'] },
    { note: 'another city', facts: OTHER_CITY, allow: ['admin'] },
    { note: 'the province (above the city office)', facts: PROVINCE, allow: ['admin'] },
  ];
  it.each(cases(rows))('%s: %s → %s', (_note, who, path, expected) => {
    expect(canCreateUnit(actors[who], path)).toBe(expected);
  });
});

describe('canWriteUnit: admin, the office over it, or the unit’s own staff', () => {
  const rows: Row<UnitFacts>[] = [
    { note: "the unit user's unit", facts: units.unitOwn, allow: ['admin', 'office', 'unit'] },
    { note: 'another city unit', facts: units.cityOther, allow: ['admin', 'office'] },
    {
      note: "the reporter's own unit (reporters never edit units)",
      facts: units.reporterUnit,
      allow: ['admin', 'office'],
    },
    { note: 'county 230623 unit', facts: units.lindian, allow: ['admin', 'office', 'office_lindian'] },
    { note: 'town unit under 230623', facts: units.town, allow: ['admin', 'office', 'office_lindian'] },
    { note: 'sibling county unit', facts: units.sibling, allow: ['admin', 'office'] },
    { note: 'prefix-trap unit', facts: units.trap, allow: ['admin', 'office'] },
    { note: 'another city', facts: units.otherCity, allow: ['admin'] },
  ];
  it.each(cases(rows))('%s: %s → %s', (_note, who, facts, expected) => {
    expect(canWriteUnit(actors[who], facts)).toBe(expected);
  });
});

const people = {
  unitUserSelf: { id: 106, unitId: 10, regionPath: CITY },
  unitColleague: { id: 60, unitId: 10, regionPath: CITY },
  reporterSelf: { id: 107, unitId: 20, regionPath: CITY },
  reporterColleague: { id: 61, unitId: 20, regionPath: CITY },
  lindian: { id: 62, unitId: 50, regionPath: LINDIAN },
  sibling: { id: 63, unitId: 52, regionPath: SIBLING },
  trap: { id: 64, unitId: 53, regionPath: TRAP },
  noUnit: { id: 65, unitId: null, regionPath: null },
  otherCity: { id: 66, unitId: 54, regionPath: OTHER_CITY },
} satisfies Record<string, PersonFacts>;

describe('canReadPerson', () => {
  const rows: Row<PersonFacts>[] = [
    {
      note: "the unit user's own person",
      facts: people.unitUserSelf,
      allow: ['admin', 'office', 'leader', 'unit'],
    },
    {
      note: "a colleague in the unit user's unit",
      facts: people.unitColleague,
      allow: ['admin', 'office', 'leader', 'unit'],
    },
    {
      note: "the reporter's own person",
      facts: people.reporterSelf,
      allow: ['admin', 'office', 'leader', 'reporter'],
    },
    {
      note: "the reporter's colleague (own scope: not theirs)",
      facts: people.reporterColleague,
      allow: ['admin', 'office', 'leader'],
    },
    {
      note: 'a person of a 230623 unit',
      facts: people.lindian,
      allow: ['admin', 'office', 'office_lindian', 'leader', 'leader_lindian'],
    },
    {
      note: 'a person of a sibling-county unit',
      facts: people.sibling,
      allow: ['admin', 'office', 'leader'],
    },
    { note: 'a person of a prefix-trap unit', facts: people.trap, allow: ['admin', 'office', 'leader'] },
    { note: 'a person with no unit', facts: people.noUnit, allow: ['admin'] },
    { note: 'a person in another city', facts: people.otherCity, allow: ['admin'] },
  ];
  it.each(cases(rows))('%s: %s → %s', (_note, who, facts, expected) => {
    expect(canReadPerson(actors[who], facts)).toBe(expected);
  });

  it('unit staff without a unit do not match people without a unit (null is not a match)', () => {
    const unitless = actor(70, 'unit', CITY, null, null);
    expect(canReadPerson(unitless, people.noUnit)).toBe(false);
    expect(canWritePerson(unitless, people.noUnit)).toBe(false);
  });
  it('an own-scope actor without a person record sees nobody', () => {
    const personless = actor(71, 'reporter', CITY, 20, null);
    expect(Object.values(people).some((p) => canReadPerson(personless, p))).toBe(false);
  });
});

describe('canWritePerson: admin, the office over it, or staff of the same unit', () => {
  const rows: Row<Omit<PersonFacts, 'id'>>[] = [
    {
      note: "a person of the unit user's unit",
      facts: people.unitColleague,
      allow: ['admin', 'office', 'unit'],
    },
    {
      note: "the reporter's own person (reporters do not edit people)",
      facts: people.reporterSelf,
      allow: ['admin', 'office'],
    },
    {
      note: 'a person of a 230623 unit',
      facts: people.lindian,
      allow: ['admin', 'office', 'office_lindian'],
    },
    { note: 'a person of a sibling-county unit', facts: people.sibling, allow: ['admin', 'office'] },
    { note: 'a person of a prefix-trap unit', facts: people.trap, allow: ['admin', 'office'] },
    { note: 'a person with no unit', facts: people.noUnit, allow: ['admin'] },
    { note: 'a person in another city', facts: people.otherCity, allow: ['admin'] },
  ];
  it.each(cases(rows))('%s: %s → %s', (_note, who, facts, expected) => {
    expect(canWritePerson(actors[who], facts)).toBe(expected);
  });
});

describe('positions: read by region roles and the unit itself; written only by admin and office', () => {
  const positions = {
    unitOwn: { unitId: 10, regionPath: CITY },
    reporterUnit: { unitId: 20, regionPath: CITY },
    lindian: { unitId: 50, regionPath: LINDIAN },
    town: { unitId: 51, regionPath: TOWN },
    sibling: { unitId: 52, regionPath: SIBLING },
    trap: { unitId: 53, regionPath: TRAP },
    otherCity: { unitId: 54, regionPath: OTHER_CITY },
  } satisfies Record<string, PositionFacts>;

  const read: Row<PositionFacts>[] = [
    {
      note: "a position of the unit user's unit",
      facts: positions.unitOwn,
      allow: ['admin', 'office', 'leader', 'unit'],
    },
    {
      note: "a position of the reporter's unit (own scope sees no positions)",
      facts: positions.reporterUnit,
      allow: ['admin', 'office', 'leader'],
    },
    {
      note: 'a 230623 position',
      facts: positions.lindian,
      allow: ['admin', 'office', 'office_lindian', 'leader', 'leader_lindian'],
    },
    {
      note: 'a town position under 230623',
      facts: positions.town,
      allow: ['admin', 'office', 'office_lindian', 'leader', 'leader_lindian'],
    },
    { note: 'a sibling-county position', facts: positions.sibling, allow: ['admin', 'office', 'leader'] },
    { note: 'a prefix-trap position', facts: positions.trap, allow: ['admin', 'office', 'leader'] },
    { note: 'another city', facts: positions.otherCity, allow: ['admin'] },
  ];
  it.each(cases(read))('canReadPosition %s: %s → %s', (_note, who, facts, expected) => {
    expect(canReadPosition(actors[who], facts)).toBe(expected);
  });

  const write: Row<PositionFacts>[] = [
    {
      note: "a position of the unit user's unit (unit staff cannot change holders)",
      facts: positions.unitOwn,
      allow: ['admin', 'office'],
    },
    { note: 'a 230623 position', facts: positions.lindian, allow: ['admin', 'office', 'office_lindian'] },
    {
      note: 'a town position under 230623',
      facts: positions.town,
      allow: ['admin', 'office', 'office_lindian'],
    },
    { note: 'a sibling-county position', facts: positions.sibling, allow: ['admin', 'office'] },
    { note: 'a prefix-trap position', facts: positions.trap, allow: ['admin', 'office'] },
    { note: 'another city', facts: positions.otherCity, allow: ['admin'] },
  ];
  it.each(cases(write))('canWritePosition %s: %s → %s', (_note, who, facts, expected) => {
    expect(canWritePosition(actors[who], facts)).toBe(expected);
  });
});

describe('canReadUser: admin, oneself, or the office over the account’s region', () => {
  const rows: Row<UserFacts>[] = [
    {
      note: 'the office user itself',
      facts: { id: 2, role: 'office', regionPath: CITY },
      allow: ['admin', 'office'],
    },
    {
      note: 'the reporter itself',
      facts: { id: 7, role: 'reporter', regionPath: CITY },
      allow: ['admin', 'office', 'reporter'],
    },
    {
      note: 'the leader itself',
      facts: { id: 4, role: 'leader', regionPath: CITY },
      allow: ['admin', 'office', 'leader'],
    },
    {
      note: 'another city reporter account',
      facts: { id: 200, role: 'reporter', regionPath: CITY },
      allow: ['admin', 'office'],
    },
    {
      note: 'a 230623 unit account',
      facts: { id: 201, role: 'unit', regionPath: LINDIAN },
      allow: ['admin', 'office', 'office_lindian'],
    },
    {
      note: 'a sibling-county account',
      facts: { id: 202, role: 'unit', regionPath: SIBLING },
      allow: ['admin', 'office'],
    },
    {
      note: 'a prefix-trap account',
      facts: { id: 203, role: 'unit', regionPath: TRAP },
      allow: ['admin', 'office'],
    },
    {
      note: 'an account in another city',
      facts: { id: 204, role: 'unit', regionPath: OTHER_CITY },
      allow: ['admin'],
    },
    {
      note: 'another admin (no region)',
      facts: { id: 205, role: 'admin', regionPath: '' },
      allow: ['admin'],
    },
  ];
  it.each(cases(rows))('%s: %s → %s', (_note, who, facts, expected) => {
    expect(canReadUser(actors[who], facts)).toBe(expected);
  });
});

describe('canWriteUser: offices manage unit/reporter/inspector/expert accounts in their subtree only', () => {
  const managed: Role[] = ['unit', 'reporter', 'inspector', 'expert'];
  const reserved: Role[] = ['admin', 'office', 'leader'];
  const regions: [string, string, readonly Who[]][] = [
    ['city 230600', CITY, ['admin', 'office']],
    ['county 230623', LINDIAN, ['admin', 'office', 'office_lindian']],
    ['town under 230623', TOWN, ['admin', 'office', 'office_lindian']],
    ['sibling county 230621', SIBLING, ['admin', 'office']],
    ['prefix trap', TRAP, ['admin', 'office']],
    ['another city', OTHER_CITY, ['admin']],
    ['the province', PROVINCE, ['admin']],
  ];
  const rows: Row<Omit<UserFacts, 'id'>>[] = [
    ...managed.flatMap((role) =>
      regions.map(([note, regionPath, allow]) => ({
        note: `${role} account in ${note}`,
        facts: { role, regionPath },
        allow,
      })),
    ),
    // admin, office and leader accounts are the administrator's, wherever they are
    ...reserved.flatMap((role) =>
      regions.map(([note, regionPath]) => ({
        note: `${role} account in ${note}`,
        facts: { role, regionPath },
        allow: ['admin'] as const,
      })),
    ),
  ];
  it.each(cases(rows))('%s: %s → %s', (_note, who, facts, expected) => {
    expect(canWriteUser(actors[who], facts)).toBe(expected);
  });
});

describe('properties', () => {
  // Segments chosen so that string prefixes collide often: 230623 vs 2306231 vs 23062.
  const segment = fc.constantFrom(
    '230000',
    '230600',
    '2306',
    '230623',
    '2306231',
    '23062',
    '230621',
    '230623100',
  );
  const pathArb = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join('.'));
  const isUnder = (path: string, root: string) => {
    const p = path.split('.');
    const r = root.split('.');
    return r.length <= p.length && r.every((seg, i) => p[i] === seg);
  };

  it('an office reaches a record exactly when its region path is a segment-wise prefix of the record’s', () => {
    fc.assert(
      fc.property(pathArb, pathArb, fc.integer({ min: 1, max: 99 }), (officePath, recordPath, id) => {
        const office = actor(2, 'office', officePath, 2, 102);
        const expected = isUnder(recordPath, officePath);
        expect(canReadUnit(office, { id, regionPath: recordPath })).toBe(expected);
        expect(canWriteUnit(office, { id, regionPath: recordPath })).toBe(expected);
        expect(canWritePosition(office, { unitId: id, regionPath: recordPath })).toBe(expected);
        expect(canWriteUser(office, { role: 'reporter', regionPath: recordPath })).toBe(expected);
        expect(canReadRegion(office, recordPath)).toBe(expected || isUnder(officePath, recordPath));
      }),
    );
  });

  it('whoever may write a record may also read it', () => {
    const roleArb = fc.constantFrom<Role>(
      'admin',
      'office',
      'leader',
      'unit',
      'reporter',
      'inspector',
      'expert',
    );
    const small = fc.integer({ min: 1, max: 4 });
    fc.assert(
      fc.property(
        roleArb,
        pathArb,
        small,
        small,
        roleArb,
        pathArb,
        small,
        small,
        (role, aPath, aUnit, aPerson, tRole, path, unitId, personId) => {
          const a = actor(aPerson, role, role === 'admin' ? '' : aPath, aUnit, aPerson);
          if (canWriteUnit(a, { id: unitId, regionPath: path }))
            expect(canReadUnit(a, { id: unitId, regionPath: path })).toBe(true);
          if (canWritePerson(a, { unitId, regionPath: path }))
            expect(canReadPerson(a, { id: personId, unitId, regionPath: path })).toBe(true);
          if (canWritePosition(a, { unitId, regionPath: path }))
            expect(canReadPosition(a, { unitId, regionPath: path })).toBe(true);
          if (canWriteUser(a, { role: tRole, regionPath: path }))
            expect(canReadUser(a, { id: personId, role: tRole, regionPath: path })).toBe(true);
        },
      ),
    );
  });
});
