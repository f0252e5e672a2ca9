/**
 * Table-driven tests of the item policies: every role against items in and out of the actor's region
 * subtree, handled by / co-operated on / raised by the actor's unit or not, on projects the
 * reporter's unit owns or not. Expectations are written out by hand from DOMAIN §1 and §6 and the
 * policy's header (offices and leaders their subtree; a unit its items as lead, co-unit or raiser,
 * but only the lead unit is "responsible"; a reporter what it raised, what its unit must handle and
 * items on projects its unit owns; inspectors and experts what they raised), not computed from the
 * code under test. Regions:
 *   230000 黑龙江省 ─ 230600 大庆市 ─ 230623 林甸县 ─ 230623100 林甸镇
 *                              └──── 230621 肇州县 (sibling county)
 *           └──── 230100 (another city)
 * plus the prefix trap '230000.230600.2306231', which is NOT under 230623.
 */
import fc from 'fast-check';
import type { ItemKind, Role } from '@ducha/contract';
import { describe, expect, it } from 'vitest';
import { canPlaceItem, canRaise, canReadItem, standing, type ItemFacts } from './policy.ts';
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
} from '../../../test/actors.ts';

// User ids 1-9 as listed. Unit ids: 10 the unit user's unit, 20 the reporter's, 30 the inspector's,
// 40 the expert's; the offices and leaders sit in units 2-5; 11, 12, 21, 50-52 are nobody's here.

const item = (
  regionPath: string,
  responsibleUnitId: number | null,
  coUnitIds: number[],
  raisedBy: number | null,
  raisedByUnitId: number | null,
  projectOwnerUnitId: number | null,
): ItemFacts => ({ regionPath, responsibleUnitId, coUnitIds, raisedBy, raisedByUnitId, projectOwnerUnitId });

interface Row {
  note: string;
  facts: ItemFacts;
  /** exactly these actors may read; every other one is refused */
  read: readonly Who[];
  /** standing: exactly these are the office over the item (admin, or an office whose subtree holds it) */
  office: readonly Who[];
  /** … a leader whose subtree holds it */
  leader: readonly Who[];
  /** … staff of the responsible (lead) unit: never a co-unit */
  responsible: readonly Who[];
  /** … the user who raised it */
  raiser: readonly Who[];
}

