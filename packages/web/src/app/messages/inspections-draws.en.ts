// English UI strings of inspections: draws (the same keys as the Chinese).
import type { inspectionsDrawsZh } from './inspections-draws.zh.ts';

export const inspectionsDrawsEn: Record<keyof typeof inspectionsDrawsZh, string> = {};
