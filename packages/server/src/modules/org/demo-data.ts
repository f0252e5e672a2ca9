/**
 * Demo organisation data for Ducha (督查): the 大庆市 (Daqing, Heilongjiang) key-project set-up.
 *
 * Used to seed a fresh install and tests with a believable region tree, units, people, positions
 * (职务, with holder history) and one login per role. Region codes are the real GB/T 2260 codes of
 * 黑龙江省 / 大庆市 and its districts and counties, plus four towns of 林甸县.
 *
 * Town codes (9 digits) follow the statistics division codes (统计用区划代码) that extend GB/T 2260.
 *
 * All people are FICTIONAL. Their names and titles are written in the style of the seed documents
 * (../shared/seeds/ from the repo root: 林甸县 inspection groups, 楚雄州 "五个一" notice), but no
 * name is copied from the seeds and none is meant to belong to a real official. Enterprise names
 * are invented and generic; they do not stand for any real company's legal name. Phone numbers use
 * the Daqing area code 0459 with made-up digits.
 *
 * Plain data only: no imports, no side effects.
 */

export interface DemoRegion {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county' | 'town';
  parentCode: string | null;
}

export interface DemoUnit {
  key: string;
  name: string;
  shortName: string | null;
  type: 'government' | 'department' | 'town' | 'zone' | 'soe' | 'enterprise' | 'other';
  regionCode: string;
  parentKey: string | null;
  phone: string | null;
}

export interface DemoPerson {
  key: string;
  name: string;
  unitKey: string;
  title: string | null;
  phone: string | null;
}

export interface DemoPosition {
  key: string;
  name: string;
  unitKey: string;
  holderKey: string | null;
  /** earlier holders, oldest first, to show holder history */
  previous: { personKey: string; startDate: string; endDate: string; reason: string }[];
  currentSince: string;
}

export interface DemoUser {
  username: string;
  displayName: string;
  role: 'admin' | 'office' | 'leader' | 'unit' | 'reporter' | 'inspector' | 'expert';
  regionCode: string;
  unitKey: string | null;
  personKey: string | null;
}

// ---------------------------------------------------------------------------------------------
// Regions (行政区划), GB/T 2260
// ---------------------------------------------------------------------------------------------

export const demoRegions: DemoRegion[] = [
  { code: '230000', name: '黑龙江省', level: 'province', parentCode: null },
  { code: '230600', name: '大庆市', level: 'city', parentCode: '230000' },
  { code: '230602', name: '萨尔图区', level: 'county', parentCode: '230600' },
  { code: '230603', name: '龙凤区', level: 'county', parentCode: '230600' },
  { code: '230604', name: '让胡路区', level: 'county', parentCode: '230600' },
  { code: '230605', name: '红岗区', level: 'county', parentCode: '230600' },
  { code: '230606', name: '大同区', level: 'county', parentCode: '230600' },
  { code: '230621', name: '肇州县', level: 'county', parentCode: '230600' },
  { code: '230622', name: '肇源县', level: 'county', parentCode: '230600' },
  { code: '230623', name: '林甸县', level: 'county', parentCode: '230600' },
  { code: '230624', name: '杜尔伯特蒙古族自治县', level: 'county', parentCode: '230600' },
  { code: '230623100', name: '林甸镇', level: 'town', parentCode: '230623' },
  { code: '230623101', name: '红旗镇', level: 'town', parentCode: '230623' },
  { code: '230623102', name: '花园镇', level: 'town', parentCode: '230623' },
  { code: '230623103', name: '四季青镇', level: 'town', parentCode: '230623' },
];

// ---------------------------------------------------------------------------------------------
// Units (单位)
// ---------------------------------------------------------------------------------------------

