/**
 * bench:agenda — the agenda of a city with 10,000 projects and 2,000 open items (issue 13, point 9):
 * builds the volume set-based (bench/agenda-data.ts) in a fresh embedded database, then times
 * generating November's monthly 例会 agenda from October's (对照检查 of 30 decisions, the open items
 * at the office's rung overdue first, the month's red and yellow projects, 现场交账 for every
 * responsible unit, 40 entries carried over) through the use case the route calls, and reading the
 * meeting back as the page does. Target: the generation under 300 ms on the embedded database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateToLatest, openPglite } from '../packages/server/src/db/connection.ts';
import { seedDemo } from '../packages/server/src/modules/org/seed.ts';
import { regenerateAgenda } from '../packages/server/src/modules/meetings/meetings.ts';
import { meetingDetail } from '../packages/server/src/modules/meetings/queries.ts';
import type { Actor } from '../packages/server/src/platform/access/context.ts';
import { buildAgendaVolume } from './agenda-data.ts';

const projects = Number(process.env.BENCH_PROJECTS ?? 10_000);
const openItems = Number(process.env.BENCH_ITEMS ?? 2_000);
const worker = process.env.DUCHA_PGLITE_WORKER !== '0';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ducha-bench-agenda-'));
const { db, close } = await openPglite(dir, { worker });
console.log(`PGlite ${worker ? 'in a worker thread (as the server runs it)' : 'in this thread'}`);
await migrateToLatest(db);
await seedDemo(db);
const t = performance.now();
const { november, series } = await buildAgendaVolume(db, { projects, openItems });
console.log(
  `generated ${projects} projects, ${openItems} open items in ${((performance.now() - t) / 1000).toFixed(1)} s`,
);

const admin = await db
  .selectFrom('users')
  .selectAll()
  .where('username', '=', 'admin')
  .executeTakeFirstOrThrow();
const actor: Actor = {
  id: admin.id,
  username: admin.username,
  displayName: admin.display_name,
  role: 'admin',
  regionCode: null,
  regionPath: '',
  unitId: null,
  personId: null,
  mustChangePassword: false,
  via: 'session',
};
const ctx = { actor, requestId: 'bench' };

const firsts: number[] = [];
const regens: number[] = [];
const reads: number[] = [];
let counts;
let entries = 0;
for (let i = 0; i < 4; i++) {
  // a November meeting of the series without an agenda yet (each run its own, all after October)
  const m =
    i === 0
      ? { id: november }
      : await db
          .insertInto('meetings')
          .values({
            series_id: series,
            seq: 2 + i,
            type: 'monthly',
            title: '市重点项目月度例会',
            region_code: '230600',
            level: 3,
            sections: ['review', 'open_items', 'lights', 'unit_report', 'manual'],
            held_on: '2026-11-15',
            status: 'scheduled',
          })
          .returning('id')
          .executeTakeFirstOrThrow();
  let s = performance.now();
  counts = await regenerateAgenda(db, ctx, m.id, 1);
  firsts.push(performance.now() - s);
  s = performance.now();
  await regenerateAgenda(db, ctx, m.id, 2);
  regens.push(performance.now() - s);
  s = performance.now();
  entries = (await meetingDetail(db, actor, m.id)).entries.length;
  reads.push(performance.now() - s);
}
const runs = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
// the first run is the cold one (plans, caches); the figure is the best of the three after it
const best = (xs: number[]) => Math.min(...xs.slice(1));
console.log(`agenda generation:   ${best(firsts).toFixed(0)} ms (runs: ${runs(firsts)}; the first cold)`);
console.log(
  `regeneration:        ${best(regens).toFixed(0)} ms (runs: ${runs(regens)}; the entries deleted first)`,
);
console.log(`meeting read back:   ${best(reads).toFixed(0)} ms (runs: ${runs(reads)}; ${entries} entries)`);
console.log(`sections: ${JSON.stringify(counts)}`);
await close();
fs.rmSync(dir, { recursive: true, force: true });
