/**
 * The province generator (bench/province, issue 12) at a small scale: what it writes satisfies the
 * schema and the domain — every state present, a report's and an item's fields as their status
 * requires, stages as their dates allow, plans summing to their months, the lights computed
 * set-based exactly as the month close's rules compute them, the audit chain intact, every foreign
 * key holding — and the real API reads it, with totals that match the tables.
 */
import { stageError } from '../src/modules/projects/rules.ts';
import type { Stage } from '@ducha/contract';
import { defaultLightRules } from '@ducha/contract';
import { sql } from 'kysely';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProvince, type ProvinceSummary } from '../../../bench/province/generate.ts';
import { checkKeys } from '../../../bench/province/load.ts';
import { transaction } from '../src/db/connection.ts';
import { loadFacts } from '../src/modules/lights/close.ts';
import { computeLight, cents, fromCents } from '../src/modules/lights/rules.ts';
import { deadlineResolver, timeliness } from '../src/modules/reports/index.ts';
import { verifyAuditChain } from '../src/platform/audit/audit.ts';
import { monthEnd } from '../src/platform/calendar.ts';
import { createTestApp, login, type Client, type TestApp } from './helpers.ts';

const SCALE = 0.005;
let t: TestApp;
let s: ProvinceSummary;
const rows = async <T>(q: string) => (await sql.raw<T>(q).execute(t.database.db)).rows;
const count = async (q: string) =>
  Number((await rows<{ n: number }>(`select count(*)::int as n from (${q}) x`))[0]!.n);

beforeAll(async () => {
  t = await createTestApp({
    seed: false,
    prepare: async (db) => {
      s = await generateProvince(db, { scale: SCALE });
    },
  });
}, 600_000);

afterAll(async () => {
  await t?.close();
});

/** SQL: today's date in China (`current_date` is the session's, UTC here: a day behind after 16:00 UTC). */
const chinaToday = `(now() at time zone 'Asia/Shanghai')::date`;

