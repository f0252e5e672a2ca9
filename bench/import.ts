/**
 * bench:import — imports a generated 10,000-row 责任分解表 into the embedded database (a fresh
 * PGlite data directory with the demo city), then imports it again (every row unchanged), and
 * prints rows per second for both. Target (issue 3): above 2,000 rows/s on the embedded database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateToLatest, openPglite } from '../packages/server/src/db/connection.ts';
import { demoPositions, demoUnits } from '../packages/server/src/modules/org/demo-data.ts';
import { seedDemo } from '../packages/server/src/modules/org/seed.ts';
import { buildResponsibilitySheet } from '../packages/server/src/modules/projects/excel/build.ts';
import { importProjects } from '../packages/server/src/modules/projects/excel/importer.ts';
import { verifyAuditChain } from '../packages/server/src/platform/audit/audit.ts';
import { actorById, toActor } from '../packages/server/src/platform/auth/repo.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const sectors = ['工业', '农业', '现代服务业', '基础设施', '城乡建设', '社会事业', '旅游商贸物流'];
const regions = ['230602', '230603', '230604', '230605', '230606', '230621', '230622', '230623', '230624'];
const leaders = demoPositions.filter((p) => p.name.includes('副市长')).map((p) => p.name);
const departments = demoUnits
  .filter((u) => u.type === 'department' && u.regionCode === '230600')
  .map((u) => u.name);

function rows(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    code: `BENCH-${String(i + 1).padStart(5, '0')}`,
    name: `基准测试项目${i + 1}号`,
    region: regions[i % regions.length],
    sector: sectors[i % sectors.length],
    nature: i % 3 === 0 ? '政府投资' : '企业投资',
    total: (1000 + (i % 97) * 123.45).toFixed(2),
    scale: '新建厂房及配套设施',
    leader: leaders[i % leaders.length],
    responsibleUnit: departments[i % departments.length],
    coUnits: departments[(i + 1) % departments.length],
    planYear: '2026',
    planned: (500 + (i % 13) * 10.01).toFixed(2),
    milestones: '开工建设@2026-04-01；主体完工@2026-09-30',
    plannedStart: '2026-04-01',
  }));
}

// the server's path by default; DUCHA_PGLITE_WORKER=0 runs PGlite in this thread, as before issue 11
const worker = process.env.DUCHA_PGLITE_WORKER !== '0';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ducha-bench-import-'));
const { db, close } = await openPglite(dir, { worker });
console.log(`PGlite ${worker ? 'in a worker thread (as the server runs it)' : 'in this thread'}`);
await migrateToLatest(db);
await seedDemo(db);
const admin = await db
  .selectFrom('users')
  .select('id')
  .where('username', '=', 'admin')
  .executeTakeFirstOrThrow();
const ctx = { actor: toActor((await actorById(db, admin.id))!, 'session'), requestId: 'bench' };

const sheet = await buildResponsibilitySheet(rows(ROWS));
console.log(`sheet: ${ROWS} rows, ${(sheet.length / 1024 / 1024).toFixed(1)} MiB`);

async function timed(label: string) {
  const t0 = performance.now();
  const r = await importProjects(db, ctx, sheet, 'commit');
  const s = (performance.now() - t0) / 1000;
  if (!r.committed)
    throw new Error(`${label}: ${r.errors.length} errors, first: ${JSON.stringify(r.errors[0])}`);
  console.log(
    `${label}: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged in ${s.toFixed(2)} s → ${Math.round(ROWS / s)} rows/s`,
  );
}
await timed('first import ');
await timed('re-import    ');
const chain = await verifyAuditChain(db);
console.log(`audit chain: ${chain.ok ? 'intact' : 'BROKEN'}, ${chain.checked} events`);
await close();
fs.rmSync(dir, { recursive: true, force: true });
