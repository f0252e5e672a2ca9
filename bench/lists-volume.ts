/**
 * Scratch volume for the list reads (issue 12, i12-lists): the demo city, then a province's worth
 * of rows added with generate_series — 13 cities, ~130 counties, 1,000 units, 5,000 users, 100,000
 * projects with co-units, lists, 24 months of reports and lights, month closes, 1M audit events.
 * Not the province generator (bench/province): a quick stand-in to read plans by.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:3141/postgres npx tsx bench/lists-volume.ts [scale]
 */
import pg from 'pg';
import { migrateToLatest, openPostgres } from '../packages/server/src/db/connection.ts';
import { seedDemoData } from '../packages/server/src/demo.ts';

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:3141/postgres';
const NAME = process.env.VOL_DB ?? 'ducha_vol';
const scale = Number(process.argv[2] ?? 1);
const PROJECTS = Math.round(100_000 * scale);

const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`drop database if exists ${NAME} with (force)`);
await admin.query(`create database ${NAME}`);
await admin.end();
const url = new URL(serverUrl);
url.pathname = `/${NAME}`;

const t0 = Date.now();
const { db, close } = await openPostgres(url.toString());
await migrateToLatest(db);
await seedDemoData(db);
await close();
console.log(`demo loaded in ${Date.now() - t0} ms`);

const c = new pg.Client({ connectionString: url.toString() });
await c.connect();
const run = async (label: string, text: string) => {
  const t = Date.now();
  await c.query(text);
  console.log(`${label}: ${Date.now() - t} ms`);
};

