/**
 * 红黄牌's rules as tables, at and around every threshold: 黄牌 below the pace share (none without
 * a plan), 红牌 at each multiple of the unlifted 黄牌, 红牌 for a referral, the fact keys, the notice
 * number and text, and the state machine. Expectations by hand.
 */
import fc from 'fast-check';
import { Decimal, type CardConfig, type CardStatus } from '@ducha/contract';
import { describe, expect, it } from 'vitest';
import {
  noticeNo,
  noticeText,
  pacePct,
  referralCard,
  stepRefusal,
  taskBelowCard,
  thresholdPct,
  yellowRepeatCard,
  type CardStep,
} from './card-rules.ts';

const cfg: CardConfig = { yellowBelowPace: '0.6000', redAfterYellows: 2, redOnReferral: true };

describe('taskBelowCard: 黄牌 when the month’s 序时完成率 is below yellowBelowPace', () => {
  const table: [string | null, string, boolean][] = [
    [null, '0.6000', false], // no plan this month: no card
    ['0.0000', '0.6000', true],
    ['0.5200', '0.6000', true],
    ['0.5999', '0.6000', true],
    ['0.6000', '0.6000', false], // at the threshold: no card
    ['0.6001', '0.6000', false],
    ['1.2000', '0.6000', false],
    ['0.6549', '0.6550', true],
    ['0.6550', '0.6550', false],
    ['0.9999', '1.0000', true],
    ['1.0000', '1.0000', false],
    ['0.0000', '0.0000', false], // a zero threshold never warns
  ];
  it.each(table)('pace %s, threshold %s → %s', (pace, threshold, card) => {
    const c = taskBelowCard({ ...cfg, yellowBelowPace: threshold }, 7, 11, pace);
    expect(c !== null).toBe(card);
    if (c) {
      expect(c).toMatchObject({ unitId: 7, color: 'yellow', trigger: 'task_below' });
      expect(c.factKey).toBe('task_below:u7:m11');
    }
  });

  it('says the figures: month, pace and threshold', () => {
    expect(taskBelowCard(cfg, 7, 11, '0.5200')!.detail).toBe('11月序时完成率 52.0%，低于 60%');
    expect(taskBelowCard({ ...cfg, yellowBelowPace: '0.6550' }, 7, 3, '0.5999')!.detail).toBe(
      '3月序时完成率 59.9%，低于 65.5%',
    );
  });

  it('agrees with an exact comparison for any 4-decimal pace and threshold', () => {
    const tenThousandths = fc.integer({ min: 0, max: 20_000 });
    const ratio = (n: number) => new Decimal(n).div(10_000).toFixed(4);
    fc.assert(
      fc.property(tenThousandths, tenThousandths, (pace, threshold) => {
        const c = taskBelowCard({ ...cfg, yellowBelowPace: ratio(threshold) }, 1, 1, ratio(pace));
        expect(c !== null).toBe(pace < threshold);
      }),
    );
  });
});

describe('pacePct / thresholdPct', () => {
  it.each([
    ['0.5200', '52.0%'],
    ['0.5999', '59.9%'], // rounded down: a pace below 60% never reads 60.0%
    ['0.0000', '0.0%'],
    ['1.2345', '123.4%'],
  ])('pace %s → %s', (r, s) => expect(pacePct(r)).toBe(s));
  it.each([
    ['0.6000', '60%'],
    ['0.6550', '65.5%'],
    ['1.0000', '100%'],
    ['0.0001', '0.01%'],
  ])('threshold %s → %s', (r, s) => expect(thresholdPct(r)).toBe(s));
});

