// Who does what in the monthly cycle, mirroring the server's policy (the server decides).
import type { Role } from '@ducha/contract';

/** Fill and submit reports: the project's unit and reporter, and the office (and admin). */
export const fillRoles: readonly Role[] = ['admin', 'office', 'unit', 'reporter'];
/** Verify, return, amend; override lights; run and publish the month close; settings. */
export const officeRoles: readonly Role[] = ['admin', 'office'];
/** Read the month close (the office works it, leaders read it). */
export const closeReaderRoles: readonly Role[] = ['admin', 'office', 'leader'];

export const isOffice = (role: Role) => officeRoles.includes(role);
