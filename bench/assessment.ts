/**
 * bench:assessment — generates 500 units leading 10,000 projects with a year (2026) of facts in a
 * fresh embedded database: monthly reports (some late, some never filed), every project-month's
 * light (some red, some referred), 3,000 supervised items (some overdue, some closed out early) and
 * a monthly meeting with every unit's attendance (some absent without reason); an active scheme
 * ranks the 500 units in two groups. Then times the recompute of the year's 12 months in one pass
 * (as `POST /api/scores/recompute-months` runs it) and, without BENCH_QUICK, month by month (each
 * month in its own transaction, as the month's route and the close run it): a first recompute
 * (every row inserted) and a second (nothing changed: nothing written), against one plain SQL scan
 * of the same facts. Target (issue 15): the year's recompute under 2 s on the embedded database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { migrateToLatest, openPglite, transaction } from '../packages/server/src/db/connection.ts';
import { seedDemo } from '../packages/server/src/modules/org/seed.ts';
import { defaultSchemeConfig } from '../packages/server/src/modules/assessment/default-scheme.ts';
import { recomputeMonth, recomputeRange } from '../packages/server/src/modules/assessment/recompute.ts';
import { activeScheme } from '../packages/server/src/modules/assessment/scheme-store.ts';

const UNITS = 500;
const N = Number(process.env.BENCH_PROJECTS ?? 10_000);
const LIMIT_MS = 2000;
const TODAY = '2027-01-20'; // every month of 2026 past its report deadline
const worker = process.env.DUCHA_PGLITE_WORKER !== '0';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ducha-bench-assessment-'));
const { db, close } = await openPglite(dir, { worker });
console.log(`PGlite ${worker ? 'in a worker thread (as the server runs it)' : 'in this thread'}`);
await migrateToLatest(db);
await seedDemo(db);
const ctx = { actor: null, requestId: 'bench' };
const counties = sql`(array['230602','230603','230604','230605','230606','230621','230622','230623','230624'])`;

const t0 = performance.now();
const units = await sql<{ id: number }>`insert into units (name, type, region_code)
  select '基准单位' || g, case when g % 2 = 0 then 'department' else 'government' end, ${counties}[1 + g % 9]
  from generate_series(1, ${UNITS}) g returning id`.execute(db);
const unitIds = units.rows.map((r) => r.id);
const [u0, u1] = [unitIds[0]!, unitIds.at(-1)!];
await sql`insert into projects (code, name, region_code, sector, investment_nature, total_investment, stage,
    planned_start, actual_start, responsible_unit_id, reports_from)
  select 'B-' || g, '基准项目' || g, ${counties}[1 + g % 9], '工业', 'government', 10000, 'continuing',
    '2025-03-01', '2025-03-15', ${u0}::int + g % ${UNITS}, '2025-01-01'
  from generate_series(1, ${N}) g`.execute(db);
// reports: one in 37 never filed, one in 11 filed after the deadline (the 20th of the next month)
await sql`insert into monthly_reports (project_id, year, month, status, investment_month, physical_progress,
    first_submitted_at, submitted_at)
  select p.id, 2026, m, 'verified', 100, '按计划施工', f, f
  from projects p cross join generate_series(1, 12) m
  cross join lateral (select make_timestamptz(case when m = 12 then 2027 else 2026 end, case when m = 12 then 1 else m + 1 end,
    case when (p.id + m) % 11 = 0 then 20 else 5 end, 10, 0, 0, 'Asia/Shanghai') as f) s
  where (p.id + m) % 37 <> 0`.execute(db);
// lights: one project in 13 red, one in 50 referred
await sql`insert into lights (project_id, year, month, computed, reasons, streak, red_streak, referral,
    planned_to_date, done_to_date, annual_plan, pace_ratio, annual_ratio, timeliness, closed_by_region, project_code)
  select p.id, 2026, m, case when (p.id + m) % 13 = 0 or (p.id + m) % 50 = 0 then 'red' else 'green' end, '[]', 0, 0,
    (p.id + m) % 50 = 0, 100 * m, (90 + p.id % 20) * m, 1200, null, null, 'on_time', '230600', 'B-' || p.id
  from projects p cross join generate_series(1, 12) m`.execute(db);
// items: due through the year, a third closed early, a third resolved late, a third still open
await sql`insert into items (code, kind, source, project_id, region_code, category, title, description, raised_on,
    responsible_unit_id, status, assigned_on, due_date, resolved_on, closed_on)
  select 'DB-' || g, 'problem', 'report', 1 + g % ${N}, ${counties}[1 + g % 9], '资金', '问题' || g, '基准问题', '2026-01-05',
    ${u0}::int + g % ${UNITS}, case g % 3 when 0 then 'closed' when 1 then 'closed' else 'assigned' end, '2026-01-05',
    d, case g % 3 when 0 then d - 5 when 1 then d + 12 end, case g % 3 when 0 then d - 3 when 1 then d + 15 end
  from generate_series(1, 3000) g cross join lateral (select date '2026-01-20' + (g % 330) as d) s`.execute(
  db,
);
// a monthly meeting per month, every unit called, one in 17 absent without reason
await sql`insert into meetings (type, title, region_code, level, sections, held_on, status)
  select 'monthly', '重点项目月度例会' || m, '230600', 3, '{}', make_date(2026, m, 15), 'closed'
  from generate_series(1, 12) m`.execute(db);
await sql`insert into meeting_attendance (meeting_id, unit_id, status)
  select mt.id, u.id, case when (u.id + mt.id) % 17 = 0 then 'absent' else 'present' end
  from meetings mt cross join units u where u.id between ${u0} and ${u1}`.execute(db);
const half = Math.ceil(UNITS / 2);
const config = {
  ...defaultSchemeConfig([]),
  groups: [
    { code: 'county', name: '县(市、区)和园区', unitIds: unitIds.slice(0, half) },
    { code: 'dept', name: '市直部门和国有企业', unitIds: unitIds.slice(half) },
  ],
};
await db
  .insertInto('assessment_schemes')
  .values({
    region_code: '230600',
    year: 2026,
    name: '基准考核方案',
    status: 'active',
    config: JSON.stringify(config),
  })
  .execute();
await sql`analyze`.execute(db);
console.log(
  `generated ${UNITS} units, ${N} projects, ${N * 12} project-months of reports and lights, 3,000 items, ` +
    `12 meetings in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);

/**
 * CPU time of the whole process since `from` (this thread and PGlite's worker): on a machine
 * shared with other work the wall time grows with the load, the CPU time hardly does; the work is
 * one thread after the other (the engine waits on its queries), so idle wall time ≈ CPU time.
 */
