// The shape of a route of the app's one route table (routes.tsx), apart so modules' route lists can name it.
import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import type { Permission, Role } from '@ducha/contract';
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

export type MenuGroup = 'projects' | 'reports' | 'items' | 'inspections' | 'assessment' | 'org' | 'settings';
