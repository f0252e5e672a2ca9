/**
 * Fixtures of the draws' tests (issue 14): a region's approved plan with two themes, experts of two
 * specialties (inserted directly: the library is another part's), and draws taken to a given state
 * through the use cases with a chosen "today", so sources can be dated before or after it.
 */
import type { DrawCreate } from '@ducha/contract';
import type { Ctx } from '../src/platform/access/context.ts';
import { toActor, actorById } from '../src/platform/auth/repo.ts';
import { runDraw } from '../src/modules/inspections/draw-run.ts';
import { createDraw, publishDraw } from '../src/modules/inspections/draws.ts';
import type { TestApp } from './helpers.ts';

export interface PlanFixture {
  planId: number;
  themeIds: number[];
  expertIds: { 工程造价: number[]; 工程质量: number[] };
}

let n = 0;

/** An approved plan of `regionCode` for `year` with two themes and 4 + 4 experts. */
export async function planWithExperts(
  t: TestApp,
  regionCode = '230600',
  year = 2026,
  expert: Partial<Record<'employer_unit_id', number | null>>[] = [],
): Promise<PlanFixture> {
  const db = t.database.db;
  n++;
  const plan = await db
    .insertInto('inspection_plans')
    .values({ region_code: regionCode, year, title: `${year} 年度稽察计划 ${n}`, status: 'approved' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const themes = await db
    .insertInto('inspection_themes')
    .values([
      { plan_id: plan.id, sort: 1, name: '稽察+安全生产' },
      { plan_id: plan.id, sort: 2, name: '稽察+招投标' },
    ])
    .returning('id')
    .execute();
  const ids: PlanFixture['expertIds'] = { 工程造价: [], 工程质量: [] };
  for (const specialty of ['工程造价', '工程质量'] as const)
    for (let k = 0; k < 4; k++) {
      const extra = expert[ids[specialty].length + (specialty === '工程质量' ? 4 : 0)] ?? {};
      const row = await db
        .insertInto('inspection_experts')
        .values({
          region_code: regionCode,
          name: `${specialty}专家${n}-${k + 1}`,
          specialty,
          title: '高级工程师',
          employer: '某咨询公司',
          phone: '13900000000',
          ...extra,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids[specialty].push(row.id);
    }
  return { planId: plan.id, themeIds: themes.map((r) => r.id), expertIds: ids };
}

/** A draft body: theme 1 draws `count` of `projectIds`, one expert of each specialty. */
export const draftBody = (
  f: PlanFixture,
  projectIds: number[],
  count = 1,
  on = '2026-03-03',
): DrawCreate => ({
  planId: f.planId,
  title: '2026 年第一批稽察+双随机抽取',
  siteOn: '2026-03-20',
  projects: [{ themeId: f.themeIds[0]!, count, projectIds }],
  experts: [
    { specialty: '工程造价', count: 1 },
    { specialty: '工程质量', count: 1 },
  ],
  sources: [
    { name: '中国福利彩票双色球', description: '第 2026024 期开奖号码（红球与蓝球）', on, ordered: false },
    { name: '上证综合指数收盘点位', description: '当日收盘点位', on, ordered: false },
  ],
});

/** A system context acting as `username`. */
export async function ctxOf(t: TestApp, username: string): Promise<Ctx> {
  const u = await t.database.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  const row = await actorById(t.database.db, u.id);
  return { actor: toActor(row!, 'session'), requestId: 'test' };
}

export const VALUES = [['05', '11', '17', '22', '28', '31', '09'], ['3367.91']];

/** A draw taken to `until` as the city office (published on 2026-03-01, drawn on 2026-03-06). */
export async function drawTo(
  t: TestApp,
  body: DrawCreate,
  until: 'draft' | 'published' | 'drawn',
  as = 'office',
): Promise<number> {
  const ctx = await ctxOf(t, as);
  const id = await createDraw(t.database.db, ctx, body);
  if (until === 'draft') return id;
  await publishDraw(t.database.db, ctx, id, 1, '2026-03-01');
  if (until === 'published') return id;
  await runDraw(t.database.db, ctx, id, { version: 2, values: VALUES }, '2026-03-06');
  return id;
}
