/** Prints the demo's item count (setup.sh seeds Redmine with as many issues): the demo seeded in memory. */
import { sql } from 'kysely';
import { migrateToLatest, openPglite } from '../../packages/server/src/db/connection.ts';
import { seedDemoData } from '../../packages/server/src/demo.ts';

const database = await openPglite(undefined);
await migrateToLatest(database.db);
await seedDemoData(database.db);
const { rows } = await sql<{ n: number }>`select count(*)::int as n from items`.execute(database.db);
await database.close();
console.log(rows[0]!.n);
