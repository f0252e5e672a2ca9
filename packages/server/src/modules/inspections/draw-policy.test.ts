/**
 * Table tests of the draws policy: every role against draws in and out of its region subtree, and
 * the conflict rules of an expert against a project at every party. Written out by hand (§1, §7).
 */
import { describe, expect, it } from 'vitest';
import { CITY, LINDIAN, OTHER_CITY, SIBLING, TRAP, actors, matrix, type Who } from '../../../test/actors.ts';
import {
  availableOn,
  canManageDraw,
  canReadDraw,
  conflictOf,
  type ProjectPartyFacts,
} from './draw-policy.ts';

interface Row {
  note: string;
  facts: string;
  read: readonly Who[];
  manage: readonly Who[];
}
const rows: Row[] = [
  {
    note: 'city draw',
    facts: CITY,
    read: ['admin', 'office', 'leader'],
    manage: ['admin', 'office'],
  },
  {
    note: '林甸县 draw',
    facts: LINDIAN,
    read: ['admin', 'office', 'office_lindian', 'leader', 'leader_lindian'],
    manage: ['admin', 'office', 'office_lindian'],
  },
  {
    note: 'sibling county',
    facts: SIBLING,
    read: ['admin', 'office', 'leader'],
    manage: ['admin', 'office'],
  },
  { note: 'prefix trap', facts: TRAP, read: ['admin', 'office', 'leader'], manage: ['admin', 'office'] },
  { note: 'another city', facts: OTHER_CITY, read: ['admin'], manage: ['admin'] },
];

describe('draws policy', () => {
  it.each(matrix<string, Row>(rows, (r) => r.read))('read: %s — %s', (_n, who, path, ok) => {
    expect(canReadDraw(actors[who], path)).toBe(ok);
  });
  it.each(matrix<string, Row>(rows, (r) => r.manage))('manage: %s — %s', (_n, who, path, ok) => {
    expect(canManageDraw(actors[who], path)).toBe(ok);
  });
});

const project: ProjectPartyFacts = {
  id: 7,
  ownerUnitId: 1,
  contractorUnitId: 2,
  supervisorUnitId: 3,
  designerUnitId: 4,
  agentUnitId: 5,
  responsibleUnitId: 6,
};
const expert = (
  employerUnitId: number | null,
  conflictUnitIds: number[] = [],
  conflictProjectIds: number[] = [],
) => ({
  employerUnitId,
  conflictUnitIds,
  conflictProjectIds,
});

describe('an expert’s conflicts with a project', () => {
  it.each([
    ['employed by the owner', expert(1), 'employer_party'],
    ['employed by the contractor', expert(2), 'employer_party'],
    ['employed by the supervisor', expert(3), 'employer_party'],
    ['employed by the designer', expert(4), 'employer_party'],
    ['employed by the agent-builder', expert(5), 'employer_party'],
    ['employed by the lead unit (the inspected)', expert(6), 'employer_lead'],
    ['employed elsewhere', expert(99), null],
    ['no registry employer', expert(null), null],
    ['declared the project', expert(99, [], [7]), 'declared_project'],
    ['declared another project', expert(99, [], [8]), null],
    ['declared the contractor', expert(99, [2]), 'declared_unit'],
    ['declared the lead unit', expert(99, [6]), 'declared_unit'],
    ['declared an unrelated unit', expert(99, [42]), null],
  ] as const)('%s → %s', (_n, e, want) => {
    expect(conflictOf(e, project)).toBe(want);
  });

  it('a project without parties conflicts only through a declared project', () => {
    const bare = {
      ...project,
      ownerUnitId: null,
      contractorUnitId: null,
      supervisorUnitId: null,
      designerUnitId: null,
      agentUnitId: null,
      responsibleUnitId: null,
    };
    expect(conflictOf(expert(1, [1]), bare)).toBe(null);
    expect(conflictOf(expert(1, [], [7]), bare)).toBe('declared_project');
  });
});

describe('availability on the site date', () => {
  const w = [
    { from: '2026-04-01', to: '2026-04-30' },
    { from: '2026-06-01', to: '2026-06-10' },
  ];
  it.each([
    [[], '2026-01-01', true],
    [w, null, true],
    [w, '2026-03-31', false],
    [w, '2026-04-01', true],
    [w, '2026-04-30', true],
    [w, '2026-05-01', false],
    [w, '2026-06-10', true],
    [w, '2026-06-11', false],
  ] as const)('%j on %s → %s', (windows, on, want) => {
    expect(availableOn(windows, on)).toBe(want);
  });
});
