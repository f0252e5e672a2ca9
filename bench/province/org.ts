/**
 * The organisation of the province: regions, units (a government and its departments, state firms,
 * towns and zones in every city and county; the province's contractors, supervisors and designers),
 * their heads and liaison officers, the leaders' positions with some holder history, and the
 * accounts of every role, all sharing one argon2 hash of the demo password. Built in JavaScript
 * (a few thousand rows), written in bulk batches with their ids given here.
 */
import { sql } from 'kysely';
import type { Role } from '@ducha/contract';
import { hashPassword, sha256 } from '../../packages/server/src/platform/auth/secrets.ts';
import { DEMO_PASSWORD } from '../../packages/server/src/modules/org/seed.ts';
import { bulk, chinaTime, plusDays, rnd, scaled, type Gen } from './context.ts';
import { CITIES, PROVINCE, type ProvinceCity } from './regions.ts';
import { CITY_DEPARTMENTS, FIRMS, personName, SECTORS } from './texts.ts';

export interface Region {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county';
  parent: string | null;
  path: string;
  city: ProvinceCity | null;
  /** how units and projects of the region are named (鹤岗市向阳区, 依兰县, 大庆市) */
  label: string;
  /** 县, 区 or 市 for a county-level region: its head is a 县长, 区长 or 市长 */
  kind: '省' | '市' | '县' | '区';
}

export interface Unit {
  id: number;
  name: string;
  type: 'government' | 'department' | 'town' | 'zone' | 'soe' | 'enterprise' | 'other';
  region: string;
  parent: number | null;
  /** what the unit is for the generator: gov, fgw, zdb, dcs, dept, soe, town, zone, contractor, … */
  role: string;
  /** the sectors whose projects it leads */
  leads: string[];
  head?: number;
  liaison?: number;
}

export interface User {
  id: number;
  username: string;
  role: Role;
  region: string | null;
  unit: number | null;
}

/** Per region, what the registry's statements pick from (written to `bench_region`). */
export interface RegionPicks {
  gov: number;
  /** the lead unit of each sector, in SECTORS order */
  leads: number[];
  /** departments that co-operate on projects */
  cos: number[];
  /** owners (业主) of the region's projects */
  owners: number[];
  /** the leader position of each sector, in SECTORS order */
  leaders: number[];
  office: number;
}

export interface Org {
  regions: Region[];
  units: Unit[];
  users: User[];
  picks: Map<string, RegionPicks>;
  contractors: number[];
  supervisors: number[];
  designers: number[];
  /** a unit's accounts by role (unit staff, reporters) */
  staff: Map<number, { unit: number[]; reporter: number[] }>;
  accounts: Accounts;
}

/** Well-known accounts the benchmark signs in as; every one's password is the demo password. */
export interface Accounts {
  password: string;
  admin: string;
  office: { province: string; city: string; county: string };
  leader: { province: string; city: string };
  /** staff of the unit leading the most projects, and of a county's development bureau */
  unit: { many: string; typical: string };
  /** a reporter of the owner with the most projects, and of a county's investment company */
  reporter: { many: string; typical: string };
  inspector: string;
  expert: string;
}

/** The platform went live in December two years before the newest month (the first month reported). */
export const GO_LIVE = (g: Gen) => `${g.year - 2}-12-01`;

/** The county whose accounts are the "typical" ones (林甸县, the demo's county). */
export const TYPICAL_COUNTY = '230623';

function regionsOf(): Region[] {
  const out: Region[] = [
    {
      code: PROVINCE.code,
      name: PROVINCE.name,
      level: 'province',
      parent: null,
      path: PROVINCE.code,
      city: null,
      label: PROVINCE.name,
      kind: '省',
    },
  ];
  for (const c of CITIES) {
    out.push({
      code: c.code,
      name: c.name,
      level: 'city',
      parent: PROVINCE.code,
      path: `${PROVINCE.code}.${c.code}`,
      city: c,
      label: c.name,
      kind: '市',
    });
    for (const [code, name] of c.counties) {
      const kind = name.endsWith('区') ? '区' : name.endsWith('市') ? '市' : '县';
      out.push({
        code,
        name,
        level: 'county',
        parent: c.code,
        path: `${PROVINCE.code}.${c.code}.${code}`,
        city: c,
        label: kind === '区' ? `${c.name}${name}` : name,
        kind,
      });
    }
  }
  return out;
}

