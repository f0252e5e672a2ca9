/**
 * The procedure's rules (issue 14), pure: the state table written out by hand (every action against
 * every state), and the deadlines at their thresholds on the working-day calendar — the notice 3
 * working days ahead and the opinion within 5, across National Day 2026 (1–7 October off, the
 * 调休 Saturday 10/10 working) — and the guards of the draft, the formal report, the
 * rectification notice and the archive.
 */
import { inspectionStatuses, type InspectionAction, type InspectionStatus } from '@ducha/contract';
import { describe, expect, it } from 'vitest';
import {
  actions,
  archiveBlockers,
  draftBlockers,
  formalBlockers,
  nextStatus,
  noticeBy,
  noticeInTime,
  opinionDue,
  rectifyBlockers,
} from './rules.ts';

/** From each state, the actions in order and where they lead; every other pair is refused. */
const table: Record<InspectionStatus, Partial<Record<InspectionAction, InspectionStatus>>> = {
  planned: { notify: 'noticed' },
  noticed: { start_site: 'on_site' },
  on_site: { sign: 'on_site', confirm: 'on_site', issue_draft: 'draft_report' },
  draft_report: { opinion: 'opinion_received', formal_report: 'formal_report' },
  opinion_received: { answer: 'opinion_received', formal_report: 'formal_report' },
  formal_report: { rectify: 'rectifying', archive: 'archived' },
  rectifying: { submit_results: 'rechecking' },
  rechecking: { plan_recheck: 'rechecking', recheck_failed: 'rectifying', archive: 'archived' },
  archived: {},
};

describe('the state table', () => {
  const pairs = inspectionStatuses.flatMap((s) => actions.map((a) => [s, a] as const));
  it('covers 9 states × 13 actions', () => expect(pairs).toHaveLength(9 * 13));
  it.each(pairs)('%s --%s-->', (s, a) => {
    expect(nextStatus(s, a)).toBe(table[s][a] ?? null);
  });
});

describe('the notice: at least 3 working days before the site day', () => {
  it.each([
    // today (Mon 2026-11-02), site day → in time?
    ['2026-11-02', '2026-11-04', false], // 2 working days
    ['2026-11-02', '2026-11-05', true], // 3 working days: the threshold
    ['2026-11-02', '2026-11-06', true],
    ['2026-11-04', '2026-11-08', false], // Wed → Sun: Thu, Fri only
    ['2026-11-04', '2026-11-09', true], // Wed → Mon: Thu, Fri, Mon
    // National Day: 1–7 October off; Thu 10/8 works, and so does the 调休 Saturday 10/10
    ['2026-09-30', '2026-10-08', false], // 1 working day
    ['2026-09-30', '2026-10-09', false], // 2
    ['2026-09-30', '2026-10-10', true], // 3: the 调休 Saturday counts
    ['2026-09-29', '2026-10-08', false], // 9/30, 10/8
    ['2026-09-29', '2026-10-09', true],
  ])('sent %s for %s → %s', (today, site, inTime) => {
    expect(noticeInTime(today, site)).toBe(inTime);
  });
  it('the last day to send it', () => {
    expect(noticeBy('2026-11-05')).toBe('2026-11-02');
    expect(noticeBy('2026-11-09')).toBe('2026-11-04');
    expect(noticeBy('2026-10-10')).toBe('2026-09-30'); // across the holiday
    expect(noticeBy('2026-10-12')).toBe('2026-10-08');
  });
});

describe('the opinion: within 5 working days of the draft', () => {
  it.each([
    ['2026-11-02', '2026-11-09'], // Mon → next Mon
    ['2026-11-06', '2026-11-13'], // Fri → next Fri
    ['2026-09-29', '2026-10-12'], // across National Day: 9/30, 10/8, 10/9, 10/10, 10/12
  ])('issued %s → due %s', (today, due) => {
    expect(opinionDue(today)).toBe(due);
  });
});

describe('guards', () => {
  it('the draft needs every expert signed and the unit confirmed', () => {
    expect(draftBlockers({ unsignedExperts: 0, confirmed: true })).toEqual([]);
    expect(draftBlockers({ unsignedExperts: 1, confirmed: true })).toHaveLength(1);
    expect(draftBlockers({ unsignedExperts: 0, confirmed: false })).toHaveLength(1);
    expect(draftBlockers({ unsignedExperts: 2, confirmed: false })).toHaveLength(2);
  });
  it('the formal report: no unanswered disagreement; without an opinion only once it is overdue', () => {
    const f = { today: '2026-11-09', opinionDue: '2026-11-09', unanswered: 0 };
    expect(formalBlockers({ ...f, status: 'opinion_received' })).toEqual([]);
    expect(formalBlockers({ ...f, status: 'opinion_received', unanswered: 1 })).toHaveLength(1);
    expect(formalBlockers({ ...f, status: 'draft_report' })).toHaveLength(1); // due today: still open
    expect(formalBlockers({ ...f, status: 'draft_report', today: '2026-11-10' })).toEqual([]);
    expect(formalBlockers({ ...f, status: 'draft_report', opinionDue: null })).toHaveLength(1);
  });
  it('the rectification notice needs a problem and a deadline after today', () => {
    expect(rectifyBlockers({ problems: 1, today: '2026-11-09', due: '2026-11-10' })).toEqual([]);
    expect(rectifyBlockers({ problems: 1, today: '2026-11-09', due: '2026-11-09' })).toHaveLength(1);
    expect(rectifyBlockers({ problems: 0, today: '2026-11-09', due: '2026-11-10' })).toHaveLength(1);
  });
  it('the archive: straight from a report without problems; after a re-check with every item closed', () => {
    expect(archiveBlockers({ status: 'formal_report', problems: 0, recheckOn: null, openItems: 0 })).toEqual(
      [],
    );
    expect(
      archiveBlockers({ status: 'formal_report', problems: 1, recheckOn: null, openItems: 0 }),
    ).toHaveLength(1);
    expect(
      archiveBlockers({ status: 'rechecking', problems: 1, recheckOn: '2026-11-09', openItems: 0 }),
    ).toEqual([]);
    expect(
      archiveBlockers({ status: 'rechecking', problems: 1, recheckOn: null, openItems: 0 }),
    ).toHaveLength(1);
    expect(
      archiveBlockers({ status: 'rechecking', problems: 1, recheckOn: '2026-11-09', openItems: 1 }),
    ).toHaveLength(1);
  });
});
