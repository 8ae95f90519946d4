// 驾驶舱 and 统计报告: the year in figures from the registry (server/platform/figures) — a leader's dashboard with its
// 大屏, the counties side by side, and the report builder of the annual work report and periodic summaries.
import { DashboardOutlined, FileTextOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import { lazyPage } from '../../app/lazyPage.tsx';
import type { FeatureRoute } from '../types.ts';

const DashboardPage = lazyPage(() => import('./pages/DashboardPage.tsx').then((m) => m.DashboardPage));
const ReportsPage = lazyPage(() => import('./pages/ReportsPage.tsx').then((m) => m.ReportsPage));
const ReportPage = lazyPage(() => import('./pages/ReportPage.tsx').then((m) => m.ReportPage));
const ReportBuilderPage = lazyPage(() => import('./pages/ReportBuilderPage.tsx').then((m) => m.ReportBuilderPage));

const GROUP = '数据统计';

export const figuresRoutes: FeatureRoute[] = [
  {
    path: 'figures',
    element: createElement(DashboardPage),
    menu: { label: '驾驶舱', icon: createElement(DashboardOutlined), group: GROUP, order: 50 },
    permissions: ['figures.read'],
  },
  {
    path: 'figures/reports',
    element: createElement(ReportsPage),
    menu: { label: '统计报告', icon: createElement(FileTextOutlined), group: GROUP, order: 51 },
    permissions: ['figures.report'],
  },
  { path: 'figures/reports/new', element: createElement(ReportBuilderPage), permissions: ['figures.report'] },
  { path: 'figures/reports/:id', element: createElement(ReportPage), permissions: ['figures.report'] },
];
