/**
 * Identity over HTTP against the real database: sign-in and lockout, CSRF on cookie sessions,
 * personal API tokens, password changes and resets, deactivation, sign-out, and the audit rows
 * each of them leaves.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/modules/org/seed.ts';
import { user } from './factories.ts';
import { createTestApp, login, type Client, type TestApp } from './helpers.ts';

let t: TestApp;
let app: FastifyInstance;
let admin: Client;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  admin = await login(app, 'admin');
});
afterAll(async () => {
  await t.close();
});

const signIn = (username: string, password = DEMO_PASSWORD, remoteAddress?: string) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    ...(remoteAddress ? { remoteAddress } : {}),
  });

function cookiesOf(res: LightMyRequestResponse) {
  const c = Object.fromEntries(res.cookies.map((x) => [x.name, x.value]));
  return {
    session: c.ducha_session!,
    csrf: c.ducha_csrf!,
    header: `ducha_session=${c.ducha_session}; ducha_csrf=${c.ducha_csrf}`,
  };
}

/** A raw session: cookie always, CSRF header only when given. */
function session(res: LightMyRequestResponse) {
  const c = cookiesOf(res);
  const send = (o: InjectOptions, csrf: string | null = c.csrf) =>
    app.inject({
      ...o,
      headers: { cookie: c.header, ...(csrf !== null ? { 'x-csrf-token': csrf } : {}), ...(o.headers ?? {}) },
    });
  return { ...c, send, get: (url: string) => send({ method: 'GET', url }, null) };
}

const bearer = (token: string, o: InjectOptions) =>
  app.inject({ ...o, headers: { authorization: `Bearer ${token}`, ...(o.headers ?? {}) } });

const userRow = (username: string) =>
  t.database.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
const auditOf = (entity: string, id: number | string) =>
  t.database.db
    .selectFrom('audit_events')
    .selectAll()
    .where('entity', '=', entity)
    .where('entity_id', '=', String(id))
    .orderBy('seq', 'desc')
    .execute();
const auditCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('sign-in', () => {
  it('answers the current user with permissions, sets an httpOnly session cookie and a readable CSRF cookie, and records a login', async () => {
    const office = await userRow('office');
    const res = await signIn('office');
    expect(res.statusCode).toBe(200);
    const me = res.json();
    expect(me).toMatchObject({
      id: office.id,
      username: 'office',
      displayName: '汤子涵',
      role: 'office',
      regionCode: '230600',
      regionName: '大庆市',
      mustChangePassword: false,
    });
    expect(me.permissions).toEqual(expect.arrayContaining(['org.read', 'org.write', 'user.write']));
    expect(me.permissions).not.toContain('region.write');
    // never a password hash, under any name
    expect(Object.keys(me)).not.toEqual(expect.arrayContaining(['passwordHash']));
    expect(res.body).not.toMatch(/argon2|password_?hash/i);

    const sessionCookie = res.cookies.find((c) => c.name === 'ducha_session')!;
    const csrfCookie = res.cookies.find((c) => c.name === 'ducha_csrf')!;
    expect(sessionCookie.httpOnly).toBe(true);
    expect(csrfCookie.httpOnly).toBeFalsy();
    expect(sessionCookie.sameSite?.toLowerCase()).toBe('lax');
    expect(sessionCookie.path).toBe('/');

    // the database keeps only a hash of the session cookie
    const rows = await t.database.db
      .selectFrom('sessions')
      .selectAll()
      .where('user_id', '=', office.id)
      .execute();
    expect(rows.map((r) => r.id)).toContain(sha256(sessionCookie.value));
    expect(rows.map((r) => r.id)).not.toContain(sessionCookie.value);

    const [last] = await auditOf('user', office.id);
    expect(last).toMatchObject({ action: 'login', actor_id: office.id, actor_name: '汤子涵' });
    expect(last!.diff).toEqual({ ip: { before: null, after: '127.0.0.1' } });

    const row = await userRow('office');
    expect(row.last_login_at).not.toBeNull();
  });

  it('accepts the username in any letter case', async () => {
    const res = await signIn('OFFICE');
    expect(res.statusCode).toBe(200);
    expect(res.json().username).toBe('office');
  });

  it('refuses a wrong password with 401 BAD_CREDENTIALS and records login_failed without an actor', async () => {
    const office = await userRow('office');
    const res = await signIn('office', 'wrong-password-1');
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({
      code: 'BAD_CREDENTIALS',
      message: '用户名或密码错误',
      details: [],
    });
    expect(res.cookies).toHaveLength(0);
    const [last] = await auditOf('user', office.id);
    expect(last).toMatchObject({ action: 'login_failed', actor_id: null, actor_name: null });
    expect(last!.diff).toEqual({ ip: { before: null, after: '127.0.0.1' } });
    expect((await userRow('office')).failed_attempts).toBe(1);
    // a good sign-in resets the counter
    expect((await signIn('office')).statusCode).toBe(200);
    expect((await userRow('office')).failed_attempts).toBe(0);
  });

  it('gives an unknown username exactly the same answer as a wrong password, and writes nothing', async () => {
    const before = await auditCount();
    const unknown = await signIn('nobody_here', 'wrong-password-1');
    const wrong = await signIn('office', 'wrong-password-1');
    expect(unknown.statusCode).toBe(401);
    const strip = (r: LightMyRequestResponse) => ({ ...r.json().error, requestId: undefined });
    expect(strip(unknown)).toEqual(strip(wrong));
    expect(await auditCount()).toBe(before + 1); // only the known account's failure is recorded
    expect((await signIn('office')).statusCode).toBe(200);
  });

  it('validates the body: empty username → 400 at body.username', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: '  ', password: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
    expect(res.json().error.details).toEqual([{ path: 'body.username', message: '请输入用户名' }]);
  });
});

