// Chinese UI strings of inspections: draws.
export const inspectionsDrawsZh = {} as const;