const rows: Row[] = [
  {
    note: "city item the unit user's unit must handle, on a project the reporter's unit owns, raised by the office",
    facts: item(CITY, 10, [], 2, 2, 20),
    read: ['admin', 'office', 'leader', 'unit', 'reporter'],
    office: ['admin', 'office'],
    leader: ['leader'],
    responsible: ['unit'],
    raiser: ['office'],
  },
  {
    note: "city item the unit user's unit only co-operates on (reads, is not responsible)",
    facts: item(CITY, 11, [12, 10], 2, 2, null),
    read: ['admin', 'office', 'leader', 'unit'],
    office: ['admin', 'office'],
    leader: ['leader'],
    responsible: [],
    raiser: ['office'],
  },
  {
    note: "city item of another unit, not involving the unit user's unit at all",
    facts: item(CITY, 11, [12], 2, 2, null),
    read: ['admin', 'office', 'leader'],
    office: ['admin', 'office'],
    leader: ['leader'],
    responsible: [],
    raiser: ['office'],
  },
  {
    note: "city item the reporter's unit must handle, on a project it does not own",
    facts: item(CITY, 20, [], 2, 2, 21),
    read: ['admin', 'office', 'leader', 'reporter'],
    office: ['admin', 'office'],
    leader: ['leader'],
    responsible: ['reporter'],
    raiser: ['office'],
  },
  {
    note: "city item the reporter's unit only co-operates on, on a project it does not own",
    facts: item(CITY, 11, [20], 2, 2, 21),
    read: ['admin', 'office', 'leader'],
    office: ['admin', 'office'],
    leader: ['leader'],
    responsible: [],
    raiser: ['office'],
  },
  {
    note: "city item on the reporter's unit's project, handled by another unit",
    facts: item(CITY, 11, [12], 2, 2, 20),
    read: ['admin', 'office', 'leader', 'reporter'],
    office: ['admin', 'office'],
    leader: ['leader'],
    responsible: [],
    raiser: ['office'],
  },
  {
    note: "city item on a project the unit user's unit owns (owning is the reporter's link, not the unit's)",
    facts: item(CITY, 11, [], 2, 2, 10),
    read: ['admin', 'office', 'leader'],
    office: ['admin', 'office'],
    leader: ['leader'],
    responsible: [],
    raiser: ['office'],
  },
  {
    note: 'city item raised by the unit user, handled by another unit',
    facts: item(CITY, 11, [], 6, 10, null),
    read: ['admin', 'office', 'leader', 'unit'],
    office: ['admin', 'office'],
    leader: ['leader'],
    responsible: [],
    raiser: ['unit'],
  },
  {
    note: "city item raised by a colleague in the unit user's unit (the unit reads it, the user is not its raiser)",
    facts: item(CITY, 11, [], 60, 10, null),
    read: ['admin', 'office', 'leader', 'unit'],
    office: ['admin', 'office'],
    leader: ['leader'],
    responsible: [],
    raiser: [],
  },
  {
    note: 'city item the unit user raised for its own unit (raiser and responsible at once)',
    facts: item(CITY, 10, [], 6, 10, null),
    read: ['admin', 'office', 'leader', 'unit'],
    office: ['admin', 'office'],
    leader: ['leader'],
    responsible: ['unit'],
    raiser: ['unit'],
  },
  {
    note: "city item the reporter raised on its unit's project, handled by the unit user's unit",
    facts: item(CITY, 10, [], 7, 20, 20),
    read: ['admin', 'office', 'leader', 'unit', 'reporter'],
    office: ['admin', 'office'],
    leader: ['leader'],
    responsible: ['unit'],
    raiser: ['reporter'],
  },
  {
    note: 'city item the reporter raised on a project its unit no longer owns (it still reads what it raised)',
    facts: item(CITY, 11, [], 7, 20, 21),
    read: ['admin', 'office', 'leader', 'reporter'],
    office: ['admin', 'office'],
    leader: ['leader'],
    responsible: [],
    raiser: ['reporter'],
  },
  {
    note: "a leader's instruction to the unit user's unit",
    facts: item(CITY, 10, [11], 4, 4, null),
    read: ['admin', 'office', 'leader', 'unit'],
    office: ['admin', 'office'],
    leader: ['leader'],
    responsible: ['unit'],
    raiser: ['leader'],
  },
  {
    note: "the inspector's own rectification, not yet assigned",
    facts: item(CITY, null, [], 8, null, null),
    read: ['admin', 'office', 'leader', 'inspector'],
    office: ['admin', 'office'],
    leader: ['leader'],
    responsible: [],
    raiser: ['inspector'],
  },
  {
    note: "an item the expert raised (an expert's own record)",
    facts: item(CITY, 11, [], 9, 40, null),
    read: ['admin', 'office', 'leader', 'expert'],
    office: ['admin', 'office'],
    leader: ['leader'],
    responsible: [],
    raiser: ['expert'],
  },
  {
    note: "item handled by the inspector's unit, co-unit the expert's, on a project the expert's unit owns (they see nothing)",
    facts: item(CITY, 30, [40], 2, 2, 40),
    read: ['admin', 'office', 'leader'],
    office: ['admin', 'office'],
    leader: ['leader'],
    responsible: [],
    raiser: ['office'],
  },
  {
    note: "county 230623 item the unit user's unit must handle, on the reporter's unit's project, raised by the county office",
    facts: item(LINDIAN, 10, [], 3, 3, 20),
    read: ['admin', 'office', 'office_lindian', 'leader', 'leader_lindian', 'unit', 'reporter'],
    office: ['admin', 'office', 'office_lindian'],
    leader: ['leader', 'leader_lindian'],
    responsible: ['unit'],
    raiser: ['office_lindian'],
  },
  {
    note: 'town item under 230623',
    facts: item(TOWN, 50, [51], 3, 3, 52),
    read: ['admin', 'office', 'office_lindian', 'leader', 'leader_lindian'],
    office: ['admin', 'office', 'office_lindian'],
    leader: ['leader', 'leader_lindian'],
    responsible: [],
    raiser: ['office_lindian'],
  },
  {
    note: "sibling county 230621 item the unit user's unit must handle",
    facts: item(SIBLING, 10, [], 2, 2, null),
    read: ['admin', 'office', 'leader', 'unit'],
    office: ['admin', 'office'],
    leader: ['leader'],
    responsible: ['unit'],
    raiser: ['office'],
  },
  {
    note: "prefix trap 2306231 (not under 230623), on the reporter's unit's project",
    facts: item(TRAP, 50, [], 2, 2, 20),
    read: ['admin', 'office', 'leader', 'reporter'],
    office: ['admin', 'office'],
    leader: ['leader'],
    responsible: [],
    raiser: ['office'],
  },
  {
    note: "prefix trap 2306231 item the unit user's unit co-operates on",
    facts: item(TRAP, 50, [10], 2, 2, null),
    read: ['admin', 'office', 'leader', 'unit'],
    office: ['admin', 'office'],
    leader: ['leader'],
    responsible: [],
    raiser: ['office'],
  },
  {
    note: "another city's item the reporter's unit must handle and the unit user's unit co-operates on",
    facts: item(OTHER_CITY, 20, [10], 1, 1, null),
    read: ['admin', 'unit', 'reporter'],
    office: ['admin'],
    leader: [],
    responsible: ['reporter'],
    raiser: ['admin'],
  },
  {
    note: "another city's item the unit user's unit must handle",
    facts: item(OTHER_CITY, 10, [], 1, 1, null),
    read: ['admin', 'unit'],
    office: ['admin'],
    leader: [],
    responsible: ['unit'],
    raiser: ['admin'],
  },
  {
    note: 'a province-level item (above the city)',
    facts: item(PROVINCE, 11, [], 1, 1, null),
    read: ['admin'],
    office: ['admin'],
    leader: [],
    responsible: [],
    raiser: ['admin'],
  },
  {
    note: 'a new city item with no responsible unit, no project, raised by the office',
    facts: item(CITY, null, [], 2, 2, null),
    read: ['admin', 'office', 'leader'],
    office: ['admin', 'office'],
    leader: ['leader'],
    responsible: [],
    raiser: ['office'],
  },
];

