/**
 * The registry of the province: projects (JavaScript: each one's region, sector, stage and dates
 * follow from a few draws), their co-operating units, teams and stage histories; then, set-based,
 * each region's 重点项目 lists of the two plan years with their members, the annual plans
 * (baselines, a few re-baselined mid-year, some change drafts waiting), their milestones and the
 * 前期手续 checklists of the projects not yet under way.
 *
 * Four kinds of project (their share): 1 在建 (45%) started in earlier years, some completed or in
 * production this year; 2 新开工 (25%) planned to start this year, most started (a few late, a few
 * not yet); 3 重大前期 (22%) preparing to start next year; 4 储备 (8%) reserve, on no list, with a
 * small plan for its 谋划 work.
 */
import { sql } from 'kysely';
import { bulk, chinaTime, plusDays, rnd, type Gen } from './context.ts';
import { GO_LIVE, type Org } from './org.ts';
import { CITIES, PROVINCE } from './regions.ts';
import { PROJECT_NAMES, ROADS, SCALES, SECTORS } from './texts.ts';

export interface Project {
  id: number;
  region: string;
  city: string;
  group: 1 | 2 | 3 | 4;
  sector: string;
  /** total investment in cents */
  total: number;
  lead: number;
  owner: number;
  leader: number;
  plannedStart: string | null;
  actualStart: string | null;
}

const money = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
const sectorWeights = (() => {
  const total = SECTORS.reduce((a, [, w]) => a + w, 0);
  let acc = 0;
  return SECTORS.map(([s, w]) => ((acc += w), [s, acc / total] as const));
})();
const sectorOf = (r: number) => sectorWeights.find(([, c]) => r < c)![0];

/** 10,000 region codes in the proportions projects spread over: 30% of a city's at city level. */
function regionBuckets(): string[] {
  const total = CITIES.reduce((a, c) => a + c.weight, 0);
  const out: string[] = [];
  for (const c of CITIES) {
    const n = Math.round((c.weight / total) * 10000);
    const city = Math.round(n * 0.3);
    for (let i = 0; i < city; i++) out.push(c.code);
    for (let i = 0; i < n - city; i++) out.push(c.counties[i % c.counties.length]![0]);
  }
  return out;
}

const docPrefix = (city: (typeof CITIES)[number]) =>
  city.code === '230600' ? '庆' : city.code === '232700' ? '兴安' : city.short.slice(0, 1);

