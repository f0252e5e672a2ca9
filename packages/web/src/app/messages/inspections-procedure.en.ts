// English UI strings of inspections: procedure (the same keys as the Chinese).
import type { inspectionsProcedureZh } from './inspections-procedure.zh.ts';

export const inspectionsProcedureEn: Record<keyof typeof inspectionsProcedureZh, string> = {};
