/**
 * Enterprise credit's .xlsx exports in the layouts offices publish (issue 15; seed 003): the
 * directory (名录, one sheet per kind of firm, 甲类 before 乙类, numbered within the sheet) and a
 * quarter's evaluations (考评情况通报: a summary by grade, then every evaluation, best first). The
 * figures are the API's, so the sheets match the pages.
 */
import {
  creditKindLabels,
  enterpriseGradeLabels,
  enterpriseKindLabels,
  enterpriseKinds,
  enterpriseStatusLabels,
  evaluationGradeLabels,
  evaluationGrades,
  evaluationKindLabels,
  type Enterprise,
  type Evaluation,
} from '@ducha/contract';
import { addTable, ExcelJS, toBuffer } from '../../platform/excel.ts';

export async function directoryWorkbook(firms: readonly Enterprise[]) {
  const wb = new ExcelJS.Workbook();
  const kinds = enterpriseKinds.filter((k) => firms.some((f) => f.kind === k));
  for (const kind of kinds.length ? kinds : enterpriseKinds.slice(0, 1))
    addTable(
      wb,
      `${enterpriseKindLabels[kind]}名录`,
      [
        { header: '序号', width: 6 },
        { header: '企业名称', width: 36 },
        { header: '类别', width: 8 },
        { header: '专业', width: 40 },
        { header: '入库日期', width: 12 },
        { header: '状态', width: 10 },
        { header: '状态日期', width: 12 },
        { header: '状态说明', width: 30 },
        { header: `${creditKindLabels.good}记录`, width: 12 },
        { header: `${creditKindLabels.bad}记录`, width: 12 },
        { header: '年度考评平均分', width: 14 },
      ],
      firms
        .filter((f) => f.kind === kind)
        .map((f, i) => [
          i + 1,
          f.unitName,
          f.grade ? enterpriseGradeLabels[f.grade] : '',
          f.specialties.join('、'),
          f.admittedOn,
          enterpriseStatusLabels[f.status],
          f.statusOn,
          f.statusReason ?? '',
          f.goodRecords,
          f.badRecords,
          f.latestScore === null ? '' : Number(f.latestScore),
        ]),
    );
  return toBuffer(wb);
}

export async function evaluationsWorkbook(rows: readonly Evaluation[], title: string) {
  const wb = new ExcelJS.Workbook();
  addTable(
    wb,
    '汇总',
    [
      { header: '等次', width: 10 },
      { header: '项目数', width: 10 },
      { header: '企业', width: 60 },
    ],
    evaluationGrades.map((g) => {
      const of = rows.filter((r) => r.grade === g);
      return [evaluationGradeLabels[g], of.length, [...new Set(of.map((r) => r.enterpriseName))].join('、')];
    }),
  )
    .getRow(1)
    .getCell(1).note = title;
  addTable(
    wb,
    '考评明细',
    [
      { header: '序号', width: 6 },
      { header: '企业名称', width: 36 },
      { header: '项目', width: 40 },
      { header: '考评方式', width: 10 },
      { header: '得分', width: 8 },
      { header: '等次', width: 8 },
      { header: '考评日期', width: 12 },
      { header: '关联稽察', width: 10 },
      { header: '信用记录', width: 12 },
      { header: '备注', width: 30 },
    ],
    rows.map((r, i) => [
      i + 1,
      r.enterpriseName,
      r.projectName,
      evaluationKindLabels[r.kind],
      Number(r.score),
      evaluationGradeLabels[r.grade],
      r.evaluatedOn,
      r.inspectionId ?? '',
      r.grade === 'excellent' ? '良好信用记录' : r.grade === 'fail' ? '不良行为记录' : '',
      r.notes,
    ]),
  );
  return toBuffer(wb);
}