export async function generateProjects(g: Gen, org: Org): Promise<Project[]> {
  const Y = g.year;
  const n = Math.max(50, Math.round(100_000 * g.scale));
  const buckets = regionBuckets();
  const regions = new Map(org.regions.map((r) => [r.code, r]));
  const units = new Map(org.units.map((u) => [u.id, u]));
  const seqs = new Map<string, number>();
  const live = GO_LIVE(g);
  const projects: Project[] = [];
  const rows: Record<string, unknown>[] = [];
  const coUnits: Record<string, unknown>[] = [];
  const team: Record<string, unknown>[] = [];
  const stages: Record<string, unknown>[] = [];
  const before = (d: string | null) => (d !== null && d < g.today ? d : null);
  for (let id = 1; id <= n; id++) {
    const r = (salt: number) => rnd(id, salt);
    const region = regions.get(buckets[Math.floor(r(1) * buckets.length)]!)!;
    const city = region.city!;
    const picks = org.picks.get(region.code)!;
    const g1 = r(2);
    const group = g1 < 0.45 ? 1 : g1 < 0.7 ? 2 : g1 < 0.92 ? 3 : 4;
    const sector = sectorOf(r(3));
    const si = SECTORS.findIndex(([s]) => s === sector);
    let plannedStart: string | null;
    let actualStart: string | null = null;
    let actualCompletion: string | null = null;
    let actualProduction: string | null = null;
    let stage: string;
    if (group === 1) {
      plannedStart = plusDays(`${Y - 3}-04-01`, Math.floor(r(4) * 800));
      actualStart = plusDays(plannedStart, Math.floor(r(5) * 30));
      const done = r(6);
      if (done < 0.1) actualCompletion = before(plusDays(`${Y}-05-01`, Math.floor(r(7) * 200)));
      else if (done < 0.13) {
        actualCompletion = before(plusDays(`${Y}-03-01`, Math.floor(r(7) * 90)));
        actualProduction = actualCompletion && before(plusDays(actualCompletion, 20 + Math.floor(r(8) * 60)));
      }
      stage = actualProduction ? 'operating' : actualCompletion ? 'completed' : 'continuing';
    } else if (group === 2) {
      plannedStart = plusDays(`${Y}-03-15`, Math.floor(r(4) * 180));
      const s = r(5);
      actualStart = before(
        s < 0.8
          ? plusDays(plannedStart, -10 + Math.floor(r(10) * 25))
          : s < 0.92
            ? plusDays(plannedStart, 35 + Math.floor(r(10) * 40))
            : null,
      );
      stage = actualStart ? 'continuing' : 'new_start';
    } else if (group === 3) {
      plannedStart = plusDays(`${Y + 1}-04-01`, Math.floor(r(4) * 365));
      stage = 'preliminary';
    } else {
      plannedStart = r(4) < 0.5 ? plusDays(`${Y + 2}-04-01`, Math.floor(r(10) * 365)) : null;
      stage = 'reserve';
    }
    const plannedCompletion =
      plannedStart === null
        ? null
        : [plusDays(plannedStart, 500 + Math.floor(r(9) * 900)), actualCompletion ?? ''].sort().at(-1)!;
    const h = r(11);
    // 万元: 0.5亿 to 20亿 under way, up to 30亿 preparing, 0.3亿 to 1亿 in reserve
    const total =
      group <= 2
        ? 5_000 + Math.round(195_000 * h ** 2.5)
        : group === 3
          ? 10_000 + Math.round(290_000 * h ** 3)
          : 3_000 + Math.round(7_000 * h);
    const totalCents = total * 100 + Math.floor(r(12) * 100);
    const nature =
      sector === '工业' || sector === '旅游商贸物流'
        ? r(13) < 0.9
          ? 'enterprise'
          : 'ppp'
        : r(13) < 0.8
          ? 'government'
          : r(13) < 0.88
            ? 'ppp'
            : 'enterprise';
    const funding =
      nature === 'government'
        ? r(14) < 0.3
          ? ['中央资金', '地方配套']
          : r(14) < 0.6
            ? ['政府专项债券', '地方配套']
            : ['地方配套']
        : nature === 'enterprise'
          ? ['企业自筹', '银行贷款']
          : ['社会资本', '银行贷款', '地方配套'];
    const tags =
      r(15) < 0.15
        ? ['民生实事']
        : nature === 'enterprise' && r(15) < 0.55
          ? ['招商引资']
          : funding.includes('政府专项债券')
            ? ['专项债项目']
            : [];
    const lead = picks.leads[si]!;
    const owner = picks.owners[Math.floor(r(16) * picks.owners.length)]!;
    const leader = picks.leaders[si]!;
    const started = actualStart !== null;
    const names = PROJECT_NAMES[sector]!;
    const core = names[Math.floor(r(17) * names.length)]!.replace('{n}', String(5 + Math.floor(r(18) * 95)));
    const seq = (seqs.get(region.code) ?? 0) + 1;
    seqs.set(region.code, seq);
    const name = `${region.label}${core}${r(19) < 0.08 ? `（${r(19) < 0.04 ? '二' : '三'}期）` : ''}`;
    const created = chinaTime(plusDays(live, Math.floor(r(20) * 25)), 9 + Math.floor(r(21) * 8));
    const leadUnit = units.get(lead)!;
    rows.push({
      id,
      code: `${city.abbr}-${region.code}-${String(seq).padStart(5, '0')}`,
      name,
      region_code: region.code,
      address: `${region.label}${ROADS[Math.floor(r(22) * ROADS.length)]}${1 + Math.floor(r(23) * 400)}号`,
      longitude: (city.at[0] + (r(24) - 0.5) * 0.8).toFixed(7),
      latitude: (city.at[1] + (r(25) - 0.5) * 0.6).toFixed(7),
      sector,
      scale: `${SCALES[sector]}，总投资 ${(total / 10000).toFixed(2)} 亿元`,
      investment_nature: nature,
      funding_sources: funding,
      total_investment: money(totalCents),
      owner_unit_id: owner,
      contractor_unit_id: started ? org.contractors[id % org.contractors.length]! : null,
      supervisor_unit_id: started ? org.supervisors[(id >> 1) % org.supervisors.length]! : null,
      agent_unit_id:
        nature === 'government' && r(26) < 0.05 ? org.designers[id % org.designers.length]! : null,
      designer_unit_id: group <= 2 ? org.designers[(id >> 2) % org.designers.length]! : null,
      basis_doc: group === 4 ? null : '可行性研究报告批复',
      basis_doc_no: group === 4 ? null : `${docPrefix(city)}发改投资〔${Y - 1}〕${1 + (id % 400)}号`,
      tags,
      stage,
      planned_start: plannedStart,
      planned_completion: plannedCompletion,
      planned_production: sector === '工业' && plannedCompletion ? plusDays(plannedCompletion, 90) : null,
      actual_start: actualStart,
      actual_completion: actualCompletion,
      actual_production: actualProduction,
      leader_position_id: leader,
      responsible_unit_id: lead,
      responsible_person_id: leadUnit.head,
      handling_officer_id: leadUnit.liaison,
      created_at: created,
      updated_at: created,
      reports_from: live, // every generated project owes from the go-live month (24 months of reports)
    });
    const cos = picks.cos.filter((u) => u !== lead);
    const k = Math.min(cos.length, Math.floor(r(27) * 4));
    const first = Math.floor(r(28) * Math.max(1, cos.length));
    for (let j = 0; j < k; j++) coUnits.push({ project_id: id, unit_id: cos[(first + j) % cos.length] });
    team.push({ project_id: id, person_id: leadUnit.head, duty: '项目负责人' });
    team.push({ project_id: id, person_id: leadUnit.liaison, duty: '联络员' });
    const registered = todayOf(created);
    const stage0 = group === 1 ? 'continuing' : group === 4 ? 'reserve' : 'preliminary';
    stages.push({ project_id: id, stage: stage0, date: registered, reason: '登记' });
    if (group === 2) {
      stages.push({ project_id: id, stage: 'new_start', date: `${Y}-01-10`, reason: '列入年度新开工计划' });
      if (actualStart)
        stages.push({ project_id: id, stage: 'continuing', date: actualStart, reason: '实际开工' });
    }
    if (actualCompletion)
      stages.push({ project_id: id, stage: 'completed', date: actualCompletion, reason: '竣工验收' });
    if (actualProduction)
      stages.push({ project_id: id, stage: 'operating', date: actualProduction, reason: '投产' });
    projects.push({
      id,
      region: region.code,
      city: city.code,
      group,
      sector,
      total: totalCents,
      lead,
      owner,
      leader,
      plannedStart,
      actualStart,
    });
  }
  await bulk(g.db, 'projects', rows, 4000);
  await bulk(g.db, 'project_co_units', coUnits, 10000);
  await bulk(g.db, 'project_team', team, 10000);
  await bulk(g.db, 'project_stage_events', stages, 10000);
  await sql`select setval(pg_get_serial_sequence('projects', 'id'), (select max(id) from projects))`.execute(
    g.db,
  );
  // what the set-based phases read of each project
  await sql`create table bench_projects (id int primary key, grp int not null, region_code text not null,
    city text not null, total numeric not null, started date, planned_start date, nature text not null,
    owner int not null, lead int not null)`.execute(g.db);
  await bulk(
    g.db,
    'bench_projects' as never,
    projects.map((p, i) => ({
      id: p.id,
      grp: p.group,
      region_code: p.region,
      city: p.city,
      total: money(p.total),
      started: p.actualStart,
      planned_start: p.plannedStart,
      nature: rows[i]!.investment_nature,
      owner: p.owner,
      lead: p.lead,
    })),
    10000,
  );
  return projects;
}

