// 专委会・界别工作台: the workspaces (list, one special committee with its 一委一品, one sector) and the monthly
// reports (月汇报: list with 生成草稿, one report with its editor, 提交, 批注 and 导出Word).
import { ApartmentOutlined, FileTextOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import { lazyPage } from '../../app/lazyPage.tsx';
import { GROUP } from '../meetings/index.ts';
import type { FeatureRoute } from '../types.ts';

const WorkspacesPage = lazyPage(() => import('./pages/WorkspacesPage.tsx').then((m) => m.WorkspacesPage));
const SpecialCommitteePage = lazyPage(() =>
  import('./pages/SpecialCommitteePage.tsx').then((m) => m.SpecialCommitteePage),
);
const SectorPage = lazyPage(() => import('./pages/SectorPage.tsx').then((m) => m.SectorPage));
const ReportsPage = lazyPage(() => import('./pages/ReportsPage.tsx').then((m) => m.ReportsPage));
const ReportPage = lazyPage(() => import('./pages/ReportPage.tsx').then((m) => m.ReportPage));

export const workspaceRoutes: FeatureRoute[] = [
  {
    path: 'workspace',
    element: createElement(WorkspacesPage),
    menu: { label: '专委会工作台', icon: createElement(ApartmentOutlined), group: GROUP, order: 434 },
    permissions: ['workspace.read'],
  },
  {
    path: 'workspace/special-committees/:id',
    element: createElement(SpecialCommitteePage),
    permissions: ['workspace.read'],
  },
  { path: 'workspace/sectors/:id', element: createElement(SectorPage), permissions: ['workspace.read'] },
  {
    path: 'workspace/reports',
    element: createElement(ReportsPage),
    menu: { label: '专委会月汇报', icon: createElement(FileTextOutlined), group: GROUP, order: 435 },
    permissions: ['workspace.manage', 'workspace.comment'],
  },
  {
    path: 'workspace/reports/:id',
    element: createElement(ReportPage),
    permissions: ['workspace.manage', 'workspace.comment'],
  },
];
