// 网络议政 pages: the list (staff open discussions and set the word filter), a discussion (vote, write, comments, map),
// moderation and the summary for staff; the public page of an invitation link.
import { MessageOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import { lazyPage } from '../../../app/lazyPage.tsx';
import type { FeatureRoute } from '../../types.ts';

const DiscussionListPage = lazyPage(() => import('./pages/DiscussionListPage.tsx').then((m) => m.DiscussionListPage));
const DiscussionPage = lazyPage(() => import('./pages/DiscussionPage.tsx').then((m) => m.DiscussionPage));
const ModerationPage = lazyPage(() => import('./pages/ModerationPage.tsx').then((m) => m.ModerationPage));
const SummaryPage = lazyPage(() => import('./pages/SummaryPage.tsx').then((m) => m.SummaryPage));

export const discussionRoutes: FeatureRoute[] = [
  {
    path: 'consultations/discussions',
    element: createElement(DiscussionListPage),
    menu: { label: '网络议政', icon: createElement(MessageOutlined), group: '协商议政', order: 510 },
    permissions: ['discussion.participate'],
  },
  {
    path: 'consultations/discussions/:id',
    element: createElement(DiscussionPage),
    permissions: ['discussion.participate'],
  },
  {
    path: 'consultations/discussions/:id/moderate',
    element: createElement(ModerationPage),
    permissions: ['discussion.manage'],
  },
  {
    path: 'consultations/discussions/:id/summary',
    element: createElement(SummaryPage),
    permissions: ['discussion.manage'],
  },
];
