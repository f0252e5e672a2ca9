/**
 * Table test of who reads a region's month close: the admin, and offices and leaders whose subtree
 * holds the region — never a county for the city, a sibling, the prefix trap, or any unit, reporter,
 * inspector or expert (their scope is their own projects). Written out by hand from DOMAIN §1 and the
 * rule in policy.ts, not computed from it.
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
  actor,
  actors,
  matrix,
  type Who,
} from '../../../test/actors.ts';
import { canReadClose } from './policy.ts';

const rows: { note: string; facts: string; allow: readonly Who[] }[] = [
  { note: 'the province 230000', facts: PROVINCE, allow: ['admin'] },
  { note: 'the city 230600', facts: CITY, allow: ['admin', 'office', 'leader'] },
  {
    note: 'the county 230623',
    facts: LINDIAN,
    allow: ['admin', 'office', 'office_lindian', 'leader', 'leader_lindian'],
  },
  {
    note: 'a town of 230623',
    facts: TOWN,
    allow: ['admin', 'office', 'office_lindian', 'leader', 'leader_lindian'],
  },
  { note: 'the sibling county 230621', facts: SIBLING, allow: ['admin', 'office', 'leader'] },
  { note: 'the prefix trap (not under 230623)', facts: TRAP, allow: ['admin', 'office', 'leader'] },
  { note: 'another city', facts: OTHER_CITY, allow: ['admin'] },
];

describe('canReadClose', () => {
  it.each(matrix<string, (typeof rows)[number]>(rows, (r) => r.allow))(
    '%s: %s → %s',
    (_note, who, path, expected) => {
      expect(canReadClose(actors[who], path)).toBe(expected);
    },
  );

  it('a unit or reporter of the county reads no close, not even its own region’s', () => {
    expect(canReadClose(actor(20, 'unit', LINDIAN, 50), LINDIAN)).toBe(false);
    expect(canReadClose(actor(21, 'reporter', LINDIAN, 51), LINDIAN)).toBe(false);
  });
});
