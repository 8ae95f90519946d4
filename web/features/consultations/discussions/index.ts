// 网络议政 pages: the list (staff open discussions and set the word filter), a discussion (vote, write, comments, map),
// moderation and the summary for staff; the public page of an invitation link.
import { MessageOutlined } from '@ant-design/icons';
import { lazyPage } from '../../../app/lazyPage.tsx';
import { type FeatureRoute, menu, route } from '../../types.ts';

const DiscussionListPage = lazyPage(() => import('./pages/DiscussionListPage.tsx').then((m) => m.DiscussionListPage));
const DiscussionPage = lazyPage(() => import('./pages/DiscussionPage.tsx').then((m) => m.DiscussionPage));
const ModerationPage = lazyPage(() => import('./pages/ModerationPage.tsx').then((m) => m.ModerationPage));
const SummaryPage = lazyPage(() => import('./pages/SummaryPage.tsx').then((m) => m.SummaryPage));

export const discussionRoutes: FeatureRoute[] = [
  route(
    'consultations/discussions',
    DiscussionListPage,
    ['discussion.participate'],
    menu('网络议政', MessageOutlined, '协商议政', 510),
  ),
  route('consultations/discussions/:id', DiscussionPage, ['discussion.participate']),
  route('consultations/discussions/:id/moderate', ModerationPage, ['discussion.manage']),
  route('consultations/discussions/:id/summary', SummaryPage, ['discussion.manage']),
];
