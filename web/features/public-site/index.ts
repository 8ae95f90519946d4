// The committee's public site: 新闻公告 and 提案线索 for staff, 我的提案线索 for members (menu group 协商议政), and the
// public pages under /public/c/:code (outside the signed-in frame, registered in web/app/router.tsx).
import { BulbOutlined, NotificationOutlined } from '@ant-design/icons';
import { lazyPages } from '../../app/lazyPage.tsx';
import { type FeatureRoute, menu, route } from '../types.ts';

const pages = lazyPages(import.meta.glob('./pages/*.tsx'));

const GROUP = '协商议政';

export const publicSiteRoutes: FeatureRoute[] = [
  route('public-site/news', pages.NewsPage, ['publicSite.manage'], menu('新闻公告', NotificationOutlined, GROUP, 540)),
  route('public-site/ideas', pages.IdeasPage, ['publicSite.manage'], menu('提案线索', BulbOutlined, GROUP, 541)),
  route(
    'public-site/ideas/mine',
    pages.MyIdeasPage,
    ['publicSite.idea'],
    menu('我的提案线索', BulbOutlined, GROUP, 542),
  ),
];
