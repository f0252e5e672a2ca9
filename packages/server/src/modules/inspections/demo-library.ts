/**
 * Demo data of inspections: the city's approved 2026 plan with seed 000's six 稽察+ themes (their
 * rules over the registry and quarterly counts) and its check items; 9 contracted firms and 49
 * experts across the specialties (some employed by registry units, so the draw has conflicts to
 * exclude; the demo user `expert` is expert 1); a library of 10 inspectors (the demo user
 * `inspector` is the first). Bulk inserts, as every demo loader.
 */
import type { Db } from '../../db/connection.ts';

const themes = [
  {
    name: '市镇长工程',
    description: '市长、镇长工程：列入市、县重点项目清单的政府投资项目',
    rule: { investmentNatures: ['government'], listLevels: ['city', 'county'] },
    quarterCounts: [1, 2, 2, 1],
  },
  {
    name: '工程变更和概算执行',
    description: '在建和竣工的政府投资项目的设计变更、概算调整与执行',
    rule: { investmentNatures: ['government'], stages: ['continuing', 'completed'] },
    quarterCounts: [1, 1, 1, 1],
  },
  {
    name: '市领导负责重点项目',
    description: '市领导联系或有责任领导的重点项目',
    rule: { leaderLinked: true },
    quarterCounts: [1, 1, 2, 1],
  },
  {
    name: '新增政府投资2000万以上项目',
    description: '本年计划或实际开工、总投资 2000 万元以上的政府投资项目',
    rule: { investmentNatures: ['government'], minTotalInvestment: '2000.00', startedInYear: true },
    quarterCounts: [0, 2, 2, 1],
  },
  {
    name: '中央资金使用(管理)项',
    description: '使用中央预算内投资等中央资金的项目',
    rule: { fundingSources: ['中央资金'] },
    quarterCounts: [1, 1, 1, 1],
  },
  {
    name: '政府专项债券项目',
    description: '使用政府专项债券资金的项目：资金拨付、使用与项目收益',
    rule: { fundingSources: ['政府专项债券'] },
    quarterCounts: [0, 1, 1, 1],
  },
];

const checkItems: [string, string, string][] = [
  ['工程进度', '项目形象进度与年度计划、合同工期是否相符，滞后原因及措施', '年度重点项目计划'],
  ['工程质量', '质量保证体系、隐蔽工程验收、材料进场检验和实体质量', '《建设工程质量管理条例》'],
  ['招投标', '招标方式、程序是否合规，是否存在规避招标、肢解发包', '《中华人民共和国招标投标法》'],
  ['财务管理', '建设资金是否专款专用，资金拨付、会计核算是否规范', '《基本建设财务规则》'],
  ['概算控制', '是否超概算、擅自变更设计或扩大建设规模', '《政府投资条例》'],
  ['安全生产', '安全生产责任制、施工现场安全防护和隐患排查', '《建设工程安全生产管理条例》'],
];

const firms = [
  '大庆恒信工程造价咨询有限公司',
  '黑龙江正泰工程咨询有限公司',
  '大庆华源建设工程咨询有限公司',
  '黑龙江中天会计师事务所有限公司',
  '大庆建科工程检测有限公司',
  '黑龙江省水利水电勘测设计研究院',
  '大庆市政工程设计研究院有限公司',
  '黑龙江龙建招标代理有限公司',
  '大庆安泰安全技术服务有限公司',
];

const specialties = [
  '工程造价',
  '土建工程',
  '市政道路桥梁',
  '给排水',
  '电气安装',
  '水利工程',
  '财务审计',
  '招标投标',
  '安全生产',
  '园林绿化',
];
const titlesOf: Record<string, string[]> = {
  财务审计: ['高级会计师', '注册会计师', '正高级会计师'],
  工程造价: ['高级工程师', '一级造价工程师', '正高级工程师'],
};
const surnames =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜';
const given = [
  '建国',
  '志强',
  '海燕',
  '立新',
  '文博',
  '春明',
  '红梅',
  '国庆',
  '晓东',
  '丽华',
  '振宇',
  '玉兰',
  '德胜',
  '雪松',
  '秀英',
  '明辉',
  '桂芝',
];

/** Employers that are registry units (the draw excludes them from their own projects). */
const employerUnits = [
  '中建龙江建设工程有限公司大庆分公司',
  '大庆恒正工程监理咨询有限公司',
  '大庆鑫诚工程项目管理有限公司',
  '大庆市城市建设投资开发有限公司',
  '大庆水务集团',
];

