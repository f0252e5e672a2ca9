/**
 * 红黄牌 against a real database (issue 15): the month's cards issued by their triggers from the
 * month's paces and ledger rows (黄牌 below the pace share, never at it, never twice; 红牌 after two
 * unlifted 黄牌, and for a referral), numbered per region and year with their notices; a card by
 * hand; the unit's acknowledgement and the office's lifting, in scope and with versions; the list's
 * filters and scope; the notice as .docx and the register as .xlsx.
 */
import type { WarningCard, WarningCardList } from '@ducha/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transaction } from '../src/db/connection.ts';
import { issueCards } from '../src/modules/assessment/card-issue.ts';
import { schemeById } from '../src/modules/assessment/scheme-store.ts';
import { openWorkbook } from '../src/platform/excel.ts';
import { zipEntries } from '../src/platform/files.ts';
import { activeTestScheme, insertPaces, insertRows } from './assessment-fixtures.ts';
import { demoUnits, signInAs } from './factories.ts';
import { auditHelpers, createTestApp, expectError, type Client, type TestApp } from './helpers.ts';

let t: TestApp;
let c: Record<'admin' | 'office' | 'office_lindian' | 'leader' | 'unit' | 'reporter', Client>;
let u: Awaited<ReturnType<typeof demoUnits>>;
let scheme: number;
const Y = 2026;
const { lastAuditOf } = auditHelpers(() => t);

beforeAll(async () => {
  t = await createTestApp();
  c = await signInAs(t, 'admin', 'office', 'office_lindian', 'leader', 'unit', 'reporter');
  u = await demoUnits(t);
  scheme = await activeTestScheme(t.database.db, '230600', Y, (cfg) => ({
    ...cfg,
    groups: [{ code: 'dept', name: '市直部门和国有企业', unitIds: [u.zjj, u.jtj, u.swj, u.fgw] }],
  }));
}, 120_000);
afterAll(() => t.close());

const issue = async (month: number, year = Y, id = scheme) => {
  const s = (await schemeById(t.database.db, id))!;
  return transaction(t.database.db, (trx) => issueCards(trx, s, year, month));
};
const paces = (month: number, p: [number, string | null][]) =>
  insertPaces(t.database.db, scheme, '230600', Y, month, p);
