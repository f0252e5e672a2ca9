/**
 * Dictionaries edited by the office on a page: an English label beside the Chinese one and a version
 * number for concurrent edits. The default entries get their English labels, and the sectors the
 * seeds' county lists use (第三产业 beside 现代服务业) become defaults, so such lists import.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table dictionary_items add column label_en text;
    alter table dictionary_items add column version integer not null default 1;

    insert into dictionary_items (kind, code, label, sort) values
      ('sector', '现代服务业', '现代服务业', 3), ('sector', '第三产业', '第三产业', 8)
    on conflict (kind, code) do nothing;

    update dictionary_items d set label_en = v.en
    from (values
      ('sector', '工业', 'Industry'),
      ('sector', '农业', 'Agriculture'),
      ('sector', '现代服务业', 'Modern services'),
      ('sector', '基础设施', 'Infrastructure'),
      ('sector', '城乡建设', 'Urban and rural development'),
      ('sector', '社会事业', 'Social development'),
      ('sector', '旅游商贸物流', 'Tourism, trade and logistics'),
      ('sector', '第三产业', 'Tertiary industry'),
      ('funding_source', '中央资金', 'Central government funds'),
      ('funding_source', '省级资金', 'Provincial funds'),
      ('funding_source', '地方配套', 'Local matching funds'),
      ('funding_source', '政府专项债券', 'Special-purpose government bonds'),
      ('funding_source', '银行贷款', 'Bank loans'),
      ('funding_source', '企业自筹', 'Own funds of the enterprise'),
      ('funding_source', '社会资本', 'Private capital'),
      ('tag', '民生实事', 'Livelihood project'),
      ('tag', '招商引资', 'Investment attraction'),
      ('tag', '国债项目', 'Treasury bond project'),
      ('tag', '专项债项目', 'Special bond project'),
      ('item_category', '审批手续', 'Approvals'),
      ('item_category', '用地报批', 'Land-use approval'),
      ('item_category', '征地拆迁', 'Land acquisition and demolition'),
      ('item_category', '资金', 'Funding'),
      ('item_category', '要素保障(水电路气讯)', 'Utilities (water, power, roads, gas, telecom)'),
      ('item_category', '施工组织', 'Construction organisation'),
      ('item_category', '管线迁改', 'Pipeline relocation'),
      ('item_category', '市政配套', 'Municipal facilities'),
      ('item_category', '其他', 'Other')
    ) as v(kind, code, en)
    where d.kind = v.kind and d.code = v.code and d.label_en is null;
  `,
  );
}
