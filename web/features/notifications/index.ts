// The notification centre page (every signed-in user).
import { BellOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import { lazyPage } from '../../app/lazyPage.tsx';
import type { FeatureRoute } from '../types.ts';

const NotificationCentrePage = lazyPage(() =>
  import('./NotificationCentrePage.tsx').then((m) => m.NotificationCentrePage),
);

export const notificationsRoutes: FeatureRoute[] = [
  {
    path: 'notifications',
    element: createElement(NotificationCentrePage),
    menu: { label: '通知中心', icon: createElement(BellOutlined), group: '个人中心', order: 900 },
    permissions: ['notification.read'],
  },
];
