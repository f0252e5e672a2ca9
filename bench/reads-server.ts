/**
 * The server process of bench:reads: the real app, built and opened exactly as
 * `packages/server/src/main.ts` does it (its config from the environment, `openDatabase` — PGlite
 * file-backed in its worker thread, or the `pg` pool of DATABASE_URL —, the migrations, `buildApp`),
 * on PORT; no schedule (as `DUCHA_SCHEDULE=0`), and no seeding: bench/reads.ts prepares the
 * database before it starts this process. In the same process, on BENCH_BARE_PORT, the bare server
 * (`reads-bare.ts`) answers the same pages with hand-written SQL through the same `Db`.
 */
import { buildApp } from '../packages/server/src/app.ts';
import { loadConfig } from '../packages/server/src/config.ts';
import { migrateToLatest, openDatabase } from '../packages/server/src/db/connection.ts';
import { bareServer } from './reads-bare.ts';

const config = loadConfig();
const barePort = Number(process.env.BENCH_BARE_PORT ?? config.port + 1);
const database = await openDatabase(config);
await migrateToLatest(database.db);
const app = await buildApp({ config, database });
const bare = bareServer(database.db);
bare.keepAliveTimeout = 60_000;

const shutdown = async () => {
  await new Promise((r) => bare.close(r));
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
await app.listen({ port: config.port, host: config.host });
await new Promise<void>((resolve) => bare.listen(barePort, config.host, resolve));
console.log(`reads-server: app on ${config.port}, bare on ${barePort} (${database.kind})`);
