/**
 * Table-driven tests of 红黄牌's policy: every role against cards of regions in and out of the
 * actor's subtree, about the unit user's unit or another. Expectations written out by hand from
 * DOMAIN §1 and §9 (see ../../../test/actors.ts for the regions and the unit ids: 10 is the unit
 * user's unit).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CITY,
  LINDIAN,
  OTHER_CITY,
  PROVINCE,
  SIBLING,
  TOWN,
  TRAP,
  actor,
  actors,
  everyone,
  matrix,
  type Who,
} from '../../../test/actors.ts';
import {
  canAcknowledgeCard,
  canIssueCard,
  canLiftCard,
  canReadWarningCard,
  cardScope,
  type CardFacts,
} from './card-policy.ts';

interface Row {
  note: string;
  facts: CardFacts;
  read: readonly Who[];
  acknowledge: readonly Who[];
  lift: readonly Who[];
}

const card = (regionPath: string, unitId: number): CardFacts => ({ regionPath, unitId });

const rows: Row[] = [
  {
    note: "a city card of the unit user's unit",
    facts: card(CITY, 10),
    read: ['admin', 'office', 'leader', 'unit'],
    acknowledge: ['admin', 'office', 'unit'],
    lift: ['admin', 'office'],
  },
  {
    note: 'a city card of another unit',
    facts: card(CITY, 11),
    read: ['admin', 'office', 'leader'],
    acknowledge: ['admin', 'office'],
    lift: ['admin', 'office'],
  },
  {
    note: "a city card of the reporter's unit (reporters hold no score permission)",
    facts: card(CITY, 20),
    read: ['admin', 'office', 'leader'],
    acknowledge: ['admin', 'office'],
    lift: ['admin', 'office'],
  },
  {
    note: "a 林甸 card of the unit user's unit",
    facts: card(LINDIAN, 10),
    read: ['admin', 'office', 'office_lindian', 'leader', 'leader_lindian', 'unit'],
    acknowledge: ['admin', 'office', 'office_lindian', 'unit'],
    lift: ['admin', 'office', 'office_lindian'],
  },
  {
    note: 'a town card under 林甸',
    facts: card(TOWN, 50),
    read: ['admin', 'office', 'office_lindian', 'leader', 'leader_lindian'],
    acknowledge: ['admin', 'office', 'office_lindian'],
    lift: ['admin', 'office', 'office_lindian'],
  },
  {
    note: 'a sibling county card',
    facts: card(SIBLING, 50),
    read: ['admin', 'office', 'leader'],
    acknowledge: ['admin', 'office'],
    lift: ['admin', 'office'],
  },
  {
    note: 'the prefix trap 2306231 (not under 林甸)',
    facts: card(TRAP, 50),
    read: ['admin', 'office', 'leader'],
    acknowledge: ['admin', 'office'],
    lift: ['admin', 'office'],
  },
  {
    note: "another city's card of the unit user's unit (its own unit, wherever kept)",
    facts: card(OTHER_CITY, 10),
    read: ['admin', 'unit'],
    acknowledge: ['admin', 'unit'],
    lift: ['admin'],
  },
  {
    note: 'a province card (above the city)',
    facts: card(PROVINCE, 11),
    read: ['admin'],
    acknowledge: ['admin'],
    lift: ['admin'],
  },
];

const cases = (pick: (r: Row) => readonly Who[]) => matrix<CardFacts, Row>(rows, pick);

describe('canReadWarningCard: offices and leaders their subtree, unit staff their own unit', () => {
  it.each(cases((r) => r.read))('%s: %s → %s', (_n, who, facts, expected) =>
    expect(canReadWarningCard(actors[who], facts)).toBe(expected),
  );
});

describe('canAcknowledgeCard: the unit’s own staff, or the office over the region', () => {
  it.each(cases((r) => r.acknowledge))('%s: %s → %s', (_n, who, facts, expected) =>
    expect(canAcknowledgeCard(actors[who], facts)).toBe(expected),
  );
});

describe('canLiftCard: the office over the region only (never the unit, never a leader)', () => {
  it.each(cases((r) => r.lift))('%s: %s → %s', (_n, who, facts, expected) =>
    expect(canLiftCard(actors[who], facts)).toBe(expected),
  );
});

describe('canIssueCard: the office over the region, and the admin', () => {
  const paths: [string, string, readonly Who[]][] = [
    ['city', CITY, ['admin', 'office']],
    ['林甸', LINDIAN, ['admin', 'office', 'office_lindian']],
    ['town under 林甸', TOWN, ['admin', 'office', 'office_lindian']],
    ['prefix trap', TRAP, ['admin', 'office']],
    ['another city', OTHER_CITY, ['admin']],
    ['the province', PROVINCE, ['admin']],
  ];
  const table = paths.flatMap(([note, path, allow]) =>
    everyone.map((w) => [note, w, path, allow.includes(w)] as const),
  );
  it.each(table)('%s: %s → %s', (_n, who, path, expected) =>
    expect(canIssueCard(actors[who], path)).toBe(expected),
  );
});

describe('cardScope: the list filter', () => {
  it.each([
    ['admin', { kind: 'all' }],
    ['office', { kind: 'region', path: CITY }],
    ['office_lindian', { kind: 'region', path: LINDIAN }],
    ['leader', { kind: 'region', path: CITY }],
    ['unit', { kind: 'unit', unitId: 10 }],
    ['reporter', { kind: 'none' }],
    ['inspector', { kind: 'none' }],
    ['expert', { kind: 'none' }],
  ] as const)('%s → %o', (who, scope) => expect(cardScope(actors[who])).toEqual(scope));

  it('a unit account without a unit reads no cards', () => {
    const unitless = actor(11, 'unit', CITY, null);
    expect(cardScope(unitless)).toEqual({ kind: 'none' });
    expect(canReadWarningCard(unitless, card(CITY, 10))).toBe(false);
    expect(canAcknowledgeCard(unitless, card(CITY, 10))).toBe(false);
  });
});

describe('consistency', () => {
  const facts = fc.record({
    regionPath: fc.constantFrom(PROVINCE, CITY, LINDIAN, TOWN, SIBLING, TRAP, OTHER_CITY),
    unitId: fc.constantFrom(10, 11, 20, 50),
  });
  it('who may acknowledge or lift a card may read it; who may lift may acknowledge', () => {
    fc.assert(
      fc.property(facts, fc.constantFrom(...everyone), (f, who) => {
        const a = actors[who];
        if (canAcknowledgeCard(a, f) || canLiftCard(a, f)) expect(canReadWarningCard(a, f)).toBe(true);
        if (canLiftCard(a, f)) expect(canAcknowledgeCard(a, f)).toBe(true);
      }),
    );
  });
  it('leaders never act on cards; reporters, inspectors and experts never see one', () => {
    fc.assert(
      fc.property(facts, fc.constantFrom<Who>('leader', 'leader_lindian'), (f, who) => {
        expect(canAcknowledgeCard(actors[who], f) || canLiftCard(actors[who], f)).toBe(false);
        expect(canIssueCard(actors[who], f.regionPath)).toBe(false);
      }),
    );
    fc.assert(
      fc.property(facts, fc.constantFrom<Who>('reporter', 'inspector', 'expert'), (f, who) => {
        expect(canReadWarningCard(actors[who], f)).toBe(false);
      }),
    );
  });
});