const cpuMs = (from: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
};

/** The year month by month, each in its own transaction (as the route and the close run it). */
async function monthly() {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const sums = { inserted: 0, updated: 0, deleted: 0, unchanged: 0 };
  for (let m = 1; m <= 12; m++) {
    const r = await transaction(db, (trx) => recomputeMonth(trx, ctx, '230600', 2026, m, TODAY));
    for (const k of Object.keys(sums) as (keyof typeof sums)[]) sums[k] += r[k];
  }
  return { ms: performance.now() - t, cpuMs: cpuMs(cpu), ...sums };
}

/** The year in one pass (`recomputeRange`: the facts of the 12 months read once, one write of each kind). */
async function year() {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const scheme = (await activeScheme(db, '230600', 2026))!;
  const r = await transaction(db, (trx) => recomputeRange(trx, ctx, scheme, 2026, 1, 12, TODAY));
  const sums = { inserted: 0, updated: 0, deleted: 0, unchanged: 0 };
  for (const x of r) for (const k of Object.keys(sums) as (keyof typeof sums)[]) sums[k] += x[k];
  return { ms: performance.now() - t, cpuMs: cpuMs(cpu), ...sums };
}

// the same facts read plainly: the year's reports, lights, items and attendance, scanned once
async function bare() {
  const t = performance.now();
  await sql`select
      (select count(*) filter (where first_submitted_at > now()) from monthly_reports where year = 2026),
      (select count(*) filter (where computed = 'red' or referral) from lights where year = 2026),
      (select count(*) filter (where due_date < ${TODAY}::date) from items),
      (select count(*) filter (where status = 'absent') from meeting_attendance),
      (select sum(planned_to_date) from lights where year = 2026)`.execute(db);
  return performance.now() - t;
}

const rowsNow = async () =>
  (
    await db
      .selectFrom('score_rows')
      .select((e) => e.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
  ).n;
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const show = (name: string, r: Awaited<ReturnType<typeof year>>) =>
  console.log(
    `${name}: ${fmt(r.ms)} wall, ${fmt(r.cpuMs)} CPU (limit ${fmt(LIMIT_MS)}) ${r.ms < LIMIT_MS ? 'OK' : 'SLOW'}` +
      ` — inserted ${r.inserted}, ` +
      `updated ${r.updated}, deleted ${r.deleted}, unchanged ${r.unchanged}`,
  );
show('year in one pass, first (empty ledger)', await year());
show('year in one pass, again (same facts)', await year());
if (!process.env.BENCH_QUICK) {
  show('12 months one by one (same facts)', await monthly());
  await db.deleteFrom('score_rows').execute();
  show('12 months one by one, first (empty ledger)', await monthly());
}
const scan = Math.min(await bare(), await bare());
const rows = { n: await rowsNow() };
console.log(`bare scan of the year's facts: ${fmt(scan)}; ledger rows: ${rows.n}`);
await close();
fs.rmSync(dir, { recursive: true, force: true });
