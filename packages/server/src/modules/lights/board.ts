/** The light board: lights of a month in scope, filters, export; the office's overrides with a justification. */
import { Decimal, lightLabels, type Light, type lightQuery } from '@ducha/contract';
import { sql } from 'kysely';
import type { z } from 'zod';
import { transaction, type Db, type Executor } from '../../db/connection.ts';
import { actorOf, type Ctx } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, forbidden, notFound } from '../../platform/errors.ts';
import { iso, pagedByKeys } from '../../platform/records.ts';
import { addTable, ExcelJS, toBuffer } from '../../platform/excel.ts';
import {
  canManageProject,
  projectCodeOf,
  projectIdsIn,
  projectNameOf,
  projectScopeOnCopy,
  readableProject,
} from '../projects/index.ts';
import { parseMonth } from '../reports/index.ts';
import { userNameOf } from '../../platform/auth/accounts.ts';
import { getRegion, regionNameOf, regionPathOf } from '../../platform/regions.ts';

const lightColumns = [
  'l.project_id',
  projectCodeOf('l.project_id').as('code'),
  projectNameOf('l.project_id').as('name'),
  'l.year',
  'l.month',
  'l.computed',
  'l.reasons',
  'l.streak',
  'l.red_streak',
  'l.referral',
  'l.planned_to_date',
  'l.done_to_date',
  'l.pace_ratio',
  'l.annual_ratio',
  'l.override_color',
  'l.override_justification',
  userNameOf('l.override_by').as('override_by'),
  'l.override_at',
] as const;
const base = (db: Executor) => db.selectFrom('lights as l').select(lightColumns);
type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];

const present = (r: Row): Light => ({
  projectId: r.project_id,
  projectCode: r.code,
  projectName: r.name,
  year: r.year,
  month: r.month,
  computed: r.computed as Light['computed'],
  color: (r.override_color ?? r.computed) as Light['color'],
  reasons: r.reasons as Light['reasons'],
  streak: r.streak,
  redStreak: r.red_streak,
  referral: r.referral,
  plannedToDate: new Decimal(r.planned_to_date).toFixed(2),
  doneToDate: new Decimal(r.done_to_date).toFixed(2),
  paceRatio: r.pace_ratio === null ? null : Number(r.pace_ratio),
  annualRatio: r.annual_ratio === null ? null : Number(r.annual_ratio),
  override: r.override_color
    ? {
        color: r.override_color as Light['color'],
        justification: r.override_justification ?? '',
        by: r.override_by,
        at: iso(r.override_at)!,
      }
    : null,
});

/**
 * The board's order: red, yellow, green as shown (the override if any), then the project's code.
 * The index \`lights_board_idx\` (migration 0013) is on this very expression and \`project_code\`,
 * so a page of the board is read off the index; a colour filter is the same expression.
 */
const boardRank = sql<number>`(case coalesce(l.override_color, l.computed) when 'red' then 0 when 'yellow' then 1 else 2 end)`;
const rankOf = { red: 0, yellow: 1, green: 2 } as const;

/**
 * The lights of the month that match the filters, on the lights table alone (no display columns).
 * The projects' scope and region filter are read off the light's own copy of its project's region
 * and active flag when nothing else of the project is asked (`lights_scope_idx`, migration 0028);
 * a filter by sector, list, unit or text goes through the registry's filtered projects.
 */
function filtered(db: Db, ctx: Ctx, q: z.infer<typeof lightQuery>) {
  const { y, m } = parseMonth(q.month);
  const actor = actorOf(ctx);
  const projects = { regionCode: q.regionCode, sector: q.sector, listId: q.listId, unitId: q.unitId, q: q.q };
  const onCopy = projectScopeOnCopy(actor, projects, {
    regionCode: 'l.region_code',
    active: 'l.project_active',
  });
  let query = db.selectFrom('lights as l').where('l.year', '=', y).where('l.month', '=', m);
  query = onCopy
    ? query.where((eb) => eb.and(onCopy))
    : query.where('l.project_id', 'in', projectIdsIn(db, actor, projects));
  if (q.projectId) query = query.where('l.project_id', '=', q.projectId);
  // the colours are exactly green, yellow and red (check constraints): the rank names the colour
  if (q.color) query = query.where(sql<boolean>`${boardRank} = ${sql.lit(rankOf[q.color])}`);
  // a reason of that code among the light's reasons (containment: no set-returning call per row)
  if (q.reason)
    query = query.where(sql<boolean>`l.reasons @> ${JSON.stringify([{ code: q.reason }])}::jsonb`);
  return query;
}

/** The display rows of a month's lights of these projects (any order). */
const lightRows = (db: Db, y: number, m: number, ids: readonly number[]) =>
  base(db).where('l.year', '=', y).where('l.month', '=', m).where('l.project_id', 'in', ids).execute();

/**
 * A month the board can show: it has a close for the region asked about (the `regionCode` filter,
 * else the account's region), or for a region above it (the city's close lights its counties).
 * Admins without a filter see any close. A month closed only for other regions — regions below
 * (a county that closed itself) or beside — is not closed here: 404, naming the regions below that
 * have closed it, so the office can filter by one of them.
 */
