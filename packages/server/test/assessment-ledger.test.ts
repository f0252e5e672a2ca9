/**
 * The score ledger's reads and hand-written rows (issue 15): a unit's score is the base plus the
 * sum of its counted rows; manual rows wait for a second pair of eyes; exemptions are asked and
 * decided by different people and count the row as 0; rankings and the 红黑榜 follow the scores
 * and the scheme's conditions (ties, sizes, pace, exemptions); the score card adds up; exports
 * carry the same numbers; unit staff read only their own unit's rows.
 */
import type { Ranking, ScoreCard, ScoreRow } from '@ducha/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkbook } from '../src/platform/excel.ts';
import { activeTestScheme, insertPaces, insertRows } from './assessment-fixtures.ts';
import { demoUnits, signInAs } from './factories.ts';
import { auditHelpers, createTestApp, expectError, type Client, type TestApp } from './helpers.ts';

let t: TestApp;
let c: Record<'admin' | 'office' | 'office_lindian' | 'leader' | 'unit' | 'reporter', Client>;
let u: Awaited<ReturnType<typeof demoUnits>>;
let scheme: number;
let deptIds: number[];
const Y = 2026;
const { lastAuditOf } = auditHelpers(() => t);

beforeAll(async () => {
  t = await createTestApp();
  c = await signInAs(t, 'admin', 'office', 'office_lindian', 'leader', 'unit', 'reporter');
  u = await demoUnits(t);
  // a small department group: 住建局, 交通局, 水务局, 发改委 (ties by fewer deductions)
  deptIds = [u.zjj, u.jtj, u.swj, u.fgw];
  scheme = await activeTestScheme(t.database.db, '230600', Y, (cfg) => ({
    ...cfg,
    groups: [cfg.groups[0]!, { code: 'dept', name: '市直部门和国有企业', unitIds: deptIds }],
    board: { redSize: 1, blackSize: 1, redMinPace: '1.0000', blackBelowPace: '1.0000' },
  }));
  const db = t.database.db;
  await insertRows(db, scheme, '230600', Y, [
    { unitId: u.zjj, month: 3, rule: 'report_late', points: '-1.00', key: 'report_late:p1' },
    { unitId: u.zjj, month: 3, rule: 'red_light', points: '-2.00', key: 'red_light:p1' },
    {
      unitId: u.jtj,
      month: 3,
      rule: 'item_early_close',
      points: '0.50',
      key: 'item_early_close:i1',
      causeKind: 'item',
      causeId: 1,
    },
    { unitId: u.jtj, month: 3, rule: 'report_missing', points: '-2.00', key: 'report_missing:p2' },
    { unitId: u.swj, month: 3, rule: 'report_late', points: '-1.50', key: 'report_late:p3' },
    {
      unitId: u.zjj,
      month: 4,
      rule: 'meeting_absence',
      points: '-1.00',
      key: 'meeting_absence:m1:u1',
      causeKind: 'meeting',
      causeId: 1,
    },
  ]);
  await insertPaces(db, scheme, '230600', Y, 3, [
    [u.zjj, '0.8000'],
    [u.jtj, '1.1000'],
    [u.swj, '0.9000'],
    [u.fgw, null],
  ]);
  await insertPaces(db, scheme, '230600', Y, 4, [
    [u.zjj, '0.9000'],
    [u.jtj, '1.0000'],
    [u.swj, '1.0000'],
    [u.fgw, '1.0000'],
  ]);
}, 120_000);
afterAll(() => t.close());

