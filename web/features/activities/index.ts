// 履职活动 (menu group 履职管理): list, create, an activity's page, its venue QR screen.
import { TeamOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage.tsx';
import { GROUP } from '../meetings/index.ts';
import { type FeatureRoute, menu, route } from '../types.ts';

const ActivitiesPage = lazyPage(() => import('./pages/ActivitiesPage.tsx').then((m) => m.ActivitiesPage));
const ActivityDetailPage = lazyPage(() => import('./pages/ActivityDetailPage.tsx').then((m) => m.ActivityDetailPage));
const ActivityFormPage = lazyPage(() => import('./pages/ActivityFormPage.tsx').then((m) => m.ActivityFormPage));
const ActivityQrPage = lazyPage(() => import('./pages/ActivityQrPage.tsx').then((m) => m.ActivityQrPage));

export const activitiesRoutes: FeatureRoute[] = [
  route('activities', ActivitiesPage, ['meeting.read'], menu('履职活动', TeamOutlined, GROUP, 411)),
  route('activities/new', ActivityFormPage, ['activity.manage']),
  route('activities/:id/qr', ActivityQrPage, ['activity.manage']),
  route('activities/:id', ActivityDetailPage, ['meeting.read']),
];
