/**
 * Pure organisation rules: GB/T 2260 code structure per level, region paths, the day before a
 * date (a holder's term ends the day before the successor starts), and the succession date rule.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { checkRegionCode, dayBefore, regionPath, successionError, type RegionLevel } from './rules.ts';

const province = { code: '230000', level: 'province' as const };
const city = { code: '230600', level: 'city' as const };
const county = { code: '230623', level: 'county' as const };
const town = { code: '230623100', level: 'town' as const };

type Parent = { code: string; level: RegionLevel } | null;

describe('checkRegionCode', () => {
  const cases: [string, string, RegionLevel, Parent, string | null][] = [
    // province: XX0000, no parent
    ['valid province', '230000', 'province', null, null],
    ['province with a parent', '230000', 'province', province, '省级区划不能有上级'],
    ['province code shaped like a city', '230600', 'province', null, '省级代码应为 XX0000'],
    ['province code shaped like a county', '230623', 'province', null, '省级代码应为 XX0000'],
    ['province code of 9 digits', '230000000', 'province', null, '省级代码应为 XX0000'],
    ['province code with letters', 'AB0000', 'province', null, '省级代码应为 XX0000'],
    // city: XXXX00 under a province with the same first two digits
    ['valid city', '230600', 'city', province, null],
    ['city without a parent', '230600', 'city', null, '市级区划的上级应为省'],
    ['city under a city', '230600', 'city', city, '市级区划的上级应为省'],
    ['city under a county', '230600', 'city', county, '市级区划的上级应为省'],
    ['city code ending in 0000 (a province code)', '230000', 'city', province, '市级代码应为 XXXX00'],
    ['city code not ending in 00', '230623', 'city', province, '市级代码应为 XXXX00'],
    ['city code of 9 digits', '230600000', 'city', province, '市级代码应为 XXXX00'],
    ['city code of another province', '240600', 'city', province, '市级代码的前两位应与所属省一致'],
    // county: 6 digits not ending 00, starting with its city's 4 digits (or its province's 2)
    ['valid county under its city', '230623', 'county', city, null],
    ['county ending in a single 0', '230620', 'county', city, null],
    ['province-administered county', '239005', 'county', province, null],
    ['county without a parent', '230623', 'county', null, '县级区划的上级应为市或省'],
    ['county under a county', '230623', 'county', county, '县级区划的上级应为市或省'],
    ['county under a town', '230623', 'county', town, '县级区划的上级应为市或省'],
    ['county code ending in 00', '230700', 'county', city, '县级代码应为 6 位且末两位不为 00'],
    ['county code of 9 digits', '230623100', 'county', city, '县级代码应为 6 位且末两位不为 00'],
    ['county code of 5 digits', '23062', 'county', city, '县级代码应为 6 位且末两位不为 00'],
    ['county code of another city', '230723', 'county', city, '县级代码应以所属市(省)的代码开头'],
    [
      'county under a province, wrong province',
      '249005',
      'county',
      province,
      '县级代码应以所属市(省)的代码开头',
    ],
    // town: the county's code plus three digits
    ['valid town', '230623100', 'town', county, null],
    ['town without a parent', '230623100', 'town', null, '乡镇级区划的上级应为县'],
    ['town under a city', '230600100', 'town', city, '乡镇级区划的上级应为县'],
    ['town under a town', '230623100', 'town', town, '乡镇级区划的上级应为县'],
    ['town code of 6 digits', '230623', 'town', county, '乡镇级代码应为 9 位'],
    ['town code of 12 digits', '230623100200', 'town', county, '乡镇级代码应为 9 位'],
    ['town code of another county', '230621100', 'town', county, '乡镇级代码应以所属县的代码开头'],
  ];
  it.each(cases)('%s: %s as %s', (_note, code, level, parent, expected) => {
    expect(checkRegionCode(code, level, parent)).toBe(expected);
  });

  it('accepts every well-formed county under its city and every town under its county', () => {
    const digit = fc.integer({ min: 0, max: 9 });
    fc.assert(
      fc.property(
        fc.integer({ min: 11, max: 99 }),
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 1, max: 99 }),
        fc.tuple(digit, digit, digit),
        (pp, cc, dd, t) => {
          const p = String(pp);
          const cityCode = `${p}${String(cc).padStart(2, '0')}00`;
          const countyCode = `${cityCode.slice(0, 4)}${String(dd).padStart(2, '0')}`;
          const townCode = countyCode + t.join('');
          expect(checkRegionCode(cityCode, 'city', { code: `${p}0000`, level: 'province' })).toBeNull();
          expect(checkRegionCode(countyCode, 'county', { code: cityCode, level: 'city' })).toBeNull();
          expect(checkRegionCode(townCode, 'town', { code: countyCode, level: 'county' })).toBeNull();
          // the same county code under any other city is refused
          const otherCity = `${p}${String((cc % 99) + 1).padStart(2, '0')}00`;
          expect(checkRegionCode(countyCode, 'county', { code: otherCity, level: 'city' })).toBe(
            '县级代码应以所属市(省)的代码开头',
          );
        },
      ),
    );
  });
});

describe('regionPath', () => {
  it('roots have their own code as path; children append to the parent path with a dot', () => {
    expect(regionPath('230000', null)).toBe('230000');
    expect(regionPath('230600', '230000')).toBe('230000.230600');
    expect(regionPath('230623100', '230000.230600.230623')).toBe('230000.230600.230623.230623100');
  });
});

describe('dayBefore', () => {
  const cases: [string, string][] = [
    ['2026-05-02', '2026-05-01'],
    ['2026-05-01', '2026-04-30'],
    ['2026-03-01', '2026-02-28'],
    ['2024-03-01', '2024-02-29'], // leap year
    ['2000-03-01', '2000-02-29'], // leap century
    ['1900-03-01', '1900-02-28'], // not a leap century
    ['2024-02-29', '2024-02-28'],
    ['2026-01-01', '2025-12-31'], // year boundary
    ['2025-12-31', '2025-12-30'],
    ['2026-03-09', '2026-03-08'], // US daylight-saving switch
    ['2026-10-26', '2026-10-25'], // EU daylight-saving switch
  ];
  it.each(cases)('%s → %s', (date, expected) => {
    expect(dayBefore(date)).toBe(expected);
  });

  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });
  it.each(['Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati', 'UTC'])(
    'does not depend on the server time zone (%s)',
    (tz) => {
      process.env.TZ = tz;
      expect(dayBefore('2026-01-01')).toBe('2025-12-31');
      expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    },
  );

  const dateArb = fc
    .date({
      min: new Date('1901-01-01T00:00:00Z'),
      max: new Date('2199-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));

  it('is always exactly one calendar day earlier, and earlier as a string', () => {
    fc.assert(
      fc.property(dateArb, (d) => {
        const before = dayBefore(d);
        expect(before).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(before < d).toBe(true);
        expect(Date.parse(`${d}T00:00:00Z`) - Date.parse(`${before}T00:00:00Z`)).toBe(86_400_000);
      }),
    );
  });
});

describe('successionError: the successor must start after the current holder started', () => {
  const current = '2026-03-27';
  const cases: [string | null, string, boolean][] = [
    [null, '2026-03-27', true], // vacant: nothing to compare with
    [null, '1990-01-01', true],
    [current, '2026-03-26', false], // the day before the current start
    [current, '2026-03-27', false], // the same day: the outgoing term would end before it began
    [current, '2026-03-28', true], // the day after
    [current, '2027-01-01', true],
    [current, '2025-12-31', false],
    ['2025-12-31', '2026-01-01', true], // across the year boundary
    ['2024-02-28', '2024-02-29', true], // leap day
  ];
  it.each(cases)('current since %s, successor from %s → allowed: %s', (since, start, allowed) => {
    const problem = successionError(since, start);
    if (allowed) expect(problem).toBeNull();
    else expect(problem).toBe(`接任日期应晚于任职记录中的最近日期 ${since}`);
  });

  it('allows exactly the dates after the current start, and then the outgoing term is never negative', () => {
    const dateArb = fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2100-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(dateArb, dateArb, (since, start) => {
        const ok = successionError(since, start) === null;
        expect(ok).toBe(Date.parse(start) > Date.parse(since));
        // the outgoing holder's term [since, dayBefore(start)] is non-empty whenever succession is allowed
        if (ok) expect(dayBefore(start) >= since).toBe(true);
      }),
    );
  });
});
