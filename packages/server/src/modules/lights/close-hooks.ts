/**
 * What runs inside a month close's transaction after the lights are saved (issue 15: the
 * assessment ledger of the closed month). Lights cannot import assessment (assessment reads the
 * lights through this module's door, so that would be a cycle), and the close should not know who
 * listens: modules that follow the close register a hook here, from their own registration in the
 * application shell (`assessmentRoutes`) or the command line. A hook that throws rolls the close
 * back, so a close never publishes lights whose ledger failed.
 */
import type { Trx } from '../../db/connection.ts';
import type { Ctx } from '../../platform/access/context.ts';

export type CloseHook = (
  trx: Trx,
  ctx: Ctx,
  region: { code: string; path: string },
  year: number,
  month: number,
) => Promise<void>;

const hooks = new Set<CloseHook>();

/** Registers `hook` to run in every month close's transaction (registering it again changes nothing). */
export function onMonthClosed(hook: CloseHook): void {
  hooks.add(hook);
}

/** Runs the registered hooks in order, in the close's transaction. */
export async function runCloseHooks(...args: Parameters<CloseHook>): Promise<void> {
  for (const hook of hooks) await hook(...args);
}
