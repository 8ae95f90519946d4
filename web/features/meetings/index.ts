// 会议 and 大会发言 (menu group 履职管理), the venue QR screen, and member check-in (/checkin from the QR code, /scan).
import { CalendarOutlined, QrcodeOutlined, SoundOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import { lazyPage } from '../../app/lazyPage.tsx';
import type { FeatureRoute } from '../types.ts';

const CheckinPage = lazyPage(() => import('./pages/CheckinPage.tsx').then((m) => m.CheckinPage));
const MeetingQrPage = lazyPage(() => import('./pages/MeetingQrPage.tsx').then((m) => m.MeetingQrPage));
const ScanPage = lazyPage(() => import('./pages/ScanPage.tsx').then((m) => m.ScanPage));
const MeetingDetailPage = lazyPage(() => import('./pages/MeetingDetailPage.tsx').then((m) => m.MeetingDetailPage));
const MeetingFormPage = lazyPage(() => import('./pages/MeetingFormPage.tsx').then((m) => m.MeetingFormPage));
const MeetingsPage = lazyPage(() => import('./pages/MeetingsPage.tsx').then((m) => m.MeetingsPage));
const SpeechesPage = lazyPage(() => import('./pages/SpeechesPage.tsx').then((m) => m.SpeechesPage));

export const GROUP = '履职管理';

export const meetingsRoutes: FeatureRoute[] = [
  {
    path: 'meetings',
    element: createElement(MeetingsPage),
    menu: { label: '会议', icon: createElement(CalendarOutlined), group: GROUP, order: 410 },
    permissions: ['meeting.read'],
  },
  { path: 'meetings/new', element: createElement(MeetingFormPage), permissions: ['meeting.manage'] },
  { path: 'meetings/:id/edit', element: createElement(MeetingFormPage), permissions: ['meeting.manage'] },
  { path: 'meetings/:id/qr', element: createElement(MeetingQrPage), permissions: ['meeting.manage'] },
  { path: 'meetings/:id', element: createElement(MeetingDetailPage), permissions: ['meeting.read'] },
  {
    path: 'speeches',
    element: createElement(SpeechesPage),
    menu: { label: '大会发言', icon: createElement(SoundOutlined), group: GROUP, order: 412 },
    permissions: ['meeting.read'],
  },
  {
    path: 'scan',
    element: createElement(ScanPage),
    menu: { label: '扫码签到', icon: createElement(QrcodeOutlined), group: GROUP, order: 401 },
    permissions: ['duty.readOwn'],
  },
  { path: 'checkin', element: createElement(CheckinPage), permissions: ['meeting.read'] },
];
