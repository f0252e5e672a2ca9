/** Demo data of inspections: procedure. */
import type { Db } from '../../db/connection.ts';

export async function seedDemoProcedure(_db: Db): Promise<void> {}
