/**
 * The reports module's door: what other modules may use of monthly reports and the reporting
 * calendar (reads, the month close's SQL builders, the reports still waiting in a month, deadlines,
 * the timeliness rule), and how the lights module tells it which months are published.
 */
export { calendarFor, deadlineResolver } from './calendar.ts';
export {
  doneToDateSql,
  latestPercentComplete,
  openReports,
  reportMonthOf,
  reportProject,
  submissionsSql,
  yearReports,
} from './reads.ts';
export { whenMonthPublished } from './freeze.ts';
export { parseMonth } from './reports.ts';
export { timeliness, type Timeliness } from './rules.ts';
export { filerReportCounts, lastDueMonth, officeReportCounts } from './counts.ts';
export { reportScoreFacts, type ReportFact } from './score-facts.ts';
