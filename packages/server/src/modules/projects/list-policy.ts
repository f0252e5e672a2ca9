/** Who sees which project list: its region, its subtree and its ancestors (a county sees the city's lists). */
import type { Actor } from '../../platform/access/context.ts';
import { seesRegion } from '../../platform/access/scope.ts';

/** Lists are visible to whoever reads projects, for their region, its subtree and its ancestors. */
export function canSeeList(a: Actor, regionPath: string) {
  return seesRegion(a, regionPath);
}