export const demoUnits: DemoUnit[] = [
  // 市政府及其部门
  {
    key: 'gov',
    name: '大庆市人民政府',
    shortName: '市政府',
    type: 'government',
    regionCode: '230600',
    parentKey: null,
    phone: '0459-6180001',
  },
  {
    key: 'fgw',
    name: '大庆市发展和改革委员会',
    shortName: '市发改委',
    type: 'department',
    regionCode: '230600',
    parentKey: 'gov',
    phone: '0459-6180215',
  },
  {
    key: 'zdb',
    name: '大庆市重点项目建设服务中心',
    shortName: '市重点办',
    type: 'department',
    regionCode: '230600',
    parentKey: 'fgw',
    phone: '0459-6180236',
  },
  {
    key: 'dcs',
    name: '大庆市人民政府督查室',
    shortName: '市政府督查室',
    type: 'department',
    regionCode: '230600',
    parentKey: 'gov',
    phone: '0459-6180058',
  },
  {
    key: 'jw',
    name: '中共大庆市纪律检查委员会 大庆市监察委员会',
    shortName: '市纪委监委',
    type: 'other',
    regionCode: '230600',
    parentKey: null,
    phone: '0459-6180312',
  },
  {
    key: 'zrj',
    name: '大庆市自然资源局',
    shortName: '市自然资源局',
    type: 'department',
    regionCode: '230600',
    parentKey: 'gov',
    phone: '0459-6181420',
  },
  {
    key: 'zjj',
    name: '大庆市住房和城乡建设局',
    shortName: '市住建局',
    type: 'department',
    regionCode: '230600',
    parentKey: 'gov',
    phone: '0459-6181536',
  },
  {
    key: 'sthj',
    name: '大庆市生态环境局',
    shortName: '市生态环境局',
    type: 'department',
    regionCode: '230600',
    parentKey: 'gov',
    phone: '0459-6181647',
  },
  {
    key: 'jtj',
    name: '大庆市交通运输局',
    shortName: '市交通运输局',
    type: 'department',
    regionCode: '230600',
    parentKey: 'gov',
    phone: '0459-6181752',
  },
  {
    key: 'swj',
    name: '大庆市水务局',
    shortName: '市水务局',
    type: 'department',
    regionCode: '230600',
    parentKey: 'gov',
    phone: '0459-6181863',
  },
  {
    key: 'gxj',
    name: '大庆市工业和信息化局',
    shortName: '市工信局',
    type: 'department',
    regionCode: '230600',
    parentKey: 'gov',
    phone: '0459-6181974',
  },
  {
    key: 'swuj',
    name: '大庆市商务局',
    shortName: '市商务局',
    type: 'department',
    regionCode: '230600',
    parentKey: 'gov',
    phone: '0459-6182085',
  },
  {
    key: 'czj',
    name: '大庆市财政局',
    shortName: '市财政局',
    type: 'department',
    regionCode: '230600',
    parentKey: 'gov',
    phone: '0459-6182196',
  },
  {
    key: 'nyj',
    name: '大庆市农业农村局',
    shortName: '市农业农村局',
    type: 'department',
    regionCode: '230600',
    parentKey: 'gov',
    phone: '0459-6182207',
  },
  {
    key: 'wlj',
    name: '大庆市文化广电和旅游局',
    shortName: '市文广旅局',
    type: 'department',
    regionCode: '230600',
    parentKey: 'gov',
    phone: '0459-6182318',
  },
  {
    key: 'jyj',
    name: '大庆市教育局',
    shortName: '市教育局',
    type: 'department',
    regionCode: '230600',
    parentKey: 'gov',
    phone: '0459-6182429',
  },
  {
    key: 'wjw',
    name: '大庆市卫生健康委员会',
    shortName: '市卫健委',
    type: 'department',
    regionCode: '230600',
    parentKey: 'gov',
    phone: '0459-6182530',
  },
  {
    key: 'cgj',
    name: '大庆市城市管理综合执法局',
    shortName: '市城管执法局',
    type: 'department',
    regionCode: '230600',
    parentKey: 'gov',
    phone: '0459-6182641',
  },
  {
    key: 'ysj',
    name: '大庆市营商环境建设监督局',
    shortName: '市营商局',
    type: 'department',
    regionCode: '230600',
    parentKey: 'gov',
    phone: '0459-6182752',
  },

  // 开发区
  {
    key: 'gxq',
    name: '大庆高新技术产业开发区管理委员会',
    shortName: '大庆高新区',
    type: 'zone',
    regionCode: '230600',
    parentKey: 'gov',
    phone: '0459-6183106',
  },
  {
    key: 'jkq',
    name: '大庆经济技术开发区管理委员会',
    shortName: '大庆经开区',
    type: 'zone',
    regionCode: '230600',
    parentKey: 'gov',
    phone: '0459-6183217',
  },

  // 县区人民政府
  {
    key: 'sa_gov',
    name: '大庆市萨尔图区人民政府',
    shortName: '萨尔图区政府',
    type: 'government',
    regionCode: '230602',
    parentKey: 'gov',
    phone: '0459-6370012',
  },
  {
    key: 'lf_gov',
    name: '大庆市龙凤区人民政府',
    shortName: '龙凤区政府',
    type: 'government',
    regionCode: '230603',
    parentKey: 'gov',
    phone: '0459-6470023',
  },
  {
    key: 'rhl_gov',
    name: '大庆市让胡路区人民政府',
    shortName: '让胡路区政府',
    type: 'government',
    regionCode: '230604',
    parentKey: 'gov',
    phone: '0459-5570034',
  },
  {
    key: 'hg_gov',
    name: '大庆市红岗区人民政府',
    shortName: '红岗区政府',
    type: 'government',
    regionCode: '230605',
    parentKey: 'gov',
    phone: '0459-5670045',
  },
  {
    key: 'dt_gov',
    name: '大庆市大同区人民政府',
    shortName: '大同区政府',
    type: 'government',
    regionCode: '230606',
    parentKey: 'gov',
    phone: '0459-5870056',
  },
  {
    key: 'zz_gov',
    name: '肇州县人民政府',
    shortName: '肇州县政府',
    type: 'government',
    regionCode: '230621',
    parentKey: 'gov',
    phone: '0459-8970067',
  },
  {
    key: 'zy_gov',
    name: '肇源县人民政府',
    shortName: '肇源县政府',
    type: 'government',
    regionCode: '230622',
    parentKey: 'gov',
    phone: '0459-8270078',
  },
  {
    key: 'ld_gov',
    name: '林甸县人民政府',
    shortName: '林甸县政府',
    type: 'government',
    regionCode: '230623',
    parentKey: 'gov',
    phone: '0459-3370089',
  },
  {
    key: 'db_gov',
    name: '杜尔伯特蒙古族自治县人民政府',
    shortName: '杜蒙县政府',
    type: 'government',
    regionCode: '230624',
    parentKey: 'gov',
    phone: '0459-3470090',
  },

  // 林甸县部门与乡镇
  {
    key: 'ld_fgj',
    name: '林甸县发展和改革局',
    shortName: '县发改局',
    type: 'department',
    regionCode: '230623',
    parentKey: 'ld_gov',
    phone: '0459-3371205',
  },
  {
    key: 'ld_zjj',
    name: '林甸县住房和城乡建设局',
    shortName: '县住建局',
    type: 'department',
    regionCode: '230623',
    parentKey: 'ld_gov',
    phone: '0459-3371316',
  },
  {
    key: 'ld_dcs',
    name: '林甸县人民政府督查室',
    shortName: '县政府督查室',
    type: 'department',
    regionCode: '230623',
    parentKey: 'ld_gov',
    phone: '0459-3371427',
  },
  {
    key: 'ld_ldz',
    name: '林甸县林甸镇人民政府',
    shortName: '林甸镇',
    type: 'town',
    regionCode: '230623100',
    parentKey: 'ld_gov',
    phone: '0459-3372108',
  },
  {
    key: 'ld_hqz',
    name: '林甸县红旗镇人民政府',
    shortName: '红旗镇',
    type: 'town',
    regionCode: '230623101',
    parentKey: 'ld_gov',
    phone: '0459-3372219',
  },
  {
    key: 'ld_hyz',
    name: '林甸县花园镇人民政府',
    shortName: '花园镇',
    type: 'town',
    regionCode: '230623102',
    parentKey: 'ld_gov',
    phone: '0459-3372320',
  },
  {
    key: 'ld_sjq',
    name: '林甸县四季青镇人民政府',
    shortName: '四季青镇',
    type: 'town',
    regionCode: '230623103',
    parentKey: 'ld_gov',
    phone: '0459-3372431',
  },

  // 国有企业
  {
    key: 'ctgs',
    name: '大庆市城市建设投资开发有限公司',
    shortName: '大庆城投',
    type: 'soe',
    regionCode: '230600',
    parentKey: null,
    phone: '0459-6390512',
  },
  {
    key: 'jttz',
    name: '大庆市交通投资集团有限公司',
    shortName: '大庆交投',
    type: 'soe',
    regionCode: '230600',
    parentKey: null,
    phone: '0459-6390623',
  },
  {
    key: 'gwdq',
    name: '国网大庆供电公司',
    shortName: '大庆供电公司',
    type: 'soe',
    regionCode: '230600',
    parentKey: null,
    phone: '0459-6390734',
  },
  {
    key: 'swjt',
    name: '大庆水务集团',
    shortName: '大庆水务',
    type: 'soe',
    regionCode: '230600',
    parentKey: null,
    phone: '0459-6390845',
  },
  {
    key: 'ld_wl',
    name: '林甸县温泉文旅发展有限公司',
    shortName: '林甸温泉文旅',
    type: 'soe',
    regionCode: '230623',
    parentKey: null,
    phone: '0459-3373506',
  },

  // 企业：业主、施工、监理、代建、设计
  {
    key: 'zj',
    name: '中建龙江建设工程有限公司大庆分公司',
    shortName: '中建龙江大庆分公司',
    type: 'enterprise',
    regionCode: '230600',
    parentKey: null,
    phone: '0459-6391956',
  },
  {
    key: 'jl',
    name: '大庆恒正工程监理咨询有限公司',
    shortName: '恒正监理',
    type: 'enterprise',
    regionCode: '230600',
    parentKey: null,
    phone: '0459-6392067',
  },
  {
    key: 'dj',
    name: '大庆鑫诚工程项目管理有限公司',
    shortName: '鑫诚代建',
    type: 'enterprise',
    regionCode: '230600',
    parentKey: null,
    phone: '0459-6392178',
  },
  {
    key: 'sjy',
    name: '大庆远航建筑设计研究院有限公司',
    shortName: '远航设计院',
    type: 'enterprise',
    regionCode: '230600',
    parentKey: null,
    phone: '0459-6392289',
  },
  {
    key: 'rf',
    name: '大庆瑞丰新材料科技有限公司',
    shortName: '瑞丰新材料',
    type: 'enterprise',
    regionCode: '230600',
    parentKey: null,
    phone: '0459-6392390',
  },
  {
    key: 'lq',
    name: '大庆宏远路桥工程有限公司',
    shortName: '宏远路桥',
    type: 'enterprise',
    regionCode: '230600',
    parentKey: null,
    phone: '0459-6392401',
  },
  {
    key: 'ld_nm',
    name: '黑龙江北纬农牧科技有限公司',
    shortName: '北纬农牧',
    type: 'enterprise',
    regionCode: '230623',
    parentKey: null,
    phone: '0459-3373617',
  },
  ...projectUnits(),
];