describe('the generated province', () => {
  it('has the regions, units, accounts and records of its scale', () => {
    expect(s.regions.cities).toHaveLength(13);
    expect(s.regions.counties.length).toBeGreaterThan(110);
    expect(s.counts.regions).toBe(1 + 13 + s.regions.counties.length);
    expect(s.counts.projects).toBe(500);
    expect(s.counts.items).toBeGreaterThanOrEqual(250);
    expect(s.counts.units).toBeGreaterThan(400);
    expect(Object.keys(s.usersByRole).sort()).toEqual(
      ['admin', 'expert', 'inspector', 'leader', 'office', 'reporter', 'unit'].sort(),
    );
    expect(s.months).toMatchObject({ first: expect.any(String), last: expect.any(String) });
    expect(s.counts.month_closes).toBe(22);
    expect(s.counts.lights).toBe(22 * 500);
  });

  it('has every state of reports, items and lights', async () => {
    const states = async (q: string) => (await rows<{ k: string }>(q)).map((r) => r.k).sort();
    expect(await states(`select distinct status as k from monthly_reports`)).toEqual([
      'draft',
      'returned',
      'submitted',
      'verified',
    ]);
    expect(await states(`select distinct status as k from items`)).toEqual([
      'assigned',
      'closed',
      'merged',
      'new',
      'resolved',
      'responded',
      'returned',
    ]);
    expect(await states(`select distinct kind as k from items`)).toEqual([
      'decision',
      'instruction',
      'problem',
      'rectification',
    ]);
    expect(await states(`select distinct computed as k from lights`)).toEqual(['green', 'red', 'yellow']);
    expect(await count(`select 1 from lights where referral`)).toBeGreaterThan(0);
    expect(await states(`select distinct timeliness as k from lights`)).toEqual([
      'late',
      'missing',
      'on_time',
    ]);
    expect(await states(`select distinct status as k from month_closes`)).toEqual(['computed', 'published']);
    expect(await count(`select 1 from monthly_reports where not current`)).toBeGreaterThanOrEqual(0);
    expect(await count(`select 1 from items where listed`)).toBeGreaterThan(0);
    expect(await count(`select 1 from item_events e where e.item_id = ${s.ids.busyItem}`)).toBeGreaterThan(
      50,
    );
  });

  it("keeps a report's fields as its status requires", async () => {
    const bad = [
      `select 1 from monthly_reports where status = 'verified' and (verified_at is null or verified_by is null or first_submitted_at is null)`,
      `select 1 from monthly_reports where status in ('submitted', 'returned') and (first_submitted_at is null or verified_at is not null)`,
      `select 1 from monthly_reports where status = 'draft' and (first_submitted_at is not null or submitted_at is not null)`,
      `select 1 from monthly_reports where status = 'returned' and return_reason is null`,
      `select 1 from monthly_reports where first_submitted_at <= make_date(year, month, 1) + interval '1 month' - interval '8 hours'`,
      `select 1 from monthly_reports where first_submitted_at > now() or verified_at > now() or verified_at < first_submitted_at`,
      `select 1 from monthly_reports where investment_month < 0`,
      `select project_id, year, month from monthly_reports where current group by 1, 2, 3 having count(*) > 1`,
    ];
    for (const q of bad) expect(await count(q), q).toBe(0);
  });

  it("keeps an item's dates and fields as its status requires", async () => {
    const bad = [
      `select 1 from items where status = 'new' and (assigned_on is not null or responsible_unit_id is not null)`,
      `select 1 from items where status not in ('new', 'merged') and (assigned_on is null or response_due is null or responsible_unit_id is null)`,
      `select 1 from items where status in ('responded', 'resolved', 'closed') and (responded_on is null or promised_date is null or response_plan is null)`,
      `select 1 from items where status in ('resolved', 'closed') and (resolved_on is null or resolution is null)`,
      `select 1 from items where status = 'closed' and (closed_on is null or closed_by is null or closed_on < resolved_on)`,
      `select 1 from items where status <> 'closed' and closed_on is not null`,
      `select 1 from items where status = 'returned' and (return_reason is null or resolved_on is not null)`,
      `select 1 from items where (status = 'merged') <> (merged_into is not null)`,
      `select 1 from items where assigned_on < raised_on or responded_on < assigned_on or resolved_on < responded_on`,
      `select 1 from items where greatest(raised_on, assigned_on, responded_on, resolved_on, closed_on, last_reminded_on) > ${chinaToday}`,
      `select 1 from items where listed and (listed_on is null or listed_due is null or due_date <> listed_due)`,
      `select 1 from items i where reminder_count <> (select count(*) from item_events e where e.item_id = i.id and e.action = 'remind')`,
      `select 1 from items i where not exists (select 1 from item_events e where e.item_id = i.id and e.action = 'raise')`,
      `select 1 from items i where source = 'report' and report_id is null`,
    ];
    for (const q of bad) expect(await count(q), q).toBe(0);
  });

  it('keeps stages as their dates allow and plans summing to their months', async () => {
    const projects = await rows<{
      stage: Stage;
      actual_start: string | null;
      actual_completion: string | null;
      actual_production: string | null;
    }>(`select stage, actual_start, actual_completion, actual_production from projects`);
    const wrong = projects.filter((p) =>
      stageError(p.stage, {
        actualStart: p.actual_start,
        actualCompletion: p.actual_completion,
        actualProduction: p.actual_production,
      }),
    );
    expect(wrong).toEqual([]);
    expect(
      await count(
        `select 1 from annual_plans where (select sum(x) from unnest(monthly) x) <> planned_investment`,
      ),
    ).toBe(0);
    expect(
      await count(
        `select project_id, year from annual_plans where status = 'approved' group by 1, 2 having count(*) > 1`,
      ),
    ).toBe(0);
    expect(
      await count(
        `select 1 from projects p where not exists (select 1 from annual_plans a where a.project_id = p.id)`,
      ),
    ).toBe(0);
    // reached before today in China (the generator's today), whatever the hour in UTC
    expect(await count(`select 1 from plan_milestones where actual_date >= ${chinaToday}`)).toBe(0);
  });

  it('has lights the month close computes the same from the same facts', async () => {
    // the newest month computed set-based (the newest two are the real close's)
    const { y, m } = (
      await rows<{ y: number; m: number }>(
        `select year as y, month as m from month_closes order by year desc, month desc offset 2 limit 1`,
      )
    )[0]!;
    const end = monthEnd(y, m);
    const differ = await transaction(t.database.db, async (trx) => {
      const facts = await loadFacts(trx, '230000', y, m);
      const deadlineOf = deadlineResolver(trx);
      const out: unknown[] = [];
      for (const f of facts) {
        const [
          id,
          ,
          regionCode,
          ,
          ,
          plannedStart,
          actualStart,
          annual,
          planned,
          done,
          submitted,
          overdue,
          prevStreak,
          prevRed,
          ,
          saved,
        ] = f;
        const path = (
          await trx
            .selectFrom('regions')
            .select('path')
            .where('code', '=', regionCode)
            .executeTakeFirstOrThrow()
        ).path;
        const t2 = timeliness(submitted, await deadlineOf(path, y, m));
        const light = computeLight(
          {
            month: m,
            monthEnd: end,
            hasBaseline: annual !== null,
            annualPlan: annual === null ? null : cents(annual),
            plannedToDate: planned === null ? 0n : cents(planned),
            doneToDate: done === null ? 0n : cents(done),
            plannedStart,
            actualStart,
            overdueMilestones: overdue ?? [],
            timeliness: t2,
            previous: prevStreak === null ? null : { streak: prevStreak, redStreak: prevRed ?? 0 },
          },
          defaultLightRules,
        );
        const row = [
          light.color,
          light.reasons,
          light.streak,
          light.redStreak,
          light.referral,
          fromCents(planned === null ? 0n : cents(planned)),
          fromCents(done === null ? 0n : cents(done)),
          annual,
          light.paceRatio,
          light.annualRatio,
          t2,
          '230000',
        ];
        if (!isDeepStrictEqual(row, saved)) out.push({ id, row, saved });
      }
      return { n: facts.length, out };
    });
    expect(differ.n).toBe(500);
    expect(differ.out.slice(0, 3)).toEqual([]);
  });

  it('keeps the audit chain and every foreign key', async () => {
    const chain = await verifyAuditChain(t.database.db);
    expect(chain).toMatchObject({ ok: true });
    expect(chain.checked).toBe(s.counts.audit_events);
    expect(await checkKeys(t.database.db)).toBeGreaterThan(40);
    // timelines have rows: every project, item and list has its events
    for (const [entity, table] of [
      ['project', 'projects'],
      ['item', 'items'],
      ['project_list', 'project_lists'],
    ])
      expect(
        await count(`select 1 from ${table} x where not exists (select 1 from audit_events a
          where a.entity = '${entity}' and a.entity_id = x.id::text)`),
        entity,
      ).toBe(0);
    // the codes the lists' orders read beside each light and membership are their projects' (the
    // load writes them itself: the triggers that would are off)
    for (const table of ['lights', 'project_list_members'])
      expect(
        await count(`select 1 from ${table} x join projects p on p.id = x.project_id
          where x.project_code is distinct from p.code`),
        table,
      ).toBe(0);
    // and the board's scope beside each light: its project's region and active flag (migration 0028)
    expect(
      await count(`select 1 from lights l join projects p on p.id = l.project_id
        where l.region_code is distinct from p.region_code or l.project_active is distinct from p.active`),
    ).toBe(0);
  });

  it('reads through the API with totals that match the tables', async () => {
    const a = s.accounts;
    const as: Record<string, Client> = {};
    for (const u of [a.admin, a.office.county, a.reporter.many, a.unit.typical])
      as[u] = await login(t.app, u, a.password);
    const total = async (c: Client, url: string) => {
      const res = await c.get(url);
      expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
      return (res.json() as { total: number }).total;
    };
    const admin = as[a.admin]!;
    expect(await total(admin, '/api/projects?pageSize=1')).toBe(500);
    expect(await total(admin, '/api/items?pageSize=1')).toBe(s.counts.items);
    expect(await total(admin, `/api/lights?pageSize=1&month=${s.months.latestClosed}`)).toBe(500);
    expect(await total(admin, `/api/reports?pageSize=1&month=${s.months.checking}`)).toBe(
      await count(
        `select 1 from monthly_reports where current and year * 100 + month = ${s.months.checking!.replace('-', '')}`,
      ),
    );
    expect(await total(as[a.office.county]!, '/api/projects?pageSize=1')).toBe(
      await count(`select 1 from projects where region_code = '230623'`),
    );
    const busy = await admin.get(`/api/items/${s.ids.busyItem}`);
    expect(busy.statusCode).toBe(200);
    expect((busy.json() as { events: unknown[] }).events).toHaveLength(
      await count(`select 1 from item_events where item_id = ${s.ids.busyItem}`),
    );
    for (const [c, url] of [
      [as[a.reporter.many]!, '/api/reports/inbox'],
      [as[a.unit.typical]!, '/api/workbench'],
      [as[a.office.county]!, '/api/month-closes/230623/latest?inherit=true'],
      [as[a.office.county]!, `/api/project-lists/${s.ids.countyList}`],
      [admin, `/api/audit?entity=project&id=${s.ids.project}`],
    ] as const) {
      const res = await c.get(url);
      expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    }
  });
});