/**
 * The units of the province. `core` units exist at every scale (each region's government, its
 * development office, the city's departments that lead most projects, the investment companies);
 * the others are kept with probability `scale`, so scale 1 has about 1,000.
 */
function unitsOf(g: Gen, regions: Region[]): Unit[] {
  const out: Unit[] = [];
  let n = 0;
  const add = (core: boolean, u: Omit<Unit, 'id'>) => {
    n += 1;
    if (core || rnd(n, 31) < g.scale) out.push({ ...u, id: out.length + 1 });
    return out.at(-1)!;
  };
  for (const r of regions) {
    if (r.level === 'province') {
      const gov = add(true, {
        name: '黑龙江省人民政府',
        type: 'government',
        region: r.code,
        parent: null,
        role: 'gov',
        leads: [],
      });
      const sub = { region: r.code, parent: gov.id, leads: [] as string[] };
      add(true, { ...sub, name: '黑龙江省发展和改革委员会', type: 'department', role: 'fgw' });
      add(true, { ...sub, name: '黑龙江省重点项目建设服务中心', type: 'department', role: 'zdb' });
      add(true, { ...sub, name: '黑龙江省人民政府督查室', type: 'department', role: 'dcs' });
      for (const d of ['交通运输厅', '住房和城乡建设厅', '工业和信息化厅', '水利厅'])
        add(false, { ...sub, name: `黑龙江省${d}`, type: 'department', role: 'dept' });
      add(false, { ...sub, parent: null, name: '黑龙江省交通投资集团有限公司', type: 'soe', role: 'soe' });
      add(false, { ...sub, parent: null, name: '黑龙江省建设投资集团有限公司', type: 'soe', role: 'soe' });
      FIRMS.forEach(([name, kind], i) =>
        add(i === 0 || i === 15 || i === 25, {
          name,
          type: 'enterprise',
          region: r.code,
          parent: null,
          role: kind,
          leads: [],
        }),
      );
    } else if (r.level === 'city') {
      const gov = add(true, {
        name: `${r.name}人民政府`,
        type: 'government',
        region: r.code,
        parent: null,
        role: 'gov',
        leads: [],
      });
      const sub = { region: r.code, parent: gov.id, type: 'department' as const };
      add(true, { ...sub, name: `${r.name}发展和改革委员会`, role: 'fgw', leads: [] });
      add(true, { ...sub, name: `${r.name}重点项目建设服务中心`, role: 'zdb', leads: [] });
      for (const [d, leads] of CITY_DEPARTMENTS)
        add(d === '住房和城乡建设局' || d === '工业和信息化局', {
          ...sub,
          name: `${r.name}${d}`,
          role: 'dept',
          leads,
        });
      add(true, {
        ...sub,
        parent: null,
        type: 'soe',
        name: `${r.name}城市建设投资集团有限公司`,
        role: 'soe',
        leads: [],
      });
      add(false, {
        ...sub,
        parent: null,
        type: 'soe',
        name: `${r.name}交通投资集团有限公司`,
        role: 'soe',
        leads: [],
      });
      add(false, {
        ...sub,
        type: 'zone',
        name: `${r.city!.short}经济技术开发区管理委员会`,
        role: 'zone',
        leads: [],
      });
    } else {
      const gov = add(true, {
        name: `${r.label}人民政府`,
        type: 'government',
        region: r.code,
        parent: null,
        role: 'gov',
        leads: [],
      });
      const sub = { region: r.code, parent: gov.id };
      add(true, {
        ...sub,
        type: 'department',
        name: `${r.label}发展和改革局`,
        role: 'fgw',
        leads: ['工业', '农业', '现代服务业', '旅游商贸物流', '第三产业', '社会事业'],
      });
      add(true, {
        ...sub,
        parent: null,
        type: 'soe',
        name: `${r.label}城市建设投资有限公司`,
        role: 'soe',
        leads: [],
      });
      add(false, {
        ...sub,
        type: 'department',
        name: `${r.label}住房和城乡建设局`,
        role: 'dept',
        leads: ['城乡建设', '基础设施'],
      });
      const seat = r.name.replace(/(自治县|县|市|区)$/, '');
      add(false, {
        ...sub,
        type: 'town',
        name: r.kind === '区' ? `${r.label}${seat}街道办事处` : `${r.label}${seat}镇人民政府`,
        role: 'town',
        leads: [],
      });
      add(false, { ...sub, type: 'zone', name: `${r.label}工业园区管理委员会`, role: 'zone', leads: [] });
    }
  }
  return out;
}

