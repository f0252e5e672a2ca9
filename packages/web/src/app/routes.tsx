// The one route table: path, menu label, icon and required permission, used by the menu and the guard.
// A route loads its module's page, or (app/pages/) the page composed with the parts other modules add to it:
// a page imports nothing from another feature module.
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BellOutlined,
  BookOutlined,
  BankOutlined,
  BulbOutlined,
  CalculatorOutlined,
  CalendarOutlined,
  ControlOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  FlagOutlined,
  FundProjectionScreenOutlined,
  IdcardOutlined,
  KeyOutlined,
  LineChartOutlined,
  LockOutlined,
  OrderedListOutlined,
  PieChartOutlined,
  ProfileOutlined,
  ProjectOutlined,
  RiseOutlined,
  ScheduleOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { hasPermission, type Me, type Permission, type Role } from '@ducha/contract';
import type { MsgKey } from './messages/zh.ts';

export interface AppRoute {
  path: string;
  label: MsgKey;
  /** Missing: every signed-in user. */
  permission?: Permission;
  /** Also only these roles (work the server reserves to the office); the page itself checks too. */
  roles?: Role[];
  icon?: ReactNode;
  /** Menu group (a sub-menu); routes without `menu` are reachable from the user menu only. */
  group?: MenuGroup;
  menu: boolean;
  Component: LazyExoticComponent<ComponentType>;
}

export type MenuGroup = 'projects' | 'reports' | 'items' | 'org' | 'settings';

export const menuGroups: Record<MenuGroup, { label: MsgKey; icon: ReactNode }> = {
  projects: { label: 'menu.projectGroup', icon: <FundProjectionScreenOutlined /> },
  reports: { label: 'menu.reportGroup', icon: <LineChartOutlined /> },
  items: { label: 'menu.itemGroup', icon: <AlertOutlined /> },
  settings: { label: 'menu.settingsGroup', icon: <SettingOutlined /> },
  org: { label: 'menu.org', icon: <ApartmentOutlined /> },
};

