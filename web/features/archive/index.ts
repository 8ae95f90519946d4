// 数字文史 (menu group 学习文史): search and volumes, a member's submission, an article's editorial page, a volume to read.
import { HistoryOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import { lazyPage } from '../../app/lazyPage.tsx';
import { LEARNING_GROUP } from '../learning/index.ts';
import type { FeatureRoute } from '../types.ts';

const ArchivePage = lazyPage(() => import('./pages/ArchivePage.tsx').then((m) => m.ArchivePage));
const ArticlePage = lazyPage(() => import('./pages/ArticlePage.tsx').then((m) => m.ArticlePage));
const SubmitPage = lazyPage(() => import('./pages/SubmitPage.tsx').then((m) => m.SubmitPage));
const VolumePage = lazyPage(() => import('./pages/VolumePage.tsx').then((m) => m.VolumePage));

const VillagesPage = lazyPage(() => import('./pages/VillagesPage.tsx').then((m) => m.VillagesPage));
const VillagePage = lazyPage(() => import('./pages/VillagePage.tsx').then((m) => m.VillagePage));

export const archiveRoutes: FeatureRoute[] = [
  {
    path: 'archive',
    element: createElement(ArchivePage),
    menu: { label: '数字文史', icon: createElement(HistoryOutlined), group: LEARNING_GROUP, order: 720 },
    permissions: ['archive.read'],
  },
  { path: 'archive/submit', element: createElement(SubmitPage), permissions: ['archive.submit'] },
  { path: 'archive/articles/:id', element: createElement(ArticlePage), permissions: ['archive.read'] },
  { path: 'archive/volumes/:id', element: createElement(VolumePage), permissions: ['archive.read'] },
  { path: 'archive/villages', element: createElement(VillagesPage), permissions: ['archive.read'] },
  { path: 'archive/villages/:id', element: createElement(VillagePage), permissions: ['archive.read'] },
];
