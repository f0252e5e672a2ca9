// Who sees which items page and button, mirroring the server's items policy (the server decides).
import type { Role } from '@ducha/contract';

/** Raise an item from the ledger (with an optional project): the office, leaders, units. */
export const raiserRoles: readonly Role[] = ['admin', 'office', 'leader', 'unit'];
/** 挂牌督办 board. */
export const listedRoles: readonly Role[] = ['admin', 'office', 'leader', 'unit'];
/** Escalation proposals and item settings: the office (and admin). */
export const itemOfficeRoles: readonly Role[] = ['admin', 'office'];
/** Raise a problem from a monthly report: whoever may file it. */
export const reportRaiserRoles: readonly Role[] = ['admin', 'office', 'unit', 'reporter'];
/** The statuses in which the responsible unit must act. */
export const unitTodoStatuses = ['assigned', 'returned', 'responded'] as const;
/** 催办 (one item or a batch from the ledger): the office and leaders. */
export const reminderRoles: readonly Role[] = ['admin', 'office', 'leader'];
/** The statuses in which an item may be reminded (the server's state machine decides). */
export const remindableStatuses: readonly string[] = ['assigned', 'responded', 'returned'];