/**
 * The registry's owners (业主), contractors (施工) and supervisors (监理): district and county
 * investment companies, enterprises and hospitals, each in the district or county it works in.
 * Invented names in the usual style; none stands for a real company.
 * [key, name, short name, type, region, phone]
 */
function projectUnits(): DemoUnit[] {
  const rows: [string, string, string, DemoUnit['type'], string, string][] = [
    // 区县、园区平台公司
    ['gx_tz', '大庆高新技术产业开发区建设投资有限公司', '高新区建投', 'soe', '230603', '0459-6393101'],
    ['jk_tz', '大庆经济技术开发区建设投资集团有限公司', '经开区建投', 'soe', '230602', '0459-6393202'],
    ['sa_ct', '大庆市萨尔图区城市建设投资有限公司', '萨尔图城投', 'soe', '230602', '0459-6371208'],
    ['lf_ct', '大庆市龙凤区城市建设投资有限公司', '龙凤城投', 'soe', '230603', '0459-6471209'],
    ['rhl_ct', '大庆市让胡路区城市建设投资有限公司', '让胡路城投', 'soe', '230604', '0459-5571210'],
    ['zy_ct', '肇源县城乡建设投资有限公司', '肇源城投', 'soe', '230622', '0459-8271211'],
    ['ld_ct', '林甸县城市建设投资有限公司', '林甸城投', 'soe', '230623', '0459-3373212'],
    ['ld_rl', '林甸县热力有限公司', '林甸热力', 'soe', '230623', '0459-3373213'],
    ['db_wl', '杜尔伯特蒙古族自治县文化旅游投资有限公司', '杜蒙文旅投', 'soe', '230624', '0459-3471214'],
    ['rq', '大庆市城市燃气有限公司', '大庆燃气', 'soe', '230600', '0459-6390956'],
    // 部门、医院作业主
    ['zz_nyj', '肇州县农业农村局', '肇州农业农村局', 'department', '230621', '0459-8971301'],
    ['h_d4', '大庆市第四医院', '市四院', 'other', '230604', '0459-5571302'],
    ['h_et', '大庆市儿童医院', '市儿童医院', 'other', '230602', '0459-6371303'],
    ['h_d6', '大庆市第六医院', '市六院', 'other', '230602', '0459-6371304'],
    ['h_zy', '大庆市中医医院', '市中医院', 'other', '230604', '0459-5571305'],
    // 企业业主
    ['e_hk', '大庆华科新材料有限公司', '华科新材料', 'enterprise', '230603', '0459-6473401'],
    ['e_gf', '大庆红岗绿能新能源有限公司', '红岗绿能', 'enterprise', '230605', '0459-5673402'],
    ['e_zyly', '肇源县沿江文化旅游开发有限公司', '肇源沿江文旅', 'enterprise', '230622', '0459-8273403'],
    [
      'e_dbmy',
      '杜尔伯特蒙古族自治县草原牧业发展有限公司',
      '杜蒙草原牧业',
      'enterprise',
      '230624',
      '0459-3473404',
    ],
    ['e_dtzb', '大庆大同石油装备制造有限公司', '大同石油装备', 'enterprise', '230606', '0459-5873405'],
    ['e_ys', '大庆云数科技有限公司', '云数科技', 'enterprise', '230603', '0459-6473406'],
    ['e_lj', '大庆东湖冷链物流有限公司', '东湖冷链', 'enterprise', '230603', '0459-6473407'],
    ['e_ncp', '大庆丰源农产品加工有限公司', '丰源农产品', 'enterprise', '230606', '0459-5873408'],
    ['e_zq', '大庆中庆置业有限公司', '中庆置业', 'enterprise', '230602', '0459-6373409'],
    ['e_qn', '大庆龙凤氢能科技有限公司', '龙凤氢能', 'enterprise', '230603', '0459-6473410'],
    ['e_hb', '大庆绿源环保能源有限公司', '绿源环保', 'enterprise', '230606', '0459-5873411'],
    ['e_ry', '大庆北乳乳业有限公司', '北乳乳业', 'enterprise', '230606', '0459-5873412'],
    ['e_jc', '大庆庆筑绿色建材有限公司', '庆筑建材', 'enterprise', '230606', '0459-5873413'],
    ['e_zzym', '肇州县金穗玉米开发有限公司', '金穗玉米', 'enterprise', '230621', '0459-8973414'],
    ['e_zymy', '肇源县江源米业有限公司', '江源米业', 'enterprise', '230622', '0459-8273415'],
    ['e_dtxn', '大庆大同新能源装备有限公司', '大同新能源装备', 'enterprise', '230606', '0459-5873416'],
    ['e_wl', '大庆通衢物流园管理有限公司', '通衢物流', 'enterprise', '230604', '0459-5573417'],
    ['e_gf2', '大庆龙凤环保科技有限公司', '龙凤环保', 'enterprise', '230603', '0459-6473418'],
    ['e_nj', '大庆沃野农机装备有限公司', '沃野农机', 'enterprise', '230606', '0459-5873419'],
    ['e_qp', '大庆驰远汽车零部件有限公司', '驰远零部件', 'enterprise', '230603', '0459-6473420'],
    ['e_tz', '大庆碳汇科技有限公司', '碳汇科技', 'enterprise', '230602', '0459-6373421'],
    ['e_zzsz', '肇州县丰牧生猪养殖有限公司', '丰牧生猪', 'enterprise', '230621', '0459-8973422'],
    ['e_dbfd', '杜尔伯特蒙古族自治县绿风新能源有限公司', '杜蒙绿风', 'enterprise', '230624', '0459-3473423'],
    ['e_dthg', '大庆大同化工新材料有限公司', '大同化工新材料', 'enterprise', '230606', '0459-5873424'],
    ['e_wf', '大庆清源危废处置有限公司', '清源危废', 'enterprise', '230605', '0459-5673425'],
    ['e_ldjy', '林甸县鑫源酒业有限公司', '鑫源酒业', 'enterprise', '230623', '0459-3373426'],
    ['e_ldzl', '林甸县丰禾杂粮加工有限公司', '丰禾杂粮', 'enterprise', '230623', '0459-3373427'],
    ['e_ldmy', '林甸县鹤乡米业有限公司', '鹤乡米业', 'enterprise', '230623', '0459-3373428'],
    ['e_ldzy', '林甸县林旺纸业有限公司', '林旺纸业', 'enterprise', '230623', '0459-3373429'],
    ['e_ldfd', '林甸县北风新能源有限公司', '北风新能源', 'enterprise', '230623', '0459-3373430'],
    ['e_ldsy', '林甸县鑫达薯业有限公司', '鑫达薯业', 'enterprise', '230623', '0459-3373431'],
    ['e_ldsp', '林甸县华瑞食品配料有限公司', '华瑞食品配料', 'enterprise', '230623', '0459-3373432'],
    ['e_ldmu', '林甸县恒润牧业有限公司', '恒润牧业', 'enterprise', '230623', '0459-3373433'],
    ['e_ldwq', '林甸县飞泷温泉度假有限公司', '飞泷温泉', 'enterprise', '230623', '0459-3373434'],
    ['e_ldwl', '林甸县鹤城低碳物流有限公司', '鹤城物流', 'enterprise', '230623', '0459-3373435'],
    // 施工、监理
    ['c_zc', '大庆筑成建设集团有限公司', '筑成建设', 'enterprise', '230600', '0459-6394501'],
    ['c_qa', '黑龙江庆安建设工程有限公司', '庆安建设', 'enterprise', '230600', '0459-6394502'],
    ['c_hj', '大庆华建市政工程有限公司', '华建市政', 'enterprise', '230600', '0459-6394503'],
    ['c_sl', '黑龙江远东水利水电工程有限公司', '远东水利', 'enterprise', '230600', '0459-6394504'],
    ['c_az', '大庆鼎盛石化安装工程有限公司', '鼎盛安装', 'enterprise', '230600', '0459-6394505'],
    ['c_ld', '林甸县宏业建筑工程有限公司', '宏业建筑', 'enterprise', '230623', '0459-3374506'],
    ['c_xy', '肇州县鑫源建筑安装工程有限公司', '鑫源建安', 'enterprise', '230621', '0459-8974507'],
    ['s_zd', '大庆正达建设监理有限公司', '正达监理', 'enterprise', '230600', '0459-6394601'],
    ['s_cx', '黑龙江诚信工程建设监理有限公司', '诚信监理', 'enterprise', '230600', '0459-6394602'],
    ['s_ld', '林甸县建业工程监理有限公司', '建业监理', 'enterprise', '230623', '0459-3374603'],
  ];
  return rows.map(([key, name, shortName, type, regionCode, phone]) => ({
    key,
    name,
    shortName,
    type,
    regionCode,
    parentKey: null,
    phone,
  }));
}

