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
import { createElement } from 'react';
import { lazyPage } from '../../app/lazyPage.tsx';
import type { FeatureRoute } from '../types.ts';

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
  {
    path: 'opinions/new',
    element: createElement(OpinionFormPage),
    menu: { label: '报送信息', icon: createElement(EditOutlined), group: GROUP, order: 300 },
    permissions: ['opinion.submit'],
  },
  {
    path: 'opinions/mine',
    element: createElement(MyOpinionsPage),
    menu: { label: '我的信息', icon: createElement(ProfileOutlined), group: GROUP, order: 301 },
    permissions: ['opinion.submit'],
  },
  {
    path: 'opinions/queue',
    element: createElement(QueuePage),
    menu: { label: '信息筛选', icon: createElement(FileSearchOutlined), group: GROUP, order: 302 },
    permissions: ['opinion.readAll'],
  },
  {
    path: 'opinions/issues',
    element: createElement(IssuesPage),
    menu: { label: '编报期刊', icon: createElement(FileTextOutlined), group: GROUP, order: 303 },
    permissions: ['opinion.readAll'],
  },
  { path: 'opinions/issues/:id', element: createElement(IssuePage), permissions: ['opinion.readAll'] },
  {
    path: 'opinions/figures',
    element: createElement(FiguresPage),
    menu: { label: '社情民意统计', icon: createElement(BarChartOutlined), group: GROUP, order: 304 },
    permissions: ['opinion.figures'],
  },
  {
    path: 'opinions/unit',
    element: createElement(UnitReferralsPage),
    menu: { label: '转办信息', icon: createElement(SolutionOutlined), group: GROUP, order: 305 },
    permissions: ['opinion.respond'],
  },
  {
    path: 'opinions/settings',
    element: createElement(SettingsPage),
    menu: { label: '社情民意设置', icon: createElement(SettingOutlined), group: '系统管理', order: 850 },
    permissions: ['settings.manage'],
  },
  { path: 'opinions/:id/edit', element: createElement(OpinionFormPage), permissions: ['opinion.submit'] },
  { path: 'opinions/:id', element: createElement(OpinionDetailPage) },
];
