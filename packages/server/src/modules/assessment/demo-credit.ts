/**
 * Demo data of enterprise credit (seed 003: the directory of 41 agent-builders, 甲类 14 and 乙类 27,
 * over the seven specialties; 随机抽查 + 重点检查 each quarter; 优秀 通报表扬 and a good record, 不合格
 * 约谈 and a bad record): the city's directory of agent-builders (three of them the registry's
 * units, the others new enterprise units), six contractors and four supervisors; two quarters of
 * 2026 evaluations on city projects with one 优秀 and one 不合格 (a focused check, from an
 * inspection when the demo has one), the firm that failed suspended, and one manual good record.
 * Invented names in the usual style; none stands for a real company. Bulk inserts, as every demo
 * loader.
 */
import type { Db } from '../../db/connection.ts';
import { evaluationReason, gradeOf } from './credit-rules.ts';

const SPECIALTIES = [
  '房屋建筑',
  '市政公用',
  '交通道路',
  '水利水务',
  '园林绿化',
  '港口航道',
  '轨道交通',
] as const;

/** Agent-builders already in the registry (the 城投 and 交投 build for the city as agents). */
const registryAgents = [
  '大庆市城市建设投资开发有限公司',
  '大庆市交通投资集团有限公司',
  '大庆鑫诚工程项目管理有限公司',
];
const newAgents = [
  '大庆建设工程项目管理有限公司',
  '黑龙江龙建项目管理有限公司',
  '大庆华油工程建设管理有限公司',
  '大庆庆鑫建设管理咨询有限公司',
  '黑龙江省寒地建筑工程管理有限公司',
  '大庆正圆工程项目管理有限公司',
  '大庆宏伟建设发展有限公司',
  '大庆百湖工程管理有限公司',
  '大庆油城建设项目管理有限公司',
  '黑龙江北方建设工程咨询有限公司',
  '大庆萨尔图建设管理有限公司',
  '大庆中原工程项目管理有限公司',
  '大庆铁人建设管理咨询有限公司',
  '大庆恒远工程管理有限公司',
  '大庆新城建设管理有限公司',
  '黑龙江龙源水利工程管理有限公司',
  '大庆市政工程项目管理有限公司',
  '大庆绿洲园林工程管理有限公司',
  '大庆东城工程咨询有限公司',
  '大庆华瑞建设管理有限公司',
  '大庆安达工程项目管理有限公司',
  '大庆博远工程管理咨询有限公司',
  '黑龙江嘉诚建设管理有限公司',
  '大庆兴业工程项目管理有限公司',
  '大庆鼎信建设管理有限公司',
  '大庆明达工程咨询有限公司',
  '黑龙江天晟项目管理有限公司',
  '大庆通达交通工程管理有限公司',
  '大庆润泽水务工程管理有限公司',
  '大庆长城工程项目管理有限公司',
  '大庆宏泰建设管理有限公司',
  '大庆众诚工程咨询有限公司',
  '大庆恒信工程项目管理有限公司',
  '黑龙江国建工程管理有限公司',
  '大庆远大建设管理有限公司',
  '大庆诚达工程项目管理有限公司',
  '大庆金诺工程管理咨询有限公司',
  '大庆路安交通工程管理有限公司',
];
const contractors = [
  '中建龙江建设工程有限公司大庆分公司',
  '大庆宏远路桥工程有限公司',
  '大庆筑成建设集团有限公司',
  '黑龙江庆安建设工程有限公司',
  '大庆华建市政工程有限公司',
  '黑龙江远东水利水电工程有限公司',
];
const supervisors = [
  '大庆恒正工程监理咨询有限公司',
  '大庆建恒工程监理有限公司',
  '黑龙江华诚工程监理有限公司',
  '大庆诚信建设监理有限公司',
];

/** Quarter, kind and score of each evaluation; the agent evaluated is the i-th of the directory. */
const evaluations: [number, 'random' | 'focused', string][] = [
  [1, 'focused', '92.50'],
  [1, 'random', '86.00'],
  [1, 'random', '81.50'],
  [1, 'random', '78.00'],
  [1, 'random', '76.00'],
  [1, 'random', '72.00'],
  [1, 'random', '68.50'],
  [1, 'random', '63.00'],
  [2, 'random', '88.00'],
  [2, 'random', '84.50'],
  [2, 'random', '79.00'],
  [2, 'random', '77.50'],
  [2, 'random', '74.00'],
  [2, 'random', '70.00'],
  [2, 'random', '66.00'],
  [2, 'focused', '55.50'],
];

/** A unit per name: the registry's when it exists, else a new enterprise unit of the city. */
async function unitIds(db: Db, names: readonly string[]) {
  const have = await db.selectFrom('units').select(['id', 'name']).where('name', 'in', names).execute();
  const byName = new Map(have.map((u) => [u.name, u.id]));
  const missing = names.filter((n) => !byName.has(n));
  if (missing.length) {
    const rows = await db
      .insertInto('units')
      .values(missing.map((name) => ({ name, type: 'enterprise', region_code: '230600' })))
      .returning(['id', 'name'])
      .execute();
    for (const r of rows) byName.set(r.name, r.id);
  }
  return names.map((n) => byName.get(n)!);
}

