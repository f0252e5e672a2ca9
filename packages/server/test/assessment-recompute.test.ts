/**
 * The ledger engine against a real database (issue 15): facts made through the API (projects,
 * baselines, reports, month closes, items; a meeting's attendance written to its tables) give their
 * rows under the city's active scheme; the month close runs the recompute; a second recompute
 * writes nothing; a changed fact updates or replaces its row; manual rows and exemptions survive;
 * caps, weights, per-item caps and disabled rules follow the scheme; only grouped units are
 * assessed; the preview writes nothing and shows what the recompute writes; the nightly job covers
 * the current and previous month; 409 without an active scheme.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedRules, type Preview, type RecomputeResult } from '@ducha/contract';
import { recomputeRecentMonths } from '../src/modules/assessment/index.ts';
import { factKinds } from '../src/modules/assessment/recompute.ts';
import { workingDaysBetween } from '../src/platform/calendar.ts';
import { todayInChina } from '../src/platform/time.ts';
import { activeTestScheme } from './assessment-fixtures.ts';
import {
  cityProject,
  demoUnits,
  meetingSeries,
  monthlyReport,
  signInAs,
  supervisedItem,
} from './factories.ts';
import { auditHelpers, createTestApp, expectError, type Client, type TestApp } from './helpers.ts';

let t: TestApp;
let c: Record<'admin' | 'office' | 'leader' | 'unit', Client>;
let u: Awaited<ReturnType<typeof demoUnits>>;
let scheme: number;
const ids = { pA: 0, pB: 0, pD: 0, overdue: 0, early: 0, meeting: 0 };
const { lastAuditOf } = auditHelpers(() => t);
const today = todayInChina();

const db = () => t.database.db;
const rowsOf = (month: number) =>
  db()
    .selectFrom('score_rows')
    .selectAll()
    .where('region_code', '=', '230600')
    .where('year', '=', 2026)
    .where('month', '=', month)
    .orderBy('fact_key')
    .execute();
const byKey = async (month: number) => new Map((await rowsOf(month)).map((r) => [r.fact_key, r]));
const recompute = async (month: number, by = c.office) => {
  const res = await by.post('/api/scores/recompute', { regionCode: '230600', year: 2026, month });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as RecomputeResult;
};
const close = async (month: string) => {
  const res = await c.office.post(`/api/month-closes/230600/${month}/run`, {});
  expect(res.statusCode, res.body).toBe(200);
};

beforeAll(async () => {
  t = await createTestApp();
  c = await signInAs(t, 'admin', 'office', 'leader', 'unit');
  u = await demoUnits(t);
  // 住建局, 交通局 and 水务局 are assessed; 发改委 is in no group
  scheme = await activeTestScheme(db(), '230600', 2026, (cfg) => ({
    ...cfg,
    groups: [{ code: 'dept', name: '市直部门和国有企业', unitIds: [u.zjj, u.jtj, u.swj] }],
  }));
  // pA: 10 万元 a month, filed late for September and October (200 done of 100 planned to date)
  ids.pA = (
    await cityProject(c.office, { responsibleUnitId: u.zjj, baseline: { plannedInvestment: '120' } })
  ).id;
  for (const m of ['2026-09', '2026-10']) await monthlyReport(c.office, ids.pA, m, { until: 'submitted' });
  // pB: 1200 planned, never reported: yellow in September, red in October
  ids.pB = (await cityProject(c.office, { responsibleUnitId: u.zjj, baseline: {} })).id;
  // pD: 发改委's, missing too (not assessed)
  ids.pD = (await cityProject(c.office, { responsibleUnitId: u.fgw, baseline: {} })).id;
  // an item of 交通局 due on 20 October, still open
  const item = await supervisedItem(c.office, { projectId: ids.pA, assign: { responsibleUnitId: u.jtj } });
  ids.overdue = item.item.id;
  await db().updateTable('items').set({ due_date: '2026-10-20' }).where('id', '=', ids.overdue).execute();
  // a 水务局 absence without reason at the October meeting (attendance as the meeting records it)
  const series = await meetingSeries(c.office);
  ids.meeting = series.meetings[0]!.id;
  await db().updateTable('meetings').set({ status: 'closed' }).where('id', '=', ids.meeting).execute();
  await db()
    .insertInto('meeting_attendance')
    .values([
      { meeting_id: ids.meeting, unit_id: u.swj, status: 'absent' },
      { meeting_id: ids.meeting, unit_id: u.zjj, status: 'absent_excused', reason: '出差' },
      { meeting_id: ids.meeting, unit_id: u.jtj, status: 'present' },
    ])
    .execute();
  await close('2026-09');
  await close('2026-10');
}, 180_000);
afterAll(() => t.close());

describe('the kinds of fact', () => {
  it('name every generated rule once: each kind diffs only its own rules, so none is left undeleted', () => {
    const named = factKinds.flatMap((k) => k.rules);
    expect([...named].sort()).toEqual([...generatedRules].sort());
    expect(new Set(named).size).toBe(named.length);
  });

  it('one failing kind fails the recompute after every queued statement is over; nothing is written', async () => {
    const before = await rowsOf(10);
    const reports = factKinds[0]!.load;
    // the reports' statement fails while the other kinds' reads and writes are queued behind it
    factKinds[0]!.load = async (d) => {
      await sql`select 1 / 0`.execute(d);
      return [];
    };
    try {
      await db().updateTable('items').set({ due_date: '2026-10-15' }).where('id', '=', ids.overdue).execute();
      const res = await c.office.post('/api/scores/recompute', {
        regionCode: '230600',
        year: 2026,
        month: 10,
      });
      expect(res.statusCode).toBe(400); // a data exception (division by zero)
    } finally {
      factKinds[0]!.load = reports;
      await db().updateTable('items').set({ due_date: '2026-10-20' }).where('id', '=', ids.overdue).execute();
    }
    // the item's row (its kind ran and wrote) was rolled back with the rest
    expect(await rowsOf(10)).toEqual(before);
    expect((await recompute(10)).updated).toBe(0);
  });
});

describe('the recompute route', () => {
  it('409 without an active scheme for the year, 400 for a month not begun', async () => {
    const res = await c.office.post('/api/scores/recompute', { regionCode: '230600', year: 2025, month: 10 });
    expectError(res, 409, 'INVALID_STATE', 'body.regionCode');
    expect(res.body).toContain('没有生效的考核方案');
    const later = await c.office.post('/api/scores/recompute', {
      regionCode: '230600',
      year: 2027,
      month: 1,
    });
    expectError(later, 400, 'VALIDATION', 'body.month');
    expectError(
      await c.office.post('/api/scores/recompute', { regionCode: '230600', year: 2026 }),
      400,
      'VALIDATION',
    );
  });

  it('several months in one pass: the same ledger as month by month, one audit event per month', async () => {
    const before = [await rowsOf(9), await rowsOf(10)];
    const res = await c.office.post('/api/scores/recompute-months', {
      regionCode: '230600',
      year: 2026,
      from: 9,
      to: 10,
    });
    expect(res.statusCode, res.body).toBe(200);
    const { months } = res.json() as { months: RecomputeResult[] };
    expect(months.map((m) => [m.month, m.inserted, m.updated, m.deleted])).toEqual([
      [9, 0, 0, 0],
      [10, 0, 0, 0],
    ]);
    expect(months.map((m) => m.unchanged)).toEqual(
      before.map((rows) => rows.filter((r) => r.source === 'generated').length),
    );
    expect([await rowsOf(9), await rowsOf(10)]).toEqual(before);
    expect((await lastAuditOf('score_month', '230600:2026-09'))?.action).toBe('recompute');
    // a range ending before it starts, or in a month not begun, is refused on `to`
    const bad = { regionCode: '230600', year: 2026, from: 10, to: 9 };
    const reversed = await c.office.post('/api/scores/recompute-months', bad);
    expectError(reversed, 400, 'VALIDATION', 'body.to');
    expect(reversed.body).toContain('结束月份不能早于开始月份');
    const later = { regionCode: '230600', year: 2027, from: 1, to: 2 };
    expectError(await c.office.post('/api/scores/recompute-months', later), 400, 'VALIDATION', 'body.to');
    expectError(
      await c.office.post('/api/scores/recompute-months', {
        regionCode: '230600',
        year: 2025,
        from: 1,
        to: 12,
      }),
      409,
      'INVALID_STATE',
      'body.regionCode',
    );
  });
});

describe('the month close runs it: every default rule from real facts', () => {
  it('writes October’s rows with readable reasons and their causes', async () => {
    const rows = await byKey(10);
    expect(rows.get(`report_late:p${ids.pA}`)).toMatchObject({
      unit_id: u.zjj,
      points: '-1.00',
      cause_kind: 'report',
    });
    expect(rows.get(`report_late:p${ids.pA}`)!.reason).toMatch(/10月月报迟报/);
    expect(rows.get(`report_missing:p${ids.pB}`)).toMatchObject({
      unit_id: u.zjj,
      points: '-2.00',
      cause_id: null,
    });
    expect(rows.get(`red_light:p${ids.pB}`)).toMatchObject({ points: '-2.00', cause_kind: 'light' });
    expect(Number(rows.get(`red_light:p${ids.pB}`)!.cause_id)).toBe(ids.pB);
    const days = workingDaysBetween('2026-10-20', '2026-10-31');
    expect(rows.get(`item_overdue:i${ids.overdue}`)).toMatchObject({
      unit_id: u.jtj,
      points: (-0.2 * Math.min(days, 10)).toFixed(2),
      cause_kind: 'item',
    });
    expect(rows.get(`item_overdue:i${ids.overdue}`)!.reason).toContain(`逾期 ${days} 个工作日`);
    expect(rows.get(`meeting_absence:m${ids.meeting}:u${u.swj}`)).toMatchObject({ points: '-1.00' });
    expect(rows.has(`meeting_absence:m${ids.meeting}:u${u.zjj}`)).toBe(false); // excused
    // 住建局's pace over pA and pB: (10 + 100 + 100) / (100 + 1000) below 100%, capped at −5
    const pace = rows.get(`investment_pace:u${u.zjj}`)!;
    expect(pace.points).toBe('-5.00');
    expect(pace.reason).toMatch(
      /^序时完成率 \d+\.\d{2}%，10\.00 × \(0\.\d{4} − 1\) = −\d+\.\d{2}，封顶 ±5\.00 分：−5\.00$/,
    );
    // 发改委 is in no group
    expect([...rows.values()].some((r) => r.unit_id === u.fgw)).toBe(false);
    const units = await db().selectFrom('score_unit_months').selectAll().where('month', '=', 10).execute();
    expect(units.map((r) => r.unit_id).sort()).toEqual([u.zjj, u.jtj, u.swj].sort());
    expect(units.find((r) => r.unit_id === u.zjj)).toMatchObject({ planned: '1100.00', done: '200.00' });
  });

  it('the score is the base plus the plain sum of the rows; each cause opens', async () => {
    const res = await c.office.get(`/api/scores/rankings?regionCode=230600&period=2026-10`);
    expect(res.statusCode, res.body).toBe(200);
    const rows = await rowsOf(10);
    const zjj = rows.filter((r) => r.unit_id === u.zjj).reduce((s, r) => s + Number(r.points), 0);
    const entry = (res.json() as Preview).groups[0]!.entries.find((e) => e.unitId === u.zjj)!;
    expect(entry.score).toBe((100 + zjj).toFixed(2));
    const list = await c.office.get(`/api/score-rows?year=2026&month=10&unitId=${u.jtj}`);
    const hrefs = (list.json() as { items: { cause: { href: string | null } }[] }).items.map(
      (i) => i.cause.href,
    );
    expect(hrefs).toContain(`/items/${ids.overdue}`);
  });
});

describe('idempotence and changed facts', () => {
  it('a second recompute writes nothing: same ids, same updated_at; one audit event with the counts', async () => {
    const before = await rowsOf(10);
    const r = await recompute(10);
    expect(r).toMatchObject({
      inserted: 0,
      updated: 0,
      deleted: 0,
      unchanged: before.length,
      schemeId: scheme,
    });
    expect(await rowsOf(10)).toEqual(before);
    const audit = await lastAuditOf('score_month', '230600:2026-10');
    expect(audit.action).toBe('recompute');
    expect(JSON.stringify(audit.diff)).toContain('unchanged');
  });

  it('a report filed since replaces missing by late; a moved deadline updates the item’s row in place', async () => {
    const old = await byKey(10);
    await monthlyReport(c.office, ids.pB, '2026-10', { until: 'submitted' });
    await db().updateTable('items').set({ due_date: '2026-10-28' }).where('id', '=', ids.overdue).execute();
    const r = await recompute(10);
    expect(r).toMatchObject({ inserted: 1, deleted: 1 });
    expect(r.updated).toBeGreaterThanOrEqual(1);
    const rows = await byKey(10);
    expect(rows.has(`report_missing:p${ids.pB}`)).toBe(false);
    expect(rows.get(`report_late:p${ids.pB}`)!.points).toBe('-1.00');
    const item = rows.get(`item_overdue:i${ids.overdue}`)!;
    expect(item.id).toBe(old.get(`item_overdue:i${ids.overdue}`)!.id);
    expect(item.points).toBe((-0.2 * workingDaysBetween('2026-10-28', '2026-10-31')).toFixed(2));
    expect(item.version).toBe(2);
  });

  it('manual rows are untouched and an exemption survives', async () => {
    const manual = await c.office.post('/api/score-rows', {
      regionCode: '230600',
      year: 2026,
      month: 10,
      unitId: u.jtj,
      rule: 'manual_award',
      points: '2',
      reason: '协调解决征地难题，市政府通报表扬',
    });
    expect(manual.statusCode, manual.body).toBe(201);
    const red = (await byKey(10)).get(`red_light:p${ids.pB}`)!;
    const ask = await c.unit.post(`/api/score-rows/${red.id}/exemption`, {
      version: red.version,
      reason: '暴雨停工',
    });
    expect(ask.statusCode, ask.body).toBe(200);
    const asked = (await byKey(10)).get(`red_light:p${ids.pB}`)!;
    const ok = await c.office.post(`/api/score-rows/${red.id}/exemption/decision`, {
      version: asked.version,
      approve: true,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const before = await rowsOf(10);
    const r = await recompute(10);
    expect(r).toMatchObject({ inserted: 0, updated: 0, deleted: 0 });
    expect(await rowsOf(10)).toEqual(before);
    expect((await byKey(10)).get(`red_light:p${ids.pB}`)!.exemption_status).toBe('approved');
    expect(before.filter((x) => x.source === 'manual')).toHaveLength(1);
  });
});

describe('the scheme decides', () => {
  it('caps, weight, per-item cap and a disabled rule; the rows follow the new scheme', async () => {
    const next = await activeTestScheme(db(), '230600', 2026, (cfg) => ({
      ...cfg,
      groups: [{ code: 'dept', name: '市直部门和国有企业', unitIds: [u.zjj, u.jtj, u.swj] }],
      rules: cfg.rules.map((r) =>
        r.code === 'report_late'
          ? { ...r, weight: '1.5000', cap: '2.00' }
          : r.code === 'item_overdue'
            ? { ...r, perItemCap: '0.30' }
            : r.code === 'meeting_absence'
              ? { ...r, enabled: false }
              : r,
      ),
    }));
    const r = await recompute(10);
    expect(r.schemeId).toBe(next);
    const rows = await byKey(10);
    expect(rows.get(`report_late:p${ids.pA}`)!.points).toBe('-1.50');
    expect(rows.get(`cap:report_late:u${u.zjj}`)).toMatchObject({ points: '1.00' }); // −3.00 capped at 2
    expect(rows.get(`cap:report_late:u${u.zjj}`)!.reason).toContain('超过封顶 2.00 分的部分不计');
    expect(rows.get(`item_overdue:i${ids.overdue}`)!.points).toBe('-0.30');
    expect(rows.has(`meeting_absence:m${ids.meeting}:u${u.swj}`)).toBe(false);
    expect(
      [...rows.values()].filter((x) => x.source === 'generated').every((x) => x.scheme_id === next),
    ).toBe(true);
    scheme = next;
  });
});

describe('the preview', () => {
  it('writes nothing and shows what the recompute writes', async () => {
    const before = await rowsOf(10);
    const res = await c.office.post(`/api/assessment-schemes/${scheme}/preview`, { year: 2026, month: 10 });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as Preview;
    expect(await rowsOf(10)).toEqual(before);
    const generated = before.filter((x) => x.source === 'generated');
    const byRule = new Map<string, { rows: number; points: number }>();
    for (const x of generated) {
      const o = byRule.get(x.rule) ?? { rows: 0, points: 0 };
      byRule.set(x.rule, { rows: o.rows + 1, points: o.points + Number(x.points) });
    }
    expect(p.byRule.map((b) => [b.rule, b.rows, b.points])).toEqual(
      [...byRule]
        .map(([rule, o]) => [rule, o.rows, o.points.toFixed(2)])
        .sort((a, b) => order(a[0]) - order(b[0])),
    );
    expect(p.groups[0]!.entries.map((e) => e.unitId).sort()).toEqual([u.zjj, u.jtj, u.swj].sort());
  });
});

const rules = [
  'report_late',
  'report_missing',
  'red_light',
  'referral',
  'item_overdue',
  'item_early_close',
  'investment_pace',
  'meeting_absence',
];
const order = (rule: unknown) => rules.indexOf(String(rule));

describe('later months', () => {
  it('November’s close brings the referral of a project red two months running', async () => {
    await close('2026-11');
    const rows = await byKey(11);
    expect(rows.get(`referral:p${ids.pB}`)).toMatchObject({
      points: '-5.00',
      unit_id: u.zjj,
      cause_kind: 'light',
    });
  });

  it('the nightly job recomputes the previous and current month: an item closed early adds', async () => {
    const due = '2026-12-31';
    const item = await supervisedItem(c.office);
    let v = item.item.version;
    const step = async (by: Client, body: Record<string, unknown>) => {
      const res = await by.post(`/api/items/${item.item.id}/steps`, { version: v, ...body });
      expect(res.statusCode, res.body).toBe(200);
      v = (res.json() as { item: { version: number } }).item.version;
    };
    await step(c.office, { action: 'assign', responsibleUnitId: u.zjj, resolutionDue: due });
    await step(c.unit, { action: 'respond', plan: '协调财政拨付', promisedDate: '2026-12-20' });
    await step(c.unit, { action: 'resolve', resolution: '资金已拨付到位' });
    await step(c.office, { action: 'close' });
    const done = await recomputeRecentMonths(db(), today);
    const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
    expect(done).toContain(`230600:${y}-${String(m).padStart(2, '0')}`);
    if (y === 2026 && m === 12) {
      const rows = await byKey(12);
      expect(rows.get(`item_early_close:i${item.item.id}`)).toMatchObject({ points: '0.50', unit_id: u.zjj });
    }
  });
});