describe('lockout', () => {
  it('locks after the 5th wrong password for 15 minutes, refuses even the right one, and an admin unlock lifts it', async () => {
    const inspector = await userRow('inspector');
    for (let i = 1; i <= 4; i++) {
      const res = await signIn('inspector', `wrong-password-${i}`);
      expect(res.statusCode, `attempt ${i}`).toBe(401);
      expect(res.json().error.code).toBe('BAD_CREDENTIALS');
      expect((await userRow('inspector')).failed_attempts).toBe(i);
    }
    const t0 = Date.now();
    const fifth = await signIn('inspector', 'wrong-password-5');
    const t1 = Date.now();
    expect(fifth.statusCode).toBe(423);
    const err = fifth.json().error;
    expect(err.code).toBe('ACCOUNT_LOCKED');
    expect(err.message).toBe('登录失败次数过多，账号已临时锁定，请稍后再试');
    const until = Date.parse(err.lockedUntil);
    expect(until).toBeGreaterThanOrEqual(t0 + 15 * 60_000 - 1000);
    expect(until).toBeLessThanOrEqual(t1 + 15 * 60_000 + 1000);

    const row = await userRow('inspector');
    expect(row.failed_attempts).toBe(0);
    expect(row.locked_until?.toISOString()).toBe(err.lockedUntil);

    const trail = (await auditOf('user', inspector.id)).slice(0, 5).map((e) => e.action);
    expect(trail).toEqual(['locked', 'login_failed', 'login_failed', 'login_failed', 'login_failed']);

    // the right password is refused while locked, with the same lock time, and nothing more is recorded
    const before = await auditCount();
    const right = await signIn('inspector');
    expect(right.statusCode).toBe(423);
    expect(right.json().error).toMatchObject({ code: 'ACCOUNT_LOCKED', lockedUntil: err.lockedUntil });
    expect(await auditCount()).toBe(before);

    // the administrator sees the lock, and lifts it
    const seen = await admin.get(`/api/users/${inspector.id}`);
    expect(seen.json().lockedUntil).toBe(err.lockedUntil);
    const unlock = await admin.post(`/api/users/${inspector.id}/unlock`);
    expect(unlock.statusCode).toBe(200);
    expect(unlock.json().lockedUntil).toBeNull();
    const [unlockEvent] = await auditOf('user', inspector.id);
    expect(unlockEvent).toMatchObject({ action: 'unlock', actor_name: '系统管理员' });
    expect(unlockEvent!.diff).toEqual({ lockedUntil: { before: err.lockedUntil, after: null } });

    expect((await signIn('inspector')).statusCode).toBe(200);
  });
});

