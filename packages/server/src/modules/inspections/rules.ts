/**
 * The procedure of an inspection (DOMAIN §7, issue 14), pure: the state machine as one table
 * (action → the states it is taken from, the state it leads to, who takes it), and the guards of the
 * steps with deadlines, on the working-day calendar. No clock: callers pass `today`.
 */
import { procedureDays, type InspectionAction, type InspectionStatus } from '@ducha/contract';
import { addWorkingDays, isWorkingDay, type Corrections } from '../../platform/calendar.ts';

/** Who takes a step: the office over the region, the inspected unit, an expert member, a member. */
export type Actor = 'office' | 'unit' | 'expert';

export interface Step {
  from: readonly InspectionStatus[];
  to: InspectionStatus;
  by: Actor;
}

/**
 * planned → noticed → on_site → draft_report → opinion_received → formal_report → rectifying →
 * rechecking → archived. Sign-offs, the unit's confirmation, the office's answers and the re-check's
 * date keep the state; a failed re-check sends the inspection back to rectifying; a formal report
 * with no problem left is archived without a rectification; a draft whose opinion is overdue may be
 * made formal without it (guarded below).
 */
export const steps: Record<InspectionAction, Step> = {
  notify: { from: ['planned'], to: 'noticed', by: 'office' },
  start_site: { from: ['noticed'], to: 'on_site', by: 'office' },
  sign: { from: ['on_site'], to: 'on_site', by: 'expert' },
  confirm: { from: ['on_site'], to: 'on_site', by: 'unit' },
  issue_draft: { from: ['on_site'], to: 'draft_report', by: 'office' },
  opinion: { from: ['draft_report'], to: 'opinion_received', by: 'unit' },
  answer: { from: ['opinion_received'], to: 'opinion_received', by: 'office' },
  formal_report: { from: ['draft_report', 'opinion_received'], to: 'formal_report', by: 'office' },
  rectify: { from: ['formal_report'], to: 'rectifying', by: 'office' },
  submit_results: { from: ['rectifying'], to: 'rechecking', by: 'unit' },
  plan_recheck: { from: ['rechecking'], to: 'rechecking', by: 'office' },
  recheck_failed: { from: ['rechecking'], to: 'rectifying', by: 'office' },
  archive: { from: ['formal_report', 'rechecking'], to: 'archived', by: 'office' },
};
export const actions = Object.keys(steps) as InspectionAction[];

/** The state `action` leads to from `status`, or null when it is out of order there. */
export function nextStatus(status: InspectionStatus, action: InspectionAction): InspectionStatus | null {
  const s = steps[action];
  return s.from.includes(status) ? s.to : null;
}

/** Findings are recorded on site (the office also before the draft is issued). */
export const findingsOpen = (status: InspectionStatus) => status === 'on_site';

/** The last working day the notice may go out for a site day: `noticeAhead` working days before it. */
export function noticeBy(siteOn: string, corrections?: Corrections): string {
  let d = siteOn;
  for (let i = 0; i < 60; i++) {
    d = shift(d, -1);
    if (isWorkingDay(d, corrections) && noticeInTime(d, siteOn, corrections)) return d;
  }
  return d;
}
const shift = (date: string, n: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** Whether a notice sent `today` is early enough: the site day N working days or more ahead. */
export const noticeInTime = (today: string, siteOn: string, corrections?: Corrections) =>
  addWorkingDays(today, procedureDays.noticeAhead, corrections) <= siteOn;

/** The unit's written opinion on a draft issued `today` is due N working days later. */
export const opinionDue = (today: string, corrections?: Corrections) =>
  addWorkingDays(today, procedureDays.opinionWithin, corrections);

export interface DraftFacts {
  unsignedExperts: number;
  confirmed: boolean;
}
/** Why the draft report cannot be issued yet (empty: it can). */
export function draftBlockers(f: DraftFacts): string[] {
  const out: string[] = [];
  if (f.unsignedExperts > 0) out.push(`尚有 ${f.unsignedExperts} 名专家未在现场稽察记录上签字`);
  if (!f.confirmed) out.push('被稽察单位尚未盖章确认现场稽察记录');
  return out;
}

export interface FormalFacts {
  status: InspectionStatus;
  today: string;
  opinionDue: string | null;
  /** problems the unit disagreed with that the office has not answered */
  unanswered: number;
}
/** Why the formal report cannot be issued yet (empty: it can). */
export function formalBlockers(f: FormalFacts): string[] {
  if (f.status === 'draft_report')
    return f.opinionDue !== null && f.today > f.opinionDue
      ? []
      : [`被稽察单位的书面反馈意见期限（${f.opinionDue ?? '—'}）未届满`];
  return f.unanswered > 0 ? [`尚有 ${f.unanswered} 条不同意见未答复`] : [];
}

export interface ArchiveFacts {
  status: InspectionStatus;
  /** problems not withdrawn */
  problems: number;
  recheckOn: string | null;
  /** rectification items not yet closed */
  openItems: number;
}
/**
 * Why the inspection cannot be archived (empty: it can). Straight from the formal report only when
 * no problem is left; after a rectification, once the re-check is planned and every rectification
 * item is closed (else the office records the re-check as failed and the unit rectifies again).
 */
export function archiveBlockers(f: ArchiveFacts): string[] {
  if (f.status === 'formal_report') return f.problems > 0 ? ['报告列有问题，须先下达整改通知书'] : [];
  const out: string[] = [];
  if (f.recheckOn === null) out.push('尚未安排复查');
  if (f.openItems > 0) out.push(`尚有 ${f.openItems} 项整改事项未销号`);
  return out;
}

/** Why the rectification notice cannot be issued (empty: it can). */
export function rectifyBlockers(f: { problems: number; today: string; due: string }): string[] {
  const out: string[] = [];
  if (f.problems === 0) out.push('报告未列问题，无需下达整改通知书');
  if (f.due <= f.today) out.push('整改期限应晚于今天');
  return out;
}
