/**
 * The public pages' reads (一公开, issue 14 Must 6): answered without a session; only approved
 * plans, published draws and inspections at their formal report or later; never a phone number.
 */
import type { PublicDraw, PublicPlan } from '@ducha/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cityProject, signInAs } from './factories.ts';
import { createTestApp, type TestApp } from './helpers.ts';
import { draftBody, drawTo, planWithExperts, type PlanFixture } from './inspection-draws-fixtures.ts';

let t: TestApp;
let f: PlanFixture;
let drawn: number;
let draft: number;
let project: number;

const anon = (url: string) => t.app.inject({ method: 'GET', url });

beforeAll(async () => {
  t = await createTestApp();
  const { office } = await signInAs(t, 'office');
  project = (await cityProject(office, { name: '林甸县城区供热管网改造工程' })).id;
  f = await planWithExperts(t);
  const db = t.database.db;
  await db
    .insertInto('inspection_check_items')
    .values([
      {
        plan_id: f.planId,
        theme_id: null,
        sort: 1,
        category: '基本建设程序',
        content: '项目审批、核准、备案手续是否完备',
      },
      {
        plan_id: f.planId,
        theme_id: f.themeIds[0]!,
        sort: 2,
        category: '安全生产',
        content: '安全生产责任制是否落实',
      },
    ])
    .execute();
  await db
    .insertInto('inspection_plans')
    .values({ region_code: '230623', year: 2026, title: '未批准的计划', status: 'draft' })
    .execute();
  drawn = await drawTo(t, draftBody(f, [project]), 'drawn');
  draft = await drawTo(t, draftBody(f, [project]), 'draft');
  const mk = async (code: string, status: 'planned' | 'formal_report' | 'archived') =>
    (
      await db
        .insertInto('inspections')
        .values({
          region_code: '230600',
          plan_id: f.planId,
          theme_id: f.themeIds[0]!,
          project_id: project,
          code,
          status,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const reported = await mk('JC-2026-901', 'formal_report');
  await mk('JC-2026-902', 'planned');
  await mk('JC-2026-903', 'archived');
  await db
    .insertInto('inspection_findings')
    .values([
      { inspection_id: reported, kind: 'problem', sort: 1, category: '安全', content: '未设置安全警示标志' },
      { inspection_id: reported, kind: 'problem', sort: 2, category: '质量', content: '混凝土试块留置不足' },
      { inspection_id: reported, kind: 'suggestion', sort: 3, category: '管理', content: '完善台账' },
    ])
    .execute();
  await db
    .insertInto('inspection_documents')
    .values({
      inspection_id: reported,
      kind: 'formal_report',
      body: JSON.stringify({ summary: '发现问题 2 个，已限期整改' }),
    })
    .execute();
}, 120_000);
afterAll(() => t.close());

describe('public pages without a session', () => {
  it('lists approved plans only, with themes and check items', async () => {
    const res = await anon('/api/public/plans');
    expect(res.statusCode).toBe(200);
    const list = res.json() as { items: { id: number; title: string; themes: unknown[] }[] };
    expect(list.items.map((p) => p.id)).toEqual([f.planId]);
    expect(list.items[0]!.themes).toHaveLength(2);
    const plan = (await anon(`/api/public/plans/${f.planId}`)).json() as PublicPlan;
    expect(plan.checkItems.map((c) => c.content)).toEqual([
      '项目审批、核准、备案手续是否完备',
      '安全生产责任制是否落实',
    ]);
    const unapproved = await t.database.db
      .selectFrom('inspection_plans')
      .select('id')
      .where('status', '=', 'draft')
      .executeTakeFirstOrThrow();
    expect((await anon(`/api/public/plans/${unapproved.id}`)).statusCode).toBe(404);
  });

  it('lists published draws only; a draw’s document without phone numbers', async () => {
    const list = (await anon('/api/public/draws')).json() as { items: { id: number }[] };
    expect(list.items.map((d) => d.id)).toEqual([drawn]);
    const res = await anon(`/api/public/draws/${drawn}`);
    expect(res.statusCode).toBe(200);
    const d = res.json() as PublicDraw;
    expect(d.document.result?.picks.length).toBe(3);
    expect(res.body).not.toContain('13900000000');
    expect((await anon(`/api/public/draws/${draft}`)).statusCode).toBe(404);
  });

  it('lists results notices at the formal report or later, with counts and the summary', async () => {
    const res = await anon('/api/public/results');
    expect(res.statusCode).toBe(200);
    const items = (
      res.json() as {
        items: {
          code: string;
          problems: number;
          suggestions: number;
          summary: string | null;
          rectification: string;
          projectName: string;
        }[];
      }
    ).items;
    expect(items.map((i) => i.code)).toEqual(['JC-2026-903', 'JC-2026-901']);
    expect(items[1]).toMatchObject({
      problems: 2,
      suggestions: 1,
      summary: '发现问题 2 个，已限期整改',
      rectification: '已出具正式报告，待整改',
      projectName: '林甸县城区供热管网改造工程',
    });
    expect(items[0]!.summary).toBeNull();
  });
});
