/**
 * Walks every inspections route (issue 14) for every role, with records in and out of scope, as
 * access.test.ts does for the rest: 401 without a session (except the public reads), 403 without
 * the permission or outside the scope, success otherwise. The cases live in access-inspections/,
 * one file per part, written out by hand from DOMAIN §1 and §7.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../src/platform/access/guard.ts';
import { cityProject, DEMO_ROLES, demoUnits, signInAs } from './factories.ts';
import type { Base } from './access-inspections/harness.ts';
import { parts } from './access-inspections/parts.ts';
import { createTestApp } from './helpers.ts';

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
  const city = await cityProject(signedIn.admin, { responsibleUnitId: unitCity, ownerUnitId: reporterUnit });
  const lindian = await cityProject(signedIn.admin, { regionCode: '230623', responsibleUnitId: unitLindian });
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

/** The inspections routes: the ones the parts cover, or that look like theirs. */
export const isInspectionRoute = (r: string) =>
  /^\w+ \/api\/(inspection|inspections|experts|inspectors|inspection-\w+|draws|leading-groups|public)(\/|$)/.test(
    r,
  );

describe('access: inspections, every route, every role, in and out of scope', () => {
  it('covers every registered inspections route', () => {
    const covered = new Set(
      parts.flatMap((p) => [...p.cases.map((c) => c.route), ...(p.publicRoutes ?? [])]),
    );
    const missing = [...apiRoutes.keys()].filter((r) => isInspectionRoute(r) && !covered.has(r));
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
