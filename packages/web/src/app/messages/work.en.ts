// English strings of the workbench's to-do list.
import type { workZh } from './work.zh.ts';

export const workEn: Record<keyof typeof workZh, string> = {
  'work.title': 'To do',
  'work.loading': 'Counting what waits…',
  'work.none': 'Nothing waits for you',
  'work.toVerify': 'Reports to verify',
  'work.missing': '{month} reports missing',
  'work.late': '{month} reports filed late',
  'work.itemsOverdue': 'Overdue supervised items',
  'work.proposals': 'Escalation proposals',
  'work.adjustments': 'List adjustments to decide',
  'work.planDrafts': 'Annual plans to approve',
  'work.due': 'Reports due this cycle',
  'work.overdue': 'Overdue reports',
  'work.returned': 'Returned reports',
  'work.toAnswer': 'Items to answer or handle',
  'work.instructions': 'My instructions',
  'work.instructionsOpen': 'In progress',
  'work.instructionsOverdue': 'Overdue',
  'work.instructionsClosed': 'Closed out',
  'inbox.all': 'Every month owed',
  'inbox.allHelp': 'Reports still owed over the last 12 months (overdue first), and this cycle’s filings.',
  'inbox.emptyAll': 'No report is owed',
  'inbox.state.submitted': 'Submitted',
  'inbox.state.verified': 'Verified',
  'inbox.view': 'View',
};
