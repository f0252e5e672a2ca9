/**
 * Table tests of enterprise credit's pure rules: the grade bands at and around every threshold
 * (and a property over all two-decimal scores), the record an evaluation writes, the directory's
 * status machine (every pair of states, office and admin), the record's reason and its cause link.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { enterpriseStatuses, type EnterpriseStatus } from '@ducha/contract';
import {
  creditCauseHref,
  creditOfGrade,
  evaluable,
  evaluatedTooEarly,
  evaluationReason,
  gradeOf,
  quarterStart,
  statusChange,
} from './credit-rules.ts';

describe('gradeOf: 优秀 ≥ 90, 良好 ≥ 75, 合格 ≥ 60, 不合格 below', () => {
  it.each([
    ['100.00', 'excellent'],
    ['90.01', 'excellent'],
    ['90.00', 'excellent'],
    ['90', 'excellent'],
    ['89.99', 'good'],
    ['75.01', 'good'],
    ['75.00', 'good'],
    ['74.99', 'pass'],
    ['60.01', 'pass'],
    ['60.00', 'pass'],
    ['59.99', 'fail'],
    ['0.00', 'fail'],
  ] as const)('%s → %s', (score, grade) => expect(gradeOf(score)).toBe(grade));

  it('agrees with the bands for every score in hundredths', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (cents) => {
        const g = gradeOf((cents / 100).toFixed(2));
        const want = cents >= 9000 ? 'excellent' : cents >= 7500 ? 'good' : cents >= 6000 ? 'pass' : 'fail';
        expect(g).toBe(want);
      }),
    );
  });
});

describe('creditOfGrade: 优秀 a good record, 不合格 a bad one, the others none', () => {
  it.each([
    ['excellent', 'good'],
    ['good', null],
    ['pass', null],
    ['fail', 'bad'],
  ] as const)('%s → %s', (g, k) => expect(creditOfGrade(g)).toBe(k));
});

describe('statusChange: the directory’s status machine', () => {
  // from → to → [office's answer, admin's answer]: an action, or 'refused'
  const table: Record<EnterpriseStatus, Record<EnterpriseStatus, [string, string]>> = {
    admitted: {
      admitted: ['refused', 'refused'],
      suspended: ['suspend', 'suspend'],
      removed: ['remove', 'remove'],
    },
    suspended: {
      admitted: ['restore', 'restore'],
      suspended: ['refused', 'refused'],
      removed: ['remove', 'remove'],
    },
    removed: {
      admitted: ['refused', 'readmit'],
      suspended: ['refused', 'refused'],
      removed: ['refused', 'refused'],
    },
  };
  const cases = enterpriseStatuses.flatMap((from) =>
    enterpriseStatuses.flatMap((to) =>
      ([false, true] as const).map((admin) => [from, to, admin, table[from][to][admin ? 1 : 0]] as const),
    ),
  );
  it.each(cases)('%s → %s (admin: %s): %s', (from, to, admin, want) => {
    const r = statusChange(from, to, admin);
    expect(r.action ?? 'refused').toBe(want);
    if (r.action === null) expect(r.refusal).toMatch(/[\u4e00-\u9fff]/);
  });
  it('explains the refusals', () => {
    expect(statusChange('admitted', 'admitted', true).refusal).toBe('企业已处于该状态');
    expect(statusChange('removed', 'admitted', false).refusal).toBe('已清出的企业重新入库须由系统管理员办理');
    expect(statusChange('removed', 'suspended', true).refusal).toBe('已清出的企业不能暂停承接');
  });
});

describe('evaluable: a removed firm is no longer evaluated or recorded', () => {
  it.each([
    ['admitted', true],
    ['suspended', true],
    ['removed', false],
  ] as const)('%s → %s', (s, ok) => expect(evaluable(s)).toBe(ok));
});

describe('evaluationReason', () => {
  const base = {
    year: 2026,
    quarter: 2,
    kind: 'random' as const,
    score: '55.5',
    projectName: '黎明河综合治理工程',
  };
  it('a failed evaluation: 约谈, 不良行为记录, the score in two decimals', () =>
    expect(evaluationReason({ ...base, grade: 'fail' })).toBe(
      '2026年第2季度随机抽查代建考评不合格（55.50分）：黎明河综合治理工程，约谈，记入不良行为记录',
    ));
  it('an excellent one: 通报表扬, 良好信用记录', () =>
    expect(evaluationReason({ ...base, kind: 'focused', score: '95', grade: 'excellent' })).toBe(
      '2026年第2季度重点检查代建考评优秀（95.00分）：黎明河综合治理工程，通报表扬，记入良好信用记录',
    ));
});

describe('creditCauseHref: where a record’s cause opens', () => {
  it.each([
    ['evaluation', 7, '/assessment/credit/enterprises/3?evaluation=7'],
    ['inspection', 4, '/inspections/4'],
    ['item', 9, '/items/9'],
    ['manual', null, null],
    ['manual', 5, null],
    ['inspection', null, null],
  ] as const)('%s %s → %s', (kind, id, href) => expect(creditCauseHref(kind, id, 3)).toBe(href));
});

describe('evaluatedTooEarly: not dated before its quarter’s first day', () => {
  it.each([
    [2026, 1, '2025-12-31', true],
    [2026, 1, '2026-01-01', false],
    [2026, 2, '2026-03-31', true],
    [2026, 2, '2026-04-01', false],
    [2026, 3, '2026-06-30', true],
    [2026, 3, '2026-07-01', false],
    [2026, 4, '2026-09-30', true],
    [2026, 4, '2026-10-01', false],
    [2026, 4, '2027-01-15', false],
  ] as const)('%d Q%d on %s → %s', (y, q, on, early) => expect(evaluatedTooEarly(y, q, on)).toBe(early));
  it('names the quarter’s first day', () => expect(quarterStart(2026, 4)).toBe('2026-10-01'));
});
