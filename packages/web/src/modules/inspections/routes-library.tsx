// The app's routes to inspections' library pages (the route table in app/routes.tsx spreads them):
// the plan, the three libraries and the figures, for the roles that read them (office, leader, admin).
import { lazy } from 'react';
import {
  BankOutlined,
  BarChartOutlined,
  IdcardOutlined,
  ScheduleOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Role } from '@ducha/contract';
import type { AppRoute } from '../../app/route-types.ts';

const readers: Role[] = ['admin', 'office', 'leader'];

export const libraryRoutes: AppRoute[] = [
  {
    path: '/inspections/plan',
    label: 'menu.inspectionPlans',
    permission: 'inspection.read',
    roles: readers,
    icon: <ScheduleOutlined />,
    group: 'inspections',
    menu: true,
    Component: lazy(() => import('./library/PlanPage.tsx')),
  },
  {
    path: '/inspections/experts',
    label: 'menu.experts',
    permission: 'inspection.read',
    roles: readers,
    icon: <TeamOutlined />,
    group: 'inspections',
    menu: true,
    Component: lazy(() => import('./library/ExpertsPage.tsx')),
  },
  {
    path: '/inspections/inspectors',
    label: 'menu.inspectors',
    permission: 'inspection.read',
    roles: readers,
    icon: <IdcardOutlined />,
    group: 'inspections',
    menu: true,
    Component: lazy(() => import('./library/InspectorsPage.tsx')),
  },
  {
    path: '/inspections/firms',
    label: 'menu.inspectionFirms',
    permission: 'inspection.read',
    roles: readers,
    icon: <BankOutlined />,
    group: 'inspections',
    menu: true,
    Component: lazy(() => import('./library/FirmsPage.tsx')),
  },
  {
    path: '/inspections/figures',
    label: 'menu.inspectionFigures',
    permission: 'inspection.read',
    roles: readers,
    icon: <BarChartOutlined />,
    group: 'inspections',
    menu: true,
    Component: lazy(() => import('./library/FiguresPage.tsx')),
  },
];
