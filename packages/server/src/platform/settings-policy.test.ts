/**
 * Table tests of who changes the settings every region shares (dictionaries, working-day
 * corrections, the items' deadlines and ladder): the admin and the office over the installation's
 * home region — the deepest region holding every office account's region — never a county office,
 * a leader or anyone else. Written out by hand from the rule in settings-policy.ts, with the prefix
 * trap, not computed from it.
 */
import { dictionaryKinds } from '@ducha/contract';
import { describe, expect, it } from 'vitest';
import {
  actor,
  actors,
  CITY,
  everyone,
  LINDIAN,
  OTHER_CITY,
  PROVINCE,
  SIBLING,
  TOWN,
  TRAP,
  type Who,
} from '../../test/actors.ts';
import { canEditDictionary, canEditShared, commonRoot } from './settings-policy.ts';

describe('commonRoot: the deepest region holding every office region, cut at the dots', () => {
  const rows: [string, string[], string | null][] = [
    ['no office accounts', [], null],
    ['one city office', [CITY], CITY],
    ['the city and one of its counties', [CITY, LINDIAN], CITY],
    ['a county alone', [LINDIAN], LINDIAN],
    ['a county and its town', [LINDIAN, TOWN], LINDIAN],
    ['two counties of one city', [LINDIAN, SIBLING], CITY],
    ['a county and the prefix trap (not below it)', [LINDIAN, TRAP], CITY],
    ['two cities', [CITY, OTHER_CITY], PROVINCE],
    ['two provinces', ['230000.230600', '220000.220100'], null],
  ];
  it.each(rows)('%s', (_note, paths, expected) => {
    expect(commonRoot(paths)).toBe(expected);
  });
});

describe('canEditShared: the admin and the office at or above the home region', () => {
  const rows: [string, string | null, readonly Who[]][] = [
    ["a city's installation (home 230600)", CITY, ['admin', 'office']],
    ["a province's installation (home 230000)", PROVINCE, ['admin']],
    ["a county's installation (home 230623)", LINDIAN, ['admin', 'office', 'office_lindian']],
    ['home in the sibling county', SIBLING, ['admin', 'office']],
    ['home at the prefix trap', TRAP, ['admin', 'office']],
    ['no office account yet', null, ['admin']],
  ];
  const cases = rows.flatMap(([note, home, allow]) =>
    everyone.map((w) => [note, w, home, allow.includes(w)] as const),
  );
  it.each(cases)('%s: %s → %s', (_note, who, home, expected) => {
    expect(canEditShared(actors[who], home)).toBe(expected);
  });

  it('leaders never do, even over the home region', () => {
    expect(canEditShared(actor(20, 'leader', CITY), CITY)).toBe(false);
    expect(canEditShared(actor(21, 'leader', PROVINCE), CITY)).toBe(false);
  });
});

describe('canEditDictionary: every kind follows the shared rule', () => {
  const editors: readonly Who[] = ['admin', 'office'];
  for (const kind of dictionaryKinds)
    it.each(everyone)(`%s on ${kind} (home 230600)`, (who) => {
      expect(canEditDictionary(actors[who], kind, CITY)).toBe(editors.includes(who));
    });

  it('a county office does not: its entry would reach the city and the other counties', () => {
    expect(canEditDictionary(actor(20, 'office', LINDIAN), 'item_category', CITY)).toBe(false);
    expect(canEditDictionary(actor(21, 'office', CITY), 'item_category', CITY)).toBe(true);
  });
});
