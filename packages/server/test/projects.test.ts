/**
 * The project registry over HTTP against the real database: create and edit (money exact, codes
 * unique regardless of case, dictionaries and date order checked), stages that follow the actual
 * dates, list filters and the data scope of each role, the 五个一 responsibility chain with its
 * audit event, and the leader as a position whose holder can change without touching the project.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../src/platform/time.ts';
import { cityProject, demoUnits, person, signInAs, type ProjectOpts } from './factories.ts';
import { createTestApp, type Client, type TestApp, auditHelpers, expectError } from './helpers.ts';

let t: TestApp;
let admin: Client;
let office: Client;
let lindian: Client;
let unitUser: Client;
let reporter: Client;
let inspector: Client;
let leader: Client;
let officeId: number;

/** Units of the demo city, by role in these tests. */
let zjj: number; // 大庆市住房和城乡建设局: the `unit` user's unit
let jtj: number; // 大庆市交通运输局
let fgw: number; // 大庆市发展和改革委员会
let ctgs: number; // 大庆市城市建设投资开发有限公司: the `reporter` user's unit
let ldZjj: number; // 林甸县住房和城乡建设局
let vmUrban: number; // position 分管城乡建设副市长 (held by 何敬峰)

const today = todayInChina();

beforeAll(async () => {
  t = await createTestApp();
  ({
    admin,
    office,
    office_lindian: lindian,
    unit: unitUser,
    reporter,
    inspector,
    leader,
  } = await signInAs(t, 'admin', 'office', 'office_lindian', 'unit', 'reporter', 'inspector', 'leader'));
  officeId = (
    await db().selectFrom('users').select('id').where('username', '=', 'office').executeTakeFirstOrThrow()
  ).id;
  ({ zjj, jtj, fgw, ctgs, ldZjj } = await demoUnits(t));
  vmUrban = (
    await db()
      .selectFrom('positions')
      .select('id')
      .where('name', '=', '分管城乡建设副市长')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => {
  await t.close();
});

const db = () => t.database.db;
const { lastAuditOf, auditCount } = auditHelpers(() => t);
const projectCount = async () =>
  Number(
    (
      await db()
        .selectFrom('projects')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

let seq = 0;
/** Creates a project as the city office (or `by`); returns the created project. */
function newProject(fields: ProjectOpts = {}, by: Client = office) {
  seq += 1;
  return cityProject(by, {
    code: `T-${seq}`,
    name: `测试项目${seq}`,
    sector: '基础设施',
    totalInvestment: '1000.00',
    ...fields,
  });
}

/** Sets the responsibility chain as the city office; returns the project. */
async function setChain(id: number, fields: Record<string, unknown>) {
  const version = (await office.get(`/api/projects/${id}`)).json().version;
  const res = await office.put(`/api/projects/${id}/responsibility`, { version, ...fields });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('create', () => {
  let created: { id: number; version: number };

  it('201 with money as an exact string, the default stage 前期, an audit row "create" and a stage event 登记', async () => {
    const res = await office.post('/api/projects', {
      code: 'DQ-2026-001',
      name: '大庆市城市快速路改造工程',
      regionCode: '230600',
      address: '萨尔图区世纪大道',
      longitude: 125.1035,
      latitude: '46.5891',
      sector: '基础设施',
      scale: '改造快速路 12.6 公里',
      investmentNature: 'government',
      fundingSources: ['地方配套', '政府专项债券'],
      totalInvestment: 5000,
      ownerUnitId: ctgs,
      basisDoc: '关于城市快速路改造工程可行性研究报告的批复',
      basisDocNo: '庆发改审批[2026]12号',
      tags: ['民生实事'],
      plannedStart: '2026-05-01',
      plannedCompletion: '2027-10-31',
    });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      code: 'DQ-2026-001',
      name: '大庆市城市快速路改造工程',
      regionCode: '230600',
      regionName: '大庆市',
      longitude: '125.1035',
      latitude: '46.5891',
      sector: '基础设施',
      investmentNature: 'government',
      fundingSources: ['地方配套', '政府专项债券'],
      totalInvestment: '5000.00',
      owner: { id: ctgs, name: '大庆市城市建设投资开发有限公司' },
      contractor: { id: null, name: null },
      tags: ['民生实事'],
      stage: 'preliminary',
      plannedStart: '2026-05-01',
      plannedCompletion: '2027-10-31',
      actualStart: null,
      active: true,
      version: 1,
      responsibility: { leaderPositionId: null, responsibleUnitId: null, coUnits: [], team: [] },
    });
    created = { id: p.id, version: p.version };

    const audit = await lastAuditOf('project', p.id);
    expect(audit).toMatchObject({ action: 'create', actor_id: officeId, actor_name: '汤子涵', reason: null });
    expect(audit.diff).toMatchObject({
      code: { before: null, after: 'DQ-2026-001' },
      totalInvestment: { before: null, after: '5000.00' },
      stage: { before: null, after: 'preliminary' },
      regionCode: { before: null, after: '230600' },
    });
    expect((await office.get(`/api/projects/${p.id}`)).json()).toEqual(p);
    expect((await office.get(`/api/projects/${p.id}/stages`)).json()).toEqual([
      { stage: 'preliminary', date: today, reason: '登记' },
    ]);
  });

  it('keeps cents exact: "1,234.56" → "1234.56", 0.1 + 0.2 style input is refused, not rounded', async () => {
    const p = await newProject({ totalInvestment: '1,234.56' });
    expect(p.totalInvestment).toBe('1234.56');
    const max = await newProject({ totalInvestment: '99999999999999.99' });
    expect(max.totalInvestment).toBe('99999999999999.99');
    for (const totalInvestment of [0.1 + 0.2, '12.345', '-1.00', '123456789012345'])
      expectError(
        await office.post('/api/projects', {
          code: 'MONEY-BAD',
          name: '金额有误',
          regionCode: '230600',
          sector: '工业',
          investmentNature: 'enterprise',
          totalInvestment,
        }),
        400,
        'VALIDATION',
        'body.totalInvestment',
      );
  });

  it('a duplicate code, in any case, is 409 DUPLICATE at body.code and nothing is written', async () => {
    const before = await projectCount();
    const audits = await auditCount();
    for (const code of ['DQ-2026-001', 'dq-2026-001', 'Dq-2026-001']) {
      const res = await office.post('/api/projects', {
        code,
        name: '重复编号项目',
        regionCode: '230600',
        sector: '工业',
        investmentNature: 'enterprise',
        totalInvestment: '10',
      });
      expectError(res, 409, 'DUPLICATE', 'body.code');
    }
    expect(await projectCount()).toBe(before);
    expect(await auditCount()).toBe(audits);
  });

  it('an unknown sector, funding source or tag is 400 at its field, naming the value', async () => {
    const base = { name: '字典外项目', regionCode: '230600', investmentNature: 'ppp', totalInvestment: '10' };
    const sector = await office.post('/api/projects', { ...base, code: 'DICT-1', sector: '航天' });
    expectError(sector, 400, 'VALIDATION', 'body.sector');
    expect(sector.json().error.details[0].message).toBe('不在字典中：航天');
    expectError(
      await office.post('/api/projects', {
        ...base,
        code: 'DICT-2',
        sector: '工业',
        fundingSources: ['彩票'],
      }),
      400,
      'VALIDATION',
      'body.fundingSources',
    );
    expectError(
      await office.post('/api/projects', {
        ...base,
        code: 'DICT-3',
        sector: '工业',
        tags: ['民生实事', '网红'],
      }),
      400,
      'VALIDATION',
      'body.tags',
    );
    expect((await office.get('/api/projects?q=DICT-')).json().total).toBe(0);
  });

  it('dates out of order are 400 at the later field', async () => {
    const base = {
      name: '日期有误',
      regionCode: '230600',
      sector: '工业',
      investmentNature: 'enterprise',
      totalInvestment: '10',
    };
    const cases: [Record<string, string>, string, string][] = [
      [
        { actualStart: '2026-05-01', actualCompletion: '2026-04-30' },
        'body.actualCompletion',
        '实际竣工日期不能早于实际开工日期',
      ],
      [
        { actualStart: '2026-01-01', actualCompletion: '2026-05-01', actualProduction: '2026-04-30' },
        'body.actualProduction',
        '实际投产日期不能早于实际竣工日期',
      ],
      [{ actualCompletion: '2026-05-01' }, 'body.actualStart', '请先填写实际开工日期'],
      [
        { plannedStart: '2026-05-01', plannedCompletion: '2026-04-30' },
        'body.plannedCompletion',
        '计划竣工日期不能早于计划开工日期',
      ],
    ];
    for (const [dates, path, message] of cases) {
      const res = await office.post('/api/projects', { ...base, code: 'DATE-BAD', ...dates });
      expectError(res, 400, 'VALIDATION', path);
      expect(res.json().error.details[0].message).toBe(message);
    }
    expect((await office.get('/api/projects?q=DATE-BAD')).json().total).toBe(0);
  });

  it('created with an actual start, a project is 续建 from that date', async () => {
    const p = await newProject({ stage: 'new_start', actualStart: '2026-04-20' });
    expect(p.stage).toBe('continuing');
    expect((await office.get(`/api/projects/${p.id}/stages`)).json()).toEqual([
      { stage: 'continuing', date: '2026-04-20', reason: '登记' },
    ]);
  });

  it('only the office over the region creates: county office elsewhere, unit and leader are refused', async () => {
    const body = {
      code: 'SCOPE-1',
      name: '越权项目',
      regionCode: '230600',
      sector: '工业',
      investmentNature: 'enterprise',
      totalInvestment: '10',
    };
    expectError(await lindian.post('/api/projects', body), 403, 'OUT_OF_SCOPE');
    expectError(await unitUser.post('/api/projects', body), 403, 'OUT_OF_SCOPE');
    expectError(await leader.post('/api/projects', body), 403, 'FORBIDDEN');
    expectError(await inspector.post('/api/projects', body), 403, 'FORBIDDEN');
    const own = await lindian.post('/api/projects', { ...body, regionCode: '230623100' });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json()).toMatchObject({ regionCode: '230623100', regionName: '林甸镇' });
  });

  it('edit with a stale version → 409 VERSION_CONFLICT, nothing changes and no audit row', async () => {
    const ok = await office.patch(`/api/projects/${created.id}`, {
      version: created.version,
      totalInvestment: '5200.5',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ totalInvestment: '5200.50', version: created.version + 1 });
    const audit = await lastAuditOf('project', created.id);
    expect(audit.action).toBe('update');
    expect(audit.diff).toMatchObject({
      totalInvestment: { before: '5000.00', after: '5200.50' },
      version: { before: 1, after: 2 },
    });

    const audits = await auditCount();
    const stale = await office.patch(`/api/projects/${created.id}`, {
      version: created.version,
      name: '被覆盖的名称',
    });
    expectError(stale, 409, 'VERSION_CONFLICT', 'version');
    expect(stale.json().error.currentVersion).toBe(created.version + 1);
    expect((await office.get(`/api/projects/${created.id}`)).json()).toMatchObject({
      name: '大庆市城市快速路改造工程',
      totalInvestment: '5200.50',
      version: created.version + 1,
    });
    expect(await auditCount()).toBe(audits);
  });
});

describe('stages follow the actual dates', () => {
  it('an actual start moves 前期 to 续建 and writes a stage event dated on the start', async () => {
    const p = await newProject();
    const res = await office.patch(`/api/projects/${p.id}`, {
      version: p.version,
      actualStart: '2026-04-15',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ stage: 'continuing', actualStart: '2026-04-15', version: 2 });
    expect((await office.get(`/api/projects/${p.id}/stages`)).json()).toEqual([
      { stage: 'preliminary', date: today, reason: '登记' },
      { stage: 'continuing', date: '2026-04-15', reason: '依实际日期' },
    ]);
    const audit = await lastAuditOf('project', p.id);
    expect(audit.action).toBe('update');
    expect(audit.diff).toMatchObject({
      stage: { before: 'preliminary', after: 'continuing' },
      actualStart: { before: null, after: '2026-04-15' },
    });
  });

  it('an actual start moves 新开工 to 续建 too', async () => {
    const p = await newProject({ stage: 'new_start' });
    const res = await office.patch(`/api/projects/${p.id}`, {
      version: p.version,
      actualStart: '2026-06-01',
    });
    expect(res.json().stage).toBe('continuing');
  });

  it('never moves a later stage back: a completed project stays 竣工 when its start date is corrected', async () => {
    let p = await newProject({ actualStart: '2026-03-01' });
    expect(p.stage).toBe('continuing');
    p = (
      await office.patch(`/api/projects/${p.id}`, { version: p.version, actualCompletion: '2026-10-01' })
    ).json();
    expect(p.stage).toBe('completed');
    const fixed = await office.patch(`/api/projects/${p.id}`, {
      version: p.version,
      actualStart: '2026-02-01',
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json()).toMatchObject({ stage: 'completed', actualStart: '2026-02-01' });
    const stages = (await office.get(`/api/projects/${p.id}/stages`)).json();
    expect(stages.map((s: { stage: string }) => s.stage)).toEqual(['continuing', 'completed']);
    expect(stages[1]).toEqual({ stage: 'completed', date: '2026-10-01', reason: '依实际日期' });
  });

  it('clearing the actual start of a 续建 project is refused (its stage would need one)', async () => {
    const p = await newProject({ actualStart: '2026-03-01' });
    const res = await office.patch(`/api/projects/${p.id}`, { version: p.version, actualStart: null });
    expectError(res, 400, 'VALIDATION');
    expect(res.json().error.details[0].message).toBe('续建及以后阶段须先填写实际开工日期');
    expect((await office.get(`/api/projects/${p.id}`)).json()).toMatchObject({
      actualStart: '2026-03-01',
      stage: 'continuing',
      version: 1,
    });
  });

  it('an explicit stage change is recorded with its date, reason and an audit row "change_stage"', async () => {
    const p = await newProject({ stage: 'reserve' });
    const res = await office.post(`/api/projects/${p.id}/stage`, {
      version: p.version,
      stage: 'preliminary',
      date: '2026-03-10',
      reason: '列入年度计划',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ stage: 'preliminary', version: 2 });
    expect((await office.get(`/api/projects/${p.id}/stages`)).json()).toEqual([
      { stage: 'reserve', date: today, reason: '登记' },
      { stage: 'preliminary', date: '2026-03-10', reason: '列入年度计划' },
    ]);
    const audit = await lastAuditOf('project', p.id);
    expect(audit).toMatchObject({ action: 'change_stage', reason: '列入年度计划' });
    expect(audit.diff).toEqual({
      stage: { before: 'reserve', after: 'preliminary' },
      date: { before: null, after: '2026-03-10' },
    });
    const again = await office.post(`/api/projects/${p.id}/stage`, {
      version: 2,
      stage: 'preliminary',
      date: '2026-03-11',
    });
    expectError(again, 400, 'VALIDATION', 'body.stage');
    expect(again.json().error.details[0].message).toBe('项目已处于该阶段');
  });

  it('an explicit stage change the dates contradict is 400 at body.stage, and nothing changes', async () => {
    const started = await newProject({ actualStart: '2026-04-01' });
    const audits = await auditCount();
    for (const [stage, message] of [
      ['new_start', '已填实际日期的项目不能处于「新开工」阶段'],
      ['preliminary', '已填实际日期的项目不能处于「前期」阶段'],
      ['reserve', '已填实际日期的项目不能处于「储备」阶段'],
      ['completed', '竣工及以后阶段须先填写实际竣工日期'],
      ['operating', '竣工及以后阶段须先填写实际竣工日期'],
    ] as const) {
      const res = await office.post(`/api/projects/${started.id}/stage`, {
        version: started.version,
        stage,
        date: '2026-05-01',
      });
      expectError(res, 400, 'VALIDATION', 'body.stage');
      expect(res.json().error.details[0].message, stage).toBe(message);
    }
    const fresh = await newProject();
    const res = await office.post(`/api/projects/${fresh.id}/stage`, {
      version: fresh.version,
      stage: 'continuing',
      date: '2026-05-01',
    });
    expectError(res, 400, 'VALIDATION', 'body.stage');
    expect(res.json().error.details[0].message).toBe('续建及以后阶段须先填写实际开工日期');
    expect(await auditCount()).toBe(audits + 1); // only the creation of `fresh`
    expect((await office.get(`/api/projects/${started.id}`)).json()).toMatchObject({
      stage: 'continuing',
      version: 1,
    });
  });
});

describe('responsibility (五个一)', () => {
  let staff: { id: number; name: string }[];

  beforeAll(async () => {
    staff = await db()
      .selectFrom('people')
      .select(['id', 'name'])
      .where('unit_id', '=', zjj)
      .where('active', '=', true)
      .orderBy('id')
      .limit(2)
      .execute();
    // the demo 住建局 has two people on file; the office registers a third
    const third = await person(office, { name: '白晓东', unitId: zjj, title: '科员' });
    staff.push({ id: third.id, name: '白晓东' });
    expect(staff.length).toBe(3);
  });

  it('the office sets the chain in one audited event "change_responsibility" with before, after and reason', async () => {
    const p = await newProject();
    const audits = await auditCount();
    const res = await office.put(`/api/projects/${p.id}/responsibility`, {
      version: p.version,
      leaderPositionId: vmUrban,
      responsibleUnitId: zjj,
      coUnitIds: [jtj, fgw],
      team: [{ personId: staff[0]!.id, duty: '现场协调' }],
      responsiblePersonId: staff[1]!.id,
      handlingOfficerId: staff[2]!.id,
      reason: '市重点项目责任分解',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      version: 2,
      responsibility: {
        leaderPositionId: vmUrban,
        leaderPositionName: '分管城乡建设副市长',
        leaderName: '何敬峰',
        responsibleUnitId: zjj,
        responsibleUnitName: '大庆市住房和城乡建设局',
        coUnits: [
          { id: fgw, name: '大庆市发展和改革委员会' },
          { id: jtj, name: '大庆市交通运输局' },
        ].sort((a, b) => a.id - b.id),
        team: [{ personId: staff[0]!.id, name: staff[0]!.name, duty: '现场协调' }],
        responsiblePersonId: staff[1]!.id,
        responsiblePersonName: staff[1]!.name,
        handlingOfficerId: staff[2]!.id,
        handlingOfficerName: staff[2]!.name,
      },
    });
    expect(await auditCount()).toBe(audits + 1);
    const audit = await lastAuditOf('project', p.id);
    expect(audit).toMatchObject({
      action: 'change_responsibility',
      reason: '市重点项目责任分解',
      actor_id: officeId,
    });
    expect(audit.diff).toMatchObject({
      leaderPositionId: { before: null, after: vmUrban },
      leaderName: { before: null, after: '何敬峰' },
      responsibleUnitId: { before: null, after: zjj },
      responsibleUnitName: { before: null, after: '大庆市住房和城乡建设局' },
      coUnits: { before: [] },
      responsiblePersonId: { before: null, after: staff[1]!.id },
    });
    expect((audit.diff as Record<string, { after: unknown }>).coUnits!.after).toHaveLength(2);
  });

  it('the lead unit names its team and officers, but may not change the chain (403)', async () => {
    const p = await newProject();
    const chained = await setChain(p.id, { responsibleUnitId: zjj, leaderPositionId: vmUrban });
    const team = await unitUser.put(`/api/projects/${p.id}/responsibility`, {
      version: chained.version,
      team: [
        { personId: staff[0]!.id, duty: '组长' },
        { personId: staff[1]!.id, duty: null },
      ],
      handlingOfficerId: staff[2]!.id,
    });
    expect(team.statusCode, team.body).toBe(200);
    expect(team.json().responsibility).toMatchObject({
      team: [
        { personId: staff[0]!.id, duty: '组长' },
        { personId: staff[1]!.id, duty: null },
      ],
      handlingOfficerId: staff[2]!.id,
      responsibleUnitId: zjj,
    });
    const audit = await lastAuditOf('project', p.id);
    expect(audit).toMatchObject({ action: 'change_responsibility', actor_name: '许嘉宁' });

    const version = team.json().version;
    for (const chain of [{ responsibleUnitId: jtj }, { leaderPositionId: null }, { coUnitIds: [fgw] }]) {
      expectError(
        await unitUser.put(`/api/projects/${p.id}/responsibility`, { version, ...chain }),
        403,
        'FORBIDDEN',
      );
    }
    expect((await office.get(`/api/projects/${p.id}`)).json()).toMatchObject({
      version,
      responsibility: { responsibleUnitId: zjj, leaderPositionId: vmUrban, coUnits: [] },
    });
  });

  it('a co-unit may not touch the responsibility at all', async () => {
    const p = await newProject();
    const chained = await setChain(p.id, { responsibleUnitId: jtj, coUnitIds: [zjj] });
    expectError(
      await unitUser.put(`/api/projects/${p.id}/responsibility`, {
        version: chained.version,
        team: [{ personId: staff[0]!.id }],
      }),
      403,
      'FORBIDDEN',
    );
  });

  it('co-units cannot contain the lead unit (400 at body.coUnitIds)', async () => {
    const p = await newProject();
    const both = await office.put(`/api/projects/${p.id}/responsibility`, {
      version: p.version,
      responsibleUnitId: zjj,
      coUnitIds: [jtj, zjj],
    });
    expectError(both, 400, 'VALIDATION', 'body.coUnitIds');
    expect(both.json().error.details[0].message).toBe('协办单位不能包含牵头单位');
    const chained = await setChain(p.id, { responsibleUnitId: zjj });
    // the lead already set, co-units alone
    expectError(
      await office.put(`/api/projects/${p.id}/responsibility`, {
        version: chained.version,
        coUnitIds: [zjj],
      }),
      400,
      'VALIDATION',
      'body.coUnitIds',
    );
    expect((await office.get(`/api/projects/${p.id}`)).json().responsibility.coUnits).toEqual([]);
  });

  it('the leader follows the position: a new holder shows on the project with its version unchanged', async () => {
    const p = await newProject({ code: 'SUCC-1' });
    const chained = await setChain(p.id, { leaderPositionId: vmUrban, responsibleUnitId: zjj });
    expect(chained.responsibility.leaderName).toBe('何敬峰');
    const projectAudits = (await lastAuditOf('project', p.id)).seq;

    const { gov } = await demoUnits(t);
    const successor = await person(office, { name: '韩立新', unitId: gov, title: '副市长' });
    const position = (await office.get(`/api/positions/${vmUrban}`)).json();
    const change = await office.post(`/api/positions/${vmUrban}/holder`, {
      version: position.version,
      personId: successor.id,
      startDate: today,
      reason: '工作调动',
    });
    expect(change.statusCode, change.body).toBe(200);

    const after = (await office.get(`/api/projects/${p.id}`)).json();
    expect(after.responsibility).toMatchObject({
      leaderPositionId: vmUrban,
      leaderPositionName: '分管城乡建设副市长',
      leaderName: '韩立新',
    });
    expect(after.version).toBe(chained.version);
    expect(after).toEqual({
      ...chained,
      responsibility: { ...chained.responsibility, leaderName: '韩立新' },
    });
    // the list shows the same, and the project has no new audit event
    const listed = (await office.get('/api/projects?q=SUCC-1')).json().items;
    expect(listed).toEqual([after]);
    expect((await lastAuditOf('project', p.id)).seq).toBe(projectAudits);
  });
});

describe('list filters and scope', () => {
  const ids: Record<string, number> = {};
  let list2026: number;
  let list2025: number;

  /** Codes of the fixture projects a query returns, in order. */
  const codes = async (c: Client, query: string) => {
    const res = await c.get(`/api/projects?q=FLT-&pageSize=100${query ? `&${query}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.total).toBe(body.items.length);
    return body.items.map((p: { code: string }) => p.code);
  };

  beforeAll(async () => {
    const fixtures: [string, Record<string, unknown>, Record<string, unknown>][] = [
      [
        'FLT-A',
        { regionCode: '230600', sector: '基础设施', totalInvestment: '5000', ownerUnitId: ctgs },
        { responsibleUnitId: zjj, coUnitIds: [jtj], leaderPositionId: vmUrban },
      ],
      [
        'FLT-B',
        { regionCode: '230600', sector: '工业', totalInvestment: '12000.50', stage: 'reserve' },
        { responsibleUnitId: jtj, coUnitIds: [zjj] },
      ],
      [
        'FLT-C',
        { regionCode: '230623', sector: '农业', totalInvestment: '800', name: '林甸县现代农业示范园' },
        { responsibleUnitId: ldZjj },
      ],
      [
        'FLT-D',
        { regionCode: '230623100', sector: '城乡建设', totalInvestment: '300' },
        { responsibleUnitId: ldZjj },
      ],
      [
        'FLT-E',
        { regionCode: '230621', sector: '社会事业', totalInvestment: '20000', ownerUnitId: ctgs },
        { responsibleUnitId: fgw },
      ],
      [
        'FLT-F',
        { regionCode: '230600', sector: '基础设施', totalInvestment: '100' },
        { responsibleUnitId: fgw },
      ],
    ];
    for (const [code, fields, chain] of fixtures)
      ids[code] = (await newProject({ code, ...fields, ...chain })).id;
    const mk = async (year: number, name: string) => {
      const res = await office.post('/api/project-lists', {
        year,
        level: 'city',
        name,
        regionCode: '230600',
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as number;
    };
    list2026 = await mk(2026, '2026年市重点项目');
    list2025 = await mk(2025, '2025年市重点项目');
    const add = async (list: number, code: string, batch: string) => {
      const res = await office.post(`/api/project-lists/${list}/members`, { projectId: ids[code], batch });
      expect(res.statusCode, res.body).toBe(200);
    };
    await add(list2026, 'FLT-A', '在建');
    await add(list2026, 'FLT-B', '新开工');
    await add(list2026, 'FLT-E', '在建');
    await add(list2025, 'FLT-C', '重大前期');
    await add(list2025, 'FLT-A', '新开工');
    // E leaves the 2026 list again: a closed membership no longer counts
    const removed = await office.post(`/api/project-lists/${list2026}/members/${ids['FLT-E']}/remove`, {});
    expect(removed.statusCode, removed.body).toBe(200);
  });

  it('no filter: every fixture, ordered by code', async () => {
    expect(await codes(office, '')).toEqual(['FLT-A', 'FLT-B', 'FLT-C', 'FLT-D', 'FLT-E', 'FLT-F']);
  });

  it.each([
    ['stage=reserve', ['FLT-B']],
    ['stage=preliminary', ['FLT-A', 'FLT-C', 'FLT-D', 'FLT-E', 'FLT-F']],
    ['stage=continuing', []],
    ['sector=基础设施', ['FLT-A', 'FLT-F']],
    ['sector=工业', ['FLT-B']],
    ['regionCode=230623', ['FLT-C', 'FLT-D']],
    ['regionCode=230623100', ['FLT-D']],
    ['regionCode=230621', ['FLT-E']],
    ['regionCode=230600', ['FLT-A', 'FLT-B', 'FLT-C', 'FLT-D', 'FLT-E', 'FLT-F']],
    ['regionCode=230622', []],
    ['sector=基础设施&regionCode=230600&stage=preliminary', ['FLT-A', 'FLT-F']],
  ])('%s → %j', async (query, expected) => {
    expect(await codes(office, encodeURI(query))).toEqual(expected);
  });

  it('unitId matches the lead unit or a co-unit', async () => {
    expect(await codes(office, `unitId=${zjj}`)).toEqual(['FLT-A', 'FLT-B']);
    expect(await codes(office, `unitId=${jtj}`)).toEqual(['FLT-A', 'FLT-B']);
    expect(await codes(office, `unitId=${fgw}`)).toEqual(['FLT-E', 'FLT-F']);
    expect(await codes(office, `unitId=${ctgs}`)).toEqual([]); // owning is not leading
  });

  it('leaderPositionId matches the leader position', async () => {
    expect(await codes(office, `leaderPositionId=${vmUrban}`)).toEqual(['FLT-A']);
  });

  it('year, listId and batch go through current list membership', async () => {
    expect(await codes(office, 'year=2026')).toEqual(['FLT-A', 'FLT-B']);
    expect(await codes(office, 'year=2025')).toEqual(['FLT-A', 'FLT-C']);
    expect(await codes(office, 'year=2024')).toEqual([]);
    expect(await codes(office, `listId=${list2026}`)).toEqual(['FLT-A', 'FLT-B']);
    expect(await codes(office, `listId=${list2025}`)).toEqual(['FLT-A', 'FLT-C']);
    expect(await codes(office, encodeURI('batch=在建'))).toEqual(['FLT-A']);
    expect(await codes(office, encodeURI('batch=新开工'))).toEqual(['FLT-A', 'FLT-B']);
    // the conditions hold on one and the same membership: A is 在建 in 2026, 新开工 in 2025
    expect(await codes(office, encodeURI('year=2025&batch=在建'))).toEqual([]);
    expect(await codes(office, encodeURI(`listId=${list2025}&batch=新开工`))).toEqual(['FLT-A']);
  });

  it('q searches codes and names', async () => {
    const res = (await office.get(`/api/projects?q=${encodeURIComponent('现代农业示范')}`)).json();
    expect(res.items.map((p: { code: string }) => p.code)).toEqual(['FLT-C']);
    expect((await office.get('/api/projects?q=%25')).json().total).toBe(0); // % is literal
  });

  it('q finds two-character words, a code in any case, and a single character', async () => {
    // two characters: found through the bigrams' index (migration 0016), as trigrams could not
    const q = async (text: string) => {
      const res = await office.get(`/api/projects?pageSize=100&q=${encodeURIComponent(text)}`);
      expect(res.statusCode, res.body).toBe(200);
      return res
        .json()
        .items.map((p: { code: string }) => p.code)
        .filter((c: string) => c.startsWith('FLT-'));
    };
    expect(await q('农业')).toEqual(['FLT-C']);
    expect(await q('flt-c')).toEqual(['FLT-C']);
    expect(await q('示')).toEqual(['FLT-C']);
    expect(await q('农示')).toEqual([]); // both pairs' characters, not the pair
  });

  it('sort=-totalInvestment orders by amount (numerically), largest first', async () => {
    expect(await codes(office, 'sort=-totalInvestment')).toEqual([
      'FLT-E',
      'FLT-B',
      'FLT-A',
      'FLT-C',
      'FLT-D',
      'FLT-F',
    ]);
    expect(await codes(office, 'sort=totalInvestment')).toEqual([
      'FLT-F',
      'FLT-D',
      'FLT-C',
      'FLT-A',
      'FLT-B',
      'FLT-E',
    ]);
  });

  it('pages add up to the total', async () => {
    const first = (await office.get('/api/projects?q=FLT-&pageSize=4')).json();
    const second = (await office.get('/api/projects?q=FLT-&pageSize=4&page=2')).json();
    expect(first.total).toBe(6);
    expect(second.total).toBe(6);
    expect([...first.items, ...second.items].map((p: { code: string }) => p.code)).toEqual([
      'FLT-A',
      'FLT-B',
      'FLT-C',
      'FLT-D',
      'FLT-E',
      'FLT-F',
    ]);
  });

  it('office_lindian sees exactly the projects of 230623 and below', async () => {
    const res = (await lindian.get('/api/projects?pageSize=500')).json();
    for (const p of res.items as { code: string; regionCode: string }[])
      expect(p.regionCode.startsWith('230623'), p.code).toBe(true);
    const expected = await db()
      .selectFrom('projects')
      .select('code')
      .where('region_code', 'like', '230623%')
      .where('active', '=', true)
      .execute();
    expect(res.total).toBe(expected.length);
    expect(await codes(lindian, '')).toEqual(['FLT-C', 'FLT-D']);
    expectError(await lindian.get(`/api/projects/${ids['FLT-A']}`), 403, 'OUT_OF_SCOPE');
    expectError(await lindian.get(`/api/projects/${ids['FLT-E']}/stages`), 403, 'OUT_OF_SCOPE');
    expect((await lindian.get(`/api/projects/${ids['FLT-D']}`)).statusCode).toBe(200);
  });

  it('the unit user sees the projects its unit leads or co-operates on', async () => {
    const res = (await unitUser.get('/api/projects?pageSize=500')).json();
    for (const p of res.items as {
      code: string;
      responsibility: { responsibleUnitId: number; coUnits: { id: number }[] };
    }[])
      expect(
        p.responsibility.responsibleUnitId === zjj || p.responsibility.coUnits.some((u) => u.id === zjj),
        p.code,
      ).toBe(true);
    expect(await codes(unitUser, '')).toEqual(['FLT-A', 'FLT-B']);
    expect((await unitUser.get(`/api/projects/${ids['FLT-B']}`)).statusCode).toBe(200);
    expectError(await unitUser.get(`/api/projects/${ids['FLT-F']}`), 403, 'OUT_OF_SCOPE');
  });

  it('the reporter sees the projects its unit owns', async () => {
    const res = (await reporter.get('/api/projects?pageSize=500')).json();
    for (const p of res.items as { code: string; owner: { id: number } }[])
      expect(p.owner.id, p.code).toBe(ctgs);
    expect(await codes(reporter, '')).toEqual(['FLT-A', 'FLT-E']);
    expectError(await reporter.get(`/api/projects/${ids['FLT-B']}`), 403, 'OUT_OF_SCOPE');
  });

  it('leaders read their region; inspectors may not read projects at all (403)', async () => {
    expect(await codes(leader, '')).toEqual(['FLT-A', 'FLT-B', 'FLT-C', 'FLT-D', 'FLT-E', 'FLT-F']);
    expectError(await inspector.get('/api/projects'), 403, 'FORBIDDEN');
    expectError(await inspector.get(`/api/projects/${ids['FLT-A']}`), 403, 'FORBIDDEN');
  });

  it('the admin sees everything, and a deactivated project only with includeInactive=true', async () => {
    expect(await codes(admin, '')).toEqual(['FLT-A', 'FLT-B', 'FLT-C', 'FLT-D', 'FLT-E', 'FLT-F']);
    const f = (await office.get(`/api/projects/${ids['FLT-F']}`)).json();
    const off = await office.patch(`/api/projects/${f.id}`, { version: f.version, active: false });
    expect(off.statusCode, off.body).toBe(200);
    expect((await lastAuditOf('project', f.id)).action).toBe('deactivate');
    expect(await codes(office, '')).not.toContain('FLT-F');
    expect(await codes(office, 'includeInactive=true')).toContain('FLT-F');
  });

  it('co-units and leaders may not edit; the lead unit may', async () => {
    const b = (await office.get(`/api/projects/${ids['FLT-B']}`)).json();
    expectError(
      await unitUser.patch(`/api/projects/${b.id}`, { version: b.version, address: '协办单位改地址' }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await leader.patch(`/api/projects/${b.id}`, { version: b.version, address: '领导改地址' }),
      403,
      'FORBIDDEN',
    );
    const a = (await office.get(`/api/projects/${ids['FLT-A']}`)).json();
    const ok = await unitUser.patch(`/api/projects/${a.id}`, { version: a.version, address: '让胡路区' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().address).toBe('让胡路区');
  });
});
