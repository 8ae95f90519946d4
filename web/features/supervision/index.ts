// 随手拍 (民主监督): 随手拍 and 我的随手拍 for members, 随手拍 for staff, 随手拍办理 for units; one page per item.
import { AlertOutlined, CameraOutlined, FileSearchOutlined, PictureOutlined, SettingOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import { lazyPage } from '../../app/lazyPage.tsx';
import type { FeatureRoute } from '../types.ts';

const NewReportPage = lazyPage(() => import('./pages/NewReportPage.tsx').then((m) => m.NewReportPage));
const MyReportsPage = lazyPage(() => import('./pages/MyReportsPage.tsx').then((m) => m.MyReportsPage));
const StaffReportsPage = lazyPage(() => import('./pages/StaffReportsPage.tsx').then((m) => m.StaffReportsPage));
const UnitReportsPage = lazyPage(() => import('./pages/UnitReportsPage.tsx').then((m) => m.UnitReportsPage));
const SettingsPage = lazyPage(() => import('./pages/SettingsPage.tsx').then((m) => m.SettingsPage));
const DetailPage = lazyPage(() => import('./pages/DetailPage.tsx').then((m) => m.DetailPage));

const GROUP = '协商议政';

export const supervisionRoutes: FeatureRoute[] = [
  {
    path: 'supervision/new',
    element: createElement(NewReportPage),
    menu: { label: '随手拍', icon: createElement(CameraOutlined), group: GROUP, order: 530 },
    permissions: ['supervision.file'],
  },
  {
    path: 'supervision/mine',
    element: createElement(MyReportsPage),
    menu: { label: '我的随手拍', icon: createElement(PictureOutlined), group: GROUP, order: 531 },
    permissions: ['supervision.file'],
  },
  {
    path: 'supervision',
    element: createElement(StaffReportsPage),
    menu: { label: '随手拍', icon: createElement(AlertOutlined), group: GROUP, order: 532 },
    permissions: ['supervision.manage'],
  },
  {
    path: 'supervision/unit',
    element: createElement(UnitReportsPage),
    menu: { label: '随手拍办理', icon: createElement(FileSearchOutlined), group: GROUP, order: 533 },
    permissions: ['supervision.handle'],
  },
  {
    path: 'supervision/settings',
    element: createElement(SettingsPage),
    menu: { label: '随手拍设置', icon: createElement(SettingOutlined), group: GROUP, order: 534 },
    permissions: ['supervision.manage'],
  },
  { path: 'supervision/:id', element: createElement(DetailPage), permissions: ['supervision.read'] },
];
