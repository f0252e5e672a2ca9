/**
 * The ledger's .xlsx exports in the layouts offices circulate (issue 15): the ledger rows (考核台账),
 * the ranking with its 红黑榜 (one sheet for the lists, one per group), and a unit's score card
 * (months down, rules across). The numbers are the API's, so the sheet matches the pages.
 */
import {
  causeKindLabels,
  exemptionStatusLabels,
  scoreRowStatusLabels,
  scoreRuleLabels,
  scoreRules,
  type Ranking,
  type ScoreCard,
  type ScoreRow,
} from '@ducha/contract';
import { addTable, ExcelJS, toBuffer } from '../../platform/excel.ts';

const pct = (p: string | null) => (p === null ? '—' : `${(Number(p) * 100).toFixed(1)}%`);
const boardLabel = (b: 'red' | 'black' | null) => (b === 'red' ? '红榜' : b === 'black' ? '黑榜' : '');
/** Excel sheet names: 31 characters, none of []:*?/\ */
const sheetName = (s: string) => s.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

export async function ledgerWorkbook(rows: readonly ScoreRow[], title: string) {
  const wb = new ExcelJS.Workbook();
  addTable(
    wb,
    sheetName(title),
    [
      { header: '序号', width: 6 },
      { header: '月份', width: 9 },
      { header: '单位', width: 28 },
      { header: '考核规则', width: 16 },
      { header: '分值', width: 9 },
      { header: '计入得分', width: 9 },
      { header: '事由', width: 60 },
      { header: '关联', width: 28 },
      { header: '来源', width: 8 },
      { header: '状态', width: 8 },
      { header: '豁免', width: 10 },
    ],
    rows.map((r, i) => [
      i + 1,
      `${r.year}-${String(r.month).padStart(2, '0')}`,
      r.unitName,
      scoreRuleLabels[r.rule].zh,
      Number(r.points),
      Number(r.counted),
      r.reason,
      `${causeKindLabels[r.cause.kind]}${r.cause.projectName ? `：${r.cause.projectName}` : ''}`,
      r.source === 'manual' ? '人工' : '系统',
      scoreRowStatusLabels[r.status],
      r.exemption ? exemptionStatusLabels[r.exemption.status] : '',
    ]),
  );
  return toBuffer(wb);
}

export async function rankingWorkbook(r: Ranking, periodLabel: string) {
  const wb = new ExcelJS.Workbook();
  addTable(
    wb,
    '红黑榜',
    [
      { header: '分组', width: 24 },
      { header: '榜单', width: 8 },
      { header: '名次', width: 6 },
      { header: '单位', width: 30 },
      { header: '得分', width: 9 },
      { header: '序时完成率', width: 11 },
    ],
    r.groups.flatMap((g) =>
      (['red', 'black'] as const).flatMap((b) =>
        g.entries
          .filter((e) => e.board === b)
          .map((e) => [g.name, boardLabel(b), e.rank, e.unitName, Number(e.score), pct(e.pace)]),
      ),
    ),
  );
  for (const g of r.groups)
    addTable(
      wb,
      sheetName(`${g.name}`),
      [
        { header: '名次', width: 6 },
        { header: '单位', width: 30 },
        { header: `得分(基础分 ${r.baseScore})`, width: 14 },
        { header: '加分', width: 9 },
        { header: '扣分', width: 9 },
        { header: '记录数', width: 8 },
        { header: '序时完成率', width: 11 },
        { header: '榜单', width: 8 },
      ],
      g.entries.map((e) => [
        e.rank,
        e.unitName,
        Number(e.score),
        Number(e.bonuses),
        Number(e.deductions),
        e.rows,
        pct(e.pace),
        boardLabel(e.board),
      ]),
    )
      .getRow(1)
      .getCell(1).note = `${r.regionName}${periodLabel}考核排名(${r.schemeName})`;
  return toBuffer(wb);
}

export async function cardWorkbook(c: ScoreCard) {
  const wb = new ExcelJS.Workbook();
  const rules = scoreRules.filter((k) => c.months.some((m) => m.byRule[k] !== undefined));
  addTable(
    wb,
    sheetName(`${c.year}年考核卡`),
    [
      { header: '月份', width: 8 },
      ...rules.map((k) => ({ header: scoreRuleLabels[k].zh, width: 12 })),
      { header: '合计', width: 9 },
      { header: '得分', width: 9 },
      { header: '名次', width: 8 },
      { header: '榜单', width: 8 },
    ],
    [
      ...c.months.map((m) => [
        `${m.month}月`,
        ...rules.map((k) => (m.byRule[k] === undefined ? '' : Number(m.byRule[k]))),
        Number(m.total),
        m.computed ? Number(m.score) : '未计算',
        m.rank === null ? '' : `${m.rank}/${m.of}`,
        boardLabel(m.board),
      ]),
      [
        '全年',
        ...rules.map((k) => (c.total.byRule[k] === undefined ? '' : Number(c.total.byRule[k]))),
        Number(c.total.total),
        Number(c.total.score),
        c.total.rank ?? '',
        '',
      ],
    ],
  )
    .getRow(1)
    .getCell(1).note = `${c.unitName} ${c.year}年度考核(${c.groupName ?? '未分组'})`;
  return toBuffer(wb);
}
