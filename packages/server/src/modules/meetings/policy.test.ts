/**
 * Table tests of the meetings policy: every role against meetings in and out of the actor's region
 * subtree, with the actor's unit called or not. Expectations written out by hand from DOMAIN §1/§8.
 */
import { describe, expect, it } from 'vitest';
import {
  CITY,
  LINDIAN,
  OTHER_CITY,
  PROVINCE,
  SIBLING,
  TOWN,
  TRAP,
  actors,
  matrix,
  type Who,
} from '../../../test/actors.ts';
import { canManageMeeting, canReadMeeting, type MeetingFacts } from './policy.ts';

interface Row {
  note: string;
  facts: MeetingFacts;
  read: readonly Who[];
  manage: readonly Who[];
}
const m = (regionPath: string, unitIds: number[] = []): MeetingFacts => ({ regionPath, unitIds });

const rows: Row[] = [
  {
    note: 'city meeting, the unit user’s unit called',
    facts: m(CITY, [10, 11]),
    read: ['admin', 'office', 'leader', 'unit'],
    manage: ['admin', 'office'],
  },
  {
    note: 'city meeting, another unit called',
    facts: m(CITY, [11]),
    read: ['admin', 'office', 'leader'],
    manage: ['admin', 'office'],
  },
  {
    note: 'county meeting (林甸县), nobody’s unit called',
    facts: m(LINDIAN),
    read: ['admin', 'office', 'office_lindian', 'leader', 'leader_lindian'],
    manage: ['admin', 'office', 'office_lindian'],
  },
  {
    note: 'town meeting below 林甸县',
    facts: m(TOWN),
    read: ['admin', 'office', 'office_lindian', 'leader', 'leader_lindian'],
    manage: ['admin', 'office', 'office_lindian'],
  },
  {
    note: 'sibling county: the city reaches it, 林甸县 does not',
    facts: m(SIBLING, [20]),
    read: ['admin', 'office', 'leader'],
    manage: ['admin', 'office'],
  },
  {
    note: 'the prefix trap is not under 林甸县',
    facts: m(TRAP),
    read: ['admin', 'office', 'leader'],
    manage: ['admin', 'office'],
  },
  {
    note: 'province meeting: above every region account, the unit’s unit called',
    facts: m(PROVINCE, [10]),
    read: ['admin', 'unit'],
    manage: ['admin'],
  },
  { note: 'another city', facts: m(OTHER_CITY, [30, 40]), read: ['admin'], manage: ['admin'] },
];

describe('meetings policy', () => {
  it.each(matrix<MeetingFacts, Row>(rows, (r) => r.read))('read: %s — %s', (_n, who, facts, ok) => {
    expect(canReadMeeting(actors[who], facts)).toBe(ok);
  });
  it.each(matrix<MeetingFacts, Row>(rows, (r) => r.manage))('manage: %s — %s', (_n, who, facts, ok) => {
    expect(canManageMeeting(actors[who], facts.regionPath)).toBe(ok);
  });
});
