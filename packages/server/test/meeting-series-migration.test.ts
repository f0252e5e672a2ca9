/**
 * Migration 0018 on an installation that already has meeting series: the meetings laid out when a
 * series was created (in its transaction) get their rhythm date, a moved one and one added to the
 * series later (even on a rhythm date) do not; each series' mark is what its creation laid out.
 */
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrateToLatest, openPglite, type OpenDb } from '../src/db/connection.ts';
import { migrations } from '../src/db/migrations/index.ts';
import { seedDemo } from '../src/modules/org/seed.ts';

let database: OpenDb;

beforeAll(async () => {
  database = await openPglite(undefined);
  const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0018'));
  const { error } = await new Migrator({
    db: database.db,
    provider: { getMigrations: async () => before },
  }).migrateToLatest();
  if (error) throw error;
  await seedDemo(database.db);
});
afterAll(() => database.close());

it('marks the rhythm dates of the meetings laid out at creation, and each series’ mark', async () => {
  const db = database.db;
  const series = async (ends: object, dates: string[]) =>
    db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ id: number }>`
        insert into meeting_series (type, title, region_code, level, sections, starts_on, recurrence, ends)
        values ('monthly', '月度例会', '230600', 3, '{review}', '2026-01-01', '{"freq":"monthly","day":15}',
          ${JSON.stringify(ends)}::jsonb) returning id`.execute(trx);
      const id = rows[0]!.id;
      for (const [i, d] of dates.entries())
        await sql`insert into meetings (series_id, seq, type, title, region_code, level, sections, held_on, status)
          values (${id}, ${i + 1}, 'monthly', '月度例会', '230600', 3, '{review}', ${d}, 'scheduled')`.execute(
          trx,
        );
      return id;
    });
  const never = await series({ kind: 'never' }, ['2026-01-15', '2026-02-15', '2026-03-15']);
  const counted = await series({ kind: 'count', count: 2 }, ['2026-01-15', '2026-02-15']);
  const until = await series({ kind: 'until', date: '2026-02-28' }, ['2026-01-15', '2026-02-15']);
  // later: February's is moved, and a meeting is added to the series on March's date
  await sql`update meetings set held_on = '2026-02-18', moved = true where series_id = ${never} and seq = 2`.execute(
    db,
  );
  await sql`insert into meetings (series_id, seq, type, title, region_code, level, sections, held_on, status,
      created_at) values (${never}, 4, 'monthly', '专题会', '230600', 3, '{review}', '2026-03-15', 'scheduled',
      now() + interval '1 minute')`.execute(db);

  await migrateToLatest(db);
  const rows = await db
    .selectFrom('meetings')
    .select(['seq', 'rhythm_on'])
    .where('series_id', '=', never)
    .orderBy('seq')
    .execute();
  expect(rows.map((r) => [r.seq, r.rhythm_on])).toEqual([
    [1, '2026-01-15'],
    [2, null],
    [3, '2026-03-15'],
    [4, null],
  ]);
  const marks = await db
    .selectFrom('meeting_series')
    .select(['id', 'laid_out_through'])
    .where('id', 'in', [never, counted, until])
    .orderBy('id')
    .execute();
  expect(marks.map((m) => m.laid_out_through)).toEqual(['2026-12-31', '2026-02-15', '2026-02-28']);
});
