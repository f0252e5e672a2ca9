/**
 * The demo's assessment: the city's active 2026 scheme, the ledger of January to October
 * recomputed from the demo's facts (every score the base plus its rows; recomputing again changes
 * nothing), the approved award and the pending penalty, the exemptions, and a 黄牌 for the 住建局
 * waiting for the unit's 签收.
 */
import type { Ranking, RecomputeResult, ScoreCard, ScoreRow, WarningCard } from '@ducha/contract';
import { Decimal } from '@ducha/contract';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemoAssessment } from '../src/modules/assessment/demo-assessment.ts';
import { seedDemoItems } from '../src/modules/items/demo-items.ts';
import { seedDemoMeetings } from '../src/modules/meetings/demo-meetings.ts';
import { seedDemoProjects } from '../src/modules/projects/demo-projects.ts';
import { seedDemoReports } from '../src/modules/reports/demo-reports.ts';
import { verifyAuditChain } from '../src/platform/audit/audit.ts';
import { createTestApp, login, type Client, type TestApp } from './helpers.ts';

let t: TestApp;
let office: Client;
let unit: Client;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoProjects(t.database.db);
  await seedDemoReports(t.database.db);
  await seedDemoItems(t.database.db, '2026-11-21');
  await seedDemoMeetings(t.database.db, '2026-12-02');
  await seedDemoAssessment(t.database.db);
  office = await login(t.app, 'office');
  unit = await login(t.app, 'unit');
}, 240_000);
afterAll(() => t.close());

const rows = async <T>(q: string) => (await sql.raw<T>(q).execute(t.database.db)).rows;
/** GET as `c`, expecting 200, the answer's body. */
async function read<T>(c: Client, url: string): Promise<T> {
  const r = await c.get(url);
  expect(r.statusCode, `${url}: ${r.body}`).toBe(200);
  return r.json() as T;
}

it('activates the city’s 2026 scheme and recomputes January to October', async () => {
  const schemes = await rows<{ status: string; n: number }>(
    `select status, count(*)::int n from assessment_schemes where region_code = '230600' and year = 2026 group by 1`,
  );
  expect(schemes).toEqual([{ status: 'active', n: 1 }]);
  const months = await rows<{ month: number }>(
    `select distinct month from score_unit_months where region_code = '230600' and year = 2026 order by 1`,
  );
  expect(months.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  const byRule = await rows<{ rule: string }>(
    `select distinct rule from score_rows where region_code = '230600' and year = 2026 order by 1`,
  );
  // the demo's facts reach the rules that count reports, lights, items and 序时
  expect(byRule.map((r) => r.rule)).toEqual(
    expect.arrayContaining(['red_light', 'report_late', 'report_missing', 'investment_pace', 'manual_award']),
  );
});

it('gives each ranked unit the base plus its counted rows, and recomputing changes nothing', async () => {
  const r = await read<Ranking>(office, '/api/scores/rankings?regionCode=230600&period=2026-10');
  const entries = r.groups.flatMap((g) => g.entries);
  expect(entries.length).toBeGreaterThan(10);
  for (const e of entries.slice(0, 8)) {
    const ledger = await read<{ sum: string }>(
      office,
      `/api/score-rows?year=2026&month=10&unitId=${e.unitId}&pageSize=1`,
    );
    expect(new Decimal(r.baseScore).plus(ledger.sum).toFixed(2)).toBe(e.score);
  }
  const before = await rows<{ n: number; sum: string }>(
    `select count(*)::int n, sum(points)::text sum from score_rows where region_code = '230600' and year = 2026 and month = 10`,
  );
  const again = await office.post('/api/scores/recompute', {
    regionCode: '230600',
    year: 2026,
    month: 10,
  });
  expect(again.statusCode).toBe(200);
  expect(again.json() as RecomputeResult).toMatchObject({ inserted: 0, updated: 0, deleted: 0 });
  expect(
    await rows(
      `select count(*)::int n, sum(points)::text sum from score_rows where region_code = '230600' and year = 2026 and month = 10`,
    ),
  ).toEqual(before);
});

it('holds the approved award, the pending penalty and the two exemptions', async () => {
  const manual = await rows<{ rule: string; status: string }>(
    `select rule, status from score_rows where source = 'manual' order by rule`,
  );
  expect(manual).toEqual([
    { rule: 'manual_award', status: 'effective' },
    { rule: 'manual_penalty', status: 'pending' },
  ]);
  const mine = await read<{ items: ScoreRow[] }>(unit, '/api/score-rows?year=2026&pageSize=100&sort=month');
  const exempted = mine.items.filter((x) => x.exemption);
  expect(exempted.map((x) => x.exemption!.status).sort()).toEqual(['approved', 'requested']);
  expect(exempted.find((x) => x.exemption!.status === 'approved')!.counted).toBe('0.00');
});

it('leaves the 住建局 a 黄牌 to sign for, on its score card', async () => {
  const cards = await read<{ items: WarningCard[] }>(unit, '/api/warning-cards?year=2026');
  expect(cards.items.some((c) => c.color === 'yellow' && c.status === 'issued')).toBe(true);
  const me = cards.items[0]!.unitId;
  const card = await read<ScoreCard>(unit, `/api/scores/card?unitId=${me}&year=2026&regionCode=230600`);
  expect(card.cards.length).toBe(cards.items.length);
  expect(card.months.filter((m) => m.computed)).toHaveLength(10);
  expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
});
