/**
 * The annual inspection plan (issue 14): one per region and year, four-eyes approval, frozen after
 * it; themes with their rules and pools on constructed projects (the SQL pool agrees with the
 * TypeScript rule on generated projects); check items; the figures per theme from rows inserted
 * directly (the procedure fills them), with their export.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ThemeRule } from '@ducha/contract';
import { regionPaths } from '../src/platform/regions.ts';
import { ruleMatches, type PoolFacts } from '../src/modules/inspections/library-rules.ts';
import { themePoolIds } from '../src/modules/inspections/themes.ts';
import { openWorkbook } from '../src/platform/excel.ts';
import { cityProject, signInAs } from './factories.ts';
import { auditHelpers, createTestApp, expectError, type Client, type TestApp } from './helpers.ts';

let t: TestApp;
let c: Record<'admin' | 'office' | 'office_lindian' | 'leader' | 'unit' | 'expert', Client>;
const { lastAuditOf } = auditHelpers(() => t);

beforeAll(async () => {
  t = await createTestApp();
  c = await signInAs(t, 'admin', 'office', 'office_lindian', 'leader', 'unit', 'expert');
}, 120_000);
afterAll(() => t.close());

let year = 2040;
async function draftPlan(by: Client = c.office, regionCode = '230600') {
  const res = await by.post('/api/inspection-plans', { regionCode, year: year++, title: '年度稽察计划' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; version: number; year: number; status: string };
}

describe('the plan', () => {
  it('is one per region and year, drafted by the office over the region, with its audit', async () => {
    const p = await draftPlan();
    expect(p.status).toBe('draft');
    expect((await lastAuditOf('inspection_plan', p.id)).action).toBe('create');
    const again = await c.office.post('/api/inspection-plans', {
      regionCode: '230600',
      year: p.year,
      title: 'x',
    });
    expectError(again, 409, 'DUPLICATE', 'body.year');
    expectError(
      await c.office_lindian.post('/api/inspection-plans', { regionCode: '230600', year: 2099, title: 'x' }),
      403,
      'OUT_OF_SCOPE',
    );
    expectError(
      await c.leader.post('/api/inspection-plans', { regionCode: '230600', year: 2099, title: 'x' }),
      403,
      'FORBIDDEN',
    );
  });

  it('reads: the city office its counties’ plans, the county office not the city’s', async () => {
    const county = await draftPlan(c.office_lindian, '230623');
    const city = await draftPlan();
    expect((await c.office.get(`/api/inspection-plans/${county.id}`)).statusCode).toBe(200);
    expect((await c.office_lindian.get(`/api/inspection-plans/${city.id}`)).statusCode).toBe(403);
    expect((await c.leader.get(`/api/inspection-plans/${city.id}`)).statusCode).toBe(200);
    expect((await c.unit.get(`/api/inspection-plans/${city.id}`)).statusCode).toBe(403);
    const list = (await c.office_lindian.get('/api/inspection-plans')).json() as { items: { id: number }[] };
    expect(list.items.map((i) => i.id)).toContain(county.id);
    expect(list.items.map((i) => i.id)).not.toContain(city.id);
  });

  it('four eyes: not by its author, by the admin; then its themes, counts and check items are frozen', async () => {
    const p = await draftPlan();
    const theme = (
      await c.office.post(`/api/inspection-plans/${p.id}/themes`, {
        name: '专题一',
        quarterCounts: [1, 2, 3, 4],
      })
    ).json() as {
      id: number;
      version: number;
    };
    const item = (
      await c.office.post(`/api/inspection-plans/${p.id}/check-items`, {
        category: '工程进度',
        content: '形象进度',
      })
    ).json() as {
      id: number;
      version: number;
    };
    const cur = (await c.office.get(`/api/inspection-plans/${p.id}`)).json() as {
      version: number;
      canApprove: boolean;
    };
    expect(cur.canApprove).toBe(false);
    const own = await c.office.post(`/api/inspection-plans/${p.id}/approve`, { version: cur.version });
    expectError(own, 403, 'FORBIDDEN');
    expect(own.json().error.details[0].message).toContain('不能审批自己编制的计划');
    expectError(
      await c.admin.post(`/api/inspection-plans/${p.id}/approve`, { version: cur.version + 5 }),
      409,
      'VERSION_CONFLICT',
    );
    const ok = await c.admin.post(`/api/inspection-plans/${p.id}/approve`, { version: cur.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('approved');
    expect(ok.json().approvedBy).toBeTruthy();
    expect((await lastAuditOf('inspection_plan', p.id)).action).toBe('approve');
    for (const res of [
      await c.office.patch(`/api/inspection-themes/${theme.id}`, {
        version: theme.version,
        quarterCounts: [0, 0, 0, 9],
      }),
      await c.office.post(`/api/inspection-plans/${p.id}/themes`, { name: '专题二' }),
      await c.office.patch(`/api/inspection-check-items/${item.id}`, {
        version: item.version,
        content: '改',
      }),
      await c.office.delete(`/api/inspection-check-items/${item.id}`),
      await c.office.delete(`/api/inspection-themes/${theme.id}`),
      await c.office.patch(`/api/inspection-plans/${p.id}`, { version: ok.json().version, title: '改' }),
    ]) {
      expectError(res, 409, 'INVALID_STATE');
      expect(res.json().error.message).toContain('已冻结');
    }
    expectError(
      await c.admin.post(`/api/inspection-plans/${p.id}/approve`, { version: ok.json().version }),
      409,
      'INVALID_STATE',
    );
  });

  it('the admin’s own draft needs another approver too', async () => {
    const p = await draftPlan(c.admin);
    expectError(
      await c.admin.post(`/api/inspection-plans/${p.id}/approve`, { version: p.version }),
      403,
      'FORBIDDEN',
    );
    expect(
      (await c.office.post(`/api/inspection-plans/${p.id}/approve`, { version: p.version })).statusCode,
    ).toBe(200);
  });
});

describe('themes and check items', () => {
  it('edits with versions, refuses duplicates and a stale version, deletes a draft’s theme with its items', async () => {
    const p = await draftPlan();
    const res = await c.office.post(`/api/inspection-plans/${p.id}/themes`, {
      name: '新增政府投资2000万以上项目',
      rule: { investmentNatures: ['government'], minTotalInvestment: '2000', startedInYear: true },
      quarterCounts: [1, 1, 1, 1],
    });
    expect(res.statusCode, res.body).toBe(201);
    const th = res.json() as { id: number; version: number; rule: ThemeRule };
    expect(th.rule.minTotalInvestment).toBe('2000.00');
    expectError(
      await c.office.post(`/api/inspection-plans/${p.id}/themes`, { name: '新增政府投资2000万以上项目' }),
      409,
      'DUPLICATE',
    );
    expectError(
      await c.office.post(`/api/inspection-plans/${p.id}/themes`, { name: 'x', quarterCounts: [1, 2] }),
      400,
      'VALIDATION',
    );
    expectError(
      await c.office.post(`/api/inspection-plans/${p.id}/themes`, { name: 'y', rule: { color: 'red' } }),
      400,
      'VALIDATION',
    );
    const up = await c.office.patch(`/api/inspection-themes/${th.id}`, {
      version: th.version,
      quarterCounts: [2, 2, 2, 2],
    });
    expect(up.statusCode, up.body).toBe(200);
    expectError(
      await c.office.patch(`/api/inspection-themes/${th.id}`, { version: th.version, name: 'z' }),
      409,
      'VERSION_CONFLICT',
    );
    const item = await c.office.post(`/api/inspection-plans/${p.id}/check-items`, {
      themeId: th.id,
      category: '招投标',
      content: '招标程序',
    });
    expect(item.statusCode, item.body).toBe(201);
    expectError(
      await c.office.post(`/api/inspection-plans/${p.id}/check-items`, { category: '天气', content: 'x' }),
      400,
      'VALIDATION',
    );
    expectError(
      await c.office.post(`/api/inspection-plans/${p.id}/check-items`, {
        themeId: 999999,
        category: '其他',
        content: 'x',
      }),
      400,
      'VALIDATION',
      'body.themeId',
    );
    expect((await c.office.delete(`/api/inspection-themes/${th.id}`)).statusCode).toBe(200);
    const detail = (await c.office.get(`/api/inspection-plans/${p.id}`)).json() as {
      themes: unknown[];
      checkItems: unknown[];
    };
    expect(detail.themes).toEqual([]);
    expect(detail.checkItems).toEqual([]);
  });

  it('the pool: the active projects of the plan’s subtree its rule selects, by code, and themePoolIds agrees', async () => {
    const p = await draftPlan();
    const y = p.year;
    const mk = (code: string, o: Record<string, unknown>) => cityProject(c.admin, { code, ...o });
    const a = await mk('POOL-A', {
      totalInvestment: '3000',
      plannedStart: `${y}-03-01`,
      fundingSources: ['中央资金'],
    });
    await mk('POOL-B', { totalInvestment: '1999.99', plannedStart: `${y}-03-01` });
    await mk('POOL-C', {
      totalInvestment: '5000',
      investmentNature: 'enterprise',
      plannedStart: `${y}-03-01`,
    });
    await mk('POOL-D', { totalInvestment: '5000', plannedStart: `${y - 1}-03-01` });
    const e = await mk('POOL-E', {
      totalInvestment: '2000',
      actualStart: `${y}-06-01`,
      regionCode: '230623',
    });
    const th = (
      await c.office.post(`/api/inspection-plans/${p.id}/themes`, {
        name: '新增政府投资2000万以上项目',
        rule: { investmentNatures: ['government'], minTotalInvestment: '2000', startedInYear: true },
      })
    ).json() as { id: number; poolCount: number };
    expect(th.poolCount).toBe(2);
    const pool = (await c.office.get(`/api/inspection-themes/${th.id}/pool?pageSize=10`)).json() as {
      items: { id: number; code: string; regionCode: string; totalInvestment: string }[];
      total: number;
    };
    expect(pool.total).toBe(2);
    expect(pool.items.map((i) => i.code)).toEqual(['POOL-A', 'POOL-E']);
    expect(pool.items[0]).toMatchObject({ id: a.id, regionCode: '230600', totalInvestment: '3000.00' });
    expect(await themePoolIds(t.database.db, th.id)).toEqual([a.id, e.id]);
    // a county plan's pool is its own subtree only
    const cp = await draftPlan(c.office_lindian, '230623');
    const ct = (
      await c.office_lindian.post(`/api/inspection-plans/${cp.id}/themes`, { name: '全部', rule: {} })
    ).json() as { id: number };
    const ids = await themePoolIds(t.database.db, ct.id);
    expect(ids).toContain(e.id);
    expect(ids).not.toContain(a.id);
    expect((await c.office_lindian.get(`/api/inspection-themes/${th.id}/pool`)).statusCode).toBe(403);
    // central funds
    const cf = (
      await c.office.post(`/api/inspection-plans/${p.id}/themes`, {
        name: '中央资金',
        rule: { fundingSources: ['中央资金'] },
      })
    ).json() as {
      id: number;
    };
    expect(await themePoolIds(t.database.db, cf.id)).toEqual([a.id]);
  });

  it('the SQL pool and the TypeScript rule agree on generated projects', async () => {
    const p = await draftPlan();
    const y = p.year;
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const pick = <T>(xs: readonly T[]) => xs[rnd(xs.length)]!;
    for (let i = 0; i < 30; i++)
      await cityProject(c.admin, {
        code: `GEN-${y}-${String(i).padStart(2, '0')}`,
        regionCode: pick(['230600', '230623']),
        investmentNature: pick(['government', 'enterprise', 'ppp']),
        totalInvestment: pick(['500', '1999.99', '2000', '8000']),
        plannedStart: pick([null, `${y}-02-01`, `${y - 1}-02-01`]),
        actualStart: pick([null, `${y}-09-01`]),
        sector: pick(['城乡建设', '工业']),
        tags: pick([[], ['民生实事'], ['招商引资']]),
        fundingSources: pick([[], ['中央资金'], ['政府专项债券', '银行贷款']]),
      });
    const rules: ThemeRule[] = [
      {},
      { investmentNatures: ['government'], minTotalInvestment: '2000', startedInYear: true },
      { investmentNatures: ['enterprise', 'ppp'] },
      { fundingSources: ['中央资金'] },
      { tags: ['民生实事'], sectors: ['城乡建设'] },
      { stages: ['reserve'], minTotalInvestment: '1999.99' },
      { leaderLinked: true },
      { listLevels: ['city'] },
    ];
    const rows = await sql<{
      id: number;
      code: string;
      active: boolean;
      region_code: string;
      investment_nature: string;
      total_investment: string;
      planned_start: string | null;
      actual_start: string | null;
      stage: string;
      sector: string;
      tags: string[];
      funding_sources: string[];
      leader_position_id: number | null;
    }>`select id, code, active, region_code, investment_nature, total_investment::text, planned_start::text,
        actual_start::text, stage, sector, tags, funding_sources, leader_position_id from projects order by code, id`.execute(
      t.database.db,
    );
    const paths = await regionPaths(
      t.database.db,
      rows.rows.map((r) => r.region_code),
    );
    const facts = (r: (typeof rows.rows)[number]): PoolFacts => ({
      active: r.active,
      regionPath: paths.get(r.region_code)!,
      investmentNature: r.investment_nature,
      totalInvestment: r.total_investment,
      plannedStart: r.planned_start,
      actualStart: r.actual_start,
      stage: r.stage,
      sector: r.sector,
      tags: r.tags,
      fundingSources: r.funding_sources,
      leaderPositionId: r.leader_position_id,
      listLevels: [],
    });
    const root = paths.get('230600')!;
    for (const [i, rule] of rules.entries()) {
      const th = (
        await c.office.post(`/api/inspection-plans/${p.id}/themes`, { name: `生成${i}`, rule })
      ).json() as { id: number };
      const want = rows.rows.filter((r) => ruleMatches(facts(r), rule, root, y)).map((r) => r.id);
      expect(await themePoolIds(t.database.db, th.id), JSON.stringify(rule)).toEqual(want);
    }
  });
});

describe('figures', () => {
  it('per theme and year: done, problems, suggestions, reports and the rectification rate, with totals and export', async () => {
    const db = t.database.db;
    const p = await draftPlan();
    const t1 = (
      await c.office.post(`/api/inspection-plans/${p.id}/themes`, { name: '市镇长工程' })
    ).json() as { id: number };
    const t2 = (
      await c.office.post(`/api/inspection-plans/${p.id}/themes`, { name: '中央资金使用(管理)项' })
    ).json() as { id: number };
    const proj = await cityProject(c.admin, {});
    const ins = async (theme: number | null, status: string, n: number) =>
      (
        await db
          .insertInto('inspections')
          .values({
            region_code: '230600',
            plan_id: theme ? p.id : null,
            theme_id: theme,
            project_id: proj.id,
            code: `FIG-${p.year}-${n}`,
            status: status as 'planned',
            site_on: `${p.year}-05-01`,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const a = await ins(t1.id, 'archived', 1);
    const b = await ins(t1.id, 'on_site', 2);
    const d = await ins(t2.id, 'formal_report', 3);
    await ins(null, 'draft_report', 4);
    // two rectification items: one closed, one open (statuses set directly: the figures read them live)
    const item = async (status: string) =>
      (
        await sql<{
          id: number;
        }>`insert into items (code, kind, source, title, description, region_code, project_id, category, status, raised_on)
          values (${`FIG-ITEM-${p.year}-${status}`}, 'rectification', 'inspection', '整改', '整改', '230600', ${proj.id}, '资金', ${status},
            current_date) returning id`.execute(db)
      ).rows[0]!.id;
    const closed = await item('closed');
    const open = await item('assigned');
    const finding = (
      inspection: number,
      kind: 'problem' | 'suggestion',
      itemId: number | null,
      sort: number,
    ) =>
      db
        .insertInto('inspection_findings')
        .values({
          inspection_id: inspection,
          kind,
          sort,
          category: '工程进度',
          content: 'x',
          item_id: itemId,
        })
        .execute();
    await finding(a, 'problem', closed, 1);
    await finding(a, 'problem', open, 2);
    await finding(a, 'suggestion', null, 3);
    await finding(b, 'problem', null, 1);
    await finding(d, 'suggestion', null, 1);
    const res = await c.office.get(`/api/inspection-figures?year=${p.year}&regionCode=230600`);
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json() as { rows: Record<string, unknown>[]; total: Record<string, unknown> };
    expect(f.rows).toEqual([
      {
        theme: '市镇长工程',
        inspections: 2,
        done: 1,
        problems: 3,
        suggestions: 1,
        reports: 1,
        rectifications: 2,
        rectified: 1,
        rectificationRate: 0.5,
      },
      {
        theme: '中央资金使用(管理)项',
        inspections: 1,
        done: 1,
        problems: 0,
        suggestions: 1,
        reports: 1,
        rectifications: 0,
        rectified: 0,
        rectificationRate: null,
      },
      {
        theme: null,
        inspections: 1,
        done: 1,
        problems: 0,
        suggestions: 0,
        reports: 0,
        rectifications: 0,
        rectified: 0,
        rectificationRate: null,
      },
    ]);
    expect(f.total).toMatchObject({
      inspections: 4,
      done: 3,
      problems: 3,
      suggestions: 2,
      reports: 2,
      rectificationRate: 0.5,
    });
    // the county office does not read the city's figures; the leader does
    expect(
      (await c.office_lindian.get(`/api/inspection-figures?year=${p.year}&regionCode=230600`)).statusCode,
    ).toBe(403);
    expect((await c.leader.get(`/api/inspection-figures?year=${p.year}`)).statusCode).toBe(200);
    expect((await c.unit.get(`/api/inspection-figures?year=${p.year}`)).statusCode).toBe(403);
    const x = await c.office.get(`/api/inspection-figures/export.xlsx?year=${p.year}&regionCode=230600`);
    expect(x.statusCode).toBe(200);
    const wb = await openWorkbook(x.rawPayload);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(2).getCell(1).value).toBe('市镇长工程');
    expect(ws.getRow(5).getCell(1).value).toBe('合计');
    expect(ws.getRow(5).getCell(9).value).toBe('50.0%');
  });
});
