/**
 * Who may change the settings every region shares: the dictionaries (sectors, funding sources, tags,
 * item categories: records store their codes, so one list serves all regions), the working-day
 * corrections (调休 is national: one calendar for every deadline) and the items' deadlines and
 * escalation ladder. They belong to the installation, so they are written by the admin and by the
 * office over the whole installation — the office whose region holds every office account's region
 * (the 市重点办 of a city's installation) — never by a county office, whose change would reach the
 * city and the other counties. Settings kept per region (reporting calendars, light rules, month
 * closes) are the office's of that region's subtree (`settingsRegion`). The routes, the services and
 * the web (`GET /api/shared-settings`) follow these functions.
 */
import type { DictionaryKind } from '@ducha/contract';
import type { Actor } from './access/context.ts';
import { inRegionSubtree } from './access/scope.ts';

/**
 * The installation's home region: the deepest region holding every path given (the active office
 * accounts' regions), or null when there are none. Paths are cut at the dots.
 */
export function commonRoot(paths: readonly string[]): string | null {
  if (!paths.length) return null;
  let root = paths[0]!.split('.');
  for (const p of paths.slice(1)) {
    const parts = p.split('.');
    let i = 0;
    while (i < root.length && i < parts.length && root[i] === parts[i]) i++;
    root = root.slice(0, i);
  }
  return root.length ? root.join('.') : null;
}

/** Whether the actor may change a shared setting: the admin, or an office at or above the home region. */
export function canEditShared(a: Actor, homePath: string | null): boolean {
  if (a.role === 'admin') return true;
  return a.role === 'office' && homePath !== null && inRegionSubtree(a, homePath);
}

/** Whether the actor may add entries to a dictionary and edit them (labels, order, active). */
export function canEditDictionary(a: Actor, _kind: DictionaryKind, homePath: string | null): boolean {
  return canEditShared(a, homePath);
}
