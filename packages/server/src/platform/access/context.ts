/** Who is acting: the authenticated user with the facts their data scope is computed from. */
import type { Role } from '@ducha/contract';

export interface Actor {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
  /** The materialized path of the user's region, e.g. '230000.230600' ('' for admins); a subtree is a prefix. */
  regionPath: string;
  unitId: number | null;
  personId: number | null;
  mustChangePassword: boolean;
  /** 'session' or 'token': tokens cannot change passwords or mint more tokens. */
  via: 'session' | 'token';
}

export interface Ctx {
  actor: Actor | null;
  requestId: string;
  ip?: string;
}

/** The actor of an authenticated request (routes guarantee it is set before handlers run). */
export function actorOf(ctx: Ctx): Actor {
  if (!ctx.actor) throw new Error('route reached without an authenticated actor');
  return ctx.actor;
}
