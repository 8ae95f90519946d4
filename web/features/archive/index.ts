// 数字文史 (menu group 学习文史): search and volumes, a member's submission, an article's editorial page, a volume to read.
import { HistoryOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage.tsx';
import { LEARNING_GROUP } from '../learning/index.ts';
import { type FeatureRoute, menu, route } from '../types.ts';

const ArchivePage = lazyPage(() => import('./pages/ArchivePage.tsx').then((m) => m.ArchivePage));
const ArticlePage = lazyPage(() => import('./pages/ArticlePage.tsx').then((m) => m.ArticlePage));
const SubmitPage = lazyPage(() => import('./pages/SubmitPage.tsx').then((m) => m.SubmitPage));
const VolumePage = lazyPage(() => import('./pages/VolumePage.tsx').then((m) => m.VolumePage));

const VillagesPage = lazyPage(() => import('./pages/VillagesPage.tsx').then((m) => m.VillagesPage));
const VillagePage = lazyPage(() => import('./pages/VillagePage.tsx').then((m) => m.VillagePage));

export const archiveRoutes: FeatureRoute[] = [
  route('archive', ArchivePage, ['archive.read'], menu('数字文史', HistoryOutlined, LEARNING_GROUP, 720)),
  route('archive/submit', SubmitPage, ['archive.submit']),
  route('archive/articles/:id', ArticlePage, ['archive.read']),
  route('archive/volumes/:id', VolumePage, ['archive.read']),
  route('archive/villages', VillagesPage, ['archive.read']),
  route('archive/villages/:id', VillagePage, ['archive.read']),
];