function cases<T>(pick: (r: Row, w: Who) => T): [string, Who, ItemFacts, T][] {
  return rows.flatMap((r) =>
    everyone.map((w) => [r.note, w, r.facts, pick(r, w)] as [string, Who, ItemFacts, T]),
  );
}

describe('canReadItem: region roles their subtree, units as lead/co/raiser, reporters raised + handled + owned', () => {
  it.each(cases((r, w) => r.read.includes(w)))('%s: %s → %s', (_note, who, facts, expected) => {
    expect(canReadItem(actors[who], facts)).toBe(expected);
  });
});

describe('standing: the office manages, the leader only reads and reminds, only the lead unit is responsible', () => {
  it.each(
    cases((r, w) => ({
      role: actors[w].role,
      office: r.office.includes(w),
      leader: r.leader.includes(w),
      responsible: r.responsible.includes(w),
      raiser: r.raiser.includes(w),
    })),
  )('%s: %s → %o', (_note, who, facts, expected) => {
    expect(standing(actors[who], facts)).toEqual(expected);
  });
});

describe('canRaise: problems by whoever works on projects, instructions by leaders, decisions by the office', () => {
  // [kind, with a project, without a project]
  const kinds: [ItemKind, readonly Who[], readonly Who[]][] = [
    [
      'problem',
      // the inspector: on its inspection groups' projects (its account has no item.write of its own)
      ['admin', 'office', 'office_lindian', 'leader', 'leader_lindian', 'unit', 'reporter', 'inspector'],
      ['admin', 'office', 'office_lindian', 'leader', 'leader_lindian', 'unit'],
    ],
    [
      'instruction',
      ['admin', 'office', 'office_lindian', 'leader', 'leader_lindian'],
      ['admin', 'office', 'office_lindian', 'leader', 'leader_lindian'],
    ],
    ['decision', ['admin', 'office', 'office_lindian'], ['admin', 'office', 'office_lindian']],
    ['rectification', ['admin', 'office', 'office_lindian'], ['admin', 'office', 'office_lindian']],
  ];
  const raiseCases = kinds.flatMap(([kind, withProject, without]) =>
    everyone.flatMap((w) => [
      [kind, 'with a project', w, true, withProject.includes(w)] as const,
      [kind, 'without a project', w, false, without.includes(w)] as const,
    ]),
  );
  it.each(raiseCases)('%s %s: %s → %s', (kind, _note, who, withProject, expected) => {
    expect(canRaise(actors[who], kind, withProject)).toBe(expected);
  });
});