const rows = async (by: Client, q: string) => {
  const res = await by.get(`/api/score-rows?year=${Y}&${q}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: ScoreRow[]; total: number; sum: string };
};
const rankingOf = async (period: string, by = c.office) => {
  const res = await by.get(`/api/scores/rankings?regionCode=230600&period=${period}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Ranking;
};
const dept = (r: Ranking) => r.groups.find((g) => g.code === 'dept')!;

describe('the ledger', () => {
  it('lists a unit’s rows with their counted points, reasons and causes; the sum is the filter’s', async () => {
    const r = await rows(c.office, `month=3&unitId=${u.zjj}`);
    expect(r.total).toBe(2);
    expect(r.sum).toBe('-3.00');
    expect(r.items.map((x) => [x.rule, x.points, x.counted])).toEqual([
      ['report_late', '-1.00', '-1.00'],
      ['red_light', '-2.00', '-2.00'],
    ]);
    const meeting = (await rows(c.office, 'month=4')).items[0]!;
    expect(meeting.cause).toMatchObject({ kind: 'meeting', id: 1, href: '/meetings/1' });
    expect((await rows(c.office, 'rule=report_late')).total).toBe(2);
    expect((await rows(c.office, 'causeKind=item')).items.map((x) => x.unitId)).toEqual([u.jtj]);
  });

  it('unit staff read their own unit’s rows only; reporters none', async () => {
    const mine = await rows(c.unit, '');
    expect(mine.items.every((x) => x.unitId === u.zjj)).toBe(true);
    expect(mine.total).toBe(3);
    const other = (await rows(c.office, `unitId=${u.jtj}`)).items[0]!;
    expect((await c.unit.get(`/api/score-rows/${other.id}`)).statusCode).toBe(403);
    expect((await c.office_lindian.get(`/api/score-rows/${other.id}`)).statusCode).toBe(403);
    expect((await c.leader.get(`/api/score-rows/${other.id}`)).statusCode).toBe(200);
    expectError(await c.reporter.get(`/api/score-rows?year=${Y}`), 403, 'FORBIDDEN');
  });

  it('exports the filter’s rows as .xlsx', async () => {
    const res = await c.office.get(`/api/score-rows.xlsx?year=${Y}&month=3`);
    expect(res.statusCode).toBe(200);
    const wb = await openWorkbook(res.rawPayload);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(3).value).toBe('单位');
    expect(ws.rowCount).toBe(1 + 5);
    const points = [2, 3, 4, 5, 6].map((i) => Number(ws.getRow(i).getCell(5).value));
    expect(points.reduce((a, b) => a + b, 0)).toBeCloseTo(-6, 6);
  });
});

describe('manual rows: four eyes', () => {
  it('a penalty waits for someone other than its author, then counts', async () => {
    const res = await c.office.post('/api/score-rows', {
      regionCode: '230600',
      year: Y,
      month: 4,
      unitId: u.fgw,
      rule: 'manual_penalty',
      points: '2',
      reason: '未按要求报送季度书面报告',
    });
    expect(res.statusCode, res.body).toBe(201);
    const row = res.json() as ScoreRow;
    expect([row.status, row.points, row.counted, row.source]).toEqual(['pending', '-2.00', '0.00', 'manual']);
    expect((await lastAuditOf('score_row', row.id)).action).toBe('create');
    expectError(
      await c.office.post(`/api/score-rows/${row.id}/decision`, { version: row.version, approve: true }),
      409,
      'INVALID_STATE',
      'status',
    );
    expectError(
      await c.office_lindian.post(`/api/score-rows/${row.id}/decision`, {
        version: row.version,
        approve: true,
      }),
      403,
      'OUT_OF_SCOPE',
    );
    expectError(
      await c.leader.post(`/api/score-rows/${row.id}/decision`, { version: row.version, approve: false }),
      400,
      'VALIDATION',
      'body.note',
    );
    const ok = await c.leader.post(`/api/score-rows/${row.id}/decision`, {
      version: row.version,
      approve: true,
      note: '同意',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'effective', counted: '-2.00', decidedBy: expect.any(String) });
    expect((await lastAuditOf('score_row', row.id)).action).toBe('approve');
    expectError(
      await c.admin.post(`/api/score-rows/${row.id}/decision`, {
        version: ok.json().version,
        approve: false,
        note: 'x',
      }),
      409,
      'INVALID_STATE',
    );
    const apr = dept(await rankingOf(`${Y}-04`)).entries.find((e) => e.unitId === u.fgw)!;
    expect(apr.score).toBe('98.00');
  });

  it('an award rejected with a note never counts; bad input names its field', async () => {
    const row = (
      await c.office.post('/api/score-rows', {
        regionCode: '230600',
        year: Y,
        month: 5,
        unitId: u.swj,
        rule: 'manual_award',
        points: '1.5',
        reason: '获评全省重点项目建设先进单位',
      })
    ).json() as ScoreRow;
    expect(row.points).toBe('1.50');
    const no = await c.admin.post(`/api/score-rows/${row.id}/decision`, {
      version: row.version,
      approve: false,
      note: '依据不足',
    });
    expect(no.json()).toMatchObject({ status: 'rejected', counted: '0.00', decisionNote: '依据不足' });
    expect((await rows(c.office, `month=5&unitId=${u.swj}`)).sum).toBe('0.00');
    const bad = { regionCode: '230600', year: Y, month: 5, rule: 'manual_award', reason: 'x' };
    expectError(
      await c.office.post('/api/score-rows', { ...bad, unitId: u.swj, points: '0' }),
      400,
      'VALIDATION',
      'body.points',
    );
    expectError(
      await c.office.post('/api/score-rows', { ...bad, unitId: u.swj, points: '1', reason: '' }),
      400,
      'VALIDATION',
      'body.reason',
    );
    expectError(
      await c.office.post('/api/score-rows', { ...bad, unitId: u.ldZjj, points: '1' }),
      400,
      'VALIDATION',
      'body.unitId',
    );
    expectError(
      await c.office.post('/api/score-rows', { ...bad, year: 2031, unitId: u.swj, points: '1' }),
      409,
      'INVALID_STATE',
      'body.year',
    );
    expectError(
      await c.leader.post('/api/score-rows', { ...bad, unitId: u.swj, points: '1' }),
      403,
      'OUT_OF_SCOPE',
    );
  });
});