describe('address throttle', () => {
  it('after 30 failures from one address it answers 429 there (even for a right password), while other addresses still sign in', async () => {
    const ip = '203.0.113.7';
    for (let i = 0; i < 30; i++)
      expect((await signIn(`ghost_${i}`, 'wrong-password-1', ip)).statusCode).toBe(401);
    const blocked = await signIn('office', DEMO_PASSWORD, ip);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('TOO_MANY_REQUESTS');
    expect((await signIn('office', DEMO_PASSWORD, '203.0.113.8')).statusCode).toBe(200);
  });
});

describe('CSRF on cookie sessions', () => {
  it('refuses a write with the session cookie but no or a wrong x-csrf-token (403 CSRF), and writes nothing', async () => {
    const s = session(await signIn('office'));
    const other = session(await signIn('office'));
    const count = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('api_tokens')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    for (const csrf of [null, 'not-the-token', other.csrf, '']) {
      const res = await s.send({ method: 'POST', url: '/api/tokens', payload: { name: '脚本' } }, csrf);
      expect(res.statusCode, `csrf=${csrf}`).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'CSRF', message: '页面已过期，请刷新后重试' });
    }
    const patch = await s.send({ method: 'PATCH', url: '/api/units/1', payload: { version: 1 } }, null);
    expect(patch.statusCode).toBe(403);
    expect(patch.json().error.code).toBe('CSRF');
    expect(await count()).toBe(before);
    // with its own token the same write goes through
    expect((await s.send({ method: 'POST', url: '/api/tokens', payload: { name: '脚本' } })).statusCode).toBe(
      201,
    );
  });

  it('needs no CSRF header for reads', async () => {
    const s = session(await signIn('office'));
    expect((await s.get('/api/auth/me')).statusCode).toBe(200);
    expect((await s.get('/api/units')).statusCode).toBe(200);
  });

  it('GET /api/auth/session answers the user, or null (never 401) for no, a forged or a bad credential', async () => {
    const s = session(await signIn('office'));
    const mine = await s.get('/api/auth/session');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().user).toMatchObject({ username: 'office', role: 'office' });
    for (const headers of [
      {},
      { cookie: 'ducha_session=forged-session-value' },
      { authorization: 'Bearer not-a-token' },
    ]) {
      const res = await app.inject({ method: 'GET', url: '/api/auth/session', headers });
      expect([res.statusCode, res.json()]).toEqual([200, { user: null }]);
    }
  });

  it('treats an unknown session cookie as signed out', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: 'ducha_session=forged-session-value' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });
});

