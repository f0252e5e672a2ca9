/** Demo data of inspections: groups. */
import type { Db } from '../../db/connection.ts';

export async function seedDemoGroups(_db: Db): Promise<void> {}