describe('actors without a unit', () => {
  const unitless = actor(11, 'unit', CITY, null);
  const ownerless = actor(12, 'reporter', CITY, null);
  const orphan = item(CITY, null, [], 2, null, null);

  it('a unit account with no unit reads nothing and is never responsible, even where units are null', () => {
    expect(canReadItem(unitless, orphan)).toBe(false);
    expect(standing(unitless, orphan).responsible).toBe(false);
    expect(canReadItem(unitless, item(CITY, 10, [10], 2, 10, 10))).toBe(false);
    // a unit reads what its unit raised; an account without a unit has no unit to have raised it
    expect(canReadItem(unitless, item(CITY, null, [], 11, null, null))).toBe(false);
    expect(standing(unitless, item(CITY, null, [], 11, null, null)).raiser).toBe(true);
  });

  it('a reporter with no unit reads only what it raised, and is never responsible', () => {
    expect(canReadItem(ownerless, orphan)).toBe(false);
    expect(standing(ownerless, orphan).responsible).toBe(false);
    expect(canReadItem(ownerless, item(CITY, null, [], 12, null, null))).toBe(true);
    expect(standing(ownerless, item(CITY, null, [], 12, null, null))).toEqual({
      role: 'reporter',
      office: false,
      leader: false,
      responsible: false,
      raiser: true,
    });
  });
});