// ---------------------------------------------------------------------------------------------
// People (人员), all fictional
// ---------------------------------------------------------------------------------------------

export const demoPeople: DemoPerson[] = [
  // 市政府领导
  { key: 'p_zhengwb', name: '郑文博', unitKey: 'gov', title: '市长', phone: '0459-6180002' },
  { key: 'p_heqm', name: '贺启明', unitKey: 'gov', title: '常务副市长', phone: '0459-6180003' },
  { key: 'p_kongfs', name: '孔繁胜', unitKey: 'gov', title: '原常务副市长（已调任省直部门）', phone: null },
  { key: 'p_liangzy', name: '梁振宇', unitKey: 'gov', title: '副市长', phone: '0459-6180005' },
  { key: 'p_hejf', name: '何敬峰', unitKey: 'gov', title: '副市长', phone: '0459-6180006' },
  { key: 'p_qihy', name: '齐海燕', unitKey: 'gov', title: '副市长', phone: '0459-6180007' },
  { key: 'p_luxl', name: '鲁晓岚', unitKey: 'gov', title: '副市长', phone: '0459-6180008' },
  { key: 'p_panmy', name: '潘明远', unitKey: 'gov', title: '副市长', phone: '0459-6180009' },
  {
    key: 'p_qinsh',
    name: '秦书涵',
    unitKey: 'gov',
    title: '市政府办公室综合一科科长',
    phone: '0459-6180016',
  },

  // 市政府督查室
  { key: 'p_baizh', name: '柏振华', unitKey: 'dcs', title: '督查室主任', phone: '0459-6180051' },
  { key: 'p_duanxc', name: '段晓川', unitKey: 'dcs', title: '督查一科科长', phone: '0459-6180052' },
  { key: 'p_wenyt', name: '温雅婷', unitKey: 'dcs', title: '督查二科科员', phone: '0459-6180053' },

  // 市纪委监委
  { key: 'p_jiahl', name: '贾宏亮', unitKey: 'jw', title: '派驻第四纪检监察组组长', phone: '0459-6180318' },

  // 市发改委、市重点办
  { key: 'p_caozd', name: '曹振东', unitKey: 'fgw', title: '主任', phone: '0459-6180201' },
  {
    key: 'p_niujq',
    name: '牛佳琪',
    unitKey: 'fgw',
    title: '固定资产投资科科长（联络员）',
    phone: '0459-6180218',
  },
  { key: 'p_yanwd', name: '严卫东', unitKey: 'zdb', title: '主任', phone: '0459-6180231' },
  { key: 'p_weilj', name: '韦丽娟', unitKey: 'zdb', title: '副主任', phone: '0459-6180232' },
  { key: 'p_tangzh', name: '汤子涵', unitKey: 'zdb', title: '项目调度科科员', phone: '0459-6180237' },
  { key: 'p_lupf', name: '陆鹏飞', unitKey: 'zdb', title: '督导考核科科员', phone: '0459-6180238' },
  { key: 'p_baixy', name: '白雪莹', unitKey: 'zdb', title: '综合科科员', phone: '0459-6180239' },
  { key: 'p_zhonghr', name: '钟浩然', unitKey: 'zdb', title: '信息化专员', phone: '0459-6180240' },

  // 市直部门：负责人 + 联络员
  { key: 'p_shenjg', name: '沈继光', unitKey: 'zrj', title: '局长', phone: '0459-6181401' },
  {
    key: 'p_yuanmr',
    name: '袁梦然',
    unitKey: 'zrj',
    title: '用地保障科科长（联络员）',
    phone: '0459-6181425',
  },
  { key: 'p_niezg', name: '聂志刚', unitKey: 'zjj', title: '局长', phone: '0459-6181501' },
  { key: 'p_xujn', name: '许嘉宁', unitKey: 'zjj', title: '建设管理科科长（联络员）', phone: '0459-6181538' },
  { key: 'p_taohw', name: '陶宏伟', unitKey: 'sthj', title: '局长', phone: '0459-6181601' },
  {
    key: 'p_fanglj',
    name: '方丽君',
    unitKey: 'sthj',
    title: '环评与排污许可科科长（联络员）',
    phone: '0459-6181649',
  },
  { key: 'p_yuxb', name: '于兴邦', unitKey: 'jtj', title: '局长', phone: '0459-6181701' },
  {
    key: 'p_gongyh',
    name: '龚一鸿',
    unitKey: 'jtj',
    title: '综合规划科科长（联络员）',
    phone: '0459-6181755',
  },
  { key: 'p_mengqs', name: '孟庆山', unitKey: 'swj', title: '局长', phone: '0459-6181801' },
  {
    key: 'p_yinxr',
    name: '殷晓蕊',
    unitKey: 'swj',
    title: '规划计划科科长（联络员）',
    phone: '0459-6181866',
  },
  { key: 'p_changhm', name: '常洪敏', unitKey: 'gxj', title: '局长', phone: '0459-6181901' },
  {
    key: 'p_kangwj',
    name: '康文杰',
    unitKey: 'gxj',
    title: '投资与技术改造科科长（联络员）',
    phone: '0459-6181977',
  },
  { key: 'p_xiaoyh', name: '肖云鹤', unitKey: 'swuj', title: '局长', phone: '0459-6182001' },
  { key: 'p_dingjw', name: '丁佳伟', unitKey: 'swuj', title: '外资科科长（联络员）', phone: '0459-6182088' },
  { key: 'p_luoyq', name: '罗玉琴', unitKey: 'czj', title: '局长', phone: '0459-6182101' },
  {
    key: 'p_haoyc',
    name: '郝逸晨',
    unitKey: 'czj',
    title: '经济建设科科长（联络员）',
    phone: '0459-6182199',
  },
  { key: 'p_gaofl', name: '高福林', unitKey: 'nyj', title: '局长', phone: '0459-6182201' },
  {
    key: 'p_liuxm',
    name: '柳晓萌',
    unitKey: 'nyj',
    title: '计划财务科科长（联络员）',
    phone: '0459-6182209',
  },
  { key: 'p_tongjx', name: '佟锦秀', unitKey: 'wlj', title: '局长', phone: '0459-6182301' },
  { key: 'p_anzh', name: '安子豪', unitKey: 'wlj', title: '产业发展科科长（联络员）', phone: '0459-6182320' },
  { key: 'p_xueyp', name: '薛玉萍', unitKey: 'jyj', title: '局长', phone: '0459-6182401' },
  {
    key: 'p_shiyf',
    name: '石一帆',
    unitKey: 'jyj',
    title: '发展规划科科长（联络员）',
    phone: '0459-6182431',
  },
  { key: 'p_zhaocx', name: '赵承勋', unitKey: 'wjw', title: '主任', phone: '0459-6182501' },
  { key: 'p_fuyq', name: '傅雨晴', unitKey: 'wjw', title: '规划发展科科长（联络员）', phone: '0459-6182533' },
  { key: 'p_mahb', name: '马海滨', unitKey: 'cgj', title: '局长', phone: '0459-6182601' },
  {
    key: 'p_leisy',
    name: '雷思远',
    unitKey: 'cgj',
    title: '市政设施科科长（联络员）',
    phone: '0459-6182644',
  },
  { key: 'p_linbw', name: '蔺博文', unitKey: 'ysj', title: '局长', phone: '0459-6182701' },
  {
    key: 'p_zoujy',
    name: '邹婧怡',
    unitKey: 'ysj',
    title: '项目服务科科长（联络员）',
    phone: '0459-6182755',
  },

  // 开发区
  { key: 'p_wanghx', name: '王鸿翔', unitKey: 'gxq', title: '管委会主任', phone: '0459-6183101' },
  { key: 'p_wuhq', name: '武海清', unitKey: 'gxq', title: '原管委会主任（已退休）', phone: null },
  {
    key: 'p_sunjy',
    name: '孙嘉怡',
    unitKey: 'gxq',
    title: '经济发展局项目科科长（联络员）',
    phone: '0459-6183109',
  },
  { key: 'p_liugw', name: '刘光伟', unitKey: 'jkq', title: '管委会主任', phone: '0459-6183201' },
  {
    key: 'p_yangsq',
    name: '杨思琪',
    unitKey: 'jkq',
    title: '投资促进局项目科科长（联络员）',
    phone: '0459-6183220',
  },

  // 县区政府
  { key: 'p_wumz', name: '吴明哲', unitKey: 'sa_gov', title: '区长', phone: '0459-6370001' },
  { key: 'p_chenyb', name: '陈跃斌', unitKey: 'lf_gov', title: '区长', phone: '0459-6470001' },
  { key: 'p_zhangyh', name: '张雨航', unitKey: 'rhl_gov', title: '区长', phone: '0459-5570001' },
  { key: 'p_jianghc', name: '蒋浩川', unitKey: 'hg_gov', title: '区长', phone: '0459-5670001' },
  { key: 'p_tanmy', name: '谭明阳', unitKey: 'dt_gov', title: '区长', phone: '0459-5870001' },
  { key: 'p_gucx', name: '顾春雪', unitKey: 'zz_gov', title: '县长', phone: '0459-8970001' },
  { key: 'p_xingrf', name: '邢瑞峰', unitKey: 'zz_gov', title: '副县长', phone: '0459-8970003' },
  { key: 'p_fanzw', name: '范志文', unitKey: 'zy_gov', title: '县长', phone: '0459-8270001' },
  { key: 'p_miaowt', name: '苗文韬', unitKey: 'ld_gov', title: '县长', phone: '0459-3370001' },
  { key: 'p_cuihz', name: '崔洪洲', unitKey: 'ld_gov', title: '常务副县长', phone: '0459-3370002' },
  {
    key: 'p_fengzc',
    name: '冯志诚',
    unitKey: 'ld_gov',
    title: '副县长（原市重点办主任）',
    phone: '0459-3370004',
  },
  { key: 'p_lvcc', name: '吕长春', unitKey: 'ld_gov', title: '二级调研员（原副县长）', phone: null },
  { key: 'p_aorgl', name: '敖日格乐', unitKey: 'db_gov', title: '县长', phone: '0459-3470001' },

  // 林甸县部门、乡镇
  { key: 'p_shenjb', name: '申建波', unitKey: 'ld_fgj', title: '局长', phone: '0459-3371201' },
  {
    key: 'p_gengxy',
    name: '耿晓燕',
    unitKey: 'ld_fgj',
    title: '项目股股长（县重点办）',
    phone: '0459-3371208',
  },
  { key: 'p_zhuangwq', name: '庄维强', unitKey: 'ld_zjj', title: '局长', phone: '0459-3371301' },
  { key: 'p_zuohp', name: '左海鹏', unitKey: 'ld_dcs', title: '督查室主任', phone: '0459-3371401' },
  { key: 'p_ruanjl', name: '阮建林', unitKey: 'ld_ldz', title: '镇长', phone: '0459-3372101' },
  { key: 'p_caiyl', name: '蔡永亮', unitKey: 'ld_hqz', title: '镇长', phone: '0459-3372201' },
  { key: 'p_qiaowj', name: '乔文军', unitKey: 'ld_hyz', title: '镇长', phone: '0459-3372301' },
  { key: 'p_xiazl', name: '夏兆龙', unitKey: 'ld_sjq', title: '镇长', phone: '0459-3372401' },

  // 国有企业
  { key: 'p_yanzh', name: '闫志宏', unitKey: 'ctgs', title: '总经理', phone: '0459-6390501' },
  { key: 'p_songkw', name: '宋凯文', unitKey: 'ctgs', title: '工程管理部项目经理', phone: '0459-6390518' },
  { key: 'p_luoj', name: '骆俊', unitKey: 'jttz', title: '工程建设部项目经理', phone: '0459-6390628' },
  { key: 'p_wangyf', name: '汪逸凡', unitKey: 'gwdq', title: '建设部主任', phone: '0459-6390739' },
  { key: 'p_yewj', name: '叶文杰', unitKey: 'swjt', title: '工程项目部经理', phone: '0459-6390849' },
  { key: 'p_guanxr', name: '关欣然', unitKey: 'ld_wl', title: '项目负责人', phone: '0459-3373509' },

  // 企业
  { key: 'p_shaoyh', name: '邵一航', unitKey: 'zj', title: '项目经理', phone: '0459-6391958' },
  { key: 'p_dengmh', name: '邓明辉', unitKey: 'jl', title: '总监理工程师', phone: '0459-6392069' },
  { key: 'p_huangyz', name: '黄屹舟', unitKey: 'dj', title: '代建项目负责人', phone: '0459-6392179' },
  { key: 'p_linzq', name: '林子谦', unitKey: 'sjy', title: '结构专业高级工程师', phone: '0459-6392288' },
  { key: 'p_zengfy', name: '曾繁宇', unitKey: 'rf', title: '项目经理', phone: '0459-6392393' },
  { key: 'p_qianzy', name: '钱卓远', unitKey: 'lq', title: '项目经理', phone: '0459-6392405' },
  { key: 'p_tengyt', name: '滕云涛', unitKey: 'ld_nm', title: '项目经理', phone: '0459-3373619' },
];

