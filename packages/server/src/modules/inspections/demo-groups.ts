/**
 * The demo's routine inspection groups (seed 001 篇一): 林甸县's 重点项目督查办公室 forms six groups by
 * sector over the county's 55 projects, each led by a 派驻纪检监察组 head with 政府办 staff as members
 * (矫彦飞 sits in three groups, 金峰 and 尹荣华 in two), and they record every project's week
 * (本周进展, 存在问题, 下周安排) through November. The last week is written through the real use case,
 * raising three problems into the ledger; the earlier weeks are loaded in bulk, a few left missing,
 * so the month summary (月通报) has gaps to report. The county's 领导小组 is the organisation's.
 */
import type { Db } from '../../db/connection.ts';
import type { Ctx } from '../../platform/access/context.ts';
import { actorById, toActor } from '../../platform/auth/repo.ts';
import { addDays } from '../../platform/calendar.ts';
import { todayInChina } from '../../platform/time.ts';
import { rand } from '../reports/demo-reports.ts';
import { createGroup } from './groups.ts';
import { mondayOf } from './group-rules.ts';
import { createRecord } from './site-records.ts';

const DEMO_TODAY = '2026-12-02';
const YEAR = 2026;

/** [group, sector of the registry, leader [name, title], members [name, title][]] as seed 001 lists them. */
const groups: [string, string, [string, string], [string, string][]][] = [
  [
    '工业项目督查组',
    '工业',
    ['田丰', '派驻政法战线纪检监察组组长'],
    [['韩玉明', '经合办副主任、政府办综合科长']],
  ],
  ['农业项目督查组', '农业', ['任海波', '派驻农林战线纪检监察组负责人'], [['金峰', '政府办综合科秘书']]],
  [
    '第三产业项目督查组',
    '旅游商贸物流',
    ['姜涛', '派驻综合战线纪检监察组负责人'],
    [['尹荣华', '政府办文秘科长']],
  ],
  [
    '基础设施项目督查组',
    '基础设施',
    ['周宏宇', '派驻工交战线纪检监察组组长'],
    [['矫彦飞', '政府办调研科科长']],
  ],
  [
    '城乡建设项目督查组',
    '城乡建设',
    ['周世威', '派驻花园镇纪检监察室主任'],
    [
      ['矫彦飞', '政府办调研科科长'],
      ['张强', '政府办调研科秘书'],
      ['金峰', '政府办综合科秘书'],
    ],
  ],
  [
    '社会事业项目督查组',
    '社会事业',
    ['王瑞平', '派驻文卫战线纪检监察组负责人'],
    [
      ['林永刚', '政府督查室负责人'],
      ['矫彦飞', '政府办调研科科长'],
      ['尹荣华', '政府办文秘科长'],
      ['杜震', '政府办政务公开办主任'],
    ],
  ],
];

const progress = [
  '主体结构施工有序推进，本周完成计划工程量',
  '设备基础浇筑完成，主要设备进场安装',
  '室外管网铺设过半，道路基层施工',
  '前期手续办理中，施工图审查已报送',
  '装饰装修及配套工程施工',
  '受降温影响部分工序暂停，已落实冬季施工措施',
];
const troubles = [
  '',
  '',
  '施工用电增容尚未批复',
  '部分征迁户未签协议',
  '建设资金到位滞后',
  '冬季施工措施不完善',
];
const plans = [
  '继续推进主体施工',
  '完成设备单机调试',
  '协调供电部门办理增容',
  '落实冬季施工方案',
  '组织分部工程验收',
];

/** The week's problems the last records raise into the ledger, by group index. */
const raised: Record<number, { category: string; title: string; description: string }> = {
  0: {
    category: '要素保障(水电路气讯)',
    title: '施工用电增容尚未批复',
    description: '项目二期设备安装需增容至 2000kVA，供电公司尚未批复增容方案，影响设备调试。',
  },
  3: {
    category: '征地拆迁',
    title: '部分征迁户未签协议',
    description: '道路改造沿线仍有 3 户未签订征收补偿协议，影响管网铺设。',
  },
  5: {
    category: '资金',
    title: '建设资金到位滞后',
    description: '县级配套资金到位率不足 60%，施工单位反映资金压力较大。',
  },
};

