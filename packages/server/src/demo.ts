/** The whole demo city, in dependency order: organisation, registry, ten months of reports, the ledger, the year's meetings and inspections. */
import type { Db } from './db/connection.ts';
import { seedDemoAssessment } from './modules/assessment/demo-assessment.ts';
import { loadCreditDemo } from './modules/assessment/demo-credit.ts';
import { seedDemoInspections } from './modules/inspections/demo-inspections.ts';
import { seedDemoItems } from './modules/items/demo-items.ts';
import { seedDemoMeetings } from './modules/meetings/demo-meetings.ts';
import { seedDemo } from './modules/org/seed.ts';
import { seedDemoProjects } from './modules/projects/demo-projects.ts';
import { seedDemoReports } from './modules/reports/demo-reports.ts';

export async function seedDemoData(db: Db): Promise<void> {
  await seedDemo(db);
  await seedDemoProjects(db);
  await seedDemoReports(db);
  await seedDemoItems(db);
  await seedDemoMeetings(db);
  await seedDemoInspections(db);
  await loadCreditDemo(db);
  await seedDemoAssessment(db);
}
