// 网络议政 pages: the list (staff open discussions and set the word filter), a discussion (vote, write, comments, map),
// moderation and the summary for staff; the public page of an invitation link.
import { MessageOutlined } from '@ant-design/icons';
import { lazyPages } from '../../../app/lazyPage.tsx';
import { type FeatureRoute, menu, route } from '../../types.ts';

const pages = lazyPages(import.meta.glob('./pages/*.tsx'));

export const discussionRoutes: FeatureRoute[] = [
  route(
    'consultations/discussions',
    pages.DiscussionListPage,
    ['discussion.participate'],
    menu('网络议政', MessageOutlined, '协商议政', 510),
  ),
  route('consultations/discussions/:id', pages.DiscussionPage, ['discussion.participate']),
  route('consultations/discussions/:id/moderate', pages.ModerationPage, ['discussion.manage']),
  route('consultations/discussions/:id/summary', pages.SummaryPage, ['discussion.manage']),
];
