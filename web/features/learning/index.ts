// 委员学习 (menu group 学习文史): a member's study page, the reader/player of a material, reflections, staff's desk.
import { BookOutlined, ReadOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import { lazyPage } from '../../app/lazyPage.tsx';
import type { FeatureRoute } from '../types.ts';

const ManagePage = lazyPage(() => import('./pages/ManagePage.tsx').then((m) => m.ManagePage));
const MaterialPage = lazyPage(() => import('./pages/MaterialPage.tsx').then((m) => m.MaterialPage));
const ReflectionPage = lazyPage(() => import('./pages/ReflectionPage.tsx').then((m) => m.ReflectionPage));
const StudyPage = lazyPage(() => import('./pages/StudyPage.tsx').then((m) => m.StudyPage));

export const LEARNING_GROUP = '学习文史';

export const learningRoutes: FeatureRoute[] = [
  {
    path: 'learning',
    element: createElement(StudyPage),
    menu: { label: '委员学习', icon: createElement(ReadOutlined), group: LEARNING_GROUP, order: 700 },
    permissions: ['learning.study'],
  },
  { path: 'learning/materials/:id', element: createElement(MaterialPage), permissions: ['learning.read'] },
  { path: 'learning/reflections/:id', element: createElement(ReflectionPage), permissions: ['learning.read'] },
  {
    path: 'learning/manage',
    element: createElement(ManagePage),
    menu: { label: '学习管理', icon: createElement(BookOutlined), group: LEARNING_GROUP, order: 701 },
    permissions: ['learning.manage', 'learning.figures'],
  },
];