const todayOf = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** Each region's list of the two plan years, and a leaders' list per city; then their members. */
export async function generateLists(g: Gen, org: Org) {
  const Y = g.year;
  const lists: Record<string, unknown>[] = [];
  for (const year of [Y - 1, Y]) {
    for (const r of org.regions) {
      const name =
        r.level === 'province'
          ? `${year}年全省重点项目`
          : r.level === 'city'
            ? `${year}年${r.name}重点建设项目`
            : `${year}年${r.label}重点项目`;
      lists.push({
        id: lists.length + 1,
        year,
        level: r.level,
        name,
        region_code: r.code,
        batch_scheme: 'three_30',
        status: 'published',
        published_at: chinaTime(
          `${year}-02-${r.level === 'province' ? 10 : r.level === 'city' ? 15 : 20}`,
          15,
        ),
        version: 2,
        created_at: chinaTime(`${year - 1}-12-${r.level === 'county' ? 20 : 15}`),
        updated_at: chinaTime(`${year}-02-20`, 15),
      });
    }
  }
  for (const r of org.regions.filter((x) => x.level === 'city'))
    lists.push({
      id: lists.length + 1,
      year: Y,
      level: 'leader',
      name: `${Y}年${r.name}市领导联系项目`,
      region_code: r.code,
      batch_scheme: 'three_30',
      status: 'published',
      published_at: chinaTime(`${Y}-03-01`, 15),
      version: 2,
      created_at: chinaTime(`${Y}-02-25`),
      updated_at: chinaTime(`${Y}-03-01`, 15),
    });
  await bulk(g.db, 'project_lists', lists);
  await sql`select setval(pg_get_serial_sequence('project_lists', 'id'), (select max(id) from project_lists))`.execute(
    g.db,
  );
  // members: a project is on its own region's list (a county's or, for city-level projects, the
  // city's), the city's list takes 12% of its counties' projects too, the province's the largest
  // (18亿 and up) and a few others, a city's leaders' list 4% of the city's; 在建 before the year,
  // 新开工 in it, 重大前期 preparing. Half of next year's 前期 projects were on last year's list.
  const year0 = `${Y}-01-01`;
  await sql`
    insert into project_list_members (list_id, project_id, project_code, batch, added_at, removed_at, reason)
    select l.id, b.id, p.code,
      case when b.grp = 1 and (l.year = ${Y} or b.started < make_date(l.year, 1, 1)) then '在建'
           when b.grp = 1 or (b.grp = 2 and l.year = ${Y}) then '新开工'
           else '重大前期' end,
      l.published_at - interval '5 days',
      case when l.year = ${Y} and l.level = 'county' and bench_rand(b.id, 62) < 0.008
           then least(${chinaTime(`${Y}-07-10`)}::timestamptz + (floor(bench_rand(b.id, 63) * 60)::int * interval '1 day'),
                      ${chinaTime(plusDays(g.today, -1))}::timestamptz) end,
      case when l.year = ${Y} and l.level = 'county' and bench_rand(b.id, 62) < 0.008
           then '项目业主调整投资计划，申请中期退出' end
    from (
      select l.id as list_id, b.id as project_id from bench_projects b
        join project_lists l on l.region_code = b.region_code and l.level in ('city', 'county')
      union all select l.id, b.id from bench_projects b join project_lists l on l.region_code = b.city and l.level = 'city'
        where b.region_code <> b.city and bench_rand(b.id, 61) < 0.12
      union all select l.id, b.id from bench_projects b join project_lists l on l.level = 'province'
        where b.total >= 180000 or bench_rand(b.id, 64) < 0.01
      union all select l.id, b.id from bench_projects b join project_lists l on l.region_code = b.city and l.level = 'leader'
        where bench_rand(b.id, 65) < 0.04
    ) cand
    join bench_projects b on b.id = cand.project_id
    join projects p on p.id = cand.project_id
    join project_lists l on l.id = cand.list_id
    where b.grp <> 4 and (l.year = ${Y} or b.grp <> 3 or bench_rand(b.id, 66) < 0.5)
      and (l.year = ${Y} or b.grp <> 1 or b.started < ${year0}::date)`.execute(g.db);
  // the office approved those exits; a few batch changes wait for its decision
  const office = sql`(select office from bench_region br where br.code = l.region_code)`;
  await sql`
    insert into list_adjustments (list_id, project_id, kind, batch, reason, status, requested_by, requested_at, decided_by, decided_at, decision_note)
    select m.list_id, m.project_id, 'remove', null, m.reason, 'approved', ${office}, m.removed_at - interval '7 days',
      ${office}, m.removed_at, '同意'
    from project_list_members m join project_lists l on l.id = m.list_id where m.removed_at is not null`.execute(
    g.db,
  );
  await sql`
    insert into list_adjustments (list_id, project_id, kind, batch, reason, status, requested_by, requested_at)
    select m.list_id, m.project_id, 'change_batch', '在建', '项目已提前开工，申请调整为在建', 'pending', ${office},
      ${chinaTime(plusDays(g.today, -3))}::timestamptz
    from project_list_members m join project_lists l on l.id = m.list_id
    where l.year = ${Y} and m.removed_at is null and m.batch = '新开工' and bench_rand(m.project_id, 67) < 0.004`.execute(
    g.db,
  );
}

