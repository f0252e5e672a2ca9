/**
 * Login throttling. Per account: after `maxFailures` wrong passwords the account is locked for
 * `lockMinutes` (stored in the database, so it survives restarts). Per client address: a sliding
 * window in memory stops password spraying across many usernames; successes do not reset it.
 */
export const loginPolicy = { maxFailures: 5, lockMinutes: 15, ipMaxFailures: 30, ipWindowMinutes: 10 };

export class IpThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly max = loginPolicy.ipMaxFailures,
    private readonly windowMs = loginPolicy.ipWindowMinutes * 60_000,
  ) {}

  private recent(ip: string, now: number): number[] {
    const list = (this.failures.get(ip) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length) this.failures.set(ip, list);
    else this.failures.delete(ip);
    return list;
  }

  blocked(ip: string, now = Date.now()): boolean {
    return this.recent(ip, now).length >= this.max;
  }

  fail(ip: string, now = Date.now()): void {
    this.failures.set(ip, [...this.recent(ip, now), now]);
  }

  /**
   * Forgets an address (an operator's reset). A successful sign-in does not call it: one good
   * password among many wrong ones must not buy the address another 29 guesses.
   */
  clear(ip: string): void {
    this.failures.delete(ip);
  }
}

/** What a wrong password does to the account: count it, or lock when the count reaches the limit. */
export function afterFailure(
  failedAttempts: number,
  now: Date,
): { failedAttempts: number; lockedUntil: Date | null } {
  const n = failedAttempts + 1;
  if (n >= loginPolicy.maxFailures)
    return { failedAttempts: 0, lockedUntil: new Date(now.getTime() + loginPolicy.lockMinutes * 60_000) };
  return { failedAttempts: n, lockedUntil: null };
}
