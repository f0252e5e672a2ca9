// Role lists that more than one module's pages use, mirroring the server's policies (the server decides).
import type { Role } from '@ducha/contract';

/** Who creates projects, imports them and manages lists and baselines: the office (and admin). */
export const managerRoles: readonly string[] = ['admin', 'office'];

/** Verify, return, amend reports; override lights; run and publish the month close; settings. */
export const officeRoles: readonly Role[] = ['admin', 'office'];
/** Read the month close (the office works it, leaders read it). */
export const closeReaderRoles: readonly Role[] = ['admin', 'office', 'leader'];

export const isOffice = (role: Role) => officeRoles.includes(role);
