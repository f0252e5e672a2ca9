/**
 * Ten months of demo reports (January to October 2026) with the mix an office sees: most on time
 * and verified, some late, some missing, some returned and fixed; projects on track, lagging and
 * recovering. Then the month closes run in order (so streaks build: yellow, red, referrals,
 * recoveries) and January to September are published. Deterministic, like the rest of the demo.
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
type Profile = 'steady' | 'lagging' | 'recovering' | 'silent';
const profileOf = (id: number): Profile => {
  const r = rand(id, 1);
  return r < 0.7 ? 'steady' : r < 0.8 ? 'lagging' : r < 0.94 ? 'recovering' : 'silent';
};
/** How much of the month's plan gets done, by profile and month. */
function pace(p: Profile, m: number, id: number): number {
  const noise = 0.9 + rand(id * 13 + m, 2) * 0.25;
  if (p === 'steady') return noise;
  if (p === 'lagging') return 0.45 * noise;
  if (p === 'recovering') return m <= 5 ? 0.5 * noise : 1.35 * noise;
  return 0.6 * noise;
}
const at = (y: number, m: number, d: number) =>
  new Date(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T10:00:00+08:00`);

export async function seedDemoReports(db: Db, lastMonth = 10): Promise<void> {
  const office = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'office')
    .executeTakeFirstOrThrow();
  const ctx: Ctx = { actor: toActor((await actorById(db, office.id))!, 'session'), requestId: 'seed' };
  const plans = await db
    .selectFrom('annual_plans as ap')
    .innerJoin('projects as p', 'p.id', 'ap.project_id')
    .select(['ap.project_id', 'ap.monthly', 'p.actual_start', 'p.name'])
    .where('ap.year', '=', YEAR)
    .where('ap.status', '=', 'approved')
    .execute();
  const rows: Record<string, unknown>[] = [];
  for (const plan of plans) {
    const id = plan.project_id;
    const profile = profileOf(id);
    for (let m = 1; m <= lastMonth; m++) {
      const started =
        plan.actual_start !== null && plan.actual_start <= `${YEAR}-${String(m).padStart(2, '0')}-31`;
      const r = rand(id * 31 + m, 3);
      // the silent ones skip some months; everyone occasionally forgets
      if ((profile === 'silent' && r < 0.45) || r < 0.03) continue;
      const planned = new Decimal(plan.monthly[m - 1] ?? 0);
      // projects not yet started still spend on preliminary work (design, land), against their plan
      const amount = planned.times(pace(profile, m, id)).toDecimalPlaces(2);
      const [ny, nm] = m === 12 ? [YEAR + 1, 1] : [YEAR, m + 1];
      const late = r > 0.85;
      const returned = !late && r > 0.8;
      const submitted = at(ny, nm, late ? 10 + Math.floor(r * 5) : 2 + Math.floor(r * 6));
      // October is still being checked: some verified, some waiting, a few drafts
      const status = m < lastMonth ? 'verified' : r < 0.3 ? 'submitted' : r < 0.4 ? 'draft' : 'verified';
      rows.push({
        project_id: id,
        year: YEAR,
        month: m,
        status,
        investment_month: amount.toFixed(2),
        funds_in_place: { 地方配套: amount.times(0.6).toFixed(2), 银行贷款: amount.times(0.4).toFixed(2) },
        physical_progress: started
          ? profile === 'lagging'
            ? '施工推进缓慢，正在协调要素保障'
            : '按计划施工'
          : '前期手续办理中',
        percent_complete: started ? Math.min(100, m * 8 + Math.floor(r * 10)) : null,
        problems: profile === 'lagging' && m % 3 === 0 ? '征地拆迁进度滞后，需协调' : null,
        next_month_plan: '继续推进主体施工',
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
