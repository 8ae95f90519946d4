// 随手拍 (民主监督): 随手拍 and 我的随手拍 for members, 随手拍 for staff, 随手拍办理 for units; one page per item.
import { AlertOutlined, CameraOutlined, FileSearchOutlined, PictureOutlined, SettingOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage.tsx';
import { type FeatureRoute, menu, route } from '../types.ts';

const NewReportPage = lazyPage(() => import('./pages/NewReportPage.tsx').then((m) => m.NewReportPage));
const MyReportsPage = lazyPage(() => import('./pages/MyReportsPage.tsx').then((m) => m.MyReportsPage));
const StaffReportsPage = lazyPage(() => import('./pages/StaffReportsPage.tsx').then((m) => m.StaffReportsPage));
const UnitReportsPage = lazyPage(() => import('./pages/UnitReportsPage.tsx').then((m) => m.UnitReportsPage));
const SettingsPage = lazyPage(() => import('./pages/SettingsPage.tsx').then((m) => m.SettingsPage));
const DetailPage = lazyPage(() => import('./pages/DetailPage.tsx').then((m) => m.DetailPage));

const GROUP = '协商议政';

export const supervisionRoutes: FeatureRoute[] = [
  route('supervision/new', NewReportPage, ['supervision.file'], menu('随手拍', CameraOutlined, GROUP, 530)),
  route('supervision/mine', MyReportsPage, ['supervision.file'], menu('我的随手拍', PictureOutlined, GROUP, 531)),
  route('supervision', StaffReportsPage, ['supervision.manage'], menu('随手拍', AlertOutlined, GROUP, 532)),
  route(
    'supervision/unit',
    UnitReportsPage,
    ['supervision.handle'],
    menu('随手拍办理', FileSearchOutlined, GROUP, 533),
  ),
  route('supervision/settings', SettingsPage, ['supervision.manage'], menu('随手拍设置', SettingOutlined, GROUP, 534)),
  route('supervision/:id', DetailPage, ['supervision.read']),
];
