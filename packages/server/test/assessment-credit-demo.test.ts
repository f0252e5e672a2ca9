/**
 * The demo's enterprise credit (seed 003): 41 agent-builders (甲类 14, 乙类 27) over the seven
 * specialties, contractors and supervisors; two quarters of evaluations graded by the rules, the
 * one 优秀 with its good record and the one 不合格 with its bad record and the firm suspended; the
 * public list without the suspended firm. Read through the API where the pages read it.
 */
import type { Enterprise, Evaluation, CreditRecord } from '@ducha/contract';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadCreditDemo } from '../src/modules/assessment/demo-credit.ts';
import { gradeOf } from '../src/modules/assessment/credit-rules.ts';
import { seedDemoProjects } from '../src/modules/projects/demo-projects.ts';
import { signInAs } from './factories.ts';
import { createTestApp, type Client, type TestApp } from './helpers.ts';

let t: TestApp;
let office: Client;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoProjects(t.database.db);
  await loadCreditDemo(t.database.db);
  ({ office } = await signInAs(t, 'office'));
}, 120_000);
afterAll(() => t.close());

const get = async <T>(url: string) => {
  const res = await office.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};

it('the directory: 41 agent-builders, 14 甲 and 27 乙, every specialty held; contractors and supervisors', async () => {
  const { items } = await get<{ items: Enterprise[] }>('/api/enterprises?pageSize=100');
  const agents = items.filter((e) => e.kind === 'agent');
  expect(agents).toHaveLength(41);
  expect(agents.filter((e) => e.grade === 'A')).toHaveLength(14);
  expect(agents.filter((e) => e.grade === 'B')).toHaveLength(27);
  expect(new Set(agents.flatMap((e) => e.specialties)).size).toBe(7);
  expect(items.filter((e) => e.kind === 'contractor')).toHaveLength(6);
  expect(items.filter((e) => e.kind === 'supervisor')).toHaveLength(4);
  expect(agents.map((e) => e.unitName)).toContain('大庆市城市建设投资开发有限公司');
  expect(items.filter((e) => e.status === 'suspended')).toHaveLength(1);
});

it('two quarters of evaluations graded by the rules; one 优秀 with a good record, one 不合格 with a bad one', async () => {
  const { items, total } = await get<{ items: Evaluation[]; total: number }>(
    '/api/enterprise-evaluations?year=2026&pageSize=100',
  );
  expect(total).toBe(16);
  expect(new Set(items.map((e) => e.quarter))).toEqual(new Set([1, 2]));
  for (const e of items) expect(e.grade).toBe(gradeOf(e.score));
  const excellent = items.filter((e) => e.grade === 'excellent');
  const fail = items.filter((e) => e.grade === 'fail');
  expect([excellent.length, fail.length]).toEqual([1, 1]);
  expect(
    items
      .filter((e) => e.creditRecordId !== null)
      .map((e) => e.id)
      .sort(),
  ).toEqual([excellent[0]!.id, fail[0]!.id].sort());
  const bad = await get<{ items: CreditRecord[] }>(
    `/api/credit-records?enterpriseId=${fail[0]!.enterpriseId}`,
  );
  expect(bad.items).toHaveLength(1);
  expect(bad.items[0]).toMatchObject({ kind: 'bad', causeKind: 'evaluation', causeId: fail[0]!.id });
  expect(bad.items[0]!.reason).toContain('不合格（55.50分）');
  const firm = await get<Enterprise>(`/api/enterprises/${fail[0]!.enterpriseId}`);
  expect(firm).toMatchObject({ status: 'suspended', badRecords: 1, latestScore: '55.50' });
  const good = await get<{ items: CreditRecord[] }>('/api/credit-records?kind=good');
  expect(good.items.map((r) => r.causeKind).sort()).toEqual(['evaluation', 'manual']);
});

it('the public list shows the admitted firms only', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/public/enterprises?kind=agent&pageSize=100' });
  expect(res.statusCode).toBe(200);
  expect((res.json() as { total: number }).total).toBe(40);
});
