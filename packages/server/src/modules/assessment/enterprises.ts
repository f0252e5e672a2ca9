/**
 * The enterprise directory (名录库, issue 15; seed 003): agent-builders, contractors and supervisors
 * over organisation units (type enterprise or soe), class 甲/乙, specialties from the
 * `enterprise_specialty` dictionary; admission, edits and the status machine (credit-rules.ts)
 * by the office over the firm's region, each audited, a stale version refused.
 */
import type {
  enterpriseCreate,
  enterpriseExportQuery,
  enterpriseQuery,
  enterpriseStatusChange,
  enterpriseUpdate,
} from '@ducha/contract';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { z } from 'zod';
import { transaction, type Db, type Executor, type Trx } from '../../db/connection.ts';
import { actorOf, type Ctx } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { assertVersion, containing, paged } from '../../platform/records.ts';
import { getRegion, regionCodeOnLine, regionCodeUnderCode, regionPathOf } from '../../platform/regions.ts';
import { checkDictionary } from '../../platform/settings.ts';
import { unitBrief, unitNameOf } from '../org/index.ts';
import { canKeepEnterprise, canReadEnterprise, enterpriseScope } from './credit-policy.ts';
import { statusChange } from './credit-rules.ts';

const columns = [
  'e.id',
  'e.unit_id',
  'e.region_code',
  'e.kind',
  'e.grade',
  'e.specialties',
  'e.status',
  'e.admitted_on',
  'e.status_on',
  'e.status_reason',
  'e.notes',
  'e.version',
] as const;
const display = [
  unitNameOf('e.unit_id').as('unit_name'),
  sql<number>`(select count(*)::int from credit_records c where c.enterprise_id = e.id and c.kind = 'good')`.as(
    'good_records',
  ),
  sql<number>`(select count(*)::int from credit_records c where c.enterprise_id = e.id and c.kind = 'bad')`.as(
    'bad_records',
  ),
  // the mean of the latest evaluated year's scores: the figure the directory's yearly review reads
  sql<string | null>`(select avg(v.score)::numeric(5,2)::text from enterprise_evaluations v
    where v.enterprise_id = e.id and v.year = (select max(w.year) from enterprise_evaluations w
    where w.enterprise_id = e.id))`.as('latest_score'),
] as const;

const selectEnterprise = (db: Executor) => db.selectFrom('enterprises as e').select(columns).select(display);
type Row = Awaited<ReturnType<ReturnType<typeof selectEnterprise>['executeTakeFirstOrThrow']>>;

export const present = (r: Row) => ({
  id: r.id,
  unitId: r.unit_id,
  unitName: r.unit_name ?? String(r.unit_id),
  regionCode: r.region_code,
  kind: r.kind,
  grade: r.grade,
  specialties: r.specialties,
  status: r.status,
  admittedOn: r.admitted_on,
  statusOn: r.status_on,
  statusReason: r.status_reason,
  notes: r.notes,
  goodRecords: r.good_records,
  badRecords: r.bad_records,
  latestScore: r.latest_score,
  version: r.version,
});

/** The firm's row with its region path (the policy's fact), or 404. */
export async function findEnterprise(db: Executor, id: number) {
  const r = await db
    .selectFrom('enterprises as e')
    .selectAll('e')
    .select(regionPathOf('e.region_code').as('region_path'))
    .where('e.id', '=', id)
    .executeTakeFirst();
  if (!r) throw notFound();
  return r;
}

/** The same, locked for a change in this transaction. */
async function lockEnterprise(trx: Trx, id: number) {
  const locked = await trx
    .selectFrom('enterprises')
    .select('id')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!locked) throw notFound();
  return findEnterprise(trx, id);
}

/** A firm the actor reads, or 404/403. */
export async function readableEnterprise(db: Executor, ctx: Ctx, id: number) {
  const r = await findEnterprise(db, id);
  if (!canReadEnterprise(actorOf(ctx), r.region_path, r.unit_id)) throw outOfScope();
  return r;
}

export async function getEnterprise(db: Executor, ctx: Ctx, id: number) {
  await readableEnterprise(db, ctx, id);
  return present(await selectEnterprise(db).where('e.id', '=', id).executeTakeFirstOrThrow());
}

/** SQL: the firm in `column` (an enterprise id) is one the actor reads (true for the global roles). */
export function enterpriseScopeSql(ctx: Ctx, column: string): RawBuilder<SqlBool> {
  const scope = enterpriseScope(actorOf(ctx));
  if (scope.kind === 'none') throw outOfScope();
  if (scope.kind === 'all') return sql<SqlBool>`true`;
  const inner =
    scope.kind === 'line'
      ? regionCodeOnLine('s.region_code', scope.path)
      : sql<SqlBool>`s.unit_id = ${scope.unitId}`;
  return sql<SqlBool>`exists (select 1 from enterprises s where s.id = ${sql.ref(column)} and ${inner})`;
}

function filtered(db: Executor, ctx: Ctx, q: z.infer<typeof enterpriseExportQuery>) {
  let base = db.selectFrom('enterprises as e').where(enterpriseScopeSql(ctx, 'e.id'));
  if (q.regionCode) base = base.where(regionCodeUnderCode('e.region_code', q.regionCode));
  if (q.kind) base = base.where('e.kind', '=', q.kind);
  if (q.grade) base = base.where('e.grade', '=', q.grade);
  if (q.status) base = base.where('e.status', '=', q.status);
  if (q.specialty) base = base.where(sql<boolean>`${q.specialty} = any(e.specialties)`);
  if (q.q) base = base.where(sql<boolean>`${unitNameOf('e.unit_id')} ilike ${containing(q.q)}`);
  return base;
}