describe('personal API tokens', () => {
  let office: Client;
  let token: string;
  let tokenId: number;

  beforeAll(async () => {
    office = await login(app, 'office');
  });

  it('creates a dch_ token shown once; the database keeps only its sha256 hash', async () => {
    const res = await office.post('/api/tokens', { name: '数据同步脚本', expiresInDays: 30 });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    token = body.token;
    tokenId = body.apiToken.id;
    expect(token).toMatch(/^dch_[A-Za-z0-9_-]{40,}$/);
    expect(body.apiToken).toMatchObject({
      name: '数据同步脚本',
      prefix: token.slice(0, 10),
      lastUsedAt: null,
      revokedAt: null,
    });
    const days = (Date.parse(body.apiToken.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);

    const list = await office.get('/api/tokens');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { id: number }) => i.id)).toContain(tokenId);
    expect(list.body).not.toContain(token);

    const row = await t.database.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', tokenId)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(sha256(token));
    expect(row.token_hash).not.toBe(token);
    expect(JSON.stringify(row)).not.toContain(token);

    const [event] = await auditOf('api_token', tokenId);
    expect(event).toMatchObject({ action: 'create_token', actor_name: '汤子涵' });
    expect(JSON.stringify(event)).not.toContain(token);
  });

  it('Bearer works for reads and for writes without CSRF, and records last use', async () => {
    const me = await bearer(token, { method: 'GET', url: '/api/auth/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json().username).toBe('office');

    const zdb = (await userRow('office')).unit_id!;
    const created = await bearer(token, {
      method: 'POST',
      url: '/api/people',
      payload: { name: '令牌测试', unitId: zdb },
    });
    expect(created.statusCode).toBe(201);
    const [event] = await auditOf('person', created.json().id);
    expect(event).toMatchObject({ action: 'create', actor_id: (await userRow('office')).id });

    const lower = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `bearer ${token}` },
    });
    expect(lower.statusCode).toBe(200);

    const listed = (await office.get('/api/tokens'))
      .json()
      .items.find((i: { id: number }) => i.id === tokenId);
    expect(listed.lastUsedAt).not.toBeNull();
  });

  it('a token cannot mint tokens or change the password (403)', async () => {
    const mint = await bearer(token, { method: 'POST', url: '/api/tokens', payload: { name: '再来一个' } });
    expect(mint.statusCode).toBe(403);
    expect(mint.json().error).toMatchObject({
      code: 'FORBIDDEN',
      details: [{ path: 'authorization', message: 'API 令牌不能再创建令牌' }],
    });
    const pw = await bearer(token, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: DEMO_PASSWORD, newPassword: 'another-pass-2026' },
    });
    expect(pw.statusCode).toBe(403);
    expect(pw.json().error.details).toEqual([{ path: 'authorization', message: 'API 令牌不能修改密码' }]);
    // the demo password still works: nothing changed
    expect((await signIn('office')).statusCode).toBe(200);
  });

  it('refuses malformed Authorization headers and unknown tokens with 401, even alongside a valid session cookie', async () => {
    const s = session(await signIn('office'));
    for (const authorization of [
      'Bearer',
      'Bearer ',
      'Basic b2ZmaWNlOnB3',
      `Bearer ${token} extra`,
      `Token ${token}`,
    ]) {
      const res = await s.send({ method: 'GET', url: '/api/auth/me', headers: { authorization } });
      expect(res.statusCode, authorization).toBe(401);
      expect(res.json().error).toMatchObject({
        code: 'UNAUTHENTICATED',
        details: [{ path: 'authorization', message: '应为 Bearer 令牌' }],
      });
    }
    const unknown = await bearer('dch_0000000000000000000000000000000000000000000', {
      method: 'GET',
      url: '/api/auth/me',
    });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.details).toEqual([
      { path: 'authorization', message: '令牌无效、已过期或已吊销' },
    ]);
  });

  it('an expired token answers 401', async () => {
    const res = await office.post('/api/tokens', { name: '短期' });
    const { token: short, apiToken } = res.json();
    expect((await bearer(short, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    await t.database.db
      .updateTable('api_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', apiToken.id)
      .execute();
    expect((await bearer(short, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('a revoked token answers 401, stays listed as revoked, and the revocation is audited', async () => {
    const revoke = await office.delete(`/api/tokens/${tokenId}`);
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json().revokedAt).not.toBeNull();
    const res = await bearer(token, { method: 'GET', url: '/api/auth/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
    const listed = (await office.get('/api/tokens'))
      .json()
      .items.find((i: { id: number }) => i.id === tokenId);
    expect(listed.revokedAt).toBe(revoke.json().revokedAt);
    const [event] = await auditOf('api_token', tokenId);
    expect(event).toMatchObject({ action: 'revoke_token' });
  });
});

describe('changing the password', () => {
  const username = 'pw_tester';
  let temporary: string;

  beforeAll(async () => {
    const reporterUnit = (await userRow('reporter')).unit_id;
    ({ temporaryPassword: temporary } = await user(admin, {
      username,
      displayName: '密码测试员',
      role: 'reporter',
      regionCode: '230600',
      unitId: reporterUnit,
    }));
  });

  it('a new account must change its one-time password before anything but me, password and logout', async () => {
    const res = await signIn(username, temporary);
    expect(res.statusCode).toBe(200);
    expect(res.json().mustChangePassword).toBe(true);
    const s = session(res);
    expect((await s.get('/api/auth/me')).statusCode).toBe(200);
    for (const url of ['/api/units', '/api/people', '/api/tokens', '/api/regions']) {
      const r = await s.get(url);
      expect(r.statusCode, url).toBe(403);
      expect(r.json().error).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改初始密码' });
    }
    const mint = await s.send({ method: 'POST', url: '/api/tokens', payload: { name: 'x' } });
    expect(mint.statusCode).toBe(403);
    expect(mint.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('refuses a wrong current password (400 at body.currentPassword) and weak new passwords (400 at body.newPassword)', async () => {
    const s = session(await signIn(username, temporary));
    const post = (body: object) => s.send({ method: 'POST', url: '/api/auth/password', payload: body });

    const wrong = await post({ currentPassword: 'not-my-password-1', newPassword: 'a-strong-pass-2026' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({
      code: 'PASSWORD_MISMATCH',
      details: [{ path: 'body.currentPassword', message: '原密码不正确' }],
    });

    const weak: [string, string][] = [
      ['short1', '密码至少 10 位'],
      ['abcdefghijkl', '密码须包含数字'],
      ['1234567890123', '密码须包含字母'],
    ];
    for (const [newPassword, message] of weak) {
      const r = await post({ currentPassword: temporary, newPassword });
      expect(r.statusCode, newPassword).toBe(400);
      expect(r.json().error.code).toBe('VALIDATION');
      expect(r.json().error.details).toContainEqual({ path: 'body.newPassword', message });
    }
    const same = await post({ currentPassword: temporary, newPassword: temporary });
    expect(same.statusCode).toBe(400);
    expect(same.json().error).toMatchObject({
      code: 'PASSWORD_WEAK',
      details: [{ path: 'body.newPassword', message: '新密码不能与原密码相同' }],
    });

    // nothing changed: the temporary password still signs in
    expect((await signIn(username, temporary)).statusCode).toBe(200);
  });

  it('success keeps the current session, signs out the others, and retires the old password', async () => {
    const current = session(await signIn(username, temporary));
    const other = session(await signIn(username, temporary));
    const res = await current.send({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: temporary, newPassword: 'New-pass-2026x' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });

    expect((await current.get('/api/units')).statusCode).toBe(200);
    expect((await current.get('/api/auth/me')).json().mustChangePassword).toBe(false);
    expect((await other.get('/api/auth/me')).statusCode).toBe(401);

    const old = await signIn(username, temporary);
    expect(old.statusCode).toBe(401);
    expect(old.json().error.code).toBe('BAD_CREDENTIALS');
    const fresh = await signIn(username, 'New-pass-2026x');
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json().mustChangePassword).toBe(false);

    const user = await userRow(username);
    const events = await auditOf('user', user.id);
    expect(events.find((e) => e.action === 'change_password')).toMatchObject({ actor_id: user.id, diff: {} });
  });
});

describe('reset by the administrator', () => {
  it('gives a one-time password, signs the user out, and forces a change before other routes', async () => {
    const leader = await userRow('leader');
    const before = session(await signIn('leader'));
    const token = await before.send({ method: 'POST', url: '/api/tokens', payload: { name: '脚本' } });
    expect(token.statusCode).toBe(201);
    const res = await admin.post(`/api/users/${leader.id}/reset-password`);
    expect(res.statusCode).toBe(200);
    const temporary: string = res.json().temporaryPassword;
    expect(temporary).toMatch(/^[A-Za-z0-9]{14}$/);
    expect(res.json().user).toMatchObject({ id: leader.id, mustChangePassword: true });
    const [event] = await auditOf('user', leader.id);
    expect(event).toMatchObject({ action: 'reset_password', actor_name: '系统管理员' });
    // a reset also revokes the account's API tokens
    const live = await t.database.db
      .selectFrom('api_tokens')
      .select('id')
      .where('user_id', '=', leader.id)
      .where('revoked_at', 'is', null)
      .execute();
    expect(live).toEqual([]);
    expect((await bearer(token.json().token, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect(JSON.stringify(event)).not.toContain(temporary);

    expect((await before.get('/api/auth/me')).statusCode).toBe(401);
    expect((await signIn('leader')).statusCode).toBe(401);

    const s = session(await signIn('leader', temporary));
    expect((await s.get('/api/auth/me')).json().mustChangePassword).toBe(true);
    const blocked = await s.get('/api/units');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');

    const change = await s.send({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: temporary, newPassword: 'Leader-pass-2026' },
    });
    expect(change.statusCode).toBe(200);
    expect((await s.get('/api/units')).statusCode).toBe(200);

    // logout is reachable with a temporary password too
    const s2 = session(await signIn('leader', 'Leader-pass-2026'));
    expect((await s2.send({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(200);
  });

  it('a temporary-password session may sign out', async () => {
    const reporterUnit = (await userRow('reporter')).unit_id;
    const created = await user(admin, {
      username: 'logout_tmp',
      displayName: '退出测试',
      role: 'reporter',
      regionCode: '230600',
      unitId: reporterUnit,
    });
    const s = session(await signIn('logout_tmp', created.temporaryPassword));
    expect((await s.send({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(200);
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('deactivated accounts', () => {
  it('cannot sign in (401 BAD_CREDENTIALS, as an unknown name: issue 11), and their sessions and tokens stop working at once', async () => {
    const expert = await userRow('expert');
    const s = session(await signIn('expert'));
    const { token } = (
      await s.send({ method: 'POST', url: '/api/tokens', payload: { name: '专家脚本' } })
    ).json();
    expect((await bearer(token, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);

    const off = await admin.patch(`/api/users/${expert.id}`, { version: expert.version, active: false });
    expect(off.statusCode).toBe(200);
    expect(off.json().active).toBe(false);
    const [event] = await auditOf('user', expert.id);
    expect(event).toMatchObject({ action: 'deactivate' });
    expect(event!.diff).toMatchObject({ active: { before: true, after: false } });

    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
    expect((await bearer(token, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const again = await signIn('expert');
    expect(again.statusCode).toBe(401);
    expect(again.json().error).toMatchObject({ code: 'BAD_CREDENTIALS', message: '用户名或密码错误' });
    expect(again.cookies).toHaveLength(0);

    // re-activation is audited as such and lets the account back in
    const on = await admin.patch(`/api/users/${expert.id}`, { version: off.json().version, active: true });
    expect(on.statusCode).toBe(200);
    expect((await auditOf('user', expert.id))[0]).toMatchObject({ action: 'activate' });
    expect((await signIn('expert')).statusCode).toBe(200);
  });
});

describe('sign-out', () => {
  it('invalidates the session, clears the cookies and records a logout', async () => {
    const office = await userRow('office');
    const res = await signIn('office');
    const s = session(res);
    const out = await s.send({ method: 'POST', url: '/api/auth/logout' });
    expect(out.statusCode).toBe(200);
    expect(out.json()).toEqual({ ok: true });
    const cleared = Object.fromEntries(out.cookies.map((c) => [c.name, c]));
    expect(cleared.ducha_session?.value).toBe('');
    expect(cleared.ducha_csrf?.value).toBe('');
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
    const row = await t.database.db
      .selectFrom('sessions')
      .select('id')
      .where('id', '=', sha256(s.session))
      .executeTakeFirst();
    expect(row).toBeUndefined();
    const [event] = await auditOf('user', office.id);
    expect(event).toMatchObject({ action: 'logout', actor_id: office.id });
  });

  it('sign-out is a write: it needs the CSRF header', async () => {
    const s = session(await signIn('office'));
    const out = await s.send({ method: 'POST', url: '/api/auth/logout' }, null);
    expect(out.statusCode).toBe(403);
    expect(out.json().error.code).toBe('CSRF');
    expect((await s.get('/api/auth/me')).statusCode).toBe(200);
  });
});

describe('secrets stay out of answers and the trail', () => {
  it('no audit diff and no user listing carries a password hash', async () => {
    const leaked = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_events where diff::text like '%argon2%' or diff::text ilike '%password_hash%'`.execute(
      t.database.db,
    );
    expect(leaked.rows[0]!.n).toBe(0);
    const users = await admin.get('/api/users?pageSize=500&includeInactive=true');
    expect(users.statusCode).toBe(200);
    expect(users.body).not.toMatch(/argon2|password_?hash/i);
  });
});
