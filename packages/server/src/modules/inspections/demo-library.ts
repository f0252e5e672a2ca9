/** Demo data of inspections: library. */
import type { Db } from '../../db/connection.ts';

export async function seedDemoLibrary(_db: Db): Promise<void> {}