async function assertClosed(db: Db, ctx: Ctx, q: z.infer<typeof lightQuery>) {
  const actor = actorOf(ctx);
  const { y, m } = parseMonth(q.month);
  const closes = await db
    .selectFrom('month_closes as c')
    .select([
      'c.region_code',
      regionPathOf('c.region_code').as('path'),
      regionNameOf('c.region_code').as('name'),
    ])
    .where('c.year', '=', y)
    .where('c.month', '=', m)
    .execute();
  // an admin's scope is everything: with no region asked, any close of the month counts
  const code = q.regionCode ?? (actor.role === 'admin' ? null : actor.regionCode);
  if (code === null && closes.length) return;
  const region = code === null ? undefined : await getRegion(db, code);
  const path = region?.path ?? '';
  if (region && closes.some((c) => path === c.path || path.startsWith(`${c.path}.`))) return;
  const below = closes.filter((c) => region && c.path.startsWith(`${path}.`)).map((c) => c.name);
  const where = region ? `${region.name}` : '';
  const zh = `${q.month} 尚未进行月度调度${where ? `(${where})` : ''}，没有亮灯结果`;
  const en = `${q.month} has not been closed${where ? ` for ${where}` : ''}: no lights yet`;
  const also = below.length
    ? {
        zh: `；已调度：${below.join('、')}，可按区划筛选查看`,
        en: `; closed for ${below.join(', ')} (filter by region)`,
      }
    : { zh: '', en: '' };
  throw new DomainError(
    'NOT_FOUND',
    404,
    [{ path: 'query.month', message: zh + also.zh }],
    {},
    {
      zh: zh + also.zh,
      en: en + also.en,
    },
  );
}

/** A page of the board in two stages: the page's projects off the board's index, then their lights' rows. */
export async function listLights(db: Db, ctx: Ctx, q: z.infer<typeof lightQuery>) {
  await assertClosed(db, ctx, q);
  const { y, m } = parseMonth(q.month);
  const page = await pagedByKeys(
    db,
    filtered(db, ctx, q),
    (b) => b.select('l.project_id as key').orderBy(boardRank).orderBy('l.project_code'),
    (ids) => lightRows(db, y, m, ids),
    (r) => r.project_id,
    {
      ...q,
      fence: { alias: 'l', columns: ['l.project_id', 'l.override_color', 'l.computed', 'l.project_code'] },
    },
  );
  return { ...page, items: page.items.map(present) };
}

export async function exportLights(db: Db, ctx: Ctx, q: z.infer<typeof lightQuery>) {
  await assertClosed(db, ctx, q);
  // every row of the month: the names are wanted for each of them anyway
  const rows = (
    await filtered(db, ctx, q).select(lightColumns).orderBy(boardRank).orderBy('l.project_code').execute()
  ).map(present);
  const wb = new ExcelJS.Workbook();
  addTable(
    wb,
    `${q.month} 亮灯`,
    [
      { header: '项目编号', width: 16 },
      { header: '项目名称', width: 36 },
      { header: '灯色', width: 8 },
      { header: '计算灯色', width: 10 },
      { header: '序时计划(万元)', width: 16, money: true },
      { header: '完成(万元)', width: 14, money: true },
      { header: '序时完成率', width: 12 },
      { header: '原因', width: 60 },
      { header: '调整理由', width: 30 },
    ],
    rows.map((l) => [
      l.projectCode,
      l.projectName,
      lightLabels[l.color],
      lightLabels[l.computed],
      Number(l.plannedToDate),
      Number(l.doneToDate),
      l.paceRatio === null ? null : `${(l.paceRatio * 100).toFixed(1)}%`,
      l.reasons.map((r) => r.text).join('；'),
      l.override?.justification ?? null,
    ]),
  );
  return toBuffer(wb);
}

/** The office sets (or clears, with color null) a light by hand; the computed light stays beside it. */
export async function overrideLight(
  db: Db,
  ctx: Ctx,
  projectId: number,
  ym: string,
  override: { color: Light['color']; justification: string } | null,
) {
  const actor = actorOf(ctx);
  const { y, m } = parseMonth(ym);
  return transaction(db, async (trx) => {
    const project = await readableProject(trx, actor, projectId);
    if (!canManageProject(actor, project.region_path)) throw forbidden();
    const row = await base(trx)
      .where('l.project_id', '=', projectId)
      .where('l.year', '=', y)
      .where('l.month', '=', m)
      .executeTakeFirst();
    if (!row) throw notFound();
    const closed = await trx
      .selectFrom('month_closes')
      .select('status')
      .where('year', '=', y)
      .where('month', '=', m)
      .where('status', '=', 'published')
      .where('region_code', 'in', project.region_path.split('.'))
      .executeTakeFirst();
    if (closed)
      throw new DomainError('INVALID_STATE', 409, [{ path: 'month', message: '该月已发布，灯色已冻结' }]);
    await trx
      .updateTable('lights')
      .set({
        override_color: override?.color ?? null,
        override_justification: override?.justification ?? null,
        override_by: override ? actor.id : null,
        override_at: override ? new Date() : null,
      })
      .where('project_id', '=', projectId)
      .where('year', '=', y)
      .where('month', '=', m)
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'project',
      entityId: projectId,
      action: override ? 'override_light' : 'clear_override',
      before: { month: ym, color: row.override_color ?? row.computed },
      after: { month: ym, color: override?.color ?? row.computed, computed: row.computed },
      reason: override?.justification ?? null,
    });
    return present(
      (await base(trx)
        .where('l.project_id', '=', projectId)
        .where('l.year', '=', y)
        .where('l.month', '=', m)
        .executeTakeFirst())!,
    );
  });
}
