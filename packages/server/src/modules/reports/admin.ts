/** Office settings and the month close's entry points: calendar, corrections, light rules, run/publish. */
import { defaultLightRules, lightRules, type LightRules, type MonthClose } from '@ducha/contract';
import { transaction, type Db } from '../../db/connection.ts';
import { actorOf, type Actor, type Ctx } from '../../platform/access/context.ts';
import { inRegionSubtree, isAncestorRegion, scopeKind } from '../../platform/access/scope.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { defaultCalendar } from '../../platform/calendar.ts';
import { DomainError, forbidden, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { assertVersion, iso } from '../../platform/records.ts';
import { getRegion } from '../../platform/regions.ts';
import { runClose } from './close.ts';
import { parseMonth } from './reports.ts';
import { userNameOf } from '../../platform/auth/accounts.ts';

const isOffice = (a: Actor) => a.role === 'admin' || a.role === 'office';

/** A region the actor may configure (office: its subtree) or, for reading, also see (ancestors too). */
async function regionFor(db: Db, actor: Actor, code: string, write: boolean) {
  const region = await getRegion(db, code);
  if (!region) throw notFound();
  const global = scopeKind(actor) === 'global';
  if (write && !(actor.role === 'admin' || (actor.role === 'office' && inRegionSubtree(actor, region.path))))
    throw forbidden();
  if (!global && !inRegionSubtree(actor, region.path) && !isAncestorRegion(actor, region.path))
    throw outOfScope();
  return region;
}

export async function getCalendar(db: Db, ctx: Ctx, code: string, year: number) {
  await regionFor(db, actorOf(ctx), code, false);
  const row = await db
    .selectFrom('reporting_calendars')
    .selectAll()
    .where('region_code', '=', code)
    .where('year', '=', year)
    .executeTakeFirst();
  return {
    regionCode: code,
    year,
    deadlineDay: row?.deadline_day ?? defaultCalendar.deadlineDay,
    aggregationDay: row?.aggregation_day ?? defaultCalendar.aggregationDay,
    rollToWorkingDay: row?.roll_to_working_day ?? defaultCalendar.rollToWorkingDay,
    version: row?.version ?? 0,
  };
}

export async function putCalendar(
  db: Db,
  ctx: Ctx,
  code: string,
  year: number,
  input: { version: number; deadlineDay: number; aggregationDay: number; rollToWorkingDay: boolean },
) {
  await regionFor(db, actorOf(ctx), code, true);
  if (input.aggregationDay < input.deadlineDay)
    throw invalid('body.aggregationDay', '汇总日不能早于报送截止日');
  return transaction(db, async (trx) => {
    const row = await trx
      .selectFrom('reporting_calendars')
      .selectAll()
      .where('region_code', '=', code)
      .where('year', '=', year)
      .forUpdate()
      .executeTakeFirst();
    assertVersion(row?.version ?? 0, input.version);
    const values = {
      deadline_day: input.deadlineDay,
      aggregation_day: input.aggregationDay,
      roll_to_working_day: input.rollToWorkingDay,
    };
    if (row)
      await trx
        .updateTable('reporting_calendars')
        .set({ ...values, version: row.version + 1 })
        .where('region_code', '=', code)
        .where('year', '=', year)
        .execute();
    else
      await trx
        .insertInto('reporting_calendars')
        .values({ ...values, region_code: code, year })
        .execute();
    await recordAudit(trx, ctx, {
      entity: 'reporting_calendar',
      entityId: `${code}:${year}`,
      action: row ? 'update' : 'create',
      before: row
        ? {
            deadlineDay: row.deadline_day,
            aggregationDay: row.aggregation_day,
            rollToWorkingDay: row.roll_to_working_day,
          }
        : {},
      after: { ...input },
    });
    return { regionCode: code, year, ...input, version: (row?.version ?? 0) + 1 };
  });
}

export async function listCorrections(db: Db, year?: number) {
  let q = db.selectFrom('calendar_corrections').select(['date', 'work', 'note']);
  if (year) q = q.where('date', '>=', `${year}-01-01`).where('date', '<=', `${year}-12-31`);
  return q.orderBy('date').execute();
}

export async function setCorrection(
  db: Db,
  ctx: Ctx,
  date: string,
  input: { work: boolean; note?: string | null } | null,
) {
  if (!isOffice(actorOf(ctx))) throw forbidden();
  return transaction(db, async (trx) => {
    const before = await trx
      .selectFrom('calendar_corrections')
      .selectAll()
      .where('date', '=', date)
      .executeTakeFirst();
    await trx.deleteFrom('calendar_corrections').where('date', '=', date).execute();
    if (input)
      await trx
        .insertInto('calendar_corrections')
        .values({ date, work: input.work, note: input.note ?? null })
        .execute();
    await recordAudit(trx, ctx, {
      entity: 'calendar_correction',
      entityId: date,
      action: input ? 'save' : 'delete',
      before: before ? { work: before.work, note: before.note } : {},
      after: input ? { work: input.work, note: input.note ?? null } : {},
    });
    return { ok: true as const };
  });
}

export async function listRules(db: Db, ctx: Ctx, code: string, year: number) {
  await regionFor(db, actorOf(ctx), code, false);
  const rows = await db
    .selectFrom('light_rules as lr')
    .select([
      'lr.region_code',
      'lr.year',
      'lr.version',
      'lr.rules',
      'lr.reason',
      userNameOf('lr.created_by').as('display_name'),
      'lr.created_at',
    ])
    .where('lr.region_code', '=', code)
    .where('lr.year', '=', year)
    .orderBy('lr.version', 'desc')
    .execute();
  const versions = rows.map((r) => ({
    regionCode: r.region_code,
    year: r.year,
    version: r.version,
    rules: lightRules.parse(r.rules),
    reason: r.reason,
    createdBy: r.display_name,
    createdAt: r.created_at.toISOString(),
  }));
  return versions.length
    ? versions
    : [
        {
          regionCode: code,
          year,
          version: 0,
          rules: defaultLightRules,
          reason: '默认规则',
          createdBy: null,
          createdAt: new Date(0).toISOString(),
        },
      ];
}

/** Rules are versioned: a change is a new version with its reason; closes record the version they used. */
export async function addRules(
  db: Db,
  ctx: Ctx,
  code: string,
  year: number,
  input: { rules: LightRules; reason: string },
) {
  await regionFor(db, actorOf(ctx), code, true);
  await transaction(db, async (trx) => {
    const last = await trx
      .selectFrom('light_rules')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('region_code', '=', code)
      .where('year', '=', year)
      .executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    await trx
      .insertInto('light_rules')
      .values({
        region_code: code,
        year,
        version,
        rules: JSON.stringify(input.rules),
        reason: input.reason,
        created_by: actorOf(ctx).id,
      })
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'light_rules',
      entityId: `${code}:${year}`,
      action: 'create',
      after: { version, ...input.rules },
      reason: input.reason,
    });
  });
  return (await listRules(db, ctx, code, year))[0]!;
}