export const appRoutes: AppRoute[] = [
  {
    path: '/',
    label: 'menu.home',
    icon: <DashboardOutlined />,
    menu: true,
    Component: lazy(() => import('./pages/Home.tsx')),
  },
  {
    path: '/projects',
    label: 'menu.projects',
    permission: 'project.read',
    icon: <ProjectOutlined />,
    group: 'projects',
    menu: true,
    Component: lazy(() => import('../modules/projects/ProjectsPage.tsx')),
  },
  {
    path: '/lists',
    label: 'menu.lists',
    permission: 'project.read',
    icon: <OrderedListOutlined />,
    group: 'projects',
    menu: true,
    Component: lazy(() => import('../modules/lists/ListsPage.tsx')),
  },
  {
    path: '/projects/gantt',
    label: 'menu.gantt',
    permission: 'project.read',
    icon: <ScheduleOutlined />,
    group: 'projects',
    menu: true,
    Component: lazy(() => import('../modules/projects/GanttPage.tsx')),
  },
  {
    path: '/projects/templates',
    label: 'menu.templates',
    permission: 'project.write',
    roles: ['admin', 'office'],
    icon: <FileDoneOutlined />,
    group: 'projects',
    menu: true,
    Component: lazy(() => import('../modules/projects/TemplatesPage.tsx')),
  },
  {
    path: '/projects/import',
    label: 'menu.projectImport',
    permission: 'project.write',
    roles: ['admin', 'office'],
    menu: false,
    Component: lazy(() => import('../modules/projects/ImportPage.tsx')),
  },
  {
    path: '/projects/:id',
    label: 'menu.projectDetail',
    permission: 'project.read',
    menu: false,
    Component: lazy(() => import('./pages/ProjectDetail.tsx')),
  },
  {
    path: '/projects/:projectId/reports/:month',
    label: 'menu.reportForm',
    permission: 'project.read',
    menu: false,
    Component: lazy(() => import('./pages/Report.tsx')),
  },
  {
    path: '/reports/inbox',
    label: 'menu.reportInbox',
    permission: 'project.read',
    roles: ['admin', 'office', 'unit', 'reporter'],
    icon: <CalendarOutlined />,
    group: 'reports',
    menu: true,
    Component: lazy(() => import('../modules/reports/InboxPage.tsx')),
  },
  {
    path: '/reports/queue',
    label: 'menu.reportQueue',
    permission: 'project.read',
    roles: ['admin', 'office'],
    icon: <FileSearchOutlined />,
    group: 'reports',
    menu: true,
    Component: lazy(() => import('./pages/Queue.tsx')),
  },
  {
    path: '/lights',
    label: 'menu.lights',
    permission: 'project.read',
    icon: <BulbOutlined />,
    group: 'reports',
    menu: true,
    Component: lazy(() => import('./pages/Lights.tsx')),
  },
  {
    path: '/month-close',
    label: 'menu.monthClose',
    permission: 'project.read',
    roles: ['admin', 'office', 'leader'],
    icon: <CalculatorOutlined />,
    group: 'reports',
    menu: true,
    Component: lazy(() => import('../modules/lights/MonthClosePage.tsx')),
  },
  {
    path: '/dashboard',
    label: 'menu.dashboard',
    permission: 'project.read',
    icon: <PieChartOutlined />,
    group: 'reports',
    menu: true,
    Component: lazy(() => import('./pages/Dashboard.tsx')),
  },
  {
    path: '/items',
    label: 'menu.items',
    permission: 'item.read',
    icon: <ProfileOutlined />,
    group: 'items',
    menu: true,
    Component: lazy(() => import('../modules/items/ItemsPage.tsx')),
  },
  {
    path: '/items/listed',
    label: 'menu.itemsListed',
    permission: 'item.read',
    roles: ['admin', 'office', 'leader', 'unit'],
    icon: <FlagOutlined />,
    group: 'items',
    menu: true,
    Component: lazy(() => import('../modules/items/ListedPage.tsx')),
  },
  {
    path: '/items/escalations',
    label: 'menu.itemEscalations',
    permission: 'item.write',
    roles: ['admin', 'office'],
    icon: <RiseOutlined />,
    group: 'items',
    menu: true,
    Component: lazy(() => import('../modules/items/EscalationsPage.tsx')),
  },
  {
    path: '/items/indicators',
    label: 'menu.itemIndicators',
    permission: 'item.read',
    icon: <BarChartOutlined />,
    group: 'items',
    menu: true,
    Component: lazy(() => import('../modules/items/IndicatorsPage.tsx')),
  },
  {
    path: '/items/:id',
    label: 'menu.itemDetail',
    permission: 'item.read',
    menu: false,
    Component: lazy(() => import('../modules/items/ItemPage.tsx')),
  },
  {
    path: '/notifications',
    label: 'menu.notifications',
    icon: <BellOutlined />,
    menu: false,
    Component: lazy(() => import('../modules/notifications/NotificationsPage.tsx')),
  },
  {
    path: '/lists/:id',
    label: 'menu.listDetail',
    permission: 'project.read',
    menu: false,
    Component: lazy(() => import('../modules/lists/ListDetailPage.tsx')),
  },
  {
    path: '/org/regions',
    label: 'menu.regions',
    permission: 'org.read',
    icon: <EnvironmentOutlined />,
    group: 'org',
    menu: true,
    Component: lazy(() => import('../modules/regions/RegionsPage.tsx')),
  },
  {
    path: '/org/units',
    label: 'menu.units',
    permission: 'org.read',
    icon: <BankOutlined />,
    group: 'org',
    menu: true,
    Component: lazy(() => import('../modules/units/UnitsPage.tsx')),
  },
  {
    path: '/org/positions',
    label: 'menu.positions',
    permission: 'org.read',
    icon: <IdcardOutlined />,
    group: 'org',
    menu: true,
    Component: lazy(() => import('../modules/positions/PositionsPage.tsx')),
  },
  {
    path: '/org/people',
    label: 'menu.people',
    permission: 'org.read',
    icon: <TeamOutlined />,
    group: 'org',
    menu: true,
    Component: lazy(() => import('../modules/people/PeoplePage.tsx')),
  },
  {
    path: '/settings/reporting',
    label: 'menu.reportingSettings',
    permission: 'project.read',
    roles: ['admin', 'office'],
    icon: <ControlOutlined />,
    group: 'settings',
    menu: true,
    Component: lazy(() => import('./pages/ReportingSettings.tsx')),
  },
  {
    path: '/settings/items',
    label: 'menu.itemSettings',
    permission: 'item.write',
    roles: ['admin', 'office'],
    icon: <SolutionOutlined />,
    group: 'settings',
    menu: true,
    Component: lazy(() => import('../modules/items/SettingsPage.tsx')),
  },
  {
    path: '/settings/dictionaries',
    label: 'menu.dictionaries',
    permission: 'project.read',
    roles: ['admin', 'office'],
    icon: <BookOutlined />,
    group: 'settings',
    menu: true,
    Component: lazy(() => import('../modules/dictionaries/DictionariesPage.tsx')),
  },
  {
    path: '/admin/users',
    label: 'menu.users',
    permission: 'user.read',
    icon: <UserOutlined />,
    menu: true,
    Component: lazy(() => import('../modules/users/UsersPage.tsx')),
  },
  {
    path: '/admin/audit',
    label: 'menu.audit',
    permission: 'audit.list',
    icon: <AuditOutlined />,
    menu: true,
    Component: lazy(() => import('../modules/audit/AuditPage.tsx')),
  },
  {
    path: '/me/password',
    label: 'menu.password',
    icon: <LockOutlined />,
    menu: false,
    Component: lazy(() => import('../modules/account/ChangePasswordPage.tsx')),
  },
  {
    path: '/me/tokens',
    label: 'menu.tokens',
    permission: 'token.own',
    icon: <KeyOutlined />,
    menu: false,
    Component: lazy(() => import('../modules/account/TokensPage.tsx')),
  },
];

/** Routes the user may open by themselves (no `:param` in the path), in table order. */
export function allowedRoutes(me: Pick<Me, 'permissions' | 'role'>): AppRoute[] {
  return appRoutes.filter(
    (r) =>
      hasPermission(me, r.permission) && (!r.roles || r.roles.includes(me.role)) && !r.path.includes(':'),
  );
}
