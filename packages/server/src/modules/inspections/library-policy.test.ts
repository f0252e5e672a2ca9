/** Who reads and keeps the plan and libraries, per role and region (issue 14). */
import type { Role } from '@ducha/contract';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/access/context.ts';
import {
  canManageLibrary,
  canManagePlan,
  canReadLibrary,
  canReadPlan,
  ownsRecord,
  phoneView,
} from './library-policy.ts';

const actor = (role: Role, regionPath: string, id = 1): Actor => ({
  id,
  username: role,
  displayName: role,
  role,
  regionCode: regionPath.split('.').pop() || null,
  regionPath,
  unitId: null,
  personId: null,
  mustChangePassword: false,
  via: 'session',
});
const city = '230000.230600';
const county = '230000.230600.230623';

describe('plans and libraries by role and region', () => {
  const cases: [Role, string, string, boolean, boolean, boolean, boolean][] = [
    // role, actor region, record region, readPlan, managePlan, readLibrary, manageLibrary
    ['admin', '', city, true, true, true, true],
    ['office', city, city, true, true, true, true],
    ['office', city, county, true, true, true, true],
    ['office', county, city, false, false, true, false],
    ['office', county, county, true, true, true, true],
    ['office', '230000.230100', city, false, false, false, false],
    ['leader', city, county, true, false, true, false],
    ['unit', city, city, false, false, false, false],
    ['reporter', city, city, false, false, false, false],
    ['expert', city, city, false, false, false, false],
    ['inspector', city, city, false, false, false, false],
  ];
  it.each(cases)('%s of %s on %s', (role, at, path, rp, mp, rl, ml) => {
    const a = actor(role, at);
    expect([
      canReadPlan(a, path),
      canManagePlan(a, path),
      canReadLibrary(a, path),
      canManageLibrary(a, path),
    ]).toEqual([rp, mp, rl, ml]);
  });
  it('phones: whole to the office, masked to leaders, none to others; own records', () => {
    expect(
      (['admin', 'office', 'leader', 'unit', 'expert'] as Role[]).map((r) => phoneView(actor(r, city))),
    ).toEqual(['whole', 'whole', 'masked', 'none', 'none']);
    expect(ownsRecord(actor('expert', city, 7), 7)).toBe(true);
    expect(ownsRecord(actor('expert', city, 7), 8)).toBe(false);
    expect(ownsRecord(actor('office', city, 7), 7)).toBe(false);
    expect(ownsRecord(actor('inspector', city, 7), null)).toBe(false);
  });
});
