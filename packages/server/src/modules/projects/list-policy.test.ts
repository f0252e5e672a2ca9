/**
 * Who sees a project list (DOMAIN §3): everyone who reads projects sees the lists of their own
 * region, of the regions below it and of the regions above it (a county sees the city's "3个30"),
 * never a sibling's; admins see all. Written out by hand, with the prefix trap.
 */
import type { Role } from '@ducha/contract';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/access/context.ts';
import { canSeeList, seesWholeList } from './list-policy.ts';

const CITY = '230000.230600';
const LINDIAN = '230000.230600.230623';
const SIBLING = '230000.230600.230621';
const TRAP = '230000.230600.2306231';

const actor = (role: Role, regionPath: string): Actor => ({
  id: 1,
  username: 'u',
  displayName: 'u',
  role,
  regionCode: regionPath.split('.').pop() || null,
  regionPath,
  unitId: 10,
  personId: null,
  mustChangePassword: false,
  via: 'session',
});

const rows: [string, Actor, string, boolean][] = [
  ['admin sees a county list', actor('admin', ''), LINDIAN, true],
  ['city office sees its own list', actor('office', CITY), CITY, true],
  ['city office sees a county list', actor('office', CITY), LINDIAN, true],
  ['county office sees the city list above it', actor('office', LINDIAN), CITY, true],
  ['county office sees the province list', actor('office', LINDIAN), '230000', true],
  ['county office does not see a sibling county', actor('office', LINDIAN), SIBLING, false],
  ['county office does not see the prefix trap', actor('office', LINDIAN), TRAP, false],
  ['a unit user of the county sees the city list', actor('unit', LINDIAN), CITY, true],
  ['a reporter of the city sees a county list', actor('reporter', CITY), LINDIAN, true],
  ['a leader of the trap region does not see 林甸', actor('leader', TRAP), LINDIAN, false],
  ['an inspector (no project access) sees no list', actor('inspector', CITY), CITY, false],
  ['an expert sees no list', actor('expert', CITY), CITY, false],
];

/** Who reads every member of a list (and its trail, which names them). */
const whole: [string, Actor, string, boolean][] = [
  ['admin, a county list', actor('admin', ''), LINDIAN, true],
  ['the city office, its own list', actor('office', CITY), CITY, true],
  ['the city office, a county list', actor('office', CITY), LINDIAN, true],
  ['the city leader, its own list', actor('leader', CITY), CITY, true],
  ['a county office, the city list above it', actor('office', LINDIAN), CITY, false],
  ['a county leader, the city list above it', actor('leader', LINDIAN), CITY, false],
  ['a county office, its own list', actor('office', LINDIAN), LINDIAN, true],
  ['a county office, the prefix trap', actor('office', LINDIAN), TRAP, false],
  ['a county office, a sibling county', actor('office', LINDIAN), SIBLING, false],
  ['a unit of the city, the city list', actor('unit', CITY), CITY, false],
  ['a reporter of the city, the city list', actor('reporter', CITY), CITY, false],
  ['an inspector of the city, the city list', actor('inspector', CITY), CITY, false],
];

describe('canSeeList: own region, below and above, never a sibling', () => {
  it.each(rows)('%s', (_note, a, path, expected) => {
    expect(canSeeList(a, path)).toBe(expected);
  });
});

describe('seesWholeList: the admin, offices and leaders over the list’s region', () => {
  it.each(whole)('%s', (_note, a, path, expected) => {
    expect(seesWholeList(a, path)).toBe(expected);
  });
});
