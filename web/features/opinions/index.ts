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
import { lazyPages } from '../../app/lazyPage.tsx';
import { type FeatureRoute, menu, route } from '../types.ts';

const pages = lazyPages(import.meta.glob('./pages/*.tsx'));

const GROUP = '社情民意';

export const opinionsRoutes: FeatureRoute[] = [
  route('opinions/new', pages.OpinionFormPage, ['opinion.submit'], menu('报送信息', EditOutlined, GROUP, 300)),
  route('opinions/mine', pages.MyOpinionsPage, ['opinion.submit'], menu('我的信息', ProfileOutlined, GROUP, 301)),
  route('opinions/queue', pages.QueuePage, ['opinion.readAll'], menu('信息筛选', FileSearchOutlined, GROUP, 302)),
  route('opinions/issues', pages.IssuesPage, ['opinion.readAll'], menu('编报期刊', FileTextOutlined, GROUP, 303)),
  route('opinions/issues/:id', pages.IssuePage, ['opinion.readAll']),
  route('opinions/figures', pages.FiguresPage, ['opinion.figures'], menu('社情民意统计', BarChartOutlined, GROUP, 304)),
  route('opinions/unit', pages.UnitReferralsPage, ['opinion.respond'], menu('转办信息', SolutionOutlined, GROUP, 305)),
  route(
    'opinions/settings',
    pages.SettingsPage,
    ['settings.manage'],
    menu('社情民意设置', SettingOutlined, '系统管理', 850),
  ),
  route('opinions/:id/edit', pages.OpinionFormPage, ['opinion.submit']),
  route('opinions/:id', pages.OpinionDetailPage),
];
