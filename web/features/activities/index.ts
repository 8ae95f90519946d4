// 履职活动 (menu group 履职管理): list, create, an activity's page, its venue QR screen.
import { TeamOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import { lazyPage } from '../../app/lazyPage.tsx';
import { GROUP } from '../meetings/index.ts';
import type { FeatureRoute } from '../types.ts';

const ActivitiesPage = lazyPage(() => import('./pages/ActivitiesPage.tsx').then((m) => m.ActivitiesPage));
const ActivityDetailPage = lazyPage(() => import('./pages/ActivityDetailPage.tsx').then((m) => m.ActivityDetailPage));
const ActivityFormPage = lazyPage(() => import('./pages/ActivityFormPage.tsx').then((m) => m.ActivityFormPage));
const ActivityQrPage = lazyPage(() => import('./pages/ActivityQrPage.tsx').then((m) => m.ActivityQrPage));

export const activitiesRoutes: FeatureRoute[] = [
  {
    path: 'activities',
    element: createElement(ActivitiesPage),
    menu: { label: '履职活动', icon: createElement(TeamOutlined), group: GROUP, order: 411 },
    permissions: ['meeting.read'],
  },
  { path: 'activities/new', element: createElement(ActivityFormPage), permissions: ['activity.manage'] },
  { path: 'activities/:id/qr', element: createElement(ActivityQrPage), permissions: ['activity.manage'] },
  { path: 'activities/:id', element: createElement(ActivityDetailPage), permissions: ['meeting.read'] },
];
