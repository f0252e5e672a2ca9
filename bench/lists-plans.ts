/**
 * Every statement the list reads run (issue 12, i12-lists), with its plan: the app on a volume
 * database (bench/lists-volume.ts), each read asked as several roles, each statement captured
 * through Kysely's log and explained with ANALYZE. Prints per read the statements, planning and
 * execution time, the request's wall time (warm, median of 5), and what the plan should not do:
 * a sequential scan of a large table, a sort of more than 1,000 rows.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:3141/ducha_vol npx tsx bench/lists-plans.ts [filter]
 * Full plans go to /tmp/lists-plans/.
 */
import fs from 'node:fs';
import { Kysely, PostgresDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import { buildApp } from '../packages/server/src/app.ts';
import { loadConfig } from '../packages/server/src/config.ts';
import { openPostgres } from '../packages/server/src/db/connection.ts';
import type { Database } from '../packages/server/src/db/types.ts';

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:3141/ducha_vol';
const filter = process.argv[2];
const outDir = '/tmp/lists-plans';
fs.mkdirSync(outDir, { recursive: true });

await (await openPostgres(url)).close(); // sets the type parsers
const pool = new pg.Pool({ connectionString: url, max: 10 });
let capture: { sql: string; params: readonly unknown[] }[] | null = null;
const db = new Kysely<Database>({
  dialect: new PostgresDialect({ pool }),
  log: (e: LogEvent) => {
    if (capture && e.level === 'query') capture.push({ sql: e.query.sql, params: e.query.parameters });
  },
});
const app = await buildApp({
  config: { ...loadConfig({}), webDist: undefined },
  database: { db, kind: 'postgres', close: () => db.destroy() },
  logger: false,
});
await app.ready();
const client = new pg.Client({ connectionString: url });
await client.connect();
const one = async (q: string) => (await client.query(q)).rows[0];

async function login(username: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: 'ducha-demo-2026' },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.body}`);
  const c = Object.fromEntries(res.cookies.map((k) => [k.name, k.value]));
  return { cookie: `ducha_session=${c.ducha_session}; ducha_csrf=${c.ducha_csrf}` };
}

// a unit that leads projects, a reporter whose unit owns some
const unitUser = await one(`select u.username from users u where u.role = 'unit' and u.username like 'gen%'
  order by (select count(*) from projects p where p.responsible_unit_id = u.unit_id) desc limit 1`);
const reporterUser =
  await one(`select u.username from users u where u.role = 'reporter' and u.username like 'gen%'
  order by (select count(*) from projects p where p.owner_unit_id = u.unit_id) desc limit 1`);
const provinceList = await one(`select id from project_lists where level = 'province' limit 1`);
const cityList = await one(`select id from project_lists where region_code = '230100' and year = 2026`);
const leaderPos = await one(`select leader_position_id id from projects where code like 'GEN-%' limit 1`);
const someUnit = await one(`select responsible_unit_id id from projects where code like 'GEN-%' limit 1`);
const someProject = await one(
  `select id from projects where region_code = '230623' and code like 'GEN-%' limit 1`,
);
const pageIds = (
  await client.query(`select id from projects where region_code like '2306%' order by code limit 25`)
).rows
  .map((r) => r.id)
  .join(',');

const who: Record<string, string> = {
  admin: 'admin',
  province: 'office_province',
  city: 'office',
  county: 'office_lindian',
  leader: 'leader',
  unit: unitUser.username,
  reporter: reporterUser.username,
};
const sessions: Record<string, { cookie: string }> = {};
for (const [k, u] of Object.entries(who)) sessions[k] = await login(u);

const cases: [string, string[], string][] = [
  [
    'projects',
    ['admin', 'province', 'city', 'county', 'leader', 'unit', 'reporter'],
    '/api/projects?pageSize=25',
  ],
  ['projects name', ['province', 'county'], '/api/projects?pageSize=25&sort=name'],
  ['projects -invest', ['province', 'city'], '/api/projects?pageSize=25&sort=-totalInvestment'],
  ['projects invest', ['province'], '/api/projects?pageSize=25&sort=totalInvestment'],
  ['projects stage', ['province'], '/api/projects?pageSize=25&sort=stage'],
  ['projects page 40', ['province'], '/api/projects?pageSize=25&page=40'],
  ['projects region', ['province'], '/api/projects?pageSize=25&regionCode=230100'],
  ['projects region county', ['province', 'city'], '/api/projects?pageSize=25&regionCode=230623'],
  [
    'projects sector',
    ['province', 'county'],
    `/api/projects?pageSize=25&sector=${encodeURIComponent('工业')}`,
  ],
  ['projects stage=', ['province'], '/api/projects?pageSize=25&stage=completed'],
  ['projects leader', ['province'], `/api/projects?pageSize=25&leaderPositionId=${leaderPos.id}`],
  ['projects unit', ['province'], `/api/projects?pageSize=25&unitId=${someUnit.id}`],
  ['projects year', ['province', 'county'], '/api/projects?pageSize=25&year=2026'],
  ['projects list', ['province', 'city'], `/api/projects?pageSize=25&listId=${provinceList.id}`],
  ['projects batch', ['province'], `/api/projects?pageSize=25&batch=${encodeURIComponent('开工建设一批')}`],
  ['projects q zh2', ['province', 'county'], `/api/projects?pageSize=25&q=${encodeURIComponent('污水')}`],
  ['projects q zh4', ['province'], `/api/projects?pageSize=25&q=${encodeURIComponent('人民医院')}`],
  ['projects q code', ['province'], '/api/projects?pageSize=25&q=GEN-230623'],
  ['projects q rare', ['province'], '/api/projects?pageSize=25&q=12345'],
  ['projects inactive', ['province'], '/api/projects?pageSize=25&includeInactive=true'],
  ['project', ['county'], `/api/projects/${someProject.id}`],
  ['project status', ['city'], `/api/projects/status?projectIds=${pageIds}`],
  ['lists', ['province', 'city', 'county', 'unit'], '/api/project-lists'],
  ['list province', ['province', 'city', 'county', 'unit'], `/api/project-lists/${provinceList.id}`],
  ['list city', ['province', 'city'], `/api/project-lists/${cityList.id}`],
  ['memberships', ['county'], `/api/projects/${someProject.id}/lists`],
  ['reports month', ['province', 'city', 'county'], '/api/reports?pageSize=25&month=2026-10'],
  [
    'reports queue',
    ['province', 'city', 'county'],
    '/api/reports?pageSize=25&month=2026-10&status=submitted',
  ],
  ['reports all', ['province', 'county', 'reporter'], '/api/reports?pageSize=25'],
  ['reports project', ['county'], `/api/reports?pageSize=25&projectId=${someProject.id}`],
  ['inbox', ['unit', 'reporter'], '/api/reports/inbox'],
  ['inbox month', ['unit', 'reporter'], '/api/reports/inbox?month=2026-10'],
  ['overdue', ['city', 'county'], '/api/reports/overdue?month=2026-10'],
  ['reminders', ['province', 'reporter'], '/api/reports/reminders?month=2026-10'],
  ['report month', ['county'], `/api/projects/${someProject.id}/reports/2026-10`],
  ['workbench', ['province', 'city', 'county', 'unit', 'reporter'], '/api/workbench'],
  [
    'lights',
    ['admin', 'province', 'city', 'county', 'leader', 'unit'],
    '/api/lights?pageSize=25&month=2026-10',
  ],
  ['lights red', ['province', 'city'], '/api/lights?pageSize=25&month=2026-10&color=red'],
  ['lights reason', ['province'], '/api/lights?pageSize=25&month=2026-10&reason=LAG'],
  ['lights region', ['province'], '/api/lights?pageSize=25&month=2026-10&regionCode=230623'],
  ['lights list', ['province'], `/api/lights?pageSize=25&month=2026-10&listId=${provinceList.id}`],
  [
    'lights sector',
    ['province'],
    `/api/lights?pageSize=25&month=2026-10&sector=${encodeURIComponent('工业')}`,
  ],
  ['lights unit', ['province'], `/api/lights?pageSize=25&month=2026-10&unitId=${someUnit.id}`],
  ['lights q', ['province'], `/api/lights?pageSize=25&month=2026-10&q=${encodeURIComponent('医院')}`],
  ['lights project', ['county'], `/api/lights?pageSize=25&month=2026-10&projectId=${someProject.id}`],
  ['closes', ['city', 'county'], '/api/month-closes/230623?inherit=true'],
  ['close', ['city'], '/api/month-closes/230600/2026-10'],
  ['close latest', ['county'], '/api/month-closes/230623/latest?inherit=true'],
  ['progress', ['county'], `/api/projects/${someProject.id}/progress?year=2026`],
  ['light rules', ['county'], '/api/light-rules/230623/2026'],
  ['calendar', ['county'], '/api/reporting-calendars/230623/2026'],
  ['audit project', ['county', 'admin'], `/api/audit?entity=project&id=${someProject.id}`],
  ['audit list', ['province'], `/api/audit?entity=project_list&id=${provinceList.id}`],
  ['audit all', ['admin'], '/api/audit?pageSize=25'],
  ['audit entity', ['admin'], '/api/audit?pageSize=25&entity=report'],
  ['audit actor', ['admin'], '/api/audit?pageSize=25&actorId=2'],
  ['units', ['admin', 'province', 'city'], '/api/units?pageSize=25'],
  ['units q', ['province'], `/api/units?pageSize=25&q=${encodeURIComponent('交通')}`],
  ['users', ['admin', 'province', 'city'], '/api/users?pageSize=25'],
  ['people', ['admin', 'province'], '/api/people?pageSize=25'],
  ['positions', ['admin', 'province'], '/api/positions?pageSize=25'],
];

const big = new Set([
  'projects',
  'monthly_reports',
  'lights',
  'audit_events',
  'project_co_units',
  'project_list_members',
  'annual_plans',
  'users',
  'units',
  'people',
  'positions',
  'report_reminders',
]);

type PlanNode = {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Sort Method'?: string;
  Plans?: PlanNode[];
};
function flags(n: PlanNode, out: string[]) {
  const rows = (n['Actual Rows'] ?? 0) * (n['Actual Loops'] ?? 1);
  if (n['Node Type'] === 'Seq Scan' && n['Relation Name'] && big.has(n['Relation Name']))
    out.push(`seq ${n['Relation Name']}(${rows})`);
  if (n['Node Type'] === 'Sort' && rows > 1000) out.push(`sort ${rows}`);
  for (const c of n.Plans ?? []) flags(c, out);
}

const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const summary: string[] = [];
for (const [name, roles, path] of cases) {
  if (filter && !name.includes(filter)) continue;
  for (const role of roles) {
    const headers = sessions[role]!;
    const first = await app.inject({ method: 'GET', url: path, headers });
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await app.inject({ method: 'GET', url: path, headers });
      times.push(performance.now() - t);
    }
    capture = [];
    await app.inject({ method: 'GET', url: path, headers });
    const statements = capture;
    capture = null;
    let planMs = 0;
    let execMs = 0;
    let buffers = 0;
    const found: string[] = [];
    const text: string[] = [`# ${name} as ${role}: ${path} → ${first.statusCode}`];
    for (const s of statements) {
      if (/^(insert|update|delete)/i.test(s.sql.trim())) continue;
      if (/^explain/i.test(s.sql.trim())) {
        const t = performance.now();
        await client.query(s.sql, s.params as unknown[]);
        planMs += performance.now() - t;
        text.push(`\n-- ${s.sql}\n-- ${JSON.stringify(s.params)}\n(an estimate: planning only)`);
        found.push('estimate');
        continue;
      }
      const r = await client.query(`explain (analyze, buffers, format json) ${s.sql}`, s.params as unknown[]);
      const plan = r.rows[0]['QUERY PLAN'][0];
      planMs += plan['Planning Time'];
      execMs += plan['Execution Time'];
      buffers += (plan.Plan['Shared Hit Blocks'] ?? 0) + (plan.Plan['Shared Read Blocks'] ?? 0);
      flags(plan.Plan, found);
      const t = await client.query(`explain (analyze, buffers) ${s.sql}`, s.params as unknown[]);
      text.push(
        `\n-- ${s.sql}\n-- ${JSON.stringify(s.params)}\n${t.rows.map((x) => x['QUERY PLAN']).join('\n')}`,
      );
    }
    fs.writeFileSync(`${outDir}/${name.replace(/\W+/g, '_')}.${role}.txt`, text.join('\n'));
    const line = `${`${name} (${role})`.padEnd(34)} ${String(first.statusCode).padEnd(4)} n=${String(statements.length).padEnd(3)} plan ${planMs.toFixed(1).padStart(6)} exec ${execMs.toFixed(1).padStart(7)} wall ${median(times).toFixed(1).padStart(7)} ms  buf ${String(buffers).padStart(7)}  ${found.join(' ')}`;
    console.log(line);
    summary.push(line);
  }
}
fs.writeFileSync(`${outDir}/summary.txt`, summary.join('\n') + '\n');
await client.end();
await app.close();
await pool.end().catch(() => {});
