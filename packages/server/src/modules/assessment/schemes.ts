/**
 * Assessment schemes (考核方案, issue 15): per region and year, versioned configuration. The office
 * over the region drafts a revision (the default from the seeds when it sends no config), edits
 * it, activates it (retiring the active one); an active or retired revision is never edited, it is
 * revised into a new draft. The groups' units must be active units of the region's subtree.
 */
import type { SchemeConfig, schemeCreate, schemeQuery, schemeUpdate } from '@ducha/contract';
import { sql } from 'kysely';
import type { z } from 'zod';
import { transaction, type Db, type Executor, type Trx } from '../../db/connection.ts';
import { actorOf, type Actor, type Ctx } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { userNameOf } from '../../platform/auth/accounts.ts';
import { DomainError, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { assertVersion, containing, iso, paged } from '../../platform/records.ts';
import {
  getRegion,
  regionCodeAbove,
  regionCodeUnder,
  regionNameOf,
  regionPathOf,
} from '../../platform/regions.ts';
import { unitsOfRegion } from '../org/index.ts';
import { defaultSchemeConfig } from './default-scheme.ts';
import { canManageScores, canReadScheme } from './policy.ts';

type Status = 'draft' | 'active' | 'retired';
const columns = [
  's.id',
  's.region_code',
  's.year',
  's.revision',
  's.name',
  's.status',
  's.notes',
  's.config',
  's.created_at',
  's.activated_at',
  's.version',
] as const;

const select = (db: Executor) =>
  db
    .selectFrom('assessment_schemes as s')
    .select(columns)
    .select([
      regionNameOf('s.region_code').as('region_name'),
      regionPathOf('s.region_code').as('region_path'),
      userNameOf('s.created_by').as('creator'),
      userNameOf('s.activated_by').as('activator'),
    ]);
type SchemeSelect = Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>;

const present = (r: SchemeSelect) => ({
  id: r.id,
  regionCode: r.region_code,
  regionName: r.region_name,
  year: r.year,
  revision: r.revision,
  name: r.name,
  status: r.status,
  notes: r.notes,
  config: r.config,
  createdBy: r.creator,
  createdAt: new Date(r.created_at).toISOString(),
  activatedBy: r.activator,
  activatedAt: iso(r.activated_at),
  version: r.version,
});

const summary = (r: SchemeSelect) => {
  const { config, notes: _n, ...rest } = present(r);
  return {
    ...rest,
    groups: config.groups.length,
    units: config.groups.reduce((n, g) => n + g.unitIds.length, 0),
  };
};

const invalidState = (message: string) =>
  new DomainError('INVALID_STATE', 409, [{ path: 'status', message }]);

/** The scheme, or 404; read access checked. */
export async function getScheme(db: Executor, ctx: Ctx, id: number) {
  const r = await select(db).where('s.id', '=', id).executeTakeFirst();
  if (!r) throw notFound();
  if (!canReadScheme(actorOf(ctx), r.region_path, r.status)) throw outOfScope();
  return present(r);
}

/** Schemes the actor reads, newest year and revision first. */
export async function listSchemes(db: Db, ctx: Ctx, q: z.infer<typeof schemeQuery>) {
  const a = actorOf(ctx);
  let base = db.selectFrom('assessment_schemes as s');
  if (a.role === 'unit') {
    // unit staff: the active revisions of their region and the regions above it
    base = base.where('s.status', '=', 'active').where(regionCodeAbove('s.region_code', a.regionPath));
  } else if (a.role !== 'admin') base = base.where(regionCodeUnder('s.region_code', a.regionPath));
  if (q.regionCode) base = base.where('s.region_code', '=', q.regionCode);
  if (q.year) base = base.where('s.year', '=', q.year);
  if (q.status) base = base.where('s.status', '=', q.status);
  // a region keeps a scheme or two a year: the name's search needs no index
  if (q.q) base = base.where('s.name', 'ilike', containing(q.q));
  return paged(
    db,
    base,
    (b) =>
      b
        .select(columns)
        .select([
          regionNameOf('s.region_code').as('region_name'),
          regionPathOf('s.region_code').as('region_path'),
          userNameOf('s.created_by').as('creator'),
          userNameOf('s.activated_by').as('activator'),
        ])
        .orderBy('s.year', 'desc')
        .orderBy('s.region_code')
        .orderBy('s.revision', 'desc'),
    { page: q.page, pageSize: q.pageSize, present: summary },
  );
}

/** 400 at the unit's path unless every group member is an active unit of the region's subtree. */
async function checkGroups(db: Executor, path: string, config: SchemeConfig) {
  const units = new Set((await unitsOfRegion(db, path)).map((u) => u.id));
  config.groups.forEach((g, i) =>
    g.unitIds.forEach((id, j) => {
      if (!units.has(id))
        throw invalid(`body.config.groups.${i}.unitIds.${j}`, `单位 ${id} 不存在、已停用或不在本区划内`);
    }),
  );
}

async function lockScheme(trx: Trx, a: Actor, id: number) {
  const r = await trx
    .selectFrom('assessment_schemes')
    .selectAll()
    .select(regionPathOf('region_code').as('region_path'))
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!r) throw notFound();
  if (!canManageScores(a, r.region_path)) throw outOfScope();
  return r;
}

/** One draft per region and year: a second would leave two competing edits. */
async function refuseSecondDraft(trx: Trx, regionCode: string, year: number) {
  const draft = await trx
    .selectFrom('assessment_schemes')
    .select('revision')
    .where('region_code', '=', regionCode)
    .where('year', '=', year)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  if (draft) throw invalidState(`该年度已有草稿(第 ${draft.revision} 版)，请先修改或删除它`);
}

