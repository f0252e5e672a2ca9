/**
 * Demo data of inspections: draws. One published and drawn draw of the city's approved plan whose
 * sources are in the past (双色球 of 2026-03-03 and 2026-03-05, 上证综合指数 of 2026-03-06:
 * invented but plausible values), 3 projects and 5 experts, one expert declined with a substitute,
 * and its inspections created. Runs after the library demo and reads its plan, themes and experts;
 * without an approved plan, a theme or enough experts it does nothing.
 */
import { DrawRefused } from '@ducha/contract';
import type { Db } from '../../db/connection.ts';
import type { Ctx } from '../../platform/access/context.ts';
import { actorById, toActor } from '../../platform/auth/repo.ts';
import { DomainError } from '../../platform/errors.ts';
import { readableProjects } from '../projects/index.ts';
import { createDrawInspections, declinePick, runDraw } from './draw-run.ts';
import { createDraw, publishDraw } from './draws.ts';

export const DEMO_DRAW_VALUES = [
  ['03', '08', '14', '19', '26', '31', '07'],
  ['02', '11', '16', '23', '27', '33', '12'],
  ['3372.65'],
];

export async function seedDemoDraws(db: Db): Promise<void> {
  const plan = await db
    .selectFrom('inspection_plans')
    .select(['id', 'year'])
    .where('region_code', '=', '230600')
    .where('status', '=', 'approved')
    .orderBy('year', 'desc')
    .executeTakeFirst();
  if (!plan) return;
  const themes = await db
    .selectFrom('inspection_themes')
    .select('id')
    .where('plan_id', '=', plan.id)
    .orderBy('sort')
    .limit(2)
    .execute();
  const specialties = await db
    .selectFrom('inspection_experts')
    .select(['specialty', (e) => e.fn.countAll<number>().as('n')])
    .where('region_code', '=', '230600')
    .where('active', '=', true)
    .groupBy('specialty')
    .having((e) => e.fn.countAll(), '>=', 4)
    .orderBy('specialty')
    .limit(2)
    .execute();
  const office = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'office')
    .executeTakeFirst();
  if (!themes.length || specialties.length < 2 || !office) return;
  const ctx: Ctx = { actor: toActor((await actorById(db, office.id))!, 'session'), requestId: 'seed' };
  const projects = (await readableProjects(db, ctx.actor!)).filter(
    (p) => p.active && p.region_code === '230600',
  );
  if (projects.length < 6) return;
  // two themes: 2 projects of the first's candidates and 1 of the second's; one theme: 3 of it
  const strata = themes.map((t, n) => ({
    themeId: t.id,
    count: themes.length === 1 ? 3 : 2 - n,
    projectIds: projects
      .filter((_, k) => k % themes.length === n)
      .slice(0, 8)
      .map((p) => p.id),
  }));
  try {
    const id = await createDraw(db, ctx, {
      planId: plan.id,
      title: `${plan.year} 年第一批“稽察+”双随机抽取`,
      siteOn: `${plan.year}-03-20`,
      projects: strata,
      experts: [
        { specialty: specialties[0]!.specialty, count: 3 },
        { specialty: specialties[1]!.specialty, count: 2 },
      ],
      sources: [
        {
          name: '中国福利彩票双色球（第一期）',
          description: '2026-03-03 开奖的红球 6 个与蓝球 1 个',
          on: '2026-03-03',
          ordered: false,
        },
        {
          name: '中国福利彩票双色球（第二期）',
          description: '2026-03-05 开奖的红球 6 个与蓝球 1 个',
          on: '2026-03-05',
          ordered: false,
        },
        {
          name: '上证综合指数收盘点位',
          description: '2026-03-06 收盘点位（保留两位小数，去掉小数点）',
          on: '2026-03-06',
          ordered: false,
        },
      ],
    });
    await publishDraw(db, ctx, id, 1, '2026-03-01');
    await runDraw(db, ctx, id, { version: 2, values: DEMO_DRAW_VALUES }, '2026-03-06');
    const firstExpert = await db
      .selectFrom('inspection_draw_picks')
      .select('ordinal')
      .where('draw_id', '=', id)
      .where('kind', '=', 'expert')
      .orderBy('ordinal')
      .executeTakeFirstOrThrow();
    await declinePick(
      db,
      ctx,
      id,
      firstExpert.ordinal,
      { version: 3, reason: '现场检查期间另有评审任务，申请谢绝' },
      '2026-03-07',
    );
    await createDrawInspections(db, ctx, id, 4);
    // the demo's story happened in March: its times say so too (the use cases stamp "now")
    await db
      .updateTable('inspection_draws')
      .set({ published_at: new Date('2026-03-01T02:00:00Z'), drawn_at: new Date('2026-03-06T08:00:00Z') })
      .where('id', '=', id)
      .execute();
    await db
      .updateTable('inspection_draw_picks')
      .set({ declined_at: new Date('2026-03-07T01:30:00Z') })
      .where('draw_id', '=', id)
      .where('declined_at', 'is not', null)
      .execute();
  } catch (e) {
    // the library's demo gave too few eligible experts or projects: no demo draw rather than no demo
    if (!(e instanceof DrawRefused || e instanceof DomainError)) throw e;
  }
}
