/**
 * What every phase of the province generator shares: the database, the scale, today, the months
 * generated, a deterministic draw (the same numbers in JavaScript and, as `bench_rand`, in SQL:
 * each phase draws from its own salts), chunked bulk inserts and timing.
 */
import { sql, type Kysely } from 'kysely';
import { insertJson } from '../../packages/server/src/db/bulk.ts';
import type { Database } from '../../packages/server/src/db/types.ts';
import { defaultCalendar, monthEnd, reportDeadline } from '../../packages/server/src/platform/calendar.ts';

export interface Gen {
  db: Kysely<Database>;
  scale: number;
  today: string;
  log: (line: string) => void;
  /** the 24 months of reports, oldest first */
  months: GenMonth[];
  /** the year of the newest month (the one being filed now): plans and closes cover it and the year before */
  year: number;
}

export interface GenMonth {
  /** 0 for the oldest */
  k: number;
  y: number;
  m: number;
  ym: string;
  end: string;
  deadline: string;
  /**
   * settled: its deadline long past, every report in; checking: the latest month past its deadline,
   * the office still verifying; open: its deadline not yet come (the month being filed now)
   */
  phase: 'settled' | 'checking' | 'open';
  /** closed (its aggregation day passed): the month close has run */
  closed: boolean;
}

/** A count at this scale: `base` at scale 1, at least `min`. */
export const scaled = (g: Gen, base: number, min = 1) => Math.max(min, Math.round(base * g.scale));

/** A deterministic number in [0, 1) for (i, salt): the same on every machine and run. */
export function rnd(i: number, salt: number): number {
  let x = Math.imul(i ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(salt + 0x27d4eb2d, 0x85ebca6b);
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return (x >>> 0) / 4294967296;
}

export const pick = <T>(xs: readonly T[], r: number): T => xs[Math.floor(r * xs.length) % xs.length]!;

/** The SQL twin of `rnd` for set-based phases: `bench_rand(x, salt)` in [0, 1), created by `setUp`. */
export async function setUp(db: Kysely<Database>) {
  await sql`create or replace function bench_rand(x bigint, salt int) returns float8
    language sql immutable parallel safe
    as $$ select (hashint8(x * 1000003 + salt) & 2147483647)::float8 / 2147483648.0 $$`.execute(db);
}

/** Rows in chunks of json_populate_recordset (db/bulk.ts): one statement per chunk. */
export async function bulk(
  db: Kysely<Database>,
  table: keyof Database & string,
  rows: readonly Record<string, unknown>[],
  chunk = 5000,
) {
  for (let i = 0; i < rows.length; i += chunk) await insertJson(db, table, rows.slice(i, i + chunk));
}

/** Moves an identity column's sequence past ids given by hand. */
export const bumpSequence = (db: Kysely<Database>, table: string) =>
  sql`select setval(pg_get_serial_sequence(${table}, 'id'), greatest(1, (select coalesce(max(id), 0) from ${sql.table(table)})))`.execute(
    db,
  );

/** The 24 months before today's month, and where each stands today (default reporting calendar). */
export function monthsBefore(today: string): GenMonth[] {
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7));
  const out: GenMonth[] = [];
  for (let i = 0; i < 24; i++) {
    [y, m] = m === 1 ? [y - 1, 12] : [y, m - 1];
    const deadline = reportDeadline(y, m, defaultCalendar);
    const [ny, nm] = m === 12 ? [y + 1, 1] : [y, m + 1];
    const aggregation = `${ny}-${String(nm).padStart(2, '0')}-${String(defaultCalendar.aggregationDay).padStart(2, '0')}`;
    out.unshift({
      k: 0,
      y,
      m,
      ym: `${y}-${String(m).padStart(2, '0')}`,
      end: monthEnd(y, m),
      deadline,
      phase: today > deadline ? 'settled' : 'open',
      closed: today > aggregation,
    });
  }
  out.forEach((mo, k) => (mo.k = k));
  const lastPast = out.filter((mo) => mo.phase === 'settled').at(-1);
  if (lastPast) lastPast.phase = 'checking';
  return out;
}

/**
 * Runs a phase and logs how long it took: wall time, and this process's CPU time (PGlite runs in
 * it, so on the embedded database that is the work itself, whatever else the machine is doing).
 */
export async function phase<T>(g: Gen, name: string, fn: () => Promise<T>): Promise<T> {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const out = await fn();
  const used = process.cpuUsage(cpu);
  g.log(
    `${name.padEnd(28)} ${((performance.now() - t) / 1000).toFixed(1).padStart(6)} s  (cpu ${((used.user + used.system) / 1e6).toFixed(1)} s)`,
  );
  return out;
}

/** A date `n` days after `date` (YYYY-MM-DD). */
export const plusDays = (date: string, n: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** A moment on a China date at an hour (Asia/Shanghai). */
export const chinaTime = (date: string, hour = 10, minute = 0) =>
  new Date(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`);
