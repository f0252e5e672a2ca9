/**
 * The expert library (专家库, issue 14): specialty from the `expert_specialty` dictionary, title,
 * employer (text, and the registry unit when it is one: the draw's conflicts), contracted firm,
 * phone (personal data), availability windows, declared conflicts and an optional login of role
 * expert (how the procedure scopes an expert account). Kept by the office over its region; a
 * referenced expert is deactivated, never deleted.
 */
import type { expertCreate, expertQuery, expertUpdate } from '@ducha/contract';
import { sql } from 'kysely';
import type { z } from 'zod';
import { transaction, type Db, type Executor, type Trx } from '../../db/connection.ts';
import { actorOf, type Actor, type Ctx } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { usernameOf } from '../../platform/auth/accounts.ts';
import { invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { assertVersion, containing, paged } from '../../platform/records.ts';
import { regionPathOf } from '../../platform/regions.ts';
import { checkDictionary } from '../../platform/settings.ts';
import { assertActive, unitNameOf } from '../org/index.ts';
import { projectNames } from '../projects/index.ts';
import { assertLogin, libraryScope, managedRegion, refuseReferenced, shownPhone } from './library-repo.ts';
import { canManageLibrary, canReadLibrary, ownsRecord, readsLibraries } from './library-policy.ts';

type Create = z.infer<typeof expertCreate>;
type Update = z.infer<typeof expertUpdate>;

const columns = [
  'e.id',
  'e.region_code',
  'e.name',
  'e.specialty',
  'e.title',
  'e.employer',
  'e.employer_unit_id',
  'e.firm_id',
  'e.phone',
  'e.availability',
  'e.conflict_unit_ids',
  'e.conflict_project_ids',
  'e.conflict_note',
  'e.user_id',
  'e.active',
  'e.version',
] as const;

const select = (db: Executor) =>
  db
    .selectFrom('inspection_experts as e')
    .select(columns)
    .select([
      unitNameOf('e.employer_unit_id').as('employer_unit'),
      sql<string | null>`(select name from inspection_firms f where f.id = e.firm_id)`.as('firm'),
      usernameOf('e.user_id').as('username'),
      regionPathOf('e.region_code').as('region_path'),
    ]);
type Row = Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>;

const present = (a: Actor) => (r: Row) => ({
  id: r.id,
  regionCode: r.region_code,
  name: r.name,
  specialty: r.specialty,
  title: r.title,
  employer: r.employer,
  employerUnitId: r.employer_unit_id,
  employerUnit: r.employer_unit,
  firmId: r.firm_id,
  firm: r.firm,
  phone: shownPhone(a, r.phone, ownsRecord(a, r.user_id)),
  availability: r.availability,
  conflictUnitIds: r.conflict_unit_ids,
  conflictProjectIds: r.conflict_project_ids,
  conflictNote: r.conflict_note,
  userId: r.user_id,
  username: r.username,
  active: r.active,
  version: r.version,
});

/** The filtered list's base (scope and filters only), shared by the page and the export. */
export function expertBase(db: Executor, a: Actor, q: Partial<z.infer<typeof expertQuery>>) {
  if (!readsLibraries(a)) throw outOfScope();
  let base = db.selectFrom('inspection_experts as e').where(libraryScope(a, 'e.region_code'));
  if (q.regionCode) base = base.where('e.region_code', '=', q.regionCode);
  if (q.specialty) base = base.where('e.specialty', '=', q.specialty);
  if (q.firmId) base = base.where('e.firm_id', '=', q.firmId);
  if (q.active !== undefined) base = base.where('e.active', '=', q.active);
  if (q.q) {
    const like = containing(q.q);
    base = base.where((eb) => eb.or([eb('e.name', 'ilike', like), eb('e.employer', 'ilike', like)]));
  }
  return base;
}

export async function listExperts(db: Db, ctx: Ctx, q: z.infer<typeof expertQuery>) {
  const a = actorOf(ctx);
  return paged(
    db,
    expertBase(db, a, q),
    (b) =>
      b
        .select(columns)
        .select([
          unitNameOf('e.employer_unit_id').as('employer_unit'),
          sql<string | null>`(select name from inspection_firms f where f.id = e.firm_id)`.as('firm'),
          usernameOf('e.user_id').as('username'),
          regionPathOf('e.region_code').as('region_path'),
        ])
        .orderBy('e.region_code')
        .orderBy('e.specialty')
        .orderBy('e.id'),
    { page: q.page, pageSize: q.pageSize, present: present(a) },
  );
}

/** Every row of the filtered list (the export), in the list's order. */
export async function allExperts(db: Db, a: Actor, q: Partial<z.infer<typeof expertQuery>>) {
  const rows = await expertBase(db, a, q)
    .select(columns)
    .select([
      unitNameOf('e.employer_unit_id').as('employer_unit'),
      sql<string | null>`(select name from inspection_firms f where f.id = e.firm_id)`.as('firm'),
      usernameOf('e.user_id').as('username'),
      regionPathOf('e.region_code').as('region_path'),
    ])
    .orderBy('e.region_code')
    .orderBy('e.specialty')
    .orderBy('e.id')
    .execute();
  return rows.map(present(a));
}

async function row(db: Executor, id: number) {
  const r = await select(db).where('e.id', '=', id).executeTakeFirst();
  if (!r) throw notFound();
  return r;
}

export async function getExpert(db: Db, ctx: Ctx, id: number) {
  const a = actorOf(ctx);
  const r = await row(db, id);
  if (!canReadLibrary(a, r.region_path) && !ownsRecord(a, r.user_id)) throw outOfScope();
  return present(a)(r);
}

const holderOf = (db: Executor) => async (userId: number) =>
  (await db.selectFrom('inspection_experts').select('id').where('user_id', '=', userId).executeTakeFirst())
    ?.id;

/** The references an expert's fields make: dictionary, units, firm of the region, projects, login. */
export async function checkExpert(
  db: Executor,
  regionCode: string,
  input: Partial<Create>,
  self?: number,
  kept?: string,
) {
  if (input.specialty !== undefined)
    await checkDictionary(
      db,
      'expert_specialty',
      [input.specialty],
      'body.specialty',
      () => '不是已配置的专家专业',
      kept ? [kept] : [],
    );
  if (input.employerUnitId)
    await assertActive(db, 'units', [input.employerUnitId], 'body.employerUnitId', '单位不存在或已停用');
  if (input.conflictUnitIds?.length)
    await assertActive(db, 'units', input.conflictUnitIds, 'body.conflictUnitIds', '单位不存在或已停用');
  if (input.conflictProjectIds?.length) {
    const found = new Set((await projectNames(db, input.conflictProjectIds)).map((p) => p.id));
    const missing = input.conflictProjectIds.filter((p) => !found.has(p));
    if (missing.length) throw invalid('body.conflictProjectIds', `项目不存在：${missing.join(', ')}`);
  }
  if (input.firmId) {
    const f = await db
      .selectFrom('inspection_firms')
      .select(['region_code', 'active'])
      .where('id', '=', input.firmId)
      .executeTakeFirst();
    if (!f || !f.active) throw invalid('body.firmId', '技术机构不存在或已停用');
    if (f.region_code !== regionCode) throw invalid('body.firmId', '技术机构不属于该区划的专家库');
  }
  await assertLogin(db, input.userId, 'expert', 'body.userId', holderOf(db), self);
}

const values = (input: Partial<Create>) => ({
  ...(input.name !== undefined ? { name: input.name } : {}),
  ...(input.specialty !== undefined ? { specialty: input.specialty } : {}),
  ...(input.title !== undefined ? { title: input.title } : {}),
  ...(input.employer !== undefined ? { employer: input.employer } : {}),
  ...(input.employerUnitId !== undefined ? { employer_unit_id: input.employerUnitId } : {}),
  ...(input.firmId !== undefined ? { firm_id: input.firmId } : {}),
  ...(input.phone !== undefined ? { phone: input.phone } : {}),
  ...(input.availability !== undefined ? { availability: JSON.stringify(input.availability) } : {}),
  ...(input.conflictUnitIds !== undefined ? { conflict_unit_ids: input.conflictUnitIds } : {}),
  ...(input.conflictProjectIds !== undefined ? { conflict_project_ids: input.conflictProjectIds } : {}),
  ...(input.conflictNote !== undefined ? { conflict_note: input.conflictNote } : {}),
  ...(input.userId !== undefined ? { user_id: input.userId } : {}),
});

/** Inserts a checked expert in the caller's transaction (the form and the import). */
export async function insertExpert(trx: Trx, ctx: Ctx, input: Create) {
  const r = await trx
    .insertInto('inspection_experts')
    .values({
      region_code: input.regionCode,
      name: input.name,
      specialty: input.specialty,
      availability: '[]',
      ...values(input),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, ctx, { entity: 'inspection_expert', entityId: r.id, action: 'create', after: r });
  return r.id;
}

export async function createExpert(db: Db, ctx: Ctx, input: Create) {
  const a = actorOf(ctx);
  await managedRegion(db, a, input.regionCode);
  return transaction(db, async (trx) => {
    await checkExpert(trx, input.regionCode, input);
    return insertExpert(trx, ctx, input);
  });
}

/** Updates a locked expert in the caller's transaction (the form and the import). */
export async function patchExpert(
  trx: Trx,
  ctx: Ctx,
  id: number,
  input: Partial<Create> & { active?: boolean },
  version?: number,
) {
  const before = await trx
    .selectFrom('inspection_experts')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!before) throw notFound();
  const path = (await row(trx, id)).region_path;
  if (!canManageLibrary(actorOf(ctx), path)) throw outOfScope();
  if (version !== undefined) assertVersion(before.version, version);
  await checkExpert(trx, before.region_code, input, id, before.specialty);
  const after = await trx
    .updateTable('inspection_experts')
    .set({
      ...values(input),
      ...(input.active !== undefined ? { active: input.active } : {}),
      version: before.version + 1,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, ctx, { entity: 'inspection_expert', entityId: id, action: 'update', before, after });
}

export async function updateExpert(db: Db, ctx: Ctx, id: number, input: Update) {
  const { version, ...rest } = input;
  await transaction(db, (trx) => patchExpert(trx, ctx, id, rest as Partial<Create>, version));
}

/** Deleted only while nothing names it (a draw's pool, an inspection); otherwise 409: deactivate. */
export async function deleteExpert(db: Db, ctx: Ctx, id: number) {
  await transaction(db, async (trx) => {
    const r = await row(trx, id);
    if (!canManageLibrary(actorOf(ctx), r.region_path)) throw outOfScope();
    const uses = await sql<{ n: number }>`select
      (select count(*) from inspection_members where expert_id = ${id})::int
      + (select count(*) from inspection_draw_pool where kind = 'expert' and ref_id = ${id})::int as n`.execute(
      trx,
    );
    refuseReferenced(uses.rows[0]!.n, '专家');
    const before = await trx
      .deleteFrom('inspection_experts')
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { entity: 'inspection_expert', entityId: id, action: 'delete', before });
  });
}