describe('yellowRepeatCard: 红牌 at each multiple of redAfterYellows unlifted 黄牌', () => {
  const table: [number, number, string | null][] = [
    [2, 0, null],
    [2, 1, null],
    [2, 2, 'yellow_repeat:u7:n2'],
    [2, 3, 'yellow_repeat:u7:n2'], // the same key: no second 红牌 for the 3rd 黄牌
    [2, 4, 'yellow_repeat:u7:n4'],
    [2, 5, 'yellow_repeat:u7:n4'],
    [1, 0, null],
    [1, 1, 'yellow_repeat:u7:n1'],
    [1, 2, 'yellow_repeat:u7:n2'],
    [3, 2, null],
    [3, 3, 'yellow_repeat:u7:n3'],
    [3, 5, 'yellow_repeat:u7:n3'],
    [3, 6, 'yellow_repeat:u7:n6'],
  ];
  it.each(table)('after %i: %i unlifted → %s', (n, unlifted, key) => {
    const c = yellowRepeatCard({ ...cfg, redAfterYellows: n }, 7, unlifted);
    expect(c?.factKey ?? null).toBe(key);
    if (c) expect(c).toMatchObject({ color: 'red', trigger: 'yellow_repeat', unitId: 7 });
  });

  it('says the count and the rule', () => {
    expect(yellowRepeatCard(cfg, 7, 2)!.detail).toBe('本年度未撤销的黄牌累计 2 张，达到 2 张');
  });
});

describe('referralCard: 红牌 for a referral in the month, when the scheme says so', () => {
  const table: [boolean, number, boolean][] = [
    [true, 0, false],
    [true, 1, true],
    [true, 3, true],
    [false, 0, false],
    [false, 1, false],
  ];
  it.each(table)('redOnReferral %s, %i referrals → %s', (on, n, card) => {
    const c = referralCard({ ...cfg, redOnReferral: on }, 7, 5, n);
    expect(c !== null).toBe(card);
    if (c) {
      expect(c).toMatchObject({ color: 'red', trigger: 'referral', factKey: 'referral:u7:m5' });
      expect(c.detail).toBe(`5月被问责移送 ${n} 起`);
    }
  });
});

describe('notice', () => {
  it.each([
    ['yellow', 2026, 3, '黄牌警示〔2026〕3号'],
    ['red', 2026, 1, '红牌警示〔2026〕1号'],
    ['red', 2027, 12, '红牌警示〔2027〕12号'],
  ] as const)('%s %i #%i → %s', (color, year, seq, no) => expect(noticeNo(color, year, seq)).toBe(no));

  const facts = {
    year: 2026,
    month: 11,
    seq: 3,
    unitName: '大庆市住房和城乡建设局',
    regionName: '大庆市',
    schemeName: '2026年度重点项目考核方案',
    issuedOn: '2026-12-03',
  };

  it('a 黄牌 notice names the unit, the trigger and its figures, what to do and by when', () => {
    const lines = noticeText({
      ...facts,
      color: 'yellow',
      trigger: 'task_below',
      detail: '11月序时完成率 52.0%，低于 60%',
    }).split('\n');
    expect(lines[0]).toBe('黄牌警示〔2026〕3号');
    expect(lines[1]).toBe('关于对大庆市住房和城乡建设局给予黄牌警示的通知');
    expect(lines[2]).toBe('大庆市住房和城乡建设局：');
    expect(lines[3]).toContain('11月序时完成率 52.0%，低于 60%');
    expect(lines[3]).toContain('《2026年度重点项目考核方案》“月度任务完成不足”');
    expect(lines[4]).toContain('5 个工作日内签收');
    expect(lines[4]).toContain('整改措施');
    expect(lines.at(-2)).toBe('大庆市重点项目建设督查办公室');
    expect(lines.at(-1)).toBe('2026年12月3日');
  });

  it('a 红牌 notice says what follows; a manual one gives the office’s reason', () => {
    const red = noticeText({ ...facts, color: 'red', trigger: 'manual', detail: '拒不落实督查交办事项' });
    expect(red).toContain('红牌警示〔2026〕3号');
    expect(red).toContain('经研究，因拒不落实督查交办事项，决定对你单位给予红牌警示。');
    expect(red).toContain('移送效能、纪检部门');
  });
});

describe('the state machine', () => {
  const table: [CardStep, CardStatus, string | null][] = [
    ['acknowledge', 'issued', null],
    ['acknowledge', 'acknowledged', '该警示已签收'],
    ['acknowledge', 'lifted', '该警示已撤销，无需签收'],
    ['lift', 'issued', null],
    ['lift', 'acknowledged', null],
    ['lift', 'lifted', '该警示已撤销'],
  ];
  it.each(table)('%s from %s → %s', (step, status, refusal) =>
    expect(stepRefusal(step, status)).toBe(refusal),
  );
});
