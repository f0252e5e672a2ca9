// Chinese UI strings of inspections: procedure.
export const inspectionsProcedureZh = {} as const;
