/**
 * Ten months of demo reports (January to October 2026) with the mix an office sees: most on time
 * and verified, some late, a few missing (the next month's report catches the amount up), some
 * returned and fixed; October still being checked. Then the month closes run in order (so streaks
 * build: yellow, red, referrals, recoveries) and January to September are published.
 *
 * The year's lights are meant to look like seed 002's Ziyang (177 projects: 33 ever red, 84 ever
 * yellow, 31 yellow back to green, 14 out of red), scaled to the demo's 145: each project gets a
 * story, by a deterministic draw with fixed shares, told through its cumulative pace against the
 * baseline (序时完成率): on track, one slow month, two or three slow months then caught up, or
 * slowing down in the autumn; a few skip reports. Start and milestone delays come from the registry
 * (demo-projects.ts). Deterministic, like the rest of the demo.
 */
import { Decimal } from '@ducha/contract';
import { insertJson } from '../../db/bulk.ts';
import { transaction, type Db } from '../../db/connection.ts';
import type { Ctx } from '../../platform/access/context.ts';
import { recordAudits } from '../../platform/audit/audit.ts';
import { actorById, toActor } from '../../platform/auth/repo.ts';
import { publishClose, runClose } from '../lights/index.ts';

const YEAR = 2026;
/** A deterministic 0–1 number per (i, salt): demo data is the same on every machine. */
export const rand = (i: number, salt: number) => ((Math.sin(i * 7919 + salt * 104729) + 1) * 43758.5453) % 1;

/**
 * A project's year: `slow` months (cumulative pace 70–82% of the baseline to date, so LAG), or
 * `skip` months without a report. Everything else is on track (97–109%).
 */
interface Story {
  kind: 'steady' | 'slip' | 'slip2' | 'slip3' | 'autumn' | 'silent';
  slow: number[];
  skip: number[];
}
/** Shares of each story, in draw order (the rest are steady). */
const shares: [Story['kind'], number][] = [
  ['slip', 0.06],
  ['slip2', 0.05],
  ['slip3', 0.02],
  ['autumn', 0.06],
  ['silent', 0.015],
];
const range = (from: number, n: number) => Array.from({ length: n }, (_, k) => from + k);

/** Stories for projects `ids`: ranked by a fixed draw, so the shares hold whatever the ids are. */
export function stories(ids: number[]): Map<number, Story> {
  const ranked = [...ids].sort((a, b) => rand(a, 1) - rand(b, 1) || a - b);
  const out = new Map<number, Story>();
  let at = 0;
  const take = (kind: Story['kind'], share: number) => {
    const n = Math.round(share * ids.length);
    for (const id of ranked.slice(at, at + n)) {
      const r = rand(id, 4);
      const story: Story =
        kind === 'slip'
          ? { kind, slow: [4 + Math.floor(r * 6)], skip: [] } // April to September
          : kind === 'slip2'
            ? { kind, slow: range(4 + Math.floor(r * 5), 2), skip: [] }
            : kind === 'slip3'
              ? { kind, slow: range(4 + Math.floor(r * 4), 3), skip: [] }
              : kind === 'autumn'
                ? { kind, slow: range(r < 0.5 ? 9 : 10, r < 0.5 ? 2 : 1), skip: [] } // red or yellow in October
                : { kind, slow: [], skip: range(5 + Math.floor(r * 4), 2) };
      out.set(id, story);
    }
    at += n;
  };
  for (const [kind, share] of shares) take(kind, share);
  for (const id of ranked.slice(at)) out.set(id, { kind: 'steady', slow: [], skip: [] });
  return out;
}

