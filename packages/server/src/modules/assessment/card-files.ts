/**
 * 红黄牌's files (issue 15): the 警示通知 as a Word document in the layout of a formal notice (its
 * number, a red title, the addressee, the body, the issuing office and date on the right), and the
 * list as an .xlsx register (警示台账) with the same fields as the page.
 */
import { cardColorLabels, cardStatusLabels, cardTriggerLabels, type WarningCard } from '@ducha/contract';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { addTable, ExcelJS, toBuffer } from '../../platform/excel.ts';

const line = (
  text: string,
  o: { bold?: boolean; align?: 'center' | 'right'; size?: number; color?: string; indent?: boolean } = {},
) =>
  new Paragraph({
    alignment:
      o.align === 'center'
        ? AlignmentType.CENTER
        : o.align === 'right'
          ? AlignmentType.RIGHT
          : AlignmentType.LEFT,
    indent: o.indent ? { firstLine: 640 } : undefined,
    spacing: { after: 120, line: 400 },
    children: [new TextRun({ text, bold: o.bold, size: o.size ?? 32, color: o.color, font: '仿宋' })],
  });

/**
 * The notice's lines (noticeText in card-rules.ts): number, title, addressee, the body
 * paragraphs, then the office and the date.
 */
export async function noticeDocx(card: Pick<WarningCard, 'notice' | 'noticeNo' | 'color'>): Promise<Buffer> {
  const lines = card.notice.split('\n');
  const [no, title, to] = lines;
  const body = lines.slice(3, -2);
  const [office, date] = lines.slice(-2);
  const red = card.color === 'red' ? 'C00000' : 'B8860B';
  const children = [
    line(no ?? card.noticeNo, { align: 'center' }),
    line(title ?? '', { bold: true, align: 'center', size: 44, color: red }),
    line(to ?? ''),
    ...body.map((p) => line(p, { indent: true })),
    line(''),
    line(office ?? '', { align: 'right' }),
    line(date ?? '', { align: 'right' }),
  ];
  const doc = new Document({
    creator: 'Ducha',
    title: card.noticeNo,
    sections: [{ properties: {}, children }],
  });
  return Packer.toBuffer(doc);
}

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '');

export async function cardsWorkbook(cards: readonly WarningCard[], title: string) {
  const wb = new ExcelJS.Workbook();
  addTable(
    wb,
    title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31),
    [
      { header: '序号', width: 6 },
      { header: '文号', width: 22 },
      { header: '类别', width: 7 },
      { header: '单位', width: 30 },
      { header: '所属月份', width: 10 },
      { header: '触发情形', width: 16 },
      { header: '警示事由', width: 48 },
      { header: '状态', width: 8 },
      { header: '发出日期', width: 12 },
      { header: '签收日期', width: 12 },
      { header: '整改措施', width: 40 },
      { header: '撤销日期', width: 12 },
      { header: '撤销理由', width: 30 },
    ],
    cards.map((c, i) => [
      i + 1,
      c.noticeNo,
      cardColorLabels[c.color],
      c.unitName,
      `${c.year}-${String(c.month).padStart(2, '0')}`,
      cardTriggerLabels[c.trigger],
      c.triggerDetail,
      cardStatusLabels[c.status],
      day(c.issuedAt),
      day(c.acknowledgedAt),
      c.acknowledgement ?? '',
      day(c.liftedAt),
      c.liftReason ?? '',
    ]),
  );
  return toBuffer(wb);
}