/** Cents of 12 months as SQL: seasonal (Heilongjiang builds April to October) or even, summing exactly. */
function monthlySql(kind: 'season' | 'even') {
  const c = '(x.planned * 100)::bigint';
  if (kind === 'even') {
    // proRata (projects/rules.ts): equal cents, the remainder one each on the last months
    return sql.raw(
      `array[${Array.from(
        { length: 12 },
        (_, i) => `((${c} / 12 + case when ${i + 1} > 12 - ${c} % 12 then 1 else 0 end)::numeric / 100)`,
      ).join(',')}]::numeric(16,2)[]`,
    );
  }
  const w = [0, 0, 2, 8, 14, 16, 16, 16, 14, 10, 4, 0];
  const part = (i: number) => `(${c} * ${w[i]} / 100)`;
  const rest = `(${c} - (${w.map((_, i) => (i === 9 ? '0' : part(i))).join(' + ')}))`;
  return sql.raw(
    `array[${w.map((_, i) => `(${i === 9 ? rest : part(i)})::numeric / 100`).join(',')}]::numeric(16,2)[]`,
  );
}

/**
 * Annual plans of the two plan years for every project (the reserve's for its 谋划 work, lights
 * call a month without a baseline a concern from April): approved in January as
 * baseline 1; 3% re-baselined in July of this year (baseline 1 superseded, baseline 2 in force);
 * 2% with a change draft waiting. Then each plan's milestones.
 */
