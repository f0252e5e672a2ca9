// English UI strings of inspections: groups (the same keys as the Chinese).
import type { inspectionsGroupsZh } from './inspections-groups.zh.ts';

export const inspectionsGroupsEn: Record<keyof typeof inspectionsGroupsZh, string> = {};
