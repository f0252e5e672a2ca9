// Who does what in the monthly cycle, mirroring the server's policy (the server decides). The office's
// roles, shared with the lights pages, are in app/access.ts.
import type { Role } from '@ducha/contract';

/** Fill and submit reports: the project's unit and reporter, and the office (and admin). */
export const fillRoles: readonly Role[] = ['admin', 'office', 'unit', 'reporter'];
