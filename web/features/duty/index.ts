// 履职管理: 我的履职 and 我的述职 for members; scores, consequences, self-reports, commendations and the rule editor
// for staff and the committee admin.
import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  FileTextOutlined,
  IdcardOutlined,
  OrderedListOutlined,
  SettingOutlined,
  TrophyOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { createElement } from 'react';
import { lazyPage } from '../../app/lazyPage.tsx';
import { GROUP } from '../meetings/index.ts';
import type { FeatureRoute } from '../types.ts';

const MemberDutyPage = lazyPage(() => import('./pages/MemberDutyPage.tsx').then((m) => m.MemberDutyPage));
const MyDutyPage = lazyPage(() => import('./pages/MyDutyPage.tsx').then((m) => m.MyDutyPage));
const RulesPage = lazyPage(() => import('./pages/RulesPage.tsx').then((m) => m.RulesPage));
const CommendationsPage = lazyPage(() => import('./pages/CommendationsPage.tsx').then((m) => m.CommendationsPage));
const ConsequencesPage = lazyPage(() => import('./pages/ConsequencesPage.tsx').then((m) => m.ConsequencesPage));
const MyReportPage = lazyPage(() => import('./pages/MyReportPage.tsx').then((m) => m.MyReportPage));
const ReportReviewPage = lazyPage(() => import('./pages/ReportReviewPage.tsx').then((m) => m.ReportReviewPage));
const ReportsPage = lazyPage(() => import('./pages/ReportsPage.tsx').then((m) => m.ReportsPage));
const ListsPage = lazyPage(() => import('./pages/ListsPage.tsx').then((m) => m.ListsPage));
const SectorsPage = lazyPage(() => import('./pages/SectorsPage.tsx').then((m) => m.SectorsPage));
const ScoresPage = lazyPage(() => import('./pages/ScoresPage.tsx').then((m) => m.ScoresPage));

export const dutyRoutes: FeatureRoute[] = [
  {
    path: 'duty/me',
    element: createElement(MyDutyPage),
    menu: { label: '我的履职', icon: createElement(IdcardOutlined), group: GROUP, order: 400 },
    permissions: ['duty.readOwn'],
  },
  {
    path: 'duty/my-report',
    element: createElement(MyReportPage),
    menu: { label: '我的述职', icon: createElement(FileTextOutlined), group: GROUP, order: 402 },
    permissions: ['duty.readOwn'],
  },
  {
    path: 'duty/scores',
    element: createElement(ScoresPage),
    menu: { label: '履职积分', icon: createElement(BarChartOutlined), group: GROUP, order: 420 },
    permissions: ['duty.readAll'],
  },
  { path: 'duty/members/:id', element: createElement(MemberDutyPage), permissions: ['duty.readAll'] },
  {
    path: 'duty/consequences',
    element: createElement(ConsequencesPage),
    menu: { label: '约谈与劝辞', icon: createElement(WarningOutlined), group: GROUP, order: 421 },
    permissions: ['duty.readAll'],
  },
  {
    path: 'duty/reports',
    element: createElement(ReportsPage),
    menu: { label: '述职报告', icon: createElement(AuditOutlined), group: GROUP, order: 422 },
    permissions: ['duty.readAll'],
  },
  { path: 'duty/reports/:id', element: createElement(ReportReviewPage), permissions: ['duty.readAll'] },
  {
    path: 'duty/commendations',
    element: createElement(CommendationsPage),
    menu: { label: '优秀委员', icon: createElement(TrophyOutlined), group: GROUP, order: 423 },
    permissions: ['duty.readAll'],
  },
  {
    path: 'duty/rules',
    element: createElement(RulesPage),
    menu: { label: '积分规则', icon: createElement(SettingOutlined), group: GROUP, order: 424 },
    permissions: ['duty.rules'],
  },
  {
    path: 'duty/lists',
    element: createElement(ListsPage),
    menu: { label: '正负面清单', icon: createElement(OrderedListOutlined), group: GROUP, order: 425 },
    permissions: ['duty.readAll'],
  },
  {
    path: 'duty/sectors',
    element: createElement(SectorsPage),
    menu: { label: '界别活动与提案', icon: createElement(ApartmentOutlined), group: GROUP, order: 426 },
    permissions: ['sector.figures'],
  },
];
