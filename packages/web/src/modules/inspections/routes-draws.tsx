// The app's routes to inspections' draws pages (the route table in app/routes.tsx spreads them),
// and the public area's routes (一公开, outside the login, App.tsx places them).
import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router';
import { DeploymentUnitOutlined } from '@ant-design/icons';
import type { AppRoute } from '../../app/route-types.ts';

export const drawsRoutes: AppRoute[] = [
  {
    path: '/draws',
    label: 'menu.draws',
    permission: 'inspection.read',
    roles: ['admin', 'office', 'leader'],
    icon: <DeploymentUnitOutlined />,
    group: 'inspections',
    menu: true,
    Component: lazy(() => import('./draws/DrawsPage.tsx')),
  },
  {
    path: '/draws/:id',
    label: 'menu.drawDetail',
    permission: 'inspection.read',
    roles: ['admin', 'office', 'leader'],
    menu: false,
    Component: lazy(() => import('./draws/DrawPage.tsx')),
  },
];

const PublicLayout = lazy(() => import('./public/PublicLayout.tsx'));
const PublicHome = lazy(() => import('./public/PublicHome.tsx'));
const PublicPlanPage = lazy(() => import('./public/PublicPlanPage.tsx'));
const PublicDrawPage = lazy(() => import('./public/PublicDrawPage.tsx'));

/**
 * The public pages under /public: no login, their own layout; `more` are other modules' public
 * pages (App.tsx composes them: a module imports no other).
 */
export const publicRoutes = (more?: ReactNode) => (
  <Route path="/public" element={<PublicLayout />}>
    <Route index element={<PublicHome />} />
    <Route path="plans/:id" element={<PublicPlanPage />} />
    <Route path="draws/:id" element={<PublicDrawPage />} />
    {more}
  </Route>
);
