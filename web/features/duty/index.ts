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
import { lazyPage } from '../../app/lazyPage.tsx';
import { GROUP } from '../meetings/index.ts';
import { type FeatureRoute, menu, route } from '../types.ts';

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
  route('duty/me', MyDutyPage, ['duty.readOwn'], menu('我的履职', IdcardOutlined, GROUP, 400)),
  route('duty/my-report', MyReportPage, ['duty.readOwn'], menu('我的述职', FileTextOutlined, GROUP, 402)),
  route('duty/scores', ScoresPage, ['duty.readAll'], menu('履职积分', BarChartOutlined, GROUP, 420)),
  route('duty/members/:id', MemberDutyPage, ['duty.readAll']),
  route('duty/consequences', ConsequencesPage, ['duty.readAll'], menu('约谈与劝辞', WarningOutlined, GROUP, 421)),
  route('duty/reports', ReportsPage, ['duty.readAll'], menu('述职报告', AuditOutlined, GROUP, 422)),
  route('duty/reports/:id', ReportReviewPage, ['duty.readAll']),
  route('duty/commendations', CommendationsPage, ['duty.readAll'], menu('优秀委员', TrophyOutlined, GROUP, 423)),
  route('duty/rules', RulesPage, ['duty.rules'], menu('积分规则', SettingOutlined, GROUP, 424)),
  route('duty/lists', ListsPage, ['duty.readAll'], menu('正负面清单', OrderedListOutlined, GROUP, 425)),
  route('duty/sectors', SectorsPage, ['sector.figures'], menu('界别活动与提案', ApartmentOutlined, GROUP, 426)),
];
