/**
 * The reports module's door: what other modules may use of monthly reports and the reporting
 * calendar (reads, the month close's SQL builders, deadlines, the timeliness rule).
 */
export { calendarFor, deadlineResolver } from './calendar.ts';
export { doneToDateSql, reportMonthOf, reportProject, submissionsSql, yearReports } from './reads.ts';
export { parseMonth } from './reports.ts';
export { timeliness, type Timeliness } from './rules.ts';
export { filerReportCounts, officeReportCounts, queueMonth } from './counts.ts';
