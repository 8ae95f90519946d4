// 履职活动 (menu group 履职管理): list, create, an activity's page, its venue QR screen.
import { TeamOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import { GROUP } from '../meetings/index.ts';
import type { FeatureRoute } from '../types.ts';
import { ActivitiesPage, ActivityDetailPage, ActivityFormPage, ActivityQrPage } from './ActivitiesPages.tsx';

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
