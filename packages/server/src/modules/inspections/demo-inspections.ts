/**
 * The demo's inspections, in dependency order: the 2026 plan and the libraries, the draws, the
 * inspections through their procedure, and the Lindian groups with their weekly records.
 */
import type { Db } from '../../db/connection.ts';
import { seedDemoDraws } from './demo-draws.ts';
import { seedDemoGroups } from './demo-groups.ts';
import { seedDemoLibrary } from './demo-library.ts';
import { seedDemoProcedure } from './demo-procedure.ts';

export async function seedDemoInspections(db: Db): Promise<void> {
  await seedDemoLibrary(db);
  await seedDemoDraws(db);
  await seedDemoProcedure(db);
  await seedDemoGroups(db);
}