const inspectors: [string, string, string][] = [
  ['张振华', '稽察特派员', '大庆市发展和改革委员会'],
  ['李文涛', '稽察特派员', '大庆市发展和改革委员会'],
  ['王丽娟', '稽察办人员', '大庆市重点项目建设服务中心'],
  ['赵明远', '稽察办人员', '大庆市重点项目建设服务中心'],
  ['刘海波', '投资科室人员', '大庆市发展和改革委员会'],
  ['陈晓燕', '投资科室人员', '大庆市发展和改革委员会'],
  ['孙立军', '督考办人员', '大庆市人民政府督查室'],
  ['周雪梅', '督考办人员', '大庆市人民政府督查室'],
  ['吴国栋', '行业主管部门人员', '大庆市住房和城乡建设局'],
  ['郑凯', '行业主管部门人员', '大庆市交通运输局'],
];

export async function seedDemoLibrary(db: Db): Promise<void> {
  const users = new Map(
    (await db.selectFrom('users').select(['id', 'username']).execute()).map((u) => [u.username, u.id]),
  );
  const units = new Map(
    (await db.selectFrom('units').select(['id', 'name']).execute()).map((u) => [u.name, u.id]),
  );
  const region = '230600';

  const plan = await db
    .insertInto('inspection_plans')
    .values({
      region_code: region,
      year: 2026,
      title: '大庆市2026年度重大建设项目稽察计划',
      notes: '围绕六个“稽察+”专项开展专项稽察，双随机抽取项目和专家，实施专项专查。',
      status: 'approved',
      created_by: users.get('office') ?? null,
      approved_by: users.get('admin') ?? null,
      approved_at: new Date('2026-01-20T02:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('inspection_themes')
    .values(
      themes.map((t, i) => ({
        plan_id: plan.id,
        sort: i + 1,
        name: t.name,
        description: t.description,
        rule: JSON.stringify(t.rule),
        quarter_counts: t.quarterCounts,
      })),
    )
    .execute();
  await db
    .insertInto('inspection_check_items')
    .values(
      checkItems.map(([category, content, basis], i) => ({
        plan_id: plan.id,
        theme_id: null,
        sort: i + 1,
        category,
        content,
        basis,
      })),
    )
    .execute();

  const firmRows = await db
    .insertInto('inspection_firms')
    .values(
      firms.map((name, i) => ({
        region_code: region,
        name,
        contact: `${surnames[i + 20]}经理`,
        phone: `0459-66${String(10000 + i * 137).slice(-5)}`,
        contract_from: '2026-01-01',
        contract_to: '2027-12-31',
      })),
    )
    .returning('id')
    .execute();

  const experts = Array.from({ length: 49 }, (_, i) => {
    const specialty = specialties[i % specialties.length]!;
    const titles = titlesOf[specialty] ?? ['高级工程师', '正高级工程师', '工程师'];
    const employerUnit = i % 7 === 3 ? employerUnits[(i >> 3) % employerUnits.length]! : null;
    return {
      region_code: region,
      name: `${surnames[i % surnames.length]}${given[(i * 5) % given.length]}`,
      specialty,
      title: titles[i % titles.length]!,
      employer: employerUnit ?? firms[i % firms.length]!,
      employer_unit_id: employerUnit ? (units.get(employerUnit) ?? null) : null,
      firm_id: firmRows[i % firmRows.length]!.id,
      phone: `139${String(45000000 + i * 7919).padStart(8, '0')}`,
      availability: JSON.stringify(i % 6 === 5 ? [{ from: '2026-01-01', to: '2026-06-30' }] : []),
      conflict_note: i % 11 === 4 ? '近三年参与过本市政府投资项目的设计咨询，申请回避相关项目' : '',
      user_id: i === 0 ? (users.get('expert') ?? null) : null,
    };
  });
  await db.insertInto('inspection_experts').values(experts).execute();

  await db
    .insertInto('inspectors')
    .values(
      inspectors.map(([name, role, unit], i) => ({
        region_code: region,
        name,
        role,
        unit_id: units.get(unit) ?? null,
        phone: `137${String(94500000 + i * 3571).padStart(8, '0')}`,
        user_id: i === 0 ? (users.get('inspector') ?? null) : null,
      })),
    )
    .execute();
}