/** 甲类 firms hold more specialties; every specialty is held by some firm. */
const specialtiesOf = (i: number, grade: 'A' | 'B') =>
  grade === 'A'
    ? [SPECIALTIES[i % 7]!, SPECIALTIES[(i + 1) % 7]!, SPECIALTIES[(i + 3) % 7]!]
    : [SPECIALTIES[i % 7]!, ...(i % 3 === 0 ? [SPECIALTIES[(i + 2) % 7]!] : [])];

export async function loadCreditDemo(db: Db): Promise<void> {
  const agents = [...registryAgents, ...newAgents];
  const [agentUnits, contractorUnits, supervisorUnits] = [
    await unitIds(db, agents),
    await unitIds(db, contractors),
    await unitIds(db, supervisors),
  ];
  const admitted = (i: number) => `20${i % 3 === 0 ? '19' : i % 3 === 1 ? '21' : '23'}-0${(i % 9) + 1}-15`;
  const firms = await db
    .insertInto('enterprises')
    .values([
      ...agentUnits.map((unit_id, i) => {
        const grade = i < 14 ? ('A' as const) : ('B' as const);
        return {
          unit_id,
          region_code: '230600',
          kind: 'agent' as const,
          grade,
          specialties: specialtiesOf(i, grade),
          admitted_on: admitted(i),
          status_on: admitted(i),
        };
      }),
      ...contractorUnits.map((unit_id, i) => ({
        unit_id,
        region_code: '230600',
        kind: 'contractor' as const,
        grade: null,
        specialties: [SPECIALTIES[i % 4]!],
        admitted_on: '2022-03-01',
        status_on: '2022-03-01',
      })),
      ...supervisorUnits.map((unit_id, i) => ({
        unit_id,
        region_code: '230600',
        kind: 'supervisor' as const,
        grade: null,
        specialties: [SPECIALTIES[i % 3]!],
        admitted_on: '2022-03-01',
        status_on: '2022-03-01',
      })),
    ])
    .returning(['id', 'kind'])
    .execute();
  const agentIds = firms.filter((f) => f.kind === 'agent').map((f) => f.id);
  const office = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'office')
    .executeTakeFirst();
  const projects = await db
    .selectFrom('projects')
    .select(['id', 'name'])
    .where('region_code', 'like', '2306%')
    .orderBy('id')
    .limit(16)
    .execute();
  if (projects.length < 16) return; // no registry loaded: the directory alone
  const inspection = await db
    .selectFrom('inspections')
    .select(['id', 'project_id'])
    .where('region_code', 'like', '2306%')
    .orderBy('id')
    .executeTakeFirst();
  const rows = evaluations.map(([quarter, kind, score], i) => {
    // the failed focused check is the inspection's project when there is one
    const project =
      i === evaluations.length - 1 && inspection
        ? { id: inspection.project_id, name: '' }
        : projects[i % projects.length]!;
    return {
      enterprise_id: agentIds[i]!,
      year: 2026,
      quarter,
      kind,
      project_id: project.id,
      inspection_id: i === evaluations.length - 1 && inspection ? inspection.id : null,
      score,
      grade: gradeOf(score),
      evaluated_on: quarter === 1 ? '2026-03-27' : '2026-06-26',
      created_by: office?.id ?? null,
    };
  });
  const saved = await db
    .insertInto('enterprise_evaluations')
    .values(rows)
    .returning(['id', 'enterprise_id', 'quarter', 'kind', 'score', 'grade', 'project_id', 'evaluated_on'])
    .execute();
  const names = new Map(
    (
      await db
        .selectFrom('projects')
        .select(['id', 'name'])
        .where(
          'id',
          'in',
          saved.map((s) => s.project_id),
        )
        .execute()
    ).map((p) => [p.id, p.name]),
  );
  const graded = saved.filter((s) => s.grade === 'excellent' || s.grade === 'fail');
  await db
    .insertInto('credit_records')
    .values([
      ...graded.map((s) => ({
        enterprise_id: s.enterprise_id,
        kind: s.grade === 'excellent' ? ('good' as const) : ('bad' as const),
        cause_kind: 'evaluation' as const,
        cause_id: s.id,
        reason: evaluationReason({
          year: 2026,
          quarter: s.quarter,
          kind: s.kind,
          grade: s.grade,
          score: String(s.score),
          projectName: names.get(s.project_id) ?? '',
        }),
        recorded_on: s.evaluated_on,
        created_by: office?.id ?? null,
      })),
      {
        enterprise_id: firms.find((f) => f.kind === 'supervisor')!.id,
        kind: 'good' as const,
        cause_kind: 'manual' as const,
        cause_id: null,
        reason: '监理的项目获评2025年度黑龙江省安全文明标准化工地，通报表扬',
        recorded_on: '2026-04-10',
        created_by: office?.id ?? null,
      },
    ])
    .execute();
  const failed = saved.find((s) => s.grade === 'fail')!;
  await db
    .updateTable('enterprises')
    .set({
      status: 'suspended',
      status_on: '2026-07-06',
      status_reason: '2026年第2季度重点检查代建考评不合格，约谈并暂停承接新项目三个月',
      version: 2,
    })
    .where('id', '=', failed.enterprise_id)
    .execute();
}
