// The app's routes to inspections' procedure pages (the route table in app/routes.tsx spreads them):
// 稽察项目 for the office, leaders and the inspected units; 我的稽察 for experts and inspectors (the
// inspections they are members of); one inspection's page.
import { lazy } from 'react';
import { AuditOutlined, SolutionOutlined } from '@ant-design/icons';
import type { AppRoute } from '../../app/route-types.ts';

const List = lazy(() => import('./procedure/InspectionsPage.tsx'));

export const procedureRoutes: AppRoute[] = [
  {
    path: '/inspections',
    label: 'menu.inspections',
    permission: 'inspection.read',
    roles: ['admin', 'office', 'leader', 'unit'],
    icon: <AuditOutlined />,
    group: 'inspections',
    menu: true,
    Component: List,
  },
  {
    path: '/inspections/mine',
    label: 'menu.myInspections',
    permission: 'inspection.read',
    roles: ['expert', 'inspector'],
    icon: <SolutionOutlined />,
    group: 'inspections',
    menu: true,
    Component: List,
  },
  {
    path: '/inspections/:id',
    label: 'menu.inspectionDetail',
    permission: 'inspection.read',
    menu: false,
    Component: lazy(() => import('./procedure/InspectionPage.tsx')),
  },
];
