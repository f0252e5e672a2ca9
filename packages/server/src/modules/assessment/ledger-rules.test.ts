/**
 * The ledger's rules as tables: what counts, manual rows' signs, the four-eyes decision of manual
 * rows and exemptions, and where causes open. Expectations by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  causeHref,
  countedPoints,
  decisionRefusal,
  exemptionAskRefusal,
  exemptionDecisionRefusal,
  manualPoints,
  rowCounts,
  type ExemptionState,
  type RowStatus,
} from './ledger-rules.ts';

describe('rowCounts / countedPoints: effective and not exempted', () => {
  const table: [RowStatus, ExemptionState, boolean][] = [
    ['effective', null, true],
    ['effective', 'requested', true],
    ['effective', 'rejected', true],
    ['effective', 'approved', false],
    ['pending', null, false],
    ['rejected', null, false],
  ];
  it.each(table)('%s, exemption %s → %s', (s, e, counts) => {
    expect(rowCounts(s, e)).toBe(counts);
    expect(countedPoints('-2.5', s, e)).toBe(counts ? '-2.50' : '0.00');
  });
});

describe('manualPoints', () => {
  it.each([
    ['manual_award', '3.00', '3.00'],
    ['manual_penalty', '3.00', '-3.00'],
    ['manual_award', '0.01', '0.01'],
    ['manual_penalty', '0.01', '-0.01'],
  ] as const)('%s %s → %s', (rule, size, out) => expect(manualPoints(rule, size)).toBe(out));
});

describe('decisionRefusal: pending manual rows, never by their author', () => {
  const table: [string, Parameters<typeof decisionRefusal>[0], number, boolean][] = [
    ['pending manual, another user', { source: 'manual', status: 'pending', createdBy: 7 }, 8, true],
    ['pending manual, its author', { source: 'manual', status: 'pending', createdBy: 7 }, 7, false],
    [
      'pending manual, author unknown (deleted account)',
      { source: 'manual', status: 'pending', createdBy: null },
      7,
      true,
    ],
    ['approved manual', { source: 'manual', status: 'effective', createdBy: 7 }, 8, false],
    ['rejected manual', { source: 'manual', status: 'rejected', createdBy: 7 }, 8, false],
    ['generated', { source: 'generated', status: 'effective', createdBy: null }, 8, false],
  ];
  it.each(table)('%s → allowed %s', (_n, row, actor, allowed) => {
    expect(decisionRefusal(row, actor) === null).toBe(allowed);
  });
});

describe('exemptionAskRefusal: counted deductions only, once at a time', () => {
  const table: [string, Parameters<typeof exemptionAskRefusal>[0], boolean][] = [
    ['a deduction', { status: 'effective', points: '-2.00', exemption: null }, true],
    ['a deduction refused before', { status: 'effective', points: '-2.00', exemption: 'rejected' }, true],
    ['a deduction of 0.01', { status: 'effective', points: '-0.01', exemption: null }, true],
    ['asked already', { status: 'effective', points: '-2.00', exemption: 'requested' }, false],
    ['exempted already', { status: 'effective', points: '-2.00', exemption: 'approved' }, false],
    ['a bonus', { status: 'effective', points: '0.50', exemption: null }, false],
    ['zero', { status: 'effective', points: '0.00', exemption: null }, false],
    ['a pending manual penalty', { status: 'pending', points: '-2.00', exemption: null }, false],
    ['a rejected manual penalty', { status: 'rejected', points: '-2.00', exemption: null }, false],
  ];
  it.each(table)('%s → allowed %s', (_n, row, allowed) =>
    expect(exemptionAskRefusal(row) === null).toBe(allowed),
  );
});

describe('exemptionDecisionRefusal: an asked exemption, not by its asker', () => {
  const table: [string, Parameters<typeof exemptionDecisionRefusal>[0], number, boolean][] = [
    ['asked by another', { exemption: 'requested', requestedBy: 7 }, 8, true],
    ['asked by the decider', { exemption: 'requested', requestedBy: 8 }, 8, false],
    ['not asked', { exemption: null, requestedBy: null }, 8, false],
    ['approved already', { exemption: 'approved', requestedBy: 7 }, 8, false],
    ['rejected already', { exemption: 'rejected', requestedBy: 7 }, 8, false],
  ];
  it.each(table)('%s → allowed %s', (_n, row, actor, allowed) =>
    expect(exemptionDecisionRefusal(row, actor) === null).toBe(allowed),
  );
});

describe('causeHref', () => {
  const c = { year: 2026, month: 3, unitId: 5, rule: 'x' };
  it.each([
    [{ kind: 'report', id: 9, projectId: 4 }, '/projects/4/reports/2026-03'],
    [{ kind: 'report', id: null, projectId: 4 }, '/projects/4/reports/2026-03'],
    [{ kind: 'light', id: 4, projectId: 4 }, '/projects/4'],
    [{ kind: 'light', id: null, projectId: null }, '/lights?month=2026-03'],
    [{ kind: 'item', id: 12, projectId: null }, '/items/12'],
    [{ kind: 'meeting', id: 3, projectId: null }, '/meetings/3'],
    [{ kind: 'inspection', id: 2, projectId: 1 }, '/inspections/2'],
    [{ kind: 'manual', id: null, projectId: null }, null],
    [{ kind: 'item', id: null, projectId: null }, null],
  ] as const)('%o → %s', (k, href) => expect(causeHref({ ...c, ...k })).toBe(href));
});
