/**
 * Roles (DOMAIN §1) and the permissions each role holds. Permissions say *what kind* of action a
 * role may take; the server's policies add *which records* (data scope: region subtree, unit, own
 * projects). The web client reads the same table to decide which menus to show.
 */
import { z } from 'zod';

export const roles = ['admin', 'office', 'leader', 'unit', 'reporter', 'inspector', 'expert'] as const;
export const role = z.enum(roles);
export type Role = z.infer<typeof role>;

export const roleLabels: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  office: { zh: '重点办工作人员', en: 'Key-project office' },
  leader: { zh: '领导', en: 'Leader' },
  unit: { zh: '责任单位', en: 'Responsible unit' },
  reporter: { zh: '项目填报员', en: 'Project reporter' },
  inspector: { zh: '督查人员', en: 'Inspector' },
  expert: { zh: '专家', en: 'Expert' },
};

export const permissions = [
  'org.read', // regions, units, positions, people, within scope
  'org.write', // create/edit/deactivate units, positions, people, within scope
  'region.write', // the region tree itself
  'user.read',
  'user.write', // create/edit/deactivate accounts, reset passwords, within scope
  'audit.read', // an entity's timeline, for entities the user may read
  'audit.list', // the whole audit log
  'token.own', // personal API tokens
  'project.read', // projects in scope
  'project.write', // edit projects in scope (create, lists and baselines are the office's: see policy)
  'item.read', // supervised items in scope (problems, decisions, instructions, rectifications)
  'item.write', // raise items and take the steps one's role allows (see the items policy)
  'meeting.read', // meetings, series, agendas and minutes in scope (see the meetings policy)
  'meeting.write', // plan and run meetings (the office over the meeting's region)
  'inspection.read', // inspections, plans, libraries, draws and groups in scope (see the inspections policy)
  'inspection.write', // the office runs plans, libraries, draws and inspections; members, units and groups act on their own
  'score.read', // assessment: schemes, the score ledger, rankings, cards and the enterprise directory, in scope
  'score.write', // the office keeps schemes, manual rows, cards and credit; leaders decide; units acknowledge and ask
] as const;
export type Permission = (typeof permissions)[number];

const everyone: Permission[] = ['token.own'];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: permissions,
  office: [
    ...everyone,
    'org.read',
    'org.write',
    'user.read',
    'user.write',
    'audit.read',
    'project.read',
    'project.write',
    'item.read',
    'item.write',
    'meeting.read',
    'meeting.write',
    'inspection.read',
    'inspection.write',
    'score.read',
    'score.write',
  ],
  leader: [
    ...everyone,
    'org.read',
    'audit.read',
    'project.read',
    'item.read',
    'item.write',
    'meeting.read',
    'inspection.read',
    'score.read',
    'score.write',
  ],
  unit: [
    ...everyone,
    'org.read',
    'org.write',
    'audit.read',
    'project.read',
    'project.write',
    'item.read',
    'item.write',
    'meeting.read',
    'inspection.read',
    'inspection.write',
    'score.read',
    'score.write',
  ],
  reporter: [...everyone, 'org.read', 'audit.read', 'project.read', 'item.read', 'item.write'],
  inspector: [...everyone, 'org.read', 'audit.read', 'item.read', 'inspection.read', 'inspection.write'],
  expert: [...everyone, 'inspection.read', 'inspection.write'],
};

/** Whether a role holds a permission, by the table above. */
export function can(r: Role, p: Permission): boolean {
  return rolePermissions[r].includes(p);
}

/**
 * Whether a signed-in user holds a permission, by the permissions their session carries (GET
 * /api/auth/me's `permissions`, the role's row of the table); no permission asked for: yes.
 */
export function hasPermission(
  user: { readonly permissions: readonly Permission[] },
  p: Permission | undefined,
): boolean {
  return !p || user.permissions.includes(p);
}

/** Accounts an office may manage: never admins, offices or leaders (those are the admin's). */
export const officeManagedRoles: readonly Role[] = ['unit', 'reporter', 'inspector', 'expert'];

/**
 * How far each role's data scope reaches.
 * - global: everything (admin)
 * - region: the user's region and every region below it (office, leader)
 * - unit: the user's own unit (unit staff; projects where the unit leads or co-operates)
 * - own: the user's own records and projects (reporter, inspector, expert)
 */
export type ScopeKind = 'global' | 'region' | 'unit' | 'own';
export const roleScope: Record<Role, ScopeKind> = {
  admin: 'global',
  office: 'region',
  leader: 'region',
  unit: 'unit',
  reporter: 'own',
  inspector: 'own',
  expert: 'own',
};