export async function seedDemoGroups(db: Db, today = todayInChina()): Promise<void> {
  const now = today < DEMO_TODAY ? today : DEMO_TODAY;
  const office = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'office_lindian')
    .executeTakeFirst();
  const unit = await db
    .selectFrom('units')
    .select('id')
    .where('name', '=', '林甸县人民政府')
    .executeTakeFirst();
  if (!office || !unit) return; // an organisation without the demo county
  const ctx: Ctx = { actor: toActor((await actorById(db, office.id))!, 'session'), requestId: 'seed' };

  // the groups' people (a person sits in several groups: one row each)
  const names = [
    ...new Map(groups.flatMap(([, , l, ms]) => [l, ...ms]).map(([n, title]) => [n, title])).entries(),
  ];
  const people = new Map<string, number>();
  for (const [name, title] of names) {
    const row = await db
      .insertInto('people')
      .values({ name, title, unit_id: unit.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    people.set(name, row.id);
  }

  const lastWeek = mondayOf(now);
  const weeks = [4, 3, 2, 1].map((n) => addDays(lastWeek, -7 * n));
  for (const [gi, [name, sector, [leader], members]] of groups.entries()) {
    const projects = await db
      .selectFrom('projects')
      .select('id')
      .where('region_code', '=', '230623')
      .where('sector', '=', sector)
      .orderBy('code')
      .execute();
    const id = await createGroup(db, ctx, {
      regionCode: '230623',
      year: YEAR,
      name,
      sector,
      leaderPersonId: people.get(leader)!,
      memberPersonIds: members.map(([m]) => people.get(m)!),
      projectIds: projects.map((p) => p.id),
    });
    // the earlier weeks in bulk; about one in twelve left unrecorded
    const rows = projects.flatMap((p, pi) =>
      weeks
        .map((w, wi) => ({ w, wi, r: rand(p.id * 10 + wi, gi + 3) }))
        .filter(({ r }) => r > 0.08)
        .map(({ w, wi }) => ({
          group_id: id,
          project_id: p.id,
          week_of: w,
          progress: progress[(pi + wi) % progress.length]!,
          problems: troubles[(pi * 3 + wi) % troubles.length]!,
          next_week: plans[(pi + wi * 2) % plans.length]!,
          created_by: office.id,
        })),
    );
    if (rows.length) await db.insertInto('group_site_records').values(rows).execute();
    // this week's first records through the use case, raising the week's problems
    for (const [pi, p] of projects.slice(0, 2).entries()) {
      const problem = pi === 0 ? raised[gi] : undefined;
      await createRecord(db, ctx, id, {
        projectId: p.id,
        weekOf: lastWeek,
        progress: progress[(pi + gi) % progress.length]!,
        problems: problem?.title ?? '',
        nextWeek: plans[(pi + gi) % plans.length]!,
        raise: problem ? [problem] : [],
      });
    }
  }

  const position = async (name: string) =>
    (await db.selectFrom('positions').select('id').where('name', '=', name).executeTakeFirst())?.id ?? null;
  const memberUnits = await db
    .selectFrom('units')
    .select('id')
    .where('region_code', '=', '230623')
    .where('name', 'like', '林甸县%')
    .orderBy('id')
    .limit(12)
    .execute();
  const deputies = (await Promise.all(['林甸县常务副县长', '林甸县分管发改副县长'].map(position))).filter(
    (x): x is number => x !== null,
  );
  const supervision = await db
    .selectFrom('units')
    .select('id')
    .where('name', '=', '林甸县人民政府督查室')
    .executeTakeFirst();
  await db
    .insertInto('leading_groups')
    .values({
      region_code: '230623',
      name: '林甸县重点项目建设领导小组',
      head_position_id: await position('林甸县县长'),
      deputy_position_ids: deputies,
      member_unit_ids: memberUnits.map((u) => u.id),
      office_unit_id: supervision?.id ?? unit.id,
      duties:
        '统筹全县重点项目建设，研究解决项目推进中的重大问题；下设重点项目督查办公室，负责督查工作的组织、指导、协调和督办。',
    })
    .execute();
}
