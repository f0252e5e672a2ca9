/**
 * Actors and region paths for the pure policy tests (no database): one region tree and one cast of
 * actors, so every policy's table reads against the same facts.
 *   230000 黑龙江省 ─ 230600 大庆市 ─ 230623 林甸县 ─ 230623100 林甸镇
 *                              └──── 230621 肇州县 (sibling county)
 *           └──── 230100 (another city)
 * plus the prefix trap '230000.230600.2306231', which is NOT under 230623.
 */
import type { Role } from '@ducha/contract';
import type { Actor } from '../src/platform/access/context.ts';

export const PROVINCE = '230000';
export const CITY = '230000.230600';
export const LINDIAN = '230000.230600.230623';
export const TOWN = '230000.230600.230623.230623100';
export const SIBLING = '230000.230600.230621';
export const TRAP = '230000.230600.2306231';
export const OTHER_CITY = '230000.230100';

/** An actor with id `id` (user u<id>, person 100 + id unless given) at `regionPath` ('' for admins). */
export function actor(
  id: number,
  role: Role,
  regionPath: string,
  unitId: number | null = null,
  personId: number | null = 100 + id,
): Actor {
  return {
    id,
    username: `u${id}`,
    displayName: `用户${id}`,
    role,
    regionCode: regionPath.split('.').pop() || null,
    regionPath,
    unitId,
    personId,
    mustChangePassword: false,
    via: 'session',
  };
}

/**
 * The demo roles as policy tables use them. Unit ids: 10 the unit user's unit, 20 the reporter's,
 * 30 the inspector's, 40 the expert's; 1–5 the office's and leaders' own.
 */
export const actors = {
  admin: actor(1, 'admin', '', 1),
  office: actor(2, 'office', CITY, 2),
  office_lindian: actor(3, 'office', LINDIAN, 3),
  leader: actor(4, 'leader', CITY, 4),
  leader_lindian: actor(5, 'leader', LINDIAN, 5),
  unit: actor(6, 'unit', CITY, 10),
  reporter: actor(7, 'reporter', CITY, 20),
  inspector: actor(8, 'inspector', CITY, 30),
  expert: actor(9, 'expert', CITY, 40),
};
export type Who = keyof typeof actors;
export const everyone = Object.keys(actors) as Who[];

/**
 * A policy table as test cases: each row (a note and the record's facts) against every actor of
 * `cast`, expecting exactly the actors `pick` names to be allowed.
 */
export function matrix<F, R extends { note: string; facts: F }, W extends string = Who>(
  rows: readonly R[],
  pick: (r: R) => readonly W[],
  cast: readonly W[] = everyone as unknown as readonly W[],
): [string, W, F, boolean][] {
  return rows.flatMap((r) =>
    cast.map((w) => [r.note, w, r.facts, pick(r).includes(w)] as [string, W, F, boolean]),
  );
}
