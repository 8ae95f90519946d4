// 驾驶舱 and 统计报告: the year in figures from the registry (server/platform/figures) — a leader's dashboard with its
// 大屏, the counties side by side, and the report builder of the annual work report and periodic summaries.
import { DashboardOutlined, FileTextOutlined } from '@ant-design/icons';
import { lazyPages } from '../../app/lazyPage.tsx';
import { type FeatureRoute, menu, route } from '../types.ts';

const pages = lazyPages(import.meta.glob('./pages/*.tsx'));

const GROUP = '数据统计';

export const figuresRoutes: FeatureRoute[] = [
  route('figures', pages.DashboardPage, ['figures.read'], menu('驾驶舱', DashboardOutlined, GROUP, 50)),
  route('figures/reports', pages.ReportsPage, ['figures.report'], menu('统计报告', FileTextOutlined, GROUP, 51)),
  route('figures/reports/new', pages.ReportBuilderPage, ['figures.report']),
  route('figures/reports/:id', pages.ReportPage, ['figures.report']),
];
