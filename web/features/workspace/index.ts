// 专委会・界别工作台: the workspaces (list, one special committee with its 一委一品, one sector) and the monthly
// reports (月汇报: list with 生成草稿, one report with its editor, 提交, 批注 and 导出Word).
import { ApartmentOutlined, FileTextOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage.tsx';
import { GROUP } from '../meetings/index.ts';
import { type FeatureRoute, menu, route } from '../types.ts';

const WorkspacesPage = lazyPage(() => import('./pages/WorkspacesPage.tsx').then((m) => m.WorkspacesPage));
const SpecialCommitteePage = lazyPage(() =>
  import('./pages/SpecialCommitteePage.tsx').then((m) => m.SpecialCommitteePage),
);
const SectorPage = lazyPage(() => import('./pages/SectorPage.tsx').then((m) => m.SectorPage));
const ReportsPage = lazyPage(() => import('./pages/ReportsPage.tsx').then((m) => m.ReportsPage));
const ReportPage = lazyPage(() => import('./pages/ReportPage.tsx').then((m) => m.ReportPage));

const REPORTS: FeatureRoute['permissions'] = ['workspace.manage', 'workspace.comment'];

export const workspaceRoutes: FeatureRoute[] = [
  route('workspace', WorkspacesPage, ['workspace.read'], menu('专委会工作台', ApartmentOutlined, GROUP, 434)),
  route('workspace/special-committees/:id', SpecialCommitteePage, ['workspace.read']),
  route('workspace/sectors/:id', SectorPage, ['workspace.read']),
  route('workspace/reports', ReportsPage, REPORTS, menu('专委会月汇报', FileTextOutlined, GROUP, 435)),
  route('workspace/reports/:id', ReportPage, REPORTS),
];
