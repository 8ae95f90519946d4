// The notification centre page (every signed-in user).
import { BellOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage.tsx';
import { type FeatureRoute, menu, route } from '../types.ts';

const NotificationCentrePage = lazyPage(() =>
  import('./NotificationCentrePage.tsx').then((m) => m.NotificationCentrePage),
);

export const notificationsRoutes: FeatureRoute[] = [
  route(
    'notifications',
    NotificationCentrePage,
    ['notification.read'],
    menu('通知中心', BellOutlined, '个人中心', 900),
  ),
];
