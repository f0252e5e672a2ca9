// The app's routes to inspections' groups pages (the route table in app/routes.tsx spreads them;
// the organisation's leading groups page, also here, is routed there under 组织机构).
import { lazy } from 'react';
import { TeamOutlined } from '@ant-design/icons';
import type { AppRoute } from '../../app/route-types.ts';

export const groupsRoutes: AppRoute[] = [
  {
    path: '/inspections/groups',
    label: 'menu.inspectionGroups',
    permission: 'inspection.read',
    roles: ['admin', 'office', 'leader', 'inspector', 'unit'],
    icon: <TeamOutlined />,
    group: 'inspections',
    menu: true,
    Component: lazy(() => import('./groups/GroupsPage.tsx')),
  },
  {
    path: '/inspections/groups/:id',
    label: 'menu.inspectionGroupDetail',
    permission: 'inspection.read',
    menu: false,
    Component: lazy(() => import('./groups/GroupPage.tsx')),
  },
];
