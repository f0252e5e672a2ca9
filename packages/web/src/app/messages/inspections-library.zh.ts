// Chinese UI strings of inspections: library (and the menu group).
export const inspectionsLibraryZh = {
  'menu.inspectionGroup': '稽察督查',
} as const;
