/**
 * The access walk by parts (issues 14 and 15): for a module whose routes are many, each part
 * (access-inspections/*.ts, access-assessment/*.ts) exports an `AccessPart` with its own fixtures,
 * built on the shared base (see access-inspections/harness.ts), and its cases written out by hand.
 * `walkParts` checks that the parts cover every route the module registers, that every non-public
 * route answers 401 without a session, and that every role gets success in scope and 403 outside it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../src/platform/access/guard.ts';
import { cityProject, DEMO_ROLES, demoUnits, signInAs } from './factories.ts';
import type { AccessPart, Base } from './access-inspections/harness.ts';
import { createTestApp } from './helpers.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function walkParts(title: string, parts: AccessPart<any>[], isModuleRoute: (r: string) => boolean) {
  const users = DEMO_ROLES;
  let base: Base;
  const fixtures = new Map<string, unknown>();

  beforeAll(async () => {
    const t = await createTestApp();
    const { zjj: unitCity, ldZjj: unitLindian, ctgs: reporterUnit } = await demoUnits(t);
    const signedIn = await signInAs(t);
    const clients = new Map(users.map((u) => [u, signedIn[u]]));
    const rows = await t.database.db.selectFrom('users').select(['id', 'username']).execute();
    const userIds = new Map(
      rows
        .filter((r) => (users as readonly string[]).includes(r.username))
        .map((r) => [r.username as (typeof users)[number], r.id]),
    );
    const city = await cityProject(signedIn.admin, {
      responsibleUnitId: unitCity,
      ownerUnitId: reporterUnit,
    });
    const lindian = await cityProject(signedIn.admin, {
      regionCode: '230623',
      responsibleUnitId: unitLindian,
    });
    base = {
      t,
      clients,
      userIds,
      unitCity,
      unitLindian,
      reporterUnit,
      projCity: city.id,
      projLindian: lindian.id,
      seq: { n: 1 },
    };
    for (const p of parts) fixtures.set(p.name, await p.setup(base));
    return () => t.close();
  }, 120_000);

  describe(title, () => {
    it('covers every registered route of the module', () => {
      const covered = new Set(
        parts.flatMap((p) => [...p.cases.map((c) => c.route), ...(p.publicRoutes ?? [])]),
      );
      const missing = [...apiRoutes.keys()].filter((r) => isModuleRoute(r) && !covered.has(r));
      expect(missing).toEqual([]);
    });

    it('every non-public route answers 401 without a session', async () => {
      for (const p of parts)
        for (const c of p.cases) {
          const f = fixtures.get(p.name);
          const [method] = c.route.split(' ');
          const res = await base.t.app.inject({
            method: method as 'GET',
            url: c.url(f, 'admin'),
            payload: c.body ? ((await c.body(f, 'admin')) as object) : undefined,
          });
          expect(res.statusCode, `${c.route} (${c.note})`).toBe(401);
        }
    });

    it('every role gets success in scope and 403 outside it', async () => {
      const failures: string[] = [];
      for (const p of parts)
        for (const c of p.cases) {
          const f = fixtures.get(p.name);
          const [method] = c.route.split(' ');
          for (const u of users) {
            await c.before?.(f, u);
            const payload = c.body ? ((await c.body(f, u)) as object) : undefined;
            const res = await base.clients
              .get(u)!
              .request({ method: method as 'GET', url: c.url(f, u), payload, headers: c.headers });
            const expectOk = c.ok.includes(u);
            const okStatus = res.statusCode >= 200 && res.statusCode < 300;
            const wanted = expectOk ? okStatus : res.statusCode === 403;
            if (!wanted)
              failures.push(`${u} ${c.route} [${c.note}] → ${res.statusCode} ${res.body.slice(0, 160)}`);
          }
        }
      expect(failures).toEqual([]);
    }, 180_000);
  });
}
