/**
 * The procedure's documents (DOMAIN §7): the bodies written at each step (a snapshot, kept in
 * `inspection_documents.body`: a title, the addressee, numbered sections of lines, and a `summary`
 * on the formal report and the results that the public pages show) and their Word rendering in the
 * province's layout (稽察通知, 稽察报告 with 项目概况 / 发现的问题 / 意见建议 / 整改意见, 整改通知书).
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { Trx } from '../../db/connection.ts';
import type { Actor } from '../../platform/access/context.ts';
import { unitName } from '../org/index.ts';
import { readableProject } from '../projects/index.ts';
import { liveFindings, type InspectionRow } from './inspection-repo.ts';

export interface DocSection {
  heading: string;
  lines: string[];
}
export interface DocBody {
  title: string;
  to?: string | null;
  sections?: DocSection[];
  summary?: string;
  [k: string]: unknown;
}

const cn = ['一', '二', '三', '四', '五', '六'];

export async function noticeBody(
  trx: Trx,
  actor: Actor,
  i: InspectionRow,
  siteOn: string,
  today: string,
  note: string,
) {
  const p = await readableProject(trx, actor, i.project_id);
  const to = i.inspected_unit_id === null ? null : await unitName(trx, i.inspected_unit_id);
  return {
    to,
    siteOn,
    sections: [
      {
        heading: '稽察事项',
        lines: [
          `根据年度稽察计划，定于 ${siteOn} 对“${p.name}”（${p.code}）开展稽察，请做好准备，届时提供项目审批、招投标、合同、资金使用、工程质量和安全生产等资料，并安排熟悉情况的人员陪同。`,
          ...(note ? [note] : []),
        ],
      },
    ],
    issuedOn: today,
  };
}

/** The report: project overview, the standing findings, the suggestions and the rectification opinion. */
export async function formalReportBody(trx: Trx, actor: Actor, i: InspectionRow, today: string) {
  const p = await readableProject(trx, actor, i.project_id);
  const findings = await liveFindings(trx, i.id);
  const problems = findings.filter((f) => f.kind === 'problem');
  const suggestions = findings.filter((f) => f.kind === 'suggestion');
  const to = i.inspected_unit_id === null ? null : await unitName(trx, i.inspected_unit_id);
  return {
    to,
    issuedOn: today,
    sections: [
      {
        heading: '项目概况',
        lines: [
          `${p.name}（${p.code}），位于${p.region_name}，总投资 ${p.total_investment} 万元，建设单位：${p.owner_name ?? '—'}，责任单位：${p.responsible_unit_name ?? '—'}。`,
        ],
      },
      {
        heading: '发现的问题',
        lines: problems.length
          ? problems.map(
              (f, n) => `${n + 1}. 【${f.category}】${f.content}${f.basis ? `（依据：${f.basis}）` : ''}`,
            )
          : ['未发现问题。'],
      },
      {
        heading: '意见建议',
        lines: suggestions.length ? suggestions.map((f, n) => `${n + 1}. ${f.content}`) : ['无。'],
      },
      {
        heading: '整改意见',
        lines: problems.length
          ? ['请被稽察单位对上述问题逐条整改，整改结果按期书面报送，稽察机关将组织复查。']
          : ['无需整改。'],
      },
    ],
  };
}

export async function rectificationBody(
  trx: Trx,
  actor: Actor,
  i: InspectionRow,
  today: string,
  due: string,
  note: string,
) {
  const findings = await liveFindings(trx, i.id);
  const to = i.inspected_unit_id === null ? null : await unitName(trx, i.inspected_unit_id);
  const p = await readableProject(trx, actor, i.project_id);
  return {
    to,
    issuedOn: today,
    due,
    sections: [
      {
        heading: '整改事项',
        lines: findings
          .filter((f) => f.kind === 'problem')
          .map((f, n) => `${n + 1}. 【${f.category}】${f.content}`),
      },
      {
        heading: '整改要求',
        lines: [
          `请于 ${due} 前完成“${p.name}”稽察发现问题的整改，并书面报送整改结果。`,
          ...(note ? [note] : []),
        ],
      },
    ],
  };
}

const para = (text: string, o: { bold?: boolean; center?: boolean; size?: number; color?: string } = {}) =>
  new Paragraph({
    alignment: o.center ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { after: 120, line: 360 },
    children: [new TextRun({ text, bold: o.bold, size: o.size ?? 28, color: o.color, font: '仿宋' })],
  });
const heading = (text: string) =>
  new Paragraph({
    heading: HeadingLevel.HEADING_2,
    spacing: { before: 240, after: 120 },
    children: [new TextRun({ text, bold: true, size: 30, font: '黑体' })],
  });

/** A document as Word: red title, its number, the addressee, the numbered sections. */
export async function documentDocx(body: DocBody, number: string | null, code: string): Promise<Buffer> {
  const children: Paragraph[] = [
    para(body.title, { bold: true, center: true, size: 44, color: 'C00000' }),
    ...(number ? [para(number, { center: true })] : []),
    ...(body.to ? [para(`${body.to}：`)] : []),
  ];
  (body.sections ?? []).forEach((s, n) => {
    children.push(heading(`${cn[n] ?? n + 1}、${s.heading}`));
    for (const l of s.lines) children.push(para(l));
  });
  if (body.summary) children.push(heading('摘要'), para(body.summary));
  children.push(
    para(`稽察编号：${code}`),
    ...(typeof body.issuedOn === 'string' ? [para(body.issuedOn)] : []),
  );
  const doc = new Document({ creator: 'Ducha', title: body.title, sections: [{ properties: {}, children }] });
  return Packer.toBuffer(doc);
}
