/**
 * Fixtures of the procedure's tests (issue 14): library rows inserted directly (the library is
 * another part's), an inspection created through the API, and a driver that takes one through
 * its steps to a given state as the office, the experts and the inspected unit would.
 */
import type { InspectionDetail, InspectionStatus } from '@ducha/contract';
import { expect } from 'vitest';
import { addWorkingDays } from '../src/platform/calendar.ts';
import { todayInChina } from '../src/platform/time.ts';
import type { Client, TestApp } from './helpers.ts';

export interface Library {
  /** linked to the demo `expert` account */
  expertLinked: number;
  /** no account: the office records its paper signature */
  expertPaper: number;
  /** linked to the demo `inspector` account */
  inspectorLinked: number;
}

export async function insertLibrary(
  t: TestApp,
  expertUserId: number,
  inspectorUserId: number,
): Promise<Library> {
  const db = t.database.db;
  const [a, b] = await db
    .insertInto('inspection_experts')
    .values([
      {
        region_code: '230600',
        name: '张工',
        specialty: '工程质量',
        employer: '大庆市建筑设计院',
        user_id: expertUserId,
      },
      { region_code: '230600', name: '李会计', specialty: '财务管理', employer: '某会计师事务所' },
    ])
    .returning('id')
    .execute();
  const s = await db
    .insertInto('inspectors')
    .values({ region_code: '230600', name: '王稽察', role: '稽察特派员', user_id: inspectorUserId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { expertLinked: a!.id, expertPaper: b!.id, inspectorLinked: s.id };
}

export const userIdOf = async (t: TestApp, username: string) =>
  (
    await t.database.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
  ).id;

export function ok(
  res: { statusCode: number; body: string; json: () => unknown },
  status = 200,
): InspectionDetail {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as InspectionDetail;
}

export const siteDay = () => addWorkingDays(todayInChina(), 3);

export interface Cast {
  office: Client;
  unit: Client;
  expert?: Client;
}

/** Takes inspection `d` forward until it is in `until` (from planned), with findings on site. */
export async function runTo(
  c: Cast,
  d: InspectionDetail,
  until: InspectionStatus,
): Promise<InspectionDetail> {
  const id = d.inspection.id;
  const step = async (who: Client, body: Record<string, unknown>) =>
    (d = ok(await who.post(`/api/inspections/${id}/steps`, { ...body, version: d.inspection.version })));
  const order: InspectionStatus[] = [
    'planned',
    'noticed',
    'on_site',
    'draft_report',
    'opinion_received',
    'formal_report',
    'rectifying',
    'rechecking',
    'archived',
  ];
  const at = (s: InspectionStatus) => order.indexOf(d.inspection.status) >= order.indexOf(s);
  if (until === 'planned') return d;
  if (!at('noticed')) await step(c.office, { action: 'notify', siteOn: siteDay() });
  if (until === 'noticed') return d;
  if (!at('on_site')) await step(c.office, { action: 'start_site' });
  if (until === 'on_site') return d;
  if (!at('draft_report')) {
    d = ok(
      await c.office.post(`/api/inspections/${id}/findings`, {
        version: d.inspection.version,
        kind: 'problem',
        category: '工程质量',
        content: '窗户玻璃未按规范使用钢化玻璃',
        basis: '《建筑安全玻璃管理规定》',
      }),
      201,
    );
    for (const m of d.members.filter((x) => x.role === 'expert' && !x.signedAt))
      if (m.expertId !== null) {
        const self = c.expert && (await c.expert.get(`/api/inspections/${id}`)).statusCode === 200;
        const paper = await c.office.post(`/api/inspections/${id}/steps`, {
          action: 'sign',
          memberId: m.id,
          version: d.inspection.version,
        });
        if (paper.statusCode === 200) d = paper.json() as InspectionDetail;
        else if (self) await step(c.expert!, { action: 'sign' });
        else throw new Error(paper.body);
      }
    await step(c.unit, { action: 'confirm' });
    await step(c.office, { action: 'issue_draft' });
  }
  if (until === 'draft_report') return d;
  if (!at('opinion_received')) await step(c.unit, { action: 'opinion', opinions: [] });
  if (until === 'opinion_received') return d;
  if (!at('formal_report'))
    await step(c.office, { action: 'formal_report', summary: '发现问题 1 个，提出整改意见。' });
  if (until === 'formal_report') return d;
  if (!at('rectifying'))
    await step(c.office, { action: 'rectify', rectificationDue: addWorkingDays(todayInChina(), 20) });
  if (until === 'rectifying') return d;
  if (!at('rechecking')) await step(c.unit, { action: 'submit_results', summary: '已全部更换为钢化玻璃。' });
  return d;
}
