/**
 * Who may change the shared settings. Dictionaries (sectors, funding sources, tags, item
 * categories) apply to every region today, and any office may extend them, as may the admin. The
 * rule lives here alone (the routes, the service and the web's mirror `dictionaryEditorRoles`
 * follow it), so making dictionaries per region or the admin's only is a change of this function.
 */
import type { DictionaryKind } from '@ducha/contract';
import type { Actor } from './access/context.ts';

/** Whether the actor may add entries to a dictionary and edit them (labels, order, active). */
export function canEditDictionary(a: Actor, _kind: DictionaryKind): boolean {
  return a.role === 'admin' || a.role === 'office';
}
