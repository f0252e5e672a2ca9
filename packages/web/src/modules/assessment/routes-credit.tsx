// The app's routes to assessment's credit pages (the route table in app/routes.tsx spreads them),
// and the public list of admitted firms (placed under /public by the public area's routes).
import { lazy } from 'react';
import { Route } from 'react-router';
import { AuditOutlined, SafetyCertificateOutlined, SolutionOutlined } from '@ant-design/icons';
import type { AppRoute } from '../../app/route-types.ts';

export const creditRoutes: AppRoute[] = [
  {
    path: '/assessment/credit/enterprises',
    label: 'menu.enterprises',
    permission: 'score.read',
    icon: <SafetyCertificateOutlined />,
    group: 'assessment',
    menu: true,
    Component: lazy(() => import('./credit/EnterprisesPage.tsx')),
  },
  {
    path: '/assessment/credit/enterprises/:id',
    label: 'menu.enterpriseDetail',
    permission: 'score.read',
    menu: false,
    Component: lazy(() => import('./credit/EnterprisePage.tsx')),
  },
  {
    path: '/assessment/credit/evaluations',
    label: 'menu.evaluations',
    permission: 'score.read',
    icon: <AuditOutlined />,
    group: 'assessment',
    menu: true,
    Component: lazy(() => import('./credit/EvaluationsPage.tsx')),
  },
  {
    path: '/assessment/credit/records',
    label: 'menu.creditRecords',
    permission: 'score.read',
    icon: <SolutionOutlined />,
    group: 'assessment',
    menu: true,
    Component: lazy(() => import('./credit/CreditRecordsPage.tsx')),
  },
];

const PublicEnterprisesPage = lazy(() => import('./credit/PublicEnterprisesPage.tsx'));

/** The public list, a child of the public area's `/public` route (no login). */
export const publicCreditRoute = <Route path="enterprises" element={<PublicEnterprisesPage />} />;
