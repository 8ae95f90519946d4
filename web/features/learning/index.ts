// 委员学习 (menu group 学习文史): a member's study page, the reader/player of a material, reflections, staff's desk.
import { BookOutlined, ReadOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage.tsx';
import { type FeatureRoute, menu, route } from '../types.ts';

const ManagePage = lazyPage(() => import('./pages/ManagePage.tsx').then((m) => m.ManagePage));
const MaterialPage = lazyPage(() => import('./pages/MaterialPage.tsx').then((m) => m.MaterialPage));
const ReflectionPage = lazyPage(() => import('./pages/ReflectionPage.tsx').then((m) => m.ReflectionPage));
const StudyPage = lazyPage(() => import('./pages/StudyPage.tsx').then((m) => m.StudyPage));

export const LEARNING_GROUP = '学习文史';

export const learningRoutes: FeatureRoute[] = [
  route('learning', StudyPage, ['learning.study'], menu('委员学习', ReadOutlined, LEARNING_GROUP, 700)),
  route('learning/materials/:id', MaterialPage, ['learning.read']),
  route('learning/reflections/:id', ReflectionPage, ['learning.read']),
  route(
    'learning/manage',
    ManagePage,
    ['learning.manage', 'learning.figures'],
    menu('学习管理', BookOutlined, LEARNING_GROUP, 701),
  ),
];
