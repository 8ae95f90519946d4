// 会议 and 大会发言 (menu group 履职管理), the venue QR screen, and member check-in (/checkin from the QR code, /scan).
import { CalendarOutlined, QrcodeOutlined, SoundOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage.tsx';
import { type FeatureRoute, menu, route } from '../types.ts';

const CheckinPage = lazyPage(() => import('./pages/CheckinPage.tsx').then((m) => m.CheckinPage));
const MeetingQrPage = lazyPage(() => import('./pages/MeetingQrPage.tsx').then((m) => m.MeetingQrPage));
const ScanPage = lazyPage(() => import('./pages/ScanPage.tsx').then((m) => m.ScanPage));
const MeetingDetailPage = lazyPage(() => import('./pages/MeetingDetailPage.tsx').then((m) => m.MeetingDetailPage));
const MeetingFormPage = lazyPage(() => import('./pages/MeetingFormPage.tsx').then((m) => m.MeetingFormPage));
const MeetingsPage = lazyPage(() => import('./pages/MeetingsPage.tsx').then((m) => m.MeetingsPage));
const SpeechesPage = lazyPage(() => import('./pages/SpeechesPage.tsx').then((m) => m.SpeechesPage));

export const GROUP = '履职管理';

export const meetingsRoutes: FeatureRoute[] = [
  route('meetings', MeetingsPage, ['meeting.read'], menu('会议', CalendarOutlined, GROUP, 410)),
  route('meetings/new', MeetingFormPage, ['meeting.manage']),
  route('meetings/:id/edit', MeetingFormPage, ['meeting.manage']),
  route('meetings/:id/qr', MeetingQrPage, ['meeting.manage']),
  route('meetings/:id', MeetingDetailPage, ['meeting.read']),
  route('speeches', SpeechesPage, ['meeting.read'], menu('大会发言', SoundOutlined, GROUP, 412)),
  route('scan', ScanPage, ['duty.readOwn'], menu('扫码签到', QrcodeOutlined, GROUP, 401)),
  route('checkin', CheckinPage, ['meeting.read']),
];