describe('consistency', () => {
  const paths = [PROVINCE, CITY, LINDIAN, TOWN, SIBLING, TRAP, OTHER_CITY];
  const unitIdArb = fc.option(fc.constantFrom(1, 2, 3, 10, 11, 20, 30, 40, 50), { nil: null });
  const factsArb = fc.record({
    regionPath: fc.constantFrom(...paths),
    responsibleUnitId: unitIdArb,
    coUnitIds: fc.uniqueArray(fc.constantFrom(10, 11, 12, 20, 30, 40, 50), { maxLength: 3 }),
    raisedBy: fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
    raisedByUnitId: unitIdArb,
    projectOwnerUnitId: unitIdArb,
  });

  it('whoever is the office, a leader or responsible for an item may read it', () => {
    fc.assert(
      fc.property(factsArb, fc.constantFrom(...everyone), (facts, who) => {
        const s = standing(actors[who], facts);
        if (s.office || s.leader || s.responsible) expect(canReadItem(actors[who], facts)).toBe(true);
      }),
    );
  });

  it('no office or leader reads or manages an item outside its subtree', () => {
    // each region actor with a region outside its subtree
    const away: [Who, string][] = [
      ...(['office', 'leader'] as const).flatMap((w) =>
        [PROVINCE, OTHER_CITY].map((p) => [w, p] as [Who, string]),
      ),
      ...(['office_lindian', 'leader_lindian'] as const).flatMap((w) =>
        [PROVINCE, CITY, SIBLING, TRAP, OTHER_CITY].map((p) => [w, p] as [Who, string]),
      ),
    ];
    fc.assert(
      fc.property(factsArb, fc.constantFrom(...away), (facts, [who, regionPath]) => {
        const f = { ...facts, regionPath };
        expect(canReadItem(actors[who], f)).toBe(false);
        const s = standing(actors[who], f);
        expect(s.office || s.leader).toBe(false);
      }),
    );
  });

  it('staff of a unit that is not the lead unit (a co-unit, or unrelated) are never responsible', () => {
    fc.assert(
      fc.property(
        factsArb,
        fc.constantFrom<Role>('unit', 'reporter'),
        fc.constantFrom(10, 12, 99),
        (facts, role, unitId) => {
          const a = actor(13, role, CITY, unitId);
          const f = facts.responsibleUnitId === unitId ? { ...facts, responsibleUnitId: 11 } : facts;
          expect(standing(a, f).responsible).toBe(false);
        },
      ),
    );
  });

  it('an actor whose unit appears nowhere on the item, and who did not raise it, never reads it nor stands on it', () => {
    fc.assert(
      fc.property(
        factsArb,
        fc.constantFrom<Role>('unit', 'reporter', 'inspector', 'expert'),
        (facts, role) => {
          const a = actor(13, role, CITY, 99);
          expect(canReadItem(a, facts)).toBe(false);
          expect(standing(a, facts)).toEqual({
            role,
            office: false,
            leader: false,
            responsible: false,
            raiser: false,
          });
        },
      ),
    );
  });

  it('leaders never stand as the office; only units and reporters are ever responsible', () => {
    fc.assert(
      fc.property(factsArb, fc.constantFrom(...everyone), (facts, who) => {
        const s = standing(actors[who], facts);
        if (s.office) expect(['admin', 'office']).toContain(actors[who].role);
        if (s.leader) expect(actors[who].role).toBe('leader');
        if (s.responsible) expect(['unit', 'reporter']).toContain(actors[who].role);
      }),
    );
  });
});

describe('canPlaceItem: where an item without a project may be raised', () => {
  // unit, reporter, inspector and expert sit at the city (230600): their own region only
  const own = ['unit', 'reporter', 'inspector', 'expert'] as const;
  const rows: [string, string, readonly Who[]][] = [
    ['the city 230600', CITY, ['admin', 'office', 'leader', ...own]],
    ['the county 230623', LINDIAN, ['admin', 'office', 'office_lindian', 'leader', 'leader_lindian']],
    ['a town under 230623', TOWN, ['admin', 'office', 'office_lindian', 'leader', 'leader_lindian']],
    ['the sibling county 230621', SIBLING, ['admin', 'office', 'leader']],
    ['the prefix trap (not under 230623)', TRAP, ['admin', 'office', 'leader']],
    ['the province above', PROVINCE, ['admin']],
    ['another city', OTHER_CITY, ['admin']],
  ];
  const cases = rows.flatMap(([note, path, allow]) =>
    everyone.map((w) => [note, w, path, allow.includes(w)] as const),
  );
  it.each(cases)('%s: %s → %s', (_note, who, path, expected) => {
    expect(canPlaceItem(actors[who], path)).toBe(expected);
  });

  it('a county unit raises in its county, not in the city above it or beside it', () => {
    const ldUnit = actor(30, 'unit', LINDIAN, 50);
    expect(canPlaceItem(ldUnit, LINDIAN)).toBe(true);
    expect(canPlaceItem(ldUnit, CITY)).toBe(false);
    expect(canPlaceItem(ldUnit, TOWN)).toBe(false);
    expect(canPlaceItem(ldUnit, SIBLING)).toBe(false);
  });
});
