// English UI strings of inspections: library (the same keys as the Chinese).
import type { inspectionsLibraryZh } from './inspections-library.zh.ts';

export const inspectionsLibraryEn: Record<keyof typeof inspectionsLibraryZh, string> = {
  'menu.inspectionGroup': 'Inspections',
};