const at = (y: number, m: number, d: number) =>
  new Date(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T10:00:00+08:00`);

export async function seedDemoReports(db: Db, lastMonth = 10): Promise<void> {
  const office = await db
    .selectFrom('users')
    .select(['id', 'unit_id'])
    .where('username', '=', 'office')
    .executeTakeFirstOrThrow();
  const reporter = await db
    .selectFrom('users')
    .select('unit_id')
    .where('username', '=', 'reporter')
    .executeTakeFirst();
  const ctx: Ctx = { actor: toActor((await actorById(db, office.id))!, 'session'), requestId: 'seed' };
  const plans = await db
    .selectFrom('annual_plans as ap')
    .innerJoin('projects as p', 'p.id', 'ap.project_id')
    .select(['ap.project_id', 'ap.monthly', 'p.actual_start', 'p.owner_unit_id'])
    .where('ap.year', '=', YEAR)
    .where('ap.status', '=', 'approved')
    .orderBy('ap.project_id')
    .execute();
  const story = stories(plans.map((p) => p.project_id));
  // the reporter's company always has something owed: a September report missing, an October draft
  const theirs = plans.filter((p) => reporter?.unit_id && p.owner_unit_id === reporter.unit_id);
  const forcedSkip = new Set(theirs.slice(0, 2).map((p) => `${p.project_id}:9`));
  const forcedDraft = new Set(theirs.slice(2, 4).map((p) => p.project_id));
  const rows: Record<string, unknown>[] = [];
  for (const plan of plans) {
    const id = plan.project_id;
    const { kind, slow, skip } = story.get(id)!;
    let planned = new Decimal(0);
    let reported = new Decimal(0);
    for (let m = 1; m <= lastMonth; m++) {
      planned = planned.plus(plan.monthly[m - 1] ?? 0);
      const started =
        plan.actual_start !== null && plan.actual_start <= `${YEAR}-${String(m).padStart(2, '0')}-31`;
      const r = rand(id * 31 + m, 3);
      // the silent ones skip two months; anyone occasionally forgets (the next report catches up)
      if (skip.includes(m) || forcedSkip.has(`${id}:${m}`) || r < 0.008) continue;
      const lagging = slow.includes(m);
      // the cumulative pace this month: behind in a slow month, on track otherwise
      const pace = lagging ? 0.7 + rand(id * 13 + m, 2) * 0.12 : 0.97 + rand(id * 13 + m, 2) * 0.12;
      // projects not yet started still spend on preliminary work (design, land), against their plan
      const target = planned.times(pace).toDecimalPlaces(2);
      const amount = Decimal.max(target.minus(reported), 0);
      reported = reported.plus(amount);
      const [ny, nm] = m === 12 ? [YEAR + 1, 1] : [YEAR, m + 1];
      const late = r > 0.9;
      const returned = !late && r > 0.85;
      const submitted = at(ny, nm, late ? 10 + Math.floor(r * 5) : 2 + Math.floor(r * 6));
      // October is still being checked: some verified, some waiting, a few drafts
      const status =
        m < lastMonth
          ? 'verified'
          : forcedDraft.has(id) || (r > 0.3 && r < 0.41)
            ? 'draft'
            : r < 0.3
              ? 'submitted'
              : 'verified';
      rows.push({
        project_id: id,
        year: YEAR,
        month: m,
        status,
        investment_month: amount.toFixed(2),
        funds_in_place: { 地方配套: amount.times(0.6).toFixed(2), 银行贷款: amount.times(0.4).toFixed(2) },
        physical_progress: started
          ? lagging
            ? '施工推进缓慢，正在协调要素保障'
            : '按计划施工'
          : '前期手续办理中',
        percent_complete: started ? Math.min(100, m * 8 + Math.floor(r * 10)) : null,
        problems: lagging
          ? kind === 'autumn'
            ? '入秋后施工人员不足，冬季施工方案未落实'
            : '征地拆迁进度滞后，需协调'
          : null,
        next_month_plan: lagging ? '增加施工力量，倒排工期追赶进度' : '继续推进主体施工',
        signer: '项目负责人',
        first_submitted_at: status === 'draft' ? null : submitted,
        submitted_at: status === 'draft' ? null : returned ? at(ny, nm, 9) : submitted,
        return_reason: returned ? '资金到位数据与凭证不符，请核实后重报' : null,
        verified_by: status === 'verified' ? office.id : null,
        verified_at: status === 'verified' ? at(ny, nm, 11) : null,
        created_by: office.id,
      });
    }
  }
  await transaction(db, async (trx) => {
    for (let i = 0; i < rows.length; i += 2000)
      await insertJson(trx, 'monthly_reports', rows.slice(i, i + 2000));
    const projects = [...new Set(rows.map((r) => r.project_id as number))];
    await recordAudits(
      trx,
      ctx,
      projects.map((id) => ({
        entity: 'project',
        entityId: id,
        action: 'update',
        after: { reports: '演示数据：1—10 月月报' },
      })),
    );
  });
  const city = await db
    .selectFrom('regions')
    .select(['code', 'path'])
    .where('code', '=', '230600')
    .executeTakeFirstOrThrow();
  for (let m = 1; m <= lastMonth; m++) {
    await runClose(db, ctx, city, YEAR, m);
    if (m < lastMonth) await publishClose(db, ctx, city.code, `${YEAR}-${String(m).padStart(2, '0')}`);
  }
}