// by kind, 甲 before 乙, then by admission: the order of the published directory
const order = sql`e.kind, e.grade nulls last, e.admitted_on, e.id`;

export const listEnterprises = (db: Db, ctx: Ctx, q: z.infer<typeof enterpriseQuery>) =>
  paged(db, filtered(db, ctx, q), (b) => b.select(columns).select(display).orderBy(order), {
    page: q.page,
    pageSize: q.pageSize,
    present,
  });

/** Every firm of the filters, for the directory's export. */
export const allEnterprises = async (db: Db, ctx: Ctx, q: z.infer<typeof enterpriseExportQuery>) =>
  (await filtered(db, ctx, q).select(columns).select(display).orderBy(order).limit(10_000).execute()).map(
    present,
  );

const refused = (path: string, message: string) => new DomainError('INVALID_STATE', 409, [{ path, message }]);

export async function createEnterprise(db: Db, ctx: Ctx, input: z.infer<typeof enterpriseCreate>) {
  const a = actorOf(ctx);
  const region = await getRegion(db, input.regionCode);
  if (!region) throw invalid('body.regionCode', '区划不存在');
  if (!canKeepEnterprise(a, region.path)) throw outOfScope();
  const unit = await unitBrief(db, input.unitId);
  if (!unit || !unit.active) throw invalid('body.unitId', '单位不存在或已停用');
  if (unit.type !== 'enterprise' && unit.type !== 'soe')
    throw invalid('body.unitId', '只有企业或国有企业可以入库');
  await checkDictionary(
    db,
    'enterprise_specialty',
    input.specialties,
    'body.specialties',
    (m) => `专业不在字典中：${m.join('、')}`,
  );
  const id = await transaction(db, async (trx) => {
    const dup = await trx
      .selectFrom('enterprises')
      .select('id')
      .where('unit_id', '=', input.unitId)
      .where('kind', '=', input.kind)
      .executeTakeFirst();
    if (dup) throw refused('body.unitId', '该单位已在此类名录中');
    const row = await trx
      .insertInto('enterprises')
      .values({
        unit_id: input.unitId,
        region_code: input.regionCode,
        kind: input.kind,
        grade: input.grade,
        specialties: input.specialties,
        admitted_on: input.admittedOn,
        status_on: input.admittedOn,
        notes: input.notes,
      })
      .returning(['id', 'unit_id', 'region_code', 'kind', 'grade', 'specialties', 'admitted_on'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { entity: 'enterprise', entityId: row.id, action: 'admit', after: row });
    return row.id;
  });
  return getEnterprise(db, ctx, id);
}

export async function updateEnterprise(
  db: Db,
  ctx: Ctx,
  id: number,
  input: z.infer<typeof enterpriseUpdate>,
) {
  const a = actorOf(ctx);
  await transaction(db, async (trx) => {
    const r = await lockEnterprise(trx, id);
    if (!canKeepEnterprise(a, r.region_path)) throw outOfScope();
    assertVersion(r.version, input.version);
    if (input.specialties)
      await checkDictionary(
        trx,
        'enterprise_specialty',
        input.specialties,
        'body.specialties',
        (m) => `专业不在字典中：${m.join('、')}`,
        r.specialties,
      );
    const patch = {
      ...(input.grade !== undefined ? { grade: input.grade } : {}),
      ...(input.specialties ? { specialties: input.specialties } : {}),
      ...(input.notes !== undefined ? { notes: input.notes } : {}),
    };
    await trx
      .updateTable('enterprises')
      .set({ ...patch, version: r.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    const before = Object.fromEntries(Object.keys(patch).map((k) => [k, r[k as keyof typeof r]]));
    await recordAudit(trx, ctx, {
      entity: 'enterprise',
      entityId: id,
      action: 'update',
      before,
      after: patch,
    });
  });
  return getEnterprise(db, ctx, id);
}

/** Suspend (暂停承接), restore, remove (清出) or re-admit a firm, with its date and reason. */
export async function changeEnterpriseStatus(
  db: Db,
  ctx: Ctx,
  id: number,
  input: z.infer<typeof enterpriseStatusChange>,
) {
  const a = actorOf(ctx);
  await transaction(db, async (trx) => {
    const r = await lockEnterprise(trx, id);
    if (!canKeepEnterprise(a, r.region_path)) throw outOfScope();
    assertVersion(r.version, input.version);
    const step = statusChange(r.status, input.status, a.role === 'admin');
    if (step.refusal !== null) throw refused('body.status', step.refusal);
    if (input.on < r.status_on) throw invalid('body.on', `日期不能早于上次变更日期 ${r.status_on}`);
    await trx
      .updateTable('enterprises')
      .set({
        status: input.status,
        status_on: input.on,
        status_reason: input.reason,
        ...(step.action === 'readmit' ? { admitted_on: input.on } : {}),
        version: r.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'enterprise',
      entityId: id,
      action: step.action,
      before: { status: r.status, status_on: r.status_on },
      after: { status: input.status, status_on: input.on },
      reason: input.reason,
    });
  });
  return getEnterprise(db, ctx, id);
}
