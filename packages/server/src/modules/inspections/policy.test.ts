/**
 * The inspection policy as tables (issue 14), written out by hand from DOMAIN §1 and §7 and the
 * policy's header: who reads an inspection, who takes the office's, the unit's and the expert's
 * steps, who records findings, and the steps each may take in a state. Users as in test/actors.ts:
 * u1 admin, u2 the city's office, u3 Lindian's office, u4/u5 leaders, u6 the unit user (unit 10),
 * u7 the reporter (unit 20), u8 the inspector, u9 the expert.
 */
import { describe, expect, it } from 'vitest';
import {
  actors,
  CITY,
  everyone,
  LINDIAN,
  matrix,
  OTHER_CITY,
  SIBLING,
  type Who,
} from '../../../test/actors.ts';
import {
  allowedActions,
  canReadInspection,
  canRecordFindings,
  mayAddFinding,
  mayTake,
  type InspectionFacts,
} from './policy.ts';

const f = (
  regionPath: string,
  inspectedUnitId: number | null,
  experts: number[] = [],
  inspectors: number[] = [],
): InspectionFacts => ({
  regionPath,
  inspectedUnitId,
  expertUserIds: experts,
  inspectorUserIds: inspectors,
});

const rows = [
  { note: 'city, unit 10 inspected, u9 and u8 members', facts: f(CITY, 10, [9], [8]) },
  { note: 'Lindian, unit 10 inspected, no members', facts: f(LINDIAN, 10) },
  { note: 'sibling county, unit 20 inspected', facts: f(SIBLING, 20) },
  { note: 'another city, u9 a member', facts: f(OTHER_CITY, 11, [9]) },
  { note: 'city, u9 listed as an inspector account (not an expert)', facts: f(CITY, 11, [], [9]) },
];

describe('read', () => {
  const readers: Record<string, Who[]> = {
    'city, unit 10 inspected, u9 and u8 members': [
      'admin',
      'office',
      'leader',
      'unit',
      'inspector',
      'expert',
    ],
    'Lindian, unit 10 inspected, no members': [
      'admin',
      'office',
      'office_lindian',
      'leader',
      'leader_lindian',
      'unit',
    ],
    'sibling county, unit 20 inspected': ['admin', 'office', 'leader'],
    'another city, u9 a member': ['admin', 'expert'],
    'city, u9 listed as an inspector account (not an expert)': ['admin', 'office', 'leader'],
  };
  it.each(matrix<InspectionFacts, (typeof rows)[number]>(rows, (r) => readers[r.note]!))(
    '%s: %s → %s',
    (_n, who, facts, allowed) => {
      expect(canReadInspection(actors[who], facts)).toBe(allowed);
    },
  );
});

describe('steps by kind', () => {
  const city = rows[0]!.facts;
  const lindian = rows[1]!.facts;
  it.each([
    ['office', city, ['admin', 'office']],
    ['office', lindian, ['admin', 'office', 'office_lindian']],
    ['unit', city, ['admin', 'unit']],
    ['unit', rows[2]!.facts, ['admin']], // the reporter's unit 20 is inspected: reporters take no steps
    ['expert', city, ['admin', 'office', 'expert']], // the office records a paper signature
    ['expert', lindian, ['admin', 'office', 'office_lindian']],
  ] as const)('%s steps on %o', (by, facts, who) => {
    for (const w of everyone)
      expect(mayTake(actors[w], facts, by), w).toBe((who as readonly string[]).includes(w));
  });
  it('findings: the office and the members', () => {
    const ok = everyone.filter((w) => canRecordFindings(actors[w], rows[0]!.facts));
    expect(ok).toEqual(['admin', 'office', 'inspector', 'expert']);
    expect(everyone.filter((w) => canRecordFindings(actors[w], rows[1]!.facts))).toEqual([
      'admin',
      'office',
      'office_lindian',
    ]);
    expect(mayAddFinding(actors.expert, rows[0]!.facts, 'on_site')).toBe(true);
    expect(mayAddFinding(actors.expert, rows[0]!.facts, 'noticed')).toBe(false);
    expect(mayAddFinding(actors.expert, rows[0]!.facts, 'draft_report')).toBe(false);
  });
});

describe('the buttons', () => {
  const city = rows[0]!.facts;
  it.each([
    ['office', 'planned', ['notify']],
    ['office', 'on_site', ['sign', 'issue_draft']],
    ['expert', 'on_site', ['sign']],
    ['inspector', 'on_site', []],
    ['unit', 'on_site', ['confirm']],
    ['unit', 'draft_report', ['opinion']],
    ['office', 'draft_report', ['formal_report']],
    ['office', 'opinion_received', ['answer', 'formal_report']],
    ['office', 'formal_report', ['rectify', 'archive']],
    ['unit', 'rectifying', ['submit_results']],
    ['office', 'rechecking', ['plan_recheck', 'recheck_failed', 'archive']],
    ['leader', 'rechecking', []],
    ['admin', 'on_site', ['sign', 'confirm', 'issue_draft']],
    ['office', 'archived', []],
  ] as const)('%s at %s', (who, status, want) => {
    expect(allowedActions(actors[who], city, status)).toEqual(want);
  });
});
