// The app's routes to assessment's scores pages (the route table in app/routes.tsx spreads them):
// 红黑榜, 考核台账, 考核卡 and 红黄牌 for every reader of scores; 考核方案 for offices and leaders (unit
// staff read their active scheme through the rankings).
import { lazy } from 'react';
import {
  AuditOutlined,
  FileProtectOutlined,
  FlagOutlined,
  IdcardOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import type { AppRoute } from '../../app/route-types.ts';

export const scoresRoutes: AppRoute[] = [
  {
    path: '/scores/rankings',
    label: 'menu.scoreRankings',
    permission: 'score.read',
    icon: <TrophyOutlined />,
    group: 'assessment',
    menu: true,
    Component: lazy(() => import('./scores/RankingsPage.tsx')),
  },
  {
    path: '/scores/ledger',
    label: 'menu.scoreLedger',
    permission: 'score.read',
    icon: <AuditOutlined />,
    group: 'assessment',
    menu: true,
    Component: lazy(() => import('./scores/LedgerPage.tsx')),
  },
  {
    path: '/scores/card',
    label: 'menu.scoreCard',
    permission: 'score.read',
    icon: <IdcardOutlined />,
    group: 'assessment',
    menu: true,
    Component: lazy(() => import('./scores/ScoreCardPage.tsx')),
  },
  {
    path: '/scores/cards',
    label: 'menu.warningCards',
    permission: 'score.read',
    icon: <FlagOutlined />,
    group: 'assessment',
    menu: true,
    Component: lazy(() => import('./scores/CardsPage.tsx')),
  },
  {
    path: '/scores/cards/:id',
    label: 'menu.warningCard',
    permission: 'score.read',
    menu: false,
    Component: lazy(() => import('./scores/CardPage.tsx')),
  },
  {
    path: '/scores/schemes',
    label: 'menu.schemes',
    permission: 'score.read',
    roles: ['admin', 'office', 'leader'],
    icon: <FileProtectOutlined />,
    group: 'assessment',
    menu: true,
    Component: lazy(() => import('./scores/SchemesPage.tsx')),
  },
  {
    path: '/scores/schemes/:id',
    label: 'menu.scheme',
    permission: 'score.read',
    roles: ['admin', 'office', 'leader'],
    menu: false,
    Component: lazy(() => import('./scores/SchemePage.tsx')),
  },
];
