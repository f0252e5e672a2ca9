/**
 * The demo's assessment (考核): the city's 2026 scheme from the seeds (the default: two ranking
 * groups, the 红黑榜 and 红黄牌 triggers), activated by the office; the ledger recomputed for each
 * closed month (January to October) from the demo's reports, lights, items and meetings, which
 * also issues the cards their triggers call for; one manual award approved by the leader (the
 * author is the office: four eyes), one penalty still waiting for approval; an exemption
 * (不可抗力) asked by the 住建局 and approved by the office, and a second one waiting; and a 黄牌
 * for the 住建局 left to sign for (签收), so a unit user finds one in the demo.
 */
import { transaction, type Db } from '../../db/connection.ts';
import type { Ctx } from '../../platform/access/context.ts';
import { actorById, toActor } from '../../platform/auth/repo.ts';
import { createCard } from './cards.ts';
import { askExemption, createManualRow, decideExemption, decideManualRow } from './manual-rows.ts';
import { recomputeMonth } from './recompute.ts';
import { activateScheme, createScheme } from './schemes.ts';

const CITY = '230600';
const YEAR = 2026;
const CLOSED_MONTHS = 10;
/** the demo's day (its meetings and inspections are laid out to it) */
const DEMO_TODAY = '2026-12-02';

async function ctxOf(db: Db, username: string): Promise<Ctx> {
  const u = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return { actor: toActor((await actorById(db, u.id))!, 'session'), requestId: 'seed' };
}

const unitId = async (db: Db, name: string) =>
  (await db.selectFrom('units').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;

export async function seedDemoAssessment(db: Db): Promise<void> {
  const office = await ctxOf(db, 'office');
  const leader = await ctxOf(db, 'leader');
  const unit = await ctxOf(db, 'unit');

  const draft = await createScheme(db, office, {
    regionCode: CITY,
    year: YEAR,
    name: '大庆市2026年度重点项目建设考核方案',
    notes:
      '依据市重点项目建设领导小组2026年工作要点：按月排名、设红黑榜，实行红黄牌警示，年终汇总计入年度目标考核。',
  });
  await activateScheme(db, office, draft.id, draft.version);

  for (let m = 1; m <= CLOSED_MONTHS; m++)
    await transaction(db, (trx) => recomputeMonth(trx, office, CITY, YEAR, m, DEMO_TODAY));

  const award = await createManualRow(db, office, {
    regionCode: CITY,
    year: YEAR,
    month: 9,
    unitId: await unitId(db, '大庆市交通运输局'),
    rule: 'manual_award',
    points: '2.00',
    reason: '林甸至杜蒙公路项目提前两个月建成通车，获省交通运输厅通报表扬',
  });
  await decideManualRow(db, leader, award.id, { version: award.version, approve: true, note: '同意加分' });
  await createManualRow(db, office, {
    regionCode: CITY,
    year: YEAR,
    month: 10,
    unitId: await unitId(db, '大庆市水务局'),
    rule: 'manual_penalty',
    points: '1.00',
    reason: '10月调度会交办的防洪工程问题未按期报送整改情况',
  });

  // the 住建局's deductions: the first is exempted (asked by the unit, approved by the office),
  // the second waits for the office's decision
  const zjj = await unitId(db, '大庆市住房和城乡建设局');
  const deductions = await db
    .selectFrom('score_rows')
    .select(['id', 'version'])
    .where('region_code', '=', CITY)
    .where('year', '=', YEAR)
    .where('unit_id', '=', zjj)
    .where('source', '=', 'generated')
    .where('points', '<', '0')
    .where('rule', 'in', ['red_light', 'report_late'])
    .orderBy('month')
    .orderBy('id')
    .limit(2)
    .execute();
  const [first, second] = deductions;
  if (first) {
    const asked = await askExemption(db, unit, Number(first.id), {
      version: first.version,
      reason: '7月下旬连续强降雨，施工现场停工12天（不可抗力），已附气象部门证明',
    });
    await decideExemption(db, office, asked.id, {
      version: asked.version,
      approve: true,
      note: '情况属实，同意豁免',
    });
  }
  if (second)
    await askExemption(db, unit, Number(second.id), {
      version: second.version,
      reason: '项目用地调规审批在省级部门办理中，非本单位原因',
    });

  const open = await db
    .selectFrom('warning_cards')
    .select('id')
    .where('region_code', '=', CITY)
    .where('year', '=', YEAR)
    .where('unit_id', '=', zjj)
    .where('status', '=', 'issued')
    .executeTakeFirst();
  if (!open)
    await createCard(db, office, {
      regionCode: CITY,
      unitId: zjj,
      color: 'yellow',
      year: YEAR,
      month: CLOSED_MONTHS,
      reason: '10月多个牵头项目投资完成低于序时进度，且存在逾期未办结问题',
    });
}