export async function generatePlans(g: Gen) {
  const Y = g.year;
  const office = sql`(select office from bench_region br where br.code = b.region_code)`;
  for (const year of [Y - 1, Y]) {
    // the share of the total planned in the year, by kind of project
    const share =
      year === Y
        ? sql`case b.grp when 1 then 0.20 + 0.15 * bench_rand(b.id, 71) when 2 then 0.20 + 0.15 * bench_rand(b.id, 71)
                when 3 then 0.01 + 0.02 * bench_rand(b.id, 71) else 0.002 + 0.003 * bench_rand(b.id, 71) end`
        : sql`case b.grp when 1 then 0.25 + 0.15 * bench_rand(b.id, 72) when 2 then 0.01 + 0.02 * bench_rand(b.id, 72)
                when 3 then 0.005 + 0.01 * bench_rand(b.id, 72) else 0.002 + 0.003 * bench_rand(b.id, 72) end`;
    const rebaselined = year === Y ? sql`bench_rand(b.id, 73) < 0.03` : sql`false`;
    await sql`
      insert into annual_plans (project_id, year, baseline_no, status, planned_investment, monthly, physical_target,
        target_start, created_by, created_at, approved_by, approved_at, effective_from, version)
      select x.id, ${year}, 1, case when x.rebaselined then 'superseded' else 'approved' end, x.planned,
        case when x.grp >= 3 then ${monthlySql('even')} else ${monthlySql('season')} end,
        x.target, x.target_start, x.office, ${chinaTime(`${year - 1}-12-20`)}::timestamptz, x.office,
        ${chinaTime(`${year}-01-12`, 15)}::timestamptz, ${`${year}-01-15`}::date, 2
      from (select b.id, b.grp, ${office} as office, ${rebaselined} as rebaselined,
              round(b.total * (${share})::numeric, 2) as planned,
              case b.grp when 1 then '完成年度主体工程建设任务' when 2 then case when ${year} = ${Y} then '年内开工并完成基础工程' else '完成开工前期手续' end
                         when 3 then '完成前期审批手续' else '完成项目谋划和储备论证' end as target,
              case when b.grp = 2 and ${year} = ${Y} then b.planned_start end as target_start
            from bench_projects b) x`.execute(g.db);
  }
  // baseline 2 of the re-baselined: ±20%, in force from July
  await sql`
    insert into annual_plans (project_id, year, baseline_no, status, planned_investment, monthly, physical_target,
      change_reason, created_by, created_at, approved_by, approved_at, effective_from, version)
    select x.project_id, x.year, 2, 'approved', x.planned, case when x.grp >= 3 then ${monthlySql('even')} else ${monthlySql('season')} end,
      x.physical_target, x.reason, x.created_by, ${chinaTime(`${Y}-06-15`)}::timestamptz, x.created_by,
      ${chinaTime(`${Y}-06-26`, 15)}::timestamptz, ${`${Y}-07-01`}::date, 2
    from (select ap.project_id, ap.year, b.grp, ap.physical_target, ap.created_by,
            round(ap.planned_investment * case when bench_rand(b.id, 74) < 0.5 then 1.2 else 0.8 end, 2) as planned,
            case when bench_rand(b.id, 74) < 0.5 then '追加中央预算内投资，申请调增年度计划' else '受征地拆迁影响，申请调减年度投资计划' end as reason
          from annual_plans ap join bench_projects b on b.id = ap.project_id
          where ap.year = ${Y} and ap.status = 'superseded') x`.execute(g.db);
  // change drafts waiting for the office (prepared by the lead unit)
  await sql`
    insert into annual_plans (project_id, year, baseline_no, status, planned_investment, monthly, physical_target,
      change_reason, created_at, version)
    select x.project_id, x.year, 0, 'draft', x.planned, case when x.grp >= 3 then ${monthlySql('even')} else ${monthlySql('season')} end,
      x.physical_target, '项目建设条件变化，申请调整年度投资计划', ${chinaTime(plusDays(g.today, -5))}::timestamptz, 1
    from (select ap.project_id, ap.year, b.grp, ap.physical_target,
            round(ap.planned_investment * 1.1, 2) as planned
          from annual_plans ap join bench_projects b on b.id = ap.project_id
          where ap.year = ${Y} and ap.status = 'approved' and bench_rand(b.id, 75) < 0.02) x`.execute(g.db);

  // milestones: three or four a plan, by kind; a 新开工 project's are set by its planned start, and
  // its 开工建设 is reached the day it started. Most reached on time, some weeks late, a few not yet.
  await sql`create table bench_ms_tpl (grp int, this_year boolean, seq int, name text, month int, day int, rel int)`.execute(
    g.db,
  );
  await sql`insert into bench_ms_tpl values
    (1, false, 1, '主体结构施工过半', 6, 30, null), (1, false, 2, '主体结构封顶', 9, 30, null), (1, false, 3, '冬季施工准备', 11, 15, null),
    (1, true, 1, '二次结构及安装工程', 6, 30, null), (1, true, 2, '设备安装调试', 9, 15, null), (1, true, 3, '竣工验收', 12, 20, null),
    (2, false, 1, '可研批复', 4, 30, null), (2, false, 2, '用地预审', 7, 31, null), (2, false, 3, '初步设计批复', 10, 31, null),
    (2, true, 1, '取得施工许可', null, null, -15), (2, true, 2, '开工建设', null, null, 0),
    (2, true, 3, '基础工程完工', null, null, 100), (2, true, 4, '主体施工过半', null, null, 180),
    (3, false, 1, '项目建议书批复', 5, 31, null), (3, false, 2, '可研编制', 9, 30, null),
    (3, true, 1, '可研批复', 4, 30, null), (3, true, 2, '用地预审', 7, 31, null), (3, true, 3, '初步设计批复', 10, 31, null),
    (4, false, 1, '项目谋划', 9, 30, null), (4, true, 1, '项目建议书编制', 9, 30, null)`.execute(g.db);
  const yesterday = plusDays(g.today, -1);
  await sql`
    insert into plan_milestones (plan_id, seq, name, planned_date, actual_date)
    select x.plan_id, x.seq, x.name, x.planned,
      case when x.status = 'draft' then null
           when x.name = '开工建设' then x.started
           when x.planned < ${g.today}::date then
             case when x.r < 0.965 then x.planned - floor(x.r2 * 9)::int
                  when x.r < 0.995 and x.planned + 12 + floor(x.r2 * 28)::int <= ${yesterday}::date
                    then x.planned + 12 + floor(x.r2 * 28)::int
                  end
           when x.r < 0.05 and x.planned - 5 <= ${yesterday}::date then x.planned - 5
           end
    from (select ap.id as plan_id, t.seq, t.name, ap.status, b.started,
            least(make_date(ap.year, 12, 20), case when t.rel is not null then b.planned_start + t.rel
                 else make_date(ap.year, t.month, t.day) - floor(bench_rand(ap.id * 10 + t.seq, 77) * 10)::int end) as planned,
            bench_rand(ap.id * 10 + t.seq, 78) as r, bench_rand(ap.id * 10 + t.seq, 79) as r2
          from annual_plans ap join bench_projects b on b.id = ap.project_id
          join bench_ms_tpl t on t.grp = b.grp and t.this_year = (ap.year = ${Y})) x`.execute(g.db);
  await sql`drop table bench_ms_tpl`.execute(g.db);
}