const headTitle: Record<string, string> = {
  government: '',
  department: '局长',
  town: '镇长',
  zone: '主任',
  soe: '董事长',
  enterprise: '总经理',
  other: '主任',
};

/** The leader positions of a region's government, each with the sectors it answers for. */
function positionsOf(r: Region): [name: string, sectors: string[]][] {
  if (r.level === 'province')
    return [
      ['省长', []],
      ['常务副省长', ['基础设施', '城乡建设', '社会事业', '现代服务业', '旅游商贸物流', '第三产业']],
      ['分管工业和信息化副省长', ['工业']],
      ['分管农业农村副省长', ['农业']],
    ];
  if (r.level === 'city')
    return [
      ['市长', []],
      ['常务副市长', []],
      ['分管工业和信息化副市长', ['工业']],
      ['分管农业农村副市长', ['农业']],
      ['分管城乡建设副市长', ['城乡建设']],
      ['分管商务和文旅副市长', ['现代服务业', '旅游商贸物流', '第三产业']],
      ['分管社会事业副市长', ['社会事业']],
      ['分管交通副市长', ['基础设施']],
    ];
  const k = r.kind === '区' ? '区' : r.kind === '市' ? '市' : '县';
  return [
    [`${k}长`, []],
    [`常务副${k}长`, ['社会事业']],
    [`分管发改副${k}长`, ['工业', '农业', '现代服务业', '旅游商贸物流', '第三产业']],
    [`分管城建副${k}长`, ['基础设施', '城乡建设']],
  ];
}

