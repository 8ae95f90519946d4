// 书香政协 (menu group 学习文史): groups, book lists and figures; one group's rota and notes.
import { BookOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import { lazyPage } from '../../app/lazyPage.tsx';
import { LEARNING_GROUP } from '../learning/index.ts';
import type { FeatureRoute } from '../types.ts';

const GroupPage = lazyPage(() => import('./pages/GroupPage.tsx').then((m) => m.GroupPage));
const ReadingPage = lazyPage(() => import('./pages/ReadingPage.tsx').then((m) => m.ReadingPage));

const HandoutsPage = lazyPage(() => import('./pages/HandoutsPage.tsx').then((m) => m.HandoutsPage));

export const readingRoutes: FeatureRoute[] = [
  {
    path: 'reading',
    element: createElement(ReadingPage),
    menu: { label: '书香政协', icon: createElement(BookOutlined), group: LEARNING_GROUP, order: 710 },
    permissions: ['reading.read'],
  },
  { path: 'reading/groups/:id', element: createElement(GroupPage), permissions: ['reading.read'] },
  { path: 'reading/handouts', element: createElement(HandoutsPage), permissions: ['reading.manage'] },
];
