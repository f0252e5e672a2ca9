/**
 * The `ducha` command line (npm run ducha -- <command>): migrate, seed, tokens, users, audit, sql.
 * Uses the same configuration as the server (DATABASE_URL or the embedded database in DUCHA_DATA_DIR).
 */
import { parseArgs } from 'node:util';
import { role as roleSchema, userCreate, yearMonth } from '@ducha/contract';
import { sql } from 'kysely';
import { loadConfig } from './config.ts';
import { migrateToLatest, openDatabase, type Db } from './db/connection.ts';
import { createUser, resetPassword } from './modules/org/index.ts';
import { isEmpty } from './modules/org/seed.ts';
import { seedDemoData } from './demo.ts';
import { registerAssessmentHooks } from './modules/assessment/index.ts';
import { notifyDueSoon } from './modules/items/index.ts';
import { closingRegions, runClose } from './modules/lights/index.ts';
import { extendOpenSeries } from './modules/meetings/index.ts';
import { drawVerifyCommand } from './modules/inspections/index.ts';
import { toActor, actorById } from './platform/auth/repo.ts';
import type { Ctx } from './platform/access/context.ts';
import { verifyAuditChain } from './platform/audit/audit.ts';
import { createToken } from './platform/auth/tokens.ts';
import { DomainError } from './platform/errors.ts';
import { accountIdByUsername, firstAdminId } from './platform/auth/accounts.ts';
import { getRegion } from './platform/regions.ts';

const usage = `ducha <command>
  migrate                                  apply pending database migrations
  seed --demo                              load the demo city into an empty database
  token create <username> [--name N] [--days D]   create a personal API token (printed once)
  user create <username> --role R [--region CODE] [--unit ID] [--name 显示名]
                                           create an account; prints its one-time password
  user reset-password <username>           new one-time password; unlocks and signs out the account
  audit verify                             check the audit hash chain; exits 1 at the first broken event
  month close YYYY-MM [--region CODE]      run the month close (default: every office's top region)
  items due-soon [--date YYYY-MM-DD]       send today's "due soon" notices now (the daily 08:00 job)
  meetings extend [--date YYYY-MM-DD]      lay never-ending meeting series out a year ahead now (the daily 03:15 job)
  draw verify <file or id>                 recompute a draw (a document's JSON file, or a draw by id from the database): picks, OK or FAIL
  sql "<statement>"                        run one SQL statement (for operators of the embedded database)`;

/** The CLI acts as the system (operator at the console), recorded in the trail as actor 'cli'. */
async function systemCtx(db: Db): Promise<Ctx> {
  const adminId = await firstAdminId(db);
  const row = adminId !== undefined ? await actorById(db, adminId) : undefined;
  return {
    actor: row ? { ...toActor(row, 'session'), displayName: `${row.display_name} (命令行)` } : null,
    requestId: 'cli',
  };
}

async function userId(db: Db, username: string): Promise<number> {
  const id = await accountIdByUsername(db, username);
  if (id === undefined) throw new Error(`没有用户 ${username}`);
  return id;
}

async function run(db: Db, argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      demo: { type: 'boolean' },
      name: { type: 'string' },
      days: { type: 'string' },
      role: { type: 'string' },
      region: { type: 'string' },
      unit: { type: 'string' },
      date: { type: 'string' },
    },
  });
  const [cmd, sub, arg] = positionals;
  const key = [cmd, sub].filter(Boolean).join(' ');
  if (cmd === 'migrate') {
    const applied = await migrateToLatest(db);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
    return 0;
  }
  await migrateToLatest(db);
  if (cmd === 'seed' && values.demo) {
    if (!(await isEmpty(db))) throw new Error('数据库已有用户，演示数据只能载入空库');
    await seedDemoData(db);
    console.log('demo data loaded');
    return 0;
  }
  if (key === 'token create' && arg) {
    const { token } = await createToken(db, await systemCtx(db), {
      userId: await userId(db, arg),
      name: values.name ?? 'cli',
      expiresInDays: values.days ? Number(values.days) : null,
    });
    console.log(token);
    return 0;
  }
  if (key === 'user create' && arg) {
    const input = userCreate.parse({
      username: arg,
      displayName: values.name ?? arg,
      role: roleSchema.parse(values.role),
      regionCode: values.region ?? null,
      unitId: values.unit ? Number(values.unit) : null,
    });
    const { temporaryPassword } = await createUser(db, await systemCtx(db), input);
    console.log(`created ${arg}; one-time password: ${temporaryPassword}`);
    return 0;
  }
  if (key === 'user reset-password' && arg) {
    const { temporaryPassword } = await resetPassword(db, await systemCtx(db), await userId(db, arg));
    console.log(`one-time password for ${arg}: ${temporaryPassword}`);
    return 0;
  }
  if (key === 'month close' && arg) {
    const month = yearMonth.safeParse(arg);
    if (!month.success) throw new Error(month.error.issues[0]!.message);
    const ctx = await systemCtx(db);
    registerAssessmentHooks(); // the close recomputes the month's ledger, as in the server
    const regions = values.region
      ? [await getRegion(db, values.region)].filter((r) => r !== undefined)
      : await closingRegions(db);
    if (!regions.length) throw new Error('没有可调度的行政区划');
    for (const r of regions) {
      const close = await runClose(db, ctx, r, Number(arg.slice(0, 4)), Number(arg.slice(5, 7)));
      const t = close.indicators.total?.[0];
      console.log(
        `${r.code} ${arg}: ${t?.projects ?? 0} projects, green ${t?.green ?? 0}, yellow ${t?.yellow ?? 0}, red ${t?.red ?? 0}`,
      );
    }
    return 0;
  }
  if (key === 'items due-soon') {
    if (values.date && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) throw new Error('日期格式应为 YYYY-MM-DD');
    const sent = await notifyDueSoon(db, values.date);
    console.log(`due-soon notices sent: ${sent}`);
    return 0;
  }
  if (key === 'meetings extend') {
    if (values.date && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) throw new Error('日期格式应为 YYYY-MM-DD');
    const r = await extendOpenSeries(db, values.date);
    console.log(`meetings laid out: ${r.meetings} in ${r.series} series`);
    return 0;
  }
  if (key === 'draw verify' && arg) return drawVerifyCommand(db, arg);
  if (key === 'audit verify') {
    const result = await verifyAuditChain(db);
    if (result.ok) {
      console.log(`audit chain intact: ${result.checked} events`);
      return 0;
    }
    console.error(
      `audit chain BROKEN at event #${result.broken!.seq}: ${result.broken!.problem} (${result.checked} events verified before it)`,
    );
    return 1;
  }
  if (cmd === 'sql' && sub) {
    const res = await sql.raw(sub).execute(db);
    console.log(
      JSON.stringify(res.rows.length ? res.rows : { affected: Number(res.numAffectedRows ?? 0) }, null, 2),
    );
    return 0;
  }
  console.error(usage);
  return 2;
}

const database = await openDatabase(loadConfig());
let code = 1;
try {
  code = await run(database.db, process.argv.slice(2));
} catch (e) {
  if (e instanceof DomainError) console.error(`error: ${e.code} ${JSON.stringify(e.details)}`);
  else console.error(`error: ${(e as Error).message}`);
} finally {
  await database.close();
}
process.exit(code);