describe('exemptions (不可抗力)', () => {
  it('the unit asks with a reason, the asker cannot decide, an approval counts the row as 0 and keeps it off the 黑榜', async () => {
    const before = dept(await rankingOf(`${Y}-03`));
    expect(before.black).toEqual([u.zjj]); // pace 0.80, bottom after its −3.00
    const row = (await rows(c.unit, 'month=3&rule=red_light')).items[0]!;
    expectError(
      await c.unit.post(`/api/score-rows/${row.id}/exemption`, { version: row.version, reason: '' }),
      400,
      'VALIDATION',
      'body.reason',
    );
    const asked = await c.unit.post(`/api/score-rows/${row.id}/exemption`, {
      version: row.version,
      reason: '7月特大暴雨停工(不可抗力)',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    const a = asked.json() as ScoreRow;
    expect(a.exemption).toMatchObject({ status: 'requested', reason: '7月特大暴雨停工(不可抗力)' });
    expect(a.counted).toBe('-2.00');
    expectError(
      await c.unit.post(`/api/score-rows/${row.id}/exemption`, { version: a.version, reason: 'again' }),
      409,
      'INVALID_STATE',
    );
    expectError(
      await c.unit.post(`/api/score-rows/${row.id}/exemption/decision`, {
        version: a.version,
        approve: true,
      }),
      403,
      'OUT_OF_SCOPE',
    );
    expectError(
      await c.office.post(`/api/score-rows/${row.id}/exemption/decision`, {
        version: a.version - 1,
        approve: true,
      }),
      409,
      'VERSION_CONFLICT',
    );
    const ok = await c.office.post(`/api/score-rows/${row.id}/exemption/decision`, {
      version: a.version,
      approve: true,
      note: '经核实属实',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      counted: '0.00',
      exemption: { status: 'approved', note: '经核实属实' },
    });
    expect((await lastAuditOf('score_row', row.id)).action).toBe('exemption_approve');
    const after = dept(await rankingOf(`${Y}-03`));
    const zjj = after.entries.find((e) => e.unitId === u.zjj)!;
    expect([zjj.score, zjj.exempt]).toEqual(['99.00', true]);
    expect(after.black).toEqual([u.swj]); // pace 0.90, the next below plan
  });

  it('is refused for a bonus and for the office asking it then deciding it', async () => {
    const bonus = (await rows(c.office, 'rule=item_early_close')).items[0]!;
    expectError(
      await c.office.post(`/api/score-rows/${bonus.id}/exemption`, { version: bonus.version, reason: 'x' }),
      409,
      'INVALID_STATE',
      'exemption',
    );
    const late = (await rows(c.office, `rule=report_late&unitId=${u.swj}`)).items[0]!;
    const a = (
      await c.office.post(`/api/score-rows/${late.id}/exemption`, {
        version: late.version,
        reason: '系统故障',
      })
    ).json() as ScoreRow;
    expectError(
      await c.office.post(`/api/score-rows/${late.id}/exemption/decision`, {
        version: a.version,
        approve: true,
      }),
      409,
      'INVALID_STATE',
    );
    const no = await c.leader.post(`/api/score-rows/${late.id}/exemption/decision`, {
      version: a.version,
      approve: false,
      note: '不属于不可抗力',
    });
    expect(no.json()).toMatchObject({ counted: '-1.50', exemption: { status: 'rejected' } });
  });
});

describe('rankings and the 红黑榜', () => {
  it('scores are base + the period’s counted rows; the year sums the months; ties break by fewer deductions', async () => {
    const y = dept(await rankingOf(`${Y}`));
    const by = new Map(y.entries.map((e) => [e.unitId, e]));
    // 住建局 −1 (late) −2 exempted −1 (absence) = −2; 交通局 +0.5 −2 = −1.5; 水务局 −1.5; 发改委 −2 (manual)
    expect(by.get(u.zjj)!.score).toBe('98.00');
    expect(by.get(u.jtj)!.score).toBe('98.50');
    expect(by.get(u.swj)!.score).toBe('98.50');
    expect(by.get(u.fgw)!.score).toBe('98.00');
    // 交通局 and 水务局 tie at 98.50: 水务局's deductions (−1.50) are smaller than 交通局's (−2.00)
    // 发改委 and 住建局 tie at 98.00 with equal deductions: they share rank 3, listed by name
    expect(y.entries.map((e) => [e.unitId, e.rank])).toEqual([
      [u.swj, 1],
      [u.jtj, 2],
      [u.fgw, 3],
      [u.zjj, 3],
    ]);
  });

  it('the month’s 红榜 is the top that met its plan; a unit without a plan is on neither list', async () => {
    const m3 = dept(await rankingOf(`${Y}-03`));
    expect(m3.red).toEqual([u.jtj]); // 98.50, pace 1.10; 发改委 100.00 has no plan
    expect(m3.entries[0]).toMatchObject({ unitId: u.fgw, score: '100.00', pace: null, board: null });
    const h1 = await rankingOf(`${Y}-H1`);
    expect(h1.months).toEqual([`${Y}-03`, `${Y}-04`]);
    expect((await rankingOf(`${Y}-H2`)).months).toEqual([]);
  });

  it('unit staff see the ranking of their region (晾晒), not another’s; exports have the lists and groups', async () => {
    expect((await c.unit.get(`/api/scores/rankings?period=${Y}-03`)).statusCode).toBe(200);
    expect(
      (await c.office_lindian.get(`/api/scores/rankings?regionCode=230600&period=${Y}-03`)).statusCode,
    ).toBe(403);
    expectError(
      await c.office.get(`/api/scores/rankings?regionCode=230600&period=2031-03`),
      404,
      'NOT_FOUND',
      'querystring.regionCode',
    );
    expectError(
      await c.office.get('/api/scores/rankings?period=2026-13'),
      400,
      'VALIDATION',
      'querystring.period',
    );
    const res = await c.office.get(`/api/scores/rankings.xlsx?regionCode=230600&period=${Y}-03`);
    expect(res.statusCode).toBe(200);
    const wb = await openWorkbook(res.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['红黑榜', '县(市、区)和园区', '市直部门和国有企业']);
  });
});

describe('the score card', () => {
  it('adds each month’s rules to its total and score; the year’s is the months’ sum', async () => {
    const res = await c.unit.get(`/api/scores/card?unitId=${u.zjj}&year=${Y}`);
    expect(res.statusCode, res.body).toBe(200);
    const card = res.json() as ScoreCard;
    const m3 = card.months[2]!;
    expect(m3).toMatchObject({ month: 3, computed: true, total: '-1.00', score: '99.00' });
    expect(m3.byRule).toEqual({ report_late: '-1.00', red_light: '0.00' });
    expect(card.months[3]).toMatchObject({ total: '-1.00', computed: true });
    expect(card.months[0]).toMatchObject({ computed: false, rank: null, total: '0.00' });
    expect(card.total).toMatchObject({ total: '-2.00', score: '98.00' });
    expect(card.groupName).toBe('市直部门和国有企业');
    expect((await c.unit.get(`/api/scores/card?unitId=${u.jtj}&year=${Y}`)).statusCode).toBe(403);
    const x = await c.office.get(`/api/scores/card.xlsx?unitId=${u.zjj}&year=${Y}`);
    expect(x.statusCode).toBe(200);
    const ws = (await openWorkbook(x.rawPayload)).worksheets[0]!;
    expect(ws.getRow(14).getCell(1).value).toBe('全年');
  });
});
