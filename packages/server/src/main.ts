/** `npm start`: open the database, migrate, seed an empty one, and serve the API and web client. */
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { migrateToLatest, openDatabase } from './db/connection.ts';
import { bootstrapAdmin, isEmpty } from './modules/org/seed.ts';
import { seedDemoData } from './demo.ts';
import { recomputeRecentMonths } from './modules/assessment/index.ts';
import { notifyDueSoon } from './modules/items/index.ts';
import { closeDueMonths } from './modules/lights/index.ts';
import { extendOpenSeries } from './modules/meetings/index.ts';
import { startSchedule } from './platform/jobs.ts';

const config = loadConfig();
const database = await openDatabase(config);
await migrateToLatest(database.db);
if (await isEmpty(database.db)) {
  if (config.demo) {
    await seedDemoData(database.db);
    console.log('已载入演示数据(大庆市)。演示账号见 README，密码仅供演示。');
  } else {
    const password = await bootstrapAdmin(database.db);
    console.log(`已创建管理员账号 admin，初始密码：${password}（仅显示一次，首次登录须修改）`);
  }
}
const app = await buildApp({ config, database });
const stopSchedule =
  process.env.DUCHA_SCHEDULE === '0'
    ? () => {}
    : startSchedule(database.db, database.kind, [
        // the month close after the aggregation day, at night
        { name: 'month-close', pattern: '30 2 * * *', run: () => closeDueMonths(database.db) },
        // deadlines within the next working days, before the working day starts
        { name: 'item-due-soon', pattern: '0 8 * * *', run: () => notifyDueSoon(database.db) },
        // never-ending meeting series kept laid out a year ahead of today
        { name: 'meeting-series-extend', pattern: '15 3 * * *', run: () => extendOpenSeries(database.db) },
        // the ledger of the current and previous month follows items and meetings within a day
        { name: 'score-recompute', pattern: '45 3 * * *', run: () => recomputeRecentMonths(database.db) },
      ]);
const shutdown = async () => {
  stopSchedule();
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
await app.listen({ port: config.port, host: config.host });
console.log(
  `Ducha 督查 running at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (${database.kind})`,
);
