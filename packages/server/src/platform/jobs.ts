/**
 * Scheduled jobs: croner in process, every run recorded in job_runs; on PostgreSQL an advisory
 * lock keeps a second instance from running the same job at the same time.
 */
import { Cron } from 'croner';
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';

/** One run of a job, recorded; skipped when another instance holds the lock (PostgreSQL). */
export async function runJob(db: Db, kind: 'pglite' | 'postgres', job: string, fn: () => Promise<unknown>) {
  if (kind === 'postgres') {
    const got = await sql<{ ok: boolean }>`select pg_try_advisory_lock(hashtext(${job})) as ok`.execute(db);
    if (!got.rows[0]?.ok) {
      await db
        .insertInto('job_runs')
        .values({
          job,
          status: 'skipped',
          finished_at: new Date(),
          detail: JSON.stringify({ reason: 'locked by another instance' }),
        })
        .execute();
      return;
    }
  }
  const { id } = await db
    .insertInto('job_runs')
    .values({ job, status: 'running' })
    .returning('id')
    .executeTakeFirstOrThrow();
  try {
    const detail = await fn();
    await db
      .updateTable('job_runs')
      .set({ status: 'ok', finished_at: new Date(), detail: JSON.stringify({ result: detail }) })
      .where('id', '=', id)
      .execute();
  } catch (e) {
    await db
      .updateTable('job_runs')
      .set({
        status: 'failed',
        finished_at: new Date(),
        detail: JSON.stringify({ error: (e as Error).message }),
      })
      .where('id', '=', id)
      .execute();
  } finally {
    if (kind === 'postgres') await sql`select pg_advisory_unlock(hashtext(${job}))`.execute(db);
  }
}

export interface ScheduledJob {
  name: string;
  /** cron pattern in Asia/Shanghai time */
  pattern: string;
  run: () => Promise<unknown>;
}

/** Starts the jobs on their schedules. Returns a stop function. */
export function startSchedule(db: Db, kind: 'pglite' | 'postgres', jobs: readonly ScheduledJob[]) {
  const crons = jobs.map(
    (j) =>
      new Cron(j.pattern, { timezone: 'Asia/Shanghai', protect: true }, () =>
        runJob(db, kind, j.name, j.run),
      ),
  );
  return () => crons.forEach((c) => c.stop());
}
