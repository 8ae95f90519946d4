// The committee's public site: 新闻公告 and 提案线索 for staff, 我的提案线索 for members (menu group 协商议政), and the
// public pages under /public/c/:code (outside the signed-in frame, registered in web/app/router.tsx).
import { BulbOutlined, NotificationOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import { lazyPage } from '../../app/lazyPage.tsx';
import type { FeatureRoute } from '../types.ts';

const NewsPage = lazyPage(() => import('./pages/NewsPage.tsx').then((m) => m.NewsPage));
const IdeasPage = lazyPage(() => import('./pages/IdeasPage.tsx').then((m) => m.IdeasPage));
const MyIdeasPage = lazyPage(() => import('./pages/MyIdeasPage.tsx').then((m) => m.MyIdeasPage));

const GROUP = '协商议政';

export const publicSiteRoutes: FeatureRoute[] = [
  {
    path: 'public-site/news',
    element: createElement(NewsPage),
    menu: { label: '新闻公告', icon: createElement(NotificationOutlined), group: GROUP, order: 540 },
    permissions: ['publicSite.manage'],
  },
  {
    path: 'public-site/ideas',
    element: createElement(IdeasPage),
    menu: { label: '提案线索', icon: createElement(BulbOutlined), group: GROUP, order: 541 },
    permissions: ['publicSite.manage'],
  },
  {
    path: 'public-site/ideas/mine',
    element: createElement(MyIdeasPage),
    menu: { label: '我的提案线索', icon: createElement(BulbOutlined), group: GROUP, order: 542 },
    permissions: ['publicSite.idea'],
  },
];
