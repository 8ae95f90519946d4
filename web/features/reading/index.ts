// 书香政协 (menu group 学习文史): groups, book lists and figures; one group's rota and notes.
import { BookOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage.tsx';
import { LEARNING_GROUP } from '../learning/index.ts';
import { type FeatureRoute, menu, route } from '../types.ts';

const GroupPage = lazyPage(() => import('./pages/GroupPage.tsx').then((m) => m.GroupPage));
const ReadingPage = lazyPage(() => import('./pages/ReadingPage.tsx').then((m) => m.ReadingPage));

const HandoutsPage = lazyPage(() => import('./pages/HandoutsPage.tsx').then((m) => m.HandoutsPage));

export const readingRoutes: FeatureRoute[] = [
  route('reading', ReadingPage, ['reading.read'], menu('书香政协', BookOutlined, LEARNING_GROUP, 710)),
  route('reading/groups/:id', GroupPage, ['reading.read']),
  route('reading/handouts', HandoutsPage, ['reading.manage']),
];