const nextRevision = async (trx: Trx, regionCode: string, year: number) =>
  Number(
    (
      await trx
        .selectFrom('assessment_schemes')
        .select((e) => e.fn.max('revision').as('r'))
        .where('region_code', '=', regionCode)
        .where('year', '=', year)
        .executeTakeFirst()
    )?.r ?? 0,
  ) + 1;

export async function createScheme(db: Db, ctx: Ctx, input: z.infer<typeof schemeCreate>) {
  const a = actorOf(ctx);
  const region = await getRegion(db, input.regionCode);
  if (!region) throw invalid('body.regionCode', '区划不存在');
  if (!canManageScores(a, region.path)) throw outOfScope();
  const config = input.config ?? defaultSchemeConfig(await unitsOfRegion(db, region.path), region.code);
  if (config.groups.length === 0)
    throw invalid('body.config.groups', '本区划没有可参加考核的单位，请先在组织机构中添加单位');
  if (input.config) await checkGroups(db, region.path, config);
  const id = await transaction(db, async (trx) => {
    await refuseSecondDraft(trx, input.regionCode, input.year);
    const row = await trx
      .insertInto('assessment_schemes')
      .values({
        region_code: input.regionCode,
        year: input.year,
        revision: await nextRevision(trx, input.regionCode, input.year),
        name: input.name,
        notes: input.notes,
        config: JSON.stringify(config),
        created_by: a.id,
      })
      .returning(['id', 'region_code', 'year', 'revision', 'name', 'status'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      entity: 'assessment_scheme',
      entityId: row.id,
      action: 'create',
      after: { ...row, config },
    });
    return row.id;
  });
  return getScheme(db, ctx, id);
}

export async function updateScheme(db: Db, ctx: Ctx, id: number, input: z.infer<typeof schemeUpdate>) {
  const a = actorOf(ctx);
  await transaction(db, async (trx) => {
    const r = await lockScheme(trx, a, id);
    assertVersion(r.version, input.version);
    if (r.status !== 'draft') throw invalidState('已生效或停用的方案不能修改，请先修订出新的草稿');
    if (input.config) await checkGroups(trx, r.region_path, input.config);
    const patch = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.notes !== undefined ? { notes: input.notes } : {}),
      ...(input.config ? { config: JSON.stringify(input.config) } : {}),
    };
    await trx
      .updateTable('assessment_schemes')
      .set({ ...patch, version: r.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'assessment_scheme',
      entityId: id,
      action: 'update',
      before: { name: r.name, notes: r.notes, config: r.config },
      after: { name: input.name, notes: input.notes, config: input.config },
    });
  });
  return getScheme(db, ctx, id);
}

/** A new draft revision copied from this one. */
export async function reviseScheme(db: Db, ctx: Ctx, id: number, version: number) {
  const a = actorOf(ctx);
  const newId = await transaction(db, async (trx) => {
    const r = await lockScheme(trx, a, id);
    assertVersion(r.version, version);
    await refuseSecondDraft(trx, r.region_code, r.year);
    const row = await trx
      .insertInto('assessment_schemes')
      .values({
        region_code: r.region_code,
        year: r.year,
        revision: await nextRevision(trx, r.region_code, r.year),
        name: r.name,
        notes: r.notes,
        config: JSON.stringify(r.config),
        created_by: a.id,
      })
      .returning(['id', 'revision'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      entity: 'assessment_scheme',
      entityId: row.id,
      action: 'revise',
      after: { from: id, revision: row.revision },
    });
    return row.id;
  });
  return getScheme(db, ctx, newId);
}

/** The draft becomes the active revision of its region and year; the active one retires. */
export async function activateScheme(db: Db, ctx: Ctx, id: number, version: number) {
  const a = actorOf(ctx);
  await transaction(db, async (trx) => {
    const r = await lockScheme(trx, a, id);
    assertVersion(r.version, version);
    if (r.status !== 'draft')
      throw invalidState(r.status === 'active' ? '该方案已生效' : '已停用的方案请修订后再启用');
    const retired = await trx
      .updateTable('assessment_schemes')
      .set((e) => ({
        status: 'retired' as Status,
        version: sql<number>`${e.ref('version')} + 1`,
        updated_at: new Date(),
      }))
      .where('region_code', '=', r.region_code)
      .where('year', '=', r.year)
      .where('status', '=', 'active')
      .returning(['id', 'revision'])
      .execute();
    await trx
      .updateTable('assessment_schemes')
      .set({
        status: 'active',
        activated_by: a.id,
        activated_at: new Date(),
        version: r.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    for (const old of retired)
      await recordAudit(trx, ctx, {
        entity: 'assessment_scheme',
        entityId: old.id,
        action: 'retire',
        before: { status: 'active' },
        after: { status: 'retired', by: id },
      });
    await recordAudit(trx, ctx, {
      entity: 'assessment_scheme',
      entityId: id,
      action: 'activate',
      before: { status: 'draft' },
      after: { status: 'active' },
    });
  });
  return getScheme(db, ctx, id);
}

export async function deleteScheme(db: Db, ctx: Ctx, id: number, version: number) {
  const a = actorOf(ctx);
  await transaction(db, async (trx) => {
    const r = await lockScheme(trx, a, id);
    assertVersion(r.version, version);
    if (r.status !== 'draft') throw invalidState('只能删除草稿；生效或停用的方案是考核台账的依据，予以保留');
    await trx.deleteFrom('assessment_schemes').where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      entity: 'assessment_scheme',
      entityId: id,
      action: 'delete',
      before: { region_code: r.region_code, year: r.year, revision: r.revision, name: r.name },
    });
  });
  return { ok: true as const };
}
