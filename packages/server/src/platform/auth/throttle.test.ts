/**
 * Login throttling rules: per-account lockout after repeated wrong passwords, and the per-address
 * sliding window that stops password spraying. Pure: every test passes its own clock.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterFailure, IpThrottle, loginPolicy } from './throttle.ts';

const now = new Date('2026-04-10T02:00:00.000Z');
const MIN = 60_000;

describe('loginPolicy', () => {
  it('locks after 5 failures for 15 minutes; 30 failures per address in 10 minutes', () => {
    expect(loginPolicy).toEqual({ maxFailures: 5, lockMinutes: 15, ipMaxFailures: 30, ipWindowMinutes: 10 });
  });
});

describe('afterFailure', () => {
  // [failures already counted, counter after this failure, locked?]
  const cases: [number, number, boolean][] = [
    [0, 1, false], // 1st failure
    [1, 2, false],
    [2, 3, false],
    [3, 4, false], // 4th failure: still counted
    [4, 0, true], // 5th failure: locked, counter reset
    [5, 0, true], // a counter already past the limit (e.g. policy lowered) locks too
    [12, 0, true],
  ];
  it.each(cases)('with %i earlier failures → counter %i, locked %s', (before, after, locked) => {
    const r = afterFailure(before, now);
    expect(r.failedAttempts).toBe(after);
    if (locked) expect(r.lockedUntil?.toISOString()).toBe('2026-04-10T02:15:00.000Z');
    else expect(r.lockedUntil).toBeNull();
  });

  it('property: counts below the limit, then locks exactly 15 minutes from now and resets', () => {
    fc.assert(
      fc.property(
        fc.nat(50),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        (n, at) => {
          const r = afterFailure(n, at);
          if (n + 1 < 5) {
            expect(r).toEqual({ failedAttempts: n + 1, lockedUntil: null });
          } else {
            expect(r.failedAttempts).toBe(0);
            expect(r.lockedUntil!.getTime() - at.getTime()).toBe(15 * MIN);
          }
        },
      ),
    );
  });

  it('five failures in a row from a clean account lock it', () => {
    let state = { failedAttempts: 0, lockedUntil: null as Date | null };
    const seen: number[] = [];
    for (let i = 0; i < 5; i++) {
      state = afterFailure(state.failedAttempts, now);
      seen.push(state.failedAttempts);
    }
    expect(seen).toEqual([1, 2, 3, 4, 0]);
    expect(state.lockedUntil).not.toBeNull();
  });
});

describe('IpThrottle', () => {
  const t0 = Date.parse('2026-04-10T02:00:00.000Z');

  it('blocks at the 30th failure, not before', () => {
    const th = new IpThrottle();
    for (let i = 0; i < 29; i++) th.fail('10.0.0.1', t0 + i);
    expect(th.blocked('10.0.0.1', t0 + 100)).toBe(false);
    th.fail('10.0.0.1', t0 + 29);
    expect(th.blocked('10.0.0.1', t0 + 100)).toBe(true);
  });

  it('counts each address separately', () => {
    const th = new IpThrottle();
    for (let i = 0; i < 30; i++) th.fail('10.0.0.1', t0);
    expect(th.blocked('10.0.0.1', t0)).toBe(true);
    expect(th.blocked('10.0.0.2', t0)).toBe(false);
  });

  it('forgets failures exactly 10 minutes after they happened', () => {
    const th = new IpThrottle();
    for (let i = 0; i < 30; i++) th.fail('ip', t0);
    expect(th.blocked('ip', t0 + 10 * MIN - 1)).toBe(true);
    expect(th.blocked('ip', t0 + 10 * MIN)).toBe(false);
    // expired entries are gone for good: one more failure does not block again
    th.fail('ip', t0 + 10 * MIN);
    expect(th.blocked('ip', t0 + 10 * MIN)).toBe(false);
  });

  it('is a sliding window: old failures expire while recent ones still count', () => {
    const th = new IpThrottle();
    for (let i = 0; i < 15; i++) th.fail('ip', t0);
    for (let i = 0; i < 15; i++) th.fail('ip', t0 + 5 * MIN);
    expect(th.blocked('ip', t0 + 5 * MIN)).toBe(true);
    expect(th.blocked('ip', t0 + 10 * MIN - 1)).toBe(true);
    expect(th.blocked('ip', t0 + 10 * MIN)).toBe(false); // the first 15 expired
    for (let i = 0; i < 14; i++) th.fail('ip', t0 + 10 * MIN);
    expect(th.blocked('ip', t0 + 10 * MIN)).toBe(false); // 15 + 14 = 29
    th.fail('ip', t0 + 10 * MIN);
    expect(th.blocked('ip', t0 + 10 * MIN)).toBe(true); // 30
    expect(th.blocked('ip', t0 + 15 * MIN)).toBe(false); // the second 15 expired
  });

  it('clear() forgets an address (a successful sign-in), and only that one', () => {
    const th = new IpThrottle();
    for (let i = 0; i < 30; i++) {
      th.fail('a', t0);
      th.fail('b', t0);
    }
    th.clear('a');
    expect(th.blocked('a', t0)).toBe(false);
    expect(th.blocked('b', t0)).toBe(true);
    th.clear('never-seen'); // harmless
  });

  it('takes its limit and window from the constructor', () => {
    const th = new IpThrottle(3, 1000);
    th.fail('ip', 0);
    th.fail('ip', 500);
    expect(th.blocked('ip', 600)).toBe(false);
    th.fail('ip', 999);
    expect(th.blocked('ip', 999)).toBe(true);
    expect(th.blocked('ip', 1000)).toBe(false); // the first failure (t=0) left the window
  });

  it('property: blocked exactly when at least 30 failures fall within the last 10 minutes', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(30 * MIN), { maxLength: 80 }), fc.nat(15 * MIN), (offsets, wait) => {
        const times = offsets.map((o) => t0 + o).sort((a, b) => a - b);
        const th = new IpThrottle();
        for (const t of times) th.fail('ip', t);
        const at = (times.at(-1) ?? t0) + wait;
        const recent = times.filter((t) => at - t < 10 * MIN).length;
        expect(th.blocked('ip', at)).toBe(recent >= 30);
      }),
    );
  });
});