const list = async (by: Client, q = '') => {
  const res = await by.get(`/api/warning-cards?year=${Y}&pageSize=100&${q}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as WarningCardList;
};
const cardsOf = async (unitId: number) =>
  (await list(c.admin, `unitId=${unitId}`)).items.sort((a, b) => a.id - b.id);
const ok = <T>(res: { statusCode: number; body: string; json: () => unknown }, status = 200) => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};

describe('issued by the trigger', () => {
  it('黄牌 below 60% of the monthly task, with its figures, number and notice; none at or above it, none without a plan', async () => {
    await paces(1, [
      [u.zjj, '0.5200'],
      [u.jtj, '0.6000'],
      [u.swj, '0.5999'],
      [u.fgw, null],
    ]);
    expect(await issue(1)).toBe(2);
    const [zjj] = await cardsOf(u.zjj);
    expect(zjj).toMatchObject({
      color: 'yellow',
      trigger: 'task_below',
      month: 1,
      status: 'issued',
      issuedBy: null,
      triggerDetail: '1月序时完成率 52.0%，低于 60%',
      unitName: '大庆市住房和城乡建设局',
      regionCode: '230600',
    });
    expect(zjj!.noticeNo).toMatch(/^黄牌警示〔2026〕[12]号$/);
    expect(zjj!.notice).toContain('大庆市住房和城乡建设局：');
    expect(zjj!.notice).toContain('1月序时完成率 52.0%，低于 60%');
    expect(zjj!.notice).toContain('5 个工作日内签收');
    expect((await cardsOf(u.swj))[0]!.triggerDetail).toBe('1月序时完成率 59.9%，低于 60%');
    expect(await cardsOf(u.jtj)).toEqual([]);
    expect(await cardsOf(u.fgw)).toEqual([]);
    const audit = await lastAuditOf('warning_card', zjj!.id);
    expect([audit.action, audit.actor_id]).toEqual(['issue', null]);
    // the unit's staff learn of it in their inbox
    const inbox = ok<{
      items: { kind: string; title: string; body: string; entity: string; entityId: string }[];
    }>(await c.unit.get('/api/notifications?pageSize=50'));
    expect(inbox.items.filter((n) => n.kind === 'warning_card')).toEqual([
      expect.objectContaining({
        title: `${zjj!.noticeNo}：黄牌警示`,
        body: '1月序时完成率 52.0%，低于 60%。请于 5 个工作日内签收，并报送整改措施。',
        entity: 'warning_card',
        entityId: String(zjj!.id),
      }),
    ]);
  });

  it('is idempotent: a second run issues nothing and numbers nothing', async () => {
    const before = await list(c.admin);
    expect(await issue(1)).toBe(0);
    const after = await list(c.admin);
    expect(after.items.map((x) => [x.id, x.noticeNo])).toEqual(before.items.map((x) => [x.id, x.noticeNo]));
  });

  it('a recompute never withdraws a card: the month’s pace corrected above the threshold leaves it standing', async () => {
    const db = t.database.db;
    const where = { region_code: '230600', year: Y, month: 1, unit_id: u.zjj };
    await db
      .updateTable('score_unit_months')
      .set({ pace: '0.9500' })
      .where((e) => e.and(where))
      .execute();
    expect(await issue(1)).toBe(0);
    expect((await cardsOf(u.zjj)).map((x) => [x.month, x.status])).toEqual([[1, 'issued']]);
    await db
      .updateTable('score_unit_months')
      .set({ pace: '0.5200' })
      .where((e) => e.and(where))
      .execute();
  });

  it('红牌 when the second unlifted 黄牌 comes, in the same run; a third 黄牌 gives no second 红牌', async () => {
    await paces(2, [
      [u.zjj, '0.4000'],
      [u.jtj, '0.9000'],
      [u.swj, '0.8000'],
      [u.fgw, '0.5000'],
    ]);
    expect(await issue(2)).toBe(3); // 黄牌 住建局 and 发改委, 红牌 住建局
    const zjj = await cardsOf(u.zjj);
    expect(zjj.map((x) => [x.color, x.trigger, x.month])).toEqual([
      ['yellow', 'task_below', 1],
      ['yellow', 'task_below', 2],
      ['red', 'yellow_repeat', 2],
    ]);
    expect(zjj[2]!.triggerDetail).toBe('本年度未撤销的黄牌累计 2 张，达到 2 张');
    expect(zjj[2]!.notice).toContain('移送效能、纪检部门');
    expect((await cardsOf(u.fgw)).map((x) => x.color)).toEqual(['yellow']);
    expect((await cardsOf(u.swj)).map((x) => x.color)).toEqual(['yellow']); // no 黄牌 in February

    await paces(3, [[u.zjj, '0.3000']]);
    expect(await issue(3)).toBe(1);
    expect((await cardsOf(u.zjj)).map((x) => x.color)).toEqual(['yellow', 'yellow', 'red', 'yellow']);
    await paces(4, [[u.zjj, '0.3000']]);
    expect(await issue(4)).toBe(2); // the 4th 黄牌 and the next 红牌
    expect((await cardsOf(u.zjj)).filter((x) => x.color === 'red').length).toBe(2);
  });

  it('no 红牌 after one 黄牌 and a lifted one', async () => {
    const [first] = await cardsOf(u.swj); // January's
    ok(
      await c.office.post(`/api/warning-cards/${first!.id}/lift`, {
        version: first!.version,
        reason: '数据核减后达标',
      }),
    );
    await paces(5, [[u.swj, '0.1000']]);
    expect(await issue(5)).toBe(1);
    expect((await cardsOf(u.swj)).map((x) => [x.color, x.status])).toEqual([
      ['yellow', 'lifted'],
      ['yellow', 'issued'],
    ]);
  });

  it('红牌 for a counted referral row of the month; not for an exempted one, nor when the scheme says no', async () => {
    const [, exempted] = await insertRows(t.database.db, scheme, '230600', Y, [
      { unitId: u.jtj, month: 6, rule: 'referral', points: '-5.00', key: 'referral:t1' },
      { unitId: u.swj, month: 6, rule: 'referral', points: '-5.00', key: 'referral:t2' },
      { unitId: u.jtj, month: 6, rule: 'referral', points: '-5.00', key: 'referral:t3' },
    ]);
    await t.database.db
      .updateTable('score_rows')
      .set({ exemption_status: 'approved' })
      .where('id', '=', exempted!)
      .execute();
    expect(await issue(6)).toBe(1);
    const [jtj] = await cardsOf(u.jtj);
    expect(jtj).toMatchObject({ color: 'red', trigger: 'referral', month: 6 });
    expect(jtj!.triggerDetail).toBe('6月被问责移送 2 起');
    expect(await issue(6)).toBe(0);

    // a scheme without 红牌 for referrals (another year keeps its numbering apart)
    const quiet = await activeTestScheme(t.database.db, '230600', 2025, (cfg) => ({
      ...cfg,
      groups: [{ code: 'dept', name: '部门', unitIds: [u.jtj] }],
      cards: { ...cfg.cards, redOnReferral: false },
    }));
    await insertRows(t.database.db, quiet, '230600', 2025, [
      { unitId: u.jtj, month: 6, rule: 'referral', points: '-5.00' },
    ]);
    expect(await issue(6, 2025, quiet)).toBe(0);
  });

  it('only units of the scheme’s groups are warned', async () => {
    await paces(7, [[u.gov, '0.1000']]);
    expect(await issue(7)).toBe(0);
  });

  it('a 黄牌 by hand counts toward the 红牌 of repeated 黄牌 at the next recompute of its month', async () => {
    expect((await cardsOf(u.fgw)).map((x) => x.color)).toEqual(['yellow']); // February's
    ok(
      await c.office.post('/api/warning-cards', {
        regionCode: '230600',
        unitId: u.fgw,
        color: 'yellow',
        year: Y,
        month: 8,
        reason: '未按期报送整改情况',
      }),
      201,
    );
    expect(await issue(8)).toBe(1);
    expect((await cardsOf(u.fgw)).map((x) => [x.color, x.trigger, x.month])).toEqual([
      ['yellow', 'task_below', 2],
      ['yellow', 'manual', 8],
      ['red', 'yellow_repeat', 8],
    ]);
  });

  it('numbers one sequence per region and year, both colours, without gaps', async () => {
    const all = (await list(c.admin)).items.sort((a, b) => a.id - b.id);
    expect(all.map((x) => Number(/〕(\d+)号/.exec(x.noticeNo)![1]))).toEqual(all.map((_, i) => i + 1));
    expect(
      all.every((x) => x.noticeNo.startsWith(x.color === 'red' ? '红牌警示〔2026〕' : '黄牌警示〔2026〕')),
    ).toBe(true);
  });
});

describe('a card by hand', () => {
  const body = () => ({
    regionCode: '230600',
    unitId: u.fgw,
    color: 'red',
    year: Y,
    month: 8,
    reason: '拒不落实督查交办事项',
  });

  it('the office issues one with its reason; it takes the next number', async () => {
    const before = (await list(c.admin)).total;
    const card = ok<WarningCard>(await c.office.post('/api/warning-cards', body()), 201);
    expect(card).toMatchObject({
      trigger: 'manual',
      color: 'red',
      triggerDetail: '拒不落实督查交办事项',
      status: 'issued',
    });
    expect(card.issuedBy).toEqual(expect.any(String));
    expect(card.noticeNo).toBe(`红牌警示〔2026〕${before + 1}号`);
    expect(card.notice).toContain('经研究，因拒不落实督查交办事项');
    const audit = await lastAuditOf('warning_card', card.id);
    expect([audit.action, audit.reason]).toEqual(['issue', '拒不落实督查交办事项']);
  });

  it('cards issued at once take distinct numbers in a row', async () => {
    const before = (await list(c.admin)).total;
    const made = await Promise.all(
      [u.zjj, u.jtj, u.swj].map(async (unitId) =>
        ok<WarningCard>(
          await c.office.post('/api/warning-cards', { ...body(), unitId, color: 'yellow' }),
          201,
        ),
      ),
    );
    const seqs = made.map((x) => Number(/〕(\d+)号/.exec(x.noticeNo)![1])).sort((a, b) => a - b);
    expect(seqs).toEqual([before + 1, before + 2, before + 3]);
  });

  it('not by a leader, the unit or another region’s office; not for a unit outside the scheme; fields named', async () => {
    expectError(await c.leader.post('/api/warning-cards', body()), 403, 'OUT_OF_SCOPE');
    expectError(await c.unit.post('/api/warning-cards', body()), 403, 'OUT_OF_SCOPE');
    expectError(await c.office_lindian.post('/api/warning-cards', body()), 403, 'OUT_OF_SCOPE');
    expectError(await c.reporter.post('/api/warning-cards', body()), 403, 'FORBIDDEN');
    expectError(
      await c.office.post('/api/warning-cards', { ...body(), unitId: u.gov }),
      400,
      'VALIDATION',
      'body.unitId',
    );
    expectError(
      await c.office.post('/api/warning-cards', { ...body(), year: 2031 }),
      409,
      'INVALID_STATE',
      'body.year',
    );
    expectError(
      await c.office.post('/api/warning-cards', { ...body(), reason: ' ' }),
      400,
      'VALIDATION',
      'body.reason',
    );
    expectError(
      await c.office.post('/api/warning-cards', { ...body(), color: 'blue' }),
      400,
      'VALIDATION',
      'body.color',
    );
    expectError(
      await c.office.post('/api/warning-cards', { ...body(), month: 13 }),
      400,
      'VALIDATION',
      'body.month',
    );
  });
});

describe('acknowledgement and lifting', () => {
  const fresh = async (unitId = u.zjj) =>
    ok<WarningCard>(
      await c.office.post('/api/warning-cards', {
        regionCode: '230600',
        unitId,
        color: 'yellow',
        year: Y,
        month: 9,
        reason: '月报连续迟报',
      }),
      201,
    );

  it('the unit acknowledges its own card with its measures; not twice, not with a stale version', async () => {
    const card = await fresh();
    expectError(
      await c.unit.post(`/api/warning-cards/${card.id}/acknowledge`, { version: card.version }),
      400,
      'VALIDATION',
      'body.note',
    );
    const done = ok<WarningCard>(
      await c.unit.post(`/api/warning-cards/${card.id}/acknowledge`, {
        version: card.version,
        note: '已制定整改方案，每周调度',
      }),
    );
    expect(done).toMatchObject({
      status: 'acknowledged',
      acknowledgement: '已制定整改方案，每周调度',
      version: card.version + 1,
    });
    expect(done.acknowledgedBy).toEqual(expect.any(String));
    expect(done.acknowledgedAt).toEqual(expect.any(String));
    const audit = await lastAuditOf('warning_card', card.id);
    expect([audit.action, audit.reason]).toEqual(['acknowledge', '已制定整改方案，每周调度']);
    // the card's trail, for those who read the card
    const trail = ok<{ items: { action: string }[] }>(
      await c.unit.get(`/api/audit?entity=warning_card&id=${card.id}`),
    );
    expect(trail.items.map((e) => e.action).sort()).toEqual(['acknowledge', 'issue']);
    expectError(
      await c.unit.post(`/api/warning-cards/${card.id}/acknowledge`, { version: card.version, note: '再签' }),
      409,
      'VERSION_CONFLICT',
    );
    expectError(
      await c.unit.post(`/api/warning-cards/${card.id}/acknowledge`, { version: done.version, note: '再签' }),
      409,
      'INVALID_STATE',
      'status',
    );
  });

  it('not by another unit’s staff, a leader or another region’s office', async () => {
    const card = await fresh(u.jtj);
    const ack = { version: card.version, note: '收到' };
    expectError(await c.unit.post(`/api/warning-cards/${card.id}/acknowledge`, ack), 403, 'OUT_OF_SCOPE');
    expectError(await c.leader.post(`/api/warning-cards/${card.id}/acknowledge`, ack), 403, 'OUT_OF_SCOPE');
    expectError(
      await c.office_lindian.post(`/api/warning-cards/${card.id}/acknowledge`, ack),
      403,
      'OUT_OF_SCOPE',
    );
    expectError(await c.unit.post('/api/warning-cards/999999/acknowledge', ack), 404, 'NOT_FOUND');
    expectError(await c.unit.get(`/api/audit?entity=warning_card&id=${card.id}`), 403, 'OUT_OF_SCOPE');
    // the office on the unit's behalf (a paper receipt)
    expect(
      ok<WarningCard>(await c.office.post(`/api/warning-cards/${card.id}/acknowledge`, ack)).status,
    ).toBe('acknowledged');
  });

  it('the office lifts an issued or acknowledged card with a reason; never the unit or a leader; not twice', async () => {
    const card = await fresh();
    const lift = { version: card.version, reason: '经核实已整改到位' };
    expectError(await c.unit.post(`/api/warning-cards/${card.id}/lift`, lift), 403, 'OUT_OF_SCOPE');
    expectError(await c.leader.post(`/api/warning-cards/${card.id}/lift`, lift), 403, 'OUT_OF_SCOPE');
    expectError(
      await c.office.post(`/api/warning-cards/${card.id}/lift`, { version: card.version }),
      400,
      'VALIDATION',
      'body.reason',
    );
    expectError(
      await c.office.post(`/api/warning-cards/${card.id}/lift`, { ...lift, version: 7 }),
      409,
      'VERSION_CONFLICT',
    );
    const acked = ok<WarningCard>(
      await c.unit.post(`/api/warning-cards/${card.id}/acknowledge`, {
        version: card.version,
        note: '整改中',
      }),
    );
    const lifted = ok<WarningCard>(
      await c.office.post(`/api/warning-cards/${card.id}/lift`, { ...lift, version: acked.version }),
    );
    expect(lifted).toMatchObject({
      status: 'lifted',
      liftReason: '经核实已整改到位',
      acknowledgement: '整改中',
    });
    expect(lifted.liftedBy).toEqual(expect.any(String));
    expect((await lastAuditOf('warning_card', card.id)).action).toBe('lift');
    expectError(
      await c.office.post(`/api/warning-cards/${card.id}/lift`, { ...lift, version: lifted.version }),
      409,
      'INVALID_STATE',
    );
    expectError(
      await c.unit.post(`/api/warning-cards/${card.id}/acknowledge`, {
        version: lifted.version,
        note: '签收',
      }),
      409,
      'INVALID_STATE',
    );
  });
});

describe('reads', () => {
  it('filters by unit, colour, status and month order; pages', async () => {
    const reds = await list(c.office, 'color=red');
    expect(reds.items.length).toBeGreaterThan(0);
    expect(reds.items.every((x) => x.color === 'red')).toBe(true);
    const lifted = await list(c.office, 'status=lifted');
    expect(lifted.items.every((x) => x.status === 'lifted')).toBe(true);
    expect(lifted.total).toBeGreaterThanOrEqual(2);
    const mine = await list(c.office, `unitId=${u.zjj}&color=yellow`);
    expect(mine.items.every((x) => x.unitId === u.zjj && x.color === 'yellow')).toBe(true);
    const all = await list(c.office);
    const keys = all.items.map((x) => x.year * 10_000_000 + x.month * 100_000 + x.id);
    expect(keys).toEqual([...keys].sort((a, b) => b - a)); // newest first
    const page = (
      await c.office.get(`/api/warning-cards?year=${Y}&pageSize=2&page=2`)
    ).json() as WarningCardList;
    expect(page.items.map((x) => x.id)).toEqual(all.items.slice(2, 4).map((x) => x.id));
    expect(page.total).toBe(all.total);
    expect((await list(c.office, 'q=问责移送')).items.map((x) => x.unitId)).toEqual([u.jtj]);
    expect((await list(c.office, 'regionCode=230623')).total).toBe(0);
    expectError(await c.office.get('/api/warning-cards?color=blue'), 400, 'VALIDATION', 'querystring.color');
  });

  it('unit staff read their own unit’s cards only; 林甸’s office none of the city’s; reporters none', async () => {
    const mine = await list(c.unit);
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((x) => x.unitId === u.zjj)).toBe(true);
    const other = (await cardsOf(u.jtj))[0]!;
    expectError(await c.unit.get(`/api/warning-cards/${other.id}`), 403, 'OUT_OF_SCOPE');
    expect((await c.leader.get(`/api/warning-cards/${other.id}`)).statusCode).toBe(200);
    expect((await list(c.office_lindian)).total).toBe(0);
    expectError(await c.office_lindian.get(`/api/warning-cards/${other.id}`), 403, 'OUT_OF_SCOPE');
    expectError(await c.reporter.get('/api/warning-cards'), 403, 'FORBIDDEN');
    expectError(await c.office.get('/api/warning-cards/999999'), 404, 'NOT_FOUND');
  });

  it('the score card lists the unit’s cards with these statuses', async () => {
    const res = await c.unit.get(`/api/scores/card?regionCode=230600&year=${Y}&unitId=${u.zjj}`);
    const card = ok<{ cards: { id: number; color: string; noticeNo: string; status: string }[] }>(res);
    const mine = await cardsOf(u.zjj);
    expect(card.cards.map((x) => [x.id, x.color, x.noticeNo, x.status]).sort()).toEqual(
      mine.map((x) => [x.id, x.color, x.noticeNo, x.status]).sort(),
    );
  });
});

describe('files', () => {
  it('the notice is a Word document carrying its number and addressee', async () => {
    const card = (await cardsOf(u.zjj))[0]!;
    const res = await c.unit.get(`/api/warning-cards/${card.id}/notice.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const body = res.rawPayload;
    expect(body.subarray(0, 2).toString()).toBe('PK');
    expect(zipEntries(body)).toContain('word/document.xml');
    const { default: JSZip } = await import('jszip');
    const xml = await (await JSZip.loadAsync(body)).file('word/document.xml')!.async('string');
    expect(xml).toContain(card.noticeNo);
    expect(xml).toContain('大庆市住房和城乡建设局：');
    expect(xml).toContain('5 个工作日内签收');
    const other = (await cardsOf(u.jtj))[0]!;
    expectError(await c.unit.get(`/api/warning-cards/${other.id}/notice.docx`), 403, 'OUT_OF_SCOPE');
  });

  it('the register exports the filter’s cards with their numbers and statuses', async () => {
    const res = await c.office.get(`/api/warning-cards.xlsx?year=${Y}&color=red`);
    expect(res.statusCode).toBe(200);
    const ws = (await openWorkbook(res.rawPayload)).worksheets[0]!;
    expect([2, 3, 4, 8].map((i) => ws.getRow(1).getCell(i).value)).toEqual(['文号', '类别', '单位', '状态']);
    const reds = await list(c.office, 'color=red');
    expect(ws.rowCount).toBe(1 + reds.total);
    expect(ws.getRow(2).getCell(2).value).toBe(reds.items[0]!.noticeNo);
    expect(ws.getRow(2).getCell(3).value).toBe('红牌');
    const mine = await c.unit.get(`/api/warning-cards.xlsx?year=${Y}`);
    const rows = (await openWorkbook(mine.rawPayload)).worksheets[0]!;
    const units = new Set<unknown>();
    for (let i = 2; i <= rows.rowCount; i++) units.add(rows.getRow(i).getCell(4).value);
    expect([...units]).toEqual(['大庆市住房和城乡建设局']);
  });
});
