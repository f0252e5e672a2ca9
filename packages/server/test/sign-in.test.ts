/**
 * Sign-in does not tell whether an account exists (issue 11): an unknown name, a deactivated
 * account and a wrong password answer alike, attempt for attempt, lock included; and a good
 * sign-in does not reset an address's failure count.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/modules/org/seed.ts';
import { user } from './factories.ts';
import { createTestApp, login, type Client, type TestApp } from './helpers.ts';

let t: TestApp;
let app: FastifyInstance;
let admin: Client;
let ipSeq = 0;

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  admin = await login(app, 'admin');
});
afterAll(async () => {
  await t.close();
});

/** Each case from its own address, so the address throttle stays out of the way unless tested. */
const freshIp = () => `198.51.100.${++ipSeq}`;
const signIn = (username: string, password: string, remoteAddress: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });

/** What a caller can compare: status and error without the request id and the lock's exact time. */
const answer = (r: LightMyRequestResponse) => {
  const { requestId, lockedUntil, ...error } = r.json().error;
  expect(requestId).toEqual(expect.any(String));
  return { status: r.statusCode, error, locked: typeof lockedUntil === 'string', cookies: r.cookies.length };
};

/** Six attempts: five with `password`, then the sixth with `last`. */
async function sequence(username: string, password: string, last: string) {
  const ip = freshIp();
  const out = [];
  for (let i = 0; i < 5; i++) out.push(answer(await signIn(username, password, ip)));
  out.push(answer(await signIn(username, last, ip)));
  return out;
}

async function account(username: string, active = true) {
  const unitId = (
    await t.database.db
      .selectFrom('users')
      .select('unit_id')
      .where('username', '=', 'reporter')
      .executeTakeFirstOrThrow()
  ).unit_id;
  const created = await user(admin, { username, unitId });
  const temp = created.temporaryPassword;
  const s = await login(app, username, temp);
  expect(
    (await s.post('/api/auth/password', { currentPassword: temp, newPassword: DEMO_PASSWORD })).statusCode,
  ).toBe(200);
  if (!active) {
    const row = (await admin.get(`/api/users/${created.user.id}`)).json();
    expect(
      (await admin.patch(`/api/users/${row.id}`, { version: row.version, active: false })).statusCode,
    ).toBe(200);
  }
  return created.user.id as number;
}

const expected = [
  ...Array.from({ length: 4 }, () => ({
    status: 401,
    error: { code: 'BAD_CREDENTIALS', message: '用户名或密码错误', details: [] },
    locked: false,
    cookies: 0,
  })),
  ...Array.from({ length: 2 }, () => ({
    status: 423,
    error: { code: 'ACCOUNT_LOCKED', message: '登录失败次数过多，账号已临时锁定，请稍后再试', details: [] },
    locked: true,
    cookies: 0,
  })),
];

describe('the same answers for unknown, deactivated, wrong and locked', () => {
  it('an unknown name: four 401s, then 423 with lockedUntil on the fifth, and even the right password is refused while locked', async () => {
    const t0 = Date.now();
    expect(await sequence('nobody_at_all', 'wrong-password-1', DEMO_PASSWORD)).toEqual(expected);
    const again = await signIn('NOBODY_AT_ALL', 'x', freshIp()); // names are case-insensitive, accounts or not
    expect(again.statusCode).toBe(423);
    const until = Date.parse(again.json().error.lockedUntil);
    expect(until).toBeGreaterThanOrEqual(t0 + 15 * 60_000 - 1000);
    expect(until).toBeLessThanOrEqual(Date.now() + 15 * 60_000 + 1000);
  });

  it('a known account with a wrong password answers exactly like that', async () => {
    await account('shadow_known');
    expect(await sequence('shadow_known', 'wrong-password-1', DEMO_PASSWORD)).toEqual(expected);
  });

  it('a deactivated account answers its right password as a wrong one (401, then locked), never 403', async () => {
    await account('shadow_disabled', false);
    expect(await sequence('shadow_disabled', DEMO_PASSWORD, DEMO_PASSWORD)).toEqual(expected);
    await account('shadow_disabled_2', false);
    expect(await sequence('shadow_disabled_2', 'wrong-password-1', 'wrong-password-2')).toEqual(expected);
  });

  it('once the lock has passed, an unknown name counts again from one, like an account', async () => {
    expect(await sequence('nobody_expired', 'wrong-password-1', 'wrong-password-1')).toEqual(expected);
    await t.database.db
      .updateTable('login_shadows')
      .set({ locked_until: new Date(Date.now() - 1000) })
      .where('name', '=', 'nobody_expired')
      .execute();
    expect(await sequence('nobody_expired', 'wrong-password-1', 'wrong-password-1')).toEqual(expected);
  });

  it('a good sign-in is unaffected: an account in good standing signs in with its password', async () => {
    await account('shadow_fine');
    const ok = await signIn('shadow_fine', DEMO_PASSWORD, freshIp());
    expect(ok.statusCode).toBe(200);
    expect(ok.cookies.length).toBe(2);
  });
});

describe('the address throttle', () => {
  it('29 failures, one good sign-in, then the 30th failure: the address is blocked (429), also for a right password', async () => {
    const ip = freshIp();
    await account('throttle_user');
    for (let i = 0; i < 29; i++)
      expect((await signIn(`spray_${i}`, 'wrong-password-1', ip)).statusCode, `failure ${i + 1}`).toBe(401);
    expect((await signIn('throttle_user', DEMO_PASSWORD, ip)).statusCode).toBe(200);
    expect((await signIn('spray_29', 'wrong-password-1', ip)).statusCode).toBe(401);
    const blocked = await signIn('throttle_user', DEMO_PASSWORD, ip);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error).toMatchObject({ code: 'TOO_MANY_REQUESTS', details: [] });
    // another address still signs in
    expect((await signIn('throttle_user', DEMO_PASSWORD, freshIp())).statusCode).toBe(200);
  });
});
