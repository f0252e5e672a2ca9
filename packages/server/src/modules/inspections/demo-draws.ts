/** Demo data of inspections: draws. */
import type { Db } from '../../db/connection.ts';

export async function seedDemoDraws(_db: Db): Promise<void> {}
