import { describe, expect, it } from 'vitest';
import { gradePreview, quarterOf, recordOfGrade, statusTargets } from './creditView.ts';

describe('statusTargets: the steps the status dialog offers', () => {
  it.each([
    ['admitted', 'office', ['suspended', 'removed']],
    ['suspended', 'office', ['admitted', 'removed']],
    ['removed', 'office', []],
    ['removed', 'admin', ['admitted']],
    ['admitted', 'admin', ['suspended', 'removed']],
  ] as const)('%s by %s → %j', (from, role, want) => expect(statusTargets(from, role)).toEqual(want));
});

describe('gradePreview: the bands at and around every threshold', () => {
  it.each([
    ['100', 'excellent'],
    ['90', 'excellent'],
    ['89.99', 'good'],
    ['75.00', 'good'],
    ['74.99', 'pass'],
    ['60', 'pass'],
    ['59.99', 'fail'],
    ['0', 'fail'],
    [55.5, 'fail'],
    ['100.01', null],
    ['80.123', null],
    ['-1', null],
    ['', null],
    [null, null],
    ['abc', null],
  ] as const)('%s → %s', (score, want) => expect(gradePreview(score)).toBe(want));
});

describe('recordOfGrade and quarterOf', () => {
  it('优秀 records good, 不合格 bad, the others nothing', () => {
    expect([
      recordOfGrade('excellent'),
      recordOfGrade('good'),
      recordOfGrade('pass'),
      recordOfGrade('fail'),
    ]).toEqual(['good', null, null, 'bad']);
  });
  it.each([
    ['2026-01-01', 1],
    ['2026-03-31', 1],
    ['2026-04-01', 2],
    ['2026-09-30', 3],
    ['2026-12-31', 4],
  ] as const)('%s is quarter %d', (d, q) => expect(quarterOf(d)).toBe(q));
});