// ---------------------------------------------------------------------------------------------
// Positions (职务): responsibility attaches here, not to the person
// ---------------------------------------------------------------------------------------------

export const demoPositions: DemoPosition[] = [
  // 市政府领导
  {
    key: 'pos_mayor',
    name: '市长',
    unitKey: 'gov',
    holderKey: 'p_zhengwb',
    previous: [],
    currentSince: '2025-01-16',
  },
  {
    key: 'pos_exec_vm',
    name: '常务副市长',
    unitKey: 'gov',
    holderKey: 'p_heqm',
    previous: [
      {
        personKey: 'p_kongfs',
        startDate: '2025-01-16',
        endDate: '2026-03-26',
        reason: '工作调动（调任省直部门）',
      },
    ],
    currentSince: '2026-03-27',
  },
  {
    key: 'pos_vm_ind',
    name: '分管工业和信息化副市长',
    unitKey: 'gov',
    holderKey: 'p_liangzy',
    previous: [],
    currentSince: '2025-01-16',
  },
  {
    key: 'pos_vm_urban',
    name: '分管城乡建设副市长',
    unitKey: 'gov',
    holderKey: 'p_hejf',
    previous: [
      {
        personKey: 'p_heqm',
        startDate: '2025-01-16',
        endDate: '2026-03-26',
        reason: '职务调整（改任常务副市长）',
      },
    ],
    currentSince: '2026-04-10',
  },
  {
    key: 'pos_vm_agri',
    name: '分管农业农村副市长',
    unitKey: 'gov',
    holderKey: 'p_qihy',
    previous: [],
    currentSince: '2025-01-16',
  },
  {
    key: 'pos_vm_soc',
    name: '分管社会事业副市长',
    unitKey: 'gov',
    holderKey: 'p_luxl',
    previous: [],
    currentSince: '2025-06-20',
  },
  {
    key: 'pos_vm_biz',
    name: '分管商务和文旅副市长',
    unitKey: 'gov',
    holderKey: 'p_panmy',
    previous: [],
    currentSince: '2025-01-16',
  },

  // 重点办、督查室
  {
    key: 'pos_zdb_head',
    name: '市重点办主任',
    unitKey: 'zdb',
    holderKey: 'p_yanwd',
    previous: [
      {
        personKey: 'p_fengzc',
        startDate: '2025-03-10',
        endDate: '2026-07-31',
        reason: '交流任职（任林甸县副县长）',
      },
    ],
    currentSince: '2026-08-03',
  },
  {
    key: 'pos_dcs_head',
    name: '市政府督查室主任',
    unitKey: 'dcs',
    holderKey: 'p_baizh',
    previous: [],
    currentSince: '2025-04-08',
  },

  // 市直部门负责人
  {
    key: 'pos_fgw_head',
    name: '市发改委主任',
    unitKey: 'fgw',
    holderKey: 'p_caozd',
    previous: [],
    currentSince: '2025-02-18',
  },
  {
    key: 'pos_zjj_head',
    name: '市住建局局长',
    unitKey: 'zjj',
    holderKey: 'p_niezg',
    previous: [
      {
        personKey: 'p_hejf',
        startDate: '2025-02-18',
        endDate: '2026-04-09',
        reason: '职务调整（提任副市长）',
      },
    ],
    currentSince: '2026-05-20',
  },
  {
    key: 'pos_jtj_head',
    name: '市交通运输局局长',
    unitKey: 'jtj',
    holderKey: 'p_yuxb',
    previous: [],
    currentSince: '2025-02-18',
  },
  {
    key: 'pos_zrj_head',
    name: '市自然资源局局长',
    unitKey: 'zrj',
    holderKey: 'p_shenjg',
    previous: [],
    currentSince: '2025-03-05',
  },
  {
    key: 'pos_gxj_head',
    name: '市工信局局长',
    unitKey: 'gxj',
    holderKey: 'p_changhm',
    previous: [],
    currentSince: '2025-02-18',
  },
  {
    key: 'pos_sthj_head',
    name: '市生态环境局局长',
    unitKey: 'sthj',
    holderKey: 'p_taohw',
    previous: [],
    currentSince: '2025-05-12',
  },
  {
    key: 'pos_swj_head',
    name: '市水务局局长',
    unitKey: 'swj',
    holderKey: 'p_mengqs',
    previous: [],
    currentSince: '2025-02-18',
  },
  {
    key: 'pos_swuj_head',
    name: '市商务局局长',
    unitKey: 'swuj',
    holderKey: 'p_xiaoyh',
    previous: [],
    currentSince: '2025-03-05',
  },
  {
    key: 'pos_czj_head',
    name: '市财政局局长',
    unitKey: 'czj',
    holderKey: 'p_luoyq',
    previous: [],
    currentSince: '2025-02-18',
  },
  {
    key: 'pos_nyj_head',
    name: '市农业农村局局长',
    unitKey: 'nyj',
    holderKey: 'p_gaofl',
    previous: [],
    currentSince: '2025-02-18',
  },
  {
    key: 'pos_wlj_head',
    name: '市文广旅局局长',
    unitKey: 'wlj',
    holderKey: 'p_tongjx',
    previous: [],
    currentSince: '2025-07-01',
  },
  {
    key: 'pos_jyj_head',
    name: '市教育局局长',
    unitKey: 'jyj',
    holderKey: 'p_xueyp',
    previous: [],
    currentSince: '2025-02-18',
  },
  {
    key: 'pos_wjw_head',
    name: '市卫健委主任',
    unitKey: 'wjw',
    holderKey: 'p_zhaocx',
    previous: [],
    currentSince: '2025-02-18',
  },
  {
    key: 'pos_cgj_head',
    name: '市城管执法局局长',
    unitKey: 'cgj',
    holderKey: 'p_mahb',
    previous: [],
    currentSince: '2025-09-15',
  },
  {
    key: 'pos_ysj_head',
    name: '市营商局局长',
    unitKey: 'ysj',
    holderKey: 'p_linbw',
    previous: [],
    currentSince: '2025-02-18',
  },

  // 开发区
  {
    key: 'pos_gxq_head',
    name: '大庆高新区管委会主任',
    unitKey: 'gxq',
    holderKey: 'p_wanghx',
    previous: [
      { personKey: 'p_wuhq', startDate: '2025-01-06', endDate: '2025-10-15', reason: '到龄退休' },
      {
        personKey: 'p_liugw',
        startDate: '2025-10-20',
        endDate: '2026-06-10',
        reason: '职务调整（改任经开区管委会主任）',
      },
    ],
    currentSince: '2026-06-15',
  },
  {
    key: 'pos_jkq_head',
    name: '大庆经开区管委会主任',
    unitKey: 'jkq',
    holderKey: 'p_liugw',
    previous: [],
    currentSince: '2026-06-12',
  },

  // 县区主要领导
  {
    key: 'pos_sa_head',
    name: '萨尔图区区长',
    unitKey: 'sa_gov',
    holderKey: 'p_wumz',
    previous: [],
    currentSince: '2025-01-10',
  },
  {
    key: 'pos_lf_head',
    name: '龙凤区区长',
    unitKey: 'lf_gov',
    holderKey: 'p_chenyb',
    previous: [],
    currentSince: '2025-01-10',
  },
  {
    key: 'pos_rhl_head',
    name: '让胡路区区长',
    unitKey: 'rhl_gov',
    holderKey: 'p_zhangyh',
    previous: [],
    currentSince: '2025-01-10',
  },
  {
    key: 'pos_hg_head',
    name: '红岗区区长',
    unitKey: 'hg_gov',
    holderKey: 'p_jianghc',
    previous: [],
    currentSince: '2025-01-10',
  },
  {
    key: 'pos_dt_head',
    name: '大同区区长',
    unitKey: 'dt_gov',
    holderKey: 'p_tanmy',
    previous: [],
    currentSince: '2025-01-10',
  },
  {
    key: 'pos_zz_head',
    name: '肇州县县长',
    unitKey: 'zz_gov',
    holderKey: 'p_gucx',
    previous: [],
    currentSince: '2025-01-10',
  },
  {
    key: 'pos_zz_vm',
    name: '肇州县分管发改副县长',
    unitKey: 'zz_gov',
    holderKey: 'p_xingrf',
    previous: [],
    currentSince: '2025-01-10',
  },
  {
    key: 'pos_zy_head',
    name: '肇源县县长',
    unitKey: 'zy_gov',
    holderKey: 'p_fanzw',
    previous: [],
    currentSince: '2025-01-10',
  },
  {
    key: 'pos_ld_head',
    name: '林甸县县长',
    unitKey: 'ld_gov',
    holderKey: 'p_miaowt',
    previous: [],
    currentSince: '2025-01-10',
  },
  {
    key: 'pos_ld_exec',
    name: '林甸县常务副县长',
    unitKey: 'ld_gov',
    holderKey: 'p_cuihz',
    previous: [],
    currentSince: '2025-01-10',
  },
  {
    key: 'pos_ld_vm_fg',
    name: '林甸县分管发改副县长',
    unitKey: 'ld_gov',
    holderKey: 'p_fengzc',
    previous: [
      { personKey: 'p_lvcc', startDate: '2025-01-10', endDate: '2026-07-20', reason: '到龄退出领导岗位' },
    ],
    currentSince: '2026-08-01',
  },
  {
    key: 'pos_db_head',
    name: '杜尔伯特蒙古族自治县县长',
    unitKey: 'db_gov',
    holderKey: 'p_aorgl',
    previous: [],
    currentSince: '2025-01-10',
  },

  // 林甸县部门、乡镇
  {
    key: 'pos_ld_fgj_head',
    name: '林甸县发改局局长',
    unitKey: 'ld_fgj',
    holderKey: 'p_shenjb',
    previous: [],
    currentSince: '2025-03-01',
  },
  {
    key: 'pos_ld_zjj_head',
    name: '林甸县住建局局长',
    unitKey: 'ld_zjj',
    holderKey: 'p_zhuangwq',
    previous: [],
    currentSince: '2025-03-01',
  },
  {
    key: 'pos_ld_dcs_head',
    name: '林甸县政府督查室主任',
    unitKey: 'ld_dcs',
    holderKey: 'p_zuohp',
    previous: [],
    currentSince: '2025-04-15',
  },
  {
    key: 'pos_ldz_head',
    name: '林甸镇镇长',
    unitKey: 'ld_ldz',
    holderKey: 'p_ruanjl',
    previous: [],
    currentSince: '2025-02-25',
  },
  {
    key: 'pos_hqz_head',
    name: '红旗镇镇长',
    unitKey: 'ld_hqz',
    holderKey: 'p_caiyl',
    previous: [],
    currentSince: '2025-02-25',
  },
  {
    key: 'pos_hyz_head',
    name: '花园镇镇长',
    unitKey: 'ld_hyz',
    holderKey: 'p_qiaowj',
    previous: [],
    currentSince: '2025-02-25',
  },
  {
    key: 'pos_sjq_head',
    name: '四季青镇镇长',
    unitKey: 'ld_sjq',
    holderKey: 'p_xiazl',
    previous: [],
    currentSince: '2025-02-25',
  },
];