await run('seed', `select setseed(0.42)`);
await run(
  'regions',
  `
  insert into regions (code, name, level, parent_code, path)
  select c.code, c.name, 'city', '230000', '230000.' || c.code
  from (values ('230100','哈尔滨市'),('230200','齐齐哈尔市'),('230300','鸡西市'),('230400','鹤岗市'),
    ('230500','双鸭山市'),('230700','伊春市'),('230800','佳木斯市'),('230900','七台河市'),
    ('231000','牡丹江市'),('231100','黑河市'),('231200','绥化市'),('232700','大兴安岭地区')) c(code, name);
  insert into regions (code, name, level, parent_code, path)
  select substr(r.code, 1, 4) || lpad(i::text, 2, '0'), r.name || '第' || i || '县', 'county', r.code,
    r.path || '.' || substr(r.code, 1, 4) || lpad(i::text, 2, '0')
  from regions r, generate_series(2, 12) i
  where r.level = 'city' and r.code <> '230600';`,
);
await run(
  'units',
  `
  insert into units (name, short_name, type, region_code)
  select r.name || (array['发展和改革局','住房和城乡建设局','交通运输局','工业和信息化局','教育局','卫生健康局','水务局'])[i]
      || '', null, 'department', r.code
  from regions r, generate_series(1, 7) i
  where r.level = 'county' and r.parent_code <> '230600';
  insert into units (name, type, region_code)
  select r.name || '建设投资集团' || i || '公司', 'soe', r.code
  from regions r, generate_series(1, 1) i where r.level = 'city' and r.code <> '230600';`,
);
await run(
  'people, positions',
  `
  insert into people (name, unit_id, title)
  select '干部' || u.id || '-' || i, u.id, (array['局长','副局长','科长'])[i] from units u, generate_series(1, 3) i
  where u.id > 108;
  insert into positions (name, unit_id)
  select '分管副' || (case when r.level = 'city' then '市长' else '县长' end) || i, u.id
  from units u join regions r on r.code = u.region_code, generate_series(1, 3) i
  where u.id > 108 and u.type = 'soe';
  insert into position_holdings (position_id, person_id, start_date)
  select pos.id, (select min(id) from people where unit_id = pos.unit_id), '2024-01-01'
  from positions pos where pos.id not in (select position_id from position_holdings where end_date is null);`,
);
await run(
  'users',
  `
  insert into users (username, display_name, role, region_code, unit_id, password_hash)
  select 'gen' || g, '用户' || g, case when g % 5 = 0 then 'unit' else 'reporter' end, u.region_code, u.id,
    (select password_hash from users where username = 'office')
  from generate_series(1, 5000 - (select count(*) from users)::int) g
  join lateral (select id, region_code from units order by id offset (g % (select count(*) from units)) limit 1) u on true;`,
);
await run(
  'helpers',
  `
  create temp table ru as select region_code, array_agg(id order by id) ids from units group by region_code;
  create temp table rc as select row_number() over (order by code) - 1 as rn, code, level from regions
    where level in ('county', 'city') and code in (select region_code from ru);
  create temp table pos as select array_agg(id order by id) ids from positions;`,
);
await run(
  'projects',
  `
  insert into projects (code, name, region_code, sector, investment_nature, total_investment, owner_unit_id,
    responsible_unit_id, contractor_unit_id, leader_position_id, stage, planned_start, planned_completion,
    actual_start, tags, funding_sources, active)
  select 'GEN-' || rc.code || '-' || lpad(g::text, 6, '0'),
    (array['智能制造','新材料','道路改造','污水处理厂','第一中学','人民医院','冷链物流园','光伏发电','乳制品加工','老旧小区改造',
      '供热管网','高标准农田','文旅综合体','数据中心','石化深加工'])[1 + g % 15]
      || (array['产业园','扩建工程','一期工程','二期工程','综合项目','建设项目'])[1 + (g / 15) % 6] || g,
    rc.code,
    (array['工业','农业','现代服务业','基础设施','城乡建设','社会事业','旅游商贸物流'])[1 + g % 7],
    (array['government','enterprise','ppp'])[1 + g % 3],
    round((random() * 100000)::numeric, 2),
    ru.ids[1 + floor(random() * cardinality(ru.ids))::int],
    ru.ids[1 + floor(random() * cardinality(ru.ids))::int],
    ru.ids[1 + floor(random() * cardinality(ru.ids))::int],
    pos.ids[1 + g % cardinality(pos.ids)],
    (array['reserve','preliminary','new_start','continuing','continuing','continuing','completed','operating'])[1 + g % 8],
    date '2024-03-01' + (g % 700), date '2027-03-01' + (g % 700),
    case when g % 8 >= 3 then date '2024-04-01' + (g % 600) end,
    case when g % 10 = 0 then array['民生实事'] else '{}' end, array['企业自筹'], g % 50 <> 0
  from generate_series(1, ${PROJECTS}) g
  join rc on rc.rn = (g * 7919) % (select count(*) from rc)
  join ru on ru.region_code = rc.code, pos;`,
);
await run(
  'co-units',
  `
  insert into project_co_units (project_id, unit_id)
  select p.id, ru.ids[1 + floor(random() * cardinality(ru.ids))::int] from projects p join ru on ru.region_code = p.region_code
  where p.code like 'GEN-%' and p.id % 3 <> 0
  on conflict do nothing;
  insert into project_co_units (project_id, unit_id)
  select p.id, ru.ids[1 + floor(random() * cardinality(ru.ids))::int] from projects p join ru on ru.region_code = p.region_code
  where p.code like 'GEN-%' and p.id % 4 = 0
  on conflict do nothing;`,
);
await run(
  'lists',
  `
  insert into project_lists (year, level, name, region_code, batch_scheme, status, published_at)
  select y, 'city', r.name || y || '年重点项目', r.code, 'four_batches', 'published', now()
  from regions r, generate_series(2025, 2026) y where r.level = 'city' and r.code <> '230600';
  insert into project_lists (year, level, name, region_code, batch_scheme, status, published_at)
  values (2026, 'province', '2026年省重点项目', '230000', 'four_batches', 'published', now());
  insert into project_list_members (list_id, project_id, batch, added_at)
  select l.id, p.id, (array['竣工投产一批','开工建设一批','申报立项一批','包装储备一批'])[1 + p.id % 4], now()
  from project_lists l join regions lr on lr.code = l.region_code
  join projects p on p.region_code in (select code from regions where path like lr.path || '.%' or path = lr.path)
  where l.level = 'city' and p.code like 'GEN-%' and p.id % 14 = l.year % 14;
  insert into project_list_members (list_id, project_id, batch, added_at)
  select l.id, p.id, '开工建设一批', now() from project_lists l, projects p
  where l.level = 'province' and p.code like 'GEN-%' and p.id % 50 = 7;`,
);
await run(
  'plans',
  `
  insert into annual_plans (project_id, year, baseline_no, status, planned_investment, monthly, effective_from, approved_at)
  select p.id, 2026, 1, 'approved', 1200, array_fill(100::numeric, array[12]), '2026-01-01', now()
  from projects p where p.code like 'GEN-%';`,
);
// 24 months, 2024-11 .. 2026-10, and the open month 2026-11 for a fifth of the projects
await run(
  'reports',
  `
  insert into monthly_reports (project_id, year, month, status, investment_month, physical_progress, percent_complete,
    first_submitted_at, submitted_at, verified_at)
  select p.id, m.y, m.m, s.status, round((random() * 500)::numeric, 2), '按计划推进', least(100, m.k * 4),
    case when s.status <> 'draft' then make_timestamptz(m.ny, m.nm, 1 + (p.id % 12), 10, 0, 0, 'Asia/Shanghai') end,
    case when s.status <> 'draft' then make_timestamptz(m.ny, m.nm, 1 + (p.id % 12), 10, 0, 0, 'Asia/Shanghai') end,
    case when s.status = 'verified' then make_timestamptz(m.ny, m.nm, 15, 10, 0, 0, 'Asia/Shanghai') end
  from projects p
  cross join lateral (
    select k, extract(year from d)::int y, extract(month from d)::int m,
      extract(year from d + interval '1 month')::int ny, extract(month from d + interval '1 month')::int nm
    from generate_series(1, 25) k, lateral (select date '2024-10-01' + make_interval(months => k) d) dd) m
  cross join lateral (select case
      when m.k = 25 then (case when p.id % 5 = 0 then 'submitted' when p.id % 5 = 1 then 'draft' end)
      when m.k = 24 then (array['verified','verified','submitted','submitted','submitted','returned','draft',null,null,'verified'])[1 + (p.id * 7 + m.k) % 10]
      else (array['verified','verified','verified','verified','verified','verified','verified','verified','verified','verified',
        'verified','verified','verified','verified','verified','verified','verified','submitted','returned',null])[1 + (p.id * 7 + m.k) % 20]
    end as status) s
  where p.code like 'GEN-%' and s.status is not null;`,
);
await run(
  'lights',
  `
  insert into lights (project_id, year, month, computed, reasons, streak, red_streak, referral, planned_to_date,
    done_to_date, annual_plan, pace_ratio, annual_ratio, timeliness, closed_by_region)
  select p.id, m.y, m.m, c.color,
    case when c.color = 'green' then '[]'::jsonb else
      jsonb_build_array(jsonb_build_object('code', (array['LAG','START_OVERDUE','REPORT_MISSING','MILESTONE_OVERDUE'])[1 + p.id % 4], 'values', '{}'::jsonb, 'text', '滞后')) end,
    case when c.color = 'green' then 0 else 1 end, case when c.color = 'red' then 1 else 0 end, false,
    100 * m.m, 90 * m.m, 1200, 0.9, 0.5, 'on_time', split_part(r.path, '.', 2)
  from projects p join regions r on r.code = p.region_code
  cross join lateral (select extract(year from d)::int y, extract(month from d)::int m
    from generate_series(1, 24) k, lateral (select date '2024-10-01' + make_interval(months => k) d) dd) m
  cross join lateral (select (array['green','green','green','green','green','green','green','green','green','green',
    'green','green','green','green','green','yellow','yellow','yellow','red','green'])[1 + (p.id * 3 + m.m) % 20] color) c
  where p.code like 'GEN-%' and p.active;`,
);
await run(
  'closes',
  `
  insert into month_closes (region_code, year, month, status, computed_at, published_at, rules_version, indicators, region_indicators)
  select r.code, m.y, m.m, 'published', now(), now(), 0,
    (select indicators from month_closes where region_code = '230600' order by year desc, month desc limit 1), '{}'
  from regions r cross join lateral (select extract(year from d)::int y, extract(month from d)::int m
    from generate_series(1, 24) k, lateral (select date '2024-10-01' + make_interval(months => k) d) dd) m
  where (r.level = 'city' and r.code <> '230600') or r.level = 'province'
  on conflict do nothing;`,
);
await run(
  'reminders',
  `
  insert into report_reminders (project_id, year, month, count, last_reminded_on)
  select p.id, 2026, 10, 1, '2026-11-12' from projects p where p.code like 'GEN-%' and p.id % 10 in (7, 8)
  on conflict do nothing;`,
);
await run(
  'audit',
  `
  insert into audit_events (seq, at, actor_id, actor_name, entity, entity_id, action, diff, prev_hash, hash)
  select h.seq + g, now() - make_interval(secs => 1000000 - g), 2, '汤子涵',
    case when g % 10 < 7 then 'project' when g % 10 < 9 then 'report' else 'project_list' end,
    case when g % 10 < 7 then (1 + g % ${PROJECTS})::text when g % 10 < 9 then (1 + g % 2000000)::text else (1 + g % 30)::text end,
    'update', '{"name":{"before":"a","after":"b"}}', 'x', 'y'
  from audit_head h, generate_series(1, ${Math.round(1_000_000 * scale)}) g;
  update audit_head set seq = (select max(seq) from audit_events);`,
);
await run(
  'province office',
  `insert into users (username, display_name, role, region_code, password_hash)
  select 'office_province', '省重点办', 'office', '230000', password_hash from users where username = 'office'`,
);
await run('analyze', `vacuum analyze`);
const counts = await c.query(`select
  (select count(*) from projects) projects, (select count(*) from monthly_reports) reports,
  (select count(*) from lights) lights, (select count(*) from units) units, (select count(*) from users) users,
  (select count(*) from audit_events) audit, (select count(*) from project_list_members) members`);
console.log(counts.rows[0]);
await c.end();
console.log(`total ${Date.now() - t0} ms`);
