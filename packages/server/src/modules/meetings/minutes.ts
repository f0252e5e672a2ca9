/**
 * 会议纪要 in the layout offices use: the title with its number, time, place, chair, attendees (and
 * who was absent), 会议议定事项 numbered with unit and deadline, the 对照检查 results, and the other
 * opinions by topic. One model (`minutesOf`), rendered as HTML and as Word (.docx, the `docx` package).
 */
import {
  attendanceStatusLabels,
  itemStatusLabels,
  meetingTypeDefaults,
  type ItemStatus,
  type MeetingDetail,
  type Minutes,
} from '@ducha/contract';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';

const dispositionText: Record<string, string> = {
  done: '已落实，同意销号',
  extended: '延期办理',
  escalated: '提级协调',
  dropped: '不再跟踪',
};

export function minutesOf(d: MeetingDetail): Minutes {
  const m = d.meeting;
  const seqText = m.seq ? `（第${m.seq}次）` : '';
  const present = d.attendance.filter((a) => a.status === 'present' || a.status === 'delegated');
  const absent = d.attendance.filter((a) => a.status === 'absent_excused' || a.status === 'absent');
  const decisions: Minutes['decisions'] = [];
  const notes: Minutes['notes'] = [];
  for (const e of d.entries) {
    if (e.section === 'review') continue;
    for (const o of e.outcomes) {
      if (o.item && (o.kind === 'decision' || o.kind === 'item'))
        decisions.push({
          no: decisions.length + 1,
          text: o.note,
          unit: o.item.responsibleUnit,
          deadline: o.item.dueDate,
          code: o.item.code,
        });
      else notes.push({ topic: e.title, text: o.note });
    }
  }
  return {
    title: `${m.title}${seqText}纪要`,
    number: m.minutesNo,
    heldOn: m.heldOn,
    time: m.time,
    place: m.place,
    chair: m.chair ? `${m.chair.title}${m.chair.holder ?? ''}` : null,
    attendees: present.map(
      (a) =>
        `${a.unit.name}${a.personName ? ` ${a.personName}` : ''}${a.status === 'delegated' ? `（委托 ${a.delegate ?? ''}）` : ''}`,
    ),
    absent: absent.map(
      (a) =>
        `${a.unit.name}${a.personName ? ` ${a.personName}` : ''}（${attendanceStatusLabels[a.status!]}${a.reason ? `：${a.reason}` : ''}）`,
    ),
    review: d.entries
      .filter((e) => e.section === 'review')
      .map((e) => ({
        title: e.item?.title ?? e.title,
        code: e.item?.code ?? null,
        result:
          (e.disposition ? dispositionText[e.disposition] : '未作处理') +
          (e.dispositionDate ? `至 ${e.dispositionDate}` : '') +
          (e.dispositionNote ? `：${e.dispositionNote}` : ''),
        status: e.item ? itemStatusLabels[e.item.status as ItemStatus] : '',
      })),
    decisions,
    notes,
  };
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The minutes as a standalone HTML page (downloaded, printed). */
export function minutesHtml(x: Minutes, type: string): string {
  const li = (items: string[]) => items.map((i) => `<li>${esc(i)}</li>`).join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(x.title)}</title>
<style>body{font-family:"FangSong","仿宋",serif;max-width:780px;margin:2em auto;line-height:1.8}
h1{text-align:center;font-family:"SimHei","黑体",sans-serif;color:#c00}.no{text-align:center}
h2{font-family:"SimHei","黑体",sans-serif;font-size:1.1em}</style></head><body>
<h1>${esc(x.title)}</h1>
${x.number ? `<p class="no">${esc(x.number)}</p>` : ''}
<p>${esc(`${x.heldOn} ${x.time}，${x.chair ? `${x.chair}主持召开` : '召开'}${meetingTypeDefaults[type as keyof typeof meetingTypeDefaults]?.label ?? '会议'}${x.place ? `，地点：${x.place}` : ''}。`)}</p>
<p><strong>参会单位：</strong>${esc(x.attendees.join('；') || '（未登记）')}</p>
${x.absent.length ? `<p><strong>缺席：</strong>${esc(x.absent.join('；'))}</p>` : ''}
${
  x.review.length
    ? `<h2>一、上次会议议定事项落实情况（对照检查）</h2><ol>${li(
        x.review.map(
          (r) => `${r.code ? `[${r.code}] ` : ''}${r.title}：${r.result}${r.status ? `（${r.status}）` : ''}`,
        ),
      )}</ol>`
    : ''
}
<h2>${x.review.length ? '二、' : '一、'}会议议定事项</h2>
${x.decisions.length ? `<ol>${li(x.decisions.map((d) => `${d.text}（责任单位：${d.unit ?? '—'}；完成时限：${d.deadline ?? '—'}${d.code ? `；编号 ${d.code}` : ''}）`))}</ol>` : '<p>（无）</p>'}
${x.notes.length ? `<h2>${x.review.length ? '三、' : '二、'}其他会议意见</h2><ol>${li(x.notes.map((n) => `${n.topic}：${n.text}`))}</ol>` : ''}
</body></html>`;
}

const p = (text: string, opts: { bold?: boolean; center?: boolean; size?: number; color?: string } = {}) =>
  new Paragraph({
    alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { after: 120, line: 360 },
    children: [
      new TextRun({ text, bold: opts.bold, size: opts.size ?? 28, color: opts.color, font: '仿宋' }),
    ],
  });
const h = (text: string) =>
  new Paragraph({
    heading: HeadingLevel.HEADING_2,
    spacing: { before: 240, after: 120 },
    children: [new TextRun({ text, bold: true, size: 30, font: '黑体' })],
  });

/** The minutes as a Word document. */
export async function minutesDocx(x: Minutes, type: string): Promise<Buffer> {
  const label = meetingTypeDefaults[type as keyof typeof meetingTypeDefaults]?.label ?? '会议';
  const children: Paragraph[] = [
    p(x.title, { bold: true, center: true, size: 44, color: 'C00000' }),
    ...(x.number ? [p(x.number, { center: true })] : []),
    p(
      `${x.heldOn} ${x.time}，${x.chair ? `${x.chair}主持召开` : '召开'}${label}${x.place ? `，地点：${x.place}` : ''}。`,
    ),
    p(`参会单位：${x.attendees.join('；') || '（未登记）'}`),
    ...(x.absent.length ? [p(`缺席：${x.absent.join('；')}`)] : []),
  ];
  let n = 0;
  const cn = ['一', '二', '三', '四'];
  if (x.review.length) {
    children.push(h(`${cn[n++]}、上次会议议定事项落实情况（对照检查）`));
    x.review.forEach((r, i) =>
      children.push(
        p(
          `${i + 1}. ${r.code ? `[${r.code}] ` : ''}${r.title}：${r.result}${r.status ? `（${r.status}）` : ''}`,
        ),
      ),
    );
  }
  children.push(h(`${cn[n++]}、会议议定事项`));
  if (!x.decisions.length) children.push(p('（无）'));
  for (const d of x.decisions)
    children.push(
      p(
        `${d.no}. ${d.text}（责任单位：${d.unit ?? '—'}；完成时限：${d.deadline ?? '—'}${d.code ? `；编号 ${d.code}` : ''}）`,
      ),
    );
  if (x.notes.length) {
    children.push(h(`${cn[n++]}、其他会议意见`));
    x.notes.forEach((o, i) => children.push(p(`${i + 1}. ${o.topic}：${o.text}`)));
  }
  const doc = new Document({
    creator: 'Ducha',
    title: x.title,
    sections: [{ properties: {}, children }],
  });
  return Packer.toBuffer(doc);
}
