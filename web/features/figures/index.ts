// 驾驶舱 and 统计报告: the year in figures from the registry (server/platform/figures) — a leader's dashboard with its
// 大屏, the counties side by side, and the report builder of the annual work report and periodic summaries.
import { DashboardOutlined, FileTextOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage.tsx';
import { type FeatureRoute, menu, route } from '../types.ts';

const DashboardPage = lazyPage(() => import('./pages/DashboardPage.tsx').then((m) => m.DashboardPage));
const ReportsPage = lazyPage(() => import('./pages/ReportsPage.tsx').then((m) => m.ReportsPage));
const ReportPage = lazyPage(() => import('./pages/ReportPage.tsx').then((m) => m.ReportPage));
const ReportBuilderPage = lazyPage(() => import('./pages/ReportBuilderPage.tsx').then((m) => m.ReportBuilderPage));

const GROUP = '数据统计';

export const figuresRoutes: FeatureRoute[] = [
  route('figures', DashboardPage, ['figures.read'], menu('驾驶舱', DashboardOutlined, GROUP, 50)),
  route('figures/reports', ReportsPage, ['figures.report'], menu('统计报告', FileTextOutlined, GROUP, 51)),
  route('figures/reports/new', ReportBuilderPage, ['figures.report']),
  route('figures/reports/:id', ReportPage, ['figures.report']),
];