/** One month's close, or with `latest` the newest close of the region (what a dashboard opens on). */
export async function getClose(db: Db, ctx: Ctx, code: string, ym: string): Promise<MonthClose> {
  await regionFor(db, actorOf(ctx), code, false);
  let q = db.selectFrom('month_closes').selectAll().where('region_code', '=', code);
  if (ym === 'latest') q = q.orderBy('year', 'desc').orderBy('month', 'desc').limit(1);
  else {
    const { y, m } = parseMonth(ym);
    q = q.where('year', '=', y).where('month', '=', m);
  }
  const row = await q.executeTakeFirst();
  if (!row) throw notFound();
  return {
    regionCode: code,
    year: row.year,
    month: row.month,
    status: row.status as MonthClose['status'],
    computedAt: row.computed_at.toISOString(),
    publishedAt: iso(row.published_at),
    rulesVersion: row.rules_version,
    indicators: row.indicators as MonthClose['indicators'],
  };
}

export async function runCloseFor(db: Db, ctx: Ctx, code: string, ym: string) {
  const region = await regionFor(db, actorOf(ctx), code, true);
  const { y, m } = parseMonth(ym);
  return runClose(db, ctx, region, y, m);
}

/** Publishing freezes the month: lights and indicators are no longer recomputed or overridden. */
export async function publishClose(db: Db, ctx: Ctx, code: string, ym: string) {
  await regionFor(db, actorOf(ctx), code, true);
  const { y, m } = parseMonth(ym);
  await transaction(db, async (trx) => {
    const row = await trx
      .selectFrom('month_closes')
      .select('status')
      .where('region_code', '=', code)
      .where('year', '=', y)
      .where('month', '=', m)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw new DomainError('INVALID_STATE', 409, [{ path: 'month', message: '请先运行月度调度' }]);
    if (row.status === 'published')
      throw new DomainError('INVALID_STATE', 409, [{ path: 'month', message: '该月已发布' }]);
    await trx
      .updateTable('month_closes')
      .set({ status: 'published', published_at: new Date() })
      .where('region_code', '=', code)
      .where('year', '=', y)
      .where('month', '=', m)
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'month_close',
      entityId: `${code}:${ym}`,
      action: 'publish',
      before: { status: 'computed' },
      after: { status: 'published' },
    });
  });
  return getClose(db, ctx, code, ym);
}
