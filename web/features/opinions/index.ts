// 社情民意: pages of opinion reports — writing and 我的信息 for submitters, the liaison office's screening, issues,
// figures, a report's page for everyone allowed to read it, and referred reports for handling units.
import {
  BarChartOutlined,
  EditOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  ProfileOutlined,
  SettingOutlined,
  SolutionOutlined,
} from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage.tsx';
import { type FeatureRoute, menu, route } from '../types.ts';

const FiguresPage = lazyPage(() => import('./pages/FiguresPage.tsx').then((m) => m.FiguresPage));
const IssuePage = lazyPage(() => import('./pages/IssuePage.tsx').then((m) => m.IssuePage));
const IssuesPage = lazyPage(() => import('./pages/IssuesPage.tsx').then((m) => m.IssuesPage));
const MyOpinionsPage = lazyPage(() => import('./pages/MyOpinionsPage.tsx').then((m) => m.MyOpinionsPage));
const OpinionDetailPage = lazyPage(() => import('./pages/OpinionDetailPage.tsx').then((m) => m.OpinionDetailPage));
const OpinionFormPage = lazyPage(() => import('./pages/OpinionFormPage.tsx').then((m) => m.OpinionFormPage));
const QueuePage = lazyPage(() => import('./pages/QueuePage.tsx').then((m) => m.QueuePage));
const SettingsPage = lazyPage(() => import('./pages/SettingsPage.tsx').then((m) => m.SettingsPage));
const UnitReferralsPage = lazyPage(() => import('./pages/UnitReferralsPage.tsx').then((m) => m.UnitReferralsPage));

const GROUP = '社情民意';

export const opinionsRoutes: FeatureRoute[] = [
  route('opinions/new', OpinionFormPage, ['opinion.submit'], menu('报送信息', EditOutlined, GROUP, 300)),
  route('opinions/mine', MyOpinionsPage, ['opinion.submit'], menu('我的信息', ProfileOutlined, GROUP, 301)),
  route('opinions/queue', QueuePage, ['opinion.readAll'], menu('信息筛选', FileSearchOutlined, GROUP, 302)),
  route('opinions/issues', IssuesPage, ['opinion.readAll'], menu('编报期刊', FileTextOutlined, GROUP, 303)),
  route('opinions/issues/:id', IssuePage, ['opinion.readAll']),
  route('opinions/figures', FiguresPage, ['opinion.figures'], menu('社情民意统计', BarChartOutlined, GROUP, 304)),
  route('opinions/unit', UnitReferralsPage, ['opinion.respond'], menu('转办信息', SolutionOutlined, GROUP, 305)),
  route('opinions/settings', SettingsPage, ['settings.manage'], menu('社情民意设置', SettingOutlined, '系统管理', 850)),
  route('opinions/:id/edit', OpinionFormPage, ['opinion.submit']),
  route('opinions/:id', OpinionDetailPage),
];
