// English strings of batch actions; typed against batch.zh.ts so a missing key fails the type check.
import type { batchZh } from './batch.zh.ts';

export const batchEn: Record<keyof typeof batchZh, string> = {
  'batch.selected': '{n} selected',
  'batch.clear': 'Clear selection',
  'batch.partialTitle': '{done} done, {refused} not done',
  'batch.refusedHelp': 'These records were not processed (the others were done):',
  'batch.record': 'Record',
  'batch.reason': 'Reason',
  'batch.ok': 'OK',

  'menu.reportOverdue': 'Late reports',
  'queue.batchVerify': 'Verify selected ({n})',
  'queue.batchVerifyConfirm':
    'Verify the {n} selected reports one by one? Any changed since, or no longer waiting, are listed with the reason.',
  'queue.verifiedMany': '{n} reports verified',
  'queue.reminders': 'Reminders',
  'queue.toOverdue': 'Late reports and reminders',
  'report.remindedTag': 'Reminded {n} times (last {date})',

  'overdue.help':
    'Projects whose report is past its deadline and not submitted (nothing filed, a draft, or returned and not resubmitted). Each unit gets one notice listing all its late projects; a project is reminded at most once a day.',
  'overdue.state.missing': 'Not filed',
  'overdue.state.draft': 'Draft not submitted',
  'overdue.state.returned': 'Returned, not resubmitted',
  'overdue.deadline': 'Deadline',
  'overdue.ownerUnit': 'Owner',
  'overdue.count': 'Reminders',
  'overdue.last': 'Last reminded',
  'overdue.remindSelected': 'Remind selected ({n})',
  'overdue.remindAll': 'Remind all ({n})',
  'overdue.titleSelected': 'Remind the {n} selected projects',
  'overdue.titleAll': 'Remind all {n} late projects of {month}',
  'overdue.confirmHelp':
    'The responsible unit and the owner of each project get one notice listing their late projects.',
  'overdue.note': 'Note (optional)',
  'overdue.notePlaceholder': 'e.g. Please file by Friday',
  'overdue.send': 'Send reminders',
  'overdue.sent': 'Reminders sent: {done} projects, {units} units notified ({accounts} accounts)',
  'overdue.silent': '; {n} of the units have no account in the system: tell them another way',
  'overdue.empty': 'No late reports for {month}',
  'overdue.search': 'Search code, name or unit',
  'inbox.reminders': 'Reminders',
  'inbox.reminded': 'Reminded {n} times',
  'inbox.remindedTip': 'Last reminded: {date}',

  'item.batchRemind': 'Remind ({n})',
  'item.batchRemindTitle': 'Remind {n} items',
  'item.batchRemindHelp':
    'Each item counts one reminder and its responsible unit is notified; items whose status no longer allows it are listed with the reason.',
  'item.batchNote': 'Note (optional)',
  'item.remindedMany': '{n} items reminded',

  'menu.planDrafts': 'Plans to approve',
  'planDrafts.help':
    'Annual plan drafts waiting for approval after an import or an edit. Once approved they become baselines; the month close computes pace against baselines only (drafts do not count).',
  'planDrafts.kind': 'Kind',
  'planDrafts.new': 'New plan',
  'planDrafts.change': 'Changes baseline {n}',
  'planDrafts.milestones': 'Milestones',
  'planDrafts.createdBy': 'Prepared by',
  'planDrafts.createdAt': 'Prepared at',
  'planDrafts.approveSelected': 'Approve selected ({n})',
  'planDrafts.approveTitle': 'Approve {n} plan drafts',
  'planDrafts.approveHelp':
    'Each draft becomes a new baseline, audited one by one; drafts changed since, or already approved, are listed with the reason.',
  'planDrafts.reason': 'Reason',
  'planDrafts.reasonPlaceholder': 'e.g. 2026 city key-project plans endorsed by the leading group',
  'planDrafts.approved': '{n} plans approved as new baselines',
  'import.toDrafts': 'Approve plan drafts',

  'notif.kind.report_reminded': 'Report reminder',
  'field.month': 'Month',
  'field.reminders': 'Reminders',
  'field.reportState': 'Report state',
};
