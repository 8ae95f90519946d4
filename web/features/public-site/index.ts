// The committee's public site: 新闻公告 and 提案线索 for staff, 我的提案线索 for members (menu group 协商议政), and the
// public pages under /public/c/:code (outside the signed-in frame, registered in web/app/router.tsx).
import { BulbOutlined, NotificationOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage.tsx';
import { type FeatureRoute, menu, route } from '../types.ts';

const NewsPage = lazyPage(() => import('./pages/NewsPage.tsx').then((m) => m.NewsPage));
const IdeasPage = lazyPage(() => import('./pages/IdeasPage.tsx').then((m) => m.IdeasPage));
const MyIdeasPage = lazyPage(() => import('./pages/MyIdeasPage.tsx').then((m) => m.MyIdeasPage));

const GROUP = '协商议政';

export const publicSiteRoutes: FeatureRoute[] = [
  route('public-site/news', NewsPage, ['publicSite.manage'], menu('新闻公告', NotificationOutlined, GROUP, 540)),
  route('public-site/ideas', IdeasPage, ['publicSite.manage'], menu('提案线索', BulbOutlined, GROUP, 541)),
  route('public-site/ideas/mine', MyIdeasPage, ['publicSite.idea'], menu('我的提案线索', BulbOutlined, GROUP, 542)),
];