/** 前期手续 of the projects not yet under way (新开工 and 重大前期), from the templates. */
export async function generateProcedures(g: Gen) {
  const Y = g.year;
  const yesterday = plusDays(g.today, -1);
  await sql`
    insert into project_procedures (project_id, seq, name, category, status, planned_date, done_date, doc_no, updated_at)
    select x.id, x.seq, x.name, x.category, x.status, x.planned,
      case when x.status = 'done' then least(x.planned, ${yesterday}::date) end,
      case when x.status = 'done' then x.doc || '审批〔' || ${Y} || '〕' || (100 + (x.id * 7 + x.seq) % 900) || '号' end,
      ${chinaTime(plusDays(g.today, -10))}::timestamptz
    from (select b.id, e.seq::int as seq, e.item->>'name' as name, e.item->>'category' as category,
            make_date(${Y}, 1, 15) + (e.seq::int * 25) as planned, br.doc,
            case when b.grp = 2 and b.started is not null then 'done'
                 when b.grp = 2 then case when e.seq <= 7 then 'done' else 'in_progress' end
                 when e.seq <= 3 then 'done' when e.seq <= 5 then 'in_progress' else 'pending' end as status
          from bench_projects b join bench_region br on br.code = b.region_code
          join procedure_templates t on t.id = case when b.nature = 'enterprise' then 2 else 1 end
          cross join lateral jsonb_array_elements(t.items) with ordinality as e(item, seq)
          where b.grp in (2, 3)) x`.execute(g.db);
}

/** The lookup tables the set-based phases join: per region and per unit. */
export async function writeLookups(g: Gen, org: Org) {
  await sql`create table bench_region (code text primary key, city text, doc text, gov int, office int)`.execute(
    g.db,
  );
  await bulk(
    g.db,
    'bench_region' as never,
    org.regions.map((r) => ({
      code: r.code,
      city: r.city?.code ?? PROVINCE.code,
      doc: r.city ? docPrefix(r.city) : '黑',
      gov: org.picks.get(r.code)!.gov,
      office: org.picks.get(r.code)!.office,
    })),
  );
  await sql`create table bench_unit (id int primary key, filer int, staff int)`.execute(g.db);
  await bulk(
    g.db,
    'bench_unit' as never,
    org.units.map((u) => ({
      id: u.id,
      filer: org.staff.get(u.id)?.reporter[0] ?? org.staff.get(u.id)?.unit[0] ?? null,
      staff: org.staff.get(u.id)?.unit[0] ?? null,
    })),
  );
}
