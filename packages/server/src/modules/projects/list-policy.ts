/**
 * Who sees which project list, and how much of it. A list is visible to whoever reads projects, for
 * their region, its subtree and its ancestors (a county sees the city's "3个30"), never a sibling's;
 * admins see all. Its members are the projects of the list the reader may read (a county sees its
 * own projects on the city's list, a unit its own); the rest are only counted. The whole list — every
 * member, and so its change trail, which names them — is for the admin and for offices and leaders
 * whose subtree holds the list's region.
 */
import { can } from '@ducha/contract';
import type { Actor } from '../../platform/access/context.ts';
import { inRegionSubtree, scopeKind, seesRegion } from '../../platform/access/scope.ts';

/** Lists are visible to whoever reads projects, for their region, its subtree and its ancestors. */
export function canSeeList(a: Actor, regionPath: string) {
  return can(a.role, 'project.read') && seesRegion(a, regionPath);
}

/** Reads every member of the list (and its timeline): the admin, or an office or leader over its region. */
export function seesWholeList(a: Actor, regionPath: string) {
  if (!can(a.role, 'project.read')) return false;
  const kind = scopeKind(a);
  return kind === 'global' || (kind === 'region' && inRegionSubtree(a, regionPath));
}
