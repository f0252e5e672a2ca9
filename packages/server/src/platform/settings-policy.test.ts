/**
 * Table test of who edits the dictionaries: the admin and every office (city or county: the
 * dictionaries are shared by all regions for now), for every kind; nobody else. Written out by hand
 * from the rule in settings-policy.ts, not computed from it.
 */
import { dictionaryKinds } from '@ducha/contract';
import { describe, expect, it } from 'vitest';
import { actor, actors, everyone, LINDIAN, type Who } from '../../test/actors.ts';
import { canEditDictionary } from './settings-policy.ts';

const editors: readonly Who[] = ['admin', 'office', 'office_lindian'];

describe('canEditDictionary', () => {
  for (const kind of dictionaryKinds)
    it.each(everyone)(`%s on ${kind}`, (who) => {
      expect(canEditDictionary(actors[who], kind)).toBe(editors.includes(who));
    });

  it('a county office edits them too: the dictionaries are shared by every region', () => {
    expect(canEditDictionary(actor(20, 'office', LINDIAN), 'item_category')).toBe(true);
    expect(canEditDictionary(actor(21, 'leader', LINDIAN), 'item_category')).toBe(false);
  });
});
