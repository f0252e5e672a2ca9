// Chinese UI strings of inspections: groups.
export const inspectionsGroupsZh = {} as const;
