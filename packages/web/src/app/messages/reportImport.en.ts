// English strings of the monthly report import; merged into en.ts.
import type { reportImportZh } from './reportImport.zh.ts';

export const reportImportEn: Record<keyof typeof reportImportZh, string> = {
  'menu.reportImport': 'Import reports',
  'rimport.title': 'Import monthly reports (月度信息报表)',
  'rimport.link': 'Import from Excel',
  'rimport.toQueue': 'To the verification queue',
  'rimport.step.sheet': 'Download the sheet',
  'rimport.sheetHelp':
    "Download the chosen month's sheet: it lists every active project in your scope with last month's investment, the total to last month, last month's progress and the year's milestones (grey columns, not read on import). Have the units fill the white columns, then upload the sheet in the next step. Reports already submitted or verified carry their figures, so the sheet imported as it is changes nothing.",
  'rimport.backfillHelp':
    "Back-filling earlier months: write the unit's original submission date in 报送日期; on time or late is judged by it (left empty: the time of the import). Tick “Verify on import” for figures already checked.",
  'rimport.download': 'Download the sheet of {y}-{m}',
  'rimport.verify': 'Verify on import (figures checked)',
  'rimport.dropHint': 'Upload the sheet of {y}-{m}; it is checked at once and nothing is written',
  'rimport.nothingToDo': 'Nothing to write: the sheet matches the reports on record, or no row is filled.',
  'rimport.checkOk':
    'Check passed: {n} reports will be written; {skipped} rows are empty (not reported, skipped).',
  'rimport.commit': 'Import {n} reports',
  'rimport.commitVerify': 'Import and verify {n} reports',
  'rimport.doneText':
    '{created} created, {updated} updated, {amended} amended, {verified} verified, {unchanged} unchanged, {skipped} rows not reported.',
  'rimport.submittedOn': 'Submitted on',
  'rimport.action.create': 'New',
  'rimport.action.update': 'Overwrite and submit',
  'rimport.action.amend': 'Amend',
  'rimport.action.verify': 'Verify',
  'rimport.action.unchanged': 'Unchanged',
  'rimport.action.skipped': 'Not reported',
  'rimport.tag': 'Imported',
  'rimport.importedBy': 'Imported from Excel by {by} at {at}',
};