// ---------------------------------------------------------------------------------------------
// Users (登录账号): one per role, plus a county office account
// ---------------------------------------------------------------------------------------------

export const demoUsers: DemoUser[] = [
  {
    username: 'admin',
    displayName: '系统管理员',
    role: 'admin',
    regionCode: '230600',
    unitKey: 'zdb',
    personKey: 'p_zhonghr',
  },
  {
    username: 'office',
    displayName: '汤子涵',
    role: 'office',
    regionCode: '230600',
    unitKey: 'zdb',
    personKey: 'p_tangzh',
  },
  {
    username: 'office_lindian',
    displayName: '耿晓燕',
    role: 'office',
    regionCode: '230623',
    unitKey: 'ld_fgj',
    personKey: 'p_gengxy',
  },
  {
    username: 'leader',
    displayName: '何敬峰',
    role: 'leader',
    regionCode: '230600',
    unitKey: 'gov',
    personKey: 'p_hejf',
  },
  {
    username: 'unit',
    displayName: '许嘉宁',
    role: 'unit',
    regionCode: '230600',
    unitKey: 'zjj',
    personKey: 'p_xujn',
  },
  {
    username: 'reporter',
    displayName: '宋凯文',
    role: 'reporter',
    regionCode: '230600',
    unitKey: 'ctgs',
    personKey: 'p_songkw',
  },
  {
    username: 'inspector',
    displayName: '段晓川',
    role: 'inspector',
    regionCode: '230600',
    unitKey: 'dcs',
    personKey: 'p_duanxc',
  },
  {
    username: 'expert',
    displayName: '林子谦',
    role: 'expert',
    regionCode: '230600',
    unitKey: 'sjy',
    personKey: 'p_linzq',
  },
];
