/**
 * First-start data. With DUCHA_DEMO=1 (default) an empty database gets the demo city (大庆市: its
 * counties, 40+ units, people, positions with holder history, one account per role). With
 * DUCHA_DEMO=0 it gets only an `admin` account with a one-time password. Every record seeded leaves
 * its audit event, like any other mutation.
 */
import type { Ctx } from '../../platform/access/context.ts';
import { transaction, type Db, type Trx } from '../../db/connection.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { hashPassword, temporaryPassword } from '../../platform/auth/secrets.ts';
import { demoPeople, demoPositions, demoRegions, demoUnits, demoUsers } from './demo-data.ts';
import { regionPath } from './rules.ts';

/** Demo-only password, listed in the README. Never use demo data in production. */
export const DEMO_PASSWORD = 'ducha-demo-2026';

const seedCtx: Ctx = { actor: null, requestId: 'seed' };

export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}

/** Audit diffs speak the API's language (camelCase), like every other event. */
const camel = (o: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(o).map(([k, v]) => [k.replace(/_(\w)/g, (_, c: string) => c.toUpperCase()), v]),
  );
const personName = (key: string) => demoPeople.find((p) => p.key === key)!.name;

const headTitle = /(市长|县长|区长|镇长|局长|主任|总经理|董事长|院长|组长|书记)$/;

async function seedRegions(trx: Trx) {
  const paths = new Map<string, string>();
  for (const r of demoRegions) {
    const path = regionPath(r.code, r.parentCode ? paths.get(r.parentCode)! : null);
    paths.set(r.code, path);
    await trx
      .insertInto('regions')
      .values({ code: r.code, name: r.name, level: r.level, parent_code: r.parentCode, path })
      .execute();
    await recordAudit(trx, seedCtx, {
      entity: 'region',
      entityId: r.code,
      action: 'create',
      after: { ...r },
    });
  }
}

async function seedUnitsAndPeople(trx: Trx) {
  const units = new Map<string, number>();
  for (const u of demoUnits) {
    const parent = u.parentKey ? units.get(u.parentKey)! : null;
    const after = {
      name: u.name,
      shortName: u.shortName,
      type: u.type,
      regionCode: u.regionCode,
      parentId: parent,
      phone: u.phone,
    };
    const { id } = await trx
      .insertInto('units')
      .values({
        name: u.name,
        short_name: u.shortName,
        type: u.type,
        region_code: u.regionCode,
        parent_id: parent,
        phone: u.phone,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    units.set(u.key, id);
    await recordAudit(trx, seedCtx, { entity: 'unit', entityId: id, action: 'create', after });
  }
  const people = new Map<string, number>();
  for (const p of demoPeople) {
    const row = { name: p.name, unit_id: units.get(p.unitKey)!, title: p.title, phone: p.phone };
    const { id } = await trx.insertInto('people').values(row).returning('id').executeTakeFirstOrThrow();
    people.set(p.key, id);
    await recordAudit(trx, seedCtx, { entity: 'person', entityId: id, action: 'create', after: camel(row) });
  }
  // each unit's head and liaison officer, read from the titles
  for (const [key, unitId] of units) {
    const staff = demoPeople.filter((p) => p.unitKey === key && !p.title?.startsWith('原'));
    const head = staff.find((p) => p.title && !p.title.includes('副') && headTitle.test(p.title));
    const liaison = staff.find((p) => p.title?.includes('联络员')) ?? staff.find((p) => p !== head);
    const patch = {
      head_person_id: head ? people.get(head.key)! : null,
      liaison_person_id: liaison ? people.get(liaison.key)! : null,
    };
    await trx.updateTable('units').set(patch).where('id', '=', unitId).execute();
    await recordAudit(trx, seedCtx, {
      entity: 'unit',
      entityId: unitId,
      action: 'update',
      after: {
        ...camel(patch),
        headPersonName: head?.name ?? null,
        liaisonPersonName: liaison?.name ?? null,
      },
    });
  }
  return { units, people };
}

async function seedPositions(trx: Trx, units: Map<string, number>, people: Map<string, number>) {
  for (const p of demoPositions) {
    const { id } = await trx
      .insertInto('positions')
      .values({ name: p.name, unit_id: units.get(p.unitKey)! })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, seedCtx, {
      entity: 'position',
      entityId: id,
      action: 'create',
      after: {
        name: p.name,
        unitId: units.get(p.unitKey)!,
        unitName: demoUnits.find((u) => u.key === p.unitKey)!.name,
      },
    });
    for (const h of p.previous) {
      await trx
        .insertInto('position_holdings')
        .values({
          position_id: id,
          person_id: people.get(h.personKey)!,
          start_date: h.startDate,
          end_date: h.endDate,
          reason: h.reason,
        })
        .execute();
    }
    if (p.holderKey) {
      const reason = p.previous.length ? '接任' : '任职';
      await trx
        .insertInto('position_holdings')
        .values({ position_id: id, person_id: people.get(p.holderKey)!, start_date: p.currentSince, reason })
        .execute();
      await recordAudit(trx, seedCtx, {
        entity: 'position',
        entityId: id,
        action: 'change_holder',
        after: {
          holderId: people.get(p.holderKey)!,
          holderName: personName(p.holderKey),
          startDate: p.currentSince,
        },
        reason,
      });
    }
  }
}

async function seedUsers(trx: Trx, units: Map<string, number>, people: Map<string, number>, hash: string) {
  for (const u of demoUsers) {
    const row = {
      username: u.username,
      display_name: u.displayName,
      role: u.role,
      region_code: u.regionCode,
      unit_id: u.unitKey ? units.get(u.unitKey)! : null,
      person_id: u.personKey ? people.get(u.personKey)! : null,
    };
    const { id } = await trx
      .insertInto('users')
      .values({ ...row, password_hash: hash })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, seedCtx, { entity: 'user', entityId: id, action: 'create', after: camel(row) });
  }
}

/** Seeds the demo city in one transaction. */
export async function seedDemo(db: Db): Promise<void> {
  const hash = await hashPassword(DEMO_PASSWORD);
  await transaction(db, async (trx) => {
    await seedRegions(trx);
    const { units, people } = await seedUnitsAndPeople(trx);
    await seedPositions(trx, units, people);
    await seedUsers(trx, units, people, hash);
  });
}

/** An empty install: one admin who must change the password shown here at first sign-in. */
export async function bootstrapAdmin(db: Db, password = process.env.DUCHA_ADMIN_PASSWORD): Promise<string> {
  const initial = password || temporaryPassword();
  const hash = await hashPassword(initial);
  await transaction(db, async (trx) => {
    const row = {
      username: 'admin',
      display_name: '系统管理员',
      role: 'admin',
      region_code: null,
      must_change_password: true,
    };
    const { id } = await trx
      .insertInto('users')
      .values({ ...row, password_hash: hash })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, seedCtx, { entity: 'user', entityId: id, action: 'create', after: camel(row) });
  });
  return initial;
}
