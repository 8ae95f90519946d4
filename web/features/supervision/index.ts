// 随手拍 (民主监督): 随手拍 and 我的随手拍 for members, 随手拍 for staff, 随手拍办理 for units; one page per item.
import { AlertOutlined, CameraOutlined, FileSearchOutlined, PictureOutlined, SettingOutlined } from '@ant-design/icons';
import { lazyPages } from '../../app/lazyPage.tsx';
import { type FeatureRoute, menu, route } from '../types.ts';

const pages = lazyPages(import.meta.glob('./pages/*.tsx'));

const GROUP = '协商议政';

export const supervisionRoutes: FeatureRoute[] = [
  route('supervision/new', pages.NewReportPage, ['supervision.file'], menu('随手拍', CameraOutlined, GROUP, 530)),
  route('supervision/mine', pages.MyReportsPage, ['supervision.file'], menu('我的随手拍', PictureOutlined, GROUP, 531)),
  route('supervision', pages.StaffReportsPage, ['supervision.manage'], menu('随手拍', AlertOutlined, GROUP, 532)),
  route(
    'supervision/unit',
    pages.UnitReportsPage,
    ['supervision.handle'],
    menu('随手拍办理', FileSearchOutlined, GROUP, 533),
  ),
  route(
    'supervision/settings',
    pages.SettingsPage,
    ['supervision.manage'],
    menu('随手拍设置', SettingOutlined, GROUP, 534),
  ),
  route('supervision/:id', pages.DetailPage, ['supervision.read']),
];
