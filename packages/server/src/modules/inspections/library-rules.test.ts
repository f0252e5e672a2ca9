/** The plan's and libraries' pure rules, table-driven at every threshold (issue 14). */
import { describe, expect, it } from 'vitest';
import type { ProjectCriteria } from '../projects/index.ts';
import {
  approvalRefusal,
  frozenReason,
  maskPhone,
  rectificationRate,
  ruleMatches,
  type PoolFacts,
} from './library-rules.ts';

const base: PoolFacts = {
  active: true,
  regionPath: '230000.230600',
  investmentNature: 'government',
  totalInvestment: '2000.00',
  plannedStart: '2026-03-01',
  actualStart: null,
  stage: 'new_start',
  sector: '城乡建设',
  tags: ['民生实事'],
  fundingSources: ['中央资金', '地方配套'],
  leaderPositionId: null,
  listLevels: ['city'],
};
const root = '230000.230600';

describe('ruleMatches', () => {
  const cases: [string, Partial<PoolFacts>, ProjectCriteria, boolean][] = [
    ['empty rule: every active project of the subtree', {}, {}, true],
    ['inactive', { active: false }, {}, false],
    ['a county below', { regionPath: '230000.230600.230623' }, {}, true],
    ['a sibling city', { regionPath: '230000.230100' }, {}, false],
    ['a code prefix is not a subtree', { regionPath: '230000.2306001' }, {}, false],
    ['nature in list', {}, { investmentNatures: ['government', 'ppp'] }, true],
    ['nature not in list', { investmentNature: 'enterprise' }, { investmentNatures: ['government'] }, false],
    ['investment at the threshold', {}, { minTotalInvestment: '2000' }, true],
    ['a cent below', { totalInvestment: '1999.99' }, { minTotalInvestment: '2000' }, false],
    ['planned start in the year', {}, { startedInYear: true }, true],
    ['planned start the year before', { plannedStart: '2025-12-31' }, { startedInYear: true }, false],
    [
      'actual start in the year',
      { plannedStart: '2025-12-31', actualStart: '2026-01-01' },
      { startedInYear: true },
      true,
    ],
    ['no start dates', { plannedStart: null }, { startedInYear: true }, false],
    ['startedInYear false is no condition', { plannedStart: null }, { startedInYear: false }, true],
    ['stage', {}, { stages: ['continuing'] }, false],
    ['list level', {}, { listLevels: ['city', 'province'] }, true],
    ['no list of that level', {}, { listLevels: ['province'] }, false],
    ['leader: a position', { leaderPositionId: 3, listLevels: [] }, { leaderLinked: true }, true],
    ['leader: a leader list', { listLevels: ['leader'] }, { leaderLinked: true }, true],
    ['leader: neither', {}, { leaderLinked: true }, false],
    ['sector', {}, { sectors: ['工业'] }, false],
    ['tags any', {}, { tags: ['招商引资', '民生实事'] }, true],
    ['tags none', {}, { tags: ['招商引资'] }, false],
    ['funding any', {}, { fundingSources: ['中央资金'] }, true],
    ['funding none', {}, { fundingSources: ['政府专项债券'] }, false],
    [
      'all conditions together',
      {},
      { investmentNatures: ['government'], minTotalInvestment: '2000', startedInYear: true },
      true,
    ],
  ];
  it.each(cases)('%s', (_n, facts, rule, want) => {
    expect(ruleMatches({ ...base, ...facts }, rule, root, 2026)).toBe(want);
  });
});

describe('approval (four eyes) and freeze', () => {
  const cases: [string, 'draft' | 'approved', number | null, number, boolean, number | null][] = [
    ['another office over the region', 'draft', 1, 2, true, null],
    ['its author', 'draft', 2, 2, true, 403],
    ['an author-less draft (the demo)', 'draft', null, 2, true, null],
    ['not over the region', 'draft', 1, 2, false, 403],
    ['already approved', 'approved', 1, 2, true, 409],
  ];
  it.each(cases)('%s', (_n, status, createdBy, actor, over, want) => {
    expect(approvalRefusal({ status, createdBy }, actor, over)?.status ?? null).toBe(want);
  });
  it('freezes an approved plan only', () => {
    expect(frozenReason('draft')).toBeNull();
    expect(frozenReason('approved')).toContain('冻结');
  });
});

describe('phones and rates', () => {
  it.each([
    ['13800001234', '138****1234'],
    ['0459-1234567', '045****4567'],
    ['1234567', '*******'],
    ['', ''],
  ])('masks %s', (p, want) => expect(maskPhone(p)).toBe(want));
  it.each([
    [0, 0, null],
    [1, 2, 0.5],
    [2, 3, 0.6667],
    [3, 3, 1],
  ] as const)('rate %i/%i', (a, b, want) => expect(rectificationRate(a, b)).toBe(want));
});