export async function generateOrg(g: Gen): Promise<Org> {
  const regions = regionsOf();
  const units = unitsOf(g, regions);
  const byRegion = new Map<string, Unit[]>();
  for (const u of units) byRegion.set(u.region, [...(byRegion.get(u.region) ?? []), u]);
  const live = GO_LIVE(g);

  // ---- people: every unit's head and liaison officer; the government's leaders ----
  const people: Record<string, unknown>[] = [];
  const newPerson = (unit: Unit, title: string) => {
    const id = people.length + 1;
    people.push({ id, name: personName(id * 7 + 5), unit_id: unit.id, title, phone: null });
    return id;
  };
  const positions: Record<string, unknown>[] = [];
  const holdings: Record<string, unknown>[] = [];
  const leaderOf = new Map<string, number[]>(); // region → position id per sector
  const holderOf = new Map<number, number>(); // position → current holder
  for (const r of regions) {
    const gov = byRegion.get(r.code)!.find((u) => u.role === 'gov')!;
    const list = positionsOf(r);
    const bySector = SECTORS.map(() => 0);
    for (const [name, sectors] of list) {
      const id = positions.length + 1;
      positions.push({ id, name, unit_id: gov.id });
      const holder = newPerson(gov, name);
      holderOf.set(id, holder);
      if (name === list[0]![0]) gov.head = holder;
      const since = plusDays(`${g.year - 3}-03-01`, Math.floor(rnd(id, 32) * 600));
      if (rnd(id, 33) < 0.15) {
        const before = newPerson(gov, `原${name}`);
        holdings.push({
          position_id: id,
          person_id: before,
          start_date: plusDays(since, -900),
          end_date: plusDays(since, -1),
          reason: '任职',
        });
        holdings.push({
          position_id: id,
          person_id: holder,
          start_date: since,
          end_date: null,
          reason: '接任',
        });
      } else {
        holdings.push({
          position_id: id,
          person_id: holder,
          start_date: since,
          end_date: null,
          reason: '任职',
        });
      }
      SECTORS.forEach(([s], i) => {
        if (sectors.includes(s)) bySector[i] = id;
      });
    }
    // a sector nobody answers for goes to the executive deputy (常务)
    leaderOf.set(
      r.code,
      bySector.map((p) => p || positions.length - list.length + 2),
    );
  }
  for (const u of units) {
    if (!u.head) u.head = newPerson(u, headTitle[u.type] || '负责人');
    u.liaison = newPerson(u, '联络员');
  }

  // ---- what the registry picks from, per region ----
  const picks = new Map<string, RegionPicks>();
  const firms = (role: string) => units.filter((u) => u.role === role).map((u) => u.id);
  for (const r of regions) {
    const own = byRegion.get(r.code)!;
    const gov = own.find((u) => u.role === 'gov')!;
    const fgw = own.find((u) => u.role === 'fgw')!;
    const leads = SECTORS.map(([s]) => (own.find((u) => u.leads.includes(s)) ?? fgw).id);
    const cos = own.filter((u) => u.role === 'dept' || u.role === 'fgw').map((u) => u.id);
    const owners = own.filter((u) => ['soe', 'town', 'zone'].includes(u.role)).map((u) => u.id);
    picks.set(r.code, {
      gov: gov.id,
      leads,
      cos: cos.length ? cos : [fgw.id],
      owners: owners.length ? owners : [gov.id],
      leaders: leaderOf.get(r.code)!,
      office: 0,
    });
  }

  // ---- accounts ----
  const users: User[] = [];
  const userRows: Record<string, unknown>[] = [];
  const hash = await hashPassword(DEMO_PASSWORD);
  const person = (id: number | undefined) => id ?? null;
  const addUser = (
    username: string,
    role: Role,
    unit: Unit | null,
    region: string | null,
    personId?: number,
  ) => {
    const id = users.length + 1;
    users.push({ id, username, role, region, unit: unit?.id ?? null });
    userRows.push({
      id,
      username,
      display_name: personName(id * 11 + 1),
      role,
      region_code: region,
      unit_id: unit?.id ?? null,
      person_id: person(personId),
      password_hash: hash,
      created_at: chinaTime(plusDays(live, 1 + (id % 20))),
      last_login_at:
        rnd(id, 34) < 0.7 ? chinaTime(plusDays(g.today, -1 - Math.floor(rnd(id, 35) * 30)), 9) : null,
      password_changed_at: chinaTime(plusDays(live, 2 + (id % 20))),
    });
    return id;
  };
  const unitOf = (code: string, role: string) => byRegion.get(code)!.find((u) => u.role === role)!;
  const cities = regions.filter((r) => r.level === 'city');
  const counties = regions.filter((r) => r.level === 'county');
  addUser('p-admin', 'admin', null, null);
  const provinceZdb = unitOf(PROVINCE.code, 'zdb');
  const provinceGov = unitOf(PROVINCE.code, 'gov');
  addUser('p-office', 'office', provinceZdb, PROVINCE.code, provinceZdb.liaison);
  addUser('p-leader', 'leader', provinceGov, PROVINCE.code, holderOf.get(2));
  for (const c of cities) {
    const zdb = unitOf(c.code, 'zdb');
    const gov = unitOf(c.code, 'gov');
    picks.get(c.code)!.office = addUser(`p-office-${c.code}`, 'office', zdb, c.code, zdb.liaison);
    addUser(`p-leader-${c.code}`, 'leader', gov, c.code, gov.head);
  }
  for (const c of counties) {
    const fgw = unitOf(c.code, 'fgw');
    picks.get(c.code)!.office = addUser(`p-office-${c.code}`, 'office', fgw, c.code, fgw.liaison);
  }
  picks.get(PROVINCE.code)!.office = 2;
  // more offices and leaders at every level
  const more = (role: Role, unitRole: string, r: Region, n: number) => {
    for (let k = 0; k < n; k++) {
      const id = users.length + 1;
      if (rnd(id, 36) >= g.scale) continue;
      addUser(`p-${role}-${r.code}-${k + 2}`, role, unitOf(r.code, unitRole), r.code);
    }
  };
  more('office', 'zdb', regions[0]!, 3);
  more('leader', 'gov', regions[0]!, 3);
  for (const c of cities) more('office', 'zdb', c, 3);
  for (const c of cities) more('leader', 'gov', c, 5);
  for (const c of counties) more('office', 'fgw', c, 1);
  for (const c of counties) more('leader', 'gov', c, 2);
  if (g.scale >= 0.5) addUser('p-admin-2', 'admin', null, null);
  const dcs = unitOf(PROVINCE.code, 'dcs');
  for (let k = 1; k <= scaled(g, 60); k++) {
    const c = cities[k % cities.length]!;
    addUser(
      `p-inspector-${k}`,
      'inspector',
      k % 3 === 0 ? dcs : unitOf(c.code, 'zdb'),
      k % 3 === 0 ? PROVINCE.code : c.code,
    );
  }
  for (let k = 1; k <= scaled(g, 40); k++) {
    const c = cities[k % cities.length]!;
    addUser(`p-expert-${k}`, 'expert', null, c.code);
  }
  // unit staff: the departments leading projects, the biggest first (Harbin's, then city by city)
  const staff = new Map<number, { unit: number[]; reporter: number[] }>();
  const staffOf = (u: number) => staff.get(u) ?? staff.set(u, { unit: [], reporter: [] }).get(u)!;
  const departments = units.filter(
    (u) => u.role === 'dept' || (u.role === 'fgw' && u.region !== PROVINCE.code),
  );
  const rank = (u: Unit) => {
    const r = regions.find((x) => x.code === u.region)!;
    const city = r.city ? CITIES.indexOf(r.city) : 0;
    // Harbin's industry bureau leads the most projects: it goes first
    const lead = u.leads.includes('工业') ? 0 : u.leads.length ? 1 : 2;
    return (r.level === 'city' ? 0 : 10) + lead * 100 + city;
  };
  departments.sort((a, b) => rank(a) - rank(b) || a.id - b.id);
  // the typical county's development bureau second, so it has an account at every scale
  const county = counties.find((c) => c.code === TYPICAL_COUNTY) ?? counties[0]!;
  const second = (xs: Unit[], pred: (u: Unit) => boolean) => {
    const i = xs.findIndex(pred);
    if (i > 1) xs.splice(1, 0, ...xs.splice(i, 1));
  };
  second(departments, (u) => u.region === county.code && u.role === 'fgw');
  const unitUsers = scaled(g, 1500, 2);
  for (let k = 1; k <= unitUsers; k++) {
    const u = departments[(k - 1) % departments.length]!;
    staffOf(u.id).unit.push(addUser(`p-unit-${k}`, 'unit', u, u.region));
  }
  // reporters: the owners of projects, the city investment companies first (Harbin's owns the most)
  const owners = units.filter((u) => ['soe', 'town', 'zone'].includes(u.role) && u.region !== PROVINCE.code);
  owners.sort((a, b) => {
    const ra = regions.find((x) => x.code === a.region)!;
    const rb = regions.find((x) => x.code === b.region)!;
    const lvl = (r: Region, u: Unit) => (r.level === 'city' ? (u.role === 'soe' ? 0 : 1) : 2);
    return lvl(ra, a) - lvl(rb, b) || CITIES.indexOf(ra.city!) - CITIES.indexOf(rb.city!) || a.id - b.id;
  });
  second(owners, (u) => u.region === county.code && u.role === 'soe');
  const reporters = Math.max(scaled(g, 2760, 20), Math.round(5000 * g.scale) - users.length);
  for (let k = 1; k <= reporters; k++) {
    const u = owners[(k - 1) % owners.length]!;
    staffOf(u.id).reporter.push(addUser(`p-reporter-${k}`, 'reporter', u, u.region));
  }

  // ---- write ----
  const at = chinaTime(live, 9);
  await bulk(
    g.db,
    'regions',
    regions.map((r) => ({
      code: r.code,
      name: r.name,
      level: r.level,
      parent_code: r.parent,
      path: r.path,
      created_at: at,
      updated_at: at,
    })),
  );
  await bulk(
    g.db,
    'units',
    units.map((u) => ({
      id: u.id,
      name: u.name,
      short_name: null,
      type: u.type,
      region_code: u.region,
      parent_id: u.parent,
      phone: `0451-8${String(1000000 + u.id * 37).slice(-7)}`,
      created_at: at,
      updated_at: at,
    })),
  );
  await bulk(g.db, 'people', people);
  await sql`update units u set head_person_id = x.head, liaison_person_id = x.liaison
    from json_to_recordset(${JSON.stringify(units.map((u) => ({ id: u.id, head: u.head, liaison: u.liaison })))}::json)
      as x(id int, head int, liaison int)
    where u.id = x.id`.execute(g.db);
  await bulk(g.db, 'positions', positions);
  await bulk(g.db, 'position_holdings', holdings);
  await bulk(g.db, 'users', userRows);
  // sessions: most accounts signed in in the last two months (all expired but today's)
  const sessions: Record<string, unknown>[] = [];
  for (const u of users) {
    const n = rnd(u.id, 37) < 0.6 ? 1 + Math.floor(rnd(u.id, 38) * 3) : 0;
    for (let k = 0; k < n; k++) {
      const created = chinaTime(plusDays(g.today, -1 - Math.floor(rnd(u.id * 3 + k, 39) * 60)), 8 + k * 3);
      sessions.push({
        id: sha256(`province-session-${u.id}-${k}`),
        user_id: u.id,
        csrf_token: sha256(`province-csrf-${u.id}-${k}`).slice(0, 43),
        created_at: created,
        expires_at: new Date(created.getTime() + 12 * 3600_000),
        last_seen_at: new Date(created.getTime() + (1 + (k % 5)) * 3600_000),
        ip: `10.${u.id % 250}.${(u.id >> 8) % 250}.${1 + k}`,
        user_agent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0',
      });
    }
  }
  await bulk(g.db, 'sessions', sessions);
  for (const t of ['units', 'people', 'positions', 'position_holdings', 'users'])
    await sql`select setval(pg_get_serial_sequence(${t}, 'id'), (select max(id) from ${sql.table(t)}))`.execute(
      g.db,
    );

  const firstUser = (role: Role, pred: (u: User) => boolean = () => true) =>
    users.find((u) => u.role === role && pred(u))!.username;
  const typicalOwner = owners.find((u) => u.region === county.code && u.role === 'soe');
  const typicalDept = departments.find((u) => u.region === county.code);
  return {
    regions,
    units,
    users,
    picks,
    contractors: firms('contractor'),
    supervisors: firms('supervisor'),
    designers: firms('designer'),
    staff,
    accounts: {
      password: DEMO_PASSWORD,
      admin: 'p-admin',
      office: { province: 'p-office', city: 'p-office-230600', county: `p-office-${county.code}` },
      leader: { province: 'p-leader', city: 'p-leader-230600' },
      unit: {
        many: 'p-unit-1',
        typical: typicalDept ? firstUser('unit', (u) => u.unit === typicalDept.id) : 'p-unit-2',
      },
      reporter: {
        many: 'p-reporter-1',
        typical: typicalOwner
          ? (users.find((u) => u.role === 'reporter' && u.unit === typicalOwner.id)?.username ??
            'p-reporter-2')
          : 'p-reporter-2',
      },
      inspector: 'p-inspector-1',
      expert: 'p-expert-1',
    },
  };
}
