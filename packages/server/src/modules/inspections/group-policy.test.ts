/**
 * Table tests of the groups policy: every role against groups in and out of the actor's region
 * subtree, with the actor's person in the group or not. Written out by hand from DOMAIN §1/§2.
 * Persons: each actor's is 100 + its id (inspector 108, expert 109, unit 106, office 102).
 */
import { describe, expect, it } from 'vitest';
import { CITY, LINDIAN, OTHER_CITY, SIBLING, TRAP, actors, matrix } from '../../../test/actors.ts';
import { canManageGroup, canReadGroup, canRecordForGroup, type GroupFacts } from './group-policy.ts';

interface Row {
  note: string;
  facts: GroupFacts;
  read: readonly (keyof typeof actors)[];
  manage: readonly (keyof typeof actors)[];
  record: readonly (keyof typeof actors)[];
}
const g = (regionPath: string, personIds: number[] = []): GroupFacts => ({ regionPath, personIds });

const rows: Row[] = [
  {
    note: 'city group, nobody of the cast in it',
    facts: g(CITY, [500]),
    read: ['admin', 'office', 'leader'],
    manage: ['admin', 'office'],
    record: ['admin', 'office'],
  },
  {
    note: 'city group with the inspector and the unit user in it',
    facts: g(CITY, [108, 106]),
    read: ['admin', 'office', 'leader', 'inspector', 'unit'],
    manage: ['admin', 'office'],
    record: ['admin', 'office', 'inspector', 'unit'],
  },
  {
    note: '林甸 group: its county office and the city above',
    facts: g(LINDIAN),
    read: ['admin', 'office', 'office_lindian', 'leader', 'leader_lindian'],
    manage: ['admin', 'office', 'office_lindian'],
    record: ['admin', 'office', 'office_lindian'],
  },
  {
    note: 'sibling county group with the expert in it: the expert sits in it, 林甸 does not reach it',
    facts: g(SIBLING, [109]),
    read: ['admin', 'office', 'leader', 'expert'],
    manage: ['admin', 'office'],
    record: ['admin', 'office', 'expert'],
  },
  {
    note: 'the prefix trap is not under 林甸县',
    facts: g(TRAP),
    read: ['admin', 'office', 'leader'],
    manage: ['admin', 'office'],
    record: ['admin', 'office'],
  },
  {
    note: 'another city, the reporter in it',
    facts: g(OTHER_CITY, [107]),
    read: ['admin', 'reporter'],
    manage: ['admin'],
    record: ['admin', 'reporter'],
  },
];

describe('inspection groups policy', () => {
  it.each(matrix<GroupFacts, Row>(rows, (r) => r.read))('read: %s — %s', (_n, who, facts, ok) => {
    expect(canReadGroup(actors[who], facts)).toBe(ok);
  });
  it.each(matrix<GroupFacts, Row>(rows, (r) => r.manage))('manage: %s — %s', (_n, who, facts, ok) => {
    expect(canManageGroup(actors[who], facts.regionPath)).toBe(ok);
  });
  it.each(matrix<GroupFacts, Row>(rows, (r) => r.record))('record: %s — %s', (_n, who, facts, ok) => {
    expect(canRecordForGroup(actors[who], facts)).toBe(ok);
  });
  it('an account without a person sits in no group', () => {
    const a = { ...actors.inspector, personId: null };
    expect(canReadGroup(a, g(OTHER_CITY, [108]))).toBe(false);
  });
});
